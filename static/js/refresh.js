// A page whose work runs in the background (an element with data-refresh-seconds) loads
// itself again every so many seconds until the work is done, instead of a
// <meta http-equiv="refresh">, which axe-core rejects (WCAG 2.2.1: a page must not reload
// on a timer the reader cannot stop). Leaving the page stops it; without JavaScript the
// page offers a "Refresh" link.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var holder = document.querySelector("[data-refresh-seconds]");
    if (!holder) return;
    var seconds = parseInt(holder.getAttribute("data-refresh-seconds"), 10) || 2;
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  });
})();
