"""ASCII-safe pieces of download file names (charts, tables and cycle reports)."""

import re
import unicodedata


def slug(text: str, limit: int = 40) -> str:
    """``text`` in lower-case ASCII letters and digits joined by hyphens, at most ``limit``
    characters: "Tööhõive Q1" → "toohoive-q1"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
