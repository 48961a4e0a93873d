"""A cue told in the perfect ("what I've taken from it") matches the cue told in the past."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors import parse_params, run
from mockmic.rubric.text import Matcher, stem, tokenise
from mockmic.transcribe import from_text


def _matcher(text: str) -> Matcher:
    return Matcher(tokenise(from_text(text)))


def test_an_irregular_participle_matches_its_past_form() -> None:
    assert stem("taken") == stem("took")
    assert stem("shown") == stem("showed")
    assert _matcher("Things had gone wrong by the Friday.").find(["went wrong"])


def test_the_perfect_auxiliary_is_passed_over_after_a_subject() -> None:
    assert _matcher("What I've taken from it is to ring first.").find(["what i took from"])
    assert _matcher("We have dropped the report.").find(["we dropped"])
    assert _matcher("She had moved the sheet.").find(["she moved"])


def test_have_as_a_verb_or_before_a_bare_form_is_not_passed_over() -> None:
    assert not _matcher("I have a checklist now.").find(["i a checklist"])
    assert not _matcher("I've run it every week.").find(["i ran it"])


def test_a_pattern_that_names_the_auxiliary_still_needs_it() -> None:
    assert not _matcher("I assumed the rota was right.").find(["i had assumed"])
    assert _matcher("I had assumed the rota was right.").find(["i had assumed"])


def test_exact_matching_keeps_the_tense() -> None:
    # where tense is the point (a habit now, not a doing then), the perfect is not the present
    m = _matcher("I have check lists for that.")
    assert not m.find(["i check"], exact=True)


def test_a_lesson_in_the_perfect_earns_what_the_past_earns() -> None:
    q = questions.get("failure")
    told = (
        "I booked the venue for the wrong Saturday and forty guests arrived to a locked hall. "
        "That was my slip: I never read the confirmation back. What I {} from it is that I "
        "check every booking against the invitation before I send anything out."
    )
    params = parse_params("lesson", {})
    past = run("lesson", build(from_text(told.format("took")), q), params).score
    perfect = run("lesson", build(from_text(told.format("have taken")), q), params).score
    assert past >= 0.45
    assert perfect == past


def _words(text: str) -> list[str]:
    return [t.text for t in tokenise(from_text(text))]


def test_d_before_a_participle_is_had_and_before_a_bare_verb_would() -> None:
    # "'d" is spelled out by the word after it, across the transcript's words
    assert _words("I'd signed the lease.") == ["i", "had", "signed", "the", "lease"]
    assert _words("By then we'd already gone home") == [
        "by",
        "then",
        "we",
        "had",
        "already",
        "gone",
        "home",
    ]
    assert _words("She'd not been told") == ["she", "had", "not", "been", "told"]
    assert _words("I'd ring them first") == ["i", "would", "ring", "them", "first"]
    assert _words("I'd never cancel a booking") == ["i", "would", "never", "cancel", "a", "booking"]


def test_d_before_a_form_that_is_also_present_stays_would() -> None:
    # "I'd put a buffer in" is a plan as often as a past: it keeps the reading it had
    assert _words("I'd put a buffer in")[:2] == ["i", "would"]
    assert _words("so I'd succeed")[-2:] == ["would", "succeed"]


def test_d_at_the_end_of_a_sentence_is_would() -> None:
    assert _words("More than I'd. Taken together")[:4] == ["more", "than", "i", "would"]


def test_a_past_perfect_cause_reads_as_the_spelled_out_one() -> None:
    # "I'd assumed" names the cause in the candidate as "I had assumed" does
    assert _matcher("I'd assumed the rota was right.").find(["i had assumed"])
    assert _matcher("I'd assumed the rota was right.").find(["i assumed"])
