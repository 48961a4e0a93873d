"""Model answers and follow-ups for the failure question."""

from __future__ import annotations

from answers import samples, score_sample, score_text
from mockmic import coach, questions
from mockmic.transcribe import from_text

BY_ID = {s.id: s for s in samples("failure")}


def _personal(text: str) -> str:
    q = questions.get("failure")
    scored = score_text("failure", text)
    return coach.model_answer(from_text(text), scored.assessment, q).personalized


def test_exemplar_is_the_banks_and_scores_as_strong() -> None:
    q = questions.get("failure")
    scored = score_text("failure", q.model_answer)
    ans = coach.model_answer(from_text(q.model_answer), scored.assessment, q)
    assert ans.exemplar == q.model_answer.strip()
    assert scored.score.overall >= 85 and not scored.fired


def test_personalised_keeps_their_facts_in_order_and_asks_for_what_is_missing() -> None:
    text = (
        "so um at my last company we were launching a new checkout page and the whole team had "
        "been working on it for months with lots of stakeholders and a big marketing push planned "
        "around it and a new agency involved. i pushed the release on a friday without running "
        "the load test and the page went down for two hours. that was on me i skipped the test "
        "to hit the date. i rolled it back and wrote up what happened for the team."
    )
    out = _personal(text)
    assert "um " not in out and "so um" not in out
    low = out.lower()
    assert low.index("went down for two hours") < low.index("that was on me")
    backstory = out.split(" ... ")[0]  # trimmed to the part's word budget, the cut marked
    context = questions.get("failure").part("context")
    assert context is not None and context.max_words is not None
    assert len(backstory.split()) <= context.max_words and "new agency" not in out
    q = questions.get("failure")
    lesson, change, proof = (q.part(p) for p in ("lesson", "change", "proof"))
    assert lesson and change and proof
    assert lesson.prompt in out and change.prompt in out and proof.prompt in out
    assert out.index(lesson.prompt) < out.index(change.prompt) < out.index(proof.prompt)


def test_personalised_drops_the_blame_and_asks_for_ownership() -> None:
    out = _personal(BY_ID["blame"].text)
    assert "out of my control" not in out
    assert "kept changing on us" not in out
    own = questions.get("failure").part("ownership")
    assert own is not None and own.prompt in out
    assert "missed the launch date" in out  # their facts stay


def test_strong_answer_needs_no_prompts() -> None:
    out = _personal(BY_ID["strong_migration"].text)
    assert "[" not in out
    assert "That was on me." in out or "That was on me" in out


def test_follow_up_is_the_probe_of_the_most_serious_trap() -> None:
    q = questions.get("failure")
    for sample_id, trap_id in [
        ("blame", "blame"),
        ("humble_brag", "non_failure"),
        ("over_apology", "over_apology"),
        ("rambling", "rambling"),
        ("catastrophic", "catastrophic"),
    ]:
        scored = score_sample(BY_ID[sample_id])
        trap = q.trap(trap_id)
        assert trap is not None
        assert scored.follow_up == trap.probe, sample_id
    assert score_sample(BY_ID["strong_migration"]).follow_up is None


def test_a_humble_brag_is_asked_for_a_real_failure() -> None:
    out = _personal(BY_ID["humble_brag"].text)
    failure = questions.get("failure").part("failure")
    assert failure is not None and failure.prompt in out
    assert "care too much" in out  # their words stay; the prompt asks for what is missing
