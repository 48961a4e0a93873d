"""Question fit: whether an answer's meaning sits nearer another question's answers than its own.

    Reading (rubric.semantic) + question id -> Fit | None
        z        how much nearer a rival question the answer reads than its own question's
                 answers usually do, in their spreads (high: reads like another question)
        rival    the question it reads most like
        sentence the sentence that reads most like the rival, quoted as evidence

Whether an answer fits its question is not in the answer alone, but it is in the answer next to
the question. Each question with enough answers in the labelled set has a centroid: the mean of
its answers' second-half vectors (where a story's outcome and lesson are told), over answers not
labelled off_topic, so the story's trade (nursing, software) averages out and the question's
signature stays. An answer's fit is its closeness to its own question's centroid less that to
the nearest rival's; rivals leave out the question's siblings (questions/question_fit.yaml,
`siblings`: a mistake is a failure, so a mistake story told for `failure` reads near `mistake`
and fits). The fit is then put on the question's own scale: how far it sits from where unseen
on-topic answers of that question sit (mean and spread out of fold, cross-validated by writer,
bench/question_fit.py), because some questions have a close rival (about_yourself and
why_company share most words) and some none.

Heard as a deduction, not a trap (rubric.semantic): past `beyond` spreads, every further spread
takes `points` off the semantic criterion, and the criterion then quotes the sentence leaning most
towards the rival and names the question the answer reads like. A flag past a threshold caught
no off-topic answer the rule missed on fresh writers, because the answers that read most like
another question are mostly weak for other reasons (vague, a humble-brag); a graded deduction
ranks them lower all the same (bench/README.md, session 15).

A question with answers from one writer only, or fewer than 20, is not judged (the voice is
silent on it), but with five it is a rival; one with fewer is neither. The voice reuses the
sentence vectors the judge computed: it encodes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml

HERE = Path(__file__).resolve().parent
FIT = HERE.parent / "questions" / "question_fit.yaml"

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Centroids:
    """questions/question_fit.yaml: one centroid per question with data, and its fit's scale."""

    ids: tuple[str, ...]
    vectors: Vector  # (len(ids), 384), each L2-normalised
    mean: dict[str, float]  # on-topic answers' fit, out of fold (judged questions only)
    scale: dict[str, float]
    siblings: dict[str, frozenset[str]]  # never rivals of each other
    beyond: float  # spreads past where on-topic answers sit before anything is taken off
    points: float  # criterion points taken off per spread past `beyond`


@dataclass(frozen=True)
class Fit:
    z: float
    rival: str
    sentence: int


@cache
def centroids(path: Path = FIT) -> Centroids | None:
    if not path.is_file():
        return None
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    qs = raw["questions"]
    ids = tuple(qs)
    siblings: dict[str, set[str]] = {}
    for group in raw["siblings"]:
        for q in group:
            siblings.setdefault(q, set()).update(set(group) - {q})
    return Centroids(
        ids=ids,
        vectors=np.asarray([qs[q]["centroid"] for q in ids], dtype=np.float32),
        mean={q: float(qs[q]["mean"]) for q in ids if "mean" in qs[q]},
        scale={q: float(qs[q]["scale"]) for q in ids if "scale" in qs[q]},
        siblings={q: frozenset(s) for q, s in siblings.items()},
        beyond=float(raw["beyond"]),
        points=float(raw["points"]),
    )


def rivals(c: Centroids, question_id: str) -> npt.NDArray[np.bool_]:
    """Which centroids may be the question's rival: not its own, not its siblings'."""
    near = c.siblings.get(question_id, frozenset()) | {question_id}
    return np.array([q not in near for q in c.ids])


def raw_fit(c: Centroids, late: Vector, question_id: str) -> tuple[float, int]:
    """How much nearer the best rival than its own question the vector reads (cosines), and
    that rival's index (shared with bench/question_fit.py, so its figures are the engine's)."""
    sims = c.vectors @ late
    mask = rivals(c, question_id)
    k = int(np.flatnonzero(mask)[np.argmax(sims[mask])])
    return float(sims[k] - sims[c.ids.index(question_id)]), k


def fit(rows: Vector, start: int, question_id: str, c: Centroids | None = None) -> Fit | None:
    """The answer's fit to its question from its sentence vectors (`start`: the second half's
    first sentence, as semantic.reading cuts it); None where the question has no centroid."""
    c = c or centroids()
    if c is None or question_id not in c.mean or not len(rows):
        return None
    late = rows[start:].mean(axis=0)
    late = late / (float(np.linalg.norm(late)) or 1.0)
    d, k = raw_fit(c, late, question_id)
    own = c.vectors[c.ids.index(question_id)]
    # the sentence that leans furthest from its own question towards the rival
    lean = rows @ c.vectors[k] - rows @ own
    z = (d - c.mean[question_id]) / c.scale[question_id]
    return Fit(z=z, rival=c.ids[k], sentence=int(np.argmax(lean)))


def deduction(c: Centroids, found: Fit | None) -> int:
    """The semantic criterion's points taken off for reading like another question's answer."""
    if found is None:
        return 0
    return round(c.points * max(0.0, found.z - c.beyond))
