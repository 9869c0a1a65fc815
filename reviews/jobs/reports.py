"""Report work done in the background: PDF cycle reports, and re-drawing the dashboard's
charts after a write so the next viewer finds them ready."""

from extensions import db

from . import job


@job(retries=0)
def build_report_export(export_id: int) -> None:
    """Build one PDF cycle report (its progress and outcome are kept on the export)."""
    from reports import exports

    exports.build(db.session, export_id)
