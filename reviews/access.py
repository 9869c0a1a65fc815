"""What the current user may see and do: role checks and one scoped loader per resource.
Views load objects only through here, so none can forget a check. A role that may not use a
page gets 403; an object the user may not know about gets 404."""

from dataclasses import dataclass
from functools import wraps

from flask import abort, g, has_request_context
from flask_login import current_user, login_required
from sqlalchemy import Select, and_, bindparam, or_, select
from sqlalchemy.orm import aliased, contains_eager, selectinload
from werkzeug.exceptions import NotFound

from extensions import db
from reviews.models import (
    ActionItem,
    Cycle,
    Idea,
    Procedure,
    ProcedureRequest,
    ProcedureStatus,
    Recognition,
    ReportExport,
    ReportingLine,
    Review,
    TrainingRecord,
    User,
)
from reviews.models.ideas import idea_page_loads
from reviews.models.reviews import review_page_loads

# --- Who manages which team ---------------------------------------------------------------
# A manager's scope (ideas they triage, teams they chart, a team's PDF) is the teams whose
# staff they manage now, read from the open reporting lines.

# Built once: an ``aliased()`` entity costs ~5 ms of SQLAlchemy set-up the first time its
# columns are used, which every request that asks "which teams does this person manage?" paid.
_MEMBER, _BELOW = aliased(User, name="member"), aliased(ReportingLine, name="below")


def team_lines():
    """Current reporting lines to members who do not manage anyone themselves: a team's
    managers are those who manage its staff, not the people above its team lead."""
    member, below = _MEMBER, _BELOW
    # NOT EXISTS through the manager_id index, rather than NOT IN over every open line
    # (which read all 10,000 lines of a large organisation for each question).
    leads = select(below.id).where(below.manager_id == member.id, below.ends_on.is_(None)).exists()
    query = (
        select(ReportingLine.manager_id, member.team_id)
        .join(member, ReportingLine.employee_id == member.id)
        .where(
            ReportingLine.ends_on.is_(None),
            member.active.is_(True),
            member.team_id.is_not(None),
            ~leads,
        )
    )
    return query


def _managed_teams_query():
    lines = team_lines().subquery()
    return select(lines.c.team_id).where(lines.c.manager_id == bindparam("person")).distinct()


# Asked on most pages (menus, idea triage, report scope): the statement is built once.
_MANAGED_TEAMS = _managed_teams_query()


def managed_team_ids(user: User) -> set[int]:
    """The teams whose staff ``user`` currently manages."""
    return set(db.session.scalars(_MANAGED_TEAMS, {"person": user.id}))


def role_required(*roles: str):
    """Sign-in plus at least one of ``roles``; 403 otherwise."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = role_required("admin")


class Denied(NotFound):
    """Someone else's object: answered exactly like a missing one (404, so its existence is
    not told), but recorded in the audit trail as a refusal (reviews.views.errors)."""


def _missing_or_denied(exists: bool):
    raise Denied() if exists else NotFound()


def visible_reviews(user: User) -> Select:
    """Reviews ``user`` may open: their own, those they managed (at the time of the review),
    or all of them for leadership and admins."""
    query = select(Review)
    if user.has_role("leadership", "admin"):
        return query
    return query.where(or_(Review.employee_id == user.id, Review.manager_id == user.id))


def get_review_or_404(user: User, review_id: int, page: bool = False) -> Review:
    """A review ``user`` may open; ``page`` loads what its page shows in the same go."""
    query = visible_reviews(user).where(Review.id == review_id)
    if page:
        query = query.options(*review_page_loads())
    review = db.session.scalar(query)
    if review is None:
        _missing_or_denied(db.session.get(Review, review_id) is not None)
    return review


def visible_cycles(user: User) -> list[Cycle]:
    """The cycles on the cycles page, newest first: for those who write or read reviews
    (staff find their own reviews there instead)."""
    if not user.has_role("manager", "leadership", "admin"):
        return []
    return list(db.session.scalars(select(Cycle).order_by(Cycle.period_start.desc())))


def cycle_page_reviews(user: User, cycle_id: int) -> list[Review]:
    """The reviews of a cycle on its page, by employee name: every one for leadership and
    admins; for others the ones they write (their own review is on their home page)."""
    query = visible_reviews(user).where(Review.cycle_id == cycle_id)
    if not user.has_role("leadership", "admin"):
        query = query.where(Review.manager_id == user.id)
    employee = Review.employee.of_type(User)
    query = (
        query.join(employee)
        .order_by(User.name, Review.id)
        .options(  # one statement each, not one per row; a list of names needs no roles
            contains_eager(employee).lazyload(User.role_rows),
            selectinload(Review.manager).lazyload(User.role_rows),
            selectinload(Review.team),
        )
    )
    return list(db.session.scalars(query))


def own_review_id(user: User, cycle_id: int) -> int | None:
    """The id of ``user``'s own review in a cycle, if they have one."""
    query = select(Review.id).where(Review.cycle_id == cycle_id, Review.employee_id == user.id)
    return db.session.scalar(query)


def get_or_404(model, object_id: int):
    """Load an object that every user holding the route's role may see (admin pages)."""
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    return obj


# --- What a person may see of a review, and do with it -----------------------------------
# The employee writes the self-assessment; the manager of the review (at the time of the
# cycle) writes the assessment; leadership reads; admins manage. By default each side stays
# hidden from the other until both are submitted.


def is_employee(user: User, review: Review) -> bool:
    return review.employee_id == user.id


def is_manager(user: User, review: Review) -> bool:
    return review.manager_id == user.id


def _open(review: Review) -> bool:
    return review.cycle.status == "open"


def sees_self_part(user: User, review: Review) -> bool:
    """The employee always; anyone else only once it is submitted (a draft is private)."""
    if is_employee(user, review):
        return True
    if review.self_submitted_at is None:
        return False
    if user.has_role("leadership", "admin"):
        return True
    if is_manager(user, review):
        both_done = bool(review.self_submitted_at and review.manager_submitted_at)
        return both_done or review.cycle.show_self_to_manager
    return False


def sees_manager_part(user: User, review: Review) -> bool:
    if is_manager(user, review) or user.has_role("leadership", "admin"):
        return True
    return is_employee(user, review) and review.shared_at is not None


def can_compare(user: User, review: Review) -> bool:
    """Both sides side by side: for whoever sees both, once both are submitted."""
    return (
        sees_self_part(user, review)
        and sees_manager_part(user, review)
        and review.self_submitted_at is not None
        and review.manager_submitted_at is not None
    )


def sees_private_note(user: User, review: Review) -> bool:
    """The manager's private note: never the employee, never leadership."""
    return not is_employee(user, review) and (is_manager(user, review) or user.has_role("admin"))


def can_write_self(user: User, review: Review) -> bool:
    return (
        is_employee(user, review)
        and _open(review)
        and review.self_submitted_at is None
        and review.shared_at is None
    )


def can_write_manager(user: User, review: Review) -> bool:
    return is_manager(user, review) and _open(review) and review.shared_at is None


def can_share(user: User, review: Review) -> bool:
    return can_write_manager(user, review) and review.manager_submitted_at is not None


def can_acknowledge(user: User, review: Review) -> bool:
    return (
        is_employee(user, review)
        and _open(review)
        and review.shared_at is not None
        and review.acknowledged_at is None
    )


def can_amend(user: User, review: Review) -> bool:
    allowed = is_manager(user, review) or user.has_role("admin")
    return allowed and _open(review) and review.acknowledged_at is not None


def can_record_meeting(user: User, review: Review) -> bool:
    """The suggestions made in the review meeting: its manager, while the cycle is open."""
    return is_manager(user, review) and _open(review)


def can_add_suggestion(user: User, review: Review) -> bool:
    return is_employee(user, review) and _open(review)


def can_administer(user: User, review: Review) -> bool:
    """Reassign or reopen."""
    return user.has_role("admin") and _open(review)


# --- Ideas ----------------------------------------------------------------------------------
# Every signed-in person sees every idea of the organisation (an anonymous one names nobody).
# Ideas are moved by the current managers of the idea's team (those who manage its staff),
# leadership and admins. Triage and the export are scoped the same way.


def get_idea_or_404(user: User, idea_id: int, for_update: bool = False) -> Idea:
    """Load an idea; ``for_update`` locks its row (PostgreSQL) before a move."""
    query = select(Idea).where(Idea.id == idea_id).options(*idea_page_loads())
    if for_update:
        query = query.with_for_update()
    idea = db.session.scalar(query)
    if idea is None:
        abort(404)
    return idea


def sees_all_teams(user: User) -> bool:
    return user.has_role("leadership", "admin")


def _managed_teams(user: User) -> frozenset[int]:
    """The teams whose staff ``user`` manages, asked once per request (a page asks it for its
    menus, its buttons and its scope)."""
    known = g.setdefault("managed_teams", {}) if has_request_context() else {}
    if user.id not in known:
        known[user.id] = frozenset(managed_team_ids(user))
    return known[user.id]


def idea_team_scope(user: User) -> set[int] | None:
    """The teams whose ideas ``user`` moves, triages and exports: None means every team."""
    return None if sees_all_teams(user) else set(_managed_teams(user))


def can_move_idea(user: User, idea: Idea) -> bool:
    scope = idea_team_scope(user)
    return scope is None or idea.team_id in scope


def can_triage(user: User) -> bool:
    """Managers (their teams' ideas), leadership and admins (every team)."""
    return sees_all_teams(user) or bool(idea_team_scope(user))


can_export_ideas = can_triage


def sees_idea_review(user: User, idea: Idea) -> bool:
    """ "Suggested during the … review" only for people allowed to open that review."""
    if idea.review_id is None:
        return False
    query = visible_reviews(user).where(Review.id == idea.review_id)
    return db.session.scalar(query) is not None


# --- Reports --------------------------------------------------------------------------------
# Leadership and admins chart every team; a manager charts the teams whose staff they manage
# now; everyone charts their own ratings (their own data is not a group, so it is never
# hidden from them — and never shown to anyone else). A chart of teams asked for by someone
# who charts none gets 403; a team outside the viewer's scope gets 404, like any object they
# may not see.


@dataclass(frozen=True)
class ReportScope:
    """Whose numbers ``person_id`` may chart: ``team_ids`` None means every team, an empty
    set means no team (their own numbers only)."""

    person_id: int
    team_ids: frozenset[int] | None

    @property
    def whole_org(self) -> bool:
        return self.team_ids is None

    @property
    def sees_teams(self) -> bool:
        return self.team_ids is None or bool(self.team_ids)

    def allows_team(self, team_id: int) -> bool:
        return self.team_ids is None or team_id in self.team_ids


def report_scope(user: User) -> ReportScope:
    """Whose numbers ``user`` may chart (worked out once per request)."""
    known = g.setdefault("report_scopes", {}) if has_request_context() else {}
    if user.id not in known:
        if sees_all_teams(user):
            known[user.id] = ReportScope(user.id, None)
        else:
            teams = _managed_teams(user) if user.has_role("manager") else frozenset()
            known[user.id] = ReportScope(user.id, teams)
    return known[user.id]


def check_report_team(scope: ReportScope, team_id: int | None) -> None:
    """404 for a team outside the scope (whether or not it exists)."""
    if team_id is not None and not scope.allows_team(team_id):
        raise Denied()


def can_download_cycle_report(user: User, team_id: int | None = None) -> bool:
    """The organisation's report: leadership and admins. One team's: also the managers of
    that team's staff."""
    if user.has_role("leadership", "admin"):
        return True
    return team_id is not None and report_scope(user).allows_team(team_id)


def get_export_or_404(user: User, export_id: int) -> ReportExport:
    """A report export, only for the person who asked for it."""
    export = db.session.get(ReportExport, export_id)
    if export is None or export.user_id != user.id:
        _missing_or_denied(export is not None)
    return export


# --- A person's history -----------------------------------------------------------------------
# One person's trend and self-vs-manager gap across cycles. The person sees their own (as on
# their own charts); leadership and admins anyone's; a manager the people they manage now or
# whose review they wrote — and, like the reviews themselves (``visible_reviews``), only the
# reviews they wrote. Anyone but the person sees a review only once it is shared with the
# person: never one still being written, never a self-assessment before that. One person's
# own numbers are not a group, so nothing is hidden for its size; the history shows ratings
# only (never notes, private or not), and never anyone else's.


@dataclass(frozen=True)
class HistoryReach:
    """Whose history, and what of it: ``own`` (the person's own rules), or someone else's
    with only shared reviews, and only those ``reviewer_id`` wrote when it is set."""

    person: User
    own: bool
    reviewer_id: int | None


def history_reach(user: User, person_id: int) -> HistoryReach | None:
    """What ``user`` may see of the history of the person ``person_id``, or None."""
    person = db.session.get(User, person_id)
    if person is None:
        return None
    if person.id == user.id:
        return HistoryReach(person, True, None)
    if user.has_role("leadership", "admin"):
        return HistoryReach(person, False, None)
    manages_now = select(ReportingLine.id).where(
        ReportingLine.manager_id == user.id,
        ReportingLine.employee_id == person.id,
        ReportingLine.ends_on.is_(None),
    )
    reviewed = select(Review.id).where(
        Review.manager_id == user.id, Review.employee_id == person.id
    )
    if not db.session.scalar(select(or_(manages_now.exists(), reviewed.exists()))):
        return None
    return HistoryReach(person, False, user.id)


def get_history_or_404(user: User, person_id: int) -> HistoryReach:
    reach = history_reach(user, person_id)
    if reach is None:
        _missing_or_denied(db.session.get(User, person_id) is not None)
    return reach


def can_open_history(user: User, person_id: int) -> bool:
    """A link to someone else's history (the person's own is "My ratings")."""
    reach = history_reach(user, person_id)
    return reach is not None and not reach.own


# --- Recognition ----------------------------------------------------------------------------
# A recognition is seen by its recipient and its giver, the recipient's current manager and
# admins (who moderate) — unless the recipient hid it, when only the two of them and admins
# see it. On a review page, the person's recognitions of the cycle are shown to the person,
# their current manager, the review's manager and admins (``sees_review_recognitions``).
# Leadership sees the chart's counts, not the messages (unless they are one of the above).
# One removed as not appropriate is seen by nobody (the audit log keeps it). The team feed
# shows, to a team's members and managers, the recognitions of people who chose to show
# theirs there.


def manages_now(user: User, person_id: int) -> bool:
    """Is ``user`` the current (open reporting line) manager of ``person_id``?"""
    query = select(ReportingLine.id).where(
        ReportingLine.employee_id == person_id,
        ReportingLine.manager_id == user.id,
        ReportingLine.ends_on.is_(None),
    )
    return db.session.scalar(query) is not None


def current_reports_query(user: User):
    return select(ReportingLine.employee_id).where(
        ReportingLine.manager_id == user.id, ReportingLine.ends_on.is_(None)
    )


def visible_recognitions(user: User) -> Select:
    """Recognitions ``user`` may see outside the team feed (never a removed one)."""
    query = select(Recognition).where(Recognition.removed_at.is_(None))
    if user.has_role("admin"):
        return query
    mine = or_(Recognition.recipient_id == user.id, Recognition.giver_id == user.id)
    managed = Recognition.hidden.is_(False) & Recognition.recipient_id.in_(
        current_reports_query(user)
    )
    return query.where(or_(mine, managed))


def sees_review_recognitions(user: User, review: Review) -> bool:
    """Are the employee's recognitions shown to ``user`` on ``review``'s page: the employee,
    their current manager, the review's manager (who writes it) and admins? Leadership
    reads the chart's counts, not the messages."""
    if is_employee(user, review) or is_manager(user, review) or user.has_role("admin"):
        return True
    return manages_now(user, review.employee_id)


def get_recognition_or_404(user: User, recognition_id: int) -> Recognition:
    query = visible_recognitions(user).where(Recognition.id == recognition_id)
    recognition = db.session.scalar(query)
    if recognition is None:
        _missing_or_denied(db.session.get(Recognition, recognition_id) is not None)
    return recognition


def can_hide_recognition(user: User, recognition: Recognition) -> bool:
    """Only the recipient hides (or shows again) what they received."""
    return recognition.recipient_id == user.id and not recognition.removed


def can_remove_recognition(user: User, recognition: Recognition) -> bool:
    """The recipient's current manager (while it is not hidden from them) and admins."""
    if recognition.removed:
        return False
    if user.has_role("admin"):
        return True
    return not recognition.hidden and manages_now(user, recognition.recipient_id)


def removable_recognitions(user: User, recognitions) -> set[int]:
    """The ids among ``recognitions`` that ``user`` may remove (``can_remove_recognition``
    for a list, in one query)."""
    if user.has_role("admin"):
        return {r.id for r in recognitions if not r.removed}
    candidates = [r for r in recognitions if not r.removed and not r.hidden]
    if not candidates:
        return set()
    reports = set(db.session.scalars(current_reports_query(user)))
    return {r.id for r in candidates if r.recipient_id in reports}


def feed_team_ids(user: User) -> set[int]:
    """The teams whose feed ``user`` reads: their own and those whose staff they manage."""
    teams = set(_managed_teams(user))
    if user.team_id is not None:
        teams.add(user.team_id)
    return teams


def manages_anyone(user: User) -> bool:
    return db.session.scalar(current_reports_query(user).limit(1)) is not None


# --- Procedures -----------------------------------------------------------------------------
# A procedure applies to the members of its teams, or to everyone when it names none. People
# read the published procedures that apply to them (and any they were asked to confirm);
# managers also those of the teams whose staff they manage; leadership and admins every one.
# Leadership and admins write any procedure; a manager writes a procedure that applies only to
# teams whose staff they manage (never one for everyone). A draft is seen by its writers only.


def writes_every_procedure(user: User) -> bool:
    return user.has_role("leadership", "admin")


def procedure_teams_for(user: User) -> set[int] | None:
    """The teams ``user`` may aim a procedure at: None means any team (or none, everyone)."""
    if writes_every_procedure(user):
        return None
    return set(_managed_teams(user)) if user.has_role("manager") else set()


def can_write_procedures(user: User) -> bool:
    return writes_every_procedure(user) or bool(procedure_teams_for(user))


def can_edit_procedure(user: User, procedure: Procedure) -> bool:
    scope = procedure_teams_for(user)
    if scope is None:
        return True
    team_ids = {t.id for t in procedure.teams}
    return bool(team_ids) and team_ids <= scope


def can_read_procedure(user: User, procedure: Procedure) -> bool:
    if can_edit_procedure(user, procedure):
        return True
    if procedure.status == ProcedureStatus.DRAFT:
        return False
    team_ids = {t.id for t in procedure.teams}
    if not team_ids or user.team_id in team_ids or team_ids & _managed_teams(user):
        return True
    asked = select(ProcedureRequest.id).where(
        ProcedureRequest.procedure_id == procedure.id, ProcedureRequest.user_id == user.id
    )
    return db.session.scalar(asked.limit(1)) is not None


def get_procedure_or_404(user: User, procedure_id: int, edit: bool = False) -> Procedure:
    """A procedure ``user`` may read (``edit``: may write; 403 when they may only read)."""
    procedure = db.session.get(Procedure, procedure_id)
    if procedure is None or not can_read_procedure(user, procedure):
        _missing_or_denied(procedure is not None)
    if edit and not can_edit_procedure(user, procedure):
        abort(403)
    return procedure


def procedure_status_people(user: User, team_id: int | None = None) -> Select | None:
    """Whose confirmations ``user`` may see by name: leadership and admins everyone's (of
    ``team_id`` when given), a manager their own direct reports; None for anyone else."""
    if sees_all_teams(user):
        query = select(User).where(User.active.is_(True))
        return query.where(User.team_id == team_id) if team_id is not None else query
    if not user.has_role("manager"):
        return None
    reports = select(ReportingLine.employee_id).where(
        ReportingLine.manager_id == user.id, ReportingLine.ends_on.is_(None)
    )
    query = select(User).where(User.active.is_(True), User.id.in_(reports))
    return query.where(User.team_id == team_id) if team_id is not None else query


def get_status_team_or_404(user: User, team_id: int):
    """A team whose confirmations ``user`` may follow: leadership and admins any team, a
    manager the teams whose staff they manage."""
    from reviews.models import Team

    team = db.session.get(Team, team_id)
    if team is None or not (sees_all_teams(user) or team_id in _managed_teams(user)):
        _missing_or_denied(team is not None)
    return team


# --- Training records -------------------------------------------------------------------------
# A person records their own trainings; their current manager records and corrects those of
# their staff; admins those of anyone. Leadership reads everyone's history (as it reads every
# review) but does not change it.


def training_rights(user: User, person: User) -> tuple[bool, bool]:
    """Whether ``user`` may (read, record) ``person``'s trainings, with one look-up of the
    reporting line: reading is for themselves, their current manager, leadership and
    admins; recording, correcting and deleting for themselves and their current manager
    while they are active, and for admins."""
    own = person.id == user.id
    manages = not own and manages_now(user, person.id)
    reads = own or manages or user.has_role("leadership", "admin")
    records = user.has_role("admin") or (person.active and (own or manages))
    return reads, records


def can_record_training(user: User, person: User) -> bool:
    """May ``user`` record, correct or delete trainings of ``person``?"""
    if user.has_role("admin"):
        return True
    return training_rights(user, person)[1]


def sees_training(user: User, person: User) -> bool:
    """May ``user`` read ``person``'s training history?"""
    if person.id == user.id or user.has_role("leadership", "admin"):
        return True
    return training_rights(user, person)[0]


def get_trainee_or_404(user: User, person_id: int) -> User:
    """A person whose training history ``user`` may read."""
    person = db.session.get(User, person_id)
    if person is None or not sees_training(user, person):
        _missing_or_denied(person is not None)
    return person


def get_training_or_404(user: User, record_id: int) -> TrainingRecord:
    """A training record of someone whose history ``user`` may read."""
    record = db.session.get(TrainingRecord, record_id)
    if record is None or not sees_training(user, record.person):
        _missing_or_denied(record is not None)
    return record


# --- Action items ---------------------------------------------------------------------------
# An action item is part of its review's manager assessment, so it is seen by those who see
# that part: the manager who wrote the review, leadership and admins, and the employee once
# the review is shared with them (or at once for an item carried over from an earlier review,
# which they have seen already) — and so the person's current manager too, once the employee
# sees it (never the draft of a review someone else writes). Its status is changed by those
# it concerns: its owner, the review's employee and manager, the manager of the person's next
# review (who follows last time's items up in it), and admins; CARRIED is set only by the
# carry-over. Its description and due date are what was agreed, changed by the review's
# manager and admins.


def employee_sees_action_item(item: ActionItem) -> bool:
    """Does the review's employee see ``item``: its review is shared, or it was carried over
    (they saw it in the review it came from)?"""
    return item.review.shared_at is not None or item.carried_from_id is not None


def visible_action_items(user: User) -> Select:
    """The action items ``user`` may see (joined to their review)."""
    query = select(ActionItem).join(Review, ActionItem.review_id == Review.id)
    if user.has_role("leadership", "admin"):
        return query
    shown_to_employee = or_(Review.shared_at.is_not(None), ActionItem.carried_from_id.is_not(None))
    return query.where(
        or_(
            and_(Review.employee_id == user.id, shown_to_employee),
            Review.manager_id == user.id,
            and_(ActionItem.owner_id == user.id, Review.employee_id != user.id),
            and_(Review.employee_id.in_(current_reports_query(user)), shown_to_employee),
        )
    )


def get_action_item_or_404(user: User, item_id: int) -> ActionItem:
    item = db.session.scalar(visible_action_items(user).where(ActionItem.id == item_id))
    if item is None:
        _missing_or_denied(db.session.get(ActionItem, item_id) is not None)
    return item


def _party_to(user: User, item: ActionItem) -> bool:
    review = item.review
    return user.id in (item.owner_id, review.employee_id, review.manager_id)


def follows_up_action_item(user: User, item: ActionItem) -> bool:
    """Is ``user`` the manager of the person's next review after ``item``'s, in an open
    cycle — who follows last time's items up in it, even after taking the person over?"""
    review = item.review
    query = (
        select(Review.manager_id)
        .join(Cycle, Cycle.id == Review.cycle_id)
        .where(
            Review.employee_id == review.employee_id,
            Cycle.period_start > review.cycle.period_start,
        )
        .order_by(Cycle.period_start)
        .limit(1)
        .add_columns(Cycle.status)
    )
    row = db.session.execute(query).first()
    return row is not None and row[0] == user.id and row[1] == "open"


def can_change_action_status(user: User, item: ActionItem) -> bool:
    """Its owner, the review's employee and manager, the manager following it up in the
    person's next review, admins; never once carried over."""
    if item.status == "carried":
        return False
    if _party_to(user, item) or user.has_role("admin"):
        return True
    return follows_up_action_item(user, item)


def can_edit_action_item(user: User, item: ActionItem) -> bool:
    """The description and the due date: the review's manager and admins."""
    if item.status == "carried":
        return False
    return is_manager(user, item.review) or user.has_role("admin")


def action_team_scope(user: User) -> set[int] | None:
    """The teams whose action items ``user`` lists by team: None means every team."""
    if sees_all_teams(user):
        return None
    return set(_managed_teams(user)) if user.has_role("manager") else set()
