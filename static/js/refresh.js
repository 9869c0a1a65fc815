// A page whose work runs in the background (a live region holding an element with
// data-refresh-seconds) asks the server for itself every so many seconds and puts the new
// progress into the region in place, so a screen reader hears the progress without the page
// reloading under it (a <meta http-equiv="refresh"> reloads on a timer the reader cannot
// stop, WCAG 2.2.1). When the work is done the page is loaded once, with its result.
// Without JavaScript the page offers a "Refresh" link.
(function () {
  "use strict";

  function poll(region, seconds) {
    window.setTimeout(function () {
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.querySelector("[aria-live] [data-refresh-seconds]");
          if (!fresh) {
            window.location.reload(); // done (or failed): show the whole result
            return;
          }
          var freshRegion = fresh.closest("[aria-live]");
          region.replaceChildren.apply(
            region,
            Array.prototype.map.call(freshRegion.childNodes, function (node) {
              return document.importNode(node, true);
            })
          );
          poll(region, seconds);
        })
        .catch(function () { /* the Refresh link stays: the reader decides */ });
    }, seconds * 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var holder = document.querySelector("[aria-live] [data-refresh-seconds]");
    if (!holder) return;
    var seconds = parseInt(holder.getAttribute("data-refresh-seconds"), 10) || 2;
    poll(holder.closest("[aria-live]"), seconds);
  });
})();
