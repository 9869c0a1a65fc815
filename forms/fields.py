"""Custom form fields shared by the forms."""

from collections.abc import Iterable

from wtforms import SelectChoice, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as checkboxes (the forms macro renders it as a fieldset)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def optional_int(value) -> int | None:
    """Coerce a select's value to an id, with the empty option meaning "none"."""
    if value in (None, "", "None"):
        return None
    return int(value)


def choice_list(pairs: Iterable[tuple]) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 deprecates bare tuples)."""
    return [SelectChoice(value, label) for value, label in pairs]
