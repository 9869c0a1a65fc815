// Irreversible buttons ask first. A form with data-confirm="question" (or, for a form whose
// answer depends on a choice, data-confirm-when="field" and data-confirm-<value>="question")
// opens a dialog; only a yes submits it, with confirmed=yes so the server does not ask again.
// Without JavaScript the server asks on a page of its own (reviews/views/confirm.py).
(function () {
  "use strict";

  function questionFor(form) {
    var when = form.getAttribute("data-confirm-when");
    if (when) {
      var field = form.elements[when];
      return field ? form.getAttribute("data-confirm-" + field.value) : null;
    }
    return form.getAttribute("data-confirm");
  }

  function hidden(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function ask(question, yesLabel, danger, onYes) {
    var labels = document.body.dataset;
    var dialog = element("dialog", "confirm-dialog");
    dialog.setAttribute("aria-labelledby", "confirm-dialog-title");
    dialog.setAttribute("aria-describedby", "confirm-dialog-question");
    var title = element("h2", "", labels.confirmTitle || "Are you sure?");
    title.id = "confirm-dialog-title";
    var text = element("p", "", question);
    text.id = "confirm-dialog-question";
    var buttons = element("form", "actions");
    buttons.method = "dialog";
    var yes = element("button", "btn " + (danger ? "btn-danger" : "btn-primary"), yesLabel);
    yes.value = "yes";
    var no = element("button", "btn btn-secondary", labels.confirmCancel || "Cancel");
    no.value = "no";
    no.autofocus = true;
    buttons.append(yes, no);
    dialog.append(title, text, buttons);
    document.body.appendChild(dialog);
    dialog.addEventListener("close", function () {
      var answer = dialog.returnValue;
      dialog.remove();
      if (answer === "yes") onYes();
    });
    dialog.showModal();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.getAttribute || form.dataset.confirmed === "yes") return;
    var question = questionFor(form);
    if (!question) return;
    event.preventDefault();
    var submitter = event.submitter;
    var label = submitter ? submitter.textContent.trim() : "OK";
    var danger = submitter ? submitter.classList.contains("btn-danger") : false;
    ask(question, label, danger, function () {
      if (submitter && submitter.name) hidden(form, submitter.name, submitter.value);
      hidden(form, "confirmed", "yes");
      form.dataset.confirmed = "yes";
      form.submit();
    });
  });
})();
