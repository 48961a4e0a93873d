"""Fitting the semantic judge's read-outs (questions/semantic_fit.yaml) on graded answers.

Used by `bench/judgment.py --fit-semantic` on the dev half only; nothing here reads the labelled
set itself. The read-outs are regularised linear models on the mean sentence vector (numpy
only): ridge regression for the grade, logistic regression for each trap. Everything chosen here
(the ridge strength, the criterion's weight, which traps get a read-out) is chosen by k-fold
cross-validation inside the answers given, scoring each held-out answer exactly as the engine
would (its rules plus the read-outs fitted without it), so the figures printed are out-of-fold.

A trap read-out is kept only if, out of fold and on its own, it is right nine times in ten when
it fires: it is added to the rules (a trap either one finds is charged), so what it must not do
is fire on answers without the trap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from mockmic import scoring
from mockmic.rubric import engine, semantic
from mockmic.rubric.answer import build
from mockmic.rubric.schema import Question
from mockmic.types import Assessment, CriterionResult, Transcript, TrapHit

Matrix = npt.NDArray[np.float64]
LAMBDAS = (1.0, 3.0, 10.0)  # ridge strength for the grade (rows are unit vectors)
WEIGHTS = (
    0.25,
    0.5,
    1.0,
    1.5,
    2.0,
)  # next to a question's own criteria, whose weights sum to 1-1.5
TRAP_LAMBDA = 0.03
TRAP_THRESHOLD = 0.0  # log-odds: fires at p >= 0.5, which with rare traps is already cautious
TRAP_PRECISION = 0.9
TRAP_RECALL = 0.2
MIN_POSITIVES = 5


@dataclass(frozen=True)
class Sample:
    """One graded answer as the fit sees it: its rules' findings and its mean sentence vector."""

    id: str
    question: Question
    grade: int
    traps: frozenset[str]  # labelled
    criteria: tuple[CriterionResult, ...]  # the rules' own
    hits: dict[str, TrapHit]  # the rules' own, before `unless`
    mean: npt.NDArray[np.float32]


def sample(
    answer_id: str, transcript: Transcript, question: Question, grade: int, traps: Sequence[str]
) -> Sample | None:
    answer = build(transcript, question)
    criteria, hits = engine.rules(answer)
    found = semantic.vectors(answer)
    if found is None:
        return None
    rows = found[1]
    mean = rows.mean(axis=0)
    mean = mean / (float(np.linalg.norm(mean)) or 1.0)
    return Sample(answer_id, question, grade, frozenset(traps), criteria, hits, mean)


def ridge(x: Matrix, y: Matrix, lam: float) -> tuple[Matrix, float]:
    mu, ym = x.mean(axis=0), float(y.mean())
    xc = x - mu
    w = np.linalg.solve(xc.T @ xc + lam * np.eye(x.shape[1]), xc.T @ (y - ym))
    return w, ym - float(mu @ w)


def logistic(x: Matrix, y: Matrix, lam: float) -> tuple[Matrix, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    xa = np.hstack([x, np.ones((len(x), 1))])
    reg = lam * np.diag([1.0] * x.shape[1] + [0.0])
    theta = np.zeros(x.shape[1] + 1)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(xa @ theta)))
        hess = xa.T @ (xa * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, xa.T @ (p - y) + reg @ theta)
        theta -= step
        if np.abs(step).max() < 1e-7:
            break
    return theta[:-1], float(theta[-1])


def folds(n: int, k: int, seed: int) -> list[npt.NDArray[np.int64]]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


@dataclass(frozen=True)
class Readouts:
    """Grade and trap read-outs as plain arrays, fitted on some of the samples."""

    grade: tuple[Matrix, float]
    traps: dict[str, tuple[Matrix, float]]


def fit_readouts(samples: Sequence[Sample], lam: float, trap_ids: Sequence[str]) -> Readouts:
    x = np.stack([s.mean for s in samples]).astype(np.float64)
    g = np.array([s.grade for s in samples], dtype=np.float64)
    traps = {}
    for t in trap_ids:
        scope = [i for i, s in enumerate(samples) if s.question.trap(t) is not None]
        y = np.array([t in samples[i].traps for i in scope], dtype=np.float64)
        if y.sum() >= 3:
            traps[t] = logistic(x[scope], y, TRAP_LAMBDA)
    return Readouts(stretched(x, g, *ridge(x, g, lam)), traps)


def stretched(x: Matrix, g: Matrix, w: Matrix, b: float) -> tuple[Matrix, float]:
    """Ridge pulls every prediction towards the mean grade; a line from the predictions back to
    the grades undoes that, so a strong answer reads near 5 (and its criterion near 100), not 3.5.
    The order of answers, and so the ranking figures, do not change."""
    p = x @ w + b
    slope, shift = np.polyfit(p, g, 1)
    return w * slope, float(b * slope + shift)


def judged(s: Sample, r: Readouts, weight: float) -> tuple[int, frozenset[str]]:
    """Content score and traps of one answer, combined exactly as engine.with_semantic does."""
    w, b = r.grade
    grade = float(s.mean @ w + b)
    criteria = s.criteria
    if weight > 0:
        score = round(float(np.clip((grade - 1.0) / 4.0, 0.0, 1.0)) * 100)
        criteria = (*criteria, CriterionResult(semantic.CRITERION_ID, "", weight, score, (), ""))
    added = {}
    for t, (tw, tb) in r.traps.items():
        margin = float(s.mean @ tw + tb) - TRAP_THRESHOLD
        if t not in s.hits and margin >= 0 and s.question.trap(t) is not None:
            added[t] = TrapHit(t, (), "", 0.5 + 0.5 * min(margin / 2.0, 1.0))
    traps = engine.kept(s.question, s.hits, added)
    content = scoring.content_score(Assessment((), criteria, traps), s.question)
    return content, frozenset(h.id for h in traps)


Metrics = Callable[[Sequence[Sample], Sequence[tuple[int, frozenset[str]]]], dict[str, Any]]


def out_of_fold(
    samples: Sequence[Sample], lam: float, weight: float, trap_ids: Sequence[str], seed: int
) -> tuple[list[tuple[int, frozenset[str]]], dict[str, list[float]]]:
    """Every sample judged by read-outs fitted without it; and each trap read-out's own log-odds."""
    out: list[tuple[int, frozenset[str]]] = [(0, frozenset())] * len(samples)
    odds: dict[str, list[float]] = {t: [float("nan")] * len(samples) for t in trap_ids}
    for held in folds(len(samples), 5, seed):
        train = [samples[i] for i in range(len(samples)) if i not in set(held.tolist())]
        r = fit_readouts(train, lam, trap_ids)
        for i in held.tolist():
            out[i] = judged(samples[i], r, weight)
            for t, (tw, tb) in r.traps.items():
                odds[t][i] = float(samples[i].mean @ tw + tb)
    return out, odds


def trap_choice(
    samples: Sequence[Sample], odds: dict[str, list[float]]
) -> dict[str, dict[str, float]]:
    """Out-of-fold precision and recall of each trap read-out alone, at the firing threshold."""
    report = {}
    for t, values in odds.items():
        scope = [i for i, s in enumerate(samples) if s.question.trap(t) is not None]
        fired = {i for i in scope if values[i] >= TRAP_THRESHOLD}
        labelled = {i for i in scope if t in samples[i].traps}
        if len(labelled) < MIN_POSITIVES:
            continue
        tp = len(fired & labelled)
        report[t] = {
            "precision": tp / len(fired) if fired else 0.0,
            "recall": tp / len(labelled),
            "fired": float(len(fired)),
        }
    return report


def to_json(r: Readouts, weight: float, lam: float, meta: dict[str, Any]) -> dict[str, Any]:
    def vec(w: Matrix) -> list[float]:
        return [round(float(v), 6) for v in w]

    return {
        "grade": {"weights": vec(r.grade[0]), "bias": round(r.grade[1], 6)},
        "weight": weight,
        "traps": {
            t: {"weights": vec(w), "bias": round(b, 6), "threshold": TRAP_THRESHOLD}
            for t, (w, b) in sorted(r.traps.items())
        },
        "meta": {"ridge_lambda": lam, "trap_lambda": TRAP_LAMBDA, **meta},
    }
