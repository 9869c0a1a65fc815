"""The training record form: the person (when adding), what, when, how long, who gave it,
the competencies it concerns and a note. The rules (date not in the future, hours above 0)
are the service's; the form reads the input (hours with a comma or a point)."""

from decimal import Decimal, InvalidOperation

from flask_babel import format_decimal, get_locale
from flask_babel import lazy_gettext as _l
from wtforms import DateField, DecimalField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import TextInput

from forms import AppForm
from forms.fields import ListSelectField, MultiCheckboxField, choice_list, optional_int
from reviews.models import Competency, TrainingRecord, User
from reviews.services.training.records import NOTE_MAX, PROVIDER_MAX, TITLE_MAX, TrainingInput


def _length(n: int):
    return Length(max=n, message=_l("Keep this under %(max)d characters."))


class HoursField(DecimalField):
    """Hours as typed in any of the app's languages: "1.5" or "1,5"; empty means not known.
    A text box with the decimal keypad: a number box refuses the comma in some browsers."""

    widget = TextInput()

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        return format_decimal(self.data, format="0.##")  # in the reader's language

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", ".").replace(" ", "")
        try:
            self.data = Decimal(text)
        except (InvalidOperation, ValueError):
            self.data = None
            raise ValueError(_l("Give the hours as a number, e.g. 1.5.")) from None
        if not self.data.is_finite():
            self.data = None
            raise ValueError(_l("Give the hours as a number, e.g. 1.5."))


class TrainingForm(AppForm):
    person = ListSelectField(
        _l("Person"),
        coerce=optional_int,
        validators=[DataRequired(_l("Choose whose training this is."))],
    )
    # The service says the same when they are missing; here they are marked as required.
    title = StringField(
        _l("Training"),
        validators=[DataRequired(_l("Give the training a title.")), _length(TITLE_MAX)],
    )
    taken_on = DateField(
        _l("Date taken"), validators=[InputRequired(_l("Give the date the training was taken."))]
    )
    hours = HoursField(
        _l("Hours"), places=2, validators=[Optional()], render_kw={"inputmode": "decimal"}
    )
    provider = StringField(_l("Provider"), validators=[_length(PROVIDER_MAX)])
    competencies = MultiCheckboxField(
        _l("Competencies it concerns"), coerce=int, choices=[], validators=[Optional()]
    )
    note = TextAreaField(_l("Note"), validators=[Optional(), _length(NOTE_MAX)])

    def data_in(self) -> TrainingInput:
        return TrainingInput(
            title=self.title.data or "",
            taken_on=self.taken_on.data,
            hours=float(self.hours.data) if self.hours.data is not None else None,
            provider=self.provider.data or "",
            competency_ids=list(self.competencies.data or []),
            note=self.note.data or "",
        )


def training_form(
    competencies: list[Competency],
    people: list[User] | None = None,
    record: TrainingRecord | None = None,
    chosen: int | None = None,
    **kwargs,
) -> TrainingForm:
    """The form for a new record (``people``: whom it may be for, ``chosen`` first) or for
    editing ``record`` (no person menu: a record stays with its person)."""
    form = TrainingForm(obj=record, **kwargs) if record is not None else TrainingForm(**kwargs)
    locale = get_locale()
    offered = list(competencies)
    if record is not None:  # a retired competency stays on the record it tags
        offered += [c for c in record.competencies if c not in offered]
    form.competencies.choices = choice_list((c.id, c.text_in("name", locale)) for c in offered)
    if record is not None:
        del form.person
        if not form.is_submitted():
            form.competencies.data = [c.id for c in record.competencies]
    else:
        form.person.offer((p.id, p.name) for p in people or [])
        if not form.is_submitted() and chosen is not None:
            form.person.data = chosen
    return form
