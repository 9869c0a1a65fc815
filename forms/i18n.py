"""WTForms' own messages ("This field is required.", "Not a valid date value.", …) in the
reader's language. WTForms ships no Slovenian catalogue, and its Estonian one is not ours,
so every form asks Rapport's catalogue first (the messages are listed in ``MESSAGES`` so the
extraction finds them) and falls back to WTForms' catalogue, then to English."""

from flask import has_request_context
from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_wtf.i18n import translations as wtforms_translations

MESSAGES = (
    _l("This field is required."),
    _l("Not a valid integer value."),
    _l("Not a valid decimal value."),
    _l("Not a valid float value."),
    _l("Not a valid date value."),
    _l("Not a valid datetime value."),
    _l("Not a valid time value."),
    _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."),
    _l("Invalid email address."),
    _l("Invalid input."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Field must be equal to %(other_name)s."),
    _l("Field cannot be longer than %(max)d characters."),
    _l("Field must be at least %(min)d characters long."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("'%(value)s' is not a valid choice for this field."),
    _l("The CSRF token is missing."),
    _l("The CSRF token has expired."),
    _l("The CSRF token is invalid."),
)


class Translations:
    """The object WTForms asks for its messages."""

    def gettext(self, string: str) -> str:
        if has_request_context():
            ours = get_translations().ugettext(string)  # no % yet: WTForms fills it in
            if ours != string:
                return ours
        return wtforms_translations.gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        if has_request_context():
            found = get_translations()
            ours = found.ungettext(singular, plural, n)
            if ours not in (singular, plural):
                return ours
            # WTForms' plural messages are in our catalogue as their plural sentence alone.
            ours = found.ugettext(plural)
            if ours != plural:
                return ours
        return wtforms_translations.ngettext(singular, plural, n)


translations = Translations()
