"""Improvement ideas: read from ``ideas_data``, given an author (or none, when anonymous), a
date over the past two years and, for ideas that came out of a review, the review whose
suggestions they repeat. Their history is added by ``idea_activity``."""

from datetime import datetime, timedelta
from typing import NamedTuple

from extensions import db
from reviews.models import Idea

from . import idea_activity
from .ideas_data import IDEAS_TEXT
from .org import Person
from .reviews import ReviewRecord, SeedContext
from .timeline import office_hours

# How long ago ideas were put forward, in days, by their final status.
AGE_DAYS = {
    "submitted": (2, 24),
    "under_review": (20, 150),
    "planned": (45, 300),
    "implemented": (150, 700),
    "declined": (40, 700),
}
# Which cycles (indexes) an idea from a review comes from, by its final status.
REVIEW_CYCLES = {
    "submitted": (7, 7),
    "under_review": (5, 7),
    "planned": (3, 6),
    "implemented": (0, 4),
    "declined": (0, 5),
    "merged": (1, 6),
}
FIELD_TAGS = {"T": "title", "D": "text", "N": "note", "M": "dup"}


class IdeaSpec(NamedTuple):
    team: str
    category: str
    status: str
    title: str
    text: str
    note: str = ""
    anon: bool = False
    review: bool = False
    by: str | None = None
    dup: str | None = None


def parse_ideas(text: str = IDEAS_TEXT) -> list[IdeaSpec]:
    """Read the idea blocks described in ``ideas_data``."""
    blocks: list[tuple[list[str], dict]] = []
    field = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            blocks.append((line[2:].split(), {}))
        elif line.startswith(" "):
            blocks[-1][1][field] += " " + line.strip()
        else:
            tag, _, value = line.partition(": ")
            field = FIELD_TAGS[tag]
            blocks[-1][1][field] = value.strip()
    return [_spec(header, fields) for header, fields in blocks]


def _spec(header: list[str], fields: dict) -> IdeaSpec:
    team, category, status, *flags = header
    by = next((flag[3:] for flag in flags if flag.startswith("by=")), None)
    anon, review = "anonymous" in flags, "review" in flags
    return IdeaSpec(team, category, status, anon=anon, review=review, by=by, **fields)


def build_ideas(ctx: SeedContext) -> list[Idea]:
    """All ideas, added in the order they were put forward (merged ones after their target)."""
    specs = parse_ideas()
    built: dict[str, Idea] = {}
    used: set[int] = set()
    for spec in sorted(specs, key=lambda s: s.dup is not None):
        idea, author = _idea(ctx, spec, built, used)
        idea_activity.add_history(ctx, idea, spec, author, built.get(spec.dup or ""))
        built[spec.title] = idea
    ideas = sorted(built.values(), key=lambda i: i.created_at)
    db.session.add_all(ideas)
    return ideas


def _idea(ctx: SeedContext, spec: IdeaSpec, built: dict, used: set) -> tuple[Idea, Person | None]:
    record = _source_review(ctx, spec, used) if spec.review else None
    if record is not None:
        shared = record.review.shared_at
        created = office_hours(ctx.rng, shared + timedelta(hours=ctx.rng.uniform(1, 20)), shared)
        record.review.self_suggestions = spec.text
        author = record.person
    else:
        created = office_hours(ctx.rng, _created(ctx, spec, built))
        author = None if spec.anon else _author(ctx, spec, created)
    idea = Idea(
        title=spec.title,
        description=spec.text,
        category=spec.category,
        team_id=ctx.org.teams[spec.team].id,
        status=spec.status,
        anonymous=spec.anon,
        author_id=author.user.id if author else None,
        review=record.review if record else None,
        created_at=created,
        impact_note=spec.note if spec.status == "implemented" else "",
        decline_reason=spec.note if spec.status == "declined" else "",
    )
    return idea, author


def _created(ctx: SeedContext, spec: IdeaSpec, built: dict) -> datetime:
    """When the idea was put forward; a duplicate comes a little after the idea it repeats."""
    if spec.dup:
        start = built[spec.dup].created_at
        room = (ctx.now - start).total_seconds() / 86400 - 2
        return start + timedelta(days=ctx.rng.uniform(min(2, room / 2), min(40, room)))
    low, high = AGE_DAYS[spec.status]
    return ctx.now - timedelta(days=ctx.rng.uniform(low, high))


def _author(ctx: SeedContext, spec: IdeaSpec, created: datetime) -> Person:
    """A named author, or a member of the team at the time (now and then its manager)."""
    if spec.by:
        return ctx.org.fixed[spec.by]
    members = ctx.org.members_on(spec.team, created.date())
    if not members or ctx.rng.random() < 0.1:
        return ctx.org.managers[spec.team]
    return ctx.rng.choice(members)


def _source_review(ctx: SeedContext, spec: IdeaSpec, used: set) -> ReviewRecord:
    """A not yet used staff review of the idea's team, from a cycle fitting its status."""
    low, high = REVIEW_CYCLES[spec.status]
    wanted = ctx.org.fixed[spec.by] if spec.by else None
    candidates = [
        r
        for r in ctx.records
        if r.team == spec.team
        and low <= r.quarter.index <= high
        and id(r) not in used
        and r.person.spec.role == "staff"
        and (wanted is None or r.person is wanted)
    ]
    record = ctx.rng.choice(candidates)
    used.add(id(record))
    return record
