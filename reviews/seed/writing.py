"""The words of a review, picked from the text pools to match its ratings: the employee's
strengths and areas to improve follow their own ratings, the manager's notes and action
items follow the manager's, and the summary follows the overall level and the quarter."""

import random
from datetime import timedelta
from statistics import mean

from reviews.models import ActionItem, ReviewNote

from .data import CALLERS, TEAMS, TRAINING_AT
from .texts_manager import (
    ACTIONS,
    GROWTH_ACTIONS,
    MANAGER_IMPROVEMENTS,
    MANAGER_STRENGTHS,
    RATING_COMMENTS_HIGH,
    RATING_COMMENTS_LOW,
)
from .texts_review import (
    BUSY_REMARKS,
    EMPLOYEE_COMMENTS,
    PRIVATE_NOTES,
    SUGGESTIONS,
    SUMMARY_CLOSINGS,
    SUMMARY_OPENINGS,
    TRAINING_REMARKS,
)
from .texts_self import SELF_GROWTH, SELF_IMPROVEMENTS, SELF_STRENGTHS

SYSTEMS = {team.key: team.system for team in TEAMS}
SELF, MANAGER = 1, 2  # positions in a scores tuple (competency, self value, manager value)

# Action item statuses by how many cycles ago the review was: older ones are mostly done.
ACTION_STATUS_WEIGHTS = {
    0: {"open": 50, "in_progress": 40, "done": 10},
    1: {"open": 10, "in_progress": 30, "done": 55, "dropped": 5},
    2: {"in_progress": 8, "done": 80, "dropped": 12},
}


def words(ctx, person, team: str, quarter) -> dict:
    """The values the text placeholders take in one review."""
    mates = [p for p in ctx.org.members_on(team, quarter.opened_at.date()) if p is not person]
    return {
        "first": person.first,
        "event": quarter.event,
        "system": SYSTEMS[team],
        "colleague": ctx.rng.choice(mates).first if mates else "a colleague",
        "caller": ctx.rng.choice(CALLERS),
    }


def fill(rng: random.Random, pool, values: dict) -> str:
    return rng.choice(pool).format(**values)


def rating_comment(rng: random.Random, key: str, value: int | None, values: dict) -> str:
    """Managers comment on some clearly high or low ratings, not on every one."""
    if value is None or value == 3 or rng.random() > 0.35:
        return ""
    pool = RATING_COMMENTS_HIGH if value >= 4 else RATING_COMMENTS_LOW
    return fill(rng, pool[key], values)


def write_review(ctx, record, values: dict) -> None:
    """Fill in every text of ``record.review`` from its scores."""
    rng, review = ctx.rng, record.review
    review.self_strengths, review.self_improvements = _self_texts(rng, record.scores, values)
    if rng.random() < 0.85:
        review.self_suggestions = rng.choice(SUGGESTIONS[record.team])
    review.notes, weak = _notes(rng, record.scores, values)
    review.action_items = _actions(ctx, record, weak, values)
    review.manager_summary = _summary(rng, record, values)
    if rng.random() < 0.12:
        review.employee_comment = fill(rng, EMPLOYEE_COMMENTS, values)
    if rng.random() < 0.1:
        review.private_note = rng.choice(PRIVATE_NOTES)


def _ranked(rng: random.Random, scores: dict, side: int) -> list[str]:
    """Competency keys from lowest to highest rating on one side, ties broken at random."""
    rated = [key for key, value in scores.items() if value[side] is not None]
    return sorted(rated, key=lambda key: (scores[key][side], rng.random()))


def _self_texts(rng: random.Random, scores: dict, values: dict) -> tuple[str, str]:
    ranked = _ranked(rng, scores, SELF)
    strengths = [fill(rng, SELF_STRENGTHS[key], values) for key in reversed(ranked[-2:])]
    weak = [key for key in ranked[: rng.randint(1, 2)] if scores[key][SELF] <= 3]
    improvements = [fill(rng, SELF_IMPROVEMENTS[key], values) for key in weak]
    if not improvements or (len(improvements) < 2 and rng.random() < 0.5):
        improvements.append(fill(rng, SELF_GROWTH, values))
    return " ".join(strengths), " ".join(improvements)


def _notes(rng: random.Random, scores: dict, values: dict) -> tuple[list[ReviewNote], list]:
    """Two strengths and one or two improvement areas, each tagged with its competencies."""
    ranked = _ranked(rng, scores, MANAGER)
    top, weak = ranked[-2:][::-1], ranked[: 2 if scores[ranked[0]][MANAGER] <= 2 else 1]
    notes = []
    for kind, keys, pool in (
        ("strength", top, MANAGER_STRENGTHS),
        ("improvement", weak, MANAGER_IMPROVEMENTS),
    ):
        for key in keys:
            tags = [scores[key][0]]
            if kind == "strength" and rng.random() < 0.25:
                tags.append(scores[ranked[-3]][0])  # a related third strength
            text = fill(rng, pool[key], values)
            notes.append(ReviewNote(kind=kind, text=text, position=len(notes), competencies=tags))
    return notes, weak


def _actions(ctx, record, weak: list[str], values: dict) -> list[ActionItem]:
    """An agreed action per improvement area, and a stretch goal for strong performers."""
    rng, review = ctx.rng, record.review
    picks = [rng.choice(ACTIONS[key]) for key in weak]
    if _manager_mean(record) >= 3.9 and rng.random() < 0.6:
        picks.append(rng.choice(GROWTH_ACTIONS))
    age = min(len(ctx.quarters) - 1 - record.quarter.index, 2)
    weights = ACTION_STATUS_WEIGHTS[age]
    owners = {"employee": record.person.user.id, "manager": record.manager.user.id}
    return [
        ActionItem(
            description=text.format(**values),
            kind=kind,
            owner_id=owners[owner],
            due_on=record.quarter.end + timedelta(days=rng.randint(30, 90)),
            status=rng.choices(list(weights), list(weights.values()))[0],
            created_at=review.manager_submitted_at,
        )
        for kind, owner, text in picks
    ]


def _manager_mean(record) -> float:
    return mean(v[MANAGER] for v in record.scores.values() if v[MANAGER] is not None)


def _summary(rng: random.Random, record, values: dict) -> str:
    """Opening by overall level, a remark about the quarter where one fits, a closing."""
    average = _manager_mean(record)
    band = "high" if average >= 3.9 else "solid" if average >= 3.0 else "low"
    parts = [fill(rng, SUMMARY_OPENINGS[band], values)]
    trained = record.team == "service_desk" and record.quarter.index >= TRAINING_AT
    if trained and rng.random() < 0.4:
        parts.append(rng.choice(TRAINING_REMARKS))
    if record.team == "student_services" and record.quarter.number == 3:
        parts.append(rng.choice(BUSY_REMARKS))
    parts.append(rng.choice(SUMMARY_CLOSINGS))
    return " ".join(parts)
