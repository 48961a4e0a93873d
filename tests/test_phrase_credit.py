"""Credit for a criterion's act, not its words: the `credit` parameter of the phrases detector."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric.answer import Answer, build
from mockmic.rubric.detectors import agency, parse_params, run
from mockmic.rubric.detectors.content import vocabulary_overlap
from mockmic.rubric.text import Span
from mockmic.transcribe import from_text

ACT = "I set the goal for the quarter and walked each engineer through the plan."
TEAM = "We set the goal for the quarter and the team walked through the plan together."


def _answer(text: str, question: str = "leadership") -> Answer:
    return build(from_text(text), questions.get(question))


def _first(answer: Answer, phrase: str) -> Span:
    return answer.find((phrase,))[0]


def test_the_speaker_as_nearest_subject_acts() -> None:
    a = _answer("Last March I quietly asked them to own the release plan.")
    assert agency.acted(a, _first(a, "plan"))
    assert agency.acted(a, _first(a, "own the"))


def test_someone_else_as_nearest_subject_does_not() -> None:
    a = _answer("I joined late, and by then they had already agreed the release plan.")
    assert not agency.acted(a, _first(a, "plan"))
    b = _answer("We drew up a plan for the migration.")
    assert not agency.acted(b, _first(b, "plan"))


def test_a_phrase_that_names_its_subject_counts_as_written() -> None:
    a = _answer("We were behind, so I decided to cut the export feature.")
    assert agency.acted(a, _first(a, "i decided"))
    b = _answer("After an hour of going round in circles we agreed on a single owner.")
    assert agency.acted(b, _first(b, "we agreed"))
    assert not agency.acted(b, _first(b, "agreed"))


def test_clause_credit_needs_the_speaker_somewhere_in_the_clause() -> None:
    a = _answer("I asked the two leads for their view and everyone agreed. The team agreed later.")
    hits = a.find(("agreed",))
    assert agency.speaks_in(a, hits[0])
    assert not agency.speaks_in(a, hits[1])


def _phrases(text: str, credit: str) -> float:
    params = parse_params(
        "phrases", {"phrases": ["goal", "plan", "walked"], "saturate": 2, "credit": credit}
    )
    return run("phrases", _answer(text), params).score


def test_acts_credit_scores_the_speakers_plan_above_the_teams() -> None:
    assert _phrases(ACT, "acts") > _phrases(TEAM, "acts")


def test_words_credit_is_unchanged_by_who_acts() -> None:
    assert _phrases(TEAM, "words") >= _phrases(ACT, "words") > 0


def test_credit_defaults_to_words() -> None:
    assert parse_params("phrases", {"phrases": ["goal"]}).credit == "words"


def test_the_verb_of_a_subject_led_phrase_earns_no_vocabulary_credit() -> None:
    phrases = ("i decided", "i delegated", "i escalated", "i negotiated")
    soft, _ = vocabulary_overlap(
        _answer("We decided, delegated, escalated and negotiated."), phrases
    )
    assert soft == 0.0


def test_acts_credit_limits_vocabulary_to_the_speakers_acts() -> None:
    phrases = ("roadmap", "milestones", "priorities", "deadline", "owners")
    words = "We had a roadmap with milestones, priorities, owners and a deadline."
    mine = "I drew up a roadmap with milestones, priorities, owners and a deadline."
    assert vocabulary_overlap(_answer(words), phrases, agency.acted)[0] == 0.0
    assert vocabulary_overlap(_answer(mine), phrases, agency.acted)[0] > 0.0


def test_leadership_direction_credits_the_candidates_own_direction() -> None:
    q = questions.get("leadership")
    direction = next(c for c in q.criteria if c.id == "direction")
    assert direction.params["credit"] == "acts"
    people = next(c for c in q.criteria if c.id == "people")
    assert people.params["credit"] == "clauses"
