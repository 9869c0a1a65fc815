"""The PDF report's page while its job runs: the progress bar and a Refresh link, axe-clean
and fitting a phone in English, Estonian and Slovenian (reached only by asking for a report,
so the crawl of test_accessibility.py never finds it)."""

import pytest

from .conftest import DESKTOP, PHONE, shoot, sign_in, use_language
from .test_accessibility import problems


@pytest.mark.parametrize("locale", ["en", "et", "sl"])
def test_the_progress_page_of_a_report_fits_and_passes(browser, live, locale):
    from extensions import db
    from reviews.models import Cycle, ReportExport, User

    use_language(live, "leader@example.com", locale)
    with live.app.app_context():
        leader = db.session.scalar(db.select(User).where(User.email == "leader@example.com"))
        cycle = db.session.scalar(db.select(Cycle).order_by(Cycle.id.desc()))
        export = ReportExport(
            user_id=leader.id, cycle_id=cycle.id, locale=locale, status="running", progress=40
        )
        db.session.add(export)
        db.session.commit()
        url = f"{live.url}/reports/exports/{export.id}"
        db.session.remove()
    found = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        page = context.new_page()
        try:
            sign_in(page, live.url, "leader@example.com")
            page.goto(url)
            assert page.locator("progress").get_attribute("value") == "40"
            assert page.locator(f"main a[href$='/reports/exports/{export.id}']").count() == 1
            shoot(page, f"report-progress-{locale}")
            issues = problems(page)
            if (wide := page.evaluate("document.documentElement.scrollWidth")) > viewport["width"]:
                issues.append(f"scrolls sideways: {wide} px wide")
            found[viewport["width"]] = issues
        finally:
            context.close()
    assert not any(found.values()), found
