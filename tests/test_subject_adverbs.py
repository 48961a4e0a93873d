"""An adverb between a subject and its verb, and a scene-setting opener followed by the story."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors import parse_params, run
from mockmic.rubric.text import Matcher, tokenise
from mockmic.transcribe import from_text


def _matcher(text: str) -> Matcher:
    return Matcher(tokenise(from_text(text)))


def test_a_phrase_from_subject_to_verb_spans_an_adverb() -> None:
    m = _matcher("Last spring I mistakenly deleted the staging bucket.")
    assert m.find(["i deleted"])
    assert m.find(["i deleted the staging"])


def test_two_adverbs_are_skipped_but_not_three() -> None:
    assert _matcher("We then quietly dropped the report.").find(["we dropped"])
    assert not _matcher("We then quietly really dropped it.").find(["we dropped"])


def test_a_negation_or_ongoing_adverb_is_not_skipped() -> None:
    assert not _matcher("I never deleted anything.").find(["i deleted"])
    assert not _matcher("I still forget the step.").find(["i forget"])


def test_ownership_reads_an_owned_act_with_an_adverb() -> None:
    q = questions.get("failure")
    plain = "I pushed the wrong config to the payment gateway and orders failed for an hour."
    adverb = (
        "I carelessly pushed the wrong config to the payment gateway and orders failed for an hour."
    )
    params = parse_params("ownership", {})
    with_adverb = run("ownership", build(from_text(adverb), q), params).score
    assert with_adverb > 0
    assert with_adverb == run("ownership", build(from_text(plain), q), params).score


def test_a_scene_opener_does_not_take_the_story_with_it() -> None:
    q = questions.get("failure")
    text = (
        "When I was a junior analyst at a logistics firm, "
        "I mailed the quarterly forecast to the whole region with last year's freight rates in it. "
        "Two depots ordered trucks on those numbers and we paid for capacity we never used. "
        "What I learned is to diff every figure against its source before anything leaves my desk."
    )
    a = build(from_text(text), q)
    assert a.labels[0] == "context"
    assert a.share("context") < 0.2
