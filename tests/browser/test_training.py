"""Training records in a real browser: a staff member records a training they took; their
manager sees it on the review page (and adds the hours of another); leadership sees it
counted on the training chart. Screenshots at 1280 and 390 px, in English and Estonian."""

from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, Review, User

from .conftest import shoot, sign_in, use_language, visit


def _ids(live) -> tuple[int, int]:
    """The staff account's review in the open cycle, and that cycle."""
    with live.app.app_context():
        staff = db.session.scalar(select(User).where(User.email == "staff@example.com"))
        cycle = db.session.scalar(select(Cycle).where(Cycle.status == "open"))
        review = db.session.scalar(
            select(Review.id).where(Review.employee_id == staff.id, Review.cycle_id == cycle.id)
        )
        db.session.remove()
        return review, cycle.id


def _desk_trainings(page, url: str) -> int:
    """The Service Desk's trainings in the chart's table."""
    visit(page, url, "training-hours-table")
    row = page.locator("main tr", has_text="Service Desk").first
    return int(row.locator("td").nth(2).inner_text())  # after the cycle (a th): team, people


def test_staff_record_a_training_the_manager_and_leadership_see_it(browser, page, live):
    review_id, cycle_id = _ids(live)
    table = f"{live.url}/reports/table/training-hours?start={cycle_id}&end={cycle_id}"
    sign_in(page, live.url, "leader@example.com")
    before = _desk_trainings(page, table)

    # Staff: My training, then the form; a future date is refused with a reason.
    page.context.clear_cookies()
    sign_in(page, live.url, "staff@example.com")
    page.click("nav >> text=Training")
    assert page.locator("h1").inner_text() == "My training"
    shoot(page, "training-mine")
    page.click("text=Record a training")
    page.fill("input[name=title]", "Estonian sign language basics")
    page.fill("input[name=taken_on]", "2099-01-01")
    page.fill("input[name=hours]", "1,5")
    page.fill("input[name=provider]", "Estonian Association of the Deaf")
    page.check("label:has-text('Explaining in the customer') input")
    page.click("main button[type=submit]")
    assert "not a future date" in page.inner_text("main")
    shoot(page, "training-form-error")
    page.fill("input[name=taken_on]", "2026-01-05")
    page.evaluate(
        "() => { const d = new Date(); d.setDate(d.getDate() - 1);"
        " document.querySelector('input[name=taken_on]').value = d.toISOString().slice(0, 10); }"
    )
    page.click("main button[type=submit]")
    page.wait_for_load_state("domcontentloaded")
    assert "The training is recorded." in page.inner_text("main")
    assert "Estonian sign language basics" in page.inner_text("main")

    # The manager: on the review page, with the hours of the earlier one to add.
    page.context.clear_cookies()
    sign_in(page, live.url, "manager@example.com")
    visit(page, f"{live.url}/reviews/{review_id}", "training-on-review")
    section = page.locator("#training")
    assert "Estonian sign language basics" in section.inner_text()
    section.scroll_into_view_if_needed()
    shoot(page, "training-review-section")
    section.locator("a", has_text="Add hours").first.click()
    page.fill("input[name=hours]", "2")
    page.click("main button[type=submit]")
    assert "The training is saved." in page.inner_text("main")
    visit(page, f"{live.url}/training/", "training-manager-staff")
    assert "My staff" in page.inner_text("main")

    # Leadership: counted on the chart of the open cycle, and the chart draws.
    page.context.clear_cookies()
    sign_in(page, live.url, "leader@example.com")
    assert _desk_trainings(page, table) == before + 1
    visit(page, f"{live.url}/reports/?start={cycle_id}&end={cycle_id}#chart-training-hours",
          "training-charts")  # fmt: skip
    for name in ("training-hours", "training-effect"):
        response = page.request.get(f"{live.url}/reports/download/{name}.png")
        assert response.ok and response.body()[:4] == b"\x89PNG"


def test_training_pages_on_a_phone_and_in_estonian(phone, live):
    use_language(live, "manager@example.com", "et")
    sign_in(phone, live.url, "manager@example.com")
    visit(phone, f"{live.url}/training/", "training-manager-et")
    assert phone.locator("h1").inner_text() != "My training"
    visit(phone, f"{live.url}/training/new", "training-form-et")
    review_id, _cycle = _ids(live)
    visit(phone, f"{live.url}/reviews/{review_id}#training", "training-review-et")
