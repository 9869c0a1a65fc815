"""PDF cycle reports built in the background: a person asks for the organisation's report
(leadership, admins) or one team's (also that team's managers); a job builds it, telling
its progress on the way, and keeps the file for the person who asked. Works without a
request: the job gives a session and commits what it reports."""

from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reviews.models import ReportExport, Team, User, utcnow
from reviews.services.notifications import outbox

from . import pack
from .build import Context
from .filters import report_cycles

BUILD_JOB = "build_report_export"


def request_export(
    session: Session, user: User, cycle_id: int, team_id: int | None, locale: str
) -> ReportExport:
    """Queue the building of a cycle report (once the caller commits). Whether ``user`` may
    have it is checked before (``reviews.access.can_download_cycle_report``)."""
    export = ReportExport(user_id=user.id, cycle_id=cycle_id, team_id=team_id, locale=locale)
    session.add(export)
    session.flush()
    outbox.later(BUILD_JOB, export.id)
    return export


def context(session: Session, team_id: int | None) -> Context:
    """The organisation's context, or one team's."""
    scope = {"kind": "org"}
    if team_id is not None:
        scope = {"kind": "teams", "names": [session.get(Team, team_id).name]}
    return Context(report_cycles(session), current_app.config["MIN_GROUP_SIZE"], scope)


def build(session: Session, export_id: int) -> None:
    """Build the PDF of an export, committing its progress as it goes; a failure is kept
    on the export (the page says so) rather than lost."""
    export = session.get(ReportExport, export_id)
    if export is None or export.status == "done":
        return
    export.status, export.progress = "running", 1
    session.commit()

    def progress(done: int, total: int) -> None:
        session.execute(
            ReportExport.__table__.update()
            .where(ReportExport.id == export_id)
            .values(progress=max(1, min(99, round(100 * done / total))))
        )
        session.commit()

    try:
        ctx = context(session, export.team_id)
        with force_locale(export.locale):
            content = pack.cycle_report(
                session, export.cycle_id, ctx, export.locale, export.team_id, progress
            )
            export.filename = file_name(ctx, export.cycle_id)
        export.content, export.status, export.progress = content, "done", 100
    except Exception as error:  # kept on the export for the page; the log has the trace
        session.rollback()
        export = session.get(ReportExport, export_id)
        export.status, export.error = "failed", str(error)[:500]
        current_app.logger.exception("report export %s failed", export_id)
    export.finished_at = utcnow()
    session.commit()


QUEUED_FOR = timedelta(minutes=2)  # a report still waiting after this lost its job
RUNNING_FOR = timedelta(minutes=30)  # a build this long has lost its worker


def stalled(session: Session) -> list[int]:
    """Reports whose job was lost: those still waiting are returned to be queued again;
    those "running" far longer than any build takes are marked failed (their page says
    so, and the person can ask again). The caller commits."""
    now = utcnow()
    waiting = select(ReportExport.id).where(
        ReportExport.status == "queued", ReportExport.created_at < now - QUEUED_FOR
    )
    session.execute(
        update(ReportExport)
        .where(ReportExport.status == "running", ReportExport.created_at < now - RUNNING_FOR)
        .values(status="failed", error="The job building it stopped.", finished_at=now)
    )
    return list(session.scalars(waiting))


def file_name(ctx: Context, cycle_id: int) -> str:
    from .filenames import slug, word

    who = "-".join(slug(n) for n in ctx.scope.get("names", [])) or word("organisation")
    when = slug(ctx.name(cycle_id)) or word("no-cycle")
    return f"rapport-{word('cycle-report')}-{when}-{who}.pdf"


def recent(session: Session, user: User, limit: int = 5) -> list[ReportExport]:
    """The person's latest exports, newest first (without their files)."""
    query = (
        select(ReportExport)
        .where(ReportExport.user_id == user.id)
        .order_by(ReportExport.created_at.desc(), ReportExport.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
