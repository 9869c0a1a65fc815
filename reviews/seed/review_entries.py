"""The employee's own strengths and areas to improve as competency-tagged entries (issue 12,
point 5), and the suggestions recorded after some review meetings.

Reviews of the last closed quarter and of the open cycle have entries (written from the
person's own ratings: their best-rated competencies as strengths, a weak one to improve);
older reviews keep the free texts they were written with, as reviews written before entries
existed. Each review's words come from a generator seeded by its id, so the rest of the demo
draws the same numbers as before."""

import random

from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, Idea, IdeaStatus, Review, ReviewNote, User
from reviews.models.reviews import NoteSource
from reviews.services.ideas import flow as idea_flow
from reviews.services.people.teams import team_managers
from reviews.services.reviews.assessments import NoteInput

from .data import CALLERS, TEAMS
from .data import COMPETENCY_KEYS as KEYS
from .texts_self import SELF_GROWTH, SELF_IMPROVEMENTS, SELF_STRENGTHS

SYSTEMS = {team.name: team.system for team in TEAMS}

# What a manager writes down after the review meeting: what they suggested to each other.
MEETING_SUGGESTIONS = (
    "{first} suggested a shared list of known issues during incidents; we agreed {first} "
    "drafts it before the next release week. I suggested shadowing second line for a day.",
    "{first} will try ending each chat with a written next step for a month, and we look at "
    "the repeat-contact numbers together at the next one-to-one.",
    "We agreed {first} joins the knowledge-base review group, and I will ask second line to "
    "warn the desk before changes to {system} go live.",
    "{first} asked for more feedback between reviews: a short check-in every other Friday. "
    "I suggested the de-escalation course in spring.",
    "Suggested: {first} mentors the next new starter, with an hour a week set aside for it. "
    "{first} suggested we rotate the walk-in counter so nobody does two days in a row.",
)
MEETING_SHARE = 0.4  # of the last closed quarter's reviews
IMPLEMENTED_LATELY = 3  # planned ideas implemented this quarter: evidence for their authors
DEMO_STAFF = "staff@example.com"
IMPACT = "Tried on the Monday shift first; the team kept it."


def _rng(review: Review) -> random.Random:
    return random.Random(f"review-entries-{review.id}")


def _values(rng: random.Random, review: Review) -> dict:
    return {
        "first": review.employee.name.split()[0],
        "event": "the busiest weeks",
        "system": SYSTEMS.get(review.team.name if review.team else "", "our systems"),
        "colleague": "a new colleague",
        "caller": rng.choice(CALLERS),
    }


def self_entries(review: Review, ratings: dict[int, int | None]) -> list[NoteInput]:
    """Two strengths (the best self-rated competencies) and an area to improve (a weak one,
    or a wish to grow, untagged), tagged with the cycle's competencies. ``ratings``: cycle
    competency id -> the person's own value (None: not applicable)."""
    rng = _rng(review)
    values = _values(rng, review)
    keyed = [
        (value, rng.random(), c.id, KEYS.get(c.name))
        for c in review.cycle.competencies
        if (value := ratings.get(c.id)) is not None and KEYS.get(c.name) in SELF_STRENGTHS
    ]
    keyed.sort()
    entries = [
        NoteInput("strength", rng.choice(SELF_STRENGTHS[key]).format(**values), [cid])
        for _value, _tie, cid, key in reversed(keyed[-2:])
    ]
    weak = [(cid, key) for value, _tie, cid, key in keyed[:1] if value <= 3]
    if weak and weak[0][1] in SELF_IMPROVEMENTS:
        cid, key = weak[0]
        entries.append(
            NoteInput("improvement", rng.choice(SELF_IMPROVEMENTS[key]).format(**values), [cid])
        )
    else:
        entries.append(NoteInput("improvement", rng.choice(SELF_GROWTH).format(**values), []))
    return entries


def implement_lately() -> list[Idea]:
    """Implement a few planned ideas signed by people reviewed in the open cycle, through the
    workflow (as their team's manager), so the open cycle's review forms show them as
    evidence since the last review."""
    reviewed = select(Review.employee_id).join(Cycle).where(Cycle.status == "open")
    # The demo staff account's team first: the demo manager sees them when assessing.
    desk = select(User.team_id).where(User.email == DEMO_STAFF).scalar_subquery()
    ideas = db.session.scalars(
        select(Idea)
        .where(
            Idea.status == IdeaStatus.PLANNED,
            Idea.anonymous.is_(False),
            Idea.author_id.in_(reviewed),
        )
        .order_by((Idea.team_id == desk).desc(), Idea.id)
        .limit(IMPLEMENTED_LATELY)
    ).all()
    for idea in ideas:
        managers = team_managers(idea.team)
        if managers:
            idea_flow.move_idea(idea, managers[0], to_status="implemented", impact_note=IMPACT)
    return list(ideas)


def build_review_entries() -> None:
    """Entries for the last closed quarter's reviews (their free texts give way to them),
    the meeting's suggestions on some of them and on the open cycle's shared reviews, and a
    few ideas implemented lately."""
    implement_lately()
    last = db.session.scalar(
        select(Cycle).where(Cycle.status == "closed").order_by(Cycle.period_end.desc()).limit(1)
    )
    if last is None:
        return
    reviews = db.session.scalars(
        select(Review).where(Review.cycle_id == last.id).order_by(Review.id)
    ).all()
    by_id = {c.id: c for c in last.competencies}
    for review in reviews:
        own = {r.cycle_competency_id: r.value for r in review.ratings if r.source == "self"}
        review.self_notes = [
            ReviewNote(
                kind=entry.kind,
                source=NoteSource.SELF,
                text=entry.text,
                position=position,
                competencies=[by_id[i] for i in entry.competency_ids],
            )
            for position, entry in enumerate(self_entries(review, own))
        ]
        review.self_strengths = review.self_improvements = ""
    shared = db.session.scalars(
        select(Review)
        .join(Cycle)
        .where(Cycle.status == "open", Review.shared_at.is_not(None))
        .order_by(Review.id)
    ).all()
    for review in [*reviews, *shared]:
        rng = _rng(review)
        if review in shared or rng.random() < MEETING_SHARE:
            text = rng.choice(MEETING_SUGGESTIONS).format(**_values(rng, review))
            review.meeting_suggestions = text
    db.session.flush()
