"""The competency framework and rating scale: defaults, edits and retirement."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from extensions import db
from reviews.models import Competency, ScaleLevel, User, utcnow
from reviews.services import DomainError, audit, name_taken

# The help-desk practice Rapport grew from (see PRODUCT.md).
DEFAULT_COMPETENCIES = [
    (
        "Clear and concise communication",
        "Keeps messages short, accurate and easy to act on, at every level of the desk.",
        "Writes ticket updates a customer understands at first reading; "
        "summarises an incident for the team in three sentences.",
    ),
    (
        "Active listening and clarifying questions",
        "Listens to the whole problem and asks questions until it is understood.",
        "Repeats the problem back before acting; asks what changed before it broke.",
    ),
    (
        "Explaining in the customer's words",
        "Explains solutions without jargon, in terms the customer uses.",
        "Avoids acronyms; checks the customer can repeat the steps.",
    ),
    (
        "Knowledge of information and procedures",
        "Knows current information, policies and procedures and where to find them.",
        "Uses the knowledge base; follows the escalation procedure; reads release notes.",
    ),
    (
        "Problem solving and handling difficult situations",
        "Finds the cause of problems and stays calm and constructive under pressure.",
        "Calms an angry caller; isolates a fault methodically; knows when to escalate.",
    ),
    (
        "Teamwork and supporting colleagues",
        "Shares knowledge and helps colleagues when something is outside their experience.",
        "Answers a colleague's question in chat; documents a fix for others.",
    ),
    (
        "Respect and professionalism",
        "Treats customers and colleagues with respect and recognises their contributions.",
        "Stays courteous in conflict; credits colleagues' help.",
    ),
    (
        "Reliability and follow-through",
        "Does what was promised, on time, and closes the loop with the customer.",
        "Calls back when promised; keeps tickets up to date; meets SLAs.",
    ),
]

DEFAULT_SCALE = [
    (1, "Needs significant improvement"),
    (2, "Needs improvement"),
    (3, "Meets expectations"),
    (4, "Exceeds expectations"),
    (5, "Outstanding"),
]


def install_defaults() -> None:
    """Create the default framework and scale where none exist yet."""
    if db.session.scalar(select(func.count(Competency.id))) == 0:
        for position, (name, description, examples) in enumerate(DEFAULT_COMPETENCIES):
            db.session.add(
                Competency(
                    name=name,
                    description=description,
                    behaviour_examples=examples,
                    position=position,
                )
            )
    if db.session.scalar(select(func.count(ScaleLevel.value))) == 0:
        for value, label in DEFAULT_SCALE:
            db.session.add(ScaleLevel(value=value, label=label))
    db.session.flush()


def active_competencies() -> list[Competency]:
    query = (
        select(Competency)
        .where(Competency.retired_at.is_(None))
        .order_by(Competency.position, Competency.id)
    )
    return list(db.session.scalars(query))


def scale_levels() -> list[ScaleLevel]:
    return list(db.session.scalars(select(ScaleLevel).order_by(ScaleLevel.value)))


def _fields(c: Competency) -> dict:
    return {
        "name": c.name,
        "description": c.description,
        "behaviour_examples": c.behaviour_examples,
        "weight": c.weight,
        "position": c.position,
    }


def save_competency(actor: User | None, competency: Competency | None, **fields) -> Competency:
    """Create a competency (``competency`` None) or edit one, as ``actor``."""
    name = fields["name"].strip()
    if name_taken(Competency, name, competency.id if competency is not None else None):
        raise DomainError({"name": _l("A competency with this name already exists.")})
    creating = competency is None
    competency = competency or Competency()
    before = {} if creating else _fields(competency)
    for key, value in fields.items():
        setattr(competency, key, value.strip() if isinstance(value, str) else value)
    db.session.add(competency)
    db.session.flush()
    old, new = audit.changes(before, _fields(competency))
    action = "competency_created" if creating else "competency_updated"
    audit.record(action, competency, old, new, actor=actor)
    return competency


def set_retired(actor: User | None, competency: Competency, retired: bool) -> None:
    """Retiring keeps every past rating: cycles rate against their own snapshot."""
    if retired and competency.retired_at is None:
        competency.retired_at = utcnow()
        audit.record("competency_retired", competency, actor=actor)
    elif not retired and competency.retired_at is not None:
        competency.retired_at = None
        audit.record("competency_restored", competency, actor=actor)


def save_scale(actor: User | None, levels: list[tuple[int, str, str]]) -> None:
    """Replace the scale with ``levels`` (value, label, description). Values must run from 1
    without gaps; past cycles keep their own snapshot of the scale."""
    values = [v for v, _, _ in levels]
    if len(levels) < 2:
        raise DomainError({"": _l("A scale needs at least two levels.")})
    if values != list(range(1, len(levels) + 1)):
        raise DomainError({"": _l("Levels must be numbered 1, 2, 3… without gaps.")})
    if any(not label.strip() for _, label, _ in levels):
        raise DomainError({"": _l("Every level needs a label.")})
    before = {str(s.value): s.label for s in scale_levels()}
    existing = {s.value: s for s in scale_levels()}
    for value, label, description in levels:
        level = existing.pop(value, None) or ScaleLevel(value=value)
        level.label, level.description = label.strip(), description.strip()
        db.session.add(level)
    for level in existing.values():
        db.session.delete(level)
    db.session.flush()
    after = {str(v): label.strip() for v, label, _ in levels}
    old, new = audit.changes(before, after)
    if old or new:
        audit.record("scale_updated", "scale_levels", old, new, actor=actor)


def retired_competencies() -> list[Competency]:
    """Competencies no longer used by new cycles, most recently retired first."""
    query = (
        select(Competency)
        .where(Competency.retired_at.is_not(None))
        .order_by(Competency.retired_at.desc(), Competency.id)
    )
    return list(db.session.scalars(query))


def next_position() -> int:
    """The position that puts a new competency after every existing one."""
    highest = db.session.scalar(select(func.max(Competency.position)))
    return 0 if highest is None else highest + 1
