"""Every chart downloads as valid PNG, SVG and PDF, its table as CSV and XLSX, with the right
type, an attachment disposition and a file name of chart, scope and cycles."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from reports.catalog import CHARTS

from .conftest import build_org

TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NAME = re.compile(r'^attachment; filename="(rapport-[a-z0-9-]+\.(png|svg|pdf|csv|xlsx))"$')


def check_bytes(fmt: str, body: bytes) -> None:
    if fmt == "png":
        assert body.startswith(b"\x89PNG\r\n\x1a\n")
    elif fmt == "svg":
        assert body.lstrip().startswith(b"<?xml") and b"<svg" in body[:1000]
    elif fmt == "pdf":
        assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)
    else:
        assert body.startswith(b"PK\x03\x04")
        sheet = load_workbook(io.BytesIO(body), read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) >= 2 and rows[0][0]


@pytest.mark.parametrize("spec", CHARTS, ids=lambda spec: spec.name)
def test_every_chart_in_every_format(org, login_as, spec):
    client = login_as(org.people["a1"] if spec.audience == "person" else org.leader)
    for fmt, mimetype in TYPES.items():
        url = f"/reports/download/{spec.name}.{fmt}?start={org.q1.id}&cycle={org.q1.id}"
        response = client.get(url)
        assert response.status_code == 200, (fmt, response.get_data(as_text=True)[:300])
        assert response.headers["Content-Type"] == mimetype
        match = NAME.match(response.headers["Content-Disposition"])
        assert match and match.group(2) == fmt
        check_bytes(fmt, response.get_data())


def test_file_names_say_chart_scope_and_cycles(org, login_as):
    client = login_as(org.leader)
    q1, q2 = org.q1.id, org.q2.id
    cases = {
        f"/reports/download/trend.png?start={q1}&end={q2}":
            "rapport-trend-organisation-2025-q1-to-2025-q2.png",
        f"/reports/download/heatmap.csv?cycle={q2}&team={org.teams['alpha'].id}":
            "rapport-heatmap-alpha-2025-q2.csv",
        f"/reports/download/my-gap.xlsx?cycle={q1}": "rapport-my-gap-liis-leader-2025-q1.xlsx",
        f"/reports/download/my-trend.svg?start={q2}": "rapport-my-trend-liis-leader-2025-q2-to-2025-q3.svg",
    }  # fmt: skip
    for url, name in cases.items():
        response = client.get(url)
        assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'


def test_file_names_are_ascii_for_any_team_name(app, small_charts, login_as):
    org = build_org({"alpha": "Õpetajate tugi / Žiri"})
    client = login_as(org.leader)
    response = client.get(f"/reports/download/trend.csv?team={org.teams['alpha'].id}")
    header = response.headers["Content-Disposition"]
    assert header.isascii() and "opetajate-tugi-ziri" in header


def test_page_image_is_an_inline_png(org, login_as):
    response = login_as(org.leader).get("/reports/chart/trend.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert "Content-Disposition" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    check_bytes("png", response.get_data())


def test_unknown_chart_or_format_is_404(org, login_as):
    client = login_as(org.leader)
    assert client.get("/reports/chart/nope.png").status_code == 404
    assert client.get("/reports/download/trend.exe").status_code == 404
    assert client.get("/reports/download/nope.csv").status_code == 404


def test_file_names_are_in_the_readers_language(org, login_as):
    from extensions import db

    org.leader.locale = "et"
    db.session.commit()
    client = login_as(org.leader)
    q1, q2 = org.q1.id, org.q2.id
    cases = {
        f"/reports/download/trend.png?start={q1}&end={q2}":
            "rapport-suundumus-organisatsioon-2025-q1-kuni-2025-q2.png",
        f"/reports/download/heatmap.csv?cycle={q2}": "rapport-soojuskaart-organisatsioon-2025-q2.csv",
    }  # fmt: skip
    for url, name in cases.items():
        response = client.get(url)
        assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
