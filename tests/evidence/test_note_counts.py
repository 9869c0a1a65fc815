"""The chart of strengths and improvement areas counts the manager's notes: the employee's
own entries, tagged with other competencies, change none of its numbers."""

from sqlalchemy import select

from extensions import db
from reports import summary
from reviews.models import NoteCount
from reviews.models.summary import ORGANISATION
from reviews.services.reviews import flow as review_flow
from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form, self_form


def post(client, url, data):
    return client.post(url, data=dict(data, csrf_token=csrf_token(client, url)))


def test_self_entries_do_not_count_as_notes(org, login_as):
    review, competencies = org.review, org.cycle.competencies
    post(
        login_as(org.mari),
        f"/reviews/{review.id}/self",
        self_form(
            review,
            **{
                "strengths-0-competencies": [str(competencies[0].id), str(competencies[1].id)],
                "improvements-0-competencies": str(competencies[7].id),
            },
        ),
    )
    post(login_as(org.kadri), f"/reviews/{review.id}/assess", manager_form(review))
    review_flow.share(review, org.kadri)
    db.session.commit()
    summary.rebuild(db.session)
    db.session.commit()
    rows = db.session.execute(
        select(NoteCount.team_id, NoteCount.kind, NoteCount.competency_id, NoteCount.reviews)
    ).all()
    # By hand: Kadri's strength names competency 4, her improvement competency 2 (tests.
    # reviews.conftest.manager_form), for one review of the Service Desk and of everyone.
    strength, improvement = competencies[4].competency_id, competencies[2].competency_id
    assert sorted(rows) == sorted(
        (team, kind, competency, 1)
        for team in (org.desk.id, ORGANISATION)
        for kind, competency in (("strength", strength), ("improvement", improvement))
    )
