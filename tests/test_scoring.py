"""Scores: the strong failure answers win clearly; traps cost points; delivery mixes in."""

from __future__ import annotations

import pytest

from answers import samples, score_sample
from mockmic import questions, scoring
from mockmic.types import Assessment, CriterionResult, Delivery, TrapHit

MARGIN = 20


def test_every_strong_answer_beats_every_weak_one_by_a_clear_margin() -> None:
    for qid in sorted({s.question for s in samples()}):
        scored = [score_sample(s) for s in samples(qid)]
        strong = [s for s in scored if s.sample.label == "strong"]
        weak = [s for s in scored if s.sample.label == "weak"]
        assert strong and weak, qid
        worst_strong = min(strong, key=lambda s: s.score.overall)
        best_weak = max(weak, key=lambda s: s.score.overall)
        gap = worst_strong.score.overall - best_weak.score.overall
        assert gap >= MARGIN, (
            f"{worst_strong.sample.name} {worst_strong.score.overall} vs "
            f"{best_weak.sample.name} {best_weak.score.overall}"
        )


@pytest.mark.parametrize("weak", ["humble_brag", "blame", "over_apology", "rambling"])
def test_failure_strong_answer_beats_each_named_weak_one(weak: str) -> None:
    by_id = {s.id: s for s in samples("failure")}
    strong = score_sample(by_id["strong_migration"]).score
    other = score_sample(by_id[weak]).score
    assert strong.overall - other.overall >= MARGIN
    assert strong.delivery is None and strong.overall == strong.content  # typed: content only


def _assessment(scores: list[int], traps: list[str]) -> Assessment:
    q = questions.get("failure")
    crit = tuple(
        CriterionResult(c.id, c.label, c.weight, s, (), c.tip)
        for c, s in zip(q.criteria, scores, strict=False)
    )
    hits = tuple(TrapHit(t, (), "?") for t in traps)
    return Assessment(parts=(), criteria=crit, traps=hits)


def _delivery(**kw: object) -> Delivery:
    base: dict[str, object] = dict(
        duration_s=90.0,
        speaking_s=80.0,
        words_per_minute=140.0,
        articulation_wpm=150.0,
        fillers=(),
        fillers_per_minute=0.0,
        long_pauses=(),
        hedges=(),
        apologies=(),
        restarts=(),
        pace=(),
        time_limit_s=120.0,
        over_time_s=0.0,
        pitch_steadiness=0.9,
        loudness_steadiness=0.9,
    )
    base.update(kw)
    return Delivery(**base)  # type: ignore[arg-type]


def test_content_is_the_weighted_mean_minus_penalties_under_caps() -> None:
    q = questions.get("failure")
    n = len(q.criteria)
    assert scoring.content_score(_assessment([80] * n, []), q) == 80
    blame = q.trap("blame")
    assert blame is not None and blame.cap is not None
    assert scoring.content_score(_assessment([80] * n, ["blame"]), q) == min(
        80 - blame.penalty, blame.cap
    )
    assert scoring.content_score(_assessment([100] * n, ["non_failure"]), q) == 55  # its cap


def test_overall_mixes_delivery_by_the_question_weights() -> None:
    q = questions.get("failure")
    a = _assessment([80] * len(q.criteria), [])
    s = scoring.score(a, _delivery(), q)
    assert s.content == 80 and s.delivery is not None
    expected = q.weights.content * 80 + q.weights.delivery * s.delivery
    assert s.overall == round(expected)
    rushed = scoring.score(a, _delivery(words_per_minute=260.0, fillers_per_minute=12.0), q)
    assert rushed.delivery is not None and rushed.delivery < s.delivery
    assert rushed.overall < s.overall


def test_a_borderline_trap_costs_half_its_penalty_and_loosens_its_cap() -> None:
    q = questions.get("failure")
    n = len(q.criteria)
    blame = q.trap("blame")
    assert blame is not None and blame.cap is not None
    full = _assessment([90] * n, ["blame"])
    half = Assessment(
        parts=(), criteria=full.criteria, traps=(TrapHit("blame", (), "?", strength=0.5),)
    )
    assert scoring.content_score(full, q) == min(90 - blame.penalty, blame.cap)
    loosened_cap = blame.cap + (100 - blame.cap) * 0.5
    assert scoring.content_score(half, q) == round(min(90 - blame.penalty / 2, loosened_cap))


def test_a_grave_failure_owned_with_a_proved_fix_is_capped_as_mixed_not_weak() -> None:
    q = questions.get("failure")
    n = len(q.criteria)
    ids = [c.id for c in q.criteria]
    owned = _assessment([100] * n, ["catastrophic"])
    unproved = _assessment([0 if i == "change_proof" else 100 for i in ids], ["catastrophic"])
    trap = q.trap("catastrophic")
    assert trap is not None and trap.cap is not None and trap.owned is not None
    assert scoring.content_score(owned, q) == trap.owned.cap
    assert scoring.content_score(unproved, q) == trap.cap


def test_salvageable_traps_stop_at_the_floor_and_a_grade_one_reason_does_not() -> None:
    q = questions.get("failure")
    n = len(q.criteria)
    soft = ["blame", "no_lesson", "over_apology"]  # 15 + 10 + 10 points off a mean of 50
    assert all((t := q.trap(i)) is not None and t.salvageable for i in soft)
    assert scoring.content_score(_assessment([50] * n, soft), q) == scoring.SALVAGEABLE_FLOOR
    # the floor never lifts an answer above its own criteria
    assert scoring.content_score(_assessment([20] * n, soft), q) == 20
    # one trap the rulebook grades 1 for (contempt, a grave failure) and the floor is gone
    grave = q.trap("badmouthing")
    assert grave is not None and not grave.salvageable
    assert scoring.content_score(_assessment([50] * n, [*soft, "badmouthing"]), q) == 0
    # above the floor nothing changes
    assert scoring.content_score(_assessment([60] * n, ["no_lesson"]), q) == 50


def test_only_the_rulebooks_grade_one_reasons_are_not_salvageable() -> None:
    grave = {"vague", "off_topic", "badmouthing", "catastrophic"}
    q = questions.get("failure")
    for t in q.traps:
        assert t.salvageable == (t.id not in grave), t.id
