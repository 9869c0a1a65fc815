"""Domain rules as plain functions. They raise ``DomainError`` for a rule a user broke; views
turn its field messages into form errors."""


class DomainError(Exception):
    """A rule was broken. ``errors`` maps a form field name (or "" for the whole form) to a
    message already wrapped for translation."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class StaleError(DomainError):
    """The object changed since the form was loaded; the save was refused, nothing written."""
