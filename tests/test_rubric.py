"""The rubric engine on the failure question: parts, criteria with evidence, traps."""

from __future__ import annotations

import pytest

from answers import Sample, samples, score_sample, score_text
from mockmic import questions, rubric
from mockmic.rubric.engine import kept
from mockmic.rubric.text import Matcher, normalise, tokenise
from mockmic.transcribe import from_text
from mockmic.types import Transcript, TrapHit, Word

FAILURE_SAMPLES = samples("failure")


@pytest.mark.parametrize("sample", FAILURE_SAMPLES, ids=lambda s: s.id)
def test_the_named_traps_fire(sample: Sample) -> None:
    fired = score_sample(sample).fired
    assert set(sample.traps) <= fired, f"{sample.name}: wanted {sample.traps}, fired {fired}"


@pytest.mark.parametrize(
    "sample", [s for s in FAILURE_SAMPLES if s.label == "strong"], ids=lambda s: s.id
)
def test_strong_answers_fire_no_serious_trap(sample: Sample) -> None:
    q = questions.get("failure")
    serious = {t.id for t in q.traps if t.severity >= 2}
    assert not (score_sample(sample).fired & serious)


def test_every_criterion_points_at_the_candidates_words() -> None:
    sample = next(s for s in FAILURE_SAMPLES if s.id == "strong_migration")
    text = " ".join(sample.text.split())
    a = score_sample(sample).assessment
    by_id = {c.id: c for c in a.criteria}
    assert "That was on me." in by_id["ownership"].evidence[0]
    assert any("What I learned" in e for e in by_id["lesson"].evidence)
    for c in a.criteria:
        assert 0 <= c.score <= 100 and c.tip
        for e in c.evidence:
            assert e in text, f"{c.id}: evidence {e!r} is not a quote of the answer"


def test_trap_evidence_quotes_the_answer() -> None:
    sample = next(s for s in FAILURE_SAMPLES if s.id == "blame")
    hit = next(t for t in score_sample(sample).assessment.traps if t.id == "blame")
    assert any("kept changing on us" in e for e in hit.evidence)
    assert any("out of my control" in e for e in hit.evidence)
    assert hit.probe.endswith("?")


def test_parts_follow_the_story_and_shares_add_up() -> None:
    sample = next(s for s in FAILURE_SAMPLES if s.id == "strong_migration")
    parts = score_sample(sample).assessment.parts
    order = [p.part for p in parts]
    assert order[0] == "context"
    assert {"failure", "ownership", "lesson", "change", "proof"} <= set(order)
    assert order.index("ownership") < order.index("lesson") < order.index("change")
    assert sum(p.share for p in parts) == pytest.approx(1.0, abs=0.01)
    assert all(p.seconds is None and p.start is None for p in parts)  # typed: no timings


def test_timed_words_give_seconds_and_share_of_speaking_time() -> None:
    # backstory spoken slowly (11 words in 11 s), the rest fast (19 words in 1 s)
    slow = ["at", "my", "last", "job", "i", "was", "the", "lead", "on", "a", "migration"]
    fast = [
        "that",
        "was",
        "on",
        "me",
        "i",
        "skipped",
        "the",
        "dry",
        "run",
        "since",
        "then",
        "i",
        "always",
        "rehearse",
        "every",
        "migration",
        "and",
        "none",
        "has",
        "failed",
    ]
    words = [Word(w, start=i * 1.0, end=i * 1.0 + 0.9) for i, w in enumerate(slow)]
    words += [Word(w, start=11 + i * 0.05, end=11 + i * 0.05 + 0.04) for i, w in enumerate(fast)]
    t = Transcript(tuple(words), engine="test", duration_s=12.0)
    parts = rubric.assess(t, questions.get("failure")).parts
    assert parts[0].part == "context"
    # 0-10.9 s, less any gap between its clauses (a gap is not speech)
    assert parts[0].seconds is not None and 10.7 <= parts[0].seconds <= 10.9
    assert parts[0].share > 0.85  # by time, though it is a third of the words


def test_fillers_and_missing_punctuation_do_not_hide_ownership() -> None:
    spoken = score_text("failure", "um so yeah that was uh on me i didnt test it before the launch")
    typed = score_text("failure", "So yeah, that was on me. I didn't test it before the launch.")
    own = [
        next(c.score for c in s.assessment.criteria if c.id == "ownership") for s in (spoken, typed)
    ]
    assert own[0] == own[1] >= 80


def test_negated_blame_is_not_blame() -> None:
    text = (
        "I missed the deadline by a week. I did not want to blame the team, "
        "it was my call to skip the estimate."
    )
    assert "blame" not in score_text("failure", text).fired


def test_normalise_spells_out_contractions() -> None:
    assert normalise("I didn't, couldn't; I'm sure it's fine") == [
        "i",
        "did",
        "not",
        "could",
        "not",
        "i",
        "am",
        "sure",
        "it",
        "is",
        "fine",
    ]


def test_phrase_patterns_with_wildcards_and_stems() -> None:
    m = Matcher(tokenise(from_text("Um, I should really have asked, and I apologised twice.")))
    assert len(m.find(["i should ... asked"])) == 1
    assert len(m.find(["apolog~"])) == 1
    assert len(m.find(["i * have"])) == 0  # "really have": two words, not one
    assert len(m.find(["should really"])) == 1


def test_empty_answer_scores_nothing_and_does_not_crash() -> None:
    a = rubric.assess(Transcript((), engine="text"), questions.get("failure"))
    assert a.parts == ()
    assert {c.id: c.score for c in a.criteria}["ownership"] == 0


def test_stems_match_word_forms_but_habits_keep_their_tense() -> None:
    m = Matcher(tokenise(from_text("I pushed the release and started checking the logs")))
    assert len(m.find(["i push"])) == 1  # a stem: "pushed" is a form of "push"
    assert len(m.find(["i push"], exact=True)) == 0  # a habit ("I push back") is not a past act
    assert len(m.find(["start checking"])) == 1


def test_a_phrase_in_other_word_order_matches_loosely() -> None:
    m = Matcher(tokenise(from_text("Within ten minutes I'd called my manager about it")))
    assert m.find(["called my manager within ten minutes"]) == []
    assert len(m.find_loose(["called my manager within ten minutes"])) == 1
    assert m.find_loose(["called my director"]) == []


def test_a_trap_held_back_by_unless_is_not_reported() -> None:
    # no_proof is held back when no_lesson fires: the missing lesson is the point to make
    text = (
        "I sent the campaign email with a broken discount code and customers complained. "
        "It was my mistake. We fixed it the next morning."
    )
    fired = score_text("failure", text).fired
    assert "no_lesson" in fired and "no_proof" not in fired


def test_trap_strength_grows_with_the_margin() -> None:
    mild = "I was frustrated because nobody told me the date had moved."
    harsh = (
        "It was not my fault. Nobody told me, they never listened, my manager never "
        "planned anything and it was out of my control."
    )
    hits = [
        next((t for t in score_text("failure", text).assessment.traps if t.id == "blame"), None)
        for text in (mild, harsh)
    ]
    assert hits[1] is not None and hits[1].strength == 1.0
    assert hits[0] is None or hits[0].strength < hits[1].strength


def test_a_trap_clear_past_its_unless_below_is_reported_anyway() -> None:
    # no_result is held back by a vague verdict only while the missing ending is borderline
    q = questions.get("conflict")
    vague = TrapHit(id="vague", evidence=(), probe="", strength=0.6)

    def reported(strength: float) -> bool:
        hit = TrapHit(id="no_result", evidence=(), probe="", strength=strength)
        return "no_result" in {t.id for t in kept(q, {"vague": vague, "no_result": hit})}

    assert not reported(0.55)
    assert reported(0.95)
