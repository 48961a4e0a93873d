"""Ownership told as a sentence shape: the speaker as the subject of an act or an omission."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors import parse_params, run
from mockmic.rubric.detectors.owning import owned_acts
from mockmic.transcribe import from_text

COST = "The shipment reached the depot four days late and we paid the penalty. "
LESSON = "Now I confirm every lead time in writing before I quote a date; none has slipped since."


def _ownership(text: str) -> int:
    q = questions.get("failure")
    criterion = next(c for c in q.criteria if c.id == "ownership")
    params = parse_params("ownership", criterion.params)
    return round(100 * run("ownership", build(from_text(text), q), params).score)


def _owned(text: str) -> list[str]:
    answer = build(from_text(text), questions.get("failure"))
    return [answer.quote(s, pad=0) for s in owned_acts(answer)]


def test_an_omission_carried_from_the_subject_is_owned() -> None:
    text = "I had last winter's order log on my desk and didn't look at it. " + COST + LESSON
    assert _owned(text)
    assert _ownership(text) >= 80


def test_an_act_done_without_what_it_needed_is_owned() -> None:
    text = "I booked the freight without asking the plant when the parts would be ready. "
    assert _ownership(text + COST + LESSON) >= 80


def test_a_past_perfect_act_is_owned_but_not_one_done_to_others() -> None:
    assert _owned("I had promised the date on the call. " + COST + LESSON)
    assert not _owned("I had reminded them twice about the date. " + COST + LESSON)


def test_a_softened_admission_is_not_plain_ownership() -> None:
    plain = "That delay was on me. " + COST + LESSON
    soft = "I guess that delay was kind of on me. " + COST + LESSON
    assert _ownership(soft) < 60 <= _ownership(plain)


def test_an_admission_turned_on_others_is_not_owned() -> None:
    text = "I did not chase the order, but they never told me it was stuck. " + COST + LESSON
    assert not _owned(text)


def test_a_habit_in_the_lesson_is_not_an_admission() -> None:
    text = COST + "These days I never quote a date before the plant has confirmed it."
    assert not _owned(text)


def test_a_failure_told_only_in_we_owns_nothing() -> None:
    text = "We did not check the lead times and the order slipped. " + COST
    assert not _owned(text)


def test_an_admission_read_as_the_lesson_still_counts_when_told_in_the_past() -> None:
    # straight from the slip to its fix: the part guesser files the admission under the lesson
    text = (
        "I moved our payroll export to a new template in March and the totals were off for two "
        "branches. What I learned is that I had copied the old formulas and never compared a "
        "single month against the ledger. I run one month in parallel before any template goes "
        "live, and the last three changes went through clean."
    )
    assert any("never compared" in q for q in _owned(text))


def test_outside_the_story_a_plain_did_not_is_proof_rather_than_an_admission() -> None:
    text = (
        COST + "What I took from it was to check every lead time myself. "
        "The next quarter I did not miss a single date."
    )
    assert not _owned(text)


def test_a_habit_told_outside_the_story_is_not_an_admission() -> None:
    text = COST + "What I learned: I never sign off a quote now without the plant's date."
    assert not _owned(text)
