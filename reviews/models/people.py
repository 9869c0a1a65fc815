"""People, their roles, teams and reporting lines (kept with history)."""

import secrets
from datetime import date, datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from extensions import db

from .base import Timestamped
from .vocabulary import one_of


class Role(StrEnum):
    """Lowest to highest: the header badge shows the highest one held."""

    STAFF = "staff"
    MANAGER = "manager"
    LEADERSHIP = "leadership"
    ADMIN = "admin"


class Locale(StrEnum):
    EN = "en"
    ET = "et"
    SL = "sl"


ROLES = tuple(Role)


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class Team(Timestamped, db.Model):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(default=True)

    members: Mapped[list["User"]] = relationship(back_populates="team", order_by="User.name")

    def __str__(self) -> str:
        return self.name


class User(UserMixin, Timestamped, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    job_title: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(5), default="en")
    active: Mapped[bool] = mapped_column(default=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    # Rotated on logout, password change and deactivation: every session cookie issued
    # before the rotation stops working, because Flask's signed cookie alone would not.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    # When they were last deactivated (None while active): the retention period runs from it.
    deactivated_at: Mapped[datetime | None]
    # When their personal data was erased (reviews.services.rights.erasure): for good.
    erased_at: Mapped[datetime | None]

    team: Mapped[Team | None] = relationship(back_populates="members")
    role_rows: Mapped[list["RoleAssignment"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (one_of("locale", Locale),)

    # Flask-Login: the session stores the rotating token, not the primary key.
    def get_id(self) -> str:
        return self.session_token

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def roles(self) -> set[str]:
        return {row.role for row in self.role_rows}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def set_roles(self, roles: set[str] | list[str]) -> None:
        wanted = set(roles)
        self.role_rows = [r for r in self.role_rows if r.role in wanted] + [
            RoleAssignment(role=role) for role in sorted(wanted - self.roles)
        ]

    def rotate_session_token(self) -> None:
        self.session_token = new_session_token()

    @property
    def primary_role(self) -> str:
        """The highest role held, for the header badge."""
        for role in reversed(Role):
            if role in self.roles:
                return role
        return Role.STAFF

    def __str__(self) -> str:
        return self.name


class RoleAssignment(db.Model):
    __tablename__ = "role_assignments"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (one_of("role", Role),)


class ReportingLine(Timestamped, db.Model):
    """Who managed whom and when. The open line (ends_on NULL) is the current manager."""

    __tablename__ = "reporting_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    manager_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]

    employee: Mapped[User] = relationship(foreign_keys=[employee_id])
    manager: Mapped[User] = relationship(foreign_keys=[manager_id])

    __table_args__ = (
        CheckConstraint("employee_id <> manager_id", name="not_self"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period"),
        Index("ix_reporting_lines_employee_open", "employee_id", "ends_on"),
        UniqueConstraint("employee_id", "manager_id", "starts_on"),
    )
