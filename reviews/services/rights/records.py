"""What Rapport holds about one person, as plain rows (lists of dicts) for the export.

Their reviews are given as they could see them as the employee (``reviews.access``: their
own self-assessment always; the manager's assessment, the manager's ratings, the meeting's
suggestions and the action items once the review was shared with them; the manager's
private note never). Ideas are those they put forward by name: an anonymous idea stores no
author, so it cannot be found and is not in the export."""

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from extensions import db
from reviews.models import Idea, IdeaComment, IdeaSupport, ReportingLine, Review, User
from reviews.models.reviews import review_page_loads

Rows = list[dict]


def profile(person: User) -> Rows:
    return [
        {
            "id": person.id,
            "name": person.name,
            "email": person.email,
            "job_title": person.job_title,
            "language": person.locale,
            "team": person.team.name if person.team else "",
            "active": person.active,
            "roles": ", ".join(sorted(person.roles)),
            "created_at": person.created_at,
            "deactivated_at": person.deactivated_at,
        }
    ]


def reporting_lines(person: User) -> Rows:
    query = (
        select(ReportingLine)
        .where(or_(ReportingLine.employee_id == person.id, ReportingLine.manager_id == person.id))
        .options(joinedload(ReportingLine.manager), joinedload(ReportingLine.employee))
        .order_by(ReportingLine.starts_on, ReportingLine.id)
    )
    return [
        {
            "their_role": "employee" if line.employee_id == person.id else "manager",
            "manager": line.manager.name,
            "employee": line.employee.name,
            "starts_on": line.starts_on,
            "ends_on": line.ends_on,
        }
        for line in db.session.scalars(query)
    ]


def own_reviews(person: User) -> list[Review]:
    query = (
        select(Review)
        .where(Review.employee_id == person.id)
        .options(*review_page_loads())
        .order_by(Review.id)
    )
    return list(db.session.scalars(query))


def shared_with_them(review: Review) -> bool:
    """The employee's view of the manager's part (``access.sees_manager_part``): once shared."""
    return review.shared_at is not None


def reviews(found: list[Review]) -> Rows:
    rows = []
    for review in found:
        shared = shared_with_them(review)
        rows.append(
            {
                "review_id": review.id,
                "cycle": review.cycle.name,
                "manager": review.manager.name,
                "team": review.team.name if review.team else "",
                "self_strengths": review.self_strengths,
                "self_improvements": review.self_improvements,
                "self_suggestions": review.self_suggestions,
                "self_submitted_at": review.self_submitted_at,
                "manager_summary": review.manager_summary if shared else "",
                "meeting_suggestions": review.meeting_suggestions if shared else "",
                "shared_at": review.shared_at,
                "employee_comment": review.employee_comment,
                "employee_disagrees": review.employee_disagrees,
                "acknowledged_at": review.acknowledged_at,
            }
        )
    return rows


def ratings(found: list[Review]) -> Rows:
    return [
        {
            "review_id": review.id,
            "cycle": review.cycle.name,
            "competency": rating.competency.name,
            "by": rating.source,
            "value": rating.value,
            "not_applicable": rating.not_applicable,
            "comment": rating.comment,
        }
        for review in found
        for rating in sorted(review.ratings, key=lambda r: (r.source, r.competency.position))
        if rating.source == "self" or shared_with_them(review)
    ]


def notes(found: list[Review]) -> Rows:
    rows = []
    for review in found:
        written = list(review.self_notes) + (list(review.notes) if shared_with_them(review) else [])
        rows += [
            {
                "review_id": review.id,
                "cycle": review.cycle.name,
                "by": note.source,
                "kind": note.kind,
                "text": note.text,
                "competencies": ", ".join(c.name for c in note.competencies),
            }
            for note in written
        ]
    return rows


def action_items(found: list[Review]) -> Rows:
    return [
        {
            "review_id": review.id,
            "cycle": review.cycle.name,
            "description": item.description,
            "kind": item.kind,
            "owner": item.owner.name if item.owner else "",
            "due_on": item.due_on,
            "status": item.status,
            "done_at": item.done_at,
        }
        for review in found
        if shared_with_them(review)
        for item in review.action_items
    ]


def ideas(person: User) -> Rows:
    """Ideas put forward by name (never an anonymous one: it has no author)."""
    query = (
        select(Idea)
        .where(Idea.author_id == person.id, Idea.anonymous.is_(False))
        .options(joinedload(Idea.team))
        .order_by(Idea.id)
    )
    return [
        {
            "idea_id": idea.id,
            "title": idea.title,
            "description": idea.description,
            "category": idea.category,
            "team": idea.team.name,
            "status": idea.status,
            "created_at": idea.created_at,
        }
        for idea in db.session.scalars(query)
    ]


def idea_comments(person: User) -> Rows:
    query = (
        select(IdeaComment)
        .where(IdeaComment.author_id == person.id)
        .options(joinedload(IdeaComment.idea))
        .order_by(IdeaComment.id)
    )
    return [
        {"idea_id": c.idea_id, "idea": c.idea.title, "comment": c.body, "created_at": c.created_at}
        for c in db.session.scalars(query)
    ]


def idea_supports(person: User) -> Rows:
    query = select(IdeaSupport).where(IdeaSupport.user_id == person.id)
    query = query.options(joinedload(IdeaSupport.idea))
    return [
        {"idea_id": s.idea_id, "idea": s.idea.title, "supported_at": s.created_at}
        for s in db.session.scalars(query.order_by(IdeaSupport.idea_id))
    ]
