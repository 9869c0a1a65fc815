"""The demo's training records: the Service Desk's plain-language workshop (the one its
"explaining" ratings rise after), a record for every training action item that was done,
and the courses people took besides — so "My training", a manager's staff list, the review
page and both training charts show a real picture. Deterministic: the seed's generator."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from extensions import db
from reviews.models import ActionItem, Competency, TrainingRecord

from .data import TRAINING_AT
from .reviews import SeedContext
from .texts_manager import ACTIONS, GROWTH_ACTIONS

# title, provider, hours, competency keys
COURSES = (
    ("Active listening workshop", "HR Development Centre", 4.0, ("listening",)),
    ("ITIL 4 Foundation", "Tallinn IT Academy", 16.0, ("knowledge", "problem")),
    ("De-escalation on the phone", "Calm Line Training", 3.0, ("problem", "phone", "respect")),
    (
        "Estonian sign language basics",
        "Estonian Association of the Deaf",
        12.0,
        ("explaining", "respect"),
    ),  # fmt: skip
    ("Writing for customers", "University Language Centre", 6.0, ("clear", "explaining")),
    ("Social-engineering awareness", "IT Security Office (e-learning)", 1.5, ("security",)),
    ("Handling complaints with empathy", "Calm Line Training", 3.5, ("respect", "listening")),
    (
        "Time management and clean handovers",
        "HR Development Centre",
        2.5,
        ("reliability", "teamwork"),
    ),  # fmt: skip
    ("Microsoft 365 administration basics", "Microsoft Learn", 10.0, ("knowledge",)),
    ("GDPR for front-line staff", "Data Protection Office", 2.0, ("security", "knowledge")),
    ("Chat etiquette refresher", "HR Development Centre", 1.0, ("phone", "clear")),
    ("First aid at work", "Estonian Red Cross", 8.0, ()),
)
WORKSHOP = ("Plain-language workshop", "University Language Centre", 6.0, ("explaining", "clear"))
OTHER_COURSE = 0.3  # the chance of a course besides, per person and quarter
HOURS_GIVEN = 0.75  # the share of records from action items whose hours were filled in
HOURS_FOR_ACTION = (1.5, 2.0, 3.0, 4.0, 6.0, 8.0)


def _action_keys() -> dict[str, str]:
    """The fixed start of each training action's text → the competency it is for."""
    found = {}
    for key, entries in ACTIONS.items():
        for kind, _owner, text in entries:
            if kind == "training":
                found[text.split("{")[0]] = key
    for kind, _owner, text in GROWTH_ACTIONS:
        if kind == "training":
            found[text.split("{")[0]] = "knowledge"
    return found


def build_training(ctx: SeedContext, today: date) -> list[TrainingRecord]:
    rng = ctx.rng
    by_key = {key: cid for cid, key in ctx.keys.items()}
    competencies = {c.id: c for c in _competencies(by_key.values())}

    def tags(keys) -> list[Competency]:
        return [competencies[by_key[k]] for k in keys if k in by_key]

    def course(person_id, spec, day, recorded_by, hours_known=True, note=""):
        title, provider, hours, keys = spec
        return TrainingRecord(
            person_id=person_id, title=title, provider=provider, taken_on=min(day, today),
            hours=hours if hours_known else None, competencies=tags(keys),
            recorded_by_id=recorded_by, note=note,
            created_at=datetime.combine(min(day, today), time(15, 0)),
        )  # fmt: skip

    records = []
    actions = _action_keys()
    for record in ctx.records:
        quarter, person = record.quarter, record.person
        # The Service Desk's plain-language workshop, early in the quarter it took place.
        if record.team == "service_desk" and quarter.index == TRAINING_AT:
            day = quarter.start + timedelta(days=rng.randint(10, 20))
            records.append(course(person.user.id, WORKSHOP, day, record.manager.user.id))
        if rng.random() < OTHER_COURSE:
            spec = rng.choice(COURSES)
            day = quarter.start + timedelta(days=rng.randint(3, 80))
            mine = rng.random() < 0.6
            records.append(
                course(
                    person.user.id, spec, day, person.user.id if mine else record.manager.user.id
                )
            )
        for item in record.review.action_items:
            if item.kind == "training" and item.status == "done":
                records.append(_from_action(ctx, record, item, actions, tags, today))
    records += _recent(ctx, course, today)
    db.session.add_all(records)
    return records


def _from_action(ctx, record, item: ActionItem, actions, tags, today: date) -> TrainingRecord:
    """A done training item's record, as ``record_from_action`` makes it (title, day done,
    competencies), with hours given for most of them later."""
    rng = ctx.rng
    key = next((k for start, k in actions.items() if item.description.startswith(start)), None)
    if not item.competencies and key:
        item.competencies = tags((key,))
    if item.done_at is None:
        done = record.review.manager_submitted_at + timedelta(days=rng.randint(20, 75))
        item.done_at = min(done, datetime.combine(today, time(9, 0)))
    given = rng.random() < HOURS_GIVEN
    return TrainingRecord(
        person_id=record.person.user.id,
        title=item.description,
        taken_on=item.done_at.date(),
        hours=rng.choice(HOURS_FOR_ACTION) if given else None,
        provider="",
        recorded_by_id=record.manager.user.id,
        action_item=item,
        competencies=list(item.competencies),
        created_at=item.done_at,
    )


def _recent(ctx, course, today: date) -> list[TrainingRecord]:
    """This quarter's trainings of the staff account, so its review page and "My training"
    show something new: one recorded by them, one by their manager with the hours to come."""
    staff, manager = ctx.org.fixed["staff"].user, ctx.org.fixed["manager"].user
    return [
        course(staff.id, COURSES[2], today - timedelta(days=12), staff.id,
               note="Practised the three-step calm-down script; certificate on the shared drive."),
        course(staff.id, COURSES[3], today - timedelta(days=4), manager.id, hours_known=False)
    ]  # fmt: skip


def _competencies(ids) -> list[Competency]:
    return list(db.session.scalars(select(Competency).where(Competency.id.in_(list(ids)))))
