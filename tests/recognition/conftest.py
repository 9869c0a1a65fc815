"""The help desk of ``tests.organisation`` for the recognition tests (Kadri manages Mari and
Jaan in the Service Desk, Olev manages Peeter in Application Support, Liis leads, Anu
administers), with the default framework; ``give`` records a recognition through the real
service."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import Competency, Recognition, utcnow
from reviews.services.recognition import giving
from tests import factories
from tests.organisation import build_org

MESSAGE = "Thank you for staying late to clear the printer queue."


@pytest.fixture
def org(app):
    org = build_org()
    factories.framework()
    return org


def competencies() -> list[Competency]:
    return list(db.session.scalars(select(Competency).order_by(Competency.position)))


def give(giver, recipient, *picks: int, message: str = MESSAGE, days_ago: int = 0, **state):
    """``giver`` recognises ``recipient`` for the competencies at positions ``picks`` (the
    first by default), ``days_ago`` days ago; ``state`` sets hidden or removed_at after."""
    chosen = [competencies()[i].id for i in (picks or (0,))]
    recognition = giving.give(giver, recipient, chosen, message)
    recognition.created_at = utcnow() - timedelta(days=days_ago)
    for name, value in state.items():
        setattr(recognition, name, value)
    db.session.commit()
    return recognition


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def count() -> int:
    return len(db.session.scalars(select(Recognition)).all())
