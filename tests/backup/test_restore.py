"""``flask restore PATH``: into an empty database only, after asking; a file that is not a
backup, or a damaged one, restores nothing; afterwards it says whether to upgrade."""

import pytest
from sqlalchemy import func, select, text

from extensions import db
from reviews.models import User

from .conftest import ON_POSTGRES, tables


@pytest.fixture
def backup_file(source, tmp_path):
    """A backup of the source database holding one person."""
    with source.app_context():
        db.session.add(User(email="ada@example.com", name="Ada"))
        db.session.commit()
        db.session.remove()
    return _backup(source, tmp_path / "source.bak")


def _backup(app, path):
    result = app.test_cli_runner().invoke(args=["backup", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _names(app) -> list[str]:
    with app.app_context():
        names = list(db.session.scalars(select(User.name)))
        db.session.remove()
        db.engine.dispose()
    return names


def test_restore_asks_first_and_no_changes_nothing(target, backup_file):
    result = target.test_cli_runner().invoke(args=["restore", str(backup_file)], input="n\n")
    assert result.exit_code == 1 and "Aborted" in result.output
    # It showed what would be restored into which database before asking.
    assert str(backup_file) in result.output
    assert target.config["SQLALCHEMY_DATABASE_URI"].split("/")[-1] in result.output
    assert "Restore this backup into that database? [y/N]" in result.output
    assert tables(target) == []


def test_restore_answered_yes_brings_the_data_back(target, backup_file):
    result = target.test_cli_runner().invoke(args=["restore", str(backup_file)], input="y\n")
    assert result.exit_code == 0, result.output
    assert _names(target) == ["Ada"]
    assert "users 1" in result.output and "ready to start" in result.output


def test_restore_refuses_a_database_that_is_not_empty(source, backup_file):
    with source.app_context():
        db.session.add(User(email="bob@example.com", name="Bob"))
        db.session.commit()
        db.session.remove()
    result = source.test_cli_runner().invoke(args=["restore", str(backup_file), "--yes"])
    assert result.exit_code == 1
    assert (
        "is not empty" in result.output and "Restore only into an empty database" in result.output
    )
    assert sorted(_names(source)) == ["Ada", "Bob"]


def test_restore_refuses_a_database_with_empty_tables(target, backup_file):
    """Tables without rows (say, after `flask db upgrade`) are not an empty database either:
    the restore would clash with them."""
    with target.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY)"))
        db.engine.dispose()
    result = target.test_cli_runner().invoke(args=["restore", str(backup_file), "--yes"])
    assert result.exit_code == 1 and "is not empty" in result.output
    assert tables(target) == ["notes"]


OTHER_KIND = b"PGDMP" if not ON_POSTGRES else b"SQLite format 3\x00"


@pytest.mark.parametrize(
    "content",
    [b"name;email\nAda;ada@example.com\n", b"", OTHER_KIND + b"\x00" * 4000],
    ids=["a CSV file", "an empty file", "the other database's kind"],
)
def test_a_file_that_is_not_a_backup_is_refused_clearly(target, tmp_path, content):
    path = tmp_path / "not-a-backup"
    path.write_bytes(content)
    result = target.test_cli_runner().invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code == 1
    kind = "pg_dump custom-format archive" if ON_POSTGRES else "SQLite database"
    assert f"is not a {kind}" in result.output and "Traceback" not in result.output
    assert tables(target) == []


def test_a_missing_file_is_refused_clearly(target, tmp_path):
    result = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "nowhere.bak")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_a_database_that_is_not_from_rapport_is_refused(new_database, target, tmp_path):
    """A sound backup of some other database (no alembic_version) is not restored."""
    from .conftest import _app

    other = _app(new_database("other"))
    with other.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("CREATE TABLE things (id INTEGER PRIMARY KEY)"))
        db.engine.dispose()
    path = _backup(other, tmp_path / "other.bak")
    result = target.test_cli_runner().invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code == 1 and "not from Rapport" in result.output
    assert tables(target) == []


@pytest.mark.parametrize("keep", [0.5, 0.98], ids=["half", "all but the end"])
def test_a_damaged_backup_restores_nothing(target, backup_file, keep):
    """Cut off (a full disk, a broken copy): refused, or rolled back entirely."""
    whole = backup_file.read_bytes()
    backup_file.write_bytes(whole[: int(len(whole) * keep)])
    result = target.test_cli_runner().invoke(args=["restore", str(backup_file), "--yes"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert tables(target) == []


@pytest.mark.parametrize(
    ("revision", "says"),
    [
        ("9b45a786acf8", "run `flask --app app db upgrade` before starting the app"),
        ("ffffffffffff", "the backup comes from a newer version"),
    ],
    ids=["older", "newer"],
)
def test_restore_says_what_the_schema_revision_means(source, target, tmp_path, revision, says):
    with source.app_context():
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        db.engine.dispose()
    path = _backup(source, tmp_path / "old.bak")
    result = target.test_cli_runner().invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert f"schema revision: {revision}" in result.output and says in result.output
    with target.app_context():
        assert db.session.scalar(text("SELECT version_num FROM alembic_version")) == revision
        assert db.session.scalar(select(func.count(User.id))) == 0
        db.session.remove()
        db.engine.dispose()


def test_backup_and_restore_are_listed_in_the_help(target):
    listing = target.test_cli_runner().invoke(args=["--help"]).output
    assert "  backup " in listing and "  restore " in listing
