"""The audit trail is complete (issue 10, point 6): sign-ins good and failed, sign-outs,
refusals, rate limits, every download and export with its rows, comments, support, private
notes and amendments written out per field; filtered by date, person, object and action;
downloadable as CSV; never changed or deleted by the application; and never holding a
password, a cookie or review text where it should not."""

import csv
import io
import logging
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, update

from extensions import db, limiter
from reviews.models import AuditEvent, Idea, utcnow
from reviews.services import audit
from reviews.services.ideas import contributions
from tests import factories
from tests.conftest import csrf_token
from tests.organisation import build_org
from tests.reviews.conftest import manager_form
from tests.reviews.test_sharing import fill, press

from . import builders


@pytest.fixture
def org(app):
    org = build_org(cycle="2026 Q4")
    org.review = org.reviews["mari"]
    return org


def events(action: str) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def everything_stored() -> str:
    """The whole audit table as text, to look for what must never be in it."""
    rows = db.session.execute(select(AuditEvent.__table__)).all()
    return repr([tuple(r) for r in rows])


def sign_in(client, email, password):
    token = csrf_token(client, "/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


# --- sign-in, sign-out, refusals ---------------------------------------------------------------


def test_a_failed_sign_in_is_recorded_with_the_address_never_the_password(org, client):
    assert sign_in(client, " Mari@Example.com", "Guess-Number-7-of-the-day").status_code == 400
    assert sign_in(client, "nobody@example.com", "another-secret-guess").status_code == 400
    known, unknown = events("sign_in_failed")
    assert (known.object_type, known.object_id) == ("users", org.mari.id)
    assert known.after == {"email": "Mari@Example.com"} and known.actor_id is None
    assert (unknown.object_id, unknown.after) == (None, {"email": "nobody@example.com"})
    stored = everything_stored()
    assert "Guess-Number-7" not in stored and "another-secret-guess" not in stored


def test_signing_in_and_out_are_recorded(org, client, login_as):
    login_as(org.mari)
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert [e.actor_id for e in events("signed_in")][-1] == org.mari.id
    assert [e.actor_id for e in events("signed_out")] == [org.mari.id]


def test_a_refusal_is_recorded_a_missing_page_is_not(org, login_as):
    client = login_as(org.mari)  # staff
    assert client.get("/admin/").status_code == 403
    other = org.reviews["jaan"]
    assert client.get(f"/reviews/{other.id}").status_code == 404  # someone else's
    assert client.get("/reviews/999999").status_code == 404  # nobody's
    refused = events("access_denied")
    assert [(e.actor_id, e.after["path"]) for e in refused] == [
        (org.mari.id, "/admin/"),
        (org.mari.id, f"/reviews/{other.id}"),
    ]


def test_a_rate_limited_attempt_is_recorded(org, app, client, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_RATE_LIMIT", "2 per minute")
    limiter.reset()
    try:
        codes = [sign_in(client, "mari@example.com", "wrong").status_code for _ in range(3)]
    finally:
        limiter.reset()
    assert codes == [400, 400, 429]
    (event,) = events("rate_limited")
    assert event.after == {"method": "POST", "path": "/login"} and event.actor_id is None


# --- downloads and exports ------------------------------------------------------------------


def test_a_report_download_is_recorded_with_its_rows(org, login_as):
    client = login_as(org.leader)
    response = client.get(f"/reports/download/completion.csv?cycle={org.cycle.id}")
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    (event,) = events("report_downloaded")
    assert event.actor_id == org.leader.id
    assert event.after["chart"] == "completion" and event.after["format"] == "csv"
    assert event.after["rows"] == len(lines) - 1  # the header is not a row
    # A chart picture inside a page is not a download.
    client.get(f"/reports/chart/completion.png?cycle={org.cycle.id}")
    assert len(events("report_downloaded")) == 1


def test_an_idea_export_is_recorded_with_its_rows(org, login_as):
    for n in range(3):
        db.session.add(
            Idea(
                title=f"Idea {n}",
                description="d",
                category="process",
                author=org.mari,
                team=org.desk,
            )
        )
    db.session.commit()
    client = login_as(org.admin)
    text = client.get("/ideas/export.csv").get_data(as_text=True)
    (event,) = events("ideas_exported")
    assert event.after["rows"] == 3 == len(list(csv.reader(io.StringIO(text)))) - 1


# --- what people do to ideas and reviews ---------------------------------------------------------


def test_comments_and_support_are_recorded(org, login_as, post):
    idea = Idea(
        title="Shorter macros", description="d", category="process", author=org.mari, team=org.desk
    )
    db.session.add(idea)
    db.session.commit()
    login_as(org.kadri)
    post(f"/ideas/{idea.id}/comments", {"body": "Good one"}, form_url=f"/ideas/{idea.id}")
    post(f"/ideas/{idea.id}/support", form_url=f"/ideas/{idea.id}")
    post(f"/ideas/{idea.id}/withdraw", form_url=f"/ideas/{idea.id}")
    for action in ("idea_commented", "idea_supported", "idea_support_withdrawn"):
        (event,) = events(action)
        assert (event.actor_id, event.object_id) == (org.kadri.id, idea.id), action
    assert "Good one" not in everything_stored()


def test_a_private_note_change_is_recorded_without_its_text(org, login_as, post):
    review = org.review
    login_as(org.kadri)
    data = manager_form(review, submit=False, private_note="Thinks of leaving in spring.")
    post(f"/reviews/{review.id}/assess", data)
    (event,) = events("private_note_changed")
    assert event.actor_id == org.kadri.id and event.after == {"private_note": True}
    assert "leaving in spring" not in everything_stored()
    post(
        f"/reviews/{review.id}/assess",
        manager_form(review, submit=False, private_note="Thinks of leaving in spring."),
    )
    assert len(events("private_note_changed")) == 1  # saved again unchanged: nothing new


def test_an_amendment_reads_field_by_field(org, login_as):
    review = org.review
    fill(review, lambda who: login_as(getattr(org, who)))
    press(login_as(org.kadri), review, "share")
    press(login_as(org.mari), review, "acknowledge", comment="", disagrees="")
    kadri = login_as(org.kadri)
    first = review.cycle.competencies[0]
    data = manager_form(
        review,
        summary="Amended after the follow-up talk.",
        **{"actions-0-id": str(review.action_items[0].id), f"rating_{first.id}": "4"},
    )
    data["csrf_token"] = csrf_token(kadri, f"/reviews/{review.id}/assess")
    kadri.post(f"/reviews/{review.id}/assess", data=data)
    page = builders.text(login_as(org.admin).get("/admin/audit?action=review_amended"))
    assert f"Rating: {first.name}" in page
    assert "<del>3</del>" in page and "<ins>4</ins>" in page
    assert "<ins>Amended after the follow-up talk.</ins>" in page
    assert "{" not in page.split("Amended a review")[1]  # no dict written out


# --- reading the trail ------------------------------------------------------------------------


def test_the_log_filters_by_date_action_and_object(org, login_as):
    team = factories.team("Desk")
    old = audit.record("team_updated", team, {"name": "A"}, {"name": "Desk"}, actor=org.admin)
    old.created_at = utcnow() - timedelta(days=40)
    audit.record("team_updated", org.desk, {"name": "B"}, {"name": "C"}, actor=org.admin)
    db.session.commit()
    client = login_as(org.admin)
    today = utcnow().date()
    recent = builders.text(
        client.get(f"/admin/audit?since={today - timedelta(days=7)}&action=team_updated")
    )
    assert "<ins>C</ins>" in recent and "<ins>Desk</ins>" not in recent
    older = builders.text(client.get(f"/admin/audit?until={today - timedelta(days=30)}"))
    assert "<ins>Desk</ins>" in older and "<ins>C</ins>" not in older
    one = builders.text(client.get(f"/admin/audit?object_type=teams&object_id={team.id}"))
    assert "<ins>Desk</ins>" in one
    bad = client.get("/admin/audit?since=yesterday&object_id=-4")
    assert bad.status_code == 200 and "Not a valid date value." in bad.get_data(as_text=True)


def test_the_log_downloads_as_csv_and_the_download_is_recorded(org, login_as):
    sly = factories.user("admin", name='=HYPERLINK("http://x")', email="sly@example.com")
    audit.record("team_updated", org.desk, {"name": "A"}, {"name": "Desk"}, actor=sly)
    db.session.commit()
    client = login_as(org.admin)
    response = client.get("/admin/audit.csv?action=team_updated")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["When (UTC)", "Who", "Email", "Action", "Object", "Changes"]
    assert len(rows) == 2 and rows[1][2:] == [
        "sly@example.com", "Edited a team", "Team: Service Desk", "Name: A → Desk"
    ]  # fmt: skip
    assert rows[1][1] == '\'=HYPERLINK("http://x")'  # a formula is never run
    (event,) = events("audit_exported")
    assert event.after == {"rows": 1, "filters": {"action": "team_updated"}}


def test_a_download_too_big_asks_for_narrower_filters(org, login_as, monkeypatch):
    from reviews.views.admin import audit as audit_view

    monkeypatch.setattr(audit_view, "MAX_CSV", 1)
    for name in ("B", "C"):
        audit.record("team_updated", org.desk, {"name": "A"}, {"name": name}, actor=org.admin)
    db.session.commit()
    response = login_as(org.admin).get(
        "/admin/audit.csv?action=team_updated", follow_redirects=True
    )
    assert "2 entries match" in response.get_data(as_text=True)
    assert events("audit_exported") == []


# --- append-only, and nothing secret in the logs ------------------------------------------------


def test_the_application_never_changes_or_deletes_an_event(org):
    event = audit.record("team_updated", "teams", after={"name": "x"}, actor=None)
    db.session.commit()
    event.after = {"name": "forged"}
    with pytest.raises(audit.AppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(audit.AppendOnly):
        db.session.commit()
    db.session.rollback()
    for statement in (delete(AuditEvent), update(AuditEvent).values(action="x")):
        with pytest.raises(audit.AppendOnly):
            db.session.execute(statement)
        db.session.rollback()
    assert db.session.get(AuditEvent, event.id).after == {"name": "x"}


def test_no_password_cookie_or_review_text_reaches_the_logs(org, client, login_as, post, caplog):
    with caplog.at_level(logging.DEBUG):
        sign_in(client, "mari@example.com", "Wrong-Horse-Battery-9")
        login_as(org.kadri)
        cookie = client.get_cookie("session").value
        post(
            f"/reviews/{org.review.id}/assess",
            manager_form(org.review, submit=False, summary="Secret appraisal words"),
        )
    logged = caplog.text
    for secret in ("Wrong-Horse-Battery-9", "rapport-demo", cookie, "Secret appraisal words"):
        assert secret not in logged


def test_statuses_read_in_the_readers_words(org, login_as):
    """Not 'submitted → under_review': the codes are said as the pages say them."""
    idea = Idea(title="Macros", description="d", category="process", author=org.mari, team=org.desk)
    db.session.add(idea)
    db.session.flush()
    audit.record(
        "idea_moved", idea, {"status": "submitted"}, {"status": "under_review"}, actor=None
    )
    db.session.commit()
    page = builders.log_rows(login_as(org.admin).get("/admin/audit?action=idea_moved"))
    assert "<del>Submitted</del>" in page and "<ins>Under review</ins>" in page
    assert "under_review" not in page


def test_an_idea_status_in_a_notification_is_in_the_readers_language(org, app):
    from flask_babel import force_locale

    from reviews.services.notifications.inbox import sentence

    params = {"title": "Macros", "status": "under_review"}
    with app.test_request_context(), force_locale("et"):
        text = sentence("idea_status_changed", params)
    assert "under_review" not in text and "Macros" in text


def test_something_typed_in_the_email_box_that_is_no_address_is_not_kept(org, client):
    sign_in(client, "Correct-Horse-Battery-1", "x")
    (event,) = events("sign_in_failed")
    assert event.after == {"email": "(not an e-mail address)"}
    assert "Correct-Horse" not in everything_stored()


def test_the_last_day_of_the_calendar_is_a_date_not_a_500(org, login_as):
    page = login_as(org.admin).get("/admin/audit?until=9999-12-31&since=0001-01-01")
    assert page.status_code == 200


def test_refusal_of_control_characters_in_any_repeated_value_or_key(org, login_as):
    client = login_as(org.mari)
    assert client.get("/ideas/?q=a&q=%00").status_code == 400
    assert client.get("/ideas/?q%00=a").status_code == 400
    assert client.get("/ideas/?q=%C2%85").status_code == 400  # C1 "next line"


def test_a_comment_is_recorded_by_its_number(org):
    idea = Idea(
        title="Shorter macros", description="d", category="process", author=org.mari, team=org.desk
    )
    db.session.add(idea)
    db.session.flush()
    comment = contributions.add_comment(idea, org.kadri, "Good one")
    db.session.commit()
    (event,) = events("idea_commented")
    assert (event.object_id, event.after) == (idea.id, {"comment": comment.id})
