"""Due-date reminders: the owner (or the employee when nobody owns the item) is told once
when it is due soon and once when it is overdue; done, dropped and carried items never; a
second run sends nothing new."""

from datetime import timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import Notification
from reviews.services.actions.reminders import send_reminders

from .conftest import TODAY, item, share


def _notes():
    rows = db.session.execute(
        select(Notification.user_id, Notification.kind, Notification.params).where(
            Notification.kind.like("action_%")
        )
    )
    return sorted((user, kind, params["action"]) for user, kind, params in rows)


def test_who_is_reminded_of_what_and_only_once(org):
    share(org.reviews["mari"])
    share(org.reviews["jaan"])
    soon, late, far = (
        TODAY + timedelta(days=3),
        TODAY - timedelta(days=2),
        TODAY + timedelta(days=30),
    )
    item(org.reviews["mari"], "Owned by Mari, due soon", owner=org.mari, due=soon)
    item(org.reviews["mari"], "Owned by Kadri, overdue", owner=org.kadri, due=late)
    item(org.reviews["jaan"], "Nobody's, overdue", due=late)
    item(org.reviews["jaan"], "Done already", due=late, status="done")
    item(org.reviews["jaan"], "Dropped", due=late, status="dropped")
    item(org.reviews["jaan"], "Carried", due=late, status="carried")
    item(org.reviews["jaan"], "Far off", due=far)
    item(org.reviews["peeter"], "Not shared with Peeter yet", due=late)  # his review: a draft
    assert send_reminders() == {"action_due_soon": 1, "action_overdue": 2}
    db.session.commit()
    assert _notes() == sorted([
        (org.mari.id, "action_due_soon", "Owned by Mari, due soon"),
        (org.kadri.id, "action_overdue", "Owned by Kadri, overdue"),
        (org.jaan.id, "action_overdue", "Nobody's, overdue"),
    ])  # fmt: skip
    assert send_reminders() == {}
    db.session.commit()
    assert len(_notes()) == 3


def test_a_due_soon_item_is_reminded_again_when_it_becomes_overdue(org):
    share(org.reviews["mari"])
    todo = item(org.reviews["mari"], "Finish the ITIL course", owner=org.mari, due=TODAY)
    assert send_reminders(TODAY) == {"action_due_soon": 1}
    assert send_reminders(TODAY + timedelta(days=1)) == {"action_overdue": 1}
    assert send_reminders(TODAY + timedelta(days=2)) == {}
    db.session.commit()
    assert todo.reminded_soon_at and todo.reminded_overdue_at


def test_the_reminder_reads_in_the_inbox(org, login_as):
    share(org.reviews["mari"])
    item(
        org.reviews["mari"], "Finish the ITIL course", owner=org.mari, due=TODAY - timedelta(days=1)
    )
    send_reminders()
    db.session.commit()
    page = login_as(org.mari).get("/inbox/").get_data(as_text=True)
    assert "Your action item “Finish the ITIL course” was due on" in page
