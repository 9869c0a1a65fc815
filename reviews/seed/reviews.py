"""Completed reviews for every person in every past cycle they worked in: timestamps inside
the cycle, self and manager ratings for the cycle's own snapshot, and the texts around them
(written by ``writing``)."""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert

from extensions import db
from reviews.models import Cycle, CycleCompetency, Rating, Review

from . import writing
from .org import Org, Person
from .scores import draw, true_level
from .texts_review import DISAGREEMENTS
from .timeline import Quarter, office_hours

SELF_SPREAD, MANAGER_SPREAD = 0.45, 0.35
VETERAN_TENURE = 10  # cycles: long enough that the newcomer dip is over


@dataclass
class ReviewRecord:
    """A built review with the people and quarter behind it (the ideas builder needs them)."""

    review: Review
    person: Person
    manager: Person
    team: str
    quarter: Quarter
    scores: dict[str, tuple[CycleCompetency, int | None, int | None]]
    ratings: list[dict]  # rows for the ratings table, less the review id


@dataclass
class SeedContext:
    """Everything the builders share: one random generator, so runs are reproducible."""

    rng: random.Random
    now: datetime
    quarters: list[Quarter]
    cycles: list[Cycle]
    org: Org
    keys: dict[int, str]  # competency id -> short key
    records: list[ReviewRecord] = field(default_factory=list)


def build_reviews(ctx: SeedContext) -> list[ReviewRecord]:
    """One review per person per cycle, with the manager and team of that time."""
    for quarter, cycle in zip(ctx.quarters, ctx.cycles, strict=True):
        for person in ctx.org.people:
            line = ctx.org.review_line(person, quarter)
            if line is not None:
                manager, team = line
                ctx.records.append(_review(ctx, person, manager, team, quarter, cycle))
    _record_disagreements(ctx)
    db.session.add_all(r.review for r in ctx.records)
    db.session.flush()
    rows = [{**row, "review_id": r.review.id} for r in ctx.records for row in r.ratings]
    db.session.execute(insert(Rating), rows)  # executemany: thousands of rows, one batch
    return ctx.records


def _review(ctx, person: Person, manager: Person, team: str, quarter: Quarter, cycle: Cycle):
    words = writing.words(ctx, person, team, quarter)
    ratings, scores = _ratings(ctx, person, team, quarter, cycle, words)
    review = Review(
        cycle=cycle,
        employee_id=person.user.id,
        manager_id=manager.user.id,
        team_id=ctx.org.teams[team].id,
        **_timestamps(ctx.rng, quarter),
    )
    record = ReviewRecord(review, person, manager, team, quarter, scores, ratings)
    writing.write_review(ctx, record, words)
    return record


def _timestamps(rng: random.Random, quarter: Quarter) -> dict:
    """Self-assessment, manager assessment, meeting and acknowledgement, in that order, on
    working days within the last five weeks of the quarter, before the cycle closed."""
    opened = quarter.opened_at
    self_at = office_hours(rng, opened + timedelta(days=rng.uniform(2, 12)), opened)
    manager_at = office_hours(rng, self_at + timedelta(days=rng.uniform(1, 7)), self_at)
    shared_at = office_hours(rng, manager_at + timedelta(days=rng.uniform(0, 2)), manager_at)
    acknowledged_at = office_hours(rng, shared_at + timedelta(days=rng.uniform(0, 3)), shared_at)
    return {
        "created_at": opened,
        "self_submitted_at": self_at,
        "manager_submitted_at": manager_at,
        "shared_at": shared_at,
        "acknowledged_at": min(acknowledged_at, quarter.closed_at),
        "updated_at": min(acknowledged_at, quarter.closed_at),
    }


def _ratings(ctx, person: Person, team: str, quarter: Quarter, cycle: Cycle, words: dict):
    """Self and manager ratings for every competency of the cycle's snapshot."""
    joined = person.spec.joined
    tenure = VETERAN_TENURE if joined is None else quarter.index - joined
    ratings, scores = [], {}
    for competency in cycle.competencies:
        key = ctx.keys[competency.competency_id]
        self_value = manager_value = None
        if not (key == "phone" and person.traits.no_phone):
            level = true_level(person.traits, team, key, quarter.index, quarter.number, tenure)
            self_value = draw(ctx.rng, level + person.traits.bias, SELF_SPREAD)
            manager_value = draw(ctx.rng, level, MANAGER_SPREAD)
        comment = writing.rating_comment(ctx.rng, key, manager_value, words)
        ratings.append(_rating(competency, "self", self_value))
        ratings.append(_rating(competency, "manager", manager_value, comment))
        scores[key] = (competency, self_value, manager_value)
    return ratings, scores


def _rating(competency: CycleCompetency, source: str, value: int | None, comment: str = ""):
    return {
        "cycle_competency_id": competency.id,
        "source": source,
        "value": value,
        "not_applicable": value is None,
        "comment": comment,
    }


def _record_disagreements(ctx: SeedContext) -> None:
    """Two employees who rated themselves well above their manager say so on record."""
    candidates = [
        (record, key)
        for record in ctx.records
        for key, (_, mine, theirs) in record.scores.items()
        if mine is not None and theirs is not None and mine - theirs >= 2
    ]
    picks = ctx.rng.sample(candidates, min(len(DISAGREEMENTS), len(candidates)))
    for template, (record, key) in zip(DISAGREEMENTS, picks, strict=False):
        competency = record.scores[key][0]
        record.review.employee_disagrees = True
        record.review.employee_comment = template.format(
            competency=competency.name, event=record.quarter.event
        )
