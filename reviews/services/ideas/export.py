"""The idea list as CSV, with the list's filters, for leadership, admins and managers.

An anonymous idea's author column stays empty. Any cell a spreadsheet could run as a
formula (starting with = + - @, a tab or a carriage return) is prefixed with a single quote."""

import csv
import io
from collections.abc import Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload

from reviews.models import Idea, IdeaSupport
from reviews.services.ideas.queries import IdeaFilters, search_ideas

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 500

HEADER = (
    _l("Number"),
    _l("Title"),
    _l("Status"),
    _l("Category"),
    _l("Team"),
    _l("Author"),
    _l("Supporters"),
    _l("Submitted"),
    _l("First response"),
    _l("Decided"),
    _l("Merged into"),
    _l("Decline reason"),
    _l("Impact"),
    _l("Description"),
)


def safe_cell(value) -> str:
    """A cell as text that no spreadsheet will execute."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _day(value) -> str:
    return value.date().isoformat() if value else ""


def _row(idea: Idea, supporters: int, labels: dict[str, dict]) -> list:
    author = "" if idea.anonymous or idea.author is None else idea.author.name
    return [
        idea.id,
        idea.title,
        labels["status"].get(idea.status, idea.status),
        labels["category"].get(idea.category, idea.category),
        idea.team.name,
        author,
        supporters,
        _day(idea.created_at),
        _day(idea.first_response_at),
        _day(idea.decided_at),
        idea.merged_into_id or "",
        idea.decline_reason,
        idea.impact_note,
        idea.description,
    ]


def rows(
    session: Session, filters: IdeaFilters, team_ids: set[int] | None, labels: dict
) -> Iterator[list]:
    """Every matching idea (no pagination), its support counted in the same query."""
    counts = (
        select(IdeaSupport.idea_id, func.count().label("n"))
        .group_by(IdeaSupport.idea_id)
        .subquery()
    )
    query = (
        search_ideas(filters, team_ids)
        .options(selectinload(Idea.team), selectinload(Idea.author))
        .outerjoin(counts, counts.c.idea_id == Idea.id)
        .add_columns(func.coalesce(counts.c.n, 0))
        .execution_options(yield_per=BATCH)
    )
    for idea, supporters in session.execute(query):
        yield _row(idea, supporters, labels)


def count(session: Session, filters: IdeaFilters, team_ids: set[int] | None) -> int:
    """How many ideas the export holds (for the audit trail)."""
    matching = search_ideas(filters, team_ids).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(matching)) or 0


def labels_now() -> dict:
    """The column titles in the current language; read while the request is still there."""
    return {"header": [str(h) for h in HEADER]}


def csv_lines(
    engine: Engine, filters: IdeaFilters, team_ids: set[int] | None, labels: dict
) -> Iterator[str]:
    """The CSV file, line by line, with a BOM for spreadsheets. It streams after the request
    has returned, so it reads through a session of its own on ``engine`` and ``labels`` holds
    plain strings (header, status and category names)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        writer.writerow([safe_cell(v) for v in values])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff" + line(labels["header"])
    with Session(engine) as session:
        for values in rows(session, filters, team_ids, labels):
            yield line(values)
