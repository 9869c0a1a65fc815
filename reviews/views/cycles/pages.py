"""Cycle pages: the list, and a cycle's reviews with their step and deadlines."""

from datetime import date

from flask import abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from forms import EmptyForm
from reviews.access import cycle_page_reviews, get_or_404, own_review_id, visible_cycles
from reviews.models import Cycle
from reviews.services import overview
from reviews.services.cycles import flow as cycle_flow

from . import bp


@bp.route("/")
@login_required
def index():
    """Everyone's own reviews; the cycles themselves for those who write or read reviews."""
    cycles = visible_cycles(current_user)
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
        unfinished=cycle_flow.unfinished_reviews(cycle)
        if cycle.status == "open" and current_user.has_role("admin")
        else None,
    )
