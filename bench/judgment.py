"""Judgment benchmark: does mockmic's content score agree with an experienced interviewer?

    python bench/judgment.py                    # both halves, text + paraphrase + speech round trip
    python bench/judgment.py --split dev        # only the half you may look at while tuning
    python bench/judgment.py --no-audio --json  # machine-readable, no espeak-ng/whisper round trip
    python bench/judgment.py --split train      # the training split, reported like a half
    python bench/judgment.py --split dev --answers   # per-answer rows (dev or train, never test)
    python bench/judgment.py --fit-semantic     # refit the semantic judge on dev + train (CV)

Reads the labelled set in bench/data/answers/ (one YAML file per question id, split into a dev and
a test half, see bench/README.md) and the training split in bench/data/train/ (files named
<question>.<writer>.yaml), scores every answer as text through the public API
(`mockmic.score(text, question=...)`), and prints, for each half (or split): ROC AUC of strong
over weak answers, Spearman between overall score and grade, and precision/recall/F1 per trap.
Then the stability figures: the same answer reworded (dev answers, bench/data/answers/
paraphrases.yaml; training answers, bench/data/train_paraphrases.yaml) and the same answer spoken by
espeak-ng and transcribed back.

The test half is for measuring only: never tune the engine on its per-answer results, which is why
`--answers` refuses it, and the semantic judge is never fitted on it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from mockmic.questions import STABLE_IDS

DATA = Path(__file__).resolve().parent / "data" / "answers"
PARAPHRASES = DATA / "paraphrases.yaml"
TRAIN = Path(__file__).resolve().parent / "data" / "train"
TRAIN_PARAPHRASES = TRAIN.parent / "train_paraphrases.yaml"  # rewordings of training answers
# sample answers written outside the labelled set for the bank's tests: --fit-semantic holds its
# fit to them (calibrate.Check), never learns from them
OUTSIDE = Path(__file__).resolve().parents[1] / "tests" / "data" / "answers"
SPLITS = ("dev", "test")  # the halves of bench/data/answers, by the fixed split rule
TRAIN_SPLIT = "train"  # bench/data/train: written apart, for fitting and for fresh checks
FIT_ON = ("dev", TRAIN_SPLIT)  # what --fit-semantic fits on by default; never the test half

# Contract ids from shared/DESIGN.md (stable): the failure question's own traps, and the generic
# ones any question may use. Failure-only ids are labelled (and so scored) on failure answers only.
STABLE_QUESTIONS = STABLE_IDS
FAILURE_TRAPS = (
    "non_failure",
    "blame",
    "over_apology",
    "catastrophic",
    "no_lesson",
    "no_proof",
    "rambling",
)
GENERIC_TRAPS = ("vague", "no_result", "we_not_i", "cliche", "badmouthing", "off_topic", "rambling")
ALL_TRAPS = tuple(dict.fromkeys(FAILURE_TRAPS + GENERIC_TRAPS))

TARGETS = {"auc": 0.95, "spearman": 0.80, "trap_f1": 0.80, "paraphrase": 8.0, "round_trip": 10.0}

# Answers spoken for the round trip: dev answers of several questions, strong and weak, clean and
# filler-laden, fixed so that runs compare.
ROUND_TRIP_IDS = (
    "failure-002",
    "failure-006",
    "failure-024",
    "failure-032",
    "mistake-001",
    "conflict-012",
    "weakness-001",
    "leadership-008",
    "pressure-002",
    "why_company-011",
)


@dataclass(frozen=True)
class Answer:
    id: str
    question: str
    grade: int
    label: str  # strong | mixed | weak
    traps: tuple[str, ...]
    split: str  # dev | test | train
    text: str
    # train only: trap id -> verbatim quotes of the words that say it (traps said in words)
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # train only: the other side of a contrast pair (the same story, differing in one thing)
    pair: str = ""
    writer: str = ""  # train only: the file name's writer letter (<question>.<writer>.yaml)

    @property
    def group(self) -> str:
        """A contrast pair's two sides share a group, and so a cross-validation fold."""
        return "+".join(sorted((self.id, self.pair))) if self.pair else ""


@dataclass(frozen=True)
class Paraphrase:
    id: str
    source: str
    question: str
    text: str


@dataclass(frozen=True)
class Judged:
    """What the engine said about one answer, reduced to what the benchmark compares."""

    overall: int
    traps: frozenset[str]
    content: int = 0  # the content score alone: what a spoken and a typed answer share
    delivery: int | None = None  # None for a typed answer


Judge = Callable[[str, str], Judged]


# --- the labelled set -----------------------------------------------------------------------


def allowed_traps(question: str) -> tuple[str, ...]:
    return ALL_TRAPS if question == "failure" else GENERIC_TRAPS


def label_of(grade: int) -> str:
    return "strong" if grade >= 4 else "weak" if grade <= 2 else "mixed"


def _answer(raw: dict[str, Any], question: str, writer: str = "") -> Answer:
    return Answer(
        id=raw["id"],
        question=question,
        grade=raw["grade"],
        label=raw["label"],
        traps=tuple(raw["traps"] or ()),
        split=raw["split"],
        text=" ".join(raw["text"].split()),
        evidence={t: tuple(q) for t, q in (raw.get("evidence") or {}).items()},
        pair=raw.get("pair") or "",
        writer=writer,
    )


def load_answers(folder: Path = DATA) -> list[Answer]:
    """The labelled set's dev and test halves (one file per question id)."""
    answers = []
    for path in sorted(folder.glob("*.yaml")):
        if path == PARAPHRASES or path.name == PARAPHRASES.name:
            continue
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            answers.append(_answer(raw, raw["question"]))
    return answers


def load_train(folder: Path = TRAIN) -> list[Answer]:
    """The training split: <question>.<writer>.yaml, several files per question (the question is
    the file name's part before the first dot)."""
    answers = []
    for path in sorted(folder.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or ():
            question, writer = path.name.split(".")[:2]
            answers.append(_answer(raw, question, writer))
    return answers


def load_splits(splits: Iterable[str], writers: Iterable[str] = ()) -> list[Answer]:
    """The answers of the named splits (dev, test, train), in file order; with `writers`, the
    training split holds only those writers' files (tune on some writers, check on the others)."""
    wanted, only = set(splits), set(writers)
    pool = load_answers() if wanted & set(SPLITS) else []
    pool += load_train() if TRAIN_SPLIT in wanted else []
    return [a for a in pool if a.split in wanted and (not only or a.writer in only or not a.writer)]


def load_paraphrases(path: Path = PARAPHRASES) -> list[Paraphrase]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Paraphrase(r["id"], r["source"], r["question"], " ".join(r["text"].split())) for r in raw
    ]


def _side(answer_id: str) -> str:
    digest = hashlib.sha256(f"mockmic-judgment:{answer_id}".encode()).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "test"


def split_rule(answers: Iterable[Answer]) -> dict[str, str]:
    """The fixed dev/test rule. Within each (question, label) group, answers in id order form
    pairs; a hash of the pair's first id sends it to one half and its partner to the other.
    Balanced to within one answer per group, and append-stable: adding answers at the end of a
    file never moves an existing one to the other half."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in answers:
        groups[(a.question, label_of(a.grade))].append(a.id)
    split = {}
    for ids in groups.values():
        ids.sort(key=lambda i: int(i.rsplit("-", 1)[1]))
        for k in range(0, len(ids), 2):
            first = _side(ids[k])
            split[ids[k]] = first
            if k + 1 < len(ids):
                split[ids[k + 1]] = "test" if first == "dev" else "dev"
    return split


# --- statistics (numpy only: scipy is not a dependency) --------------------------------------


def ranks(values: Sequence[float]) -> np.ndarray:
    """1-based ranks, ties sharing their average rank."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="mergesort")
    r = np.empty(len(x))
    sx = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sx[j + 1] == sx[i]:
            j += 1
        r[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return r


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positive or not negative:
        return None
    r = ranks(list(positive) + list(negative))
    n_pos, n_neg = len(positive), len(negative)
    return float((r[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    if len(x) < 3:
        return None
    rx, ry = ranks(x), ranks(y)
    if rx.std() == 0 or ry.std() == 0:
        return 0.0
    return float(np.corrcoef(rx, ry)[0, 1])


@dataclass(frozen=True)
class TrapStats:
    trap: str
    support: int  # answers labelled with it
    predicted: int
    precision: float | None
    recall: float | None
    f1: float | None


def trap_stats(rows: Sequence[tuple[Answer, Judged]]) -> list[TrapStats]:
    out = []
    for trap in ALL_TRAPS:
        scope = [(a, j) for a, j in rows if trap in allowed_traps(a.question)]
        tp = sum(1 for a, j in scope if trap in a.traps and trap in j.traps)
        support = sum(1 for a, _ in scope if trap in a.traps)
        predicted = sum(1 for _, j in scope if trap in j.traps)
        p = tp / predicted if predicted else None
        r = tp / support if support else None
        f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else None
        if p is not None and r is not None and p + r == 0:
            f1 = 0.0
        out.append(TrapStats(trap, support, predicted, p, r, f1))
    return out


# --- the engine, through its public API -----------------------------------------------------


def public_judge() -> Judge:
    """`mockmic.score(text, question=...)`, falling back to the pipeline's pieces if the
    package-level API is missing (as it may be while the project is young)."""
    import mockmic

    score = getattr(mockmic, "score", None)
    if score is None:
        from mockmic import pipeline

        score = getattr(pipeline, "score", None) or pipeline.score_answer

    def judge(text: str, question: str) -> Judged:
        report = score(text, question=question)
        return Judged(
            report.score.overall,
            frozenset(t.id for t in report.assessment.traps),
            report.score.content,
        )

    return judge


def audio_judge() -> tuple[Judge | None, str]:
    """Scores a wav file through the whole audio pipeline, or says why it cannot."""
    if shutil.which("espeak-ng") is None:
        return None, "espeak-ng is not installed"
    try:
        import mockmic
        from mockmic import audio, transcribe  # noqa: F401  (the audio stages must import)
    except Exception as e:  # any import failure means the audio pipeline is not ready
        return None, f"audio pipeline not importable: {e}"

    def judge(path: str, question: str) -> Judged:
        report = mockmic.score(path, question=question)
        return Judged(
            report.score.overall,
            frozenset(t.id for t in report.assessment.traps),
            report.score.content,
            report.score.delivery,
        )

    return judge, ""


def speak(text: str, out: Path) -> None:
    subprocess.run(
        ["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(out), text],
        check=True,
        capture_output=True,
    )


# --- the benchmark --------------------------------------------------------------------------


def judge_all(answers: Sequence[Answer], judge: Judge) -> tuple[dict[str, Judged], dict[str, str]]:
    """Judge every answer; answers the engine refuses (e.g. a question not in the bank yet) are
    returned as skipped with the reason, not silently dropped."""
    from mockmic.errors import MockmicError

    judged: dict[str, Judged] = {}
    skipped: dict[str, str] = {}
    for a in answers:
        try:
            judged[a.id] = judge(a.text, a.question)
        except MockmicError as e:
            skipped[a.id] = f"{type(e).__name__}: {e}"
    return judged, skipped


def half_metrics(answers: Sequence[Answer], judged: dict[str, Judged]) -> dict[str, Any]:
    rows = [(a, judged[a.id]) for a in answers if a.id in judged]
    strong = [j.overall for a, j in rows if a.label == "strong"]
    weak = [j.overall for a, j in rows if a.label == "weak"]
    traps = trap_stats(rows)
    scored_traps = [t for t in traps if t.support > 0]
    return {
        "answers": len(rows),
        "strong": len(strong),
        "weak": len(weak),
        "mixed": sum(1 for a, _ in rows if a.label == "mixed"),
        "auc": roc_auc(strong, weak),
        "spearman": spearman([j.overall for _, j in rows], [a.grade for a, _ in rows]),
        "mean_score": {
            g: round(statistics.mean(v), 1)
            for g in range(1, 6)
            if (v := [j.overall for a, j in rows if a.grade == g])
        },
        "traps": [asdict(t) for t in traps],
        "min_trap_f1": min((t.f1 or 0.0 for t in scored_traps), default=None),
    }


def paraphrase_stability(
    answers: dict[str, Answer], pairs: Sequence[Paraphrase], judge: Judge
) -> dict[str, Any]:
    deltas, refused = [], 0
    for p in pairs:
        a, b = _try(judge, answers[p.source].text, p.question), _try(judge, p.text, p.question)
        if a is None or b is None:
            refused += 1
            continue
        deltas.append(abs(a.overall - b.overall))
    return _deltas(deltas, refused)


def round_trip_stability(answers: dict[str, Answer], judge: Judge) -> dict[str, Any]:
    """|Δ overall| between an answer spoken and the same answer typed, like with like.

    A typed answer has no delivery, so it is given the spoken one's: the two overall scores then
    differ only by what the speech-to-text changed in the words, which is the judgment's
    stability. The change against the typed score without delivery (how espeak-ng's pace and
    pauses happen to rate) is shown beside it, as is the content score's own change.
    """
    speak_judge, why = audio_judge()
    if speak_judge is None:
        return {"skipped": why}
    deltas, raw_deltas, content_deltas, refused = [], [], [], 0
    with tempfile.TemporaryDirectory(prefix="mockmic-roundtrip-") as tmp:
        for answer_id in ROUND_TRIP_IDS:
            a = answers[answer_id]
            wav = Path(tmp) / f"{answer_id}.wav"
            speak(a.text, wav)
            typed, spoken = _try(judge, a.text, a.question), _try(speak_judge, str(wav), a.question)
            if typed is None or spoken is None:
                refused += 1
                continue
            typed_overall = _with_delivery(typed.content, spoken.delivery, a.question)
            deltas.append(abs(spoken.overall - typed_overall))
            raw_deltas.append(abs(spoken.overall - typed.overall))
            content_deltas.append(abs(spoken.content - typed.content))
    result = _deltas(deltas, refused)
    if raw_deltas:
        result["content"] = _deltas(content_deltas, refused)
        result["against_no_delivery"] = _deltas(raw_deltas, refused)
    return result


def _with_delivery(content: int, delivery: int | None, question: str) -> int:
    """The overall score a typed answer's content would get with this delivery rating."""
    if delivery is None:
        return content
    from mockmic import questions, scoring

    return scoring.overall(content, delivery, questions.get(question))


def _try(judge: Judge, text_or_path: str, question: str) -> Judged | None:
    from mockmic.errors import MockmicError

    try:
        return judge(text_or_path, question)
    except MockmicError:
        return None


def _deltas(deltas: list[int], refused: int) -> dict[str, Any]:
    if not deltas:
        return {"skipped": f"none of the pairs could be scored ({refused} refused)"}
    return {
        "pairs": len(deltas),
        "refused": refused,
        "median": statistics.median(deltas),
        "worst": max(deltas),
    }


# --- output ---------------------------------------------------------------------------------


def _fmt(x: float | None, digits: int = 2) -> str:
    return "  -  " if x is None else f"{x:.{digits}f}"


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else "PASS" if ok else "FAIL"


def render(result: dict[str, Any]) -> str:
    lines = []
    for half, m in result["halves"].items():
        lines.append(
            f"== {half} half: {m['answers']} answers scored "
            f"({m['strong']} strong, {m['mixed']} mixed, {m['weak']} weak)"
        )
        auc, rho = m["auc"], m["spearman"]
        lines.append(
            f"  ROC AUC strong>weak {_fmt(auc, 3)}   target >= {TARGETS['auc']}  "
            f"{_verdict(None if auc is None else auc >= TARGETS['auc'])}"
        )
        lines.append(
            f"  Spearman score~grade {_fmt(rho, 3)}  target >= {TARGETS['spearman']}   "
            f"{_verdict(None if rho is None else rho >= TARGETS['spearman'])}"
        )
        means = "  ".join(f"{g}:{v}" for g, v in m["mean_score"].items())
        lines.append(f"  mean overall by grade  {means}")
        lines.append(
            f"  {'trap':<13} {'support':>7} {'flagged':>7} {'prec':>6} {'recall':>6} "
            f"{'F1':>6}  target >= {TARGETS['trap_f1']}"
        )
        for t in m["traps"]:
            ok = None if t["support"] == 0 else (t["f1"] or 0.0) >= TARGETS["trap_f1"]
            lines.append(
                f"  {t['trap']:<13} {t['support']:>7} {t['predicted']:>7} "
                f"{_fmt(t['precision']):>6} {_fmt(t['recall']):>6} {_fmt(t['f1']):>6}  "
                f"{_verdict(ok)}"
            )
    for name, key, label in (
        ("paraphrase", "paraphrase", "paraphrase |Δ score|"),
        ("paraphrase", "paraphrase_train", "paraphrase of training answers |Δ score|"),
        ("round_trip", "round_trip", "speech round trip |Δ score|"),
    ):
        s = result[key]
        if "skipped" in s:
            lines.append(f"== {label}: skipped ({s['skipped']})")
            continue
        target = TARGETS[name]
        lines.append(
            f"== {label} over {s['pairs']} pairs: median {s['median']:g} "
            f"({_verdict(s['median'] <= target)}), worst {s['worst']:g} "
            f"({_verdict(s['worst'] <= target)})   target <= {target:g}"
            + (f"   ({s['refused']} pairs refused)" if s["refused"] else "")
        )
        if "content" in s:
            c, raw = s["content"], s["against_no_delivery"]
            lines.append(
                "   (the typed answer given the spoken one's delivery rating, so only the words "
                "differ)\n"
                f"   content score alone |Δ|: median {c['median']:g}, worst {c['worst']:g}; "
                f"against the typed score without delivery: median {raw['median']:g}, "
                f"worst {raw['worst']:g} (espeak-ng's own pace and pauses rated)"
            )
    if result["skipped"]:
        by_question: dict[str, int] = defaultdict(int)
        for answer_id in result["skipped"]:
            by_question[answer_id.rsplit("-", 1)[0]] += 1
        names = ", ".join(f"{q} ({n})" for q, n in sorted(by_question.items()))
        lines.append(f"== not scored (the engine refused them): {names}")
        lines.append(f"   first reason: {next(iter(result['skipped'].values()))}")
    lines.append(f"== {result['seconds']:.1f} s")
    return "\n".join(lines)


def render_answers(answers: Sequence[Answer], judged: dict[str, Judged]) -> str:
    lines = [f"{'id':<22} {'grade':>5} {'score':>5}  labelled traps -> flagged traps"]
    for a in answers:
        if a.id not in judged:
            continue
        j = judged[a.id]
        lines.append(
            f"{a.id:<22} {a.grade:>5} {j.overall:>5}  "
            f"{','.join(a.traps) or '-'} -> {','.join(sorted(j.traps)) or '-'}"
        )
    return "\n".join(lines)


def run(
    splits: Sequence[str], audio: bool, judge: Judge | None = None, writers: Sequence[str] = ()
) -> dict[str, Any]:
    started = time.perf_counter()
    judge = judge or public_judge()
    by_id = {a.id: a for a in load_answers()}  # paraphrases and round trip: dev answers
    chosen = load_splits(splits, writers)
    judged, skipped = judge_all(chosen, judge)
    result: dict[str, Any] = {
        "halves": {s: half_metrics([a for a in chosen if a.split == s], judged) for s in splits},
        "skipped": skipped,
        "targets": TARGETS,
    }
    result["paraphrase"] = paraphrase_stability(by_id, load_paraphrases(), judge)
    result["paraphrase_train"] = paraphrase_stability(
        {a.id: a for a in load_train()}, load_paraphrases(TRAIN_PARAPHRASES), judge
    )
    result["round_trip"] = (
        round_trip_stability(by_id, judge) if audio else {"skipped": "--no-audio"}
    )
    result["seconds"] = time.perf_counter() - started
    result["_judged"] = judged
    return result


# --- fitting the semantic judge (dev + train; never the test half) -----------------------------


def fit_semantic(
    out: Path | None = None,
    fit_on: Sequence[str] = FIT_ON,
    writers: Sequence[str] = (),
    ridges: Sequence[float] = (),
) -> dict[str, Any]:
    """Choose and fit the semantic judge's read-outs on the answers of `fit_on` (dev and train by
    default) by 5-fold cross-validation (three fold draws), print the out-of-fold figures per
    split next to the rules alone, and write questions/semantic_fit.yaml. A split left out of
    `fit_on` is judged by the fit on the others (so it is out of sample too). The test half is
    never read. `writers`: only these training writers' files are read at all (check writers and
    held-out ones stay unseen); `ridges`: the ridge strengths the grid may choose from
    (calibrate.LAMBDAS by default; one value pins it, e.g. to hold a refit to paraphrase
    stability)."""
    from mockmic.rubric import calibrate, embed

    if not fit_on or set(fit_on) - set(FIT_ON):
        raise ValueError(f"the semantic judge fits on {' and '.join(FIT_ON)} only, not {fit_on}")
    if any(r <= 0 for r in ridges):
        raise ValueError(f"a ridge strength is positive, not {ridges}")
    with embed.one_blas_thread():  # small matrices: a second BLAS thread only spins
        return _fit_semantic(
            out,
            tuple(s for s in FIT_ON if s in fit_on),
            tuple(writers),
            tuple(ridges) or calibrate.LAMBDAS,
        )


# The rule's weight in a fused decision against each model voice's 1 (semantic.RULE_WEIGHT is the
# first): the others are tried only when the fit includes answers the rules were not written from.
# 1 is no longer offered: heard as one voice in three, a rule a good way past its threshold was
# cleared by two model voices leaning mildly against it (a fit choosing 1 for catastrophic
# cleared "we breached our credit limit", tests/test_rubric_general.py), for +0.009 train
# Spearman out of fold and none on dev
RULE_WEIGHTS: tuple[float, ...] = (3.0,)
FUSE_SLACK = 0.05
# A choice away from the plainer setting (no quotes, the first rule weight) must raise the fused
# traps' mean out-of-fold F1 by more than this: less is within the fold draws' noise
TRAP_MARGIN = 0.02  # a lighter rule in one trap's fusion: that much more F1 (its noise is ~0.02)
# Quotes cost the engine their encoding when it loads (about 450 sentences: seconds on a laptop),
# so they must pay for it: a rise of at least this much
QUOTES_MARGIN = 0.02  # a fused trap may trail the rules' F1 this much (theirs is in-sample on dev)
NEVER_FUSED = ("off_topic",)
SEEDS = (0, 1, 2)


@dataclass
class _FitSet:
    """The answers the fit sees: `fit` are cross-validated, `rest` judged by the fit on `fit`."""

    fit: list[Any]  # calibrate.Sample
    rest: list[Any]
    answers: dict[str, Answer]
    checks: list[Any] = field(default_factory=list)  # calibrate.Check: the outside samples

    def split_of(self, sample_id: str) -> str:
        return self.answers[sample_id].split

    def splits(self) -> list[str]:
        return [s for s in FIT_ON if any(a.split == s for a in self.answers.values())]


def _samples(answers: Sequence[Answer]) -> list[Any]:
    from mockmic import questions
    from mockmic.rubric import calibrate
    from mockmic.transcribe import from_text

    bank = questions.bank().questions
    return [
        s
        for a in answers
        if a.question in bank
        and (
            s := calibrate.sample(
                a.id,
                from_text(a.text),
                bank[a.question],
                a.grade,
                a.traps,
                allowed_traps(a.question),
                a.group,
                a.evidence,
            )
        )
    ]


def _checks(folder: Path = OUTSIDE) -> list[Any]:
    """The bank's sample answers (tests/data/answers/<question>.yaml), as the fit's checks: a
    strong one must fire no serious trap, a weak one the traps it names."""
    from mockmic import questions
    from mockmic.rubric import calibrate
    from mockmic.transcribe import from_text

    bank = questions.bank().questions
    out = []
    for path in sorted(folder.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        q = bank.get(raw["question"])
        for a in raw["answers"] if q is not None else ():
            name, strong = f"{q.id}/{a['id']}", a["label"] == "strong"
            found = calibrate.sample(name, from_text(a["text"]), q, 5 if strong else 1, a["traps"])
            out.extend([calibrate.check(found, strong)] if found is not None else [])
    return out


def _figures(
    data: _FitSet,
    lam: float,
    weight: float,
    traps: Sequence[str],
    fuse: Sequence[str] = (),
    quoted: Any = None,
    rule_weight: float | dict[str, float] = RULE_WEIGHTS[0],
    deaf: Sequence[str] = (),
) -> dict[str, Any]:
    """Out-of-fold figures, as means over the fold draws: over the whole fitting set ("fit") and
    per split; answers outside the fitting set are judged by the fit on all of it. `quoted`
    (calibrate.Quotes): the labellers' quotes join the likeness examples, fold by fold."""
    from mockmic.rubric import calibrate

    outside: dict[str, Judged] = {}
    if data.rest:
        fit, rest, checks = data.fit, data.rest, data.checks
        if quoted is not None:
            pool = {s.key for s in fit}
            fit = calibrate.liked(fit, quoted, pool, loo=True)
            rest = calibrate.liked(rest, quoted, pool, loo=False)
            checks = calibrate.checked(checks, quoted, pool)
        whole = calibrate.fit_readouts(fit, lam, traps, fuse, rule_weight, checks, deaf)
        outside = {s.id: Judged(*calibrate.judged(s, whole, weight)) for s in rest}
    groups = {"fit": [data.answers[s.id] for s in data.fit]}
    for split in data.splits():
        groups[split] = [a for a in data.answers.values() if a.split == split]
    runs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    odds: dict[str, list[float]] = {}
    for seed in SEEDS:
        judged, odds = calibrate.out_of_fold(
            data.fit, lam, weight, traps, seed, fuse, quoted, rule_weight, data.checks, deaf
        )
        rows = {s.id: Judged(c, t) for s, (c, t) in zip(data.fit, judged, strict=True)} | outside
        for name, answers in groups.items():
            runs[name].append(half_metrics(answers, rows))
    out: dict[str, Any] = {name: _mean_figures(r) for name, r in runs.items()}
    out["_odds"] = odds
    return out


def _mean_figures(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    f1 = {
        t["trap"]: [r["traps"][k]["f1"] or 0.0 for r in runs]
        for k, t in enumerate(runs[0]["traps"])
        if t["support"]
    }
    return {
        "answers": runs[0]["answers"],
        "auc": statistics.mean(r["auc"] for r in runs),
        "spearman": statistics.mean(r["spearman"] for r in runs),
        "trap_f1": {t: statistics.mean(v) for t, v in f1.items()},
    }


# Sentence vectors do not change when a rule does: a refit reads them from here (the sentence's
# text and the model's folder name are the key), so only new or reworded sentences are encoded
VECTORS = Path.home() / ".cache" / "mockmic-bench" / "sentences.npz"


@contextlib.contextmanager
def remembered_vectors(path: Path = VECTORS) -> Iterator[None]:
    """While open, the encoder reads each sentence's vector from `path` when it has it, and
    what it encodes anew is added there on the way out."""
    from mockmic.rubric import embed

    enc, folder = embed.encoder(), embed.model_dir()
    if enc is None or folder is None:
        yield
        return
    known: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path) as saved:
            known = dict(zip(saved["keys"].tolist(), saved["vectors"], strict=True))
    size, encode = len(known), enc.encode

    def key(text: str) -> str:
        return hashlib.sha1(f"{folder.name}\n{text}".encode()).hexdigest()

    def remembered(texts: Sequence[str]) -> np.ndarray:
        keys = [key(t) for t in texts]
        new = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
        if new:
            known.update(zip((key(t) for t in new), encode(new), strict=True))
        return np.stack([known[k] for k in keys]) if keys else encode([])

    enc.encode = remembered
    try:
        yield
    finally:
        del enc.encode  # the class's own again
        if len(known) > size:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(path, keys=np.array(list(known)), vectors=np.stack(list(known.values())))


def _fit_semantic(
    out: Path | None, fit_on: tuple[str, ...], writers: tuple[str, ...], ridges: tuple[float, ...]
) -> dict[str, Any]:
    from mockmic.rubric import calibrate, semantic

    pool = load_splits(FIT_ON, writers)
    with remembered_vectors():
        samples, checks = _samples(pool), _checks()
    if not samples:
        raise SystemExit("the sentence-embedding model is not installed: nothing to fit")
    answers = {a.id: a for a in pool}
    data = _FitSet(
        fit=[s for s in samples if answers[s.id].split in fit_on],
        rest=[s for s in samples if answers[s.id].split not in fit_on],
        answers={s.id: answers[s.id] for s in samples},
        checks=checks,
    )

    figures = functools.partial(_figures, data)

    rules = figures(1.0, 0.0, ())
    grid = {(lam, w): figures(lam, w, ()) for lam in ridges for w in calibrate.WEIGHTS if w > 0}
    # the figures are flat near the top: of the settings within 0.003 of the best Spearman, the
    # lightest weight and the strongest regularisation, i.e. the least departure from the rules
    best = max(v["fit"]["spearman"] for v in grid.values())
    near = [k for k, v in grid.items() if v["fit"]["spearman"] >= best - 0.003]
    lam, weight = min(near, key=lambda k: (k[1], -k[0]))
    # every trap with enough labelled answers is tried fused; it stays fused where, out of fold,
    # its F1 is within FUSE_SLACK of the rules' own (in-sample on dev: the rules were written on
    # that half, and answers from elsewhere find them much weaker)
    # (off_topic is never fused: whether an answer fits the question asked is not in the answer
    # alone, which is all a read-out sees; on answers to questions dev lacks it fired on strong
    # ones)
    candidates = [
        t
        for t in ALL_TRAPS
        if t not in NEVER_FUSED
        and sum(1 for s in data.fit if t in s.traps) >= calibrate.MIN_POSITIVES
    ]
    # a read-out that hears too little of a trap on its own (badmouthing: contempt is in a few
    # words about someone, which a mean of sentence vectors dilutes) would only thin the other
    # voices: its trap is fused without it, by the rule, likeness and the sentence read-out
    probe = figures(lam, weight, ALL_TRAPS)
    choice = calibrate.trap_choice(data.fit, probe["_odds"])
    deaf = tuple(
        t for t in candidates if choice.get(t, {}).get("recall", 0.0) < calibrate.VOICE_RECALL
    )
    figures = functools.partial(figures, deaf=deaf)
    fused_probe = figures(lam, weight, candidates, candidates)
    # the words the training split's labellers quoted for a trap may join its written example
    # sentences (likeness): kept if, out of fold, they raise the fused traps' mean F1
    quoted = calibrate.quotes(
        [
            (s.key, t, q)
            for s in data.fit
            for t, said in data.answers[s.id].evidence.items()
            for q in said
        ]
    )
    plain_f1, quotes_f1 = _mean_f1(fused_probe, candidates), None
    if quoted is not None:
        with_quotes = figures(lam, weight, candidates, candidates, quoted)
        quotes_f1 = _mean_f1(with_quotes, candidates)
        if quotes_f1 > plain_f1 + QUOTES_MARGIN:
            fused_probe = with_quotes
        else:
            quoted = None
    # how loud the rule is in each trap's fusion: the rules were written on dev, so only where the
    # fit also holds the training split can CV judge them fairly; per trap, a lighter rule is kept
    # where it raises that trap's out-of-fold F1 by more than TRAP_MARGIN
    probes = {RULE_WEIGHTS[0]: fused_probe}
    for w in RULE_WEIGHTS[1:] if TRAIN_SPLIT in fit_on else ():
        probes[w] = figures(lam, weight, candidates, candidates, quoted, w)
    rule_weights, probe_f1 = {}, {}
    for t in candidates:
        f1 = {w: p["fit"]["trap_f1"].get(t, 0.0) for w, p in probes.items()}
        best = max(f1, key=lambda w: f1[w])
        rule_weights[t] = best if f1[best] > f1[RULE_WEIGHTS[0]] + TRAP_MARGIN else RULE_WEIGHTS[0]
        probe_f1[t] = f1[rule_weights[t]]
    tried = {w: _mean_f1(p, candidates) for w, p in probes.items()}
    rules_f1 = rules["fit"]["trap_f1"]
    fused = tuple(
        t for t in candidates if probe_f1.get(t, 0.0) >= rules_f1.get(t, 0.0) - FUSE_SLACK
    )
    kept = tuple(
        t
        for t, c in choice.items()
        if t not in fused
        and c["precision"] >= calibrate.TRAP_PRECISION
        and c["recall"] >= max(calibrate.TRAP_RECALL, calibrate.VOICE_RECALL)
    )
    rule_weights = {t: w for t, w in rule_weights.items() if t in fused}
    final = figures(lam, weight, kept + fused, fused, quoted, rule_weights)
    keys = {s.key for s in data.fit}
    fit = calibrate.liked(data.fit, quoted, keys, loo=True) if quoted else data.fit
    checks = calibrate.checked(data.checks, quoted, keys) if quoted else data.checks
    readouts = calibrate.fit_readouts(fit, lam, kept + fused, fused, rule_weights, checks, deaf)
    # a trap whose every threshold would undo a check is not fused (the rule decides alone)
    refused = [t for t in fused if t not in readouts.fusion]
    dropped = [t for t in kept if t not in readouts.traps]
    fused = tuple(t for t in fused if t in readouts.fusion)
    kept = tuple(t for t in kept if t in readouts.traps)
    outside = _outside(checks, readouts, weight)
    unheard = [t for t in deaf if t in fused]  # fused without their read-out's voice
    shipped = quoted.shipped(fused, keys) if quoted else {}
    named = " + ".join(
        f"{s} ({sum(1 for s2 in data.fit if data.split_of(s2.id) == s)})" for s in fit_on
    )
    meta = {
        "fitted_on": f"{named} answers ({len(data.fit)})"
        + (f", training writers {','.join(writers)} only" if writers else ""),
        "ridges_offered": list(ridges),
        "cv": "5-fold, folds drawn 3 times; figures are out-of-fold means"
        + (
            f"; {', '.join(s for s in FIT_ON if s not in fit_on)} judged by the fit"
            if data.rest
            else ""
        ),
        "cv_rules_alone": _rounded(rules, ("auc", "spearman")),
        "cv_semantic": _rounded(final, ("auc", "spearman")),
        "grid_spearman": {
            f"lambda={k[0]} weight={k[1]}": round(v["fit"]["spearman"], 4) for k, v in grid.items()
        },
        "trap_f1_rules": _rounded(rules, ("trap_f1",)),
        "trap_f1_fused_out_of_fold": {t: round(v, 3) for t, v in probe_f1.items()},
        "trap_f1_fused_by_rule_weight": {
            str(w): {t: round(v, 3) for t, v in p["fit"]["trap_f1"].items() if t in candidates}
            for w, p in probes.items()
        },
        "trap_f1_final_out_of_fold": _rounded(final, ("trap_f1",)),
        "trap_readouts_alone": choice,
        "fused_without_readout": unheard,
        "sentence_voice": sorted(readouts.sentences),
        "outside_checks": {
            "answers": len(checks),
            "refused_fusions": refused,
            "dropped_readouts": dropped,
            "failed": outside,
        },
        "rule_weight_fused_mean_f1": {str(w): round(v, 4) for w, v in tried.items()},
        "likeness_quotes": {
            "used": bool(shipped),
            "fused_mean_f1_without": round(plain_f1, 4),
            **({"fused_mean_f1_with": round(quotes_f1, 4)} if quotes_f1 is not None else {}),
        },
    }
    result = calibrate.to_json(readouts, weight, lam, meta, shipped)
    path = out or semantic.FIT
    header = (
        "# The semantic judge's read-outs (mockmic.rubric.semantic), written by\n"
        "# `python bench/judgment.py --fit-semantic` from the labelled set's dev half and the\n"
        "# training split (bench/data/train), never the test half: do not edit by hand.\n"
    )
    body = yaml.safe_dump(result, default_flow_style=None, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")
    lines = [f"== semantic judge fitted on {named} answers -> {path}"]
    lines.append(
        f"   chosen: ridge lambda {lam}, criterion weight {weight}, "
        f"fused traps {list(fused) or 'none'}, added-only read-outs {list(kept) or 'none'}"
    )
    lighter = {t: w for t, w in rule_weights.items() if w != RULE_WEIGHTS[0]}
    lines.append(
        f"   rule weight in a fusion {RULE_WEIGHTS[0]}"
        + (", but " + ", ".join(f"{t} {w:g}" for t, w in lighter.items()) if lighter else "")
        + f" (fused traps' mean F1 out of fold by rule weight: {_pairs(tried)})"
    )
    lines.append(
        f"   fused without the read-out's voice {unheard or 'none'}; "
        f"heard by sentence {sorted(readouts.sentences) or 'none'}"
    )
    lines.append(
        "   labellers' quotes as likeness examples: "
        + (f"{sum(map(len, shipped.values()))} for {list(shipped)}" if shipped else "not used")
        + f" (fused traps' mean F1 out of fold without {plain_f1:.3f}"
        + (f", with {quotes_f1:.3f})" if quotes_f1 is not None else ")")
    )
    for name, f in (
        ("rules alone", rules),
        *((f"all candidates fused, rule weight {w} (out-of-fold)", p) for w, p in probes.items()),
        ("rules + semantic (out-of-fold)", final),
    ):
        lines.append(f"   {name}")
        for group in ("fit", *data.splits()):
            g = f[group]
            where = "fitting set" if group == "fit" else f"{group} ({_how(group, fit_on)})"
            lines.append(
                f"     {where:<28} {g['answers']:>4} answers  AUC {g['auc']:.3f}  "
                f"Spearman {g['spearman']:.3f}"
            )
            lines.append("       F1 " + "  ".join(f"{t} {v:.2f}" for t, v in g["trap_f1"].items()))
    lines.append(
        f"   held to {len(checks)} outside samples (tests/data/answers): fusions refused "
        f"{refused or 'none'}, read-outs dropped {dropped or 'none'}; still failing "
        + (", ".join(f"{k} {v}" for k, v in outside.items()) or "none")
    )
    for t, c in choice.items():
        lines.append(
            f"   trap read-out {t:<13} alone: precision {c['precision']:.2f} "
            f"recall {c['recall']:.2f} ({c['fired']:.0f} fired)"
        )
    print("\n".join(lines))
    return result


def _outside(checks: Sequence[Any], readouts: Any, weight: float) -> dict[str, str]:
    """The outside samples the shipped fit still gets wrong (the rules' own misses included):
    answer -> what it wrongly fires or misses; `tests/test_bank.py` and `test_rubric.py` fail
    on each."""
    from mockmic.rubric import calibrate

    out = {}
    for c in checks:
        fired = calibrate.judged(c.sample, readouts, weight)[1]
        wrong = sorted(c.must - fired) + sorted(f"+{t}" for t in c.must_not & fired)
        if wrong:
            out[c.sample.id] = " ".join(wrong)
    return out


def _pairs(d: dict[Any, float]) -> str:
    return ", ".join(f"{k}: {v:.3f}" for k, v in d.items())


def _mean_f1(f: dict[str, Any], traps: Sequence[str]) -> float:
    return statistics.mean(f["fit"]["trap_f1"].get(t, 0.0) for t in traps) if traps else 0.0


def _how(split: str, fit_on: Sequence[str]) -> str:
    return "out of fold" if split in fit_on else "fit on the others"


def _rounded(f: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """Per group (fit, dev, train): the figures named by `keys`, rounded for the YAML file."""
    out: dict[str, Any] = {}
    for group, g in f.items():
        if group.startswith("_"):
            continue
        for k in keys:
            v = g[k]
            value = {t: round(x, 3) for t, x in v.items()} if isinstance(v, dict) else round(v, 4)
            out.setdefault(group, {})[k] = value
    return out if len(keys) > 1 else {group: v[keys[0]] for group, v in out.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "train", "both"), default="both")
    parser.add_argument("--no-audio", action="store_true", help="skip the espeak-ng round trip")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--answers",
        action="store_true",
        help="also print per-answer rows (dev or train, never the test half)",
    )
    parser.add_argument(
        "--fit-semantic",
        action="store_true",
        help="refit the semantic judge (cross-validated) and write its weights",
    )
    parser.add_argument(
        "--fit-on",
        default=",".join(FIT_ON),
        help="what --fit-semantic fits on: dev, train or dev,train (the default)",
    )
    parser.add_argument(
        "--fit-out", type=Path, help="write the fit here instead of questions/semantic_fit.yaml"
    )
    parser.add_argument(
        "--writers",
        default="",
        help="with --split train: only these writers' files, e.g. c,d (the letter in "
        "<question>.<writer>.yaml), so rules written from some writers are checked on others; "
        "with --fit-semantic: the only training writers the fit reads (keep check writers out)",
    )
    parser.add_argument(
        "--ridge",
        default="",
        help="with --fit-semantic: the ridge strengths its grid may choose from, e.g. 10 "
        "(default: calibrate.LAMBDAS), to hold a refit to paraphrase stability",
    )
    args = parser.parse_args(argv)
    writers = tuple(w.strip() for w in args.writers.split(",") if w.strip())
    if writers and args.split != TRAIN_SPLIT and not args.fit_semantic:
        parser.error("--writers picks training files: use it with --split train or --fit-semantic")
    if args.fit_semantic:
        fit_on = tuple(s.strip() for s in args.fit_on.split(",") if s.strip())
        if not fit_on or set(fit_on) - set(FIT_ON):
            parser.error("--fit-on takes dev, train or dev,train (never the test half)")
        try:
            ridges = tuple(float(r) for r in args.ridge.split(",") if r.strip())
        except ValueError:
            parser.error(f"--ridge takes numbers, e.g. 10 or 3,10,30, not {args.ridge!r}")
        if any(r <= 0 for r in ridges):
            parser.error(f"--ridge takes positive numbers, not {args.ridge!r}")
        fit_semantic(args.fit_out, fit_on, writers, ridges)
        return 0
    if args.ridge:
        parser.error("--ridge sets the fit's grid: use it with --fit-semantic")
    splits = SPLITS if args.split == "both" else (args.split,)
    if args.answers and "test" in splits:
        parser.error("--answers shows per-answer results, allowed on dev and train only")
    result = run(splits, audio=not args.no_audio, writers=writers)
    judged = result.pop("_judged")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(render(result))
    if args.answers:
        print(render_answers(load_splits(splits, writers), judged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
