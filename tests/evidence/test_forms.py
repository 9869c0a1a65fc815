"""Evidence beside each competency on the self-assessment and the manager assessment: a
folded line counting each kind, the records with their dates, links where a kind has a page,
nothing at all when nothing happened, and one ``collect`` per page."""

from datetime import timedelta

from extensions import db
from reviews.models import utcnow
from reviews.services.reviews.evidence import Evidence
from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form

from .conftest import Recorder, framework_id, implemented_idea


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def competency_block(html: str, name: str) -> str:
    """The HTML of one competency's rating fieldset."""
    start = html.index(f'<span class="rating-name">{name}</span>')
    return html[start : html.index("</fieldset>", start)]


def test_the_self_assessment_shows_what_happened_beside_each_competency(org, login_as, register):
    listening = org.cycle.competencies[1]
    day = utcnow().date() - timedelta(days=5)
    source = Recorder(
        Evidence(framework_id(org, 1), "recognition", day, "Kept a furious caller calm", 11),
        Evidence(framework_id(org, 1), "recognition", day, "Listened before fixing", 12),
        Evidence(framework_id(org, 1), "training", day, "Active listening workshop", 13),
        Evidence(framework_id(org, 1), "badge", day, "An unknown kind", 14),
    )
    register(source)
    idea = implemented_idea(org.mari, "Shared reply macros")
    html = page(login_as(org.mari), f"/reviews/{org.review.id}/self")
    block = competency_block(html, listening.name)
    assert "2 recognitions" in block and "1 training" in block and "1 other record" in block
    assert "Kept a furious caller calm" in block and day.isoformat() in block
    assert "An unknown kind</span>" in block  # no page for the kind: no link
    assert "Shared reply macros" not in block
    assert f'href="/ideas/{idea.id}">Shared reply macros</a>' in html  # the whole review's
    assert "1 idea implemented" in html
    assert "Kept a furious caller calm" not in competency_block(
        html, org.cycle.competencies[0].name
    )
    assert len(source.calls) == 1  # one collect for the page


def test_nothing_happened_says_nothing(org, login_as):
    html = page(login_as(org.mari), f"/reviews/{org.review.id}/self")
    assert 'class="evidence' not in html and "Since the last review" not in html


def test_the_manager_assessment_shows_the_evidence_too(org, login_as, register):
    day = utcnow().date()
    source = Recorder(Evidence(framework_id(org, 4), "action", day, "Shadow second line", 21))
    register(source)
    html = page(login_as(org.kadri), f"/reviews/{org.review.id}/assess")
    block = competency_block(html, org.cycle.competencies[4].name)
    assert "1 action item" in block and "Shadow second line" in block
    assert len(source.calls) == 1


def test_a_form_that_comes_back_with_errors_still_shows_the_evidence(org, login_as, register):
    register(Recorder(Evidence(framework_id(org, 4), "action", utcnow().date(), "Shadow", 21)))
    client = login_as(org.kadri)
    url = f"/reviews/{org.review.id}/assess"
    data = dict(manager_form(org.review, summary=""), csrf_token=csrf_token(client, url))
    response = client.post(url, data=data)
    assert response.status_code == 400 and "1 action item" in response.get_data(as_text=True)


def test_the_evidence_reads_in_estonian_and_slovenian(org, login_as, register):
    day = utcnow().date()
    register(
        Recorder(
            *[Evidence(framework_id(org, 1), "recognition", day, f"R{n}", n) for n in range(3)]
        )
    )
    client = login_as(org.mari)
    for locale, words in (("et", "3 tunnustust"), ("sl", "3 priznanja")):
        org.mari.locale = locale
        db.session.commit()
        assert words in page(client, f"/reviews/{org.review.id}/self"), locale
