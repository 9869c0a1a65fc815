"""Helpers for the e-mail preference tests: mail switched on (to a real SMTP sink where a
test delivers), a person's choices stored through the service, and the outbox read back."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import OutboundEmail
from reviews.services.notifications import preferences
from tests.smtp_sink import SmtpSink


@pytest.fixture
def smtp(app, monkeypatch):
    """Mail switched on, to a real local SMTP server (jobs run at once in tests, so what is
    committed is delivered before the call returns)."""
    sink = SmtpSink()
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", sink.port)
    monkeypatch.setitem(app.config, "BASE_URL", "https://rapport.example")
    yield sink
    sink.stop()


def choose(person, **modes) -> None:
    """Store ``person``'s choices: the given topics, the rest immediately."""
    wanted = {topic.value: "immediately" for topic in preferences.TOPICS}
    wanted.update(modes)
    preferences.save(person, wanted)
    db.session.commit()


def queued() -> list[OutboundEmail]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboundEmail).order_by(OutboundEmail.id)))
