"""The demo's action items between the reviews: what became of the items agreed in each
closed cycle by the time the next one opened — most done (with the day), a few dropped, the
rest carried into the person's next review, where they are closed or carried again — and
each item tagged with the competency of the improvement area (or strength) it serves.
Follow-through improves a little cycle by cycle, as a desk that keeps at it would.

Runs before the open cycle is opened: opening it carries the latest cycle's open items into
the new reviews, as it does for a real desk. staff@example.com has one of those overdue and
one due within the week."""

import random
from datetime import date, datetime, timedelta

from extensions import db
from reviews.models import ActionItem, Competency

from .data import RANDOM_SEED
from .reviews import SeedContext

DROPPED = 0.07


def build_action_history(ctx: SeedContext, today: date) -> None:
    rng = random.Random(RANDOM_SEED + 3)  # its own draws: the rest of the demo stays as it was
    competencies = {c.id: c for c in db.session.query(Competency)}
    records = sorted(ctx.records, key=lambda r: (r.quarter.index, r.person.user.id))
    following = {(r.person.user.id, r.quarter.index): r for r in records}
    opened = {q.index: q.opened_at for q in ctx.quarters}
    for record in records:
        _tag(record, competencies)
    for record in records:
        index = record.quarter.index
        until = opened.get(index + 1) or ctx.now  # the next cycle's opening, or now
        base = 0.52 + 0.03 * index  # follow-through grows over the years
        for item in list(record.review.action_items):
            if item.status == "carried":  # continued in the next review already
                continue
            start = item.created_at or record.review.manager_submitted_at
            roll = rng.random()
            chance = base + (0.2 if item.carried_from is not None else 0)  # second go
            if roll < chance:
                item.status = "done"
                span = max(1, int((until - start).total_seconds() // 86400) - 2)
                item.done_at = start + timedelta(days=rng.randint(1, span), hours=rng.randint(1, 8))
            elif roll > 1 - DROPPED:
                item.status = "dropped"
            elif (nxt := following.get((record.person.user.id, index + 1))) is not None:
                _carry(item, nxt)
            # else: still open — the open cycle's opening carries it
    _staff_account(ctx, today)
    db.session.flush()


def _tag(record, competencies) -> None:
    """Item i serves the i-th improvement area; a stretch goal the first strength."""
    notes = record.review.notes
    improvements = [n for n in notes if n.kind == "improvement"]
    strengths = [n for n in notes if n.kind == "strength"]
    for position, item in enumerate(record.review.action_items):
        if position < len(improvements):
            note = improvements[position]
        elif strengths:
            note = strengths[0]
        else:
            continue
        if note.competencies:
            item.competencies = [competencies[note.competencies[0].competency_id]]


def _carry(item: ActionItem, into) -> None:
    """Continue ``item`` in the person's next review: a copy there, this one carried."""
    review = into.review
    owner = item.owner_id
    if owner not in (review.employee_id, review.manager_id):
        owner = review.manager_id  # the previous manager's item goes to the new one
    copy = ActionItem(
        description=item.description,
        kind=item.kind,
        owner_id=owner,
        due_on=item.due_on,
        status=item.status,
        competencies=list(item.competencies),
        carried_from=item,
        created_at=review.manager_submitted_at,
    )
    review.action_items.append(copy)
    item.status, item.done_at = "carried", None


def _staff_account(ctx: SeedContext, today: date) -> None:
    """staff@example.com: one item overdue and one due within the week, both still open in
    their latest closed review (so carried into the open cycle)."""
    staff = ctx.org.fixed["staff"]
    latest = max((r for r in ctx.records if r.person is staff), key=lambda r: r.quarter.index)
    items = latest.review.action_items
    texts = (
        ("Finish the remote-support course and share three tips with the team", -6, "training"),
        ("Write up the printer-queue fix as a knowledge-base article", 5, "other"),
    )
    for position, (text, days, kind) in enumerate(texts):
        if position < len(items) and items[position].status != "carried":
            item = items[position]
        else:
            item = ActionItem(description=text, kind=kind, created_at=latest.review.shared_at)
            items.append(item)
        item.status, item.done_at = "in_progress" if days < 0 else "open", None
        item.owner_id, item.due_on = staff.user.id, today + timedelta(days=days)
    for item in items:
        if item.due_on and item.due_on < today and item.status in ("open", "in_progress"):
            item.reminded_overdue_at = datetime.combine(item.due_on, datetime.min.time())
