"""Download file names: ASCII-safe, in the reader's language ("rapport-trend-…" for an
English reader, "rapport-suundumus-…" for an Estonian one)."""

import re
import unicodedata

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

# The words of file names, one or two per download; slugged in the reader's language.
WORDS = {
    "trend": _l("trend"),
    "heatmap": _l("heatmap"),
    "distribution": _l("distribution"),
    "gap": _l("self-manager gap"),
    "notes": _l("strengths and improvements"),
    "ideas": _l("ideas"),
    "idea-breakdown": _l("ideas by status"),
    "completion": _l("completion"),
    "my-trend": _l("my trend"),
    "my-gap": _l("my gap"),
    "organisation": _l("organisation"),
    "my-teams": _l("my teams"),
    "no-cycle": _l("no cycle"),
    "cycle-report": _l("cycle report"),
    "audit-log": _l("audit log"),
}


def slug(text: str, limit: int = 40) -> str:
    """``text`` in lower-case ASCII letters and digits joined by hyphens, at most ``limit``
    characters: "Tööhõive Q1" → "toohoive-q1"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def word(key: str) -> str:
    """A file-name word in the reader's language (the key itself when it has none)."""
    return slug(str(WORDS[key])) if key in WORDS else slug(key)


def span(first: str, last: str) -> str:
    """A range of cycles: "2025-q1-to-2025-q2", "2025-q1-kuni-2025-q2"."""
    return slug(gettext("%(first)s to %(last)s", first=first, last=last), limit=80)


def dated(key: str, day, extension: str) -> str:
    """rapport-<word>-<YYYY-MM-DD>.<extension>: dated, so successive downloads of the same
    list do not overwrite each other."""
    return f"rapport-{word(key)}-{day.isoformat()}.{extension}"
