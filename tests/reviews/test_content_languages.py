"""Competency names, descriptions and scale labels in the reader's language (issue 11,
point 2): the cycle's snapshot holds every language, and a text not written in one falls back
to the default language (English)."""

from extensions import db
from tests.conftest import csrf_token

from .conftest import manager_form, self_form


def reads(person, locale):
    person.locale = locale
    db.session.commit()


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_an_estonian_reader_rates_against_estonian_names_and_labels(org, login_as):
    reads(org.mari, "et")
    html = page(login_as(org.mari), f"/reviews/{org.review.id}/self")
    assert "Selge ja sisutihe suhtlus" in html
    assert "Sõnastab teated lühidalt, täpselt" in html  # its description
    assert "3 · Vastab ootustele" in html
    assert "Clear and concise communication" not in html
    assert "Meets expectations" not in html


def test_a_slovenian_manager_assesses_and_tags_in_slovenian(org, login_as):
    reads(org.kadri, "sl")
    html = page(login_as(org.kadri), f"/reviews/{org.review.id}/assess")
    assert "Jasno in jedrnato sporazumevanje" in html
    assert "5 · Izjemno" in html
    # The strength and improvement tags offer the competencies by their Slovenian names too.
    assert html.count("Reševanje težav in obvladovanje zahtevnih situacij") >= 3
    assert "Outstanding" not in html


def test_a_name_not_written_in_the_readers_language_falls_back_to_english(org, login_as):
    first, second = org.review.cycle.competencies[:2]
    first.name_et = first.description_et = None
    level = org.review.cycle.scale[0]
    level.label_et = None
    db.session.commit()
    reads(org.mari, "et")
    html = page(login_as(org.mari), f"/reviews/{org.review.id}/self")
    assert "Clear and concise communication" in html
    assert "Keeps messages short, accurate" in html
    assert "1 · Needs significant improvement" in html
    assert second.name_et in html
    assert "2 · Vajab arengut" in html


def test_the_review_page_shows_the_readers_names_whoever_wrote_it(org, login_as):
    review = org.review
    mari = login_as(org.mari)
    url = f"/reviews/{review.id}/self"
    mari.post(url, data=dict(self_form(review), csrf_token=csrf_token(mari, url)))
    kadri = login_as(org.kadri)  # writes in English
    url = f"/reviews/{review.id}/assess"
    kadri.post(url, data=dict(manager_form(review), csrf_token=csrf_token(kadri, url)))
    assert review.manager_submitted_at
    english = page(kadri, f"/reviews/{review.id}")
    assert "Problem solving and handling difficult situations" in english
    reads(org.kadri, "et")
    estonian = page(login_as(org.kadri), f"/reviews/{review.id}")
    assert "Selge ja sisutihe suhtlus" in estonian  # the ratings table
    # The strength's tag (competency 5) and the improvement's (competency 3).
    assert "Probleemide lahendamine ja keeruliste olukordadega toimetulek" in estonian
    assert "Selgitamine kliendi sõnadega" in estonian
    assert "Problem solving and handling difficult situations" not in estonian
