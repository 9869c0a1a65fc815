"""Fixtures for the people import: a signed-in admin, two teams, and an upload helper that
goes through the real form (multipart, CSRF) as a browser would."""

import io
import re

import pytest
from sqlalchemy import func, select

from extensions import db
from reviews.models import AuditEvent, PeopleImport, ReportingLine, User
from tests import factories
from tests.admin import builders
from tests.conftest import csrf_token

HEADER = "name,email,team,manager_email,roles,language"


@pytest.fixture
def admin(login_as):
    person = builders.admin(email="ada@example.com")
    login_as(person)
    return person


@pytest.fixture
def teams():
    return {"desk": factories.team("Service Desk"), "apps": factories.team("Applications")}


@pytest.fixture
def upload(client):
    """Upload ``content`` (text, or bytes as they are); the import page's response."""

    def do_upload(content, filename: str = "people.csv"):
        data = content if isinstance(content, bytes) else content.encode()
        return client.post(
            "/admin/people/import",
            data={
                "file": (io.BytesIO(data), filename),
                "csrf_token": csrf_token(client, "/admin/people/import"),
            },
            content_type="multipart/form-data",
            follow_redirects=True,
        )

    return do_upload


@pytest.fixture
def apply(client):
    """Press Import on the last import and say yes; the page it lands on."""

    def do_apply(import_id: int | None = None):
        import_id = import_id or last_import().id
        url = f"/admin/people/imports/{import_id}"
        return client.post(
            f"{url}/apply",
            data={"csrf_token": csrf_token(client, url), "confirmed": "yes"},
            follow_redirects=True,
        )

    return do_apply


def csv_text(*rows: str) -> str:
    return "\r\n".join([HEADER, *rows]) + "\r\n"


def last_import() -> PeopleImport:
    db.session.expire_all()
    return db.session.scalars(select(PeopleImport).order_by(PeopleImport.id.desc())).first()


def counts() -> dict[str, int]:
    """What an import may write: people, reporting lines, audit entries."""
    db.session.expire_all()
    return {
        "users": db.session.scalar(select(func.count(User.id))),
        "lines": db.session.scalar(select(func.count(ReportingLine.id))),
        "audit": db.session.scalar(select(func.count(AuditEvent.id))),
    }


def error_rows(response) -> list[tuple[str, str, str]]:
    """The problems table of an import page as (line, column, reason)."""
    page = builders.text(response)
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    cells = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", body)
    return [tuple(c.strip() for c in cell) for cell in cells]


def person(email: str) -> User | None:
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == email))
