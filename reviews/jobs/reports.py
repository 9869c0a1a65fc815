"""Report work done in the background: PDF cycle reports, and re-drawing the dashboard's
charts after a write so the next viewer finds them ready.

Drawing is what makes a worker big (pandas and matplotlib, a figure's canvas and artists), so
a worker process runs one drawing job at a time — its two threads would otherwise add up two
drawing peaks — and frees each job's figures when it ends."""

import gc
import threading
from contextlib import contextmanager

from huey import crontab

from extensions import db, huey

from . import job, periodic_job

_DRAWING = threading.RLock()  # re-entrant: a job run at once (immediate mode) may start another
_settled = threading.Event()


@contextmanager
def drawing():
    """Run a drawing job alone in this process. The first time, load pandas and matplotlib
    and set what is alive then apart from the garbage collector (``gc.freeze``): the
    modules' hundreds of thousands of objects stay for good, and each later collection —
    one after every picture and every job, as figures are reference cycles — skips them
    (≈ 100 ms → a few ms). At the end the job's figures are freed."""
    with _DRAWING:
        if not _settled.is_set():
            import reports.service  # noqa: F401  (pandas, matplotlib)

            gc.collect()
            gc.freeze()
            _settled.set()
        try:
            yield
        finally:
            gc.collect()


@periodic_job(crontab(minute="*/2"))
def requeue_stalled_exports() -> int:
    """Queue again the reports whose job was lost (queue down when they were asked for),
    and mark failed those whose worker died while building them."""
    from reports import exports

    queued = exports.stalled(db.session)
    db.session.commit()
    for export_id in queued:
        build_report_export(export_id)
    return len(queued)


@job(retries=0)
def build_report_export(export_id: int) -> None:
    """Build one PDF cycle report (its progress and outcome are kept on the export)."""
    from reports import exports

    with drawing():
        exports.build(db.session, export_id)


WARM_PENDING = "rapport-warm-pending"


def warm_soon() -> None:
    """Queue one re-drawing of the dashboard a moment from now, unless one is waiting
    already (a burst of writes makes one job, not hundreds)."""
    if huey.storage.put_if_empty(WARM_PENDING, b"1"):
        warm_dashboard.schedule(delay=2)


@job(retries=1, retry_delay=10)
def warm_dashboard() -> int:
    """Draw the leadership dashboard's changed charts before anyone asks."""
    from reports.web import warm

    huey.storage.pop_data(WARM_PENDING)
    with drawing():
        return warm.warm(db.session)
