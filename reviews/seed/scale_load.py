"""Bulk loading for ``seed-scale``. Rows go into their tables inside the caller's transaction:
by executemany in large batches (SQLite and other databases) or by COPY (PostgreSQL), because
row-by-row inserts manage only about 30,000 rows a second (see PERFORMANCE-NOTES.md). The big
tables' secondary indexes (and, on PostgreSQL, foreign keys) are dropped for the load and
rebuilt after it from the models' own definitions, so the rebuilt ones are exactly those the
migrations create; everything happens in one transaction, so a failed load leaves nothing. Primary keys are
assigned by the generators, so PostgreSQL's sequences are moved past them at the end."""

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Dialect,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Table,
    UniqueConstraint,
    func,
    select,
    text,
)
from sqlalchemy.schema import AddConstraint, DropConstraint

BATCH_ROWS = 20_000  # rows per executemany call: large enough to amortise, small in memory
# SQLite, for the seed's own connection during the load: a 256 MB page cache and temporary
# B-trees (GROUP BY, index builds) in memory rather than in temporary files.
SQLITE_LOAD_PRAGMAS = {"cache_size": "-262144", "temp_store": "MEMORY"}
# PostgreSQL, for the load's transaction only (SET LOCAL): memory for index builds and for
# the hash joins and aggregates of the summaries, instead of spilling to disk at 4 MB.
POSTGRES_LOAD_SETTINGS = {"maintenance_work_mem": "512MB", "work_mem": "256MB"}


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
        if convert or order != list(columns):
            remaining = (_bind(pick(row), convert) for row in remaining)
        while batch := list(islice(remaining, BATCH_ROWS)):
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
    """The conversion SQLAlchemy applies to this column's values on this database, if any.
    None for booleans on SQLite: its driver stores True and False as 1 and 0 itself, which
    is what the conversion gives (and it would cost a call per row of 6.4 million ratings)."""
    if dialect.name == "sqlite" and isinstance(column.type, Boolean):
        return None
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _bind(row: tuple, convert: list[tuple[int, Callable]]) -> tuple:
    if not convert:
        return row
    values = list(row)
    for position, process in convert:
        values[position] = process(values[position])
    return tuple(values)


@contextmanager
def bulk_settings(conn: Connection) -> Iterator[None]:
    """Settings for a bulk load on this connection, put back afterwards. SQLite: a larger page
    cache and in-memory temporary B-trees, and the rollback journal instead of WAL, so each of
    the million new pages is written once rather than to the WAL and again at the checkpoint
    (pages beyond the file's old end need no journal; every new connection sets WAL again,
    see ``reviews.database``). Run before the transaction starts: SQLite changes the journal
    mode only outside one. PostgreSQL: see ``transaction_settings``."""
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection
    names = [*SQLITE_LOAD_PRAGMAS, "journal_mode"]
    before = {name: driver.execute(f"PRAGMA {name}").fetchone()[0] for name in names}
    for name, value in SQLITE_LOAD_PRAGMAS.items():
        driver.execute(f"PRAGMA {name}={value}")
    _leave_wal(driver)
    try:
        yield
    finally:
        if driver.in_transaction:
            driver.rollback()
        for name, value in before.items():
            # if busy, the journal stays as it is: every new connection sets WAL anyway
            with suppress(sqlite3.OperationalError):
                driver.execute(f"PRAGMA {name}={value}")


def _leave_wal(driver) -> None:
    """Switch to the rollback journal if no other connection has the database open (SQLite
    refuses then, at once with no busy timeout); otherwise the load simply runs in WAL."""
    timeout = driver.execute("PRAGMA busy_timeout").fetchone()[0]
    driver.execute("PRAGMA busy_timeout=0")
    with suppress(sqlite3.OperationalError):
        driver.execute("PRAGMA journal_mode=DELETE")
    driver.execute(f"PRAGMA busy_timeout={timeout}")


def transaction_settings(conn: Connection) -> None:
    """PostgreSQL: give this transaction the memory of ``POSTGRES_LOAD_SETTINGS``."""
    if conn.dialect.name != "postgresql":
        return
    for name, value in POSTGRES_LOAD_SETTINGS.items():
        conn.execute(select(func.set_config(name, value, True)))


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
    unique: list[UniqueConstraint]


def set_aside(conn: Connection, tables: Iterable[Table]) -> SetAside:
    """Drop the secondary (non-unique) indexes of ``tables`` and, on PostgreSQL, their foreign
    keys, whose per-row checks cost more than COPY itself, and their unique constraints, whose
    indexes are cheaper to build in one sort than to grow row by row (SQLite cannot drop a
    constraint). Primary keys stay; ``restore`` adds the constraints back, which checks every
    row, so a duplicate or a dangling key still fails the load."""
    tables = list(tables)
    indexes = [index for table in tables for index in sorted(table.indexes, key=_name)]
    keys, unique = [], []
    if conn.dialect.name == "postgresql":
        keys = [fk for table in tables for fk in sorted(table.foreign_key_constraints, key=_name)]
        unique = [uq for table in tables for uq in sorted(table.constraints, key=_name)]
        unique = [uq for uq in unique if isinstance(uq, UniqueConstraint)]
    for key in keys:
        conn.execute(DropConstraint(key))
    for constraint in unique:
        conn.execute(DropConstraint(constraint))
    for index in indexes:
        index.drop(conn, checkfirst=True)
    return SetAside(indexes, keys, unique)


def restore(conn: Connection, aside: SetAside) -> None:
    """Build the indexes again over the loaded rows (one sort each rather than one insert per
    row) and add the foreign keys back, which checks every row in one pass."""
    for constraint in aside.unique:
        conn.execute(AddConstraint(constraint))
    for index in aside.indexes:
        index.create(conn)
    for key in aside.foreign_keys:
        conn.execute(AddConstraint(key))


def _name(item: Index | ForeignKeyConstraint | UniqueConstraint) -> str:
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


def analyze(conn: Connection, tables: Iterable[Table] | None = None) -> None:
    """Refresh the planner's statistics (of ``tables``, or of every table), as both databases
    advise after a bulk load."""
    if tables is None:
        conn.execute(text("ANALYZE"))
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        conn.execute(text(f"ANALYZE {quote(table.name)}"))
