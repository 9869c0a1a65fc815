"""The numbers behind one chart: a small DataFrame plus what the picture needs to know
about it (the cycles of the range, the scale, the group size…). Serialisable to JSON, so the
numbers can be cached beside the pictures and a page need not query them again."""

import json
from dataclasses import dataclass, field

import pandas as pd


@dataclass
class ChartData:
    frame: pd.DataFrame
    meta: dict = field(default_factory=dict)

    @property
    def cycles(self) -> list[tuple[int, str]]:
        return [(int(cid), name) for cid, name in self.meta.get("cycles", [])]

    @property
    def min_size(self) -> int:
        return int(self.meta.get("min_size", 3))

    @property
    def any_hidden(self) -> bool:
        flags = [c for c in self.frame.columns if c == "hidden" or c.endswith("_hidden")]
        return any(bool(self.frame[c].any()) for c in flags)

    def to_json(self) -> bytes:
        frame = self.frame
        payload = {
            "columns": list(frame.columns),
            "dtypes": {c: str(t) for c, t in frame.dtypes.items()},
            "data": {c: _values(frame[c]) for c in frame.columns},
            "meta": self.meta,
        }
        return json.dumps(payload, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, content: bytes) -> "ChartData":
        payload = json.loads(content)
        frame = pd.DataFrame(payload["data"], columns=payload["columns"])
        for column, dtype in payload["dtypes"].items():
            if dtype in ("float64", "int64", "bool"):
                frame[column] = frame[column].astype(dtype)
        return cls(frame=frame, meta=payload["meta"])


def _values(column: pd.Series) -> list:
    """A column as JSON values, a whole column at a time (a heatmap has 45,000 cells): NaN,
    NA and None become null, numpy scalars plain Python."""
    kind = column.dtype.kind
    if kind in "biu":
        return column.tolist()
    if kind == "f":
        return [None if v != v else v for v in column.tolist()]  # only NaN != NaN
    if isinstance(column.dtype, pd.StringDtype):
        return column.to_numpy(dtype=object, na_value=None).tolist()
    return [_plain(v) for v in column]


def _plain(value):
    """A cell as JSON: NaN and NA become null, numpy scalars plain Python."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value
