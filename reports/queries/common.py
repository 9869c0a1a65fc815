"""Pieces shared by the report queries: running a SELECT into a DataFrame, limiting it to
the filters' teams, and the few SQL functions that differ between databases."""

import pandas as pd
from sqlalchemy import Float, Select, cast, extract, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from reviews.models import Competency, CycleCompetency, CycleScaleLevel, Team
from reviews.models.translated import OTHER_LOCALES, column_for

from ..filters import Filters


def _rows(session: Session, statement: Select) -> tuple[list[str], list[tuple]]:
    """Run a SELECT and return its column names and rows as the driver's plain tuples.

    No SQLAlchemy Row objects: pandas, given Rows, probes every one for attributes first
    (a third of the time of a heatmap's numbers), and Rows, unlike tuples of numbers and
    text, stay tracked by the garbage collector, so a few thousand of them set off a
    collection of the whole process (≈ 120 ms with pandas and matplotlib loaded). Hence
    also no result type conversion: for columns the driver returns as they are (numbers,
    text — no dates on SQLite). The flush is the one ``session.execute`` would do."""
    if session.autoflush:
        session.flush()
    result = session.connection().execute(statement)
    names = list(result.keys())
    rows = result.cursor.fetchall()
    result.close()
    return names, rows


def frame(session: Session, statement: Select) -> pd.DataFrame:
    """Run an aggregating SELECT and return its (small) result as a DataFrame."""
    names, rows = _rows(session, statement)
    return pd.DataFrame(rows, columns=names)


def by_column(session: Session, statement: Select) -> dict[str, list]:
    """Run a SELECT of many rows and return its values column by column, for numpy (no
    DataFrame of many rows; zip(*rows) would track a tuple per column of them)."""
    names, rows = _rows(session, statement)
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}


def stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate result frames of the same columns, skipping empty ones (pandas warns
    about concatenating empty frames)."""
    filled = [f for f in frames if not f.empty]
    if not filled:
        return frames[0]
    return pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0]


def in_teams(statement: Select, column, filters: Filters) -> Select:
    """Limit to ``filters.team_ids`` (None: every team, including reviews with no team)."""
    if filters.team_ids is None:
        return statement
    return statement.where(column.in_(filters.team_ids))


def mean(column) -> ColumnElement[float]:
    """AVG as a float on every database (PostgreSQL would return a Decimal)."""
    return cast(func.avg(column), Float)


def days_between(session: Session, start, end) -> ColumnElement[float]:
    """Days from ``start`` to ``end`` (NULL when ``end`` is), as a float."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(extract("epoch", end - start), Float) / 86400.0
    return func.julianday(end) - func.julianday(start)


def halfway(session: Session):
    """The median of an even number of values as the database's own median took it, to the
    last bit: percentile_cont(0.5) on PostgreSQL interpolates between the middle two,
    lo + 0.5 × (hi − lo); statistics.median (SQLite's) averages them, (lo + hi) / 2."""
    if session.get_bind().dialect.name == "postgresql":
        return lambda low, high: low + 0.5 * (high - low)
    return lambda low, high: (low + high) / 2


def team_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Team.id, Team.name)).all())


def competency_names(session: Session) -> dict[int, str]:
    """Competencies by their live name: trends group snapshots by ``competency_id``."""
    return dict(session.execute(select(Competency.id, Competency.name)).all())


def competencies_in(session: Session) -> dict[str, dict[str, str]]:
    """The live competencies' names in the other languages, where written: locale → id (as
    text, as JSON keeps it) → name. The charts' data holds them beside the default names, so
    one cached copy of the numbers serves every language (``reports.service.localised``)."""
    columns = [getattr(Competency, column_for("name", locale)) for locale in OTHER_LOCALES]
    rows = session.execute(select(Competency.id, *columns)).all()
    return {
        str(locale): {str(row[0]): row[i + 1] for row in rows if row[i + 1]}
        for i, locale in enumerate(OTHER_LOCALES)
    }


def scale_in(session: Session, cycle_ids: tuple[int, ...]) -> dict[str, dict[str, str]]:
    """The scale labels of the cycles in the other languages, where written (locale → value
    as text → label; the latest cycle's label wins, as in ``scale_levels``)."""
    columns = [getattr(CycleScaleLevel, column_for("label", locale)) for locale in OTHER_LOCALES]
    query = (
        select(CycleScaleLevel.value, *columns)
        .where(CycleScaleLevel.cycle_id.in_(cycle_ids))
        .order_by(CycleScaleLevel.cycle_id)
    )
    result: dict[str, dict[str, str]] = {str(locale): {} for locale in OTHER_LOCALES}
    for row in session.execute(query):
        for i, locale in enumerate(OTHER_LOCALES):
            if row[i + 1]:
                result[str(locale)][str(row[0])] = row[i + 1]
    return result


def scale_levels(session: Session, cycle_ids: tuple[int, ...]) -> dict[int, str]:
    """The rating scale of the cycles (value → label; the latest cycle's label wins)."""
    query = (
        select(CycleScaleLevel.value, CycleScaleLevel.label)
        .where(CycleScaleLevel.cycle_id.in_(cycle_ids))
        .order_by(CycleScaleLevel.cycle_id)
    )
    return {value: label for value, label in session.execute(query)}


def frameworks(session: Session, cycle_ids: tuple[int, ...]) -> pd.DataFrame:
    """Which competencies each cycle's framework held (cycle_id, competency_id)."""
    query = select(CycleCompetency.cycle_id, CycleCompetency.competency_id).where(
        CycleCompetency.cycle_id.in_(cycle_ids)
    )
    return frame(session, query)
