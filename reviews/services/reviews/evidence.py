"""What happened since a person's last review, beside each competency: recognitions tagged
with it, trainings in it, action items about it, ideas implemented — so a review is written
from evidence, not memory.

Each area that keeps such records offers one function of the shape of ``Source``; ``SOURCES``
lists them, and ``collect`` asks each in turn. A source returns only what the person may be
shown about themselves (the reader's further rights are checked by the view's loader)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Evidence:
    """One thing that happened, tied to a framework competency (``Competency.id``, the same
    across cycles) or to none (``competency_id`` None: it speaks for the whole review)."""

    competency_id: int | None
    kind: str  # "recognition", "training", "action", "idea"
    on: date
    text: str  # a short line in the words it was written in (a title, a message)
    obj_id: int  # the record's id, for a link the view builds


# (person_id, since, until) -> what happened to that person in [since, until); since None:
# from the beginning.
Source = Callable[[int, datetime | None, datetime], list[Evidence]]

SOURCES: list[Source] = []
