"""Bulk loading for ``seed-scale``. Rows go into their tables inside the caller's transaction:
by executemany in large batches (SQLite and other databases) or by COPY (PostgreSQL), because
row-by-row inserts manage only about 30,000 rows a second (see PERFORMANCE-NOTES.md). The big
tables' secondary indexes (and, on PostgreSQL, foreign keys) are dropped for the load and
rebuilt after it from the models' own definitions, so the rebuilt ones are exactly those the
migrations create; everything happens in one transaction, so a failed load leaves nothing. Primary keys are
assigned by the generators, so PostgreSQL's sequences are moved past them at the end."""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from sqlalchemy import (
    Column,
    Connection,
    Dialect,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Table,
    func,
    select,
    text,
)
from sqlalchemy.schema import AddConstraint, DropConstraint

BATCH_ROWS = 20_000  # rows per executemany call: large enough to amortise, small in memory


class BulkLoader:
    """Inserts rows given as tuples in the order of ``columns``, counting them per table."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.copy = conn.dialect.name == "postgresql"
        self.counts: Counter[str] = Counter()

    def load(self, table: Table, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        """Insert ``rows`` into ``table`` and return how many there were."""
        if self.copy:
            count = self._copy(table, columns, rows)
        else:
            count = self._executemany(table, columns, rows)
        self.counts[table.name] += count
        return count

    def _executemany(self, table: Table, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        """One INSERT compiled once and run with plain tuples, a batch at a time. SQLAlchemy's
        per-row parameter handling would cost more than SQLite's inserts themselves, so only
        the column types' own conversions (e.g. datetimes to SQLite's text) are applied."""
        dialect, remaining, count = self.conn.dialect, iter(rows), 0
        compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
        order = list(compiled.positiontup or ())
        if not dialect.positional or sorted(order) != sorted(columns):
            raise ValueError(f"{table.name}: give every column, on a positional driver")
        pick = itemgetter(*(columns.index(name) for name in order))
        convert = [(i, _processor(table.c[name], dialect)) for i, name in enumerate(order)]
        convert = [(i, process) for i, process in convert if process is not None]
        while batch := [_bind(pick(row), convert) for row in islice(remaining, BATCH_ROWS)]:
            self.conn.exec_driver_sql(str(compiled), batch)
            count += len(batch)
        return count

    def _copy(self, table: Table, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        """COPY ... FROM STDIN through psycopg 3, on the same connection and transaction."""
        quote = self.conn.dialect.identifier_preparer.quote
        names = ", ".join(quote(name) for name in columns)
        statement = f"COPY {quote(table.name)} ({names}) FROM STDIN"
        count = 0
        cursor = self.conn.connection.driver_connection.cursor()
        with cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        return count


def _processor(column: Column, dialect: Dialect) -> Callable | None:
    """The conversion SQLAlchemy applies to this column's values on this database, if any."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _bind(row: tuple, convert: list[tuple[int, Callable]]) -> tuple:
    if not convert:
        return row
    values = list(row)
    for position, process in convert:
        values[position] = process(values[position])
    return tuple(values)


def begin(conn: Connection) -> None:
    """Make sure a database transaction is open. SQLite's Python driver opens one only before
    INSERT, UPDATE or DELETE, so dropping an index first would be committed at once and not
    undone if the load failed; an explicit BEGIN puts the DDL in the same transaction."""
    driver = conn.connection.driver_connection
    if conn.dialect.name == "sqlite" and not driver.in_transaction:
        conn.exec_driver_sql("BEGIN")


@dataclass
class SetAside:
    """What ``set_aside`` dropped, for ``restore`` to build again."""

    indexes: list[Index]
    foreign_keys: list[ForeignKeyConstraint]


def set_aside(conn: Connection, tables: Iterable[Table]) -> SetAside:
    """Drop the secondary (non-unique) indexes of ``tables`` and, on PostgreSQL, their foreign
    keys, whose per-row checks cost more than COPY itself (SQLite cannot drop a constraint).
    Primary keys and unique constraints stay, so duplicates are still refused as rows arrive."""
    tables = list(tables)
    indexes = [index for table in tables for index in sorted(table.indexes, key=_name)]
    keys = []
    if conn.dialect.name == "postgresql":
        keys = [fk for table in tables for fk in sorted(table.foreign_key_constraints, key=_name)]
    for key in keys:
        conn.execute(DropConstraint(key))
    for index in indexes:
        index.drop(conn, checkfirst=True)
    return SetAside(indexes, keys)


def restore(conn: Connection, aside: SetAside) -> None:
    """Build the indexes again over the loaded rows (one sort each rather than one insert per
    row) and add the foreign keys back, which checks every row in one pass."""
    for index in aside.indexes:
        index.create(conn)
    for key in aside.foreign_keys:
        conn.execute(AddConstraint(key))


def _name(item: Index | ForeignKeyConstraint) -> str:
    return str(item.name)


def reset_sequences(conn: Connection, metadata: MetaData) -> None:
    """PostgreSQL: move each table's ``id`` sequence to the largest id, so the next row the
    application adds gets a free one. SQLite needs nothing: it takes max(rowid) + 1."""
    if conn.dialect.name != "postgresql":
        return
    for table in metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or key[0].name != "id" or not isinstance(key[0].type, Integer):
            continue
        top = select(func.max(table.c.id)).scalar_subquery()
        sequence = func.pg_get_serial_sequence(table.name, "id")
        conn.execute(select(func.setval(sequence, func.coalesce(top, 1), top.is_not(None))))


def analyze(conn: Connection) -> None:
    """Refresh the planner's statistics, as both databases advise after a bulk load."""
    conn.execute(text("ANALYZE"))
