// The document page: stepping through the highlighted matches, "/" to the search box, and
// one-click copy of the permanent link and the reference. The page works without this file
// (the first match is linked, text can be selected by hand); with it, the buttons appear.
(function () {
  "use strict";

  var marks = document.querySelectorAll(".doc-text mark");
  var steps = document.querySelector(".match-steps");
  var position = document.querySelector(".match-position");
  var current = -1;
  if (steps && marks.length) {
    steps.hidden = false;
    steps.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-step]");
      if (!button) return;
      if (current >= 0) marks[current].classList.remove("current");
      current = (current + Number(button.getAttribute("data-step")) + marks.length) % marks.length;
      var mark = marks[current];
      mark.classList.add("current");
      mark.setAttribute("tabindex", "-1");
      mark.scrollIntoView({ block: "center" });
      position.textContent = position
        .getAttribute("data-template")
        .replace("{n}", current + 1)
        .replace("{total}", marks.length);
    });
  }

  var input = document.getElementById("q");
  document.addEventListener("keydown", function (event) {
    if (!input || event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

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
