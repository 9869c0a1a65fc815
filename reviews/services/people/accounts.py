"""People, roles and reporting lines (teams are in teams.py)."""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from extensions import db
from reviews.database import folded
from reviews.models import ROLES, ReportingLine, RoleAssignment, Team, User, utcnow
from reviews.services import DomainError, audit
from reviews.services.people.auth import check_password, end_sessions, hash_password, void_links


def _snapshot(user: User) -> dict:
    manager = current_manager(user)
    return {
        "name": user.name,
        "email": user.email,
        "job_title": user.job_title,
        "locale": user.locale,
        "active": user.active,
        "team_id": user.team_id,
        "roles": sorted(user.roles),
        "manager_id": manager.id if manager else None,
    }


def current_manager(user: User) -> User | None:
    line = db.session.scalar(
        select(ReportingLine).where(
            ReportingLine.employee_id == user.id, ReportingLine.ends_on.is_(None)
        )
    )
    return line.manager if line else None


def direct_reports(manager: User, include_inactive: bool = False) -> list[User]:
    query = (
        select(User)
        .join(ReportingLine, ReportingLine.employee_id == User.id)
        .where(ReportingLine.manager_id == manager.id, ReportingLine.ends_on.is_(None))
        .order_by(User.name)
        # The team for each row; roles only if someone asks (a list of names needs none).
        .options(selectinload(User.team), lazyload(User.role_rows))
    )
    if not include_inactive:
        query = query.where(User.active.is_(True))
    return list(db.session.scalars(query))


def _email_taken(email: str, except_id: int | None = None) -> bool:
    query = select(User.id).where(func.lower(User.email) == email.lower())
    if except_id:
        query = query.where(User.id != except_id)
    return db.session.scalar(query) is not None


def _would_cycle(employee: User, manager: User) -> bool:
    """True when ``employee`` already manages ``manager`` directly or indirectly."""
    seen, person = set(), manager
    while person is not None and person.id not in seen:
        if person.id == employee.id:
            return True
        seen.add(person.id)
        person = current_manager(person)
    return False


def set_manager(employee: User, manager: User | None, on: date | None = None) -> None:
    """Close the current reporting line and open a new one; history is kept, so reviews stay
    with the manager the person had at the time."""
    on = on or date.today()
    current = db.session.scalar(
        select(ReportingLine).where(
            ReportingLine.employee_id == employee.id, ReportingLine.ends_on.is_(None)
        )
    )
    if current and manager and current.manager_id == manager.id:
        return
    if manager is not None:
        if manager.id == employee.id:
            raise DomainError({"manager_id": _l("A person cannot be their own manager.")})
        if _would_cycle(employee, manager):
            raise DomainError(
                {"manager_id": _l("That would make a loop: this person already manages them.")}
            )
        if not manager.active:
            raise DomainError({"manager_id": _l("The manager has been deactivated.")})
    if current:
        if current.starts_on >= on:
            db.session.delete(current)  # changed on the day it started: a correction
        else:
            current.ends_on = on
    if manager is not None:
        db.session.flush()
        db.session.add(ReportingLine(employee=employee, manager=manager, starts_on=on))
        if not manager.has_role("manager"):
            manager.set_roles(manager.roles | {"manager"})


def create_user(
    actor: User | None,
    *,
    email: str,
    name: str,
    roles: set[str],
    password: str | None = None,
    team: Team | None = None,
    manager: User | None = None,
    job_title: str = "",
    locale: str = "en",
    audited: bool = True,
) -> User:
    email = email.strip().lower()
    if _email_taken(email):
        raise DomainError({"email": _l("Someone already has this email address.")})
    if password:
        check_password(password, "password", (name, email))
    user = User(
        email=email,
        name=name.strip(),
        job_title=job_title.strip(),
        locale=locale,
        team=team,
        password_hash=hash_password(password) if password else None,
    )
    user.set_roles(roles or {"staff"})
    db.session.add(user)
    db.session.flush()
    if manager is not None:
        set_manager(user, manager)
    if audited:
        audit.record("user_created", user, after=_snapshot(user), actor=actor)
    return user


def update_user(
    actor: User | None,
    user: User,
    *,
    email: str,
    name: str,
    roles: set[str],
    team: Team | None,
    manager: User | None,
    job_title: str,
    locale: str,
    active: bool,
    password: str | None = None,
) -> None:
    email = email.strip().lower()
    if _email_taken(email, except_id=user.id):
        raise DomainError({"email": _l("Someone already has this email address.")})
    if not roles:
        raise DomainError({"roles": _l("Choose at least one role.")})
    if password:
        check_password(password, "password", (name, email))
    before = _snapshot(user)
    if password or email != user.email:
        void_links([user.id])  # a link mailed to the old address, or before this password
    set_manager(user, manager)
    user.email, user.name, user.job_title = email, name.strip(), job_title.strip()
    user.team, user.locale = team, locale
    user.set_roles(roles)
    if password:
        user.password_hash = hash_password(password)
        user.rotate_session_token()
    if user.active and not active:
        deactivate(None, user, audited=False)
    if active and not user.active:
        _refuse_erased(user)
        user.deactivated_at = None
    user.active = active
    db.session.flush()
    old, new = audit.changes(before, _snapshot(user))
    if password:
        new["password"] = "reset"  # noqa: S105  (records that it changed, never the value)
    if new:
        audit.record("user_updated", user, before=old, after=new, actor=actor)


def deactivate(actor: User | None, user: User, audited: bool = True) -> int:
    """Deactivation keeps the person and their history but ends every session at once. An
    admin cannot deactivate themselves (``actor`` None: the system, e.g. the seed). Returns
    how many active people still report to them (they need a new manager)."""
    if actor is not None:
        guard_own_account(actor, user, roles=user.roles, active=False)
    if user.active:
        user.active = False
        user.deactivated_at = utcnow()  # the retention period runs from here
        end_sessions(user)
        void_links([user.id])  # no link works again should they be reactivated
        if audited:
            before, after = {"active": True}, {"active": False}
            audit.record("user_deactivated", user, before, after, actor=actor)
    return len(direct_reports(user))


def search_people(
    q: str = "", team_id: int | None = None, role: str = "", status: str = ""
) -> Select:
    """People matching the admin list's search (name or email) and filters, by name."""
    query = select(User).options(selectinload(User.team)).order_by(User.name, User.id)
    if needle := (q or "").strip().lower():
        query = query.where(
            or_(
                folded(User.name).contains(needle, autoescape=True),
                folded(User.email).contains(needle, autoescape=True),
            )
        )
    if team_id:
        query = query.where(User.team_id == team_id)
    if role in ROLES:
        query = query.where(User.role_rows.any(RoleAssignment.role == role))
    if status in ("active", "deactivated"):
        query = query.where(User.active.is_(status == "active"))
    return query


def current_managers(people: list[User]) -> dict[int, User]:
    """Each person's current manager, in one query (person id → manager)."""
    ids = [p.id for p in people]
    if not ids:
        return {}
    query = (
        select(ReportingLine)
        .options(joinedload(ReportingLine.manager))
        .where(ReportingLine.employee_id.in_(ids), ReportingLine.ends_on.is_(None))
    )
    return {line.employee_id: line.manager for line in db.session.scalars(query)}


def manager_candidates(person: User | None) -> list[tuple[int, str]]:
    """(id, name) of the active people who may be chosen as ``person``'s manager."""
    query = select(User.id, User.name).where(User.active.is_(True)).order_by(User.name, User.id)
    if person is not None and person.id:
        query = query.where(User.id != person.id)
    return [(row.id, row.name) for row in db.session.execute(query)]


def reporting_history(person: User) -> list[ReportingLine]:
    """Every reporting line of ``person``, the current one first."""
    query = (
        select(ReportingLine)
        .options(joinedload(ReportingLine.manager))
        .where(ReportingLine.employee_id == person.id)
        .order_by(ReportingLine.starts_on.desc(), ReportingLine.id.desc())
    )
    return list(db.session.scalars(query))


def guard_own_account(actor: User, person: User, *, roles: set[str], active: bool) -> None:
    """An admin cannot lock themselves out: no deactivating or dropping their own admin role."""
    if person.id != actor.id:
        return
    errors = {}
    if not active:
        errors["active"] = _l("You cannot deactivate your own account.")
    if "admin" not in roles:
        errors["roles"] = _l("You cannot remove your own admin role; another admin can.")
    if errors:
        raise DomainError(errors)


def save_person(actor: User, person: User | None, *, active: bool, **fields) -> User:
    """Create or edit a person from the admin pages. ``fields`` are those of ``update_user``
    (``password`` optional); a person created without a password cannot sign in yet."""
    if not fields["roles"]:
        raise DomainError({"roles": _l("Choose at least one role.")})
    if person is not None:
        guard_own_account(actor, person, roles=fields["roles"], active=active)
        update_user(actor, person, active=active, **fields)
        return person
    fields["password"] = fields.get("password") or None
    person = create_user(actor, audited=False, **fields)
    if not active:
        deactivate(None, person, audited=False)
    audit.record("user_created", person, after=_snapshot(person), actor=actor)
    return person


def _refuse_erased(user: User) -> None:
    if user.erased_at is not None:
        raise DomainError({"active": _l("This person's data was erased: they cannot come back.")})


def reactivate(actor: User | None, user: User) -> None:
    """Let a deactivated person sign in again, as ``actor`` (their history was kept)."""
    if user.active:
        return
    _refuse_erased(user)
    user.active = True
    user.deactivated_at = None
    before, after = {"active": False}, {"active": True}
    audit.record("user_reactivated", user, before, after, actor=actor)
