"""A departed person with at least one record of every kind, built through the services:
Mari Tamm of ``tests.organisation``'s help desk, reviewed by Kadri in a cycle running today,
with ideas (one anonymous), a comment, a support, recognitions both ways, training, a
confirmed procedure, notifications, e-mails and audit entries — then deactivated."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from extensions import db
from reviews.models import Review, utcnow
from reviews.models.activity import Topic
from reviews.services.ideas import contributions as ideas
from reviews.services.notifications import outbox, preferences
from reviews.services.people import accounts
from reviews.services.procedures import editing as procedures
from reviews.services.procedures import reading
from reviews.services.recognition import giving, moderation
from reviews.services.reviews import assessments as writing
from reviews.services.reviews import flow
from reviews.services.reviews.assessments import ActionInput, NoteInput, RatingInput
from reviews.services.training.records import TrainingInput, record_training
from tests.organisation import build_org, review_of

NAME, EMAIL = "Mari Tamm", "mari@example.com"
LATER_NAME = "Mari Kask"  # her name corrected by an admin just before she left
ANONYMOUS_TITLE = "Quieter corner for night shifts"


def _ratings(review: Review, value: int) -> list[RatingInput]:
    return [RatingInput(c.id, value, comment=f"Rated {value}") for c in review.cycle.competencies]


def _notes(review: Review, who: str) -> list[NoteInput]:
    first = review.cycle.competencies[0].id
    return [
        NoteInput("strength", f"{who}: calm with callers", [first]),
        NoteInput("improvement", f"{who}: =SUM(A1) documents fixes late", [first]),
    ]


def write_review(review: Review, *, share: bool) -> None:
    """The self-assessment, the manager's assessment (with a private note) and, if
    ``share``, the sharing and the employee's acknowledgement."""
    employee, manager = review.employee, review.manager
    writing.save_self_assessment(
        review, employee, version=review.version, ratings=_ratings(review, 4),
        notes=_notes(review, "Mari"), suggestions="More pairing", submit=True,
    )  # fmt: skip
    db.session.commit()
    writing.save_manager_assessment(
        review, manager, version=review.version, ratings=_ratings(review, 3),
        notes=_notes(review, "Kadri"), actions=[ActionInput("Course on ITIL", owner_id=employee.id)],
        summary=f"{employee.name} did well this term.", private_note="PRIVATE-NOTE-FOR-KADRI",
        submit=True,
    )  # fmt: skip
    db.session.commit()
    if share:
        flow.share(review, manager)
        db.session.commit()
        flow.acknowledge(review, employee, comment="Thank you, Kadri", disagrees=False)
        db.session.commit()


def add_activity(org) -> SimpleNamespace:
    """Ideas, a comment, a support, recognitions, training and a confirmed procedure."""
    mari, jaan = org.mari, org.jaan
    named = ideas.submit_idea(
        mari, title="Shared macros", description="Mari Tamm suggests macros (mari@example.com)",
        category="tools", team=None, anonymous=False,
    ).idea  # fmt: skip
    anonymous = ideas.submit_idea(
        mari, title=ANONYMOUS_TITLE, description="A room away from the phones",
        category="process", team=None, anonymous=True,
    ).idea  # fmt: skip
    other = ideas.submit_idea(
        jaan, title="Ask Mari Tamm about macros", description="Jaan's idea",
        category="tools", team=None, anonymous=False,
    ).idea  # fmt: skip
    db.session.commit()
    ideas.add_comment(other, mari, "Glad to help - Mari")
    ideas.support(other, mari)
    competency = org.cycle.competencies[0].competency_id
    giving.give(mari, jaan, [competency], "Jaan stayed late to fix the printer queue.")
    giving.give(jaan, mari, [competency], "Thanks Mari Tamm for covering my calls today!")
    record_training(
        org.kadri,
        mari,
        TrainingInput("Customer care", date.today(), 6, competency_ids=[competency]),
    )
    procedure = procedures.save_procedure(
        org.admin, None, title="Password resets", body="Check identity first.", owner=org.admin,
        teams=[],
    )  # fmt: skip
    procedures.publish(org.admin, procedure, change_note="", due_on=date.today() + timedelta(7))
    db.session.commit()
    reading.confirm(mari, procedure, procedure.current_number)
    chosen = {topic: "immediately" for topic in Topic} | {
        "recognition": "digest",
        "my_ideas": "off",
    }
    preferences.save(mari, chosen)
    moderation.set_team_feed(mari, True)
    outbox.queue(EMAIL, "Your review", f"Dear {NAME}, your review was shared.")
    outbox.queue("kadri@example.com", "Acknowledged", f"{NAME} <{EMAIL}> acknowledged it.")
    db.session.commit()
    return SimpleNamespace(named=named, anonymous=anonymous, other=other, procedure=procedure)


def rename(org, person, name: str) -> None:
    """An admin corrects the name: the audit trail keeps the old one."""
    accounts.update_user(
        org.admin, person, email=person.email, name=name, roles=person.roles, team=person.team,
        manager=org.kadri, job_title="Agent", locale="et", active=True,
    )  # fmt: skip
    db.session.commit()


def depart(org, person, months_ago: int = 30) -> None:
    """Deactivate through the service, then move the day back ``months_ago`` months."""
    accounts.deactivate(org.admin, person)
    person.deactivated_at = utcnow() - timedelta(days=31 * months_ago)
    db.session.commit()


@pytest.fixture
def org(app):
    return build_org(cycle="2026 Q4")


@pytest.fixture
def full(org):
    """Mari with a record of every kind, departed 30 months ago."""
    review = review_of(org.cycle, org.mari)
    write_review(review, share=True)
    write_review(review_of(org.cycle, org.jaan), share=True)
    extra = add_activity(org)
    rename(org, org.mari, LATER_NAME)
    depart(org, org.mari)
    return SimpleNamespace(org=org, person=org.mari, review=review, **vars(extra))
