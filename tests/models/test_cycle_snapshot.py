"""A cycle keeps the framework it was created with; editing or retiring later loses nothing."""

from extensions import db
from reviews.models import Competency
from reviews.services.reviews import framework
from tests import factories


def test_cycle_snapshots_framework_and_scale(app):
    cycle = factories.cycle("2026 Q4")
    assert [c.name for c in cycle.competencies] == [n for n, _, _ in framework.DEFAULT_COMPETENCIES]
    assert [(s.value, s.label) for s in cycle.scale] == framework.DEFAULT_SCALE


def test_later_edits_do_not_change_a_cycles_snapshot(app):
    cycle = factories.cycle("2026 Q4")
    live = db.session.query(Competency).order_by(Competency.position).first()
    original = live.name
    framework.save_competency(None, live, name="Renamed later")
    framework.set_retired(None, live, True)
    db.session.commit()
    db.session.refresh(cycle)
    assert cycle.competencies[0].name == original
    assert cycle.competencies[0].competency_id == live.id
    later = factories.cycle("2027 Q1")
    assert "Renamed later" not in [c.name for c in later.competencies]
    assert len(later.competencies) == len(cycle.competencies) - 1
