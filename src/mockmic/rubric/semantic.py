"""The semantic judge: what the answer's sentences mean, next to what the rules find in its words.

    Answer -> sentences (units)          punctuation where there is some, clause cuts and windows
                                         where speech-to-text left none
           -> embeddings (rubric.embed)  one 384-number vector of meaning per sentence
           -> Review                     a criterion scored by a linear read-out of the mean
                                         vector, and traps decided by up to four voices
                                         together: the rule's margin, the trap's read-out, how
                                         closely a sentence matches the trap's own example
                                         sentences (questions/semantic.yaml, `likeness`), and
                                         the sentence that reads most like the words labellers
                                         quoted as saying the trap (`sentence`)

Each read-out is a weight vector fitted on the labelled set's dev half, and the training split
when the fit includes it (bench/judgment.py --fit-semantic, cross-validated there; never the test
half; the shipped fit's `meta.fitted_on` names its answers), and shipped as data in
questions/semantic_fit.yaml.
The answer is read as two vectors side by side: the mean of all its sentences' vectors, and the
mean of its second half's (where the outcome, the lesson and the proof are told). Because both are
means of sentence vectors, a read-out is a sum over sentences: every sentence's share of the
score is known, so the report quotes the sentences that moved it most.
That keeps the judge explainable, as every other point of the score is.

The criterion also weighs whether the answer reads like an answer to its question
(rubric.fit_to_question): an answer whose second half sits much nearer another question's
answers than its own question's answers usually do loses points, and the criterion then quotes
the sentence that leans most that way and names the question it reads like.

Without the model package (see rubric.embed) there is no Review and the rules judge alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from mockmic.rubric import embed, fit_to_question
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


LATE = 0.5  # the second half of the answer is also read on its own


@dataclass(frozen=True)
class Reading:
    """An answer's sentence vectors and what the read-outs see of them: the normalised mean of
    all of them, then the normalised mean of those from `start` on (the second half)."""

    rows: Vector
    start: int
    whole: float  # the norms the two means were divided by
    late: float
    features: Vector


def reading(rows: Vector) -> Reading:
    start = min(int(LATE * len(rows)), len(rows) - 1)
    whole, late = rows.mean(axis=0), rows[start:].mean(axis=0)
    nw, nl = float(np.linalg.norm(whole)) or 1.0, float(np.linalg.norm(late)) or 1.0
    features: Vector = np.concatenate([whole / nw, late / nl]).astype(np.float32)
    return Reading(rows, start, nw, nl, features)


@dataclass(frozen=True)
class Readout:
    """A linear read-out of an answer's Reading: value = features @ weights + bias. Weights as
    long as one sentence vector read the whole answer's mean alone."""

    weights: Vector
    bias: float

    def value(self, r: Reading) -> float:
        return float(r.features[: len(self.weights)] @ self.weights + self.bias)

    def shares(self, r: Reading) -> Vector:
        """Each sentence's part of value - bias (they add up to it exactly)."""
        d = r.rows.shape[1]
        out: Vector = (r.rows @ self.weights[:d]) / (len(r.rows) * r.whole)
        if len(self.weights) > d:
            late = r.rows[r.start :] @ self.weights[d:] / ((len(r.rows) - r.start) * r.late)
            out[r.start :] += late
        return out


VOICES = ("rule", "readout", "likeness", "sentence")
RULE_UNIT = 0.25  # this far past its threshold, a rule is charged in full (engine.CLEAR_MARGIN)
RULE_CLIP = 2.0  # far past its threshold, or far short of it, a rule's voice is no louder


# The rule speaks as loud as the two model voices together: it quotes the words it found, and was
# written from what the trap is; the models hear meaning but not which words carry it. So the
# models can overrule a borderline rule, or one far from its threshold when both agree strongly,
# but not a clear rule on their own.
RULE_WEIGHT = 3.0


@dataclass(frozen=True)
class Sentences:
    """A trap read sentence by sentence: a linear read-out of each sentence vector, fitted to tell
    the sentences labellers quoted as saying the trap from those of answers without it. The
    answer's value is its most trap-like sentence's, so the one sentence that carries a trap (a
    jab at a former boss, a brag dressed as a failure) is not diluted by the rest of the answer,
    as it is in the mean vector; and that sentence is the evidence quoted."""

    weights: Vector
    bias: float

    def scores(self, rows: Vector) -> Vector:
        out: Vector = rows @ self.weights + self.bias
        return out

    def value(self, rows: Vector) -> tuple[float, int]:
        """The best sentence's score and its index."""
        s = self.scores(rows)
        k = int(np.argmax(s))
        return float(s[k]), k


@dataclass(frozen=True)
class Fusion:
    """A trap decided by several voices at once, each put on the same scale (its mean and spread
    out of fold on the fitting set) and averaged with equal weight: the rule's margin, the trap's
    read-out, the likeness to the trap's example sentences, the most trap-like sentence (where
    the fit kept each of them for this trap). The weights are set, not fitted (the
    rule as loud as the two model voices together, see RULE_WEIGHT): the rules were written
    while reading the dev half, so a weight fitted there would trust them more than answers they
    were not written from deserve; only the threshold is chosen there (by CV, held to outside
    answers: rubric.calibrate.Check). `rule_weight` may be set per trap (the fit offers 3 only
    today, bench/judgment.py RULE_WEIGHTS)."""

    voices: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    questions: tuple[str, ...] | None = None  # fused on these questions only (None: every one)
    rule_weight: float = RULE_WEIGHT  # the rule's voice against each model voice's 1

    def applies(self, question_id: str) -> bool:
        return self.questions is None or question_id in self.questions

    def z(self, values: dict[str, float]) -> float:
        parts = [
            (values[v] - m) / s for v, m, s in zip(self.voices, self.mean, self.scale, strict=True)
        ]
        return float(np.average(parts, weights=voice_weights(self.voices, self.rule_weight)))


def voice_weights(voices: tuple[str, ...], rule: float = RULE_WEIGHT) -> list[float]:
    return [rule if v == "rule" else 1.0 for v in voices]


@dataclass(frozen=True)
class Fitted:
    """questions/semantic_fit.yaml: the read-outs and how they enter the score."""

    grade: Readout  # predicts the 1-5 grade
    weight: float  # the criterion's weight next to the question's own criteria
    traps: dict[str, tuple[Readout, float]]  # trap id -> read-out of its log-odds, threshold
    meta: dict[str, Any]
    fusion: dict[str, Fusion] = field(default_factory=dict)  # traps decided by voices together
    # more `present` example sentences per trap, next to questions/semantic.yaml's: the words
    # the training split's labellers quoted as saying the trap (chosen and checked by CV)
    quotes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sentences: dict[str, Sentences] = field(default_factory=dict)  # the `sentence` voice, per trap


@dataclass(frozen=True)
class Review:
    criterion: CriterionResult
    traps: tuple[TrapHit, ...]
    decided: frozenset[str] = frozenset()  # fused traps: these ids are decided here, not by rules


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

    def fusion(r: dict[str, Any]) -> Fusion:
        return Fusion(
            tuple(r["voices"]),
            tuple(float(x) for x in r["mean"]),
            tuple(float(x) for x in r["scale"]),
            float(r["threshold"]),
            tuple(r["questions"]) if "questions" in r else None,
            float(r.get("rule_weight", RULE_WEIGHT)),
        )

    return Fitted(
        grade=readout(raw["grade"]),
        weight=float(raw["weight"]),
        traps={t: (readout(r), float(r["threshold"])) for t, r in raw["traps"].items()},
        meta=raw.get("meta", {}),
        fusion={t: fusion(r["fusion"]) for t, r in raw["traps"].items() if "fusion" in r},
        quotes={t: tuple(q) for t, q in (raw.get("likeness") or {}).items()},
        sentences={
            t: Sentences(
                np.asarray(r["sentence"]["weights"], dtype=np.float32), float(r["sentence"]["bias"])
            )
            for t, r in raw["traps"].items()
            if "sentence" in r
        },
    )


@dataclass(frozen=True)
class Examples:
    """A trap's example sentences (questions/semantic.yaml, `likeness`), embedded: `present`
    says the trap, `absent` says what an answer free of it says instead. `start`: the share of
    the answer to look in (a lesson comes after the story, so its opening is left out)."""

    present: Vector | None
    absent: Vector | None
    start: float


@cache
def written_examples() -> dict[str, Examples]:
    """The example sentences written for each trap (questions/semantic.yaml), embedded."""
    enc = embed.encoder()
    if enc is None:
        return {}
    out = {}
    for trap, spec in wording().get("likeness", {}).items():
        present, absent = spec.get("present"), spec.get("absent")
        out[trap] = Examples(
            enc.encode(present) if present else None,
            enc.encode(absent) if absent else None,
            float(spec.get("from", 0.0)),
        )
    return out


@cache
def examples() -> dict[str, Examples]:
    """The written examples, with the fit's quotes (Fitted.quotes) added to each trap's
    `present` ones."""
    enc, fit = embed.encoder(), fitted()
    if enc is None or fit is None or not fit.quotes:
        return written_examples()
    return with_quotes(written_examples(), {t: enc.encode(list(q)) for t, q in fit.quotes.items()})


def with_quotes(written: dict[str, Examples], quotes: dict[str, Vector]) -> dict[str, Examples]:
    """`written` with embedded `quotes` added to each trap's `present` examples (shared with the
    fit, rubric.calibrate, which adds only the quotes of the answers a fold learns from)."""
    out = dict(written)
    for trap, q in quotes.items():
        if not len(q):
            continue
        ex = out.get(trap, Examples(None, None, 0.0))
        present = q if ex.present is None else np.concatenate([ex.present, q])
        out[trap] = Examples(present, ex.absent, ex.start)
    return out


def likeness(
    rows: Vector, trap: str, known: dict[str, Examples] | None = None
) -> tuple[float, int] | None:
    """How much the answer reads like the trap by its example sentences, and the sentence that
    reads most like it: the mean of the two best sentences' closeness to the nearest `present`
    example; or, for a trap known by what is missing, minus the two best sentences' closeness to
    an `absent` example (less that to a `present` one, when the trap has both)."""
    ex = (examples() if known is None else known).get(trap)
    if ex is None or not len(rows):
        return None
    first = min(int(ex.start * len(rows)), len(rows) - 1)
    part = rows[first:]
    near = (part @ ex.present.T).max(axis=1) if ex.present is not None else np.zeros(len(part))
    if ex.absent is None:
        top = np.sort(near)[-2:]
        return float(top.mean()), first + int(np.argmax(near))
    said = (part @ ex.absent.T).max(axis=1) - near
    top = np.sort(said)[-2:]
    return -float(top.mean()), first + int(np.argmin(said))


def rule_voice(margin: float) -> float:
    return float(np.clip(margin / RULE_UNIT, -RULE_CLIP, RULE_CLIP))


@cache
def wording() -> dict[str, Any]:
    """The criterion's label and tips (product text, in questions/semantic.yaml)."""
    data: dict[str, Any] = yaml.safe_load(TEXT.read_text(encoding="utf-8"))
    return data


def review(
    answer: Answer, trap_ids: frozenset[str], margins: dict[str, float] | None = None
) -> Review | None:
    """The semantic criterion and the traps (among `trap_ids`) its read-outs fire. A trap with a
    fusion is decided here, for or against (its id is in `Review.decided`), from the rule's
    `margins` and the model's voices; one without is only ever added."""
    fit = fitted()
    found = vectors(answer) if fit is not None else None
    if fit is None or found is None:
        return None
    spans, rows = found
    read = reading(rows)
    criterion = _criterion(answer, spans, read, fit)
    hits, decided = [], []
    for trap_id, (readout, threshold) in fit.traps.items():
        if trap_id not in trap_ids:
            continue
        fusion = fit.fusion.get(trap_id)
        if fusion is not None and not fusion.applies(answer.question.id):
            continue  # fitted where this trap was labelled; elsewhere the rule decides alone
        if fusion is not None and margins is not None and trap_id in margins:
            decided.append(trap_id)
            heard = fit.sentences.get(trap_id)
            hit = _fused(answer, spans, read, trap_id, fusion, margins[trap_id], readout, heard)
            hits.extend([hit] if hit else [])
            continue
        margin = readout.value(read) - threshold
        if margin < 0:
            continue
        k = int(np.argmax(readout.shares(read)))
        hits.append(
            TrapHit(
                id=trap_id,
                evidence=(answer.quote(spans[k], pad=0),),
                probe="",  # the engine puts the question's own probe in
                strength=added_strength(margin),
            )
        )
    return Review(criterion, tuple(hits), frozenset(decided))


def _criterion(answer: Answer, spans: list[Span], read: Reading, fit: Fitted) -> CriterionResult:
    grade = fit.grade.value(read)
    score = round(float(np.clip((grade - 1.0) / 4.0, 0.0, 1.0)) * 100)
    text = wording()["criterion"]
    shares = fit.grade.shares(read)
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
    return _elsewhere(answer, spans, read, criterion)


def _elsewhere(
    answer: Answer, spans: list[Span], read: Reading, criterion: CriterionResult
) -> CriterionResult:
    """The criterion less the points for reading like an answer to another question, told
    with the sentence that leans most that way."""
    c = fit_to_question.centroids()
    found = fit_to_question.fit(read.rows, read.start, answer.question.id, c) if c else None
    taken = fit_to_question.deduction(c, found) if c else 0
    if found is None or taken <= 0:
        return criterion
    from mockmic import questions  # the bank, for the rival's prompt (it imports the engine)

    rival = questions.get(found.rival).prompt
    return replace(
        criterion,
        score=max(0, criterion.score - taken),
        evidence=(answer.quote(spans[found.sentence], pad=0),),
        tip=wording()["criterion"]["elsewhere"].format(question=rival),
    )


FUSED_CLEAR = 0.5  # this far past its threshold (in spreads), a fused trap is charged in full


def _fused(
    answer: Answer,
    spans: list[Span],
    read: Reading,
    trap_id: str,
    fusion: Fusion,
    margin: float,
    readout: Readout,
    heard: Sentences | None = None,
) -> TrapHit | None:
    """The voices together; the hit quotes the sentence the model voices lean on most (the
    engine adds the rule's own quotes when the rule fired too)."""
    like = likeness(read.rows, trap_id)
    best = heard.value(read.rows) if heard is not None else None
    values = voice_values(
        margin,
        readout.value(read),
        like[0] if like is not None else None,
        best[0] if best is not None else None,
    )
    strength = fused_strength(fusion, values)
    if strength is None:
        return None
    if best is not None and "sentence" in fusion.voices:
        k = best[1]
    elif like is not None and "likeness" in fusion.voices:
        k = like[1]
    else:
        k = int(np.argmax(readout.shares(read)))
    return TrapHit(
        id=trap_id, evidence=(answer.quote(spans[k], pad=0),), probe="", strength=strength
    )


def added_strength(margin: float) -> float:
    """How strongly a trap only a read-out found is charged, `margin` log-odds past its
    threshold (shared with rubric.calibrate)."""
    return 0.5 + 0.5 * min(margin / 2.0, 1.0)


def voice_values(
    margin: float, readout: float, like: float | None, sentence: float | None = None
) -> dict[str, float]:
    """What each voice says of one trap on one answer (likeness only where it has examples, the
    sentence voice only where the fit has a sentence read-out)."""
    out = {"rule": rule_voice(margin), "readout": readout}
    if like is not None:
        out["likeness"] = like
    if sentence is not None:
        out["sentence"] = sentence
    return out


def fused_strength(fusion: Fusion, values: dict[str, float]) -> float | None:
    """How strongly a fused trap is charged, or None when the voices together do not carry it.
    The voices decide whether; how much is never more than the rule's own strength for its
    margin (half for a rule short of its threshold), so a harsher wording is never charged less
    than a milder one: on a fitting set where most answers are far short of the rule, one
    spread of its voice is a small margin, and past the fused threshold every rule that fired
    would otherwise be charged in full. Shared with the fit (rubric.calibrate), so its figures
    are the engine's."""
    if any(v not in values for v in fusion.voices):
        return None
    over = fusion.z(values) - fusion.threshold
    if over < 0:
        return None
    strength = 0.5 + 0.5 * min(over / FUSED_CLEAR, 1.0)
    if "rule" in fusion.voices:
        strength = min(strength, rule_strength(values["rule"]))
    return strength


def rule_strength(voice: float) -> float:
    """A trap's strength for a rule whose voice is `voice` (its margin in RULE_UNITs): half at
    its threshold or short of it, in full one unit past. The engine charges every rule by it."""
    return 0.5 + 0.5 * min(max(voice, 0.0), 1.0)
