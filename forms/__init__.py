"""Flask-WTF form classes: the shape of input, no database writes."""

from flask_wtf import FlaskForm

from .i18n import translations


class AppForm(FlaskForm):
    """Every form of the app: WTForms' messages come from Rapport's catalogue (forms.i18n)."""

    class Meta:
        def get_translations(self, form):
            return translations


class EmptyForm(AppForm):
    """A form with only the CSRF token, for buttons that change state (logout, retire…)."""
