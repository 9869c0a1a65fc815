"""Bytes for downloads: a figure as PNG, SVG or PDF, a table as CSV or XLSX.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
formula; every such text cell gets a leading single quote so it stays text. Numbers stay
numbers (a negative change is a number, not text that starts with "-")."""

import csv
import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .tables import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MIMETYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_FORMATS = ("png", "svg", "pdf")
METADATA = {
    "png": {"Software": "Rapport"},
    "svg": {"Date": None, "Creator": "Rapport"},
    "pdf": {"Creator": "Rapport", "CreationDate": None},
}


def safe_text(value: str) -> str:
    """Text no spreadsheet will execute."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _safe(value, clean=None):
    if not isinstance(value, str):
        return value
    return safe_text(clean(value) if clean else value)


PNG_COMPRESSION = 3  # zlib level: half the time of the default 6, files no larger here


def figure_bytes(fig: Figure, fmt: str, dpi: int = 100) -> bytes:
    """Render ``fig`` (on an Agg canvas) to PNG, SVG or PDF bytes."""
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    extra = {"pil_kwargs": {"compress_level": PNG_COMPRESSION}} if fmt == "png" else {}
    fig.savefig(buffer, format=fmt, dpi=dpi, metadata=METADATA[fmt], facecolor="white", **extra)
    return buffer.getvalue()


def table_rows(table: Table, clean=None) -> list[list]:
    """Header and rows as download cells: plain values, ``clean``-ed text (if given), then
    formulas escaped."""
    rows = [[_safe(label, clean) for label in table.header]]
    for row in table.rows:
        cells = zip(row, table.columns, strict=True)
        rows.append([_safe(table.plain(value, col), clean) for value, col in cells])
    return rows


def csv_bytes(table: Table) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheets read the accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table_rows(table):
        writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(table: Table, sheet: str) -> bytes:
    """A one-sheet workbook: a bold header, then the rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=_sheet_title(sheet))
    for index, column in enumerate(table.columns):
        letter = _letter(index)
        ws.column_dimensions[letter].width = 14 if column.numeric else 34
    rows = table_rows(table, clean=lambda text: ILLEGAL_CHARACTERS_RE.sub("", text))
    header = []
    for label in rows[0]:
        cell = WriteOnlyCell(ws, value=label)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for row in rows[1:]:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return (cleaned or "Data")[:31]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
