"""The admin's buttons on a cycle: open it, add people who joined, close it, reopen it (POSTs
with a CSRF token; opening, closing and reopening ask first)."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from reviews.access import admin_required, get_or_404
from reviews.models import Cycle
from reviews.services.cycles import flow as cycle_flow

from .. import confirm, require_button, run
from . import bp


def _cycle_action(cycle_id: int, action, message, ask=None, yes: str = "", danger=False):
    """Run ``action`` on the cycle; ``ask(cycle)`` is the question to answer yes to first."""
    cycle = get_or_404(Cycle, cycle_id)
    require_button()
    back = url_for("cycles.show", cycle_id=cycle.id)
    if ask is not None and (page := confirm.ask_first(ask(cycle), yes, back, danger)):
        return page
    done = run(lambda: action(current_user, cycle))
    if done:
        flash(message(cycle, done.value), "success")
    return redirect(back)


@bp.route("/<int:cycle_id>/open", methods=["POST"])
@admin_required
def open_cycle(cycle_id: int):
    return _cycle_action(
        cycle_id,
        cycle_flow.open_cycle,
        lambda cycle, n: ngettext(
            "%(cycle)s is open: %(num)d review created.",
            "%(cycle)s is open: %(num)d reviews created.",
            n,
            cycle=cycle.name,
        ),
        ask=confirm.open_cycle,
        yes=_("Open cycle"),
    )


@bp.route("/<int:cycle_id>/add-people", methods=["POST"])
@admin_required
def add_people(cycle_id: int):
    return _cycle_action(
        cycle_id,
        cycle_flow.add_people,
        lambda cycle, n: ngettext("%(num)d review added.", "%(num)d reviews added.", n),
    )


@bp.route("/<int:cycle_id>/close", methods=["POST"])
@admin_required
def close_cycle(cycle_id: int):
    return _cycle_action(
        cycle_id,
        cycle_flow.close_cycle,
        lambda cycle, _result: _(
            "%(cycle)s is closed; its reviews are now read-only.", cycle=cycle.name
        ),
        ask=lambda cycle: confirm.close_cycle(cycle, cycle_flow.unfinished_reviews(cycle)),
        yes=_("Close cycle"),
        danger=True,
    )


@bp.route("/<int:cycle_id>/reopen", methods=["POST"])
@admin_required
def reopen_cycle(cycle_id: int):
    return _cycle_action(
        cycle_id,
        cycle_flow.reopen_cycle,
        lambda cycle, _result: _(
            "%(cycle)s is open again: its unfinished reviews can be completed.",
            cycle=cycle.name,
        ),
        ask=confirm.reopen_cycle,
        yes=_("Reopen cycle"),
    )
