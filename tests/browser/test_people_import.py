"""The people import in a browser: the upload page, a file with problems, a clean preview,
the Import button's question and the outcome — each axe-clean and fitting a phone, in
English, Estonian and Slovenian (the preview and outcome pages are reached only by
uploading, so the crawl of test_accessibility.py never finds them)."""

import pytest

from .conftest import DESKTOP, PHONE, shoot, sign_in, use_language
from .test_accessibility import problems

HEADER = "name,email,team,manager_email,roles,language"
BAD = f"{HEADER}\nAnn,ann-at-example.com,Nowhere,,wizard,fi\n,x@example.com,,x@example.com,,\n"
GOOD = (
    f"{HEADER}\nAnu Tamm,anu.tamm@example.com,Service Desk,manager@example.com,staff,et\n"
    "Žiga Novak,ziga.novak@example.com,Service Desk,manager@example.com,staff|manager,sl\n"
)


def _fits_and_passes(page, name: str) -> list[str]:
    shoot(page, name)
    issues = problems(page)
    width = page.viewport_size["width"]
    if (wide := page.evaluate("document.documentElement.scrollWidth")) > width:
        issues.append(f"scrolls sideways: {wide} px wide")
    return issues


def _upload(page, base: str, content: str) -> None:
    page.goto(base + "/admin/people/import")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "people.csv", "mimeType": "text/csv", "buffer": content.encode()}],
    )
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("locale", ["en", "et", "sl"])
def test_import_pages_are_accessible_and_fit_a_phone(browser, live, locale):
    use_language(live, "admin@example.com", locale)
    found = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        page = context.new_page()
        size = viewport["width"]
        try:
            sign_in(page, live.url, "admin@example.com")
            page.goto(live.url + "/admin/people/import")
            found[f"form {size}"] = _fits_and_passes(page, f"import-{locale}-form")
            _upload(page, live.url, BAD)
            assert page.locator("main table tbody tr").count() == 6
            found[f"errors {size}"] = _fits_and_passes(page, f"import-{locale}-errors")
            _upload(page, live.url, GOOD)
            found[f"preview {size}"] = _fits_and_passes(page, f"import-{locale}-preview")
        finally:
            context.close()
    assert not any(found.values()), found


def test_import_asks_first_then_imports(page, live):
    sign_in(page, live.url, "admin@example.com")
    _upload(page, live.url, GOOD)
    assert "Preview: 2 to create, 0 to change" in page.inner_text("main")
    page.click("main button:has-text('Import')")
    dialog = page.locator("dialog.confirm-dialog[open]")
    dialog.wait_for()
    assert "2 people will be created" in dialog.inner_text()
    shoot(page, "import-en-confirm")
    with page.expect_navigation():
        dialog.locator("button[value=yes]").click()
    page.wait_for_load_state("load")
    assert "The people in the file were imported." in page.inner_text("main")
    assert not _fits_and_passes(page, "import-en-done")
    changed = GOOD.replace("Service Desk,manager@example.com,staff,et", ",,staff|leadership,en")
    _upload(page, live.url, changed)
    assert "Preview: 0 to create, 1 to change, 1 unchanged." in page.inner_text("main")
    assert not _fits_and_passes(page, "import-en-changes")
    page.set_viewport_size(PHONE)
    assert not _fits_and_passes(page, "import-en-changes")


def test_the_progress_page_of_a_running_import(browser, live):
    """A large import's page while its job runs: a progress bar, refreshing itself."""
    from extensions import db
    from reviews.models import PeopleImport, User

    with live.app.app_context():
        admin = db.session.scalar(db.select(User).where(User.email == "admin@example.com"))
        item = PeopleImport(
            user_id=admin.id, filename="everyone.csv", content=GOOD, rows=3000,
            status="running", progress=40,
        )  # fmt: skip
        db.session.add(item)
        db.session.commit()
        url = f"{live.url}/admin/people/imports/{item.id}"
        db.session.remove()
    found = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, locale="en-GB")
        page = context.new_page()
        try:
            sign_in(page, live.url, "admin@example.com")
            page.goto(url)
            assert page.locator("progress").get_attribute("value") == "40"
            found[viewport["width"]] = _fits_and_passes(page, "import-en-progress")
        finally:
            context.close()
    assert not any(found.values()), found


def test_the_progress_page_updates_itself_until_done(page, live):
    from extensions import db
    from reviews.models import PeopleImport

    sign_in(page, live.url, "admin@example.com")
    with live.app.app_context():
        item = PeopleImport(filename="big.csv", content=GOOD, rows=3000, status="running")
        db.session.add(item)
        db.session.commit()
        import_id = item.id
        page.goto(f"{live.url}/admin/people/imports/{import_id}")
        assert page.locator("progress").count() == 1
        page.evaluate("window.stillThisPage = true")
        item.progress = 70
        db.session.commit()
        # The progress changes in place: the page is not loaded again under the reader.
        page.wait_for_selector("progress[value='70']", timeout=8000)
        assert page.evaluate("window.stillThisPage") is True
        item.status, item.progress = "done", 100
        item.result = {"errors": [], "created": [], "changed": [], "unchanged": []}
        item.result["counts"] = {"errors": 0, "created": 0, "changed": 0, "unchanged": 0}
        db.session.commit()
        db.session.remove()
    page.wait_for_selector("text=The file matches Rapport", timeout=8000)
    assert page.locator("progress").count() == 0
