"""The command line is grouped by noun, and what an operator does from the shell works."""

from extensions import db
from reviews.models import AuditEvent
from reviews.services.people.auth import verify_password
from tests import factories


def test_commands_are_grouped_by_noun(runner):
    listing = runner.invoke(args=["--help"]).output
    for command in (
        "seed-demo",
        "seed-scale",
        "db-is-empty",
        "reviews",
        "reports",
        "jobs",
        "people",
    ):
        assert f"  {command} " in listing, command
    for group, sub in (
        ("reports", "clear-cache"),
        ("reports", "rebuild-summary"),
        ("jobs", "worker"),
        ("people", "set-password"),
        ("reviews", "remind"),
    ):
        assert sub in runner.invoke(args=[group, "--help"]).output


def test_an_operator_sets_a_password_and_the_persons_sessions_end(runner):
    person = factories.user("admin", email="locked.out@example.com")
    token = person.session_token
    result = runner.invoke(
        args=["people", "set-password", "Locked.Out@example.com", "--password", "a brand new one"]
    )
    assert result.exit_code == 0, result.output
    db.session.refresh(person)
    assert verify_password(person, "a brand new one")
    assert person.session_token != token
    event = db.session.query(AuditEvent).filter_by(action="password_changed").one()
    assert event.object_id == person.id and event.actor_id is None


def test_set_password_refuses_a_short_password_and_an_unknown_person(runner):
    person = factories.user("staff", email="someone@example.com")
    short = runner.invoke(
        args=["people", "set-password", "someone@example.com", "--password", "short"]
    )
    assert short.exit_code != 0 and "at least 10 characters" in short.output
    db.session.refresh(person)
    assert not verify_password(person, "short")
    unknown = runner.invoke(
        args=["people", "set-password", "nobody@example.com", "--password", "long enough pw"]
    )
    assert unknown.exit_code != 0 and "Nobody has the e-mail address" in unknown.output
