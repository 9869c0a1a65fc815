"""A domain word's vocabulary is one ``StrEnum``, defined next to its model: its members are
the strings stored in the column, the CHECK constraint is generated from it here, and the
labels in ``reviews/labels.py`` are keyed by it (``tests/models/test_vocabulary.py`` proves
the three agree)."""

from enum import StrEnum

from sqlalchemy import CheckConstraint


def one_of(column: str, vocabulary: type[StrEnum], name: str | None = None) -> CheckConstraint:
    """``column IN ('a', 'b', …)`` in the vocabulary's order, named after the column unless
    ``name`` is given (the naming convention turns it into ``ck_<table>_<name>``)."""
    if any("'" in word for word in vocabulary):
        raise ValueError(f"{vocabulary.__name__}: a quote cannot be stored in a CHECK literal")
    words = ", ".join(f"'{word}'" for word in vocabulary)
    check = f"{column} IN ({words})"
    return CheckConstraint(check, name=name or column, info={"vocabulary_of": column})
