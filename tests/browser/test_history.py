"""A person's history in a real browser: a manager opens a staff member's history from their
review, a leader opens someone's from a cycle page; both pages draw their charts, show the
weighted overall score, and fit a phone in Estonian and Slovenian."""

from sqlalchemy import select

from extensions import db
from reviews.models import Cycle, Review, User

from .conftest import shoot, sign_in, use_language


def _staff_review(live) -> tuple[int, str]:
    """The demo staff member's latest shared review, and their name."""
    with live.app.app_context():
        staff = db.session.scalar(select(User).where(User.email == "staff@example.com"))
        review = db.session.scalar(
            select(Review)
            .where(Review.employee_id == staff.id, Review.shared_at.is_not(None))
            .order_by(Review.id.desc())
        )
        result = review.id, staff.name
        db.session.remove()
    return result


def _charts_load(page) -> None:
    images = page.locator("main img")
    assert images.count() == 2
    for i in range(images.count()):  # lazy images load when scrolled into view
        images.nth(i).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('main img')]"
        ".every(i => i.complete && i.naturalWidth > 0)",
        timeout=60000,
    )


def test_a_manager_opens_a_staff_members_history_from_the_review_page(page, live):
    review_id, name = _staff_review(live)
    sign_in(page, live.url, "manager@example.com")
    page.goto(f"{live.url}/reviews/{review_id}")
    page.get_by_role("link", name=f"{name} across cycles").click()
    page.wait_for_load_state("domcontentloaded")
    assert "/reports/person/" in page.url
    assert page.inner_text("h1") == f"History of {name}"
    _charts_load(page)
    page.locator("#chart-my-trend details summary").click()  # the numbers behind the chart
    main = page.inner_text("main")
    assert f"Ratings of {name} over time" in main
    assert "Overall (weighted)" in main
    assert "You see the reviews you wrote" in main
    shoot(page, "history-manager")
    with page.expect_download() as download:
        page.locator("#chart-my-trend .chart-downloads a", has_text="CSV").click()
    assert download.value.suggested_filename.startswith("rapport-trend-")
    # The manager's team list on the home page links there too.
    page.goto(live.url + "/")
    page.locator("main table a", has_text=name).first.click()
    page.wait_for_load_state("domcontentloaded")
    assert page.inner_text("h1") == f"History of {name}"


def test_a_leader_opens_someones_history_from_a_cycle_page(page, live):
    with live.app.app_context():
        cycle_id = db.session.scalar(
            select(Cycle.id).where(Cycle.status == "closed").order_by(Cycle.period_start.desc())
        )
        db.session.remove()
    sign_in(page, live.url, "leader@example.com")
    page.goto(f"{live.url}/cycles/{cycle_id}")
    first = page.locator("main table tbody tr").first
    name = first.locator("td").first.locator("a").first.inner_text()
    first.locator("a.history-of").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.inner_text("h1") == f"History of {name}"
    assert "You see the reviews you wrote" not in page.inner_text("main")
    _charts_load(page)
    shoot(page, "history-leader")


def test_the_history_fits_a_phone_in_estonian_and_slovenian(phone, live):
    review_id, name = _staff_review(live)
    for email, locale, heading in (
        ("manager@example.com", "et", f"Hinnete ajalugu: {name}"),
        ("leader@example.com", "sl", f"Zgodovina ocen: {name}"),
    ):
        use_language(live, email, locale)
        sign_in(phone, live.url, email)
        phone.goto(f"{live.url}/reviews/{review_id}")
        phone.locator("p.history-link a").click()
        phone.wait_for_load_state("domcontentloaded")
        assert phone.inner_text("h1") == heading
        _charts_load(phone)
        wide = phone.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= 390, (locale, wide)
        shoot(phone, f"history-{locale}")
        phone.context.clear_cookies()
