"""Flask extensions, created unbound here and bound to the app in ``app.create_app``."""

import logging

import flask_limiter
from flask import Flask, request
from flask_babel import Babel
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from huey import Huey
from huey.storage import BlackHoleStorage
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names so migrations can refer to (and drop) them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UnboundQueueStorage(BlackHoleStorage):
    """The job queue's storage until an app binds it: enqueuing then is a bug, said loudly."""

    def enqueue(self, data, priority=None):
        raise RuntimeError("The job queue has no storage yet: create the app first.")


class Limiter(flask_limiter.Limiter):
    """Flask-Limiter, saying loudly when its counts live in one process's memory: with more
    than one worker each would count alone, so every limit would be multiplied."""

    def init_app(self, app: Flask) -> None:
        super().init_app(app)
        uri = app.config.get("RATELIMIT_STORAGE_URI", "memory://")
        if uri.startswith("memory://") and not app.testing:
            logging.getLogger("rapport.limits").warning(
                "Rate limits are counted in this process's memory: with several processes "
                "(gunicorn workers, servers) each counts alone. Set REDIS_URL or "
                "RATELIMIT_STORAGE_URI to share them."
            )


def posted_account() -> str:
    """The sign-in limit's key per account: the posted e-mail as the sign-in looks it up
    (trimmed, lower case), so one account's attempts count together from any address."""
    return "account:" + (request.form.get("email") or "").strip().lower()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
# render_as_batch lets SQLite apply ALTERs by rebuilding the table.
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
# The job queue; its storage (SQLite file or Redis) is chosen from config by
# reviews.jobs.init_app when the app is created. No task results are kept.
huey = Huey("rapport", results=False, storage_class=UnboundQueueStorage)
