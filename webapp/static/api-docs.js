// The API reference: Swagger UI draws the OpenAPI document served by the app itself.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({
    url: root.getAttribute("data-spec"),
    domNode: root,
    deepLinking: false, // its links sit inside the expand buttons, which screen readers cannot reach
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
    validatorUrl: null, // never ask an outside validator: the page works offline
  });
})();
