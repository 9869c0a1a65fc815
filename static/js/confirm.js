// Buttons that cannot be undone ask first: a form with data-confirm="…" submits only after
// the person says yes. Without JavaScript the form still posts (the server never relies on it).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
