"""Two databases of the suite's kind per test, each with its own app: ``source`` (Rapport's
schema at the newest revision, as ``flask db upgrade`` leaves it) and ``target`` (empty, as an
operator creates one to restore into). SQLite: files in a temporary folder; PostgreSQL
(TEST_DATABASE_URL): new databases on the same server, dropped afterwards. A writer thread
adds people through the app's own session while a backup runs."""

import os
import threading
import uuid

import pytest
from flask_migrate import stamp
from sqlalchemy import create_engine, insert, inspect, text
from sqlalchemy.engine import make_url

from app import create_app
from extensions import db
from reviews.models import AuditEvent, User

ON_POSTGRES = bool(os.environ.get("TEST_DATABASE_URL"))


@pytest.fixture
def new_database(tmp_path):
    """``new_database(name)``: the URL of a new empty database."""
    base = os.environ.get("TEST_DATABASE_URL")
    created: list[str] = []

    def make(name: str) -> str:
        if not base:
            return f"sqlite:///{tmp_path}/{name}.sqlite3"
        database = f"rapport_backup_{name}_{uuid.uuid4().hex[:8]}"
        with server.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        created.append(database)
        return make_url(base).set(database=database).render_as_string(hide_password=False)

    server = create_engine(base, isolation_level="AUTOCOMMIT") if base else None
    yield make
    if server is not None:
        with server.connect() as conn:
            for database in created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        server.dispose()


def _app(url: str):
    return create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})


@pytest.fixture
def source(new_database):
    """An app on a database with Rapport's schema, stamped with the newest revision."""
    app = _app(new_database("source"))
    with app.app_context():
        db.create_all()
        stamp()
        db.session.remove()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def target(new_database):
    """An app on an empty database to restore into."""
    app = _app(new_database("target"))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def tables(app) -> list[str]:
    """The tables in ``app``'s database (none in an empty one)."""
    with app.app_context():
        try:
            return inspect(db.engine).get_table_names()
        finally:
            db.engine.dispose()


def fill(app, events: int = 3000) -> None:
    """Audit events with some text each (a few MB), so a copy takes a moment."""
    with app.app_context():
        rows = [
            {"action": "filler", "object_type": "users", "after": {"note": "x" * 1000}}
            for _ in range(events)
        ]
        db.session.execute(insert(AuditEvent), rows)
        db.session.commit()
        db.session.remove()


class Writer(threading.Thread):
    """Adds people one transaction at a time, each with an audit event naming them as its
    actor, and records the id of every person whose commit returned (acknowledged)."""

    def __init__(self, app):
        super().__init__(daemon=True)
        self.app = app
        self.halt = threading.Event()
        self.written = threading.Event()
        self._acknowledged: list[int] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        with self.app.app_context():
            try:
                while not self.halt.is_set():
                    self._add_one(len(self._acknowledged))
            except BaseException as error:  # reported by stop(), in the test's thread
                self.error = error
            finally:
                db.session.remove()

    def _add_one(self, n: int) -> None:
        person = User(email=f"writer{n}@example.com", name=f"Writer {n}")
        db.session.add(person)
        db.session.flush()
        db.session.add(
            AuditEvent(
                actor_id=person.id, action="written", object_type="users", object_id=person.id
            )
        )
        db.session.commit()
        self._acknowledged.append(person.id)
        if len(self._acknowledged) >= 20:
            self.written.set()

    def acknowledged(self) -> set[int]:
        """The people committed so far (a copy: the list grows on)."""
        return set(self._acknowledged)

    def stop(self) -> None:
        self.halt.set()
        self.join(timeout=30)
        assert not self.is_alive(), "the writer did not stop"
        if self.error is not None:
            raise self.error
