"""Trainings as evidence beside each competency: one per (training, competency), in
[since, until), only the person's own."""

from datetime import date, datetime

from reviews.services.reviews.evidence import Evidence
from reviews.services.training import evidence

from .conftest import competency, make_training


def _on(record, day):
    record.taken_on = day
    return record


def test_one_line_per_training_and_competency_in_the_window(org):
    from extensions import db

    a, b = competency(0), competency(1)
    both = _on(
        make_training(org.mari, title="Clear writing", competencies=[a, b]), date(2026, 3, 1)
    )
    none = _on(make_training(org.mari, title="Fire safety"), date(2026, 4, 1))
    before = _on(make_training(org.mari, title="Old course", competencies=[a]), date(2025, 12, 31))
    _on(make_training(org.jaan, title="Jaan's", competencies=[a]), date(2026, 3, 1))
    last_day = _on(make_training(org.mari, title="On the last day", competencies=[b]),
                   date(2026, 6, 30))  # fmt: skip
    db.session.commit()
    found = evidence(org.mari.id, datetime(2026, 1, 1), datetime(2026, 6, 30))
    assert found == [
        Evidence(a.id, "training", date(2026, 3, 1), "Clear writing", both.id),
        Evidence(b.id, "training", date(2026, 3, 1), "Clear writing", both.id),
        Evidence(None, "training", date(2026, 4, 1), "Fire safety", none.id),
    ]
    # The window's end is open: a training on the end day counts from the day after.
    later = evidence(org.mari.id, datetime(2026, 1, 1), datetime(2026, 7, 1))
    assert [e.obj_id for e in later][-1] == last_day.id
    # A start during a day: that day's trainings happened before it.
    assert (
        evidence(org.mari.id, datetime(2026, 3, 1, 12), datetime(2026, 5, 1))[0].obj_id == none.id
    )
    # No start: from the beginning.
    assert evidence(org.mari.id, None, datetime(2026, 1, 1))[0].obj_id == before.id
