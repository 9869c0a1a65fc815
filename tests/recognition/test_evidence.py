"""What recognition offers the review form: one entry per (recognition, competency) in the
period asked, "<giver>: <message excerpt>", removed and hidden ones left out."""

from datetime import timedelta

from reviews.models import utcnow
from reviews.services.recognition.evidence import EXCERPT, evidence
from reviews.services.reviews.evidence import Evidence

from .conftest import competencies, give


def test_one_entry_per_recognition_and_competency_in_the_period(org):
    both = give(org.jaan, org.mari, 0, 3, message="Walked a new colleague through escalations.")
    give(org.peeter, org.mari, 1, message="Old news, before the period.", days_ago=100)
    give(org.peeter, org.mari, 1, message="Taken back by her manager.", removed_at=utcnow())
    give(org.peeter, org.mari, 1, message="A private one she hid.", hidden=True)
    give(org.mari, org.jaan, 1, message="Somebody else's recognition.")
    now = utcnow() + timedelta(seconds=1)
    found = evidence(org.mari.id, now - timedelta(days=30), now)
    ids = [c.id for c in competencies()]
    text = "Jaan Sepp: Walked a new colleague through escalations."
    assert found == [
        Evidence(ids[0], "recognition", both.created_at.date(), text, both.id),
        Evidence(ids[3], "recognition", both.created_at.date(), text, both.id),
    ]
    # Without a start: from the beginning.
    assert len(evidence(org.mari.id, None, now)) == 3
    # The end is not included.
    assert evidence(org.mari.id, None, both.created_at) == [
        e for e in evidence(org.mari.id, None, now) if e.obj_id != both.id
    ]


def test_a_long_message_is_cut_to_an_excerpt(org):
    give(org.jaan, org.mari, message="word " * 60)
    (entry,) = evidence(org.mari.id, None, utcnow() + timedelta(seconds=1))
    assert entry.text.startswith("Jaan Sepp: word word")
    assert entry.text.endswith("…") and len(entry.text) <= len("Jaan Sepp: ") + EXCERPT
