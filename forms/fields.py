"""Custom form fields shared by the forms."""

from collections.abc import Iterable

from markupsafe import escape
from wtforms import SelectChoice, SelectField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget, Select


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


class FastSelect(Select):
    """A select that writes each plain option with one f-string: WTForms builds every
    option through ``html_params`` and a ``Markup`` (≈ 10 µs each), which a filter listing
    500 teams pays on every page. Options with extra attributes take WTForms' own path."""

    @classmethod
    def render_option(cls, choice, **kwargs):
        if kwargs or choice.render_kw:
            return super().render_option(choice, **kwargs)
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        label = choice.label if choice.label not in (None, "") else choice.value
        selected = " selected" if choice.selected else ""
        return f'<option{selected} value="{escape(value)}">{escape(label)}</option>'


class ListSelectField(SelectField):
    """A select over a long list (teams, cycles) drawn with ``FastSelect``."""

    widget = FastSelect()
