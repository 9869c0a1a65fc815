"""Finding a person's name and e-mail address wherever else Rapport stored them — free text,
notifications' parameters, e-mail bodies, the audit trail's before/after values — and the
replacement of each by their pseudonym.

Every text and JSON column of every table is searched (tables added later are covered
without a change here), except the ``users`` row itself (rewritten whole by the erasure) and
what an anonymous author wrote: an anonymous idea and the comments written through its
private link are never read or rewritten, so nothing about them can tie them to the person.

The audit trail is append-only for the application (``services.audit``); the erasure is its
one sanctioned rewrite, by plain UPDATE statements on its values and never its rows, because
the law asks the name to go (GDPR Art. 17) and the trail keeps who did what by id."""

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import JSON, String, Table, Text, and_, cast, not_, or_, select, update
from sqlalchemy.sql import ColumnElement

from extensions import db
from reviews.database import folded
from reviews.models import AuditEvent, User

SKIPPED_TABLES = frozenset({"users"})


def _anonymous_rows() -> dict[str, ColumnElement[bool]]:
    """Rows written anonymously: never read here (see the module's note)."""
    from reviews.models import Idea, IdeaComment

    return {
        "ideas": Idea.anonymous.is_(True),
        "idea_comments": or_(
            IdeaComment.by_anonymous_author.is_(True),
            IdeaComment.idea_id.in_(select(Idea.id).where(Idea.anonymous.is_(True))),
        ),
    }


@dataclass(frozen=True)
class Identity:
    """What names a person (every name and address they had) and what replaces it."""

    names: tuple[str, ...]
    emails: tuple[str, ...]
    pseudonym: str
    pseudo_email: str

    def needles(self) -> set[str]:
        """Lower-case strings a matching value contains (JSON may escape non-ASCII)."""
        found = set()
        for word in (*self.names, *self.emails):
            # JSON keeps non-ASCII as escapes of the letter's own case ("Ž" is \u017d), and
            # folding the stored text leaves an escape as it is: each case's escapes too.
            found |= {word.lower(), json.dumps(word.lower())[1:-1], json.dumps(word)[1:-1].lower()}
        return {n for n in found if n}

    @cached_property
    def pattern(self) -> re.Pattern:
        """A name or an address as a whole word, in any case."""
        emails = "|".join(re.escape(e) for e in sorted(self.emails, key=len, reverse=True))
        names = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
        return re.compile(
            rf"(?<![\w.+-])(?P<email>{emails})(?![\w-])|(?<!\w)(?P<name>{names})(?!\w)",
            re.IGNORECASE,
        )

    def _swap(self, match: re.Match) -> str:
        return self.pseudo_email if match.group("email") else self.pseudonym

    def replace(self, value):
        """``value`` (text, or JSON data) with every name and address replaced."""
        if isinstance(value, str):
            return self.pattern.sub(self._swap, value)
        if isinstance(value, dict):
            return {k: self.replace(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.replace(v) for v in value]
        return value


def identity_of(person: User, pseudonym: str, pseudo_email: str) -> Identity:
    """The person's current and earlier names and addresses (from the audit trail)."""
    names, emails = {person.name}, {person.email}
    query = select(AuditEvent.before, AuditEvent.after).where(
        AuditEvent.object_type == "users", AuditEvent.object_id == person.id
    )
    for before, after in db.session.execute(query):
        for values in (before or {}, after or {}):
            if isinstance(values.get("name"), str):
                names.add(values["name"])
            if isinstance(values.get("email"), str):
                emails.add(values["email"])
    names = {n.strip() for n in names if n and n.strip()}
    emails = {e.strip() for e in emails if e and e.strip()}
    return Identity(tuple(sorted(names)), tuple(sorted(emails)), pseudonym, pseudo_email)


@dataclass(frozen=True)
class Rewrite:
    """One row's new values: its table, its primary key and the columns that change."""

    table: Table
    key: dict
    values: dict


def _text_columns(table: Table, shortest: int) -> list:
    """The columns that may hold a name or an address: text and JSON, leaving out the coded
    ones (a status, a source: only their vocabulary's words fit, ``models.vocabulary``) and
    those too short to hold the shortest name or address."""
    coded = {check.info.get("vocabulary_of") for check in table.constraints}
    return [
        c
        for c in table.columns
        if isinstance(c.type, (String, Text, JSON))
        and c.name not in coded
        and not (isinstance(c.type, String) and c.type.length and c.type.length < shortest)
    ]


def case_variants(word: str, limit: int = 64) -> set[str] | None:
    """Every spelling of ``word`` by the case of its non-ASCII letters ("Žiga" → "Žiga",
    "žiga"), which SQLite's LIKE compares exactly (it ignores the case of ASCII letters
    only); None when there would be more than ``limit`` or a letter changes length."""
    choices = []
    for letter in word:
        lower, upper = letter.lower(), letter.upper()
        if letter.isascii() or lower == upper:
            choices.append((letter,))
        elif len(lower) == 1 and len(upper) == 1:
            choices.append((lower, upper))
        else:
            return None
    if math.prod(len(c) for c in choices) > limit:
        return None
    return {"".join(spelling) for spelling in itertools.product(*choices)}


def _matches(columns: list, who: Identity) -> ColumnElement[bool]:
    """Rows whose text may name the person, for the exact check in Python: every case
    spelling of the name's non-English letters (JSON escapes each case apart), compared with
    the database's own LIKE (SQLite: case-blind for ASCII) or ILIKE — a Python fold per row
    and column took half a minute at 10,000 people. A word with too many spellings falls back
    to the database folding each value."""
    spellings = [case_variants(w) for w in (*who.names, *who.emails)]
    if None in spellings:
        needles = who.needles()
        return or_(
            *(folded(cast(c, Text)).contains(n, autoescape=True) for c in columns for n in needles)
        )
    texts = set().union(*spellings)
    escaped = {json.dumps(t)[1:-1] for t in texts} | texts
    sqlite = db.session.get_bind().dialect.name == "sqlite"
    return or_(
        *(
            cast(c, Text).contains(n, autoescape=True)
            if sqlite
            else cast(c, Text).icontains(n, autoescape=True)
            for c in columns
            for n in (escaped if isinstance(c.type, JSON) else texts)
        )
    )


def scan(who: Identity) -> list[Rewrite]:
    """Every row whose text names the person, with its new values. Reads only: one pass
    over the database, shared by both choices of the dry run (``without``)."""
    hidden = _anonymous_rows()
    shortest = min(len(w) for w in (*who.names, *who.emails))
    found = []
    for table in db.metadata.sorted_tables:
        columns = _text_columns(table, shortest)
        if table.name in SKIPPED_TABLES or not columns or not table.primary_key:
            continue
        keys = list(table.primary_key.columns)
        where = [_matches(columns, who)]
        if (anonymous := hidden.get(table.name)) is not None:
            where.append(not_(anonymous))
        for row in db.session.execute(select(*keys, *columns).where(and_(*where))):
            values = {}
            for column in columns:
                old = row._mapping[column]
                new = who.replace(old)
                if new != old:
                    values[column.name] = new
            if values:
                key = {k.name: row._mapping[k] for k in keys}
                found.append(Rewrite(table, key, values))
    return found


def without(found: list[Rewrite], leaving: dict[str, ColumnElement[bool]]) -> list[Rewrite]:
    """``found`` but the rows the erasure removes (table name → which rows)."""
    gone: dict[str, set[tuple]] = {}
    for name, condition in leaving.items():
        table = db.metadata.tables[name]
        keys = list(table.primary_key.columns)
        gone[name] = {tuple(row) for row in db.session.execute(select(*keys).where(condition))}
    return [
        change
        for change in found
        if tuple(change.key.values()) not in gone.get(change.table.name, ())
    ]


def apply(found: list[Rewrite]) -> None:
    """Write the new values (plain UPDATEs, in the caller's transaction)."""
    for change in found:
        condition = and_(*(change.table.c[k] == v for k, v in change.key.items()))
        values = dict(change.values)
        if "version" in change.table.c:  # an optimistic lock: a form opened before is stale
            values["version"] = change.table.c.version + 1
        db.session.execute(update(change.table).where(condition).values(**values))
