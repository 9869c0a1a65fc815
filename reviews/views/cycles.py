"""Cycle pages: the reviews of a cycle with their step and deadlines, and the admin's
open / add people / close buttons."""

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select

from extensions import db
from forms import EmptyForm
from reviews.access import admin_required, cycle_page_reviews, get_or_404, own_review_id
from reviews.models import Cycle
from reviews.services import DomainError, cycle_flow, overview

from . import require_button

bp = Blueprint("cycles", __name__, url_prefix="/cycles")


@bp.route("/")
@login_required
def index():
    """Everyone's own reviews; the cycles themselves for those who write or read reviews."""
    cycles = []
    if current_user.has_role("manager", "leadership", "admin"):
        cycles = db.session.scalars(select(Cycle).order_by(Cycle.period_start.desc())).all()
    return render_template(
        "cycles/index.html", cycles=cycles, my_reviews=overview.my_reviews(current_user, limit=100)
    )


@bp.route("/<int:cycle_id>")
@login_required
def show(cycle_id: int):
    cycle = get_or_404(Cycle, cycle_id)
    reviews = cycle_page_reviews(current_user, cycle.id)
    if not reviews and not current_user.has_role("leadership", "admin", "manager"):
        # Staff have nothing to manage here: take them to their own review of the cycle.
        own = own_review_id(current_user, cycle.id)
        if own is None:
            abort(404)
        return redirect(url_for("reviews.show", review_id=own))
    today = date.today()
    rows = [(r, cycle_flow.is_overdue(r, today)) for r in reviews]
    return render_template(
        "cycles/show.html",
        cycle=cycle,
        rows=rows,
        overdue=sum(1 for _, late in rows if late),
        button=EmptyForm(),
    )


def _cycle_action(cycle_id: int, action, message):
    cycle = get_or_404(Cycle, cycle_id)
    require_button()
    try:
        result = action(cycle)
    except DomainError as error:
        db.session.rollback()
        for text in error.errors.values():
            flash(text, "error")
        return redirect(url_for("cycles.show", cycle_id=cycle.id))
    db.session.commit()
    flash(message(cycle, result), "success")
    return redirect(url_for("cycles.show", cycle_id=cycle.id))


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
    )
