"""d1e5a7c3b9f2 back-fills when each already deactivated person left: the latest
user_deactivated audit event, or the day of the migration."""

from datetime import datetime

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from extensions import db
from tests.test_migrations import empty_database_url  # noqa: F401  (fixture)

USER = (
    "INSERT INTO users (id, email, name, job_title, locale, active, session_token, created_at) "
    "VALUES (:id, :email, :name, '', 'en', :active, :token, '2024-01-01')"
)
EVENT = (
    "INSERT INTO audit_events (action, object_type, object_id, created_at) "
    "VALUES ('user_deactivated', 'users', :id, :when)"
)


def test_deactivation_days_are_back_filled(empty_database_url):  # noqa: F811
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="40311eb4009e")
        with db.engine.begin() as conn:
            for id_, active in ((1, True), (2, False), (3, False)):
                conn.execute(text(USER), {"id": id_, "email": f"p{id_}@x.ee", "name": f"P{id_}",
                                          "active": active, "token": f"t{id_}"})  # fmt: skip
            conn.execute(text(EVENT), {"id": 2, "when": datetime(2024, 3, 1)})
            conn.execute(text(EVENT), {"id": 2, "when": datetime(2024, 5, 1)})
        upgrade(revision="d1e5a7c3b9f2")
        with db.engine.connect() as conn:
            rows = dict(conn.execute(text("SELECT id, deactivated_at FROM users")).all())
        assert rows[1] is None
        assert str(rows[2]).startswith("2024-05-01")
        assert str(rows[3])[:4] >= "2026"
        downgrade(revision="40311eb4009e")
        db.session.remove()
        db.engine.dispose()
