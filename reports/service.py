"""The cached path from filters to numbers, pictures and files.

``chart_data`` returns a chart's numbers, from the cache when the data under them has not
changed; ``chart_file`` returns a picture or a download the same way. Both work without a
request (the bench and the cycle report use them) given a session, the filters and a
Context; the caller commits, so what was cached is kept."""

import copy

from flask_babel import force_locale, get_locale
from matplotlib import rc_context
from sqlalchemy.orm import Session

from . import cache, charts, export, labels
from .build import Context
from .catalog import ACTIONS, IDEAS, PROCEDURES, RECOGNITIONS, TRAINING, ChartSpec
from .chartdata import ChartData
from .charts import style
from .filters import Filters, previous_cycle

PAGE_DPI = 100  # the image on the page: its pixel size is size() × this
DOWNLOAD_DPI = 200  # a downloaded PNG: sharp enough to print or paste into slides


def _key(kind: str, spec: ChartSpec, filters: Filters, ctx: Context, versions, **extra) -> str:
    return cache.make_key(
        kind=kind,
        chart=spec.name,
        filters=filters.as_dict(),
        scope=ctx.scope,
        min_size=ctx.min_size,
        versions=versions,
        **extra,
    )


def domains(spec: ChartSpec, filters: Filters, ctx: Context) -> tuple[str, ...]:
    """The data domains a chart reads for (normalised) ``filters``: ideas, or the cycles it
    shows (and the cycle before the one chosen, for a chart that compares with it)."""
    if spec.reads == IDEAS:
        return cache.chart_domains((), ideas=True)
    if spec.reads == RECOGNITIONS:  # also the team sizes: people's teams and active flags
        return (*cache.chart_domains(()), cache.RECOGNITIONS)
    if spec.reads == PROCEDURES:  # the cycles' periods are in ORG
        return cache.chart_domains((), procedures=True)
    if spec.reads == TRAINING:  # trainings, and the reviews of the cycles it shows
        return (*cache.chart_domains(filters.cycle_ids), TRAINING)
    if spec.reads == ACTIONS:  # the cycle's teams and its (and the next cycle's) items
        return (*cache.chart_domains((filters.cycle_id,)), cache.ACTIONS)
    cycle_ids = set(filters.cycle_ids)
    if filters.cycle_id is not None:
        cycle_ids.add(filters.cycle_id)
        previous = previous_cycle(ctx.cycles, filters.cycle_id)
        if spec.compares_previous and previous is not None:
            cycle_ids.add(previous)
    return cache.chart_domains(cycle_ids)


def data_versions(session: Session, spec: ChartSpec, filters: Filters, ctx: Context) -> dict:
    """The current versions of what the chart reads (``filters`` normalised)."""
    return cache.versions(session, domains(spec, filters, ctx))


def version_tag(
    spec: ChartSpec, filters: Filters, ctx: Context, locale: str, versions: dict
) -> str:
    """A short tag for a chart's URLs of everything its files depend on but the format:
    the data versions, the (normalised) filters — the person and the teams included —, the
    scope, the group size and the language. A new tag whenever any of them changes, so a
    browser may keep a file under its tagged URL for good, and a URL never fits two views."""
    return _key("tag", spec, filters, ctx, versions, locale=locale)[:16]


def chart_data(
    session: Session, spec: ChartSpec, filters: Filters, ctx: Context, versions=None
) -> ChartData:
    """The chart's numbers for ``filters`` (normalised to what the chart uses), cached.
    The data versions are read before the data, so cached numbers are never older than
    the version they are filed under."""
    filters = spec.normalise(filters)
    if versions is None:
        versions = data_versions(session, spec, filters, ctx)
    key = _key("data", spec, filters, ctx, versions)
    hit = cache.load(session, key)
    if hit is not None:
        return ChartData.from_json(hit[0])
    data = spec.build(session, filters, ctx)
    cache.store(session, key, data.to_json(), "application/json")
    return data


def localised(data: ChartData) -> ChartData:
    """A copy whose meta holds the words that depend on the viewer's language: the subject,
    and the competencies' names and scale labels in it where written (the numbers hold the
    default language's, and the others beside them: ``build._words``)."""
    meta = copy.deepcopy(data.meta)
    meta["subject"] = labels.subject(meta.get("scope", {}))
    locale = str(get_locale() or "")
    frame = data.frame
    names = meta.get("competencies_in", {}).get(locale)
    if names and "competency" in frame:
        frame = frame.copy()
        ids = [_id(value) for value in frame["competency_id"].tolist()]
        frame["competency"] = [
            names.get(i, name) for i, name in zip(ids, frame["competency"].tolist(), strict=True)
        ]
    if words := meta.get("scale_in", {}).get(locale):
        meta["scale"] = {
            value: words.get(str(value), label) for value, label in meta["scale"].items()
        }
    return ChartData(frame, meta)


def _id(value) -> str:
    """A competency id as the translations key it ("" for none: NaN or missing)."""
    try:
        return str(int(value))
    except (TypeError, ValueError):
        return ""


def chart_file(
    session: Session,
    spec: ChartSpec,
    filters: Filters,
    ctx: Context,
    fmt: str,
    locale: str,
    dpi: int = PAGE_DPI,
    versions: dict | None = None,
) -> tuple[bytes, str, bool]:
    """The chart as PNG, SVG or PDF, or its table as CSV or XLSX, in ``locale``: from the
    cache, or drawn and cached (the third value says so: the caller commits then)."""
    filters = spec.normalise(filters)
    if versions is None:
        versions = data_versions(session, spec, filters, ctx)
    resolution = dpi if fmt == "png" else None
    key = _key("file", spec, filters, ctx, versions, fmt=fmt, locale=locale, dpi=resolution)
    mimetype = export.MIMETYPES[fmt]  # known from the format (the cache may hold a shorter one)
    hit = cache.load(session, key)
    if hit is not None:
        return hit[0], mimetype, False
    data = chart_data(session, spec, filters, ctx, versions)
    with force_locale(locale):
        content = render(spec, localised(data), fmt, dpi)
    cache.store(session, key, content, mimetype)
    return content, mimetype, True


def render(spec: ChartSpec, data: ChartData, fmt: str, dpi: int = PAGE_DPI) -> bytes:
    """Draw (or tabulate) ``data`` in the current locale: no cache, no database."""
    if fmt in export.IMAGE_FORMATS:
        with rc_context(style.RC):
            fig = charts.figure(spec.name, data)
            return export.figure_bytes(fig, fmt, dpi)
    table = spec.table(data)
    if fmt == "csv":
        return export.csv_bytes(table)
    return export.xlsx_bytes(table, str(spec.title))


def image_size(spec: ChartSpec, data: ChartData, dpi: int = PAGE_DPI) -> tuple[int, int]:
    """The pixel size of the page image, known before it is drawn."""
    width, height = charts.size(spec.name, data)
    return round(width * dpi), round(height * dpi)
