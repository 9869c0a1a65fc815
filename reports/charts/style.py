"""The look shared by every chart: the Okabe–Ito colour-blind-safe palette, fonts, titles,
footnotes and the mark for hidden cells. Figures are made with the Figure API (never pyplot),
so drawing holds no global state and is safe in a server."""

import functools
import textwrap

from matplotlib import rcParams
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Text

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
# vision deficiency. Yellow comes last: it is hard to see as a line on white.
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black
    "#F0E442",  # yellow
]
HEATMAP = "cividis"  # perceptually uniform and colour-blind safe
GREY = "#777777"
LIGHT = "#DDDDDD"
HIDDEN_FACE = "#EEEEEE"
HIDDEN_HATCH = "///"
BASE_FONT = 9

FIGURES = {"created": 0}  # how many figures were drawn: the cache tests read it

RC = {
    "font.size": BASE_FONT,
    "axes.titlesize": BASE_FONT + 1,
    "axes.labelsize": BASE_FONT,
    "axes.edgecolor": "#555555",
    "xtick.labelsize": BASE_FONT - 1,
    "ytick.labelsize": BASE_FONT - 1,
    "legend.fontsize": BASE_FONT - 1,
    # PNG text unhinted: matplotlib 3.11 renders glyph by glyph, and FreeType's autohinter
    # made that ~40 % slower (and drew "rn" like "m" at 8 pt). SVG and PDF are unaffected.
    "text.hinting": "no_hinting",
    "svg.fonttype": "none",  # SVG text stays text: selectable and searchable
    "pdf.fonttype": 42,  # TrueType in PDFs, so they print and copy cleanly
}


def new_figure(width: float, height: float) -> Figure:
    """A fresh figure of ``width`` × ``height`` inches (counted, for the cache tests)."""
    FIGURES["created"] += 1
    return Figure(figsize=(width, height), facecolor="white")


def frame_title(fig: Figure | SubFigure, title: str, subtitle: str = "") -> None:
    """A bold title at the top left and an optional grey subtitle under it (placed in
    inches from the top, so tall and short charts look alike)."""
    height = size_of(fig)[1]
    fig.text(
        0.012, 1 - 0.12 / height, title, ha="left", va="top", fontsize=BASE_FONT + 3, weight="bold"
    )
    if subtitle:
        fits = int(size_of(fig)[0] * 72 / (BASE_FONT * 0.56))  # characters on one line
        fig.text(
            0.012, 1 - 0.42 / height, textwrap.fill(subtitle, fits, break_long_words=False),
            ha="left", va="top", fontsize=BASE_FONT, color=GREY,
        )  # fmt: skip


def footnote(fig: Figure | SubFigure, *lines: str) -> None:
    """Small grey notes at the bottom left: sources, exclusions, the hidden mark."""
    width, height = size_of(fig)
    fits = int(width * 72 / ((BASE_FONT - 1.5) * 0.55))  # characters on one line
    rows: list[str] = []
    for line in (line for line in lines if line):
        if rows and len(rows[-1]) + 7 + len(line) <= fits:
            rows[-1] += "   ·   " + line
        else:
            rows.append(line)
    if rows:
        fig.text(
            0.012, 0.08 / height, "\n".join(rows), ha="left", va="bottom",
            fontsize=BASE_FONT - 1.5, color=GREY,
        )  # fmt: skip


def tidy(ax) -> None:
    """Light axes: no top or right spine, a faint grid behind the data."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_axisbelow(True)


def wrap(text: str, width: int) -> str:
    """Wrap at spaces only: a long word stays whole rather than being cut in two."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def text_color(rgba) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgba``."""
    r, g, b = rgba[:3]
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


def empty(fig: Figure | SubFigure, message: str) -> None:
    fig.text(0.5, 0.5, message, ha="center", va="center", fontsize=BASE_FONT + 2, color=GREY)


def margin_for(labels: list[str], fig_width: float, font: float = BASE_FONT - 1) -> float:
    """The left margin (as a fraction of the figure) that fits the longest line of
    ``labels`` — an estimate from the character count, so no extra layout pass is needed."""
    longest = max((len(line) for label in labels for line in label.split("\n")), default=0)
    inches = 0.25 + longest * font * 0.55 / 72
    return min(0.5, inches / fig_width)


def size_of(fig: Figure | SubFigure) -> tuple[float, float]:
    """Width and height in inches of a figure, or of a subfigure's share of its page."""
    if isinstance(fig, Figure):
        width, height = fig.get_size_inches()
        return float(width), float(height)
    return fig.bbox.width / fig.dpi, fig.bbox.height / fig.dpi


def hidden_box(x: float, y: float, width: float = 1.0, height: float = 1.0):
    """A hatched grey cell centred on (x, y) in data coordinates: "hidden here"."""
    from matplotlib.patches import Rectangle

    return Rectangle(
        (x - width / 2, y - height / 2),
        width,
        height,
        facecolor=HIDDEN_FACE,
        hatch=HIDDEN_HATCH,
        edgecolor=LIGHT,
        linewidth=0,
    )


def hidden_share_rows(ax, rows_y: list, height: float, note: str) -> None:
    """Hatch the rows at ``rows_y`` of a 0–100 % bar chart across its width, each with
    ``note`` (why the figure is hidden) in the middle."""
    if not rows_y:
        return
    boxes = [hidden_box(50, y, width=100, height=height) for y in rows_y]
    ax.add_collection(
        PatchCollection(boxes, facecolor=HIDDEN_FACE, edgecolor=LIGHT, hatch=HIDDEN_HATCH,
                        linewidth=0),
        autolim=False,
    )  # fmt: skip
    for y in rows_y:
        ax.text(50, y, note, ha="center", va="center", fontsize=BASE_FONT - 1, color=GREY)


@functools.lru_cache(maxsize=4096)
def _extent(text: str, size: float, weight: str, family: tuple, hinting: str):
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(family=list(family), size=size, weight=weight)
    return RendererAgg(1, 1, 72).get_text_width_height_descent(text, prop, ismath=False)


def extent(text: str, size: float, weight: str = "normal") -> tuple[float, float, float]:
    """Width, height and descent in points of one line of ``text`` as Agg lays it out (with
    the current font and hinting), without drawing a figure."""
    family = tuple(rcParams["font.family"])
    return _extent(text, float(size), weight, family, rcParams["text.hinting"])


class _Column(Text):
    """A Text whose lines are ``pitch`` inches apart on any renderer: its line spacing is
    set from the renderer's own metrics of "lp" when it is laid out (matplotlib puts lines
    ``descent + linespacing × (height − descent)`` of "lp" apart, in whole pixels)."""

    def __init__(self, *args, pitch: float, **kwargs):
        super().__init__(*args, **kwargs)
        self._pitch = pitch

    def _get_layout(self, renderer):
        _, height, descent = renderer.get_text_width_height_descent(
            "lp", self._fontproperties, ismath=False
        )
        self._linespacing = (renderer.points_to_pixels(self._pitch * 72) - descent) / (
            height - descent
        )
        return super()._get_layout(renderer)


def text_column(target, x: float, y: float, lines: list[str], pitch: float, **props) -> Text:
    """Many short rows (``lines``, "" where a row stays empty) as one Text artist on axes or
    a figure — a text costs far more than its glyphs — with its lines ``pitch`` inches apart,
    the block centred on (x, y), so each line sits where a one-line text centred on its row
    would. For digits and plain letters only: a taller glyph (Ä) would push its line down."""
    text = _Column(
        x, y, "\n".join(lines), pitch=pitch, va="center", ha=props.pop("ha", "center"),
        multialignment=props.pop("multialignment", "center"), **props,
    )  # fmt: skip
    target.add_artist(text)  # in data coordinates on axes, figure fractions on a figure
    return text


def key(fig, items, x: float, top: float, align: str = "right", size: float = BASE_FONT - 1):
    """A legend drawn as a few plain artists (no legend box or packers): per item a short
    line (``{"line": Line2D props}``) or a square (``{"patch": colour}``), then its label,
    side by side; the row ends at ``x`` (``align="right"``), starts there ("left") or is
    centred on it ("center"), its top ``top`` (figure fractions)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    width, height = size_of(fig)
    handle, gap, between = 0.32, 0.06, 0.22  # inches
    spans = [
        (handle if "line" in item else 0.13) + gap + extent(item["label"], size)[0] / 72
        for item in items
    ]
    total = sum(spans) + between * (len(items) - 1)
    start = x * width - {"right": total, "center": total / 2, "left": 0}[align]
    middle = top - size * 0.7 / 72 / height
    transform = fig.transSubfigure
    for item, span in zip(items, spans, strict=True):
        if "line" in item:
            x0, x1 = start / width, (start + handle) / width
            fig.add_artist(
                Line2D([x0, (x0 + x1) / 2, x1], [middle] * 3, markevery=[1], transform=transform,
                       **item["line"])
            )  # fmt: skip
            label_at = start + handle + gap
        else:
            side = 0.13
            fig.add_artist(
                Rectangle((start / width, middle - side / 2 / height), side / width,
                          side / height, facecolor=item["patch"], linewidth=0,
                          transform=transform)
            )  # fmt: skip
            label_at = start + side + gap
        fig.text(label_at / width, middle, item["label"], ha="left", va="center", fontsize=size)
        start += span + between


def hbars(ax, y, widths, height: float, colour, left=None) -> None:
    """Horizontal bars as one collection (a Rectangle each costs more than its pixels). The
    caller sets the axes' limits."""
    import numpy as np
    from matplotlib.collections import PolyCollection

    widths = np.nan_to_num(np.asarray(widths, dtype=float))
    left = np.zeros(len(widths)) if left is None else np.asarray(left, dtype=float)
    low, high = np.asarray(y, dtype=float) - height / 2, np.asarray(y, dtype=float) + height / 2
    verts = [
        ((x0, y0), (x0 + w, y0), (x0 + w, y1), (x0, y1))
        for x0, w, y0, y1 in zip(left, widths, low, high, strict=True)
    ]
    ax.add_collection(PolyCollection(verts, facecolors=colour, linewidths=0), autolim=False)


def row_names(ax, y, names: list[str], size: float = BASE_FONT - 1, bold=()) -> None:
    """Names left of the rows as plain texts (tick machinery costs more than the words)."""
    ax.set_yticks([])
    for yi, name in zip(y, names, strict=True):
        ax.text(-0.012, yi, name, transform=ax.get_yaxis_transform(), ha="right", va="center",
                fontsize=size, weight="bold" if yi in bold else "normal")  # fmt: skip
