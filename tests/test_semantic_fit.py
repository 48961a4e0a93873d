"""Fitting the semantic judge on more than one set: contrast pairs kept in one fold, and the
labellers' quotes joining a trap's example sentences without leaking into out-of-fold figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from mockmic import questions
from mockmic.rubric import calibrate, embed, semantic
from mockmic.transcribe import from_text
from mockmic.types import TrapHit
from sentence_model import needs_model

BLAME = (
    "The release slipped by a fortnight. Honestly the design agency kept sending the artwork late, "
    "so there was nothing I could do about the print deadline. I told the client it was out of "
    "my hands. Next time I would pick a different agency."
)
OWNED = (
    "The release slipped by a fortnight because I booked the print slot before the artwork was "
    "signed off. That was my call and it was wrong. I told the client the same day, rebooked, "
    "and since then I book print only against signed artwork; the last six runs were on time."
)


def test_folds_keep_a_group_together_and_are_plain_without_groups() -> None:
    plain = calibrate.folds(12, 5, 3)
    assert [f.tolist() for f in calibrate.folds(12, 5, 3, [""] * 12)] == [f.tolist() for f in plain]
    groups = ["", "a", "a", "", "b", "", "b", "", "", "c", "c", ""]
    got = calibrate.folds(12, 3, 1, groups)
    assert sorted(i for f in got for i in f.tolist()) == list(range(12))
    fold_of = {i: k for k, f in enumerate(got) for i in f.tolist()}
    for g in "abc":
        members = [i for i, x in enumerate(groups) if x == g]
        assert len({fold_of[i] for i in members}) == 1, g


def _sample(answer_id: str, text: str, traps: tuple[str, ...], group: str = "") -> calibrate.Sample:
    s = calibrate.sample(
        answer_id, from_text(text), questions.get("failure"), 2, traps, None, group
    )
    assert s is not None and s.rows is not None
    return s


@needs_model
def test_an_answer_never_learns_from_its_own_quote() -> None:
    """The blame answer's own clause as an example makes it read like blame to itself; left out
    (as every fold leaves the held-out answers' quotes out), and outside the pool, it does not."""
    own = "the design agency kept sending the artwork late"
    blamed, owned = _sample("failure-t900", BLAME, ("blame",)), _sample("failure-t901", OWNED, ())
    quoted = calibrate.quotes([(blamed.key, "blame", own)])
    assert quoted is not None
    pool = {blamed.key, owned.key}
    seen = calibrate.liked([blamed], quoted, pool, loo=False)[0].likeness["blame"]
    left_out = calibrate.liked([blamed], quoted, pool, loo=True)[0].likeness["blame"]
    not_pooled = calibrate.liked([blamed], quoted, {owned.key}, loo=False)[0].likeness["blame"]
    assert seen > left_out + 0.05
    assert left_out == pytest.approx(not_pooled) == pytest.approx(blamed.likeness["blame"])
    # a contrast pair shares its key, so its twin's quote is left out with its own
    twin = _sample("failure-t902", OWNED, (), group="failure-t900+failure-t902")
    paired = calibrate.quotes([(twin.key, "blame", own)])
    assert paired is not None
    alone = calibrate.liked([twin], paired, {twin.key}, loo=True)[0].likeness["blame"]
    assert alone == pytest.approx(twin.likeness["blame"])
    assert quoted.shipped(["blame", "cliche"], {blamed.key}) == {"blame": [own]}
    assert quoted.shipped(["blame"], {owned.key}) == {}


@needs_model
def test_the_fit_ships_quotes_the_engine_reads_as_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = semantic.fitted()
    assert shipped is not None
    raw = yaml.safe_load(semantic.FIT.read_text(encoding="utf-8"))
    raw["likeness"] = {"blame": ["the design agency kept sending the artwork late"]}
    path = tmp_path / "fit.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    fit = semantic.fitted(path)
    assert fit is not None and fit.quotes == {"blame": tuple(raw["likeness"]["blame"])}
    monkeypatch.setattr(semantic, "fitted", lambda: fit)
    semantic.examples.cache_clear()
    try:
        written = semantic.written_examples()["blame"].present
        added = semantic.examples()["blame"].present
        assert written is not None and added is not None
        assert len(added) == len(written) + 1
        assert np.allclose(added[: len(written)], written)
    finally:
        semantic.examples.cache_clear()


def test_a_fusions_rule_weight_is_written_read_and_heard(tmp_path: Path) -> None:
    fusion = semantic.Fusion(("rule", "readout"), (0.0, 0.0), (1.0, 1.0), 0.2, rule_weight=1.0)
    readouts = calibrate.Readouts(
        (np.zeros(768), 3.0), {"blame": (np.zeros(768), -1.0)}, {"blame": fusion}
    )
    path = tmp_path / "fit.yaml"
    path.write_text(yaml.safe_dump(calibrate.to_json(readouts, 0.5, 1.0, {})), encoding="utf-8")
    fit = semantic.fitted(path)
    assert fit is not None and fit.fusion["blame"].rule_weight == 1.0
    # the rule says yes, the read-out no: heard as one voice in two it does not carry the trap,
    # as three voices in four it does
    said = {"rule": 1.0, "readout": -0.8}
    assert fit.fusion["blame"].z(said) == pytest.approx(0.1)
    louder = semantic.Fusion(("rule", "readout"), (0.0, 0.0), (1.0, 1.0), 0.2)
    assert louder.rule_weight == semantic.RULE_WEIGHT == 3.0
    assert louder.z(said) == pytest.approx(0.55)
    assert semantic.fused_strength(fit.fusion["blame"], said) is None
    assert semantic.fused_strength(louder, said) is not None


def test_a_fused_trap_is_never_charged_past_its_rules_margin() -> None:
    """The voices decide whether; the rule's margin caps how much: with the models as sure
    either way, a mild wording is charged less than a harsh one, and a trap the rule did not
    reach at all is charged half."""
    fusion = semantic.Fusion(("rule", "readout"), (-1.8, -5.0), (0.6, 2.5), 0.8)
    sure = 2.0  # the read-out's log-odds: far past its mean
    mild, harsh, short = (
        semantic.fused_strength(fusion, {"rule": r, "readout": sure}) for r in (0.57, 2.0, -0.4)
    )
    assert mild is not None and harsh is not None and short is not None
    assert mild == pytest.approx(semantic.rule_strength(0.57)) and mild < harsh == 1.0
    assert short == 0.5
    # with no rule voice the fused strength is the voices' own
    alone = semantic.Fusion(("readout",), (-5.0,), (2.5,), 0.8)
    assert semantic.fused_strength(alone, {"readout": sure}) == 1.0


def _bare(answer_id: str, margin: float, blamed: bool, odds_at: float) -> calibrate.Sample:
    """A sample with only what a rule + read-out fusion of blame hears: the rule's margin, and
    a mean vector whose first number the read-out will weigh."""
    mean = np.zeros(768, dtype=np.float32)
    mean[0] = odds_at
    return calibrate.Sample(
        answer_id,
        questions.get("failure"),
        2 if blamed else 4,
        frozenset({"blame"}) if blamed else frozenset(),
        (),
        {"blame": TrapHit("blame", (), "", 1.0)} if margin >= 0 else {},
        mean,
        {"blame": margin},
        {},
        frozenset({"blame"}),
    )


def test_a_fusion_keeps_what_the_rule_gets_right_on_outside_answers() -> None:
    """On the fitting set the rule misses blame told mildly (margin -0.1), so the best fused
    threshold fires there; an outside strong answer at the same margin, which the rule rightly
    leaves alone, moves the threshold above it, and a weak outside answer that must keep its
    blame below that refuses the fusion."""
    rng = np.random.default_rng(0)
    fitting = [
        _bare(f"a{k}", m, b, float(rng.normal(1.0 if b else -1.0, 0.3)))
        for k in range(60)
        for m, b in [((-0.1, True), (0.3, True), (-0.5, False), (-0.1, False))[k % 4]]
    ]
    x = np.stack([s.mean for s in fitting]).astype(np.float64)
    y = np.array([bool(s.traps) for s in fitting], dtype=np.float64)
    free = calibrate.fit_fusion(fitting, x, y, "blame")
    assert free is not None
    readout = calibrate.logistic(x, y, calibrate.TRAP_LAMBDA)
    strong = calibrate.check(_bare("strong", -0.1, False, 1.0), strong=True)
    z_strong = free.z(
        calibrate.voices(strong.sample, "blame", calibrate.log_odds(strong.sample, readout))
    )
    assert z_strong >= free.threshold  # unchecked, the fusion would charge the strong answer
    held = calibrate.fit_fusion(fitting, x, y, "blame", checks=[strong], readout=readout)
    assert held is not None and held.threshold > z_strong
    weak = calibrate.check(_bare("weak", 0.02, True, -1.0), strong=False)
    assert (
        calibrate.fit_fusion(fitting, x, y, "blame", checks=[strong, weak], readout=readout) is None
    )
    # a check the rule already gets wrong asks nothing of the fusion
    wrong = calibrate.check(_bare("missed", -0.1, True, 1.0), strong=False)
    assert calibrate.bounds(held, "blame", [wrong], readout) == (-np.inf, np.inf)


def test_the_threshold_is_chosen_inside_its_window() -> None:
    z = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    y = np.array([False, False, True, True, True])
    assert calibrate.best_threshold(z, y) == 1.5
    assert calibrate.best_threshold(z, y, low=2.5) == 2.75  # the gap's part above low
    assert calibrate.best_threshold(z, y, high=0.5) == 0.25
    assert calibrate.best_threshold(z, y, low=5.0) == 6.0  # nothing left: past the window's end


def test_quoted_sentences_are_those_that_say_a_quote() -> None:
    texts = [
        "The release slipped by a fortnight.",
        "Honestly the design agency kept sending the artwork late, so I could do nothing.",
        "I told the client that, frankly, it was out of my hands.",
        "Next time I would pick a different agency.",
    ]
    quotes = ["the design agency kept sending the artwork late", "it was out of my hands"]
    assert calibrate.quoted_rows(texts, quotes).tolist() == [False, True, True, False]
    assert not calibrate.quoted_rows(texts, []).any()
    # a quote running over two sentences: each half is mostly quoted words
    halves = ["The design agency kept", "sending the artwork late.", "We shipped on Friday."]
    assert calibrate.quoted_rows(halves, quotes[:1]).tolist() == [True, True, False]


def _rows(n: int, rng: np.random.Generator, lean: np.ndarray | None = None) -> np.ndarray:
    rows = rng.normal(size=(n, 8)) + (0.0 if lean is None else lean)
    out: np.ndarray = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    return out


def test_the_sentence_read_out_learns_the_quoted_sentences_direction() -> None:
    """Answers with the trap hold one quoted sentence leaning one way among plain ones; the
    read-out points that way, and an answer's value is its most trap-like sentence's."""
    rng = np.random.default_rng(3)
    lean = np.zeros(8)
    lean[2] = 8.0
    q = questions.get("failure")

    def made(i: int, trapped: bool) -> calibrate.Sample:
        rows = _rows(6, rng)
        quoted = np.zeros(6, dtype=bool)
        if trapped:
            rows[4], quoted[4] = _rows(1, rng, lean)[0], True
        return calibrate.Sample(
            f"failure-t{i:03d}", q, 2, frozenset({"blame"} if trapped else ()), (), {},
            rows.mean(axis=0), {}, {}, frozenset({"blame"}), "", rows,
            {"blame": quoted} if trapped else {},
        )  # fmt: skip

    samples = [made(i, i % 3 == 0) for i in range(90)]
    heard = calibrate.fit_sentences(samples, "blame")
    assert heard is not None and int(np.argmax(np.abs(heard.weights))) == 2
    trapped = samples[0]
    assert trapped.rows is not None and heard.value(trapped.rows)[1] == 4
    plain = [s for s in samples if "blame" not in s.traps]
    assert all(heard.value(s.rows)[0] < heard.value(trapped.rows)[0] for s in plain[:10])  # type: ignore[arg-type]
    # too few quoted sentences to learn from: no read-out at all
    assert calibrate.fit_sentences(samples[:9], "blame") is None


def test_a_sentence_voice_is_written_read_and_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fusion that hears only the sentence voice charges the trap on the answer whose one
    sentence reads like the read-out's direction, and quotes that sentence."""
    enc = embed.encoder()
    if enc is None:
        pytest.skip(f"model not installed: {embed.INSTALL}")
    direction = enc.encode(["The design agency kept sending us the artwork late."])[0]
    heard = semantic.Sentences(10.0 * direction, -6.0)
    fusion = semantic.Fusion(("sentence",), (0.0,), (1.0,), 0.0)
    d = len(direction)
    readouts = calibrate.Readouts(
        (np.zeros(2 * d), 3.0), {"blame": (np.zeros(2 * d), -1.0)}, {"blame": fusion},
        {"blame": heard},
    )  # fmt: skip
    path = tmp_path / "fit.yaml"
    path.write_text(yaml.safe_dump(calibrate.to_json(readouts, 0.5, 1.0, {})), encoding="utf-8")
    fit = semantic.fitted(path)
    assert fit is not None and np.allclose(fit.sentences["blame"].weights, heard.weights, atol=1e-5)
    monkeypatch.setattr(semantic, "fitted", lambda: fit)
    from mockmic import rubric

    q = questions.get("failure")
    blamed = {t.id: t for t in rubric.assess(from_text(BLAME), q).traps}
    assert "blame" in blamed
    assert blamed["blame"].evidence[0].startswith("Honestly the design agency kept sending")
    assert "blame" not in {t.id for t in rubric.assess(from_text(OWNED), q).traps}
