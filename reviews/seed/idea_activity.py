"""An idea's life after it is put forward: status changes with who made them and the
response the author saw, first-response and decision times that agree with those events,
colleagues' support and comments."""

import random
from datetime import datetime, timedelta

from reviews.models import Idea, IdeaComment, IdeaEvent, IdeaSupport

from .idea_texts import COMMENTS, RESPONSES
from .timeline import office_hours

# The statuses an idea passed through after "submitted", by final status (alternatives).
PATHS = {
    "submitted": ((),),
    "under_review": (("under_review",),),
    "planned": (("under_review", "planned"),),
    "implemented": (("under_review", "planned", "implemented"),),
    "declined": (("under_review", "declined"), ("declined",)),
    "merged": (("merged",), ("under_review", "merged")),
}
# Days between one status and the next.
GAP_DAYS = {
    "under_review": (1, 12),
    "planned": (5, 40),
    "implemented": (20, 120),
    "declined": (3, 30),
    "merged": (1, 10),
}
DECISIONS = ("planned", "declined", "merged", "implemented")
MAX_SUPPORT = {"implemented": 11, "planned": 9, "merged": 2}


def random_between(rng: random.Random, start: datetime, end: datetime, max_days: float):
    """A moment after ``start``, at most ``max_days`` later and before ``end``."""
    span = min(max_days, (end - start).total_seconds() / 86400 * 0.95)
    return start + timedelta(days=rng.uniform(0, max(span, 0.01)))


def add_history(ctx, idea: Idea, spec, author, target: Idea | None) -> None:
    """Events, timestamps, supports and comments for one idea."""
    path = ctx.rng.choice(PATHS[spec.status])
    times = _event_times(ctx, idea.created_at, path)
    first = IdeaEvent(
        actor_id=author.user.id if author else None,
        to_status="submitted",
        created_at=idea.created_at,
    )
    idea.events = [first]
    for previous, status, at in zip(("submitted", *path), path, times, strict=False):
        actor = _actor(ctx, spec, status, author)
        response = _response(ctx.rng, spec, status, target)
        idea.events.append(
            IdeaEvent(
                actor_id=actor,
                from_status=previous,
                to_status=status,
                response=response,
                created_at=at,
            )
        )
    idea.merged_into = target
    idea.first_response_at = times[0] if times else None
    idea.decided_at = next((at for s, at in zip(path, times, strict=True) if s in DECISIONS), None)
    idea.updated_at = times[-1] if times else idea.created_at
    idea.supports = _supports(ctx, idea, spec, author)
    idea.comments = _comments(ctx, idea, spec, author)


def _event_times(ctx, created: datetime, path: tuple[str, ...]) -> list[datetime]:
    """Gaps drawn per step (now and then a slow first response), squeezed before today."""
    rng = ctx.rng
    gaps = [rng.uniform(*GAP_DAYS[status]) for status in path]
    if gaps and rng.random() < 0.15:
        gaps[0] += rng.uniform(10, 25)
    room = (ctx.now - created).total_seconds() / 86400 - 3.5
    if sum(gaps) > room:
        gaps = [gap * room / sum(gaps) * 0.9 for gap in gaps]
    times, at = [], created
    for gap in gaps:
        at = office_hours(rng, at + timedelta(days=gap), at)
        times.append(at)
    return times


def _actor(ctx, spec, status: str, author) -> int:
    """The team's manager, or the head of IT for some decisions and for managers' own ideas."""
    manager, leader = ctx.org.managers[spec.team], ctx.org.fixed["leader"]
    actor = manager
    if status in ("planned", "implemented", "declined") and ctx.rng.random() < 0.3:
        actor = leader
    if author is actor:
        actor = leader if actor is manager else manager
    return actor.user.id


def _response(rng: random.Random, spec, status: str, target: Idea | None) -> str:
    if status == "declined":
        return spec.note
    if status == "merged":
        return rng.choice(RESPONSES["merged"]).format(target=target.title)
    return rng.choice(RESPONSES[status])


def _colleagues(ctx, idea: Idea, spec, author) -> tuple[list, list]:
    """People working on the day the idea appeared: its team first, then everyone else."""
    day = idea.created_at.date()
    team = [p for p in ctx.org.members_on(spec.team, day) if p is not author]
    team.append(ctx.org.managers[spec.team])
    others = [
        p
        for p in ctx.org.people
        if p.employed_on(day) and p.spec.role in ("staff", "manager") and p not in team
    ]
    return [p for p in team if p is not author], [p for p in others if p is not author]


def _supports(ctx, idea: Idea, spec, author) -> list[IdeaSupport]:
    """Support from several colleagues, mostly the idea's own team; one per person."""
    rng = ctx.rng
    team, others = _colleagues(ctx, idea, spec, author)
    low = 3 if spec.status == "implemented" else 0
    count = rng.randint(low, MAX_SUPPORT.get(spec.status, 6))
    pool = rng.sample(team, len(team)) + rng.sample(others, min(3, len(others)))
    return [
        IdeaSupport(user_id=p.user.id, created_at=random_between(rng, idea.created_at, ctx.now, 30))
        for p in pool[:count]
    ]


def _comments(ctx, idea: Idea, spec, author) -> list[IdeaComment]:
    """A few comments; ideas of the fixed accounts always get one, so their inbox has it."""
    rng = ctx.rng
    count = rng.choice((0, 1, 1, 2, 3))
    if spec.by:
        count = max(count, 1)
    team, _ = _colleagues(ctx, idea, spec, author)
    until = ctx.now - timedelta(days=3)
    moments = sorted(
        office_hours(rng, random_between(rng, idea.created_at, until, 45), idea.created_at)
        for _ in range(count)
    )
    return [
        IdeaComment(author_id=rng.choice(team).user.id, body=body, created_at=at)
        for body, at in zip(rng.sample(COMMENTS, count), moments, strict=True)
    ]
