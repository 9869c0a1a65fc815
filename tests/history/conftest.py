"""The hand-built organisation of the report tests (tests/reports/conftest.py): its
ratings are worked out on paper there."""

from tests.reports.conftest import org, small_charts  # noqa: F401  (fixtures)
