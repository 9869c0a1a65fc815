"""The daily job: reminders before and after the due date (who gets one, who not, never two
a day), newcomers asked, leavers no longer asked."""

from datetime import date, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import Notification, ProcedureRequest
from reviews.services.procedures import queries, reading, reminders
from reviews.services.procedures.reminders import reminder_kind
from tests import factories

from .conftest import make_procedure, new_version

TODAY = date.today()


def _reminded() -> list[tuple[str, str]]:
    query = select(Notification).where(
        Notification.kind.in_(("procedure_due", "procedure_overdue"))
    )
    return sorted((n.user.name.split()[0], n.kind) for n in db.session.scalars(query))


def _run(day: date) -> dict:
    done = reminders.run_daily(day)
    db.session.commit()
    return done


def test_the_schedule_of_reminders():
    due = date(2026, 12, 20)
    assert reminder_kind(due, None, date(2026, 12, 16)) is None  # four days before: not yet
    assert reminder_kind(due, None, date(2026, 12, 17)) == "procedure_due"
    assert reminder_kind(due, date(2026, 12, 17), date(2026, 12, 18)) is None  # once before
    assert reminder_kind(due, date(2026, 12, 17), date(2026, 12, 20)) is None  # due today
    assert reminder_kind(due, date(2026, 12, 17), date(2026, 12, 21)) == "procedure_overdue"
    assert reminder_kind(due, date(2026, 12, 21), date(2026, 12, 21)) is None  # same day
    assert reminder_kind(due, date(2026, 12, 21), date(2026, 12, 27)) is None
    assert reminder_kind(due, date(2026, 12, 21), date(2026, 12, 28)) == "procedure_overdue"


def test_only_those_who_have_not_confirmed_are_reminded_once_a_day(org):
    procedure = make_procedure(org.leader, teams=[org.desk], due_in=3)
    reading.confirm(org.mari, procedure, 1)
    db.session.commit()
    assert _run(TODAY) == {"procedure_due": 2}
    assert _reminded() == [("Jaan", "procedure_due"), ("Kadri", "procedure_due")]
    assert _run(TODAY) == {}  # again the same day: nothing new
    assert len(_reminded()) == 2


def test_overdue_reminders_stop_once_confirmed(org):
    procedure = make_procedure(org.leader, teams=[org.desk], due_in=1)
    later = TODAY + timedelta(days=2)
    assert _run(later) == {"procedure_overdue": 3}
    reading.confirm(org.jaan, procedure, 1)
    db.session.commit()
    assert _run(later + timedelta(days=7)) == {"procedure_overdue": 2}
    assert ("Jaan", "procedure_overdue") in _reminded()
    assert sum(1 for name, _ in _reminded() if name == "Jaan") == 1


def test_a_superseded_or_archived_version_is_not_reminded(org):
    procedure = make_procedure(org.leader, teams=[org.desk], due_in=1)
    new_version(org.leader, procedure, "Changed.", due_in=30)
    assert _run(TODAY + timedelta(days=2)) == {}
    from reviews.services.procedures import editing

    editing.archive(org.leader, procedure)
    db.session.commit()
    assert _run(TODAY + timedelta(days=40)) == {}


def test_a_newcomer_is_asked_and_a_leaver_no_longer(org):
    procedure = make_procedure(org.leader, teams=[org.desk], due_in=3)
    newcomer = factories.user("staff", name="Uus Inimene", team=org.desk)
    org.jaan.team = org.apps
    db.session.commit()
    done = _run(TODAY)
    assert done == {"asked": 1, "closed": 1, "procedure_due": 2}  # Kadri and Mari: 3 days left
    mine = queries.waiting(newcomer)
    assert [w.procedure_id for w in mine] == [procedure.id]
    assert mine[0].due_on == TODAY + timedelta(days=reminders.NEWCOMER_DAYS)  # two weeks
    assert queries.waiting(org.jaan) == []
    told = db.session.scalars(
        select(Notification.user_id).where(Notification.kind == "procedure_published")
    )
    assert newcomer.id in set(told)
    # Back in the team: asked again, with what they had confirmed kept.
    org.jaan.team = org.desk
    db.session.commit()
    assert _run(TODAY) == {"reopened": 1, "procedure_due": 1}  # Jaan: not reminded before
    live = db.session.scalars(
        select(ProcedureRequest).where(
            ProcedureRequest.user_id == org.jaan.id, ProcedureRequest.closed_at.is_(None)
        )
    ).all()
    assert len(live) == 1
