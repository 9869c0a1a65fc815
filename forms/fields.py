"""Custom form fields shared by the forms."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape
from wtforms import Choice, SelectChoice, SelectField, SelectMultipleField, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget, Select, html_params


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as checkboxes (the forms macro renders it as a fieldset)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


# The largest id an id column holds (INTEGER: signed 32 bits on PostgreSQL): a larger number
# in a URL or a form is no id at all, refused before it reaches a query (PostgreSQL answers
# "integer out of range", which would be a 500).
MAX_ID = 2**31 - 1


def optional_int(value) -> int | None:
    """Coerce a select's value to an id, with the empty option meaning "none" (an out-of-range
    number is a ValueError, which the field reports as an invalid choice)."""
    if value in (None, "", "None"):
        return None
    number = int(value)
    if not 0 <= number <= MAX_ID:
        raise ValueError(value)
    return number


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


@dataclass(frozen=True)
class Menu:
    """A long list of options, prepared once: the choices, their coerced values (to check a
    choice against) and the options' HTML with none selected."""

    choices: tuple[SelectChoice, ...]
    values: frozenset
    html: str
    marks: dict  # coerced value -> its option's opening tag, for the first option with it


@lru_cache(maxsize=256)
def _menu(pairs: tuple[tuple[Any, str], ...], coerce) -> Menu:
    """The menu of ``pairs`` — kept by content, so the same 500 teams in the same language are
    prepared once per process, and a renamed team simply makes a new menu."""
    choices = tuple(SelectChoice(value, label) for value, label in pairs)
    marks = {}
    for value, _ in reversed(pairs):
        marks[coerce(value)] = f'<option value="{escape(value)}">'
    return Menu(
        choices=choices,
        values=frozenset(marks),
        html="".join(
            FastSelect.render_option(Choice(value, label, False, None)) for value, label in pairs
        ),
        marks=marks,
    )


class ListSelect(FastSelect):
    """Writes a ``ListSelectField``'s prepared options, marking the chosen one."""

    def __call__(self, field, **kwargs):
        menu = getattr(field, "menu", None)
        if menu is None or self.multiple:
            return super().__call__(field, **kwargs)
        kwargs.setdefault("id", field.id)
        flags = getattr(field, "flags", {})
        for name in self.validation_attrs:
            if name not in kwargs and getattr(flags, name, False):
                kwargs[name] = getattr(flags, name)
        html, mark = menu.html, menu.marks.get(field.data)
        if mark is not None:
            html = html.replace(mark, mark.replace("<option ", "<option selected ", 1), 1)
        params = html_params(name=field.name, **kwargs)
        return Markup(f"<select {params}>{html}</select>")  # noqa: S704 (escaped above)


class ListSelectField(SelectField):
    """A select over a long list (teams, cycles). Give it its options with ``offer``: they are
    prepared once per distinct list and language, and a choice is checked against a set,
    where WTForms builds and compares every option on each request (a menu of 500 teams
    was a quarter of the idea list's time)."""

    widget = ListSelect()
    menu: Menu | None = None

    def offer(self, pairs: Iterable[tuple], blank=None) -> None:
        """Offer (value, label) pairs, after an empty choice labelled ``blank`` if given."""
        head = (("", str(blank)),) if blank is not None else ()
        self.menu = _menu(head + tuple((v, str(label)) for v, label in pairs), self.coerce)
        self.choices = list(self.menu.choices)

    def offers(self, data) -> bool:
        """Whether ``data`` (a coerced value; None for the empty choice) is on offer."""
        if self.menu is None:
            return any(self.coerce(choice.value) == data for choice in self.choices or ())
        return data in self.menu.values

    def pre_validate(self, form) -> None:
        if self.menu is None or self.process_errors or not self.validate_choice:
            return super().pre_validate(form)
        if self.data not in self.menu.values:
            raise ValidationError(
                self.invalid_choice_message or self.gettext("Not a valid choice.")
            )
