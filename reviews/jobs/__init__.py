"""Background jobs on the Huey queue: e-mail delivery and the fan-out of a cycle's
notifications.

The queue (``extensions.huey``) gets its storage when the app is created: Redis when
``REDIS_URL`` is set (consumers on any number of hosts), else a SQLite file next to the
database. Every job runs in an app context of the app its worker was started with and
commits its own work. Services never talk to the queue: they ask for work with
``outbox.later`` and it is queued here once their transaction has committed."""

import functools
import logging
from pathlib import Path

from flask import Flask, current_app, has_app_context
from huey.storage import RedisStorage, SqliteStorage
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from extensions import huey
from reviews.services.notifications import outbox

log = logging.getLogger(__name__)
_bound: dict[str, Flask] = {}


class LazySqliteStorage(SqliteStorage):
    """Huey's SQLite storage, creating its folder, file and tables on first use rather than
    when the app is created (the factory does no I/O)."""

    def __init__(self, name: str, filename: str, **kwargs):
        super().__init__(name, filename=filename, create_tables=False, **kwargs)

    def _create_connection(self):
        Path(self.filename).parent.mkdir(parents=True, exist_ok=True)
        conn = super()._create_connection()
        for statement in self.ddl:
            conn.execute(statement)
        return conn


def init_app(app: Flask) -> None:
    """Give the queue the storage ``app``'s config asks for and run jobs in ``app``."""
    configure_queue(app)
    bind(app)


def register() -> None:
    """Queue committed work after every session's commit (once, however often it is called);
    ``create_app`` calls it."""
    if not event.contains(Session, "after_commit", _queue_committed_work):
        event.listen(Session, "after_commit", _queue_committed_work)


def configure_queue(app: Flask) -> None:
    cfg = app.config
    if cfg.get("REDIS_URL"):
        huey.storage_class, huey.storage_kwargs = RedisStorage, {"url": cfg["REDIS_URL"]}
    else:
        huey.storage_class = LazySqliteStorage
        huey.storage_kwargs = {"filename": jobs_database(app)}
    immediate = bool(cfg.get("JOBS_IMMEDIATE"))
    huey.immediate = immediate
    if not immediate:
        huey.storage = huey.create_storage()


def jobs_database(app: Flask) -> str:
    """``JOBS_DATABASE``, else jobs.sqlite3 beside a SQLite database file, else in the
    instance folder."""
    if app.config.get("JOBS_DATABASE"):
        return app.config["JOBS_DATABASE"]
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return str(Path(url.database).resolve().parent / "jobs.sqlite3")
    return str(Path(app.instance_path) / "jobs.sqlite3")


def bind(app: Flask) -> None:
    """Run jobs that start outside an app context (in a worker) in ``app``."""
    _bound["app"] = app


def _in_app(function):
    """Run ``function`` in a fresh app context (its own database session): the current app
    when run at once (immediate mode), else the app the worker was started with."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        app = current_app._get_current_object() if has_app_context() else _bound["app"]
        with app.app_context():
            return function(*args, **kwargs)

    return run


def job(**options):
    """A Huey task (``options`` as for ``huey.task``) run in an app context."""
    return lambda function: huey.task(**options)(_in_app(function))


def periodic_job(schedule, **options):
    """A periodic Huey task run in an app context (by a worker's scheduler)."""
    return lambda function: huey.periodic_task(schedule, **options)(_in_app(function))


def _queue_committed_work(session: Session) -> None:
    """after_commit: queue the jobs the committed transaction asked for. When the queue is
    down, the e-mails stay pending in the outbox and are queued again later."""
    work = outbox.take_later(session)
    if not work:
        return
    mail_ids = [i for name, args in work if name == outbox.DELIVER for i in args[0]]
    calls = [(mail.deliver_in_batches, (mail_ids,))] if mail_ids else []
    calls += [(DEFERRED[name], args) for name, args in work if name != outbox.DELIVER]
    for call, args in calls:  # each on its own: one failure must not drop the others
        try:
            call(*args)
        except Exception:  # the change is committed; the user's request must not fail now
            log.exception("could not queue %s", getattr(call, "__name__", call))


def queue_status() -> dict[str, int]:
    return {"queued": huey.pending_count(), "scheduled": huey.scheduled_count()}


from . import actions, cycles, ideas, mail, notifications, people, procedures, reports  # noqa: E402, F401  (tasks register on huey)

DEFERRED = {
    "notify_opened_reviews": cycles.notify_opened_reviews,
    "build_report_export": reports.build_report_export,
    "warm_dashboard": reports.warm_soon,
    "notify_procedure_requests": procedures.notify_procedure_requests,
    "run_people_import": people.run_people_import,
    "send_reset_link": people.send_reset_link,
}
