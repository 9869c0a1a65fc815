"""Summary rows behind the rating charts: per cycle × team of the time, the counts and sums
every chart needs, so no chart reads individual ratings at request time.

They are derived data, kept up to date by ``reports.summary`` in the same transaction as the
review change that alters them and rebuilt whole by ``flask --app app reports
rebuild-summary``. Only ratings that *count* are summarised: in a closed cycle the submitted
parts, in the open cycle only reviews already shared with the employee. ``team_id`` 0 stands
for a review without a team, -1 for the sum over every team (so the organisation's charts
read a few hundred rows, not one per team); ``value`` 0 for "not applicable"."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from extensions import db

NO_TEAM = 0
ORGANISATION = -1  # rows summed over every team of the cycle: the organisation's figures
NOT_APPLICABLE = 0


class RatingCount(db.Model):
    """How many counted ratings gave ``value`` for a competency, per cycle, team and source."""

    __tablename__ = "summary_rating_counts"

    cycle_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    team_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    competency_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(10), primary_key=True)
    value: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    ratings: Mapped[int]


class RatingGap(db.Model):
    """Reviews where both sides rated a competency (pairs): the sums of both sides and how
    many people rated themselves higher or lower than their manager did."""

    __tablename__ = "summary_rating_gaps"

    cycle_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    team_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    competency_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    pairs: Mapped[int]
    self_total: Mapped[int]
    manager_total: Mapped[int]
    higher: Mapped[int]
    lower: Mapped[int]


class NoteCount(db.Model):
    """Reviews whose strengths (or improvement areas) name a competency."""

    __tablename__ = "summary_note_counts"

    cycle_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    team_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    competency_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reviews: Mapped[int]


class PeopleCount(db.Model):
    """People behind a group's "all competencies" figures: ``measure`` "manager" / "self"
    (at least one applicable counted rating), "pair" (at least one rated pair), "assessed"
    (a counted manager assessment). One review is one person in its cycle."""

    __tablename__ = "summary_people"

    cycle_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    team_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    measure: Mapped[str] = mapped_column(String(10), primary_key=True)
    people: Mapped[int]
