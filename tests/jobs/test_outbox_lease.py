"""The outbox's bookkeeping, with the real queue but no consumer (nothing is delivered
behind the test's back): a job that takes a mail holds it for the
lease, so a second job (a retry, a requeue) does not send it again meanwhile; a mail already
sent or failed is never taken; the admin's mail page counts zero for a status with no mail
(issue 9: mutants of ``services.notifications.outbox``)."""

import re
from datetime import timedelta

from extensions import db
from reviews.models import OutboundEmail
from reviews.services.notifications import outbox
from tests import factories


def mail(status: str = "pending") -> OutboundEmail:
    m = outbox.queue("mari@example.com", "Subject", "Body")
    m.status = status
    db.session.commit()
    return m


def test_a_mail_taken_by_one_job_is_not_taken_by_another_during_the_lease(app, queue):
    m = mail()
    assert [x.id for x in outbox.claim([m.id], "job-1")] == [m.id]
    db.session.commit()
    assert outbox.claim([m.id], "job-2") == []
    db.session.expire_all()
    assert db.session.get(OutboundEmail, m.id).claimed_by == "job-1"
    assert m.id not in outbox.stale_ids(older_than=timedelta(0))  # not lost: held


def test_a_mail_already_sent_or_failed_is_never_taken_again(app, queue):
    sent, failed = mail("sent"), mail("failed")
    assert outbox.claim([sent.id, failed.id], "job-1") == []
    db.session.expire_all()
    assert db.session.get(OutboundEmail, sent.id).claimed_by is None


def test_the_mail_page_counts_each_status_zero_when_it_has_none(app, queue, login_as):
    mail("failed")
    mail("failed")
    mail("pending")
    assert outbox.status_counts() == {"pending": 1, "sent": 0, "failed": 2}
    page = login_as(factories.user("admin")).get("/admin/mail").get_data(as_text=True)
    pairs = re.findall(
        r'<span class="stat-value">([^<]*)</span><span class="stat-label">([^<]*)</span>', page
    )
    assert dict((label, value) for value, label in pairs) == {
        "failed": "2",
        "waiting to be sent": "1",
        "sent": "0",
    }
