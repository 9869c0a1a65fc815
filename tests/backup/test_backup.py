"""``flask backup PATH`` while the app writes, restored with ``flask restore``: every row
acknowledged before the backup began is in the copy, and the copy is consistent."""

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app import create_app
from extensions import db
from reviews.models import AuditEvent, User

from .conftest import ON_POSTGRES, Writer, fill


def _restored_people(app) -> tuple[set[int], set[int]]:
    """The people in ``app``'s database, and the people its "written" audit events name."""
    with app.app_context():
        people = set(db.session.scalars(select(User.id)))
        named = set(
            db.session.scalars(select(AuditEvent.actor_id).where(AuditEvent.action == "written"))
        )
        db.session.remove()
    return people, named


def test_a_backup_taken_while_people_are_added_restores_everyone_acknowledged_before(
    source, target, tmp_path
):
    fill(source)
    writer = Writer(source)
    writer.start()
    try:
        assert writer.written.wait(timeout=30), "the writer wrote nothing"
        before = writer.acknowledged()
        result = source.test_cli_runner().invoke(args=["backup", str(tmp_path / "live.bak")])
        during = writer.acknowledged()
    finally:
        writer.stop()
    assert result.exit_code == 0, result.output
    assert len(during) > len(before), "no write went on while the backup ran"

    restored = target.test_cli_runner().invoke(
        args=["restore", str(tmp_path / "live.bak"), "--yes"]
    )
    assert restored.exit_code == 0, restored.output
    people, named = _restored_people(target)
    assert before <= people, f"acknowledged but lost: {sorted(before - people)[:10]}"
    # Consistent: no person without the audit event of the same transaction, nor the reverse,
    # and nothing that never was acknowledged (a person's commit cut in half).
    assert people == named
    assert people <= writer.acknowledged()
    with target.app_context():
        assert db.session.scalar(select(func.count()).where(AuditEvent.action == "filler")) == 3000
        db.session.remove()


def test_the_summary_says_what_was_written(source, tmp_path):
    fill(source, events=10)
    result = source.test_cli_runner().invoke(args=["backup", str(tmp_path / "a.bak")])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "a.bak") in result.output
    assert "tables" in result.output and "ready to start" in result.output
    if not ON_POSTGRES:
        assert "integrity check ok" in result.output and "audit_events 10" in result.output


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's write-ahead log")
def test_the_copy_holds_what_is_still_in_the_write_ahead_log(source, tmp_path):
    with source.app_context():
        conn = db.engine.connect()  # held open: the log is not checkpointed into the file
        try:
            db.session.add(User(email="in.the.log@example.com", name="In The Log"))
            db.session.commit()
            wal = Path(db.engine.url.database + "-wal")
            assert wal.stat().st_size > 0
            result = source.test_cli_runner().invoke(args=["backup", str(tmp_path / "w.bak")])
        finally:
            conn.close()
            db.session.remove()
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(tmp_path / "w.bak")) as copy:
        assert copy.execute("SELECT name FROM users").fetchall() == [("In The Log",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not (tmp_path / "w.bak-wal").exists()


def test_the_backup_refuses_to_overwrite_a_file_unless_forced(source, tmp_path):
    path = tmp_path / "kept.bak"
    path.write_text("yesterday's backup")
    runner = source.test_cli_runner()
    refused = runner.invoke(args=["backup", str(path)])
    assert refused.exit_code == 1
    assert "already exists" in refused.output and "--force" in refused.output
    assert path.read_text() == "yesterday's backup"
    forced = runner.invoke(args=["backup", str(path), "--force"])
    assert forced.exit_code == 0, forced.output
    assert path.read_bytes()[:5] in (b"SQLit", b"PGDMP")


def test_the_backup_file_is_readable_by_its_owner_only_and_leaves_no_temporary_file(
    source, tmp_path
):
    result = source.test_cli_runner().invoke(args=["backup", str(tmp_path / "b.bak")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b.bak").stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".b.bak.*"))


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder this process may not write in (as root, a read-only system folder)."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    return folder


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (lambda tmp: tmp / "no such folder" / "x.bak", "does not exist: create it first"),
        (lambda tmp: tmp, "is a directory"),
        (lambda tmp: _read_only_folder(tmp) / "x.bak", "No permission to write in"),
    ],
    ids=["missing folder", "a folder", "no permission"],
)
def test_a_place_the_backup_cannot_go_is_a_clear_error(source, tmp_path, where, message):
    result = source.test_cli_runner().invoke(args=["backup", str(where(tmp_path))])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


@pytest.mark.skipif(not ON_POSTGRES, reason="pg_dump is PostgreSQL's")
def test_a_missing_pg_dump_is_a_clear_error(source, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH where no pg_dump is
    result = source.test_cli_runner().invoke(args=["backup", str(tmp_path / "x.bak")])
    assert result.exit_code == 1
    assert "pg_dump was not found" in result.output
    assert not list(tmp_path.glob("*.bak*")) and not list(tmp_path.glob(".x.bak*"))


@pytest.mark.skipif(not ON_POSTGRES, reason="pg_dump is PostgreSQL's")
def test_pg_dump_failing_shows_what_it_said(tmp_path):
    url = make_url(os.environ["TEST_DATABASE_URL"]).set(database="rapport_no_such_database")
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url.render_as_string()})
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "x.bak")])
    assert result.exit_code == 1
    assert "pg_dump failed" in result.output
    assert 'database "rapport_no_such_database" does not exist' in result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's file path")
def test_a_relative_sqlite_path_is_the_file_in_the_instance_folder(tmp_path):
    """Flask-SQLAlchemy reads ``sqlite:///relative`` from the instance folder; the backup
    copies that file, not one named alike in the current folder."""
    probe = create_app({"ENV_NAME": "testing"})
    relative = os.path.relpath(tmp_path / "relative.sqlite3", probe.instance_path)
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{relative}"})
    with app.app_context():
        db.create_all()
        db.session.add(User(email="rel@example.com", name="Relative"))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "r.bak")])
    assert result.exit_code == 0, result.output
    assert "users 1" in result.output
