"""The non_failure trap hears the candidate's own verdict that the "failure" was the right
move ("I'd make the same call again", "it paid for itself"), however real the setback sounds.
Every answer here is written for this test."""

from __future__ import annotations

import pytest

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.traps import brag_strength
from mockmic.transcribe.text import from_text

THRESHOLD = questions.get("failure").trap("non_failure").threshold


def _strength(text: str) -> float:
    return brag_strength(build(from_text(text), questions.get("failure")))[0]


DEFENDED = {
    "same_call": "I missed my renewals target by six percent because I spent a month training "
    "two new account managers on my own clients. Both of them now run the biggest accounts in "
    "the office, so honestly I would make the same call again.",
    "stand_by": "My failure was a late report to the board: I refused to send it until I had "
    "rechecked every figure, and it went out three days after the deadline. The director was "
    "annoyed, but I stand by it, because nothing in it had to be corrected.",
    "paid_for_itself": "I went eight percent over the budget on the warehouse lighting because "
    "I insisted on the better fittings. The energy bill fell so much in the first year that "
    "the upgrade paid for itself, but I did miss the number I was given.",
}


@pytest.mark.parametrize("kind", sorted(DEFENDED))
def test_a_failure_the_candidate_defends_is_a_non_failure(kind: str) -> None:
    assert _strength(DEFENDED[kind]) >= THRESHOLD, kind


def test_an_owned_failure_with_a_lesson_is_not_a_non_failure() -> None:
    text = (
        "I missed a supplier's price rise when I rebuilt our quote template, so for two months "
        "we quoted below cost on every job that used their timber. I found it at the quarter "
        "review, told my manager straight away, and we lost about four thousand pounds. Now a "
        "second person checks every price list change, and we have caught two rises since."
    )
    assert _strength(text) < THRESHOLD
