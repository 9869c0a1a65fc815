"""Build the demo organisation in one transaction: a university IT help desk of four teams
with eight closed quarterly cycles of reviews and sixty ideas in every status.

Seeded with a fixed random generator, so every run builds the same desk (relative to
today's date). The password is hashed once and shared by every demo account: slow hashing
per person would make the seed take seconds for nothing."""

import random
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from extensions import db
from reviews.models import (
    IDEA_STATUSES,
    Competency,
    Cycle,
    Idea,
    Notification,
    Rating,
    Review,
    Team,
    User,
)
from reviews.services.people.auth import hash_password

from .actions import build_action_history
from .data import COMPETENCY_KEYS as KEYS
from .data import CYCLE_COUNT, FIXED_ACCOUNTS, PASSWORD, RANDOM_SEED
from .history import weigh_framework
from .ideas import build_ideas
from .open_cycle import build_open_cycle
from .org import build_org
from .procedures import build_procedures
from .recognition import build_recognitions
from .review_entries import build_review_entries
from .reviews import SeedContext, build_reviews
from .timeline import build_cycles, past_quarters
from .training import build_training


def build_demo(wipe: bool) -> str:
    """Empty the database first if ``wipe``, build the demo, commit, and describe it."""
    try:
        if wipe:
            wipe_all()
        ctx, open_name = _build(datetime.now(UTC).replace(tzinfo=None), date.today())
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return summary(ctx, open_name)


def wipe_all() -> None:
    """Delete every row, children before parents."""
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.expunge_all()


def _build(now: datetime, today: date) -> tuple[SeedContext, str]:
    rng = random.Random(RANDOM_SEED)
    quarters = past_quarters(today, CYCLE_COUNT)
    cycles = build_cycles(quarters)
    weigh_framework()
    org = build_org(rng, quarters, hash_password(PASSWORD))
    keys = {c.id: KEYS[c.name] for c in db.session.scalars(select(Competency))}
    ctx = SeedContext(rng, now, quarters, cycles, org, keys)
    build_reviews(ctx)
    build_training(ctx, today)
    ideas = build_ideas(ctx)
    build_recognitions(ctx)
    db.session.flush()
    db.session.add_all(_notifications(ctx, ideas))
    build_action_history(ctx, today)
    open_cycle = build_open_cycle(rng, today)
    build_procedures(rng, org, now)
    build_review_entries()
    return ctx, open_cycle.name


def _notifications(ctx: SeedContext, ideas: list[Idea]) -> list[Notification]:
    """A few inbox entries for the four sign-in accounts: news about their ideas and, for
    staff, their last review being shared. The newest are left unread."""
    result = []
    for key in FIXED_ACCOUNTS:
        person = ctx.org.fixed[key]
        for idea in [i for i in ideas if i.author_id == person.user.id]:
            result += _idea_notifications(idea)
    staff = ctx.org.fixed["staff"]
    last = max((r for r in ctx.records if r.person is staff), key=lambda r: r.quarter.index)
    review = last.review
    result.append(
        Notification(
            user_id=staff.user.id,
            kind="review_shared",
            params={"cycle": last.quarter.name, "manager": last.manager.user.name},
            url=f"/reviews/{review.id}",
            created_at=review.shared_at,
            read_at=review.acknowledged_at,
        )
    )
    return _mark_read(result)


def _idea_notifications(idea: Idea) -> list[Notification]:
    """ "Status changed" for the idea's last move and "new comment" for its last comment."""
    notes = []
    base = {"title": idea.title}
    if len(idea.events) > 1:
        event = idea.events[-1]
        params = {**base, "status": event.to_status.replace("_", " ")}
        notes.append(_note(idea.author_id, "idea_status_changed", params, event.created_at, idea))
    if idea.comments:
        comment = idea.comments[-1]
        author = db.session.get(User, comment.author_id)
        params = {**base, "actor": author.name}
        notes.append(_note(idea.author_id, "idea_comment", params, comment.created_at, idea))
    return notes


def _mark_read(notes: list[Notification]) -> list[Notification]:
    """The two newest entries of each inbox stay unread; older ones were read that day."""
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for note in notes:
        by_user[note.user_id].append(note)
    for inbox in by_user.values():
        inbox.sort(key=lambda note: note.created_at)
        for note in inbox[:-2]:
            note.read_at = note.read_at or note.created_at + timedelta(hours=3)
    return notes


def _note(user_id: int, kind: str, params: dict, at: datetime, idea: Idea) -> Notification:
    url = f"/ideas/{idea.id}"
    return Notification(user_id=user_id, kind=kind, params=params, url=url, created_at=at)


def summary(ctx: SeedContext, open_name: str) -> str:
    """One paragraph: what was built and how to sign in."""
    count = lambda model, *where: db.session.scalar(  # noqa: E731
        select(func.count()).select_from(model).where(*where)
    )
    statuses = Counter(
        dict(db.session.execute(select(Idea.status, func.count()).group_by(Idea.status)).all())
    )
    ideas = ", ".join(f"{statuses[s]} {s.replace('_', ' ')}" for s in IDEA_STATUSES)
    first, last = ctx.quarters[0].name, ctx.quarters[-1].name
    return (
        f"Built the demo help desk: {count(User)} people "
        f"({count(User, User.active.is_(False))} deactivated) in {count(Team)} teams, "
        f"{count(Cycle, Cycle.status == 'closed')} closed cycles ({first} to {last}) and "
        f"{open_name} open, {count(Review)} reviews with "
        f"{count(Rating)} ratings, and {sum(statuses.values())} ideas ({ideas}). "
        f"Sign in with admin@example.com (admin), leader@example.com (leadership), "
        f"manager@example.com (manager of {ctx.org.teams['service_desk'].name}) or "
        f"staff@example.com (staff in that team); every demo account, these included, uses "
        f"the password {PASSWORD}."
    )
