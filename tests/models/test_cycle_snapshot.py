"""A cycle keeps the framework it was created with; editing or retiring later loses nothing."""

from extensions import db
from reviews.models import Competency
from reviews.services.reviews import framework
from reviews.services.reviews.defaults import DEFAULT_COMPETENCIES, DEFAULT_SCALE
from tests import factories


def test_cycle_snapshots_framework_and_scale_in_every_language(app):
    cycle = factories.cycle("2026 Q4")
    for locale in ("en", "et", "sl"):
        names = [c.text_in("name", locale) for c in cycle.competencies]
        assert names == [texts[locale][0] for texts in DEFAULT_COMPETENCIES]
        descriptions = [c.text_in("description", locale) for c in cycle.competencies]
        assert descriptions == [texts[locale][1] for texts in DEFAULT_COMPETENCIES]
        labels = [(s.value, s.text_in("label", locale)) for s in cycle.scale]
        assert labels == [(value, texts[locale]) for value, texts in DEFAULT_SCALE]
    assert cycle.competencies[0].name_et == "Selge ja sisutihe suhtlus"
    assert cycle.scale[2].label_sl == "Izpolnjuje pričakovanja"


def test_later_edits_in_any_language_do_not_change_a_cycles_snapshot(app):
    cycle = factories.cycle("2026 Q4")
    live = db.session.query(Competency).order_by(Competency.position).first()
    framework.save_competency(None, live, name=live.name, name_et="Hiljem muudetud", name_sl="")
    levels = [
        {"value": s.value, "label": s.label, "label_et": "Uus"} for s in framework.scale_levels()
    ]
    framework.save_scale(None, levels)
    db.session.commit()
    db.session.refresh(cycle)
    assert cycle.competencies[0].name_et == "Selge ja sisutihe suhtlus"
    assert cycle.competencies[0].name_sl == "Jasno in jedrnato sporazumevanje"
    assert cycle.scale[0].label_et == "Vajab olulist arengut"
    later = factories.cycle("2027 Q1")
    assert later.competencies[0].name_et == "Hiljem muudetud"
    assert later.competencies[0].name_sl is None
    assert later.competencies[0].text_in("name", "sl") == live.name  # falls back to English
    assert [s.label_et for s in later.scale] == ["Uus"] * 5


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
