// Drafts save on their own every 30 seconds and when the page is left, if anything changed.
// The form works fully without this script; it only posts the same form as "Save draft".
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = form.querySelector(".autosave-status");
  var version = form.querySelector("input[name=version]");
  var dirty = false;
  var stopped = false;

  function say(key, fallback, suffix) {
    if (!status) return;
    status.textContent = (status.dataset[key] || fallback) + (suffix ? " " + suffix : "");
  }

  function payload() {
    var data = new FormData(form);
    data.set("action", "draft");
    return data;
  }

  function save(leaving) {
    if (!dirty || stopped) return;
    dirty = false;
    // form.action would be the buttons named "action" (DOM clobbering): read the attribute.
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: payload(),
      headers: { "X-Autosave": "1" },
      credentials: "same-origin",
      keepalive: !!leaving
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
    }).then(function (result) {
      if (result.ok && result.body.saved) {
        version.value = result.body.version;
        say("saved", "Draft saved automatically at", new Date().toLocaleTimeString());
      } else if (result.status === 409) {
        // Someone else saved: stop autosaving so nothing is overwritten; the text stays here.
        stopped = true;
        say("stale", "Not saved: this review was changed elsewhere.");
        if (status) status.classList.add("error");
      } else {
        dirty = true;
        say("failed", "Not saved yet.");
      }
    }).catch(function () { dirty = true; say("offline", "Offline: not saved yet."); });
  }

  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("change", function () { dirty = true; });
  form.addEventListener("submit", function () { stopped = true; });
  setInterval(function () { save(false); }, 30000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") save(true);
  });
  window.addEventListener("pagehide", function () { save(true); });
})();
