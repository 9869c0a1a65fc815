"""Recognition forms: give one (a colleague from the long list, competencies, a message),
and the person's own team-feed choice."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, TextAreaField
from wtforms.validators import DataRequired, Length

from forms import AppForm
from forms.fields import ListSelectField, MultiCheckboxField, optional_int
from reviews.services.recognition.giving import MESSAGE_MAX, MESSAGE_MIN


class RecognitionForm(AppForm):
    recipient = ListSelectField(
        _l("Colleague"),
        coerce=optional_int,
        validators=[DataRequired(_l("Choose the colleague you recognise."))],
    )
    competencies = MultiCheckboxField(
        _l("What it shows"),
        coerce=int,
        validators=[DataRequired(_l("Choose at least one competency the recognition is for."))],
    )
    message = TextAreaField(
        _l("Your message"),
        validators=[
            DataRequired(_l("Write a few words about what they did.")),
            Length(
                min=MESSAGE_MIN,
                max=MESSAGE_MAX,
                message=_l(
                    "Write between %(min)d and %(max)d characters.",
                    min=MESSAGE_MIN,
                    max=MESSAGE_MAX,
                ),
            ),
        ],
    )


def recognition_form(colleagues, competencies, **kwargs) -> RecognitionForm:
    """The form offering ``colleagues`` and ``competencies`` ((id, label) pairs each)."""
    form = RecognitionForm(**kwargs)
    form.recipient.offer(colleagues, blank=_l("Choose a colleague…"))
    form.competencies.choices = list(competencies)
    return form


class FeedForm(AppForm):
    in_team_feed = BooleanField(_l("Show the recognitions I receive in my team's feed"))
