"""Configuration read from the environment, with safe defaults."""

import pytest

from app import create_app


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_uses_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db.internal/rapport")
    app = create_app("production")
    assert app.config["SECRET_KEY"] == "from-the-environment"
    # the psycopg 3 driver is chosen for a plain postgresql:// URL
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.internal/rapport"
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_development_generates_and_keeps_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    from config import DevelopmentConfig

    first = DevelopmentConfig(str(tmp_path))
    second = DevelopmentConfig(str(tmp_path))
    assert len(first.SECRET_KEY) == 64 and first.SECRET_KEY == second.SECRET_KEY
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert first.SQLALCHEMY_DATABASE_URI == f"sqlite:///{tmp_path}/rapport.sqlite3"


def test_sqlite_uses_wal_and_foreign_keys(tmp_path, monkeypatch):
    from sqlalchemy import text

    from extensions import db

    app = create_app(
        {"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"}
    )
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        db.session.remove()
        db.engine.dispose()
