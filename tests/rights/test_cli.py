"""``flask people erase``: everyone past the retention period, for a scheduled run."""

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, User
from tests.rights.conftest import depart


def test_the_dry_run_lists_them_by_number_and_changes_nothing(org, runner):
    depart(org, org.jaan, months_ago=30)
    depart(org, org.peeter, months_ago=2)
    result = runner.invoke(args=["people", "erase", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"#{org.jaan.id}:" in result.output and f"#{org.peeter.id}:" not in result.output
    assert "Jaan" not in result.output
    assert db.session.get(User, org.jaan.id).erased_at is None


def test_it_erases_everyone_past_retention(org, runner):
    depart(org, org.jaan, months_ago=30)
    depart(org, org.peeter, months_ago=2)
    result = runner.invoke(args=["people", "erase", "--yes", "--mode", "remove"])
    assert result.exit_code == 0, result.output
    assert db.session.get(User, org.jaan.id).name == f"Former employee #{org.jaan.id}"
    assert db.session.get(User, org.peeter.id).erased_at is None
    event = db.session.scalars(select(AuditEvent).filter_by(action="person_erased")).one()
    assert event.actor_id is None and event.after["mode"] == "remove"


def test_without_yes_it_asks_first(org, runner):
    depart(org, org.jaan, months_ago=30)
    result = runner.invoke(args=["people", "erase"], input="n\n")
    assert result.exit_code != 0
    assert db.session.get(User, org.jaan.id).erased_at is None


def test_nobody_due(org, runner):
    result = runner.invoke(args=["people", "erase", "--dry-run"])
    assert "Nobody" in result.output
