// The document page: one-click copy of the permanent link and the reference. The page works
// without this file (the text can be selected by hand); with it, the Copy buttons appear.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  if (!navigator.clipboard || !status) return;

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.value !== undefined ? source.value : source.textContent;
      navigator.clipboard.writeText(text.trim()).then(function () {
        status.textContent = "";
        status.textContent = status.getAttribute("data-done");
        button.setAttribute("data-copied", "true");
      });
    });
  });
})();
