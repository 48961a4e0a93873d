"""The semantic judge: what the answer's sentences mean, next to what the rules find in its words.

    Answer -> sentences (units)          punctuation where there is some, clause cuts and windows
                                         where speech-to-text left none
           -> embeddings (rubric.embed)  one 384-number vector of meaning per sentence
           -> Review                     a criterion scored by a linear read-out of the mean
                                         vector, and traps fired by their own read-outs

Each read-out is a weight vector fitted on the dev half of the labelled set (bench/judgment.py
--fit-semantic, cross-validated there) and shipped as data in questions/semantic_fit.yaml.
Because the answer's vector is the mean of its sentences' vectors, a read-out is a sum over
sentences: every sentence's share of the score is known, so the report quotes the sentences that
moved it most.
That keeps the judge explainable, as every other point of the score is.

Without the model package (see rubric.embed) there is no Review and the rules judge alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from mockmic.rubric import embed
from mockmic.rubric.answer import Answer
from mockmic.rubric.text import Span, sentence_ends
from mockmic.types import CriterionResult, TrapHit

HERE = Path(__file__).resolve().parent
# with the bank, so a plain `pip install .` ships it (package data is questions/**/*.yaml)
FIT = HERE.parent / "questions" / "semantic_fit.yaml"
TEXT = HERE.parent / "questions" / "semantic.yaml"
LONGEST = 35  # tokens: a longer sentence is cut at its clauses (run-on speech-to-text output)
WINDOW = 25  # tokens per window where a clause itself runs on
SHORTEST = 3  # tokens: "So, the failure." carries no meaning of its own
QUOTES = 2
# The criterion it adds. It sums up the whole answer, so the coach never picks it as the one
# thing to practise next: the question's own criteria say what to change (report.focus).
CRITERION_ID = "read_for_meaning"

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Readout:
    """A linear read-out of the answer's mean sentence vector: value = vector @ weights + bias."""

    weights: Vector
    bias: float

    def value(self, mean: Vector) -> float:
        return float(mean @ self.weights + self.bias)

    def shares(self, rows: Vector, norm: float) -> Vector:
        """Each sentence's part of value - bias (they add up to it exactly)."""
        out: Vector = (rows @ self.weights) / (len(rows) * norm)
        return out


@dataclass(frozen=True)
class Fitted:
    """questions/semantic_fit.yaml: the read-outs and how they enter the score."""

    grade: Readout  # predicts the 1-5 grade
    weight: float  # the criterion's weight next to the question's own criteria
    traps: dict[str, tuple[Readout, float]]  # trap id -> read-out of its log-odds, threshold
    meta: dict[str, Any]


@dataclass(frozen=True)
class Review:
    criterion: CriterionResult
    traps: tuple[TrapHit, ...]


def units(answer: Answer) -> list[Span]:
    """The answer cut into sentence-sized spans of tokens, in order, covering it."""
    if not answer.tokens:
        return []
    ends = sentence_ends(answer.transcript)
    sentences: list[Span] = []
    start = 0
    for k, tok in enumerate(answer.tokens):
        last_of_word = k + 1 == len(answer.tokens) or answer.tokens[k + 1].word != tok.word
        if (last_of_word and tok.word in ends) or k + 1 == len(answer.tokens):
            sentences.append(Span(start, k + 1))
            start = k + 1
    cuts = sorted({c.start for c in answer.clauses})
    out: list[Span] = []
    for s in sentences:
        out.extend([s] if s.end - s.start <= LONGEST else _cut(s, cuts))
    return [u for u in out if u.end - u.start >= SHORTEST] or sentences


def _cut(s: Span, cuts: list[int]) -> list[Span]:
    """A run-on sentence cut at clause starts into pieces of 12 tokens or more, windows past 35."""
    out: list[Span] = []
    cur = s.start
    for c in [c for c in cuts if s.start < c < s.end] + [s.end]:
        if c - cur < 12 and c != s.end:
            continue
        while c - cur > LONGEST:
            out.append(Span(cur, cur + WINDOW))
            cur += WINDOW
        if c > cur:
            out.append(Span(cur, c))
            cur = c
    return out


def unit_text(answer: Answer, span: Span) -> str:
    """The words of a span as said, fillers left out: 'um' carries no meaning to compare."""
    words = answer.transcript.words
    first, last = answer.tokens[span.start].word, answer.tokens[span.end - 1].word
    keep = {t.word for t in answer.tokens[span.start : span.end] if not t.filler}
    return " ".join(words[i].word.strip() for i in range(first, last + 1) if i in keep)


def vectors(answer: Answer) -> tuple[list[Span], Vector] | None:
    """The answer's sentences and their embeddings; None without the model or the words."""
    enc = embed.encoder()
    spans = units(answer)
    if enc is None or not spans:
        return None
    return spans, enc.encode([unit_text(answer, s) for s in spans])


@cache
def fitted(path: Path = FIT) -> Fitted | None:
    if not path.is_file():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # 2,000 numbers: the C parser if any
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)

    def readout(r: dict[str, Any]) -> Readout:
        return Readout(np.asarray(r["weights"], dtype=np.float32), float(r["bias"]))

    return Fitted(
        grade=readout(raw["grade"]),
        weight=float(raw["weight"]),
        traps={t: (readout(r), float(r["threshold"])) for t, r in raw["traps"].items()},
        meta=raw.get("meta", {}),
    )


@cache
def wording() -> dict[str, Any]:
    """The criterion's label and tips (product text, in questions/semantic.yaml)."""
    data: dict[str, Any] = yaml.safe_load(TEXT.read_text(encoding="utf-8"))
    return data


def review(answer: Answer, trap_ids: frozenset[str]) -> Review | None:
    """The semantic criterion and the traps (among `trap_ids`) its read-outs fire."""
    fit = fitted()
    found = vectors(answer) if fit is not None else None
    if fit is None or found is None:
        return None
    spans, rows = found
    mean = rows.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    mean = mean / norm
    grade = fit.grade.value(mean)
    score = round(float(np.clip((grade - 1.0) / 4.0, 0.0, 1.0)) * 100)
    text = wording()["criterion"]
    shares = fit.grade.shares(rows, norm)
    # a high score is explained by the sentences that lifted it, a low one by those that sank it
    order = np.argsort(-shares if score >= text["good"] else shares, kind="stable")
    lifted = score >= text["good"]
    picked = [k for k in order[:QUOTES] if (shares[k] > 0) == lifted]
    criterion = CriterionResult(
        id=CRITERION_ID,
        label=text["label"],
        weight=fit.weight,
        score=score,
        evidence=tuple(answer.quote(spans[k], pad=0) for k in sorted(picked)),
        tip=text["praise"] if lifted else text["tip"],
    )
    hits = []
    for trap_id, (readout, threshold) in fit.traps.items():
        if trap_id not in trap_ids:
            continue
        margin = readout.value(mean) - threshold
        if margin < 0:
            continue
        k = int(np.argmax(readout.shares(rows, norm)))
        hits.append(
            TrapHit(
                id=trap_id,
                evidence=(answer.quote(spans[k], pad=0),),
                probe="",  # the engine puts the question's own probe in
                strength=0.5 + 0.5 * min(margin / 2.0, 1.0),
            )
        )
    return Review(criterion, tuple(hits))
