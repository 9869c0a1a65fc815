"""The demo's current quarter: an open cycle with reviews at every step, written through the
same services people use, so the demo obeys the product's rules. Each person's answers start
from their previous review (people change a little from one quarter to the next)."""

import random
from datetime import date, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, Review, User
from reviews.services.cycles import flow as cycle_flow
from reviews.services.cycles import setup as cycle_service
from reviews.services.reviews import assessments
from reviews.services.reviews import flow as review_flow
from reviews.services.reviews.assessments import NoteInput, RatingInput

from .review_entries import self_entries

# The step each review is taken to, in order of the reviewed people's names; the fixed
# accounts get their own (see STEP_OF).
STEPS = [
    "not_started",
    "self_draft",
    "self_submitted",
    "manager_submitted",
    "ready",
    "shared",
    "acknowledged",
]
WEIGHTS = [4, 2, 4, 2, 2, 2, 4]
STEP_OF = {
    "staff@example.com": "self_draft",
    # A review waiting for its employee's acknowledgement, whatever the other seeds draw
    # (tests/browser/test_confirm.py acknowledges it).
    "priya.nair@example.com": "shared",
}


def current_quarter(today: date) -> tuple[str, date, date]:
    number = (today.month - 1) // 3 + 1
    start = date(today.year, 3 * number - 2, 1)
    end = date(today.year + number // 4, 3 * number % 12 + 1, 1) - timedelta(days=1)
    return f"{today.year} Q{number}", start, end


def build_open_cycle(rng: random.Random, today: date) -> Cycle:
    """Open this quarter's cycle and move its reviews along. Deadlines lie ahead of today so
    the demo always has work due soon."""
    name, start, end = current_quarter(today)
    cycle = cycle_service.save_cycle(
        None,
        None,
        name=name,
        period_start=start,
        period_end=end,
        self_deadline=today + timedelta(days=4),
        review_deadline=today + timedelta(days=18),
        show_self_to_manager=False,
    )
    cycle_flow.open_cycle(None, cycle)
    db.session.flush()
    reviews = db.session.scalars(
        select(Review)
        .join(User, User.id == Review.employee_id)
        .where(Review.cycle_id == cycle.id)
        .order_by(User.name)
    ).all()
    for review in reviews:
        step = STEP_OF.get(review.employee.email) or rng.choices(STEPS, WEIGHTS)[0]
        _advance(rng, review, step, today)
    _team_of_demo_manager_at_every_step(rng, cycle, today)
    return cycle


def _team_of_demo_manager_at_every_step(rng, cycle, today) -> None:
    """manager@example.com gets one review ready to share and one waiting for them."""
    manager = db.session.scalar(select(User).where(User.email == "manager@example.com"))
    mine = [
        r
        for r in db.session.scalars(
            select(Review)
            .join(User, User.id == Review.employee_id)
            .where(Review.cycle_id == cycle.id, Review.manager_id == manager.id)
            .order_by(User.name)  # a fixed order: the same reviews on every run and database
        )
        if r.step == "not_started" and r.employee.email != "staff@example.com"
    ]
    for review, step in zip(mine, ["ready", "self_submitted"], strict=False):
        _advance(rng, review, step, today)


def _previous(review: Review) -> Review | None:
    from reviews.services.reviews.pages import previous_review

    return previous_review(review)


def _ratings(rng, review: Review, source: str, previous: Review | None) -> list[RatingInput]:
    """Last time's rating for the same competency, nudged now and then; 3-4 when new."""
    before = {}
    if previous is not None:
        ids = {c.id: c.competency_id for c in previous.cycle.competencies}
        before = {ids[r.cycle_competency_id]: r for r in previous.ratings if r.source == source}
    result = []
    for competency in review.cycle.competencies:
        old = before.get(competency.competency_id)
        if old is not None and old.not_applicable:
            result.append(RatingInput(competency.id, None, True))
            continue
        value = old.value if old is not None else rng.choice([3, 3, 4])
        value = min(5, max(1, value + rng.choice([0, 0, 0, 1, -1])))
        result.append(RatingInput(competency.id, value, False))
    return result


def _write_self(rng, review, previous, submit: bool) -> None:
    ratings = _ratings(rng, review, "self", previous)
    assessments.save_self_assessment(
        review,
        review.employee,
        version=review.version,
        ratings=ratings,
        notes=self_entries(review, {r.competency_id: r.value for r in ratings}),
        suggestions="",
        submit=submit,
    )
    db.session.flush()


def _write_manager(rng, review, previous) -> None:
    notes = [
        NoteInput(n.kind, n.text, [_same(review, c) for c in n.competencies])
        for n in (previous.notes if previous else [])
    ]
    if not any(n.kind == "strength" for n in notes):
        first = review.cycle.competencies[0].id
        notes.append(NoteInput("strength", "Dependable and well liked by callers.", [first]))
    actions = []  # last cycle's open items are carried into the review when it opens
    assessments.save_manager_assessment(
        review,
        review.manager,
        version=review.version,
        ratings=_ratings(rng, review, "manager", previous),
        notes=notes,
        actions=actions,
        summary=previous.manager_summary if previous else "A good first quarter.",
        private_note="",
        submit=True,
    )
    db.session.flush()


def _same(review: Review, old_competency) -> int:
    """The competency of this cycle that continues ``old_competency`` (or the first one)."""
    for c in review.cycle.competencies:
        if c.competency_id == old_competency.competency_id:
            return c.id
    return review.cycle.competencies[0].id


def _advance(rng, review: Review, step: str, today: date) -> None:
    previous = _previous(review)
    if step == "not_started":
        return
    if step in ("self_draft",):
        _write_self(rng, review, previous, submit=False)
        return
    if step != "manager_submitted":
        _write_self(rng, review, previous, submit=True)
    if step in ("self_submitted",):
        return
    _write_manager(rng, review, previous)
    if step in ("manager_submitted", "ready"):
        return
    review_flow.share(review, review.manager, today)
    if step == "acknowledged":
        review_flow.acknowledge(review, review.employee, comment="", disagrees=False)
    db.session.flush()
