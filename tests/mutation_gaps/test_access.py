"""Someone else's report export is a refusal in the audit trail, a missing one is not (the
fourth mutation run, issue 9: ``access.get_export_or_404`` 10 swapped the two; both answer
404, so only the trail of refusals that admins read tells them apart)."""

from sqlalchemy import select

from extensions import db
from reviews.models import AuditEvent, ReportExport


def refusals() -> list[tuple[int | None, str]]:
    query = select(AuditEvent).where(AuditEvent.action == "access_denied").order_by(AuditEvent.id)
    return [(e.actor_id, e.after["path"]) for e in db.session.scalars(query)]


def test_opening_someone_elses_export_is_recorded_a_missing_one_is_not(org_in_cycle, login_as):
    org = org_in_cycle
    export = ReportExport(user_id=org.kadri.id, cycle_id=org.cycle.id, locale="en")
    db.session.add(export)
    db.session.commit()
    client = login_as(org.olev)
    assert client.get(f"/reports/exports/{export.id}").status_code == 404
    assert client.get("/reports/exports/999999").status_code == 404
    assert refusals() == [(org.olev.id, f"/reports/exports/{export.id}")]
