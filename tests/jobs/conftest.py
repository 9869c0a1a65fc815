"""A real Huey consumer on the test app's queue (SQLite storage in a temporary file), a
helper that waits until the queue is drained, and a real SMTP sink.

The suite otherwise runs jobs at once in the caller (``JOBS_IMMEDIATE``); here the queue is
real, so a test sees what a request leaves behind before any worker has run."""

import time

import pytest
from huey.consumer import Consumer

from extensions import huey
from reviews import jobs
from tests.smtp_sink import SmtpSink


class ThreadConsumer(Consumer):
    """Huey's consumer, started from a test: no signal handlers (pytest owns them)."""

    def _set_signal_handlers(self):
        pass


class Queue:
    """The test app's job queue and, once started, a consumer working through it."""

    def __init__(self, app):
        self.app = app
        self.consumer = None

    def start(self, workers: int = 2) -> "Queue":
        jobs.bind(self.app)
        self.consumer = ThreadConsumer(
            huey, workers=workers, periodic=False, initial_delay=0.02, max_delay=0.1
        )
        self.consumer.start()
        return self

    def stop(self) -> None:
        if self.consumer is not None:
            self.consumer.stop(graceful=True)
            self.consumer = None

    def waiting(self) -> int:
        """Jobs queued, scheduled (a retry) or running."""
        return huey.pending_count() + huey.scheduled_count() + len(huey._tasks_in_flight)

    def drain(self, timeout: float = 30) -> None:
        """Wait until the consumer has run every job, retries included."""
        assert self.consumer is not None, "start the consumer first"
        deadline, idle = time.monotonic() + timeout, 0
        while idle < 3:
            assert time.monotonic() < deadline, f"queue not drained: {self.waiting()} jobs left"
            idle = idle + 1 if self.waiting() == 0 else 0
            time.sleep(0.05)


@pytest.fixture
def queue(app, tmp_path):
    """The real queue (a consumer is started with ``queue.start()``); mail is tried three
    times without waiting, so a failure is final within a second or two."""
    settings = {
        "JOBS_IMMEDIATE": False,
        "JOBS_DATABASE": str(tmp_path / "jobs.sqlite3"),
        "MAIL_RETRY_DELAY": 0,
        "MAIL_MAX_ATTEMPTS": 3,
    }
    with pytest.MonkeyPatch.context() as patch:  # undone before the queue is rebound below
        for key, value in settings.items():
            patch.setitem(app.config, key, value)
        jobs.init_app(app)
        q = Queue(app)
        try:
            yield q
        finally:
            q.stop()
            huey.storage.close()
    jobs.init_app(app)


@pytest.fixture
def smtp(app):
    """A local SMTP server the app mails to (its own patch: a test's ``monkeypatch.undo()``
    leaves it in place)."""
    sink = SmtpSink()
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
        patch.setitem(app.config, "MAIL_PORT", sink.port)
        try:
            yield sink
        finally:
            sink.stop()
