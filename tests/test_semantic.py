"""The semantic judge: sentences cut from real answers, read-outs on top of the rules, and the
rules alone when the model is missing."""

from __future__ import annotations

import itertools
import logging

import numpy as np
import pytest

from mockmic import questions, rubric, scoring
from mockmic.rubric import calibrate, embed, semantic
from mockmic.rubric.answer import build
from mockmic.transcribe import from_text
from mockmic.types import Assessment
from sentence_model import needs_model

CRITERION = "read_for_meaning"

STRONG = (
    "Last spring I was running payroll for a chain of six dental clinics, and I paid forty "
    "hygienists on the old overtime rate because I never checked the rate table after the new "
    "contract started. That was my mistake. I told my manager the same morning, worked out every "
    "person's shortfall that afternoon and had the difference paid two days later with a note "
    "from me explaining it. Since then I compare the rate table with the signed contract before "
    "every pay run, and in the eighteen runs since there has not been a single wrong rate."
)
WEAK = (
    "I would say I am a very hard worker and a real team player, and I always give a hundred and "
    "ten percent. Things go wrong sometimes, that is life, and we all learn from it. I think "
    "communication is key and staying positive is important. I am passionate about what I do."
)


def _assess(text: str, question: str = "failure") -> Assessment:
    return rubric.assess(from_text(text), questions.get(question))


def test_units_follow_sentences_and_cut_run_ons() -> None:
    q = questions.get("failure")
    answer = build(from_text("I missed the date. It was on me. Since then I check."), q)
    assert [semantic.unit_text(answer, u) for u in semantic.units(answer)] == [
        "I missed the date.",
        "It was on me.",
        "Since then I check.",
    ]
    run_on = " ".join(["um so i was working on the report and then i sent it to the client"] * 8)
    answer = build(from_text(run_on), q)
    spans = semantic.units(answer)
    assert len(spans) >= 4
    assert all(s.end - s.start <= semantic.LONGEST for s in spans)
    assert spans[0].start == 0 and spans[-1].end == len(answer.tokens)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans))
    assert "um" not in semantic.unit_text(answer, spans[0]).split()  # fillers carry no meaning


@needs_model
def test_the_criterion_ranks_a_strong_answer_over_a_hollow_one() -> None:
    strong = {c.id: c for c in _assess(STRONG).criteria}[CRITERION]
    weak = {c.id: c for c in _assess(WEAK).criteria}[CRITERION]
    assert strong.score >= 70 > 40 >= weak.score
    # every point traces to words: the quotes are the candidate's own sentences
    for c, text in ((strong, STRONG), (weak, WEAK)):
        assert c.evidence and all(e in text for e in c.evidence)
    assert strong.tip != weak.tip


@needs_model
def test_it_is_deterministic_and_steady_under_rewording() -> None:
    a, b = _assess(STRONG), _assess(STRONG)
    assert a == b
    reworded = STRONG.replace("That was my mistake.", "The error was mine.").replace(
        "the same morning", "that morning"
    )
    q = questions.get("failure")
    assert abs(scoring.content_score(a, q) - scoring.content_score(_assess(reworded), q)) <= 5


@needs_model
def test_a_read_out_fires_a_trap_the_rules_miss_and_quotes_its_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Polite blame of a supplier that no blame phrase catches; a blame read-out made by hand
    (the direction of one sentence of our own) fires on it, quotes the supplier sentence, and
    carries the question's own probe; on the strong answer it stays quiet."""
    text = (
        "The launch slipped by three weeks. Our supplier shipped the circuit boards late twice, "
        "and their quality people sat on every complaint we sent. I kept the client informed "
        "every Friday. What I took from it is to ask for weekly updates from suppliers."
    )
    enc = embed.encoder()
    assert enc is not None
    direction = enc.encode(["A supplier kept delivering late and ignored our complaints."])[0]
    real = semantic.fitted()
    assert real is not None
    readout = semantic.Readout(10.0 * direction, -4.0)  # fires when the mean leans past 0.4
    fake = semantic.Fitted(real.grade, real.weight, {"blame": (readout, 0.0)}, {})
    monkeypatch.setattr(semantic, "fitted", lambda: fake)
    q = questions.get("failure")
    rules_only = rubric.assess(from_text(text), q, semantic_judge=False)
    assert "blame" not in {t.id for t in rules_only.traps}
    hit = {t.id: t for t in _assess(text).traps}["blame"]
    assert hit.evidence == (
        "Our supplier shipped the circuit boards late twice, and their quality people sat on "
        "every complaint we sent.",
    )
    assert hit.probe == q.trap("blame").probe and 0.5 <= hit.strength <= 1.0
    assert "blame" not in {t.id for t in _assess(STRONG).traps}


@needs_model
def test_the_shipped_read_outs_are_the_stable_traps_they_were_fitted_for() -> None:
    fit = semantic.fitted()
    assert fit is not None and fit.weight > 0
    assert set(fit.traps) <= {t.id for q in questions.bank().questions.values() for t in q.traps}
    # the whole answer's mean vector and its second half's, side by side
    assert fit.grade.weights.shape == (768,)
    for trap, fusion in fit.fusion.items():
        assert trap in fit.traps and set(fusion.voices) <= set(semantic.VOICES)
        assert len(fusion.mean) == len(fusion.scale) == len(fusion.voices)


@needs_model
def test_a_read_out_of_both_halves_splits_exactly_into_sentence_shares() -> None:
    """Each sentence's share of a read-out adds up to the read-out (less its bias), whether the
    sentence sits in the first half (read once, in the whole mean) or the second (read twice)."""
    found = semantic.vectors(build(from_text(STRONG), questions.get("failure")))
    assert found is not None
    read = semantic.reading(found[1])
    assert 0 < read.start < len(read.rows) and read.features.shape == (768,)
    readout = semantic.Readout(np.random.default_rng(3).normal(size=768).astype(np.float32), 0.7)
    assert float(readout.shares(read).sum()) == pytest.approx(readout.value(read) - 0.7, abs=1e-4)
    whole_only = semantic.Readout(readout.weights[:384], 0.0)
    assert float(whole_only.shares(read)[read.start :].sum()) != pytest.approx(
        float(readout.shares(read)[read.start :].sum()), abs=1e-3
    )


@needs_model
def test_likeness_hears_a_trap_in_words_no_rule_lists() -> None:
    """Contempt for a former manager, said in words of our own: closer to the badmouthing
    examples than a fair account of the same manager, and the sentence found is the scornful
    one. A lesson-free story reads as lacking a lesson more than one that states its rule."""
    q = questions.get("failure")

    def like(text: str, trap: str) -> tuple[float, str]:
        answer = build(from_text(text), q)
        found = semantic.vectors(answer)
        assert found is not None
        got = semantic.likeness(found[1], trap)
        assert got is not None
        return got[0], semantic.unit_text(answer, found[0][got[1]])

    scorn, quoted = like(
        "We lost the bid in March. Frankly my manager back then could not organise a lunch "
        "order and everyone on that floor knew it. I rewrote the pricing section myself.",
        "badmouthing",
    )
    fair, _ = like(
        "We lost the bid in March. My manager back then was stretched across three bids and "
        "asked me to own the pricing. I rewrote the pricing section myself.",
        "badmouthing",
    )
    assert scorn > fair and quoted.startswith("Frankly my manager")
    no_rule, _ = like(
        "The shipment went to the wrong warehouse and sat there for nine days. I rang the "
        "carrier, paid for a courier and the client got the parts on the tenth day.",
        "no_lesson",
    )
    rule, _ = like(
        "The shipment went to the wrong warehouse and sat there for nine days. I rang the "
        "carrier and paid for a courier. Since then I confirm the delivery address with the "
        "warehouse in writing before anything is booked.",
        "no_lesson",
    )
    assert no_rule > rule


@needs_model
def test_a_fused_trap_overrules_the_rule_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fusion made by hand that listens only to the read-out: it clears the rule's own blame
    on one answer and charges blame the rule missed on another, quoting the candidate's sentence
    and carrying the question's probe. With the rule's voice alone it agrees with the rule."""
    real = semantic.fitted()
    assert real is not None
    q = questions.get("failure")
    rule_blames = (
        "Honestly it was not my fault. My manager gave me the wrong figures and the finance team "
        "were useless about checking them, so the board pack went out wrong."
    )
    polite = (
        "The launch slipped by three weeks. Our supplier shipped the circuit boards late twice, "
        "and their quality people sat on every complaint we sent. I kept the client informed "
        "every Friday. What I took from it is to ask for weekly updates from suppliers."
    )
    assert "blame" in {t.id for t in rubric.assess(from_text(rule_blames), q, False).traps}
    assert "blame" not in {t.id for t in rubric.assess(from_text(polite), q, False).traps}
    enc = embed.encoder()
    assert enc is not None
    direction = enc.encode(["A supplier kept delivering late and ignored our complaints."])[0]
    readout = semantic.Readout(10.0 * direction, -4.0)  # leans past 0.4: positive log-odds

    def with_fusion(voices: tuple[str, ...]) -> None:
        fusion = semantic.Fusion(voices, (0.0,) * len(voices), (1.0,) * len(voices), 0.0)
        fake = semantic.Fitted(
            real.grade, real.weight, {"blame": (readout, 0.0)}, {}, {"blame": fusion}
        )
        monkeypatch.setattr(semantic, "fitted", lambda: fake)

    with_fusion(("readout",))
    assert "blame" not in {t.id for t in _assess(rule_blames).traps}
    hit = {t.id: t for t in _assess(polite).traps}["blame"]
    assert hit.evidence == (
        "Our supplier shipped the circuit boards late twice, and their quality people sat on "
        "every complaint we sent.",
    )
    assert hit.probe == q.trap("blame").probe and 0.5 <= hit.strength <= 1.0
    with_fusion(("rule",))
    assert "blame" in {t.id for t in _assess(rule_blames).traps}
    assert "blame" not in {t.id for t in _assess(polite).traps}


@pytest.mark.usefixtures("no_sentence_model")
def test_without_the_model_the_rules_judge_alone(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mockmic.rubric.embed"):
        a = _assess(STRONG)
        _assess(WEAK)
    assert CRITERION not in {c.id for c in a.criteria}
    rules = rubric.assess(from_text(STRONG), questions.get("failure"), semantic_judge=False)
    assert a == rules
    said = [r.getMessage() for r in caplog.records if r.name == "mockmic.rubric.embed"]
    assert len(said) == 1 and embed.INSTALL in said[0]


def test_the_fitters_recover_what_made_the_data() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(400, 5))
    w = np.array([1.0, -2.0, 0.5, 0.0, 3.0])
    w_hat, b_hat = calibrate.ridge(x, x @ w + 2.0, 1e-6)
    assert np.allclose(w_hat, w, atol=1e-4) and b_hat == pytest.approx(2.0, abs=1e-4)
    y = (rng.random(400) < 1 / (1 + np.exp(-(x @ w - 1.0)))).astype(float)
    w_hat, b_hat = calibrate.logistic(x, y, 1e-3)
    assert np.corrcoef(w_hat, w)[0, 1] > 0.95 and b_hat < 0
