"""Evidence in the review, through the real pages: Sara (staff) writes her self-assessment
with entries tagged with competencies, reading what happened since her last review beside
each competency; her manager reads the same evidence while assessing, records the meeting's
suggestions and shares the review; Sara then reads the suggestions. Estonian on a phone for
the staff side, English on a desktop for the manager."""

from datetime import date

from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, Idea, User, utcnow
from reviews.services.reviews import evidence
from reviews.services.reviews.evidence import Evidence

from .conftest import shoot, sign_in, use_language
from .test_accessibility import problems

STAFF, MANAGER = "staff@example.com", "manager@example.com"


def give_evidence(live, monkeypatch) -> str:
    """An idea of Sara's implemented today (the ideas source finds it), and a recognition
    for the open cycle's first competency from a source registered as the recognitions
    area will register its own. Returns that competency's name."""
    with live.app.app_context():
        sara = db.session.scalar(select(User).where(User.email == STAFF))
        cycle = db.session.scalar(select(Cycle).where(Cycle.status == "open"))
        first = cycle.competencies[0]
        db.session.add(
            Idea(
                title="Known-issues list pinned during incidents",
                description="One list the whole desk reads.",
                category="communication",
                team_id=sara.team_id,
                author_id=sara.id,
                status="implemented",
                decided_at=utcnow(),
            )
        )
        db.session.commit()
        name, framework_id = first.name, first.competency_id
        db.session.remove()
    recognition = Evidence(
        framework_id, "recognition", date.today(), "Kept a furious caller calm and kind", 1
    )
    monkeypatch.setattr(
        evidence, "SOURCES", [*evidence.SOURCES, lambda person, since, until: [recognition]]
    )
    return name


def rate_every_competency(page, value: str) -> None:
    names = page.eval_on_selector_all(
        "fieldset.rating", "els => els.map(e => e.querySelector('input').name)"
    )
    for name in names:
        page.check(f"input[name={name}][value='{value}']")


def test_evidence_beside_the_competencies_and_the_meetings_suggestions(
    page, phone, live, monkeypatch
):
    give_evidence(live, monkeypatch)
    base = live.url

    # Sara, in Estonian on her phone: evidence beside the competency, tagged entries.
    use_language(live, STAFF, "et")
    sign_in(phone, base, STAFF)
    phone.click(".todo-card a.btn >> nth=0")
    phone.click("main a[href$='/self']")
    phone.wait_for_selector("form[data-autosave]")
    self_url = phone.url
    first = phone.locator("fieldset.rating >> nth=0")
    box = first.locator("details.evidence")
    assert "1 tunnustus" in box.locator("summary").inner_text()
    box.locator("summary").click()
    assert "Kept a furious caller calm and kind" in box.inner_text()
    ideas = phone.locator(".evidence-review details.evidence")
    ideas.locator("summary").click()
    assert ideas.locator("a[href^='/ideas/']").inner_text() == (
        "Known-issues list pinned during incidents"
    )
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing wider than the phone
    assert problems(phone) == []  # axe: no serious or critical violation, evidence open
    shoot(phone, "evidence-self-et")

    rate_every_competency(phone, "4")
    strengths = phone.locator("[data-entries=strengths] .note-entry")
    phone.fill("textarea[name=strengths-0-text]", "Rahulik ka kõige vihasemate helistajatega.")
    strengths.nth(0).locator("summary").click()
    strengths.nth(0).locator(".tag input >> nth=0").check()
    phone.click("button[data-add=strengths]")
    added = strengths.nth(strengths.count() - 1)
    added.locator("textarea").fill("Kirjutasin vahetuse üleandmise märkmed.")
    phone.fill("textarea[name=improvements-0-text]", "Lühemad teadmusbaasi artiklid.")
    phone.click("button[value=submit]")
    phone.wait_for_load_state("load")
    assert phone.locator(".alert-success").count() == 1
    review_url = phone.url
    assert "Rahulik ka kõige vihasemate helistajatega." in phone.inner_text("main")
    shoot(phone, "evidence-self-submitted-et")
    assert review_url != self_url

    # The manager, in English: the same evidence, the assessment, the meeting, sharing.
    sign_in(page, base, MANAGER)
    page.goto(review_url)
    page.click("main a[href$='/assess']")
    assert "1 recognition" in page.locator("fieldset.rating >> nth=0").inner_text()
    assert "1 idea implemented" in page.inner_text(".evidence-review")
    shoot(page, "evidence-assess")
    rate_every_competency(page, "4")
    page.fill(".note-entry textarea >> nth=0", "Calm and kind with the hardest callers.")
    page.fill("textarea[name=summary]", "A strong quarter on the phones.")
    page.click("button[value=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".alert-success").count() == 1
    page.goto(review_url)
    page.fill("#meeting textarea[name=text]", "Sara will mentor the next new starter.")
    page.click("#meeting button[type=submit]")
    page.wait_for_load_state("load")
    assert "The suggestions from the meeting are saved." in page.inner_text(".flashes")
    assert problems(page) == []
    page.click("form[action$='/share'] button")
    page.locator("dialog.confirm-dialog[open]").wait_for()
    with page.expect_navigation():
        page.click("dialog.confirm-dialog button[value=yes]")
    assert page.locator(".alert-success").count() == 1
    shoot(page, "evidence-meeting-manager")

    # Sara reads the suggestions with the shared review.
    phone.goto(review_url)
    assert "Sara will mentor the next new starter." in phone.inner_text("#meeting")
    assert phone.locator("#meeting textarea").count() == 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(phone, "evidence-meeting-staff-et")
