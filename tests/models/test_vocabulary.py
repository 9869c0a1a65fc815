"""Each vocabulary is one enum: its labels, its CHECK constraint and the database agree."""

import re
from enum import StrEnum
from typing import NamedTuple

import pytest
from flask import render_template
from sqlalchemy import CheckConstraint, Table, update
from sqlalchemy.exc import IntegrityError

from config import LOCALES
from extensions import db
from reports import labels as report_labels
from reviews import labels
from reviews.models import (
    AccountLink,
    ActionItem,
    ActionKind,
    ActionStatus,
    CycleStatus,
    ExportStatus,
    Idea,
    IdeaCategory,
    IdeaStatus,
    ImportStage,
    LinkPurpose,
    Locale,
    MailStatus,
    NoteKind,
    NoteSource,
    OutboundEmail,
    PeopleImport,
    Procedure,
    ProcedureStatus,
    Rating,
    RatingSource,
    ReportExport,
    Review,
    ReviewNote,
    ReviewStep,
    Role,
    utcnow,
)
from reviews.models.ideas import CLOSED_STATUSES, OPEN_STATUSES
from reviews.models.vocabulary import one_of
from tests import factories


class Stored(NamedTuple):
    vocabulary: type[StrEnum]
    table: Table
    column: str


STORED = [
    Stored(Role, db.metadata.tables["role_assignments"], "role"),
    Stored(Locale, db.metadata.tables["users"], "locale"),
    Stored(CycleStatus, db.metadata.tables["cycles"], "status"),
    Stored(RatingSource, Rating.__table__, "source"),
    Stored(NoteKind, ReviewNote.__table__, "kind"),
    Stored(NoteSource, ReviewNote.__table__, "source"),
    Stored(ActionKind, ActionItem.__table__, "kind"),
    Stored(ActionStatus, ActionItem.__table__, "status"),
    Stored(IdeaCategory, Idea.__table__, "category"),
    Stored(IdeaStatus, Idea.__table__, "status"),
    Stored(ExportStatus, ReportExport.__table__, "status"),
    Stored(MailStatus, OutboundEmail.__table__, "status"),
    Stored(ProcedureStatus, Procedure.__table__, "status"),
    Stored(ExportStatus, PeopleImport.__table__, "status"),
    Stored(ImportStage, PeopleImport.__table__, "stage"),
    Stored(LinkPurpose, AccountLink.__table__, "purpose"),
]
STORED_IDS = [f"{s.table.name}.{s.column}" for s in STORED]

LABELLED = [
    (Role, labels.ROLE_LABELS),
    (Locale, labels.LOCALE_LABELS),
    (ReviewStep, labels.STEP_LABELS),
    (CycleStatus, labels.CYCLE_STATUS_LABELS),
    (IdeaStatus, labels.IDEA_STATUS_LABELS),
    (IdeaCategory, labels.CATEGORY_LABELS),
    (ActionKind, labels.ACTION_KIND_LABELS),
    (ActionStatus, labels.ACTION_STATUS_LABELS),
    (RatingSource, report_labels.SOURCES),
    (NoteKind, report_labels.NOTE_KINDS),
    (ProcedureStatus, labels.PROCEDURE_STATUS_LABELS),
    (NoteSource, labels.NOTE_SOURCE_LABELS),
]

CHECK_IN = re.compile(r"^(\w+) IN \((.*)\)$")


def check_words(table: Table, column: str) -> list[str]:
    """The words the table's ``ck_<table>_<column>`` constraint allows, in its order."""
    (check,) = [
        c
        for c in table.constraints
        if isinstance(c, CheckConstraint) and c.name == f"ck_{table.name}_{column}"
    ]
    match = CHECK_IN.match(str(check.sqltext))
    assert match and match.group(1) == column, str(check.sqltext)
    return re.findall(r"'([^']*)'", match.group(2))


@pytest.mark.parametrize("vocabulary, label_dict", LABELLED, ids=[v.__name__ for v, _ in LABELLED])
def test_labels_cover_exactly_the_vocabulary(vocabulary, label_dict):
    assert set(label_dict) == set(vocabulary) and len(label_dict) == len(vocabulary)
    if label_dict is not report_labels.SOURCES and label_dict is not report_labels.NOTE_KINDS:
        assert list(label_dict) == list(vocabulary)  # the order forms offer them in
        assert all(type(key) is vocabulary for key in label_dict)  # keyed by the enum itself


@pytest.mark.parametrize("stored", STORED, ids=STORED_IDS)
def test_check_constraint_lists_exactly_the_vocabulary(stored):
    assert check_words(stored.table, stored.column) == [w.value for w in stored.vocabulary]


def test_a_member_is_its_stored_string():
    assert IdeaStatus.UNDER_REVIEW == "under_review"
    assert f"{IdeaStatus.UNDER_REVIEW}" == str(IdeaStatus.UNDER_REVIEW) == "under_review"
    assert (
        labels.IDEA_STATUS_LABELS["under_review"]
        is labels.IDEA_STATUS_LABELS[IdeaStatus.UNDER_REVIEW]
    )


def test_open_and_closed_idea_statuses_split_the_vocabulary():
    assert set(OPEN_STATUSES).isdisjoint(CLOSED_STATUSES)
    assert [*OPEN_STATUSES, *CLOSED_STATUSES] == list(IdeaStatus)


def test_the_apps_languages_are_the_locale_vocabulary():
    """``config`` sits below the models, so it keeps its own tuple: this keeps them equal."""
    assert LOCALES == tuple(Locale)


def test_one_of_refuses_a_word_it_cannot_quote():
    class Bad(StrEnum):
        QUOTE = "it's"

    with pytest.raises(ValueError):
        one_of("kind", Bad)


@pytest.fixture
def rows(app):
    """One stored row in every table that holds a vocabulary, by table name."""
    cycle = factories.cycle()
    team = factories.team()
    manager = factories.user("manager", team=team)
    person = factories.user("staff", team=team, manager=manager)
    review = Review(cycle=cycle, employee=person, manager=manager, team=team)
    idea = Idea(title="T", description="D", category="tools", team=team)
    db.session.add_all(
        [
            review,
            idea,
            Rating(review=review, competency=cycle.competencies[0], source="self", value=3),
            ReviewNote(review=review, kind="strength", text="Calm"),
            ActionItem(review=review, description="Course"),
            ReportExport(user_id=person.id, cycle_id=cycle.id, locale="en"),
            OutboundEmail(recipient="a@example.com", subject="S", body="B", message_id="<m@x>"),
            Procedure(title="P", body="B", owner=person),
            PeopleImport(filename="p.csv", content=""),
            AccountLink(
                user_id=person.id,
                purpose="invite",
                token_hash="0" * 64,
                created_at=(now := utcnow()),
                expires_at=now,
            ),
        ]
    )
    db.session.commit()
    idea.merged_into_id = idea.id  # so "merged" passes the ck_ideas_merged rule
    db.session.commit()
    return {
        "role_assignments": person.id,
        "users": person.id,
        "cycles": cycle.id,
        "ratings": review.ratings[0].id,
        "review_notes": review.notes[0].id,
        "action_items": review.action_items[0].id,
        "ideas": idea.id,
        "report_exports": db.session.query(ReportExport.id).scalar(),
        "outbound_emails": db.session.query(OutboundEmail.id).scalar(),
        "procedures": db.session.query(Procedure.id).scalar(),
        "people_imports": db.session.query(PeopleImport.id).scalar(),
        "account_links": db.session.query(AccountLink.id).scalar(),
    }


def set_value(stored: Stored, row_id: int, word: str) -> None:
    key = stored.table.c.user_id if stored.table.name == "role_assignments" else stored.table.c.id
    db.session.execute(update(stored.table).where(key == row_id).values({stored.column: word}))
    db.session.flush()


@pytest.mark.parametrize("stored", STORED, ids=STORED_IDS)
def test_database_takes_every_word_and_refuses_any_other(rows, stored):
    row_id = rows[stored.table.name]
    for word in stored.vocabulary:
        set_value(stored, row_id, word)
    with pytest.raises(IntegrityError):
        set_value(stored, row_id, "xx")  # short enough for every column
    db.session.rollback()


@pytest.mark.parametrize("status", list(IdeaStatus))
def test_timeline_waits_for_a_response_only_while_the_idea_is_open(app, status):
    """The template asks the domain's open statuses rather than listing its own."""
    idea = Idea(title="T", description="D", category="tools", status=status, anonymous=False)
    with app.test_request_context():
        html = render_template("ideas/_timeline.html", idea=idea)
    assert ("Waiting for a first response" in html) == (status in OPEN_STATUSES)
