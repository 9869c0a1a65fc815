"""The demo's competency weights, so a person's history shows an overall score that is not
just the plain mean: the help desk counts knowing the procedures, solving problems and
security checks one and a half times (and the weights were so from the first cycle: every
cycle's snapshot carries them)."""

from sqlalchemy import select, update

from extensions import db
from reviews.models import Competency, CycleCompetency

from .data import COMPETENCY_KEYS

WEIGHTS = {"knowledge": 1.5, "problem": 1.5, "security": 1.5}


def weigh_framework() -> None:
    """Set the weights above on the framework and on every cycle's snapshot of it."""
    for competency in db.session.scalars(select(Competency)):
        weight = WEIGHTS.get(COMPETENCY_KEYS.get(competency.name, ""), 1.0)
        competency.weight = weight
        db.session.execute(
            update(CycleCompetency)
            .where(CycleCompetency.competency_id == competency.id)
            .values(weight=weight)
        )
