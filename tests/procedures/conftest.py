"""The help desk of ``tests.organisation`` for the procedure tests, and ``make_procedure``:
a procedure written and published through the real services."""

from datetime import date, timedelta

import pytest

from extensions import db
from reviews.services.procedures import editing
from tests.organisation import build_org


@pytest.fixture
def org(app):
    return build_org()


def make_procedure(
    actor,
    title="Password reset: check the caller's identity",
    *,
    body="1. Ask for the employee number.\n2. Call back on the number on file.",
    teams=(),
    owner=None,
    publish=True,
    due_in=14,
    today=None,
):
    procedure = editing.save_procedure(
        actor, None, title=title, body=body, owner=owner or actor, teams=list(teams)
    )
    if publish:
        today = today or date.today()
        editing.publish(
            actor, procedure, change_note="", due_on=today + timedelta(days=due_in), today=today
        )
    db.session.commit()
    return procedure


def new_version(actor, procedure, body, note="Clarified the call-back step.", due_in=14):
    procedure.body = body
    version, _ = editing.publish(
        actor, procedure, change_note=note, due_on=date.today() + timedelta(days=due_in)
    )
    db.session.commit()
    return version
