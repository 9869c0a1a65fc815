"""The data rights pages (admin): the retention period with the departed people, and one
person's erasure dry run — axe-clean and fitting a phone in every language; the download of
a person's data gives a ZIP."""

import zipfile

import pytest

from extensions import db

from .conftest import DESKTOP, PHONE, sign_in, use_language
from .test_accessibility import check


def departed_id(live) -> int:
    from reviews.models import User

    with live.app.app_context():
        person = db.session.scalars(db.select(User).where(User.active.is_(False))).first()
        assert person is not None, "the demo has a deactivated person"
        found = person.id
        db.session.remove()
    return found


@pytest.mark.parametrize("locale", ["en", "et", "sl"])
def test_the_pages_are_accessible_and_fit_a_phone(browser, live, locale):
    use_language(live, "admin@example.com", locale)
    person = departed_id(live)
    found = {}
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        try:
            sign_in(page, live.url, "admin@example.com")
            for path, name in (
                ("/admin/data-rights", "data-rights"),
                (f"/admin/people/{person}/erase", "erase"),
            ):
                if issues := check(page, live.url + path, f"rights-{name}-{locale}"):
                    found[f"{viewport['width']} {path}"] = issues
        finally:
            context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_download_is_a_zip(browser, live, tmp_path):
    person = departed_id(live)
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    try:
        sign_in(page, live.url, "admin@example.com")
        page.goto(f"{live.url}/admin/people/{person}/edit")
        with page.expect_download() as download:
            page.click("text=Download their data")
        path = tmp_path / "export.zip"
        download.value.save_as(path)
        assert "README.txt" in zipfile.ZipFile(path).namelist()
    finally:
        context.close()
