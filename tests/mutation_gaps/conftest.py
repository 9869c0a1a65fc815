"""The help desk of ``tests.organisation`` for the tests written for the fourth mutation
run's survivors (issue 9): ``org`` without a cycle, ``org_in_cycle`` with "2026 Q4" open."""

import pytest

from tests.organisation import build_org


@pytest.fixture
def org(app):
    return build_org()


@pytest.fixture
def org_in_cycle(app):
    return build_org(cycle="2026 Q4")
