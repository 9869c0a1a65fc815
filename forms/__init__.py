"""Flask-WTF form classes: the shape of input, no database writes."""

from collections.abc import Iterable, Iterator

from flask_wtf import FlaskForm
from wtforms.fields import FieldList, FormField, HiddenField

from .i18n import translations


class AppForm(FlaskForm):
    """Every form of the app: WTForms' messages come from Rapport's catalogue (forms.i18n)."""

    class Meta:
        def get_translations(self, form):
            return translations

    def error_summary(self) -> list[tuple[str | None, str, str]]:
        """Every error on the form as (field id, field label, message), in the order the
        fields appear, nested entries included; the id is None for what concerns the whole
        form (a hidden field, the CSRF token, a service's reason for the form). The summary at
        the top of a form links each message to its field."""
        whole = [(None, "", str(m)) for m in self.form_errors]
        return whole + list(_errors_of(self))


def _errors_of(fields: Iterable) -> Iterator[tuple[str | None, str, str]]:
    for f in fields:
        if isinstance(f, FormField):
            yield from _errors_of(f.form)
        elif isinstance(f, FieldList):
            yield from _errors_of(f.entries)
        else:
            hidden = isinstance(f, HiddenField) or f.type == "CSRFTokenField"
            for message in f.errors:
                yield (None if hidden else f.id), ("" if hidden else f.label.text), str(message)


class EmptyForm(AppForm):
    """A form with only the CSRF token, for buttons that change state (logout, retire…)."""
