"""Administration forms: people, teams, the competency framework, the rating scale, cycles and
the list filters. Choices that come from the database (teams, managers) are set by the view."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    PasswordField,
    SearchField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from forms import AppForm
from reviews.labels import LOCALE_LABELS
from reviews.models.framework import SCALE_MAX
from reviews.models.translated import DEFAULT_LOCALE, Locale
from reviews.services.people.auth import MIN_PASSWORD_LENGTH

from .fields import MAX_ID, MultiCheckboxField, choice_list, optional_int

ROLES = [
    ("staff", _l("Staff")),
    ("manager", _l("Manager")),
    ("leadership", _l("Leadership")),
    ("admin", _l("Admin")),
]
ROLE_CHOICES = choice_list(ROLES)
# Each language is named in itself, so anyone can find their own.
LOCALE_CHOICES = choice_list([("en", "English"), ("et", "Eesti"), ("sl", "Slovenščina")])
REQUIRED = _l("This field is required.")


class PersonForm(AppForm):
    email = EmailField(
        _l("Email"),
        validators=[
            DataRequired(REQUIRED),
            Length(max=254),
            Email(_l("Enter a valid email address, such as name@example.org.")),
        ],
    )
    name = StringField(_l("Full name"), validators=[DataRequired(REQUIRED), Length(max=120)])
    job_title = StringField(_l("Job title"), validators=[Length(max=120)])
    roles = MultiCheckboxField(
        _l("Roles"),
        choices=ROLE_CHOICES,
        default=["staff"],
        validators=[DataRequired(_l("Choose at least one role."))],
    )
    team_id = SelectField(_l("Team"), coerce=optional_int, choices=[])
    manager_id = SelectField(_l("Manager"), coerce=optional_int, choices=[])
    locale = SelectField(_l("Language"), choices=LOCALE_CHOICES, default="en")
    active = BooleanField(_l("Active (can sign in and take part in reviews)"), default=True)
    password = PasswordField(
        _l("New password"),
        validators=[
            Optional(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=512,
                message=_l("Use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH),
            ),
        ],
    )

    invite = BooleanField(_l("Send an invitation e-mail"), default=False)

    def __init__(self, *args, person_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person_id = person_id

    def validate_manager_id(self, field):
        if self.person_id is not None and field.data == self.person_id:
            raise ValidationError(_l("A person cannot be their own manager."))


class TeamForm(AppForm):
    name = StringField(_l("Name"), validators=[DataRequired(REQUIRED), Length(max=120)])
    description = TextAreaField(_l("Description"), validators=[Length(max=500)])
    active = BooleanField(_l("Active (can be chosen for people and ideas)"), default=True)


def _in(locale: Locale) -> dict:
    return {"language": LOCALE_LABELS[locale]}


# Each text of the framework is written per language: the default language's is required,
# the others optional (a reader whose language is missing sees the default's).
ET, SL = Locale.ET, Locale.SL
DEFAULT = DEFAULT_LOCALE


class CompetencyForm(AppForm):
    name = StringField(
        _l("Name (%(language)s)", **_in(DEFAULT)),
        validators=[DataRequired(REQUIRED), Length(max=120)],
    )
    description = TextAreaField(
        _l("Description (%(language)s)", **_in(DEFAULT)), validators=[Length(max=2000)]
    )
    behaviour_examples = TextAreaField(
        _l("Behaviour examples (%(language)s)", **_in(DEFAULT)), validators=[Length(max=4000)]
    )
    name_et = StringField(_l("Name (%(language)s)", **_in(ET)), validators=[Length(max=120)])
    description_et = TextAreaField(
        _l("Description (%(language)s)", **_in(ET)), validators=[Length(max=2000)]
    )
    behaviour_examples_et = TextAreaField(
        _l("Behaviour examples (%(language)s)", **_in(ET)), validators=[Length(max=4000)]
    )
    name_sl = StringField(_l("Name (%(language)s)", **_in(SL)), validators=[Length(max=120)])
    description_sl = TextAreaField(
        _l("Description (%(language)s)", **_in(SL)), validators=[Length(max=2000)]
    )
    behaviour_examples_sl = TextAreaField(
        _l("Behaviour examples (%(language)s)", **_in(SL)), validators=[Length(max=4000)]
    )
    weight = DecimalField(
        _l("Weight"),
        places=2,
        default=1,
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=0.1, max=10, message=_l("Enter a weight from %(min)s to %(max)s.")),
        ],
    )
    position = IntegerField(
        _l("Position"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=0, max=9999, message=_l("Enter a number from %(min)s to %(max)s.")),
        ],
    )


class ScaleLevelForm(Form):
    """One row of the scale (a sub-form: the page's CSRF token covers it)."""

    value = IntegerField(
        _l("Value"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(
                min=1, max=SCALE_MAX, message=_l("Enter a number from %(min)s to %(max)s.")
            ),
        ],
    )
    label = StringField(
        _l("Label (%(language)s)", **_in(DEFAULT)),
        validators=[DataRequired(_l("Every level needs a label.")), Length(max=60)],
    )
    description = StringField(
        _l("Description (%(language)s)", **_in(DEFAULT)), validators=[Length(max=300)]
    )
    label_et = StringField(_l("Label (%(language)s)", **_in(ET)), validators=[Length(max=60)])
    description_et = StringField(
        _l("Description (%(language)s)", **_in(ET)), validators=[Length(max=300)]
    )
    label_sl = StringField(_l("Label (%(language)s)", **_in(SL)), validators=[Length(max=60)])
    description_sl = StringField(
        _l("Description (%(language)s)", **_in(SL)), validators=[Length(max=300)]
    )


class ScaleForm(AppForm):
    count = SelectField(
        _l("Number of levels"),
        coerce=int,
        choices=choice_list((n, str(n)) for n in range(2, SCALE_MAX + 1)),
    )
    levels = FieldList(FormField(ScaleLevelForm), min_entries=2, max_entries=SCALE_MAX)

    def validate(self, extra_validators=None) -> bool:
        """As usual, plus the scale-wide messages shown above the form."""
        valid = super().validate(extra_validators)
        self.form_errors.extend(e for e in self.levels.errors if not isinstance(e, dict))
        return valid

    def validate_levels(self, field):
        """Levels run 1, 2, 3… without gaps; the first one out of place gets the message."""
        if len(field.entries) < 2:
            raise ValidationError(_l("A scale needs at least two levels."))
        for expected, entry in enumerate(field.entries, start=1):
            value = entry.form.value
            if value.data is not None and not value.errors and value.data != expected:
                value.errors = list(value.errors) + [_l("Should be %(n)d.", n=expected)]
                raise ValidationError(_l("Levels must be numbered 1, 2, 3… without gaps."))

    def reshape(self) -> bool:
        """Add blank levels or drop the last ones to match ``count``, so levels can be added
        and removed without JavaScript. True when the rows changed (nothing is saved then)."""
        wanted, rows = self.count.data, len(self.levels.entries)
        if not isinstance(wanted, int) or not 2 <= wanted <= SCALE_MAX or wanted == rows:
            return False
        while len(self.levels.entries) > wanted:
            self.levels.pop_entry()
        while len(self.levels.entries) < wanted:
            n = len(self.levels.entries) + 1
            self.levels.append_entry({"value": n})
        return True


class CycleForm(AppForm):
    name = StringField(_l("Name"), validators=[DataRequired(REQUIRED), Length(max=60)])
    period_start = DateField(_l("Period starts"), validators=[InputRequired(REQUIRED)])
    period_end = DateField(_l("Period ends"), validators=[InputRequired(REQUIRED)])
    self_deadline = DateField(_l("Self-assessment deadline"), validators=[InputRequired(REQUIRED)])
    review_deadline = DateField(_l("Review deadline"), validators=[InputRequired(REQUIRED)])
    show_self_to_manager = BooleanField(
        _l("Let managers see the self-assessment while writing their review")
    )

    def validate_period_end(self, field):
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError(_l("The period must end after it starts."))

    def validate_review_deadline(self, field):
        if self.self_deadline.data and field.data and field.data < self.self_deadline.data:
            raise ValidationError(
                _l("The review deadline cannot be before the self-assessment deadline.")
            )


class FilterForm(AppForm):
    """A GET form over the query string: no CSRF token, no errors that block the list."""

    class Meta:
        csrf = False


STATUS_CHOICES = choice_list(
    [("", _l("Everyone")), ("active", _l("Active")), ("deactivated", _l("Deactivated"))]
)


class PeopleFilterForm(FilterForm):
    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    team = SelectField(_l("Team"), coerce=optional_int, choices=[], validate_choice=False)
    role = SelectField(
        _l("Role"), choices=choice_list([("", _l("Any role")), *ROLES]), validate_choice=False
    )
    status = SelectField(_l("Status"), choices=STATUS_CHOICES, validate_choice=False)


class AuditFilterForm(FilterForm):
    object_type = SelectField(_l("Object"), choices=[], validate_choice=False)
    object_id = IntegerField(
        _l("Object number"),
        validators=[
            Optional(),
            NumberRange(min=1, max=MAX_ID, message=_l("Give an object number such as 42.")),
        ],
    )
    action = SelectField(_l("Action"), choices=[], validate_choice=False)
    actor = SearchField(_l("Changed by"), validators=[Optional(), Length(max=100)])
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until"), validators=[Optional()])

    def value(self, name: str):
        """A filter's value, or None when it is empty or not valid (its error is shown)."""
        field = self[name]
        return field.data if field.data not in (None, "") and not field.errors else None


class PeopleImportForm(AppForm):
    """A CSV file of people to check (the import's format: reviews.services.people.csv_people)."""

    file = FileField(
        _l("CSV file"),
        validators=[
            FileRequired(_l("Choose a CSV file.")),
            FileAllowed(["csv", "txt"], _l("Choose a .csv file.")),
        ],
    )
