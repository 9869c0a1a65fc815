"""Giving a recognition: through the form, to an active colleague (not oneself), for
active competencies, with a message of a sensible length, at most ten a day; the recipient
and their manager are told (inbox, and e-mail through the outbox when mail is on); the
giver's name is on it, always."""

from datetime import timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, Notification, OutboundEmail, Recognition, utcnow
from reviews.services.notifications import inbox
from reviews.services.recognition import giving
from tests import factories

from .conftest import MESSAGE, competencies, count, give, page


def _send(post, recipient, picks=(0,), message=MESSAGE):
    data = {
        "recipient": str(recipient.id) if recipient is not None else "",
        "competencies": [str(competencies()[i].id) for i in picks],
        "message": message,
    }
    return post("/recognition/new", data)


def _notes(person) -> list[tuple[str, str]]:
    notes = db.session.scalars(
        select(Notification).where(Notification.user_id == person.id).order_by(Notification.id)
    )
    return [(n.kind, inbox.render(n)) for n in notes]


def test_a_colleague_is_recognised_and_they_and_their_manager_are_told(org, app, login_as, post):
    app.config["MAIL_SERVER"] = "localhost"
    try:
        login_as(org.peeter)
        response = _send(post, org.mari, picks=(0, 5))
    finally:
        app.config["MAIL_SERVER"] = ""
    assert response.status_code == 302
    recognition = db.session.scalars(select(Recognition)).one()
    assert (recognition.giver_id, recognition.recipient_id) == (org.peeter.id, org.mari.id)
    assert recognition.team_id == org.desk.id  # the recipient's team when it was given
    assert [c.id for c in recognition.competencies] == [competencies()[i].id for i in (0, 5)]
    assert _notes(org.mari) == [("recognition_received", "Peeter Pärn recognised your work.")]
    assert _notes(org.kadri) == [
        ("recognition_for_report", "Peeter Pärn recognised the work of Mari Tamm.")
    ]
    mails = {m.recipient for m in db.session.scalars(select(OutboundEmail))}
    assert mails == {"mari@example.com", "kadri@example.com"}
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "recognition_given" in actions
    # Signed: the recipient sees who thanked them.
    login_as(org.mari)
    assert "From Peeter Pärn" in page(login_as(org.mari), "/recognition/")


def test_the_form_says_what_recognition_is_for_and_offers_no_rating(org, login_as, client):
    login_as(org.mari)
    html = page(client, "/recognition/new")
    assert "It is not a rating and never becomes one." in html
    assert "always positive" in html
    assert 'type="radio"' not in html and "score" not in html.lower()
    # The colleague picker is the long-list select: everyone active but oneself.
    assert f'<option value="{org.jaan.id}">Jaan Sepp — Service Desk</option>' in html
    assert "Mari Tamm — Service Desk" not in html


def test_not_oneself(org, login_as, post):
    login_as(org.mari)
    response = _send(post, org.mari)
    assert response.status_code == 400 and count() == 0
    # The service says so too, for a request that gets past the menu.
    try:
        giving.give(org.mari, org.mari, [competencies()[0].id], MESSAGE)
    except giving.DomainError as error:
        assert "not yourself" in str(error.errors["recipient"])
    else:
        raise AssertionError("recognising oneself was accepted")


def test_an_inactive_colleague_cannot_be_recognised(org, login_as, post):
    gone = factories.user(name="Former Colleague", team=org.desk, active=False)
    login_as(org.mari)
    response = _send(post, gone)
    assert response.status_code == 400 and count() == 0
    try:
        giving.give(org.mari, gone, [competencies()[0].id], MESSAGE)
    except giving.DomainError as error:
        assert "active colleague" in str(error.errors["recipient"])
    else:
        raise AssertionError("an inactive person was recognised")


def test_competencies_are_required_and_must_be_active(org, login_as, post):
    login_as(org.mari)
    response = _send(post, org.jaan, picks=())
    assert response.status_code == 400
    assert "Choose at least one competency" in response.get_data(as_text=True)
    retired = competencies()[2]
    retired.retired_at = utcnow()
    db.session.commit()
    try:
        giving.give(org.mari, org.jaan, [retired.id], MESSAGE)
    except giving.DomainError as error:
        assert "competencies" in error.errors
    else:
        raise AssertionError("a retired competency was accepted")
    assert count() == 0


def test_the_message_is_required_and_kept_short(org, login_as, post):
    login_as(org.mari)
    for message in ("", "   ", "Thanks", "x" * (giving.MESSAGE_MAX + 1)):
        response = _send(post, org.jaan, message=message)
        assert response.status_code == 400, message
    assert count() == 0
    assert _send(post, org.jaan, message="x" * giving.MESSAGE_MAX).status_code == 302


def test_no_more_than_ten_a_day_from_one_person(org, login_as, post):
    for n in range(giving.DAILY_LIMIT):
        give(org.mari, org.jaan if n % 2 else org.peeter)
    login_as(org.mari)
    response = _send(post, org.kadri)
    assert response.status_code == 400
    assert "the most there can be" in response.get_data(as_text=True)
    assert count() == giving.DAILY_LIMIT
    # A day later the oldest no longer count.
    for recognition in db.session.scalars(select(Recognition)):
        recognition.created_at = utcnow() - timedelta(days=1, minutes=1)
    db.session.commit()
    assert _send(post, org.kadri).status_code == 302
    # Others are not held back by Mari's giving.
    login_as(org.jaan)
    assert _send(post, org.kadri).status_code == 302
