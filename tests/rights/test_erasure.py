"""Erasing a departed person: pseudonymised or removed, with no name left behind, the
figures right, a dry run that writes nothing, and the refusals."""

import json

import pytest
from sqlalchemy import LargeBinary, select

from extensions import db
from reports import summary
from reviews.models import AuditEvent, Idea, NoteCount, PeopleCount, RatingCount, RatingGap, User
from reviews.services import DomainError
from reviews.services.rights import erasure
from reviews.services.rights.erasure import ErasureMode
from tests.rights.conftest import EMAIL, LATER_NAME, NAME, depart

SUMMARIES = (RatingCount, RatingGap, NoteCount, PeopleCount)


def every_text() -> list[tuple[str, str, str]]:
    """Every text and JSON value of every table: (table, column, value as text)."""
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)):
            for column in table.columns:
                value = row._mapping[column]
                if value is None or isinstance(column.type, LargeBinary):
                    continue
                text = (
                    value
                    if isinstance(value, str)
                    else json.dumps(value, ensure_ascii=False, default=str)
                )
                found.append((table.name, column.name, text))
    return found


def mentions(*words: str) -> list[tuple[str, str, str]]:
    needles = [w.lower() for w in words]
    return [t for t in every_text() if any(n in t[2].lower() for n in needles)]


def figures() -> dict:
    """The rating summaries behind every chart, row by row."""
    return {
        model.__tablename__: sorted(
            tuple(getattr(r, c.key) for c in model.__table__.columns)
            for r in db.session.scalars(select(model))
        )
        for model in SUMMARIES
    }


def anonymous_row(idea_id: int) -> dict:
    table = Idea.__table__
    row = db.session.execute(select(table).where(table.c.id == idea_id)).one()
    return dict(row._mapping)


def erase(post, full, mode="pseudonymise", **extra):
    url = f"/admin/people/{full.person.id}/erase"
    return post(url, {"mode": mode, **extra})


def test_pseudonymised_no_name_or_address_is_left_anywhere(full, login_as, post):
    assert mentions(NAME, LATER_NAME, EMAIL)  # the builder put them in many places
    login_as(full.org.admin)
    response = erase(post, full)
    assert response.status_code == 302
    assert mentions(NAME, LATER_NAME, EMAIL) == []
    person = db.session.get(User, full.person.id)
    assert person.name == f"Former employee #{person.id}"
    assert person.email == f"former-{person.id}@erased.invalid"
    assert (person.password_hash, person.job_title, person.roles) == (None, "", set())
    assert person.erased_at is not None


def test_pseudonymised_figures_stay_exactly_as_they_were(full, login_as, post):
    before = figures()
    assert before["summary_rating_counts"]
    login_as(full.org.admin)
    erase(post, full)
    assert figures() == before
    summary.rebuild(db.session)
    assert figures() == before


def test_removed_their_reviews_go_and_figures_match_a_fresh_rebuild(full, login_as, post):
    before, review_id = figures(), full.review.id
    login_as(full.org.admin)
    assert erase(post, full, "remove").status_code == 302
    after = figures()
    assert after != before  # Mari's ratings no longer count
    assert mentions(NAME, LATER_NAME, EMAIL) == []
    summary.rebuild(db.session)
    assert figures() == after
    assert db.session.get(type(full.review), review_id) is None
    assert (
        full.named.id == db.session.scalars(select(Idea.id).where(Idea.id == full.named.id)).one()
    )


def test_the_dry_run_writes_nothing(full, login_as, client):
    login_as(full.org.admin)
    before = every_text()
    page = client.get(f"/admin/people/{full.person.id}/erase").get_data(as_text=True)
    assert "16 kept, pseudonymised" in page and "16 removed" in page
    assert every_text() == before


def test_the_erasure_asks_first_and_saying_nothing_changes_nothing(full, login_as, post):
    login_as(full.org.admin)
    response = post(f"/admin/people/{full.person.id}/erase", {"mode": "remove", "confirmed": ""})
    assert "cannot be undone" in response.get_data(as_text=True)
    assert db.session.get(User, full.person.id).erased_at is None


def test_the_audit_entry_names_nobody_and_counts(full, login_as, post):
    login_as(full.org.admin)
    erase(post, full)
    event = db.session.scalars(select(AuditEvent).filter_by(action="person_erased")).one()
    assert (event.actor_id, event.object_id) == (full.org.admin.id, full.person.id)
    assert event.after["kept"]["ratings"] == 16
    text = json.dumps(event.after, ensure_ascii=False).lower()
    assert NAME.lower() not in text and EMAIL not in text and "anonym" not in text


def test_an_anonymous_idea_is_untouched_and_never_counted(full, login_as, post, client):
    before = anonymous_row(full.anonymous.id)
    login_as(full.org.admin)
    for mode in ErasureMode:
        plan = erasure.plan(db.session.get(User, full.person.id), mode)
        assert "ideas" not in plan.removed
        assert plan.kept.get("ideas") == 1  # the named one only
        assert all(
            r.key.get("id") != full.anonymous.id for r in plan.rewrites if r.table.name == "ideas"
        )
    erase(post, full, "remove")
    assert anonymous_row(full.anonymous.id) == before


def test_refused_for_an_active_person(org, login_as, post, client):
    login_as(org.admin)
    response = post(f"/admin/people/{org.jaan.id}/erase", {"mode": "pseudonymise"})
    assert db.session.get(User, org.jaan.id).erased_at is None
    page = client.get(f"/admin/people/{org.jaan.id}/erase").get_data(as_text=True)
    assert "Only a deactivated person" in page
    assert response.status_code in (200, 400)
    with pytest.raises(DomainError):
        erasure.erase(org.admin, org.jaan, ErasureMode.PSEUDONYMISE)


def test_refused_for_yourself(org):
    org.admin.active = False
    with pytest.raises(DomainError, match="your own"):
        erasure.check(org.admin, org.admin, asked_now=True)


def test_within_retention_only_when_the_person_asked(org, login_as, post):
    depart(org, org.peeter, months_ago=3)
    login_as(org.admin)
    response = post(f"/admin/people/{org.peeter.id}/erase", {"mode": "pseudonymise"})
    assert response.status_code == 400
    assert "retention period has not ended" in response.get_data(as_text=True)
    assert db.session.get(User, org.peeter.id).erased_at is None
    response = post(
        f"/admin/people/{org.peeter.id}/erase", {"mode": "pseudonymise", "asked_now": "y"}
    )
    assert response.status_code == 302
    assert db.session.get(User, org.peeter.id).erased_at is not None


def test_an_erased_person_cannot_be_erased_again_or_reactivated(full, login_as, post):
    login_as(full.org.admin)
    erase(post, full)
    person = db.session.get(User, full.person.id)
    with pytest.raises(DomainError):
        erasure.check(full.org.admin, person)
    post(f"/admin/people/{person.id}/reactivate", {}, form_url=f"/admin/people/{person.id}/edit")
    assert db.session.get(User, person.id).active is False


def test_an_anonymous_idea_naming_them_is_still_left_alone(full, login_as, post):
    """Rewriting it would show who it concerns in the dry run and the audit counts: it is
    never read (the README says so)."""
    idea = db.session.get(Idea, full.anonymous.id)
    idea.description = f"{NAME} and I think so"
    db.session.commit()
    before = anonymous_row(idea.id)
    plan = erasure.plan(db.session.get(User, full.person.id), ErasureMode.PSEUDONYMISE)
    assert "ideas" not in plan.scrubbed or plan.scrubbed["ideas"] == 2  # the two named ones
    login_as(full.org.admin)
    erase(post, full)
    assert anonymous_row(idea.id) == before


def test_a_name_beginning_with_a_non_english_capital_goes_from_json_too(full, login_as, post):
    """JSON stores "Ž" as an escape of the capital letter: the search must find it there, in
    other people's notifications and in the audit trail."""
    from reviews.services.ideas import contributions as ideas
    from reviews.services.notifications import inbox
    from reviews.services.people import accounts

    person = db.session.get(User, full.person.id)
    accounts.update_user(
        full.org.admin, person, email=person.email, name="Žiga Šuštar", roles=person.roles,
        team=person.team, manager=None, job_title="", locale="sl", active=False,
    )  # fmt: skip
    inbox.notify(full.org.kadri, "recognition_for_report", giver="Ana", person="Žiga Šuštar")
    inbox.notify(full.org.kadri, "recognition_for_report", giver="Ana", person="ŽIGA ŠUŠTAR")
    ideas.add_comment(full.other, full.org.jaan, "Ask žiga šuštar, she knows")
    db.session.commit()
    assert mentions("Žiga Šuštar")
    login_as(full.org.admin)
    assert erase(post, full).status_code == 302
    assert mentions("Žiga Šuštar") == []


def test_every_case_spelling_of_the_non_english_letters_is_searched():
    from reviews.services.rights.scrub import case_variants

    assert case_variants("Žiga Š") == {"Žiga Š", "žiga Š", "Žiga š", "žiga š"}
    assert case_variants("mari@example.com") == {"mari@example.com"}
    assert case_variants("Straße") is None  # ß has no one-letter capital: the slow way
