"""Content an admin writes in each language (competency names, scale labels…): the default
language's text in the plain column (``name``), the other languages' beside it (``name_et``,
``name_sl``), empty until written. A reader sees their language's text, else the default's."""

from .people import Locale

__all__ = ["DEFAULT_LOCALE", "OTHER_LOCALES", "Locale", "Translated", "column_for"]

DEFAULT_LOCALE = Locale.EN  # the plain columns hold it; it is always filled in
OTHER_LOCALES = tuple(locale for locale in Locale if locale != DEFAULT_LOCALE)


def column_for(field: str, locale: str) -> str:
    """The attribute holding ``field`` in ``locale``: ``name`` or ``name_et``."""
    return field if locale == DEFAULT_LOCALE else f"{field}_{locale}"


class Translated:
    """A model whose ``TRANSLATED`` fields have a column per other language."""

    TRANSLATED: tuple[str, ...] = ()

    def text_in(self, field: str, locale: object) -> str:
        """``field`` in ``locale`` (a code or a Babel locale), else in the default language."""
        if field not in self.TRANSLATED:
            raise AttributeError(f"{type(self).__name__}.{field} is not translated")
        code = str(locale or DEFAULT_LOCALE)
        if code in OTHER_LOCALES and (text := getattr(self, column_for(field, code))):
            return text
        return getattr(self, field) or ""

    def texts(self, field: str) -> dict[str, str]:
        """``field`` in every language as written ("" where missing), default first."""
        return {str(locale): getattr(self, column_for(field, locale)) or "" for locale in Locale}
