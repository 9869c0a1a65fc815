"""Admin: competency names, descriptions and scale labels written per language (issue 11,
point 2). English is required, Estonian and Slovenian optional; a name is unique within its
language; every change is audited with the language it was made in."""

import pytest
from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, Competency
from reviews.services.reviews import framework as framework_service
from tests import factories

from . import builders


@pytest.fixture
def admin(login_as):
    person = builders.admin()
    login_as(person)
    factories.framework()
    return person


def competency_data(**changes) -> dict:
    data = {
        "name": "Empathy",
        "description": "Understands how the customer feels.",
        "behaviour_examples": "Acknowledges frustration before solving.",
        "name_et": "Empaatia",
        "description_et": "Mõistab, mida klient tunneb.",
        "behaviour_examples_et": "",
        "name_sl": "Empatija",
        "description_sl": "",
        "behaviour_examples_sl": "",
        "weight": "1",
        "position": "20",
    }
    data.update(changes)
    return data


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_form_offers_every_language_filled_in(client, admin):
    first = framework_service.active_competencies()[0]
    html = builders.text(client.get(f"/admin/framework/{first.id}/edit"))
    assert 'name="name_et"' in html and 'value="Selge ja sisutihe suhtlus"' in html
    assert 'name="name_sl"' in html and 'value="Jasno in jedrnato sporazumevanje"' in html
    assert "Name (Eesti)" in html and "Description (Slovenščina)" in html


def test_an_admin_adds_a_competency_in_three_languages_audited(admin, post):
    assert post("/admin/framework/new", competency_data()).status_code == 302
    empathy = db.session.scalar(select(Competency).where(Competency.name == "Empathy"))
    assert (empathy.name_et, empathy.name_sl) == ("Empaatia", "Empatija")
    assert empathy.description_et == "Mõistab, mida klient tunneb."
    assert empathy.description_sl is None  # not written: Slovenian readers see English
    assert empathy.text_in("description", "sl") == "Understands how the customer feels."
    (created,) = events("competency_created")
    assert created.after["name_et"] == "Empaatia" and created.after["name_sl"] == "Empatija"


def test_changing_one_language_is_audited_as_that_language(client, admin, post):
    post("/admin/framework/new", competency_data())
    empathy = db.session.scalar(select(Competency).where(Competency.name == "Empathy"))
    changed = competency_data(name_et="Kaasaelamine", name_sl="")
    assert post(f"/admin/framework/{empathy.id}/edit", changed).status_code == 302
    assert (empathy.name, empathy.name_et, empathy.name_sl) == ("Empathy", "Kaasaelamine", None)
    (updated,) = events("competency_updated")
    assert updated.before == {"name_et": "Empaatia", "name_sl": "Empatija"}
    assert updated.after == {"name_et": "Kaasaelamine", "name_sl": ""}
    log = builders.text(client.get("/admin/audit"))
    assert "Name (Eesti)" in log and "Kaasaelamine" in log and "Name (Slovenščina)" in log


def test_a_name_is_unique_within_its_language_whatever_the_case(admin, post):
    taken = competency_data(name="Kindness", name_et="SELGE JA SISUTIHE SUHTLUS", name_sl="")
    response = post("/admin/framework/new", taken)
    assert response.status_code == 400
    assert 'aria-describedby="name_et-error"' in builders.text(response)
    assert "A competency with this name already exists." in builders.text(response)
    assert db.session.scalar(select(Competency).where(Competency.name == "Kindness")) is None
    # The same word may name competencies in two languages.
    shared = competency_data(name="Kindness", name_et="Kindness", name_sl="Kindness")
    assert post("/admin/framework/new", shared).status_code == 302


def test_english_is_required_the_others_are_not(admin, post):
    response = post("/admin/framework/new", competency_data(name="  "))
    assert response.status_code == 400
    assert db.session.scalar(select(Competency).where(Competency.name_et == "Empaatia")) is None
    assert post("/admin/framework/new", competency_data(name_et="", name_sl="")).status_code == 302


def test_an_admin_labels_the_scale_per_language_audited(client, admin, post):
    levels = framework_service.scale_levels()
    data = {"count": str(len(levels))}
    for i, level in enumerate(levels):
        data |= {f"levels-{i}-value": str(level.value), f"levels-{i}-label": level.label}
        data |= {f"levels-{i}-label_et": level.label_et, f"levels-{i}-label_sl": level.label_sl}
    data |= {"levels-2-label_et": "Ootustele vastav", "levels-4-label_sl": ""}
    assert post("/admin/scale", data).status_code == 302
    levels = framework_service.scale_levels()
    assert levels[2].label_et == "Ootustele vastav" and levels[4].label_sl is None
    assert levels[4].text_in("label", "sl") == "Outstanding"
    (event,) = events("scale_updated")
    assert event.before == {"3_et": "Vastab ootustele", "5_sl": "Izjemno"}
    assert event.after == {"3_et": "Ootustele vastav", "5_sl": ""}
    page = builders.text(client.get("/admin/scale"))
    assert 'value="Ootustele vastav"' in page and 'name="levels-0-label_sl"' in page
    assert "Level 3 (Eesti)" in builders.text(client.get("/admin/audit"))
