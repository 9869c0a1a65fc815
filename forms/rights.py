"""Data rights forms: the retention period and the erasure of one departed person."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField
from wtforms.validators import InputRequired, NumberRange

from forms import AppForm
from forms.fields import choice_list
from reviews.models.rights import RETENTION_MAX, RETENTION_MIN
from reviews.services.rights.erasure import ErasureMode

MODES = choice_list(
    [
        (ErasureMode.PSEUDONYMISE.value, _l("Pseudonymise: keep their reviews under a pseudonym")),
        (ErasureMode.REMOVE.value, _l("Remove: delete their reviews, comments and recognitions")),
    ]
)


class RetentionForm(AppForm):
    months = IntegerField(
        _l("Months after deactivation"),
        validators=[
            InputRequired(_l("Give a number of months.")),
            NumberRange(
                RETENTION_MIN,
                RETENTION_MAX,
                _l("Choose from %(min)d to %(max)d months.", min=RETENTION_MIN, max=RETENTION_MAX),
            ),
        ],
    )


class ErasureForm(AppForm):
    mode = SelectField(
        _l("What happens to their records"), choices=MODES, default=ErasureMode.PSEUDONYMISE.value
    )
    asked_now = BooleanField(
        _l("The person asked for erasure now (before the retention period ends)")
    )
