"""The reports web layer: the ``reports`` blueprint (pages, pictures, tables and downloads in
``pages``; the cycle-report request in ``actions``), reading a viewer's filters
(``requests``) and the cached HTML panels (``panels``). The rest of ``reports`` works
without a request; everything that needs one lives here. pandas and matplotlib are
imported on the first report request, not when the app starts."""

import logging

from flask import Blueprint, Response, abort

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.record_once
def _setup(state) -> None:
    """matplotlib's font subsetter logs each PDF's glyphs at INFO, which would flood the app's
    log. (The data-version listeners of ``reports.cache`` are attached by ``create_app``.)"""
    logging.getLogger("fontTools").setLevel(logging.WARNING)


def spec_or_404(name: str):
    """The chart called ``name``, or 404."""
    from reports import catalog

    spec = catalog.get(name)
    if spec is None:
        abort(404)
    return spec


def bad_filters(messages: list[str]) -> Response:
    """400 with the filter messages as plain text (for an image, a download or a POST)."""
    return Response("\n".join(str(m) for m in messages), status=400, mimetype="text/plain")


from . import actions, history, pages  # noqa: E402,F401  (routes register on bp)
