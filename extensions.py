"""Flask extensions, created unbound here and bound to the app in ``app.create_app``."""

from flask_babel import Babel
from flask_limiter import Limiter
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
