"""Keeping the rating summaries (reviews.models.summary) equal to the ratings that count.

A slice is one cycle × team of the time. When a transaction changes a review, its ratings
or its notes, the slice is computed afresh from the raw rows — a few hundred ratings — and
written only when it differs, in the same transaction; a cycle whose status changes (opened,
closed) is recomputed whole, since that changes which ratings count. ``rebuild`` recomputes
everything (after a bulk load with plain SQL).

Which ratings count: in a closed cycle, the submitted parts (the manager's once submitted,
the self-assessment once submitted); in the open cycle, only reviews already shared with the
employee — so nobody can read a draft, an unshared assessment or a self-assessment before
sharing from the difference of two downloads."""

from sqlalchemy import (
    Select,
    and_,
    case,
    column,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from reviews.models import (
    Cycle,
    CycleCompetency,
    NoteCount,
    NoteSource,
    PeopleCount,
    Rating,
    RatingCount,
    RatingGap,
    Review,
    ReviewNote,
    note_competencies,
)
from reviews.models.summary import NO_TEAM, NOT_APPLICABLE, ORGANISATION

ALL_TEAMS = None  # a slice covering every team of the cycle

TEAM = func.coalesce(Review.team_id, NO_TEAM)
STAGED = "rating_summary_staged"  # rebuild's temporary table on PostgreSQL


def manager_counts(status: str) -> ColumnElement[bool]:
    """Does a review's manager part count, in a cycle of ``status``?"""
    if status == "closed":
        return Review.manager_submitted_at.is_not(None)
    if status == "open":
        return Review.shared_at.is_not(None)
    return literal(False)


def self_counts(status: str) -> ColumnElement[bool]:
    """Does a review's self-assessment count, in a cycle of ``status``?"""
    submitted = Review.self_submitted_at.is_not(None)
    if status == "closed":
        return submitted
    if status == "open":
        return and_(submitted, Review.shared_at.is_not(None))
    return literal(False)


def _rating_counts(status: str, source_column) -> ColumnElement[bool]:
    return or_(
        and_(source_column == "manager", manager_counts(status)),
        and_(source_column == "self", self_counts(status)),
    )


def _in_slice(query: Select, cycle_id: int | tuple[int, ...], team_id: int | None) -> Select:
    """Limit to one cycle (or, for a rebuild, several of one status) and a team or all."""
    if isinstance(cycle_id, tuple):
        query = query.where(Review.cycle_id.in_(cycle_id))
    else:
        query = query.where(Review.cycle_id == cycle_id)
    if team_id is ALL_TEAMS:
        return query
    if team_id == NO_TEAM:
        return query.where(Review.team_id.is_(None))
    return query.where(Review.team_id == team_id)


# --- The aggregates, from the raw rows --------------------------------------------------------


def _rating_rows(cycle_id: int, team_id, status: str) -> Select:
    value = func.coalesce(Rating.value, NOT_APPLICABLE)
    query = (
        select(
            Review.cycle_id,
            TEAM,
            CycleCompetency.competency_id,
            Rating.source,
            value,
            func.count(),
        )
        .select_from(Rating)
        .join(Review, Review.id == Rating.review_id)
        .join(CycleCompetency, CycleCompetency.id == Rating.cycle_competency_id)
        .where(_rating_counts(status, Rating.source))
        .group_by(Review.cycle_id, TEAM, CycleCompetency.competency_id, Rating.source, value)
    )
    return _in_slice(query, cycle_id, team_id)


def _rated_people_rows(cycle_id: int, team_id, status: str) -> Select:
    query = (
        select(Review.cycle_id, TEAM, Rating.source, func.count(func.distinct(Review.id)))
        .select_from(Rating)
        .join(Review, Review.id == Rating.review_id)
        .where(Rating.value.is_not(None), _rating_counts(status, Rating.source))
        .group_by(Review.cycle_id, TEAM, Rating.source)
    )
    return _in_slice(query, cycle_id, team_id)


def rated_pairs():
    """FROM a self rating ⋈ the manager's rating of the same competency in the same review
    ⋈ the review, both applicable: what a self-vs-manager gap is computed over. Returns the
    query and the two aliases (own, boss)."""
    own, boss = aliased(Rating), aliased(Rating)
    query = (
        select()
        .select_from(own)
        .join(
            boss,
            and_(
                boss.review_id == own.review_id,
                boss.cycle_competency_id == own.cycle_competency_id,
                boss.source == "manager",
            ),
        )
        .join(Review, Review.id == own.review_id)
        .where(own.source == "self", own.value.is_not(None), boss.value.is_not(None))
    )
    return query, own, boss


def _pairs(status: str):
    query, own, boss = rated_pairs()
    return query.where(self_counts(status), manager_counts(status)), own, boss


def _gap_rows(cycle_id: int, team_id, status: str) -> Select:
    base, own, boss = _pairs(status)
    query = (
        base.join(CycleCompetency, CycleCompetency.id == own.cycle_competency_id)
        .add_columns(
            Review.cycle_id,
            TEAM,
            CycleCompetency.competency_id,
            func.count(),
            func.sum(own.value),
            func.sum(boss.value),
            func.sum(case((own.value > boss.value, 1), else_=0)),
            func.sum(case((own.value < boss.value, 1), else_=0)),
        )
        .group_by(Review.cycle_id, TEAM, CycleCompetency.competency_id)
    )
    return _in_slice(query, cycle_id, team_id)


def _paired_people_rows(cycle_id: int, team_id, status: str) -> Select:
    base, _, _ = _pairs(status)
    query = base.add_columns(
        Review.cycle_id, TEAM, literal("pair"), func.count(func.distinct(Review.id))
    ).group_by(Review.cycle_id, TEAM)
    return _in_slice(query, cycle_id, team_id)


def _note_rows(cycle_id: int, team_id, status: str) -> Select:
    query = (
        select(
            Review.cycle_id,
            TEAM,
            ReviewNote.kind,
            CycleCompetency.competency_id,
            func.count(func.distinct(Review.id)),
        )
        .select_from(note_competencies)
        .join(ReviewNote, ReviewNote.id == note_competencies.c.note_id)
        .join(Review, Review.id == ReviewNote.review_id)
        .join(CycleCompetency, CycleCompetency.id == note_competencies.c.cycle_competency_id)
        .where(manager_counts(status), ReviewNote.source == NoteSource.MANAGER)
        .group_by(Review.cycle_id, TEAM, ReviewNote.kind, CycleCompetency.competency_id)
    )
    return _in_slice(query, cycle_id, team_id)


def _assessed_people_rows(cycle_id: int, team_id, status: str) -> Select:
    query = (
        select(Review.cycle_id, TEAM, literal("assessed"), func.count(Review.id))
        .where(manager_counts(status))
        .group_by(Review.cycle_id, TEAM)
    )
    return _in_slice(query, cycle_id, team_id)


# table → the SELECTs that produce its rows (in its column order)
SOURCES = (
    (RatingCount, (_rating_rows,)),
    (RatingGap, (_gap_rows,)),
    (NoteCount, (_note_rows,)),
    (PeopleCount, (_rated_people_rows, _paired_people_rows, _assessed_people_rows)),
)

TABLES = tuple(model.__table__ for model, _ in SOURCES)


def _columns(model) -> list:
    return list(model.__table__.columns)


# --- Keeping them up to date --------------------------------------------------------------------


def _team_rows(table, cycle_id: int, team_id):
    """The condition for one slice's rows (``team_id`` None: every team's, never the
    organisation's sums)."""
    if team_id is ALL_TEAMS:
        return and_(table.c.cycle_id == cycle_id, table.c.team_id != ORGANISATION)
    return and_(table.c.cycle_id == cycle_id, table.c.team_id == team_id)


def _stored(session: Session, model, cycle_id: int, team_id) -> set[tuple]:
    table = model.__table__
    query = select(*_columns(model)).where(_team_rows(table, cycle_id, team_id))
    return {tuple(row) for row in session.execute(query)}


def _delete(session: Session, model, cycle_id: int, team_id) -> None:
    table = model.__table__
    session.execute(delete(table).where(_team_rows(table, cycle_id, team_id)))


def _sum_organisation(session: Session, model, cycle_ids: tuple[int, ...]) -> None:
    """Write the organisation's rows of ``cycle_ids`` again: every team's rows summed (the
    figures are counts and sums, and a review has one team, so they add up exactly)."""
    table = model.__table__
    keys = [c for c in table.primary_key.columns if c.key != "team_id"]
    values = [c for c in table.columns if not c.primary_key]
    session.execute(
        delete(table).where(table.c.cycle_id.in_(cycle_ids), table.c.team_id == ORGANISATION)
    )
    summed = (
        select(*keys, literal(ORGANISATION).label("team_id"), *[func.sum(c) for c in values])
        .where(table.c.cycle_id.in_(cycle_ids), table.c.team_id != ORGANISATION)
        .group_by(*keys)
    )
    names = [c.key for c in keys] + ["team_id"] + [c.key for c in values]
    session.execute(insert(table).from_select(names, summed))


def refresh(session: Session, cycle_id: int, team_id: int | None, status: str) -> bool:
    """Recompute one slice (``team_id`` None: the whole cycle) from the raw rows; write it
    only where it changed. Returns whether anything changed."""
    changed = False
    for model, producers in SOURCES:
        fresh = {
            tuple(row)
            for producer in producers
            for row in session.execute(producer(cycle_id, team_id, status))
        }
        if fresh == _stored(session, model, cycle_id, team_id):
            continue
        changed = True
        _delete(session, model, cycle_id, team_id)
        if fresh:
            names = [column.key for column in _columns(model)]
            session.execute(
                insert(model.__table__), [dict(zip(names, row, strict=True)) for row in fresh]
            )
        _sum_organisation(session, model, (cycle_id,))
    return changed


def rebuild(session: Session) -> int:
    """Empty every summary and compute it again for every cycle that can hold reviews, with
    INSERT … SELECT (no rows through Python): one statement per summary and cycle status,
    so the database makes one pass over the ratings. Returns the number of cycles."""
    for model, _ in SOURCES:
        session.execute(delete(model.__table__))
    cycles = session.execute(select(Cycle.id, Cycle.status).where(Cycle.status != "planned"))
    by_status: dict[str, list[int]] = {}
    for cycle_id, status in cycles.all():
        by_status.setdefault(status, []).append(cycle_id)
    for status, ids in sorted(by_status.items()):
        for model, producers in SOURCES:
            for producer in producers:
                _insert_all(session, model, producer(tuple(ids), ALL_TEAMS, status))
    every = tuple(i for ids in by_status.values() for i in ids)
    if every:
        for model, _ in SOURCES:
            _sum_organisation(session, model, every)
    return len(every)


def _insert_all(session: Session, model, rows: Select) -> None:
    """INSERT … SELECT. PostgreSQL runs an INSERT's SELECT in one process but may give a
    CREATE TABLE … AS SELECT parallel workers, so there the rows go through a temporary
    table (the summaries are small next to the ratings they are computed from)."""
    names = [c.key for c in _columns(model)]
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(model.__table__).from_select(names, rows))
        return
    staged = table(STAGED, *(column(name) for name in names))
    compiled = rows.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    session.execute(
        text(f"CREATE TEMPORARY TABLE {STAGED} ({', '.join(names)}) ON COMMIT DROP AS {compiled}")
    )
    session.execute(insert(model.__table__).from_select(names, select(staged)))
    session.execute(text(f"DROP TABLE {STAGED}"))


def slices_of_reviews(session: Session, review_ids: set[int]) -> set[tuple[int, int]]:
    """(cycle_id, team_id) of each review, as stored now (after the flush)."""
    if not review_ids:
        return set()
    ids = sorted(review_ids)
    found = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(Review.cycle_id, TEAM).where(Review.id.in_(chunk))
        found |= {(int(c), int(t)) for c, t in session.execute(query)}
    return found


def statuses(session: Session, cycle_ids: set[int], lock: bool = False) -> dict[int, str]:
    """The status of each cycle. ``lock`` holds the cycles' rows until the commit (on
    PostgreSQL; SQLite has one writer at a time anyway), in id order: two transactions that
    recompute slices of one cycle then take turns, and the second sees what the first wrote."""
    if not cycle_ids:
        return {}
    query = select(Cycle.id, Cycle.status).where(Cycle.id.in_(sorted(cycle_ids)))
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.order_by(Cycle.id).with_for_update()
    return dict(session.execute(query).all())
