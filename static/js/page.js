// Every page: the phone menu, and the error summary of a form that came back with errors.
//
// The phone menu: a real button that opens and closes the main menu and the account links,
// says whether it is open (aria-expanded), and closes on Escape with focus back on it.
// Without JavaScript the menu simply stays open (the stylesheet hides it only under .js).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    // A form came back with errors: its summary (links to each field) takes focus, so a
    // screen reader reads it and a keyboard user starts from it.
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();

    var button = document.querySelector(".nav-toggle");
    var bar = button && button.closest(".topbar");
    if (!bar) return;
    function show(open) {
      bar.classList.toggle("menu-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && bar.classList.contains("menu-open")) {
        show(false);
        button.focus();
      }
    });
  });
})();
