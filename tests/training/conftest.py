"""The help desk of ``tests.organisation`` for the training tests (Kadri manages Mari and
Jaan, Olev manages Peeter, Liis leads, Anu administers); ``make_training`` records one
through the real service."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import Competency, TrainingRecord
from reviews.services.training import records
from tests import factories
from tests.organisation import build_org
from tests.reports.conftest import small_charts  # noqa: F401  (a fixture the chart tests use)


@pytest.fixture
def org(app):
    factories.framework()
    return build_org()


def competency(n: int = 0) -> Competency:
    return db.session.scalars(select(Competency).order_by(Competency.position)).all()[n]


def make_training(
    person, actor=None, *, title="Active listening workshop", days_ago=10, hours=3.5,
    provider="Clear Voice OÜ", competencies=(), note="",
) -> TrainingRecord:  # fmt: skip
    record = records.record_training(
        actor or person,
        person,
        records.TrainingInput(
            title=title,
            taken_on=date.today() - timedelta(days=days_ago),
            hours=hours,
            provider=provider,
            competency_ids=[c.id for c in competencies],
            note=note,
        ),
    )
    db.session.commit()
    return record


def form(**overrides) -> dict:
    data = {
        "title": "De-escalation on the phone",
        "taken_on": (date.today() - timedelta(days=3)).isoformat(),
        "hours": "1,5",
        "provider": "Calm Line Training",
        "note": "",
    }
    data.update(overrides)
    return data
