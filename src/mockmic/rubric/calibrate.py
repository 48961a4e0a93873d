"""Fitting the semantic judge's read-outs (questions/semantic_fit.yaml) on graded answers.

Used by `bench/judgment.py --fit-semantic` on the dev half and the training split (never the test
half); nothing here reads the labelled set itself. The read-outs are regularised linear models on
the mean sentence vector (numpy only): ridge regression for the grade, logistic regression for each
trap. Everything chosen here (the ridge strength, the criterion's weight, which traps get a
read-out) is chosen by k-fold cross-validation inside the answers given, scoring each held-out
answer exactly as the engine would (its rules plus the read-outs fitted without it), so the figures
printed are out-of-fold.

A trap read-out is kept only if, out of fold and on its own, it is right nine times in ten when
it fires: it is added to the rules (a trap either one finds is charged), so what it must not do
is fire on answers without the trap.

A fused trap is decided by voices together (semantic.Fusion): the rule's margin, the trap's
read-out, the likeness to the trap's example sentences and its sentence read-out (fitted on the
sentences the labellers quoted as saying it, Sentences), each standardised by its out-of-fold
spread and averaged with set weights (semantic.RULE_WEIGHT); only the threshold is fitted (the
best F1 on the answers given, the read-out's voice taken out of fold so it is no more confident
than on a new answer).

Every fit is also held to answers written outside the fitting set (the bank's sample answers,
Check): where the rule alone gets one of them right, no fused threshold may undo it, and an
added-only read-out may not fire where a strong sample must stay clean. They never teach a
read-out anything; they only narrow what a fit may choose, in every fold as in the shipped fit.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
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
# next to criteria summing to 1-1.5: at most about half of the content, so the rules' words
# still decide most of every score
WEIGHTS = (0.25, 0.5, 0.75, 1.0)
TRAP_LAMBDA = 0.03
TRAP_THRESHOLD = 0.0  # log-odds: fires at p >= 0.5, which with rare traps is already cautious
TRAP_PRECISION = 0.9
TRAP_RECALL = 0.2
MIN_POSITIVES = 5
VOICE_RECALL = 0.25  # a trap's read-out must find this share of it alone to be heard at all
INNER_FOLDS = 5  # the read-out's voice, for fitting a fusion, is taken out of fold
# The sentence read-out: a quote's words mostly in one sentence make it a quoted one; its weights
# are a shrunk linear discriminant (closed form: a fit meets it thousands of times, and it ranks
# as well as a logistic fit did on held-out writers)
QUOTE_COVER = 0.7
SENTENCE_SHRINK = 0.003
MIN_QUOTED = 5


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
    margins: dict[str, float]  # every trap's rule margin (negative: short of its threshold)
    likeness: dict[str, float]  # semantic.likeness of each trap with example sentences
    labelled: frozenset[str] = frozenset()  # traps the labellers judged on this answer
    # answers sharing a group (a contrast pair: one story told twice, differing in one thing) are
    # always in the same fold, so the held-out side's twin never teaches its own story
    group: str = ""
    rows: npt.NDArray[np.float32] | None = None  # its sentence vectors (likeness with quotes)
    # trap -> which of `rows` the labellers quoted as saying it (the training split's evidence)
    quoted: dict[str, npt.NDArray[np.bool_]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """What a fold keeps together: the answer, or its contrast pair."""
        return self.group or self.id


def sample(
    answer_id: str,
    transcript: Transcript,
    question: Question,
    grade: int,
    traps: Sequence[str],
    labelled: Sequence[str] | None = None,
    group: str = "",
    evidence: Mapping[str, Sequence[str]] | None = None,
) -> Sample | None:
    """`labelled`: the trap ids the labellers judged on this answer (by default every trap of
    its question); a trap outside them is neither a positive nor a negative for its read-out.
    `evidence`: trap -> the words the labellers quoted as saying it."""
    answer = build(transcript, question)
    criteria, hits = engine.rules(answer)
    found = semantic.vectors(answer)
    if found is None:
        return None
    spans, rows = found
    texts = [semantic.unit_text(answer, s) for s in spans]
    quoted = {t: quoted_rows(texts, q) for t, q in (evidence or {}).items() if t in traps}
    mean = semantic.reading(rows).features
    # the written examples only: quotes from labelled answers are added fold by fold (Quotes)
    written = semantic.written_examples()
    like = {t: v[0] for t in written if (v := semantic.likeness(rows, t, written)) is not None}
    judged = frozenset(t.id for t in question.traps) if labelled is None else frozenset(labelled)
    return Sample(
        answer_id,
        question,
        grade,
        frozenset(traps),
        criteria,
        hits,
        mean,
        dict(answer.margins),
        like,
        judged & {t.id for t in question.traps},
        group,
        rows,
        {t: m for t, m in quoted.items() if m.any()},
    )


def quoted_rows(texts: Sequence[str], quotes: Sequence[str]) -> npt.NDArray[np.bool_]:
    """Which sentences say one of `quotes`: most of a quote's words are in the sentence, or most
    of the sentence's are in a quote (a quote running over two sentences)."""

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z']+", text.lower())

    said = [(q, set(q)) for q in map(words, quotes) if q]
    out = []
    for text in texts:
        mine = words(text)
        here = set(mine)
        out.append(
            any(sum(w in here for w in q) >= QUOTE_COVER * len(q) for q, _ in said)
            or any(mine and sum(w in qs for w in mine) >= QUOTE_COVER * len(mine) for _, qs in said)
        )
    return np.array(out, dtype=bool)


@dataclass(frozen=True)
class Check:
    """An answer written outside the fitting set (tests/data/answers) and what an interviewer
    would say of it: the traps it must fire (a weak sample's named ones) and those it must not
    (every serious trap, on a strong sample). A fit may not undo what the rules get right there:
    a fused threshold that would is refused, and so is an added-only read-out that fires on an
    answer that must not have its trap."""

    sample: Sample
    must: frozenset[str]
    must_not: frozenset[str]

    def wants(self, trap: str) -> bool | None:
        return True if trap in self.must else False if trap in self.must_not else None


def check(sample: Sample, strong: bool) -> Check:
    """A strong sample must fire no serious trap; any other must fire the traps it names."""
    serious = frozenset(t.id for t in sample.question.traps if t.severity >= 2)
    if strong:
        return Check(sample, frozenset(), serious)
    return Check(sample, sample.traps, frozenset())


@dataclass(frozen=True)
class Quotes:
    """Words the labellers quoted as saying a trap, per trap: the texts, their vectors, and the
    answer (its Sample.key) each was quoted from. They join the trap's written example sentences
    for the likeness voice; in a fit, only the quotes of the answers it learns from, and never an
    answer's own (nor its contrast pair's), so the figures stay out of fold."""

    texts: dict[str, tuple[str, ...]]
    owners: dict[str, tuple[str, ...]]
    vectors: dict[str, npt.NDArray[np.float32]]

    def shipped(self, traps: Sequence[str], keys: set[str]) -> dict[str, list[str]]:
        """The quote texts of `traps` from the answers `keys`, for semantic_fit.yaml."""
        return {
            t: [q for q, o in zip(self.texts[t], self.owners[t], strict=True) if o in keys]
            for t in traps
            if t in self.texts and any(o in keys for o in self.owners[t])
        }


def quotes(found: Sequence[tuple[str, str, str]]) -> Quotes | None:
    """Quotes from (answer key, trap, quoted words) triples, embedded; None without the model."""
    from mockmic.rubric import embed

    enc = embed.encoder()
    if enc is None or not found:
        return None
    traps = sorted({t for _, t, _ in found})
    texts = {t: tuple(q for _, tt, q in found if tt == t) for t in traps}
    owners = {t: tuple(k for k, tt, _ in found if tt == t) for t in traps}
    return Quotes(texts, owners, {t: enc.encode(list(texts[t])) for t in traps})


def liked(samples: Sequence[Sample], q: Quotes, pool: set[str], loo: bool) -> list[Sample]:
    """`samples` with the likeness of the quoted traps recomputed from the written examples and
    the quotes of the answers in `pool` (less each sample's own when `loo`)."""
    written = semantic.written_examples()
    out = []
    for s in samples:
        if s.rows is None:
            out.append(s)
            continue
        keep = {
            t: v[[o in pool and not (loo and o == s.key) for o in q.owners[t]]]
            for t, v in q.vectors.items()
        }
        known = semantic.with_quotes(written, keep)
        like = dict(s.likeness)
        for t in keep:
            if (v := semantic.likeness(s.rows, t, known)) is not None:
                like[t] = v[0]
        out.append(replace(s, likeness=like))
    return out


def checked(checks: Sequence[Check], q: Quotes, pool: set[str]) -> list[Check]:
    """`checks` with their answers' likeness heard with the quotes of the answers in `pool`."""
    found = liked([c.sample for c in checks], q, pool, loo=False)
    return [replace(c, sample=s) for c, s in zip(checks, found, strict=True)]


def ridge(x: Matrix, y: Matrix, lam: float) -> tuple[Matrix, float]:
    mu, ym = x.mean(axis=0), float(y.mean())
    xc = x - mu
    w = np.linalg.solve(xc.T @ xc + lam * np.eye(x.shape[1]), xc.T @ (y - ym))
    return w, ym - float(mu @ w)


def logistic(x: Matrix, y: Matrix, lam: float) -> tuple[Matrix, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised).
    With more features than answers the weights lie in the answers' span, so the fit runs on
    their coordinates there (x = U S Vt: the same optimum, a system the size of the answers).
    Remembered for the last few thousand (rows, labels): a fit's settings (fused traps, quotes,
    rule weights) share their folds, so the same read-outs are fitted again and again."""
    key = b"".join(_digest(a) for a in (x, y)) + repr((x.shape, lam)).encode()
    if key in _FITS:
        _FITS.move_to_end(key)
        return _FITS[key]
    if x.shape[1] > x.shape[0]:
        coords, vt = _span(x)
        beta, bias = _newton(coords, y, lam)
        found = vt.T @ beta, bias
    else:
        found = _newton(x, y, lam)
    _FITS[key] = found
    if len(_FITS) > FITS_KEPT:
        _FITS.popitem(last=False)
    return found


_FITS: OrderedDict[bytes, tuple[Matrix, float]] = OrderedDict()
FITS_KEPT = 4096  # three fold draws of 5 x 6 read-outs per trap: ~25 MB


def _digest(a: Matrix) -> bytes:
    return hashlib.sha1(np.ascontiguousarray(a).tobytes()).digest()


_SPANS: OrderedDict[bytes, tuple[Matrix, Matrix]] = OrderedDict()
SPANS_KEPT = 12  # a fit meets the same few row sets again and again: one per trap scope and fold


def _span(x: Matrix) -> tuple[Matrix, Matrix]:
    """The answers' coordinates in their span (U S) and the span (Vt), remembered for the last
    few row sets: every trap of a scope is fitted on the same rows, and the SVD is most of the
    cost of a fit."""
    key = _digest(x) + repr(x.shape).encode()
    if key in _SPANS:
        _SPANS.move_to_end(key)
        return _SPANS[key]
    u, sv, vt = np.linalg.svd(x, full_matrices=False)
    _SPANS[key] = (u * sv, vt)
    if len(_SPANS) > SPANS_KEPT:
        _SPANS.popitem(last=False)
    return _SPANS[key]


def _newton(x: Matrix, y: Matrix, lam: float) -> tuple[Matrix, float]:
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


def folds(
    n: int, k: int, seed: int, groups: Sequence[str] | None = None
) -> list[npt.NDArray[np.int64]]:
    """k folds of range(n); the items of one non-empty group land in the same fold. Without
    groups (or with every group its own) the folds are those of a plain permutation."""
    if groups is None or not any(groups):
        order = np.random.default_rng(seed).permutation(n)
        return [order[i::k] for i in range(k)]
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g or f"#{i}", []).append(i)
    units = list(members.values())
    order = np.random.default_rng(seed).permutation(len(units))
    return [np.array([i for j in order[f::k] for i in units[j]], dtype=np.int64) for f in range(k)]


@dataclass(frozen=True)
class Readouts:
    """Grade and trap read-outs as plain arrays, fitted on some of the samples."""

    grade: tuple[Matrix, float]
    traps: dict[str, tuple[Matrix, float]]
    fusion: dict[str, semantic.Fusion] = field(default_factory=dict)
    sentences: dict[str, semantic.Sentences] = field(default_factory=dict)  # fused traps' own


def fit_sentences(samples: Sequence[Sample], trap: str) -> semantic.Sentences | None:
    """A read-out of single sentences for `trap`: the sentences quoted as saying it against every
    sentence of the answers labelled free of it (the other sentences of an answer with the trap
    may or may not say it, so they teach nothing). None with under MIN_QUOTED quoted sentences.
    A linear discriminant, shrunk: the direction from the free sentences' mean to the quoted
    ones', through their shared spread; zero at the midpoint between the two means."""
    said, free = [], []
    for s in samples:
        if s.rows is None or trap not in s.labelled:
            continue
        if trap not in s.traps:
            free.append(s.rows)
        elif trap in s.quoted:
            said.append(s.rows[s.quoted[trap]])
    if sum(len(r) for r in said) < MIN_QUOTED or not free:
        return None
    pos = np.concatenate(said).astype(np.float64)
    neg = np.concatenate(free).astype(np.float64)
    spread = np.cov(np.concatenate([pos, neg]).T)
    w = np.linalg.solve(
        spread + SENTENCE_SHRINK * np.eye(len(spread)), pos.mean(axis=0) - neg.mean(axis=0)
    )
    bias = -float((pos.mean(axis=0) + neg.mean(axis=0)) @ w / 2)
    return semantic.Sentences(w.astype(np.float32), bias)


def fit_readouts(
    samples: Sequence[Sample],
    lam: float,
    trap_ids: Sequence[str],
    fuse: Sequence[str] = (),
    rule_weight: float | Mapping[str, float] = semantic.RULE_WEIGHT,
    checks: Sequence[Check] = (),
    deaf: Collection[str] = (),
) -> Readouts:
    """The grade read-out, a read-out for each of `trap_ids` (with 3 or more labelled), and a
    fusion for each of those also in `fuse` (its rule's weight `rule_weight`, or per trap; the
    read-out's own voice left out for the traps in `deaf`, with the sentence read-out heard
    where the trap has enough quoted sentences).
    Held to `checks`: a fusion no threshold of which keeps them is dropped with its read-out
    (the rule decides alone), as is an added-only read-out that fires where it must not."""
    x = np.stack([s.mean for s in samples]).astype(np.float64)
    g = np.array([s.grade for s in samples], dtype=np.float64)
    traps, fusion, sentences = {}, {}, {}
    for t in trap_ids:
        scope = [i for i, s in enumerate(samples) if t in s.labelled]
        y = np.array([t in samples[i].traps for i in scope], dtype=np.float64)
        if y.sum() < 3:
            continue
        readout = logistic(x[scope], y, TRAP_LAMBDA)
        if t not in fuse:
            if not any(c.wants(t) is False and log_odds(c.sample, readout) >= 0 for c in checks):
                traps[t] = readout
            continue
        rw = (
            rule_weight.get(t, semantic.RULE_WEIGHT)
            if isinstance(rule_weight, Mapping)
            else rule_weight
        )
        # labelled on some questions only (a failure-only trap): fused on those only,
        # elsewhere the rule decides as before
        on = None
        if any(s.question.trap(t) is not None and t not in s.labelled for s in samples):
            on = tuple(sorted({samples[i].question.id for i in scope}))
        held = [c for c in checks if on is None or c.sample.question.id in on]
        within = [samples[i] for i in scope]
        heard = fit_sentences(within, t)
        fused = fit_fusion(within, x[scope], y, t, rw, held, readout, heard, t in deaf)
        if fused is not None:
            traps[t], fusion[t] = readout, replace(fused, questions=on)
            if heard is not None and "sentence" in fused.voices:
                sentences[t] = heard
    return Readouts(stretched(x, g, *ridge(x, g, lam)), traps, fusion, sentences)


def log_odds(s: Sample, readout: tuple[Matrix, float]) -> float:
    return float(s.mean @ readout[0] + readout[1])


def voices(
    s: Sample,
    trap: str,
    readout: float,
    heard: semantic.Sentences | None = None,
    sentence: float | None = None,
) -> dict[str, float]:
    """The voices of `trap` on `s`; the sentence voice from `heard` (or as given, `sentence`)."""
    if heard is not None and s.rows is not None:
        sentence = heard.value(s.rows)[0]
    return semantic.voice_values(s.margins.get(trap, -1.0), readout, s.likeness.get(trap), sentence)


def fit_fusion(
    samples: Sequence[Sample],
    x: Matrix,
    y: Matrix,
    trap: str,
    rule_weight: float = semantic.RULE_WEIGHT,
    checks: Sequence[Check] = (),
    readout: tuple[Matrix, float] | None = None,
    heard: semantic.Sentences | None = None,
    deaf: bool = False,
) -> semantic.Fusion | None:
    """Standardise each voice by its spread over `samples` (the read-out's and the sentence
    read-out's out of fold) and put the threshold where the weighted average best separates the
    labelled answers (F1), among the thresholds that keep every one of `checks` the rule gets
    right (judged with `readout` and `heard`, the trap's read-outs on all of `samples`); None
    when no threshold does. `deaf`: the read-out's voice is left out."""
    oof = np.zeros(len(samples))
    said: list[float | None] = [None] * len(samples)
    for held in folds(len(samples), INNER_FOLDS, 11, [s.group for s in samples]):
        train = np.setdiff1d(np.arange(len(samples)), held)
        if y[train].sum() == 0:
            continue
        w, b = logistic(x[train], y[train], TRAP_LAMBDA)
        oof[held] = x[held] @ w + b
        inner = fit_sentences([samples[i] for i in train], trap) if heard is not None else None
        for i in held.tolist():
            rows = samples[i].rows
            said[i] = inner.value(rows)[0] if inner is not None and rows is not None else None
    values = [voices(s, trap, o, sentence=v) for s, o, v in zip(samples, oof, said, strict=True)]
    names = tuple(
        v
        for v in semantic.VOICES
        if all(v in row for row in values) and not (deaf and v == "readout")
    )
    table = np.array([[row[v] for v in names] for row in values])
    mean, scale = table.mean(axis=0), table.std(axis=0) + 1e-6
    weights = semantic.voice_weights(names, rule_weight)
    z = np.average((table - mean) / scale, axis=1, weights=weights)
    fusion = semantic.Fusion(
        names, tuple(mean.round(6)), tuple(scale.round(6)), 0.0, rule_weight=rule_weight
    )
    if readout is None:
        readout = logistic(x, y, TRAP_LAMBDA)
    low, high = bounds(fusion, trap, checks, readout, heard)
    if low >= high:
        return None
    return replace(fusion, threshold=best_threshold(z, y.astype(bool), low, high))


def bounds(
    fusion: semantic.Fusion,
    trap: str,
    checks: Sequence[Check],
    readout: tuple[Matrix, float],
    heard: semantic.Sentences | None = None,
) -> tuple[float, float]:
    """The fused values a threshold must lie between (above the first, at most the second) so
    that the fusion keeps every check the rule alone gets right: above each answer that must
    not have the trap, at most each one that must."""
    low, high = -np.inf, np.inf
    for c in checks:
        want, s = c.wants(trap), c.sample
        if want is None or trap not in s.margins or (trap in s.hits) != want:
            continue  # nothing asked, or the rule is wrong there already (a fusion may mend it)
        z = fusion.z(voices(s, trap, log_odds(s, readout), heard))
        low, high = (low, min(high, z)) if want else (max(low, z), high)
    return float(low), float(high)


def best_threshold(
    z: Matrix, y: npt.NDArray[np.bool_], low: float = -np.inf, high: float = np.inf
) -> float:
    """The cut between two neighbouring values of z with the best F1, in the middle of the gap
    (of the widest among equals), so the cut is not pressed against one answer; only cuts above
    `low` and at most `high` are tried, a gap met by either shrunk to the part inside."""
    values = np.unique(z)
    gaps = list(itertools.pairwise(values)) if len(values) > 1 else [(values[0], values[0])]
    cuts = [
        (a + b) / 2
        for lo, hi in gaps
        if (a := max(lo, low)) < (b := min(hi, high)) or (lo == hi and low < lo <= high)
    ]
    if not cuts:  # every value on one side of the window: its middle, or one past its end
        cuts = [(low + high) / 2 if np.isfinite(high) else low + 1.0]
        cuts = [high - 1.0] if np.isinf(low) else cuts
    best, chosen = -1.0, float(cuts[0])
    for c in cuts:
        fired = z >= c
        tp = float((fired & y).sum())
        f1 = 2 * tp / (fired.sum() + y.sum()) if tp else 0.0
        if f1 > best + 1e-9:
            best, chosen = f1, float(c)
    return round(chosen, 6)


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
    added, hits = {}, dict(s.hits)
    for t, (tw, tb) in r.traps.items():
        if s.question.trap(t) is None:
            continue
        odds = float(s.mean @ tw + tb)
        fusion = r.fusion.get(t)
        if fusion is not None and not fusion.applies(s.question.id):
            continue  # as semantic.review: outside the questions it was labelled on
        if fusion is not None and t in s.margins:
            hits.pop(t, None)
            strength = semantic.fused_strength(fusion, voices(s, t, odds, r.sentences.get(t)))
            if strength is not None:
                hits[t] = TrapHit(t, (), "", strength)
            continue
        margin = odds - TRAP_THRESHOLD
        if t not in s.hits and margin >= 0:
            added[t] = TrapHit(t, (), "", semantic.added_strength(margin))
    traps = engine.kept(s.question, hits, added)
    content = scoring.content_score(Assessment((), criteria, traps), s.question)
    return content, frozenset(h.id for h in traps)


Metrics = Callable[[Sequence[Sample], Sequence[tuple[int, frozenset[str]]]], dict[str, Any]]


def out_of_fold(
    samples: Sequence[Sample],
    lam: float,
    weight: float,
    trap_ids: Sequence[str],
    seed: int,
    fuse: Sequence[str] = (),
    quoted: Quotes | None = None,
    rule_weight: float | Mapping[str, float] = semantic.RULE_WEIGHT,
    checks: Sequence[Check] = (),
    deaf: Collection[str] = (),
) -> tuple[list[tuple[int, frozenset[str]]], dict[str, list[float]]]:
    """Every sample judged by read-outs fitted without it (and, with `quoted`, by likeness to
    the quotes of the other folds' answers only), each fold's fit held to `checks`; and each
    trap read-out's own log-odds."""
    out: list[tuple[int, frozenset[str]]] = [(0, frozenset())] * len(samples)
    odds: dict[str, list[float]] = {t: [float("nan")] * len(samples) for t in trap_ids}
    for held in folds(len(samples), 5, seed, [s.group for s in samples]):
        out_of = set(held.tolist())
        train = [samples[i] for i in range(len(samples)) if i not in out_of]
        tested = {i: samples[i] for i in held.tolist()}
        held_to = checks
        if quoted is not None:
            pool = {s.key for s in train}
            train = liked(train, quoted, pool, loo=True)
            relied = liked(list(tested.values()), quoted, pool, loo=False)
            tested = dict(zip(tested, relied, strict=True))
            held_to = checked(checks, quoted, pool)
        r = fit_readouts(train, lam, trap_ids, fuse, rule_weight, held_to, deaf)
        for i, s in tested.items():
            out[i] = judged(s, r, weight)
            for t, (tw, tb) in r.traps.items():
                odds[t][i] = float(s.mean @ tw + tb)
    return out, odds


def trap_choice(
    samples: Sequence[Sample], odds: dict[str, list[float]]
) -> dict[str, dict[str, float]]:
    """Out-of-fold precision and recall of each trap read-out alone, at the firing threshold."""
    report = {}
    for t, values in odds.items():
        scope = [i for i, s in enumerate(samples) if t in s.labelled]
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


def to_json(
    r: Readouts,
    weight: float,
    lam: float,
    meta: dict[str, Any],
    likeness: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    def vec(w: npt.NDArray[np.floating[Any]]) -> list[float]:
        return [round(float(v), 6) for v in w]

    def trap(t: str, w: Matrix, b: float) -> dict[str, Any]:
        out: dict[str, Any] = {"weights": vec(w), "bias": round(b, 6), "threshold": TRAP_THRESHOLD}
        f = r.fusion.get(t)
        if f is not None:
            out["fusion"] = {
                "voices": list(f.voices),
                "mean": [float(v) for v in f.mean],
                "scale": [float(v) for v in f.scale],
                "threshold": f.threshold,
                "rule_weight": f.rule_weight,
                **({"questions": list(f.questions)} if f.questions is not None else {}),
            }
        heard = r.sentences.get(t)
        if heard is not None:
            out["sentence"] = {"weights": vec(heard.weights), "bias": round(heard.bias, 6)}
        return out

    return {
        "grade": {"weights": vec(r.grade[0]), "bias": round(r.grade[1], 6)},
        "weight": weight,
        "traps": {t: trap(t, w, b) for t, (w, b) in sorted(r.traps.items())},
        **({"likeness": likeness} if likeness else {}),
        "meta": {"ridge_lambda": lam, "trap_lambda": TRAP_LAMBDA, **meta},
    }
