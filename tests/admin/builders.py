"""Builders and helpers for the admin tests (on top of ``tests.factories``)."""

import html

from extensions import db
from reviews.models import Competency, Cycle, utcnow
from reviews.services.reviews import framework as framework_service
from tests import factories
from tests.conftest import csrf_token


def admin(**kwargs):
    return factories.user("admin", name=kwargs.pop("name", "Ada Admin"), **kwargs)


def competency(name: str = "Empathy", weight: float = 1.0) -> Competency:
    factories.framework()
    c = framework_service.save_competency(
        None,
        None,
        name=name,
        description="Understands how the customer feels.",
        behaviour_examples="",
        weight=weight,
        position=framework_service.next_position(),
    )
    db.session.commit()
    return c


def closed_cycle(name: str = "2025 Q4") -> Cycle:
    cycle = factories.cycle(name)
    cycle.status = "closed"
    cycle.closed_at = utcnow()
    db.session.commit()
    return cycle


def sign_in(client, user, password: str = factories.PASSWORD):
    """Sign ``user`` in on ``client`` (any test client) through the real form."""
    return client.post(
        "/login",
        data={"email": user.email, "password": password, "csrf_token": csrf_token(client)},
    )


def text(response) -> str:
    """The page as a reader sees it (entities such as &#39; decoded)."""
    return html.unescape(response.get_data(as_text=True))


def log_rows(response) -> str:
    """The audit page's table only (the filters above it name every action too)."""
    page = text(response)
    return page.split("<tbody>", 1)[1] if "<tbody>" in page else ""
