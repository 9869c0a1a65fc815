"""A person's e-mail choices for their notifications: one choice per topic."""

from wtforms import RadioField

from forms import AppForm
from forms.fields import choice_list
from reviews.models import EmailMode, Topic
from reviews.services.notifications.preferences import INVALID, MODE_LABELS, TOPICS


class EmailPreferencesForm(AppForm):
    """One radio group per topic (its field is named after the topic)."""

    def choices(self) -> dict[str, str]:
        return {topic.value: self[topic.value].data for topic in Topic}


for _topic, _info in TOPICS.items():
    setattr(
        EmailPreferencesForm,
        _topic.value,
        RadioField(
            _info.label,
            choices=choice_list((mode.value, MODE_LABELS[mode]) for mode in EmailMode),
            description=_info.description,
            invalid_choice_message=INVALID,  # also for no choice at all
        ),
    )
