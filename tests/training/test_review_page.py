"""A person's training history on their review page, for whoever sees that review."""

from tests import factories
from tests.organisation import build_org

from .conftest import make_training


def test_the_review_page_shows_the_persons_trainings_to_whoever_sees_it(app, login_as):
    factories.framework()
    org = build_org(cycle="2026 Q4")
    make_training(org.mari, title="Active listening workshop", hours=3.5)
    make_training(org.mari, title="ITIL 4 Foundation", hours=None)
    make_training(org.jaan, title="Jaan's own course")
    url = f"/reviews/{org.reviews['mari'].id}"
    for who in (org.mari, org.kadri, org.leader):
        page = login_as(who).get(url).get_data(as_text=True)
        assert "Active listening workshop" in page and "ITIL 4 Foundation" in page, who.name
        assert "Jaan&#39;s own course" not in page and "Jaan's own course" not in page
        assert "this cycle" in page  # taken during the cycle's period
    # Mari and Kadri may add one; leadership reads only.
    assert "Add hours" in login_as(org.kadri).get(url).get_data(as_text=True)
    assert "Add hours" not in login_as(org.leader).get(url).get_data(as_text=True)
    assert login_as(org.olev).get(url).status_code == 404
