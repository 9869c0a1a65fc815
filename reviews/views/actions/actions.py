"""What changes an action item from the lists: its status (anyone it concerns) and what was
agreed (the review's manager, admins). POST with a CSRF token."""

from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forms.actions import EditForm, StatusForm
from reviews import access
from reviews.services.actions import editing
from reviews.services.actions.status import set_status

from .. import run, safe_next
from . import bp


def _back(form, item):
    target = safe_next(form.next.data or url_for("actions.mine"))
    return redirect(f"{target}#item-{item.id}")


@bp.route("/<int:item_id>/status", methods=["POST"])
@login_required
def set_item_status(item_id: int):
    item = access.get_action_item_or_404(current_user, item_id)
    if not access.can_change_action_status(current_user, item):
        abort(403)
    form = StatusForm()
    if not form.validate_on_submit():
        for messages in form.errors.values():
            for message in messages:
                flash(str(message), "error")
        return _back(form, item)
    done = run(partial(set_status, current_user, item, form.status.data))
    if done and done.value:
        flash(_("Status saved: %(action)s.", action=item.description), "success")
    return _back(form, item)


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
@login_required
def edit(item_id: int):
    item = access.get_action_item_or_404(current_user, item_id)
    if not access.can_edit_action_item(current_user, item):
        abort(403)
    form = EditForm(data={"description": item.description, "due_on": item.due_on})
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next") or url_for("actions.staff"))
    elif form.validate_on_submit():
        change = partial(
            editing.edit_item,
            current_user,
            item,
            description=form.description.data,
            due_on=form.due_on.data,
        )
        if run(change, form):
            flash(_("Action item saved."), "success")
            return _back(form, item)
    status = 400 if form.errors or form.form_errors else 200
    back = safe_next(form.next.data or url_for("actions.mine"))
    return render_template("actions/edit.html", form=form, item=item, back=back), status
