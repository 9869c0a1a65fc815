"""Notifications and their e-mails, as the fourth mutation run (issue 9, a Random(12) sample
of ee2bd2c) found them unpinned: opening someone else's notification, the amendment notice's
author, and the Message-ID of a queued mail."""

from datetime import datetime

from sqlalchemy import select

from extensions import db
from reviews.models.activity import OutboundEmail
from reviews.services.notifications import inbox as notify
from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form

NOW = datetime(2026, 11, 2, 9, 0)


def test_opening_someone_elses_notification_leads_back_to_the_inbox(org, login_as):
    """Not to the other person's link (``inbox.get`` 5: the owner's filter dropped)."""
    note = notify.notify(org.jaan, "idea_comment", url="/ideas/42", actor="Kadri", title="X")
    db.session.commit()
    client = login_as(org.mari)
    response = client.post(
        f"/inbox/{note.id}/open", data={"csrf_token": csrf_token(client, "/inbox/")}
    )
    assert response.headers["Location"] == "/inbox/"


def test_a_queued_mail_has_a_message_id_in_the_senders_domain(org, app, monkeypatch):
    """``outbox.new_message_id`` 3: the configured sender ignored, every id @localhost."""
    monkeypatch.setitem(app.config, "MAIL_SERVER", "mail.example")
    monkeypatch.setitem(app.config, "MAIL_DEFAULT_SENDER", "Rapport <rapport@hr.example.org>")
    notify.notify(org.mari, "idea_comment", url="/ideas/7", actor="Kadri", title="Macros")
    db.session.commit()
    [mail] = db.session.scalars(select(OutboundEmail)).all()
    assert mail.message_id.startswith("<")
    assert mail.message_id.endswith("@hr.example.org>")


def test_the_employee_is_told_who_amended_their_review(org_in_cycle, login_as):
    """``assessments.amend_manager_assessment`` 66: "amended by None"."""
    org, review = org_in_cycle, org_in_cycle.reviews["mari"]
    kadri = login_as(org.kadri)
    assess = f"/reviews/{review.id}/assess"
    kadri.post(assess, data=manager_form(review, csrf_token=csrf_token(kadri, assess)))
    review.self_submitted_at = review.shared_at = review.acknowledged_at = NOW
    db.session.commit()
    amended = manager_form(
        review,
        summary="Amended after the follow-up talk.",
        csrf_token=csrf_token(kadri, assess),
        **{"actions-0-id": str(review.action_items[0].id)},
    )
    kadri.post(assess, data=amended)
    assert review.amended_at is not None
    page = login_as(org.mari).get("/inbox/").get_data(as_text=True)
    assert "Your 2026 Q4 review was amended by Kadri Kask." in page


def test_an_ideas_new_status_is_named_in_the_inbox(org, login_as):
    """``inbox._in_words`` 15: "Your idea “Macros” is now None."."""
    notify.notify(
        org.mari, "idea_status_changed", url="/ideas/7", title="Macros", status="under_review"
    )
    db.session.commit()
    page = login_as(org.mari).get("/inbox/").get_data(as_text=True)
    assert "Your idea “Macros” is now Under review." in page
