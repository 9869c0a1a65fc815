"""Large files are checked and applied by a job (run at once in the tests), whose progress
the page shows; a job that died does not leave its import running for ever."""

from datetime import timedelta

import pytest

from extensions import db
from reviews.models import utcnow
from reviews.services.notifications import outbox
from reviews.services.people import importing
from tests.admin import builders

from .conftest import counts, csv_text, last_import, person


@pytest.fixture
def small_threshold(app):
    app.config["PEOPLE_IMPORT_JOB_ROWS"] = 2
    yield
    app.config["PEOPLE_IMPORT_JOB_ROWS"] = 500


def test_a_large_file_is_checked_and_applied_by_the_job(
    admin, teams, upload, apply, small_threshold, monkeypatch
):
    asked = []
    real_later = outbox.later
    monkeypatch.setattr(
        outbox, "later", lambda job, *args, **kw: (asked.append(job), real_later(job, *args, **kw))
    )
    seen = []
    real_process = importing.process

    def watched(session, import_id):
        real_process(session, import_id)
        seen.append(last_import().progress)

    monkeypatch.setattr(importing, "process", watched)
    rows = [f"Person {i},p{i}@example.com,Service Desk,,staff,en" for i in range(600)]
    page = upload(csv_text(*rows))
    assert asked == [importing.JOB]  # the preview ran as a job
    assert "Preview: 600 to create" in builders.text(page)
    assert last_import().progress == 100 and last_import().status == "done"
    page = apply()
    assert asked == [importing.JOB, importing.JOB]  # and so did the import
    assert "600 created" in builders.text(page)
    assert person("p599@example.com") is not None
    assert seen == [100, 100]
    assert counts()["users"] == 601


def test_progress_is_told_on_the_way(admin, teams, small_threshold, monkeypatch):
    item = importing.start(
        admin,
        "big.csv",
        csv_text(*[f"P{i},p{i}@example.com,,,staff,en" for i in range(600)]).encode(),
    )
    db.session.commit()  # immediate mode: the job ran at once, committing its progress
    assert last_import().status == "done"
    told = []
    real = importing.import_check.check

    def spy(rows, actor_email, progress=None):
        def progress_and_look(done, total):
            progress(done, total)
            told.append(last_import().progress)

        return real(rows, actor_email, progress_and_look)

    monkeypatch.setattr(importing.import_check, "check", spy)
    item = last_import()
    importing.ask_apply(admin, item)
    db.session.commit()
    assert told and told == sorted(told) and 1 <= told[0] < 90
    assert last_import().progress == 100


def test_the_page_refreshes_while_the_job_runs_and_shows_progress(admin, client):
    item = importing.start(admin, "big.csv", csv_text("A,a@example.com,,,staff,en").encode())
    item.status, item.progress = "running", 40
    db.session.commit()
    body = client.get(f"/admin/people/imports/{item.id}").get_data(as_text=True)
    assert "data-refresh-seconds" in body and "js/refresh.js" in body
    assert 'value="40"' in body


def test_an_import_whose_worker_died_is_marked_failed_and_a_lost_one_requeued(admin):
    from reviews.jobs import people as people_jobs

    stuck = importing.start(admin, "a.csv", csv_text("A,a@example.com,,,staff,en").encode())
    lost = importing.start(admin, "b.csv", csv_text("B,b@example.com,,,staff,en").encode())
    stuck.status, stuck.queued_at = "running", utcnow() - timedelta(hours=1)
    lost.queued_at = utcnow() - timedelta(minutes=10)
    db.session.commit()
    assert people_jobs.requeue_stalled_imports.call_local() == 1
    db.session.expire_all()
    assert stuck.status == "failed" and stuck.error == "The job running it stopped."
    assert lost.status == "done" and lost.result["counts"]["created"] == 1


def test_an_upload_is_forgotten_after_thirty_days(admin):
    """The file holds names and addresses: a finished import goes after 30 days (the audit
    log keeps who imported what); a recent one, or one a job is on, stays."""
    from reviews.jobs import people as people_jobs
    from reviews.models import PeopleImport

    old = importing.start(admin, "old.csv", csv_text("A,a@example.com,,,staff,en").encode())
    busy = importing.start(admin, "busy.csv", csv_text("B,b@example.com,,,staff,en").encode())
    importing.start(admin, "new.csv", csv_text("C,c@example.com,,,staff,en").encode())
    db.session.commit()
    month_ago = utcnow() - timedelta(days=31)
    old.created_at = busy.created_at = month_ago
    old.status = "done"
    busy.status, busy.queued_at = "running", utcnow()
    db.session.commit()
    people_jobs.requeue_stalled_imports.call_local()
    names = set(db.session.scalars(db.select(PeopleImport.filename)))
    assert names == {"busy.csv", "new.csv"}
