"""URL converters. An id in a path is at most ``MAX_ID``: a larger number matches no route, so
``/reviews/99999999999999999999`` is a 404 like any other id that does not exist, not a 500
from the database."""

from flask import Flask
from werkzeug.routing import IntegerConverter

from forms.fields import MAX_ID


class IdConverter(IntegerConverter):
    """``<int:…>`` limited to the ids a column can hold."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def register(app: Flask) -> None:
    """Replace ``int`` in every route; call before the blueprints are registered."""
    app.url_map.converters["int"] = IdConverter
