"""The demo's recognitions: colleagues thanking each other over the last three quarters
and this one, mostly within their team, in the language the two share (English where they
do not); some people show theirs in the team feed, a few hid one; one was removed by a
manager. Built from its own generator, so it leaves the other builders' draws alone."""

import random
from datetime import datetime, time, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, Competency, Recognition, RecognitionSetting

from .data import RANDOM_SEED
from .org import Person
from .recognition_texts import MESSAGES
from .reviews import SeedContext

PER_QUARTER = 18
# Who shows what they receive in the team feed: the demo's staff account and about a third.
FEED_SHARE = 0.35


def build_recognitions(ctx: SeedContext) -> list[Recognition]:
    rng = random.Random(f"{RANDOM_SEED}-recognition")
    competencies = {
        ctx.keys[c.id]: c
        for c in db.session.scalars(select(Competency).where(Competency.retired_at.is_(None)))
        if ctx.keys.get(c.id) in MESSAGES
    }
    days = _days(ctx)
    built = []
    for start, end in days:
        for _ in range(PER_QUARTER):
            recognition = _one(ctx, rng, competencies, start, end)
            if recognition is not None:
                built.append(recognition)
    staff = ctx.org.fixed["staff"].user
    for person in ctx.org.people:
        if person.user.active and (person.user is staff or rng.random() < FEED_SHARE):
            db.session.add(RecognitionSetting(user_id=person.user.id, in_team_feed=True))
    for recognition in rng.sample(built, 3):
        recognition.hidden = True
    db.session.add_all(built)
    _remove_one(ctx, built)
    return built


def _days(ctx: SeedContext) -> list[tuple[datetime, datetime]]:
    """The last three quarters, and this quarter up to now."""
    spans = [(q.start, q.end) for q in ctx.quarters[-3:]]
    this_start = ctx.quarters[-1].end + timedelta(days=1)
    spans.append((this_start, ctx.now.date() - timedelta(days=1)))
    return [
        (datetime.combine(a, time(8)), datetime.combine(b, time(17))) for a, b in spans if b >= a
    ]


def _one(ctx, rng, competencies, start: datetime, end: datetime) -> Recognition | None:
    moment = start + timedelta(seconds=rng.randint(0, int((end - start).total_seconds())))
    moment = moment.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59))
    day = moment.date()
    present = [p for p in ctx.org.people if p.employed_on(day) and p.team_on(day)]
    giver = rng.choice(present)
    team = giver.team_on(day)
    same_team = [p for p in present if p is not giver and p.team_on(day) == team]
    others = [p for p in present if p is not giver]
    pool = same_team if same_team and rng.random() < 0.8 else others
    recipient = _favoured(ctx, rng, pool)
    keys = rng.sample(sorted(competencies), 2 if rng.random() < 0.3 else 1)
    return Recognition(
        giver=giver.user,
        recipient=recipient.user,
        team=ctx.org.teams[recipient.team_on(day)],
        message=_message(rng, keys[0], giver, recipient),
        competencies=sorted((competencies[k] for k in keys), key=lambda c: c.position),
        created_at=moment,
        updated_at=moment,
    )


def _favoured(ctx, rng, pool: list[Person]) -> Person:
    """The demo's staff account is recognised a little more often, so its pages show some."""
    staff = ctx.org.fixed["staff"]
    if staff in pool and rng.random() < 0.15:
        return staff
    return rng.choice(pool)


def _message(rng, key: str, giver: Person, recipient: Person) -> str:
    shared = giver.spec.locale if giver.spec.locale == recipient.spec.locale else "en"
    text = rng.choice(MESSAGES[key][shared])
    return text.format(name=recipient.first)


def _remove_one(ctx: SeedContext, built: list[Recognition]) -> None:
    """A manager removed one that was meant as a joke at a colleague's expense."""
    manager = ctx.org.fixed["manager"].user
    reports = {p.user.id for p in ctx.org.members_on("service_desk", ctx.now.date())}
    for recognition in built:
        if recognition.recipient.id in reports and recognition.giver is not manager:
            recognition.message = "Finally closed a ticket before lunch, a miracle!"
            recognition.removed_at = recognition.created_at + timedelta(hours=3)
            recognition.removed_by = manager
            db.session.flush()
            db.session.add(
                AuditEvent(
                    actor_id=manager.id,
                    action="recognition_removed",
                    object_type="recognitions",
                    object_id=recognition.id,
                    before={"message": recognition.message},
                    after={"removed_at": recognition.removed_at.isoformat(timespec="seconds")},
                    created_at=recognition.removed_at,
                )  # fmt: skip
            )
            return
