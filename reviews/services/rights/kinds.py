"""The kinds of record that hold a person, with what an erasure does to each: kept (and
pseudonymised through the person's row and ``scrub``) or removed, in either mode. Listed in
the order they are removed (an idea's link to a review goes before the review)."""

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update
from sqlalchemy.sql import ColumnElement

from extensions import db
from reviews.models import (
    ActionItem,
    AuditEvent,
    ChartCache,
    Idea,
    IdeaComment,
    IdeaEvent,
    IdeaSupport,
    Notification,
    OutboundEmail,
    ProcedureRequest,
    Rating,
    Recognition,
    RecognitionSetting,
    ReportExport,
    ReportingLine,
    Review,
    ReviewNote,
    RoleAssignment,
    TrainingRecord,
    User,
)

KEPT, REMOVED = "kept", "removed"
ALWAYS, NEVER, IF_REMOVING = "always", "never", "if removing"


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    model: type
    where: Callable[[User], ColumnElement[bool]]
    removed: str = NEVER  # ALWAYS, NEVER or IF_REMOVING
    remover: Callable[[User], None] | None = None  # None: delete each row through the ORM

    @property
    def table(self) -> str:
        return self.model.__table__.name

    def fate(self, removing: bool) -> str:
        gone = self.removed == ALWAYS or (self.removed == IF_REMOVING and removing)
        return REMOVED if gone else KEPT

    def remove(self, person: User) -> None:
        if self.remover is not None:
            self.remover(person)
            return
        for row in db.session.scalars(select(self.model).where(self.where(person))):
            db.session.delete(row)
        db.session.flush()


def _own_reviews(person: User):
    return select(Review.id).where(Review.employee_id == person.id)


def _review_cycles(person: User):
    return select(Review.cycle_id).where(
        or_(Review.employee_id == person.id, Review.manager_id == person.id)
    )


def _drop_roles(person: User) -> None:
    person.set_roles([])


def _withdraw_support(person: User) -> None:
    """Their support goes, and each idea's count with it."""
    for support in db.session.scalars(select(IdeaSupport).where(IdeaSupport.user_id == person.id)):
        support.idea.support_count = max(support.idea.support_count - 1, 0)
        db.session.delete(support)
    db.session.flush()


def _delete_reviews(person: User) -> None:
    """Their reviews with ratings, notes and action items (cascade); an idea suggested from
    one stays, without the link."""
    db.session.execute(
        update(Idea).where(Idea.review_id.in_(_own_reviews(person))).values(review_id=None)
    )
    for review in db.session.scalars(select(Review).where(Review.employee_id == person.id)):
        db.session.delete(review)
    db.session.flush()


def _by_cascade(_person: User) -> None:
    """Removed with their review."""


# Every kind of record about a person, in removal order.
KINDS: tuple[Kind, ...] = (
    Kind(
        "profile",
        _l("Profile (name, e-mail, job title, password)"),
        User,
        lambda p: User.id == p.id,
    ),
    Kind(
        "roles",
        _l("Roles"),
        RoleAssignment,
        lambda p: RoleAssignment.user_id == p.id,
        ALWAYS,
        _drop_roles,
    ),
    Kind(
        "reporting_lines",
        _l("Reporting lines"),
        ReportingLine,
        lambda p: or_(ReportingLine.employee_id == p.id, ReportingLine.manager_id == p.id),
    ),
    Kind(
        "notifications",
        _l("Their notifications"),
        Notification,
        lambda p: Notification.user_id == p.id,
        ALWAYS,
    ),
    Kind(
        "emails",
        _l("E-mails to them"),
        OutboundEmail,
        lambda p: func.lower(OutboundEmail.recipient) == p.email.lower(),
        ALWAYS,
    ),
    Kind(
        "recognition_settings",
        _l("Recognition feed setting"),
        RecognitionSetting,
        lambda p: RecognitionSetting.user_id == p.id,
        ALWAYS,
    ),
    Kind(
        "report_exports",
        _l("Report PDFs of their cycles (made again on request)"),
        ReportExport,
        lambda p: or_(ReportExport.user_id == p.id, ReportExport.cycle_id.in_(_review_cycles(p))),
        ALWAYS,
    ),
    Kind(
        "chart_cache",
        _l("Cached charts (drawn again on request)"),
        ChartCache,
        lambda p: ChartCache.key.is_not(None),
        ALWAYS,
    ),
    Kind(
        "training",
        _l("Training records"),
        TrainingRecord,
        lambda p: TrainingRecord.person_id == p.id,
        IF_REMOVING,
    ),
    Kind(
        "recognitions",
        _l("Recognitions given and received"),
        Recognition,
        lambda p: or_(Recognition.giver_id == p.id, Recognition.recipient_id == p.id),
        IF_REMOVING,
    ),
    Kind(
        "idea_comments",
        _l("Idea comments"),
        IdeaComment,
        lambda p: IdeaComment.author_id == p.id,
        IF_REMOVING,
    ),
    Kind(
        "idea_supports",
        _l("Ideas supported"),
        IdeaSupport,
        lambda p: IdeaSupport.user_id == p.id,
        IF_REMOVING,
        _withdraw_support,
    ),
    Kind(
        "ideas",
        _l("Ideas put forward by name"),
        Idea,
        lambda p: (Idea.author_id == p.id) & Idea.anonymous.is_(False),
    ),
    Kind(
        "idea_events",
        _l("Idea status changes they made"),
        IdeaEvent,
        lambda p: IdeaEvent.actor_id == p.id,
    ),
    Kind(
        "reviews",
        _l("Their reviews"),
        Review,
        lambda p: Review.employee_id == p.id,
        IF_REMOVING,
        _delete_reviews,
    ),
    Kind(
        "ratings",
        _l("Ratings in their reviews"),
        Rating,
        lambda p: Rating.review_id.in_(_own_reviews(p)),
        IF_REMOVING,
        _by_cascade,
    ),
    Kind(
        "review_notes",
        _l("Strengths and improvement areas in their reviews"),
        ReviewNote,
        lambda p: ReviewNote.review_id.in_(_own_reviews(p)),
        IF_REMOVING,
        _by_cascade,
    ),
    Kind(
        "action_items",
        _l("Action items in their reviews"),
        ActionItem,
        lambda p: ActionItem.review_id.in_(_own_reviews(p)),
        IF_REMOVING,
        _by_cascade,
    ),
    Kind(
        "reviews_written",
        _l("Reviews they wrote as a manager (the employees' records)"),
        Review,
        lambda p: Review.manager_id == p.id,
    ),
    Kind(
        "procedure_requests",
        _l("Procedure confirmations"),
        ProcedureRequest,
        lambda p: ProcedureRequest.user_id == p.id,
    ),
    Kind(
        "audit",
        _l("Audit entries by or about them"),
        AuditEvent,
        lambda p: or_(
            AuditEvent.actor_id == p.id,
            (AuditEvent.object_type == "users") & (AuditEvent.object_id == p.id),
        ),
    ),
)


# The tables whose text ``scrub`` may rewrite, named for the dry run (others by table name).
TABLE_LABELS = {
    "audit_events": _l("Audit entries (before/after values)"),
    "notifications": _l("Other people's notifications"),
    "outbound_emails": _l("E-mails to other people"),
    "reviews": _l("Review texts"),
    "review_notes": _l("Strengths and improvement areas"),
    "ratings": _l("Rating comments"),
    "action_items": _l("Action items"),
    "ideas": _l("Ideas"),
    "idea_comments": _l("Idea comments"),
    "idea_events": _l("Idea responses"),
    "recognitions": _l("Recognition messages"),
    "training_records": _l("Training records"),
    "procedures": _l("Procedures"),
    "procedure_versions": _l("Procedure versions"),
    "teams": _l("Teams"),
}
