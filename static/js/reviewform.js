// The review forms (self-assessment, manager assessment): a progress line that says what is
// still needed to submit, entries added in place without saving, and the competency tags of
// each entry folded into one line that names the ones chosen.
(function () {
  "use strict";
  var form = document.querySelector("form.review-form");
  if (!form) return;

  // Progress: "6 of 9 rated · still missing: Overall summary".
  var progress = form.querySelector(".review-progress");
  var needed = (form.getAttribute("data-needed") || "").split(/\s+/).filter(Boolean);

  function labelOf(name) {
    if (name.charAt(0) === "@") {
      var list = form.querySelector('[data-entries="' + name.slice(1) + '"]');
      return list ? list.getAttribute("data-label") : name;
    }
    var field = form.elements[name];
    var label = field && field.id && form.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.trim() : name;
  }

  function filled(name) {
    if (name.charAt(0) === "@") {
      var list = form.querySelector('[data-entries="' + name.slice(1) + '"]');
      return !!list && Array.prototype.some.call(list.querySelectorAll("textarea"), function (t) {
        return t.value.trim() !== "";
      });
    }
    var field = form.elements[name];
    return !!field && field.value.trim() !== "";
  }

  function update() {
    if (!progress) return;
    var groups = form.querySelectorAll("fieldset.rating");
    var done = Array.prototype.filter.call(groups, function (group) {
      return group.querySelector("input[type=radio]:checked");
    }).length;
    var parts = [];
    if (groups.length) {
      parts.push(progress.dataset.rated.replace("{done}", done).replace("{total}", groups.length));
    }
    var missing = needed.filter(function (name) { return !filled(name); }).map(labelOf);
    if (missing.length) parts.push(progress.dataset.missing.replace("{fields}", missing.join(", ")));
    else if (done === groups.length) parts.push(progress.dataset.complete);
    progress.textContent = parts.join(" · ");
    progress.hidden = false;
  }

  // Tags: the folded line names the competencies ticked.
  function showChosen(picker) {
    var names = Array.prototype.filter.call(picker.querySelectorAll("input[type=checkbox]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.parentNode.textContent.trim(); });
    var chosen = picker.querySelector(".tag-picker-chosen");
    if (chosen) chosen.textContent = names.length ? names.join(", ") : chosen.dataset.none;
  }

  // Add an entry: a copy of the list's last one, numbered next, emptied.
  function addEntry(kind) {
    var list = form.querySelector('[data-entries="' + kind + '"]');
    var last = list && list.lastElementChild;
    if (!last) return;
    var pattern = new RegExp("^" + kind + "-(\\d+)-");
    var next = list.children.length;
    Array.prototype.forEach.call(list.children, function (entry) {
      var field = entry.querySelector("[name^='" + kind + "-']");
      var match = field && field.name.match(pattern);
      if (match) next = Math.max(next, Number(match[1]) + 1);
    });
    var copy = last.cloneNode(true);
    copy.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (node) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
        var value = node.getAttribute(attr);
        if (value) node.setAttribute(attr, value.replace(pattern, kind + "-" + next + "-"));
      });
    });
    copy.querySelectorAll(".error").forEach(function (node) { node.remove(); });
    copy.querySelectorAll("input, textarea, select").forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") field.checked = false;
      else if (field.tagName === "SELECT") {
        if (!/-(kind|status)$/.test(field.name)) field.selectedIndex = 0;  // kind, status keep
      }
      else if (field.type !== "hidden" || field.name.match(/-id$/)) field.value = "";
      field.removeAttribute("aria-invalid");
    });
    copy.querySelectorAll(".remove").forEach(function (node) { node.remove(); });
    copy.querySelectorAll("details").forEach(function (node) { node.open = false; });
    copy.querySelectorAll(".tag-picker").forEach(showChosen);
    list.appendChild(copy);
    var first = copy.querySelector("textarea, input[type=text]");
    if (first) first.focus();
    update();
  }

  form.addEventListener("input", update);
  form.addEventListener("change", function (event) {
    var picker = event.target.closest && event.target.closest(".tag-picker");
    if (picker) showChosen(picker);
    update();
  });
  form.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-add]");
    if (button) addEntry(button.getAttribute("data-add"));
  });
  update();
})();
