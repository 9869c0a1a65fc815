"""Read-side of ideas: the filtered and sorted list, counts without N+1 queries, "my ideas",
triage for managers, the recognition page. Plain queries, scoped by the caller."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import Select, and_, case, func, not_, or_, select, union_all
from sqlalchemy.orm import selectinload

from extensions import db
from reviews.database import folded
from reviews.models import (
    IDEA_CATEGORIES,
    IDEA_STATUSES,
    Idea,
    IdeaComment,
    IdeaSupport,
    User,
    utcnow,
)
from reviews.models.ideas import OPEN_STATUSES
from reviews.services.ideas.contributions import hash_token

PER_PAGE = 20
SORTS = ("newest", "supported", "waiting")


@dataclass
class IdeaFilters:
    """What the list asks for. Unknown values are ignored rather than refused."""

    q: str = ""
    status: str = ""  # one of IDEA_STATUSES, "open", or "" for all
    team_id: int | None = None
    category: str = ""
    sort: str = "newest"


def _waiting():
    """True for an open idea that has had no response yet."""
    return and_(Idea.status.in_(OPEN_STATUSES), Idea.first_response_at.is_(None))


def _matches(needle: str):
    """Title or description contains ``needle`` (case-folded). A search reads every idea, so
    the text is folded once per row, title and description joined by a line break that no
    needle without one can straddle (SQLite folds in Python: one call per row, not two)."""
    if "\n" in needle:
        return or_(
            folded(Idea.title).contains(needle, autoescape=True),
            folded(Idea.description).contains(needle, autoescape=True),
        )
    text = Idea.title + "\n" + Idea.description
    return folded(text).contains(needle, autoescape=True)


def _conditions(filters: IdeaFilters, team_ids: set[int] | None = None) -> list:
    """The WHERE clauses of ``filters`` (and of ``team_ids`` when given)."""
    conditions = []
    if needle := filters.q.strip().lower():
        conditions.append(_matches(needle))
    if filters.status == "open":
        conditions.append(Idea.status.in_(OPEN_STATUSES))
    elif filters.status in IDEA_STATUSES:
        conditions.append(Idea.status == filters.status)
    if filters.team_id:
        conditions.append(Idea.team_id == filters.team_id)
    if filters.category in IDEA_CATEGORIES:
        conditions.append(Idea.category == filters.category)
    if team_ids is not None:
        conditions.append(Idea.team_id.in_(team_ids))
    return conditions


def search_ideas(filters: IdeaFilters, team_ids: set[int] | None = None) -> Select:
    """Ideas matching ``filters`` (and within ``team_ids`` when given), sorted as asked."""
    query = select(Idea).options(selectinload(Idea.team), selectinload(Idea.author))
    return _sorted(query.where(*_conditions(filters, team_ids)), filters.sort)


# Every order ends in (created_at, id) and has an index of that shape (see the Idea model),
# so a page is read in index order and the database stops after OFFSET + LIMIT rows.
NEWEST = (Idea.created_at.desc(), Idea.id.desc())
OLDEST = (Idea.created_at, Idea.id)
SUPPORTED = (Idea.support_count.desc(), *NEWEST)


def _sorted(query: Select, sort: str) -> Select:
    if sort == "supported":
        return query.order_by(*SUPPORTED)
    if sort == "waiting":
        waiting_first = case((_waiting(), 0), else_=1)
        return query.order_by(waiting_first, *OLDEST)
    return query.order_by(*NEWEST)


@dataclass
class IdeaPage:
    """One page of the list, with what the pagination macro reads."""

    items: list[Idea]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def _count(conditions: list) -> int:
    """Rows matching ``conditions``: a count with no join and no ORDER BY."""
    return db.session.scalar(select(func.count()).select_from(Idea).where(*conditions)) or 0


def _loaded(query: Select) -> list[Idea]:
    """Ideas of ``query`` with their team and author (one more statement each; the authors'
    roles are not needed for a name)."""
    options = (selectinload(Idea.team), selectinload(Idea.author).lazyload(User.role_rows))
    return list(db.session.scalars(query.options(*options)))


def _slice(conditions: list, order: tuple, offset: int, limit: int) -> Select:
    return select(Idea).where(*conditions).order_by(*order).offset(offset).limit(limit)


def list_page(
    filters: IdeaFilters, number: int, team_ids: set[int] | None = None, per_page: int = PER_PAGE
) -> IdeaPage:
    """Page ``number`` of the list (past the end: an empty page, never an error)."""
    number = max(number, 1)
    conditions = _conditions(filters, team_ids)
    total, offset = _count(conditions), (number - 1) * per_page
    if offset >= total:
        items = []
    elif filters.sort == "waiting":
        items = _waiting_first(conditions, offset, per_page)
    else:
        order = SUPPORTED if filters.sort == "supported" else NEWEST
        items = _loaded(_slice(conditions, order, offset, per_page))
    return IdeaPage(items, number, per_page, total)


def _waiting_first(conditions: list, offset: int, per_page: int) -> list[Idea]:
    """A page of "waiting longest": the ideas waiting for a first response, oldest first,
    then the rest, oldest first. Each part is read in index order (rather than every idea
    sorted on a computed key), both in one statement, and the page is put in order here."""
    waiting = _count([*conditions, _waiting()])
    parts = []
    if offset < waiting:
        parts.append(_slice([*conditions, _waiting()], OLDEST, offset, per_page))
    if offset + per_page > waiting:
        rest = [*conditions, not_(_waiting())]
        parts.append(_slice(rest, OLDEST, max(0, offset - waiting), per_page))
    ids = union_all(*(select(part.subquery().c.id) for part in parts))
    items = _loaded(select(Idea).where(Idea.id.in_(ids)))
    is_waiting = lambda i: i.status in OPEN_STATUSES and i.first_response_at is None  # noqa: E731
    items.sort(key=lambda i: (not is_waiting(i), i.created_at, i.id))
    return items[:per_page]


def support_counts(ideas: list[Idea]) -> dict[int, int]:
    """Supporters per idea for a page of ideas (kept on each idea: no query)."""
    return {i.id: i.support_count for i in ideas}


def comment_counts(ideas: list[Idea]) -> dict[int, int]:
    """Comments per idea for a page of ideas, in one query."""
    ids = [i.id for i in ideas]
    if not ids:
        return {}
    query = (
        select(IdeaComment.idea_id, func.count())
        .where(IdeaComment.idea_id.in_(ids))
        .group_by(IdeaComment.idea_id)
    )
    return {idea_id: n for idea_id, n in db.session.execute(query)}


def supported_by(ideas: list[Idea], user_id: int) -> set[int]:
    """Which of ``ideas`` the person supports."""
    ids = [i.id for i in ideas]
    if not ids:
        return set()
    query = select(IdeaSupport.idea_id).where(
        IdeaSupport.idea_id.in_(ids), IdeaSupport.user_id == user_id
    )
    return set(db.session.scalars(query))


def page(query: Select, number: int, per_page: int = PER_PAGE):
    """One page of ``query`` (past the end: an empty page, never an error)."""
    return db.paginate(query, page=max(number, 1), per_page=per_page, error_out=False)


def my_ideas(user_id: int, tokens: list[str]) -> tuple[list[Idea], dict[int, str]]:
    """The person's credited ideas plus the anonymous ones whose follow tokens this browser
    keeps, newest first; and for the latter, idea id → token (to link the follow page)."""
    by_hash = {hash_token(t): t for t in tokens}
    condition = Idea.author_id == user_id
    if by_hash:
        condition = or_(condition, Idea.follow_token_hash.in_(list(by_hash)))
    query = (
        select(Idea)
        .options(selectinload(Idea.team))
        .where(condition)
        .order_by(Idea.created_at.desc(), Idea.id.desc())
    )
    ideas = list(db.session.scalars(query))
    followed = {i.id: by_hash[i.follow_token_hash] for i in ideas if i.anonymous}
    return ideas, followed


def response_days() -> int:
    """Days an idea may wait for a first response before triage flags it."""
    return int(current_app.config.get("IDEA_RESPONSE_DAYS", 14))


@dataclass
class TriageRow:
    idea: Idea
    days: int
    flagged: bool


def waiting_query(team_ids: set[int] | None) -> Select:
    """Open ideas still waiting for a first response, oldest first."""
    query = select(Idea).where(_waiting()).order_by(Idea.created_at, Idea.id)
    if team_ids is not None:
        query = query.where(Idea.team_id.in_(team_ids))
    return query


def triage(team_ids: set[int] | None, now: datetime | None = None) -> list[TriageRow]:
    """The triage list: days waiting, flagged past the configured response time."""
    now, limit = now or utcnow(), response_days()
    query = waiting_query(team_ids).options(selectinload(Idea.team))
    rows = []
    for idea in db.session.scalars(query):
        waited = now - idea.created_at
        rows.append(TriageRow(idea, waited.days, waited > timedelta(days=limit)))
    return rows


def waiting_counts(team_ids: set[int] | None, now: datetime | None = None) -> tuple[int, int]:
    """(waiting for a first response, of which past the response time) in one query."""
    if team_ids is not None and not team_ids:
        return 0, 0
    cutoff = (now or utcnow()) - timedelta(days=response_days())
    late = func.sum(case((Idea.created_at < cutoff, 1), else_=0))
    query = select(func.count(Idea.id), late).where(_waiting())
    if team_ids is not None:
        query = query.where(Idea.team_id.in_(team_ids))
    waiting, flagged = db.session.execute(query).one()
    return waiting or 0, flagged or 0


def implemented_query() -> Select:
    """Implemented ideas, the most recently decided first (recognition page)."""
    return (
        select(Idea)
        .options(selectinload(Idea.team), selectinload(Idea.author))
        .where(Idea.status == "implemented")
        .order_by(func.coalesce(Idea.decided_at, Idea.created_at).desc(), Idea.id.desc())
    )


def merged_into(idea: Idea) -> list[Idea]:
    """The ideas merged into ``idea`` (their supporters now count here)."""
    query = select(Idea).where(Idea.merged_into_id == idea.id).order_by(Idea.created_at)
    return list(db.session.scalars(query))
