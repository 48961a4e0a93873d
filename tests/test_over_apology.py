"""The over_apology rule hears guilt kept up and turned on oneself, not only the word "sorry".
Every answer here is written for this test."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.traps import apology_strength
from mockmic.transcribe.text import from_text

THRESHOLD = questions.get("failure").trap("over_apology").threshold


def _strength(text: str) -> float:
    return apology_strength(build(from_text(text), questions.get("failure")), ())[0]


def test_guilt_kept_up_for_months_and_turned_on_oneself_is_over_apology() -> None:
    text = (
        "I sent the wrong price list to our biggest dealer. I felt awful about it for months, "
        "and I was very hard on myself every time the dealer's name came up. Now I check the "
        "list date before anything goes out."
    )
    assert _strength(text) >= THRESHOLD


def test_a_short_spell_of_feeling_bad_is_not_dwelling() -> None:
    text = (
        "I sent the wrong price list to our biggest dealer and felt bad for a moment, then "
        "called them, fixed it the same morning and added a date check to the send-out."
    )
    assert _strength(text) < THRESHOLD


def test_one_apology_to_the_people_let_down_is_not_over_apology() -> None:
    text = (
        "I booked the venue for the wrong Saturday. I rang each speaker to apologise and "
        "rebooked them the same week; since then the date goes on a shared sheet first."
    )
    assert _strength(text) < THRESHOLD
