"""The CSV format of people, shared by the import and the export: the exact header, the
role separator, the row cap, and the escape of formula-like cells (which the import strips
again, so an exported file imports back unchanged)."""

import csv
import io
import re
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l

from reviews.services import DomainError
from reviews.services.ideas.export import FORMULA_STARTS

HEADER = ("name", "email", "team", "manager_email", "roles", "language")
ROLE_SEPARATOR = "|"
MAX_ROWS = 5000  # people in one file; a larger file is refused (split it)
LIMITS = {"name": 120, "email": 254, "team": 120, "manager_email": 254, "roles": 100}
LIMITS["language"] = 5
ESCAPE = "'"
# Invisible control characters (C0 but tab and line breaks, DEL, C1): PostgreSQL cannot store
# a NUL and nobody types the others; the request's own check sees forms, not files.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """A cell no spreadsheet will run: a leading ' before a formula character (and before a
    ' of the text itself, so that unescaping gives back exactly the text)."""
    return ESCAPE + text if text.startswith((*FORMULA_STARTS, ESCAPE)) else text


def unescape(cell: str) -> str:
    """Strip exactly the export's escape; any other cell stays as given."""
    rest = cell[1:]
    return rest if cell.startswith(ESCAPE) and rest.startswith((*FORMULA_STARTS, ESCAPE)) else cell


def decode(data: bytes) -> str:
    """The file's text: UTF-8, with or without a byte-order mark."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(
            {"file": _l("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.")}
        ) from None
    if found := CONTROL.search(text):
        line = text.count("\n", 0, found.start()) + 1
        raise DomainError(
            {
                "file": _l(
                    "Line %(line)d holds an invisible control character (U+%(code)04X), which"
                    " no name or address may contain. Remove it and upload the file again.",
                    line=line,
                    code=ord(found.group()),
                )
            }
        )
    return text


def _delimiter(first_line: str) -> str:
    for delimiter in (",", ";"):
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        if tuple(c.strip().lower() for c in cells) == HEADER:
            return delimiter
    raise DomainError(
        {
            "file": _l(
                "The first line must be the header %(expected)s (separated by commas or "
                "semicolons), but it is: %(found)s",
                expected=",".join(HEADER),
                found=first_line[:200] or _l("(empty)"),
            )
        }
    )


def parse(text: str) -> list[tuple[int, list[str]]]:
    """The data rows as (line number in the file, cells), after the header is checked;
    empty lines are skipped. More than MAX_ROWS rows is refused."""
    first_line = text.split("\n", 1)[0].rstrip("\r")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first_line))
    try:
        return _rows(reader)
    except csv.Error as error:
        raise DomainError(
            {
                "file": _l(
                    "Line %(line)d cannot be read: %(reason)s",
                    line=reader.line_num,
                    reason=str(error),
                )
            }
        ) from None


def _rows(reader) -> list[tuple[int, list[str]]]:
    next(reader)
    rows = []
    line = reader.line_num + 1
    for cells in reader:
        if any(c.strip() for c in cells):
            rows.append((line, cells))
        if len(rows) > MAX_ROWS:
            raise DomainError(
                {
                    "file": _l(
                        "The file has more than %(max)d people; import at most %(max)d at "
                        "once (split the file).",
                        max=MAX_ROWS,
                    )
                }
            )
        line = reader.line_num + 1
    return rows


def count_rows(text: str) -> int:
    """How many people the file has (the header checked, the row cap applied)."""
    return len(parse(text))


def write(rows: Iterable[Iterable[str]]) -> str:
    """The CSV text: the header, then each row with formula-like cells escaped."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([escape(cell) for cell in row] for row in rows)
    return out.getvalue()
