"""Setting up a cycle through the service (the fourth mutation run, issue 9): its name kept
without stray spaces, so a second cycle of the same name is still refused
(``cycles.setup.save_cycle`` 64), and the deadlines' refusal word for word
(``_check_dates`` 16)."""

from datetime import date
from functools import partial

import pytest

from reviews.services import DomainError
from reviews.services.cycles import setup
from tests import factories


def errors_of(call) -> dict[str, str]:
    with pytest.raises(DomainError) as refused:
        call()
    return {key: str(message) for key, message in refused.value.errors.items()}


def save(name: str, *, self_deadline=date(2027, 3, 10), review_deadline=date(2027, 3, 24)):
    return partial(
        setup.save_cycle,
        None,
        None,
        name=name,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 3, 31),
        self_deadline=self_deadline,
        review_deadline=review_deadline,
        show_self_to_manager=False,
    )


def test_a_cycles_name_is_kept_without_stray_spaces(app):
    factories.framework()
    assert save("  2027 Q1 ")().name == "2027 Q1"
    assert errors_of(save("2027 Q1")) == {"name": "A cycle with this name already exists."}


def test_a_review_deadline_before_the_self_deadline_is_refused_word_for_word(app):
    factories.framework()
    early = save("2027 Q1", self_deadline=date(2027, 3, 20), review_deadline=date(2027, 3, 10))
    assert errors_of(early) == {
        "review_deadline": "The review deadline cannot be before the self-assessment deadline."
    }
