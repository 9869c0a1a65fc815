"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL,
and can be rolled back."""

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from app import create_app
from extensions import db


@pytest.fixture
def empty_database_url(tmp_path):
    """A brand-new empty database of the kind the suite runs on."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path}/migrations.sqlite3"
        return
    name = f"rapport_mig_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrations_match_the_models_and_roll_back(empty_database_url):
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.session.remove()
        db.engine.dispose()


def test_content_languages_keep_existing_text_as_the_default(empty_database_url):
    """34a193da42ab adds the et and sl columns empty: a competency and a scale level written
    before it keep their text as the default language's, and going back keeps it too."""
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="8a4d6e1f5b07")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO competencies (name, description, behaviour_examples, weight, "
                    "position, created_at) VALUES ('Empathy', 'Feels with', '', 1, 0, "
                    "'2026-01-01')"
                )
            )
            conn.execute(text("INSERT INTO scale_levels VALUES (1, 'Low', '')"))
        upgrade(revision="34a193da42ab")
        with db.engine.connect() as conn:
            row = conn.execute(
                text("SELECT name, name_et, name_sl, description, description_et FROM competencies")
            ).one()
            level = conn.execute(text("SELECT label, label_et, label_sl FROM scale_levels")).one()
        assert tuple(row) == ("Empathy", None, None, "Feels with", None)
        assert tuple(level) == ("Low", None, None)
        downgrade(revision="8a4d6e1f5b07")
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM competencies")).scalar() == "Empathy"
            columns = {c["name"] for c in inspect(conn).get_columns("competencies")}
        assert "name_et" not in columns
        db.session.remove()
        db.engine.dispose()
