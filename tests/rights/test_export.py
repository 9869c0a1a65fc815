"""An admin downloads everything Rapport holds about one person as a ZIP of JSON and CSV."""

import csv
import io
import json
import zipfile

import pytest

from extensions import db
from reviews.models import AuditEvent
from reviews.services.rights.export import FILES
from tests import factories
from tests.organisation import review_of
from tests.rights.conftest import ANONYMOUS_TITLE, LATER_NAME, write_review


def download(login_as, admin, person) -> zipfile.ZipFile:
    response = login_as(admin).get(f"/admin/people/{person.id}/export.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.data))


def rows(archive: zipfile.ZipFile, stem: str) -> list[dict]:
    return json.loads(archive.read(f"{stem}.json"))


def test_every_kind_of_record_is_in_the_export(full, login_as):
    archive = download(login_as, full.org.admin, full.person)
    names = set(archive.namelist())
    assert "README.txt" in names
    for stem in FILES:
        assert {f"{stem}.json", f"{stem}.csv"} <= names
        assert rows(archive, stem), f"{stem} is empty"
    assert rows(archive, "profile")[0]["name"] == LATER_NAME
    assert {r["their_role"] for r in rows(archive, "reporting_lines")} == {"employee"}
    assert rows(archive, "reviews")[0]["employee_comment"] == "Thank you, Kadri"
    assert {r["by"] for r in rows(archive, "ratings")} == {"self", "manager"}
    assert {r["by"] for r in rows(archive, "notes")} == {"self", "manager"}
    assert rows(archive, "action_items")[0]["description"] == "Course on ITIL"
    assert [i["title"] for i in rows(archive, "ideas")] == ["Shared macros"]
    assert rows(archive, "idea_comments")[0]["comment"] == "Glad to help - Mari"
    assert rows(archive, "idea_supports")[0]["idea"] == "Ask Mari Tamm about macros"
    assert {r["direction"] for r in rows(archive, "recognitions")} == {"given", "received"}
    assert rows(archive, "training")[0]["title"] == "Customer care"
    assert rows(archive, "procedure_confirmations")[0]["confirmed_at"]
    assert rows(archive, "notifications")
    settings = {r["setting"]: r["value"] for r in rows(archive, "settings")}
    assert settings == {
        "email:recognition": "digest",
        "email:my_ideas": "off",
        "recognition_team_feed": True,
    }
    actions = {r["action"] for r in rows(archive, "audit")}
    assert {"idea_submitted", "user_updated", "user_deactivated"} <= actions


def test_the_download_is_audited(full, login_as):
    download(login_as, full.org.admin, full.person)
    event = db.session.query(AuditEvent).filter_by(action="person_exported").one()
    assert (event.actor_id, event.object_id) == (full.org.admin.id, full.person.id)
    assert event.after["records"]["ratings"] == 16


def test_the_private_note_is_never_in_it(full, login_as):
    archive = download(login_as, full.org.admin, full.person)
    everything = b"".join(archive.read(n) for n in archive.namelist())
    assert b"PRIVATE-NOTE-FOR-KADRI" not in everything


def test_an_unshared_assessment_is_not_theirs_yet(org, login_as):
    """Kadri's assessment of Jaan is submitted but not shared: Jaan could not see it."""
    write_review(review_of(org.cycle, org.jaan), share=False)
    archive = download(login_as, org.admin, org.jaan)
    review = rows(archive, "reviews")[0]
    assert review["manager_summary"] == ""
    assert review["self_suggestions"] == "More pairing"
    assert {r["by"] for r in rows(archive, "ratings")} == {"self"}
    assert {r["by"] for r in rows(archive, "notes")} == {"self"}
    assert rows(archive, "action_items") == []
    everything = b"".join(archive.read(n) for n in archive.namelist())
    assert b"did well this term" not in everything


def test_an_anonymous_idea_is_not_in_it_and_the_readme_says_why(full, login_as):
    archive = download(login_as, full.org.admin, full.person)
    everything = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    assert ANONYMOUS_TITLE not in everything
    assert "anonymously are not included" in archive.read("README.txt").decode("utf-8")


def test_the_readme_is_in_the_admins_language(full, login_as):
    full.org.admin.locale = "et"
    db.session.commit()
    readme = download(login_as, full.org.admin, full.person).read("README.txt").decode("utf-8")
    assert "Everything Rapport holds" not in readme
    assert "profile.json" in readme


def test_csv_cells_that_look_like_formulas_stay_text(full, login_as):
    archive = download(login_as, full.org.admin, full.person)
    text = archive.read("notes.csv").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert any(c.startswith("Mari: =SUM") for c in cells)  # not at the start: left as it is
    full.person.job_title = '=HYPERLINK("http://evil")'
    db.session.commit()
    archive = download(login_as, full.org.admin, full.person)
    text = archive.read("profile.csv").decode("utf-8-sig")
    row = list(csv.DictReader(io.StringIO(text)))[0]
    assert row["job_title"].startswith("'=")


@pytest.mark.parametrize("role", ["staff", "manager", "leadership"])
def test_only_admins_may_download(full, login_as, role):
    someone = factories.user(role)
    response = login_as(someone).get(f"/admin/people/{full.person.id}/export.zip")
    assert response.status_code == 403
