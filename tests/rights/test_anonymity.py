"""An anonymous idea written through the normal pages stays unlinkable through the export
and the erasure: not in the ZIP, not in the dry run or its audit entry, its rows untouched."""

import io
import json
import re
import zipfile

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, Idea, IdeaComment
from reviews.services.people import accounts

TITLE = "Somewhere quiet for difficult calls"
COMMENT = "Happy to explain more about the quiet room."


def rows_of(model, **where) -> list[dict]:
    table = model.__table__
    query = select(table).filter_by(**where).order_by(table.c.id)
    return [dict(r._mapping) for r in db.session.execute(query)]


def test_an_anonymous_idea_is_never_tied_to_its_author(org, login_as, post, client):
    client = login_as(org.mari)
    data = {"title": TITLE, "description": "Difficult calls need a quiet room.",
            "category": "process", "team_id": str(org.desk.id), "anonymous": "y"}  # fmt: skip
    post("/ideas/new", data)
    token = re.search(r"/ideas/follow/([A-Za-z0-9_-]+)", client.get("/ideas/submitted").get_data(as_text=True)).group(1)  # fmt: skip
    post(f"/ideas/follow/{token}/comments", {"body": COMMENT}, form_url=f"/ideas/follow/{token}")
    idea = db.session.scalars(select(Idea).filter_by(title=TITLE)).one()
    assert idea.anonymous and idea.author_id is None
    before = rows_of(Idea, id=idea.id) + rows_of(IdeaComment, idea_id=idea.id)
    accounts.deactivate(org.admin, org.mari)
    db.session.commit()

    login_as(org.admin)
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/admin/people/{org.mari.id}/export.zip").data)
    )
    everything = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    assert TITLE not in everything and COMMENT not in everything
    assert f'"object_id": {idea.id}' not in everything.replace("\n", "")

    dry_run = client.get(f"/admin/people/{org.mari.id}/erase").get_data(as_text=True)
    assert TITLE not in dry_run
    response = post(f"/admin/people/{org.mari.id}/erase", {"mode": "remove", "asked_now": "y"})
    assert response.status_code == 302
    assert rows_of(Idea, id=idea.id) + rows_of(IdeaComment, idea_id=idea.id) == before
    event = db.session.scalars(select(AuditEvent).filter_by(action="person_erased")).one()
    assert TITLE not in json.dumps(event.after)
    for fate in ("kept", "removed", "scrubbed"):  # she wrote nothing by name: nothing counted
        assert not {"ideas", "idea_comments"} & set(event.after[fate]), event.after
