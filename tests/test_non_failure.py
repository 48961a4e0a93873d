"""The non_failure trap hears the candidate's own verdict that the "failure" was the right
move ("I'd make the same call again", "it paid for itself"), however real the setback sounds.
Every answer here is written for this test."""

from __future__ import annotations

import pytest

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.brag import brag_shapes
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


# The story shapes (detectors.brag): each one a loose sign, read whatever the words around it.
SHAPES = {
    "near_target": "We closed the year at ninety seven percent of the sales target.",
    "beaten_target": "The team finished on a hundred and twelve percent of quota.",
    "digits_target": "My region reached 96% of the plan by December.",
    "ranked_first": "I was the top seller in the shop for two years running.",
    "scoped": "It was a failure on the numbers, but the customers kept coming back.",
    "no_regret": "Looking back, I would not do a single thing differently.",
    "best_yet": "The open day was the best turnout we have had in years.",
    "overwork": "I kept taking the extra shifts until I burned myself out by the spring.",
    "right_all_along": "The director later admitted I had been right about the supplier.",
    "reversal": "In the end that failure turned into one of my proudest days at the firm.",
}
NOT_SHAPES = {
    "far_from_target": "We closed the year at sixty percent of the sales target.",
    "figure_not_of_target": "Ninety eight percent of the parcels left on time after the change.",
    "others_differently": "The two night shifts were labelling the samples differently.",
    "would_change": "Next time I would plan the handover differently and start a week earlier.",
    "plain_failure": "It was a failure, but the lesson I took was about my own planning.",
    "right_there": "I was right there when the pallet tipped, and I had not strapped it.",
    "proud_elsewhere": "My proudest day was the launch, a year after the failure I described.",
}


def _shapes(text: str) -> int:
    return len(brag_shapes(build(from_text(text), questions.get("failure"))))


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_a_flattering_story_shape_is_read(kind: str) -> None:
    assert _shapes(SHAPES[kind]) == 1, kind


@pytest.mark.parametrize("kind", sorted(NOT_SHAPES))
def test_a_plain_story_has_no_flattering_shape(kind: str) -> None:
    assert _shapes(NOT_SHAPES[kind]) == 0, kind


def test_one_shape_alone_stays_short_and_two_together_flag() -> None:
    one = "I was the top seller in the shop, and I missed one delivery date that spring."
    two = (
        "I was the top seller in the shop, and that year we finished on ninety eight percent "
        "of the target, which I count as my failure."
    )
    assert 0 < _strength(one) < THRESHOLD
    assert _strength(two) >= THRESHOLD
