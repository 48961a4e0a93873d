"""assess(): one engine for every question, driven by the question's data.

    Transcript + Question
      -> Answer      tokens, clauses, the part each clause belongs to   (rubric.answer)
      -> criteria    each scored 0-100 by its named detector, with the words that earned it
      -> traps       each detector checked against its threshold, with the words that fired it
      -> semantic    when the sentence model is installed (rubric.semantic): one more criterion,
                     read from what the sentences mean, and traps its read-outs fire (added to
                     the rules' own, never taking one away)
      => Assessment

Nothing here knows a question by name: what to look for is in the YAML file, how to look for it
is in the detector the file names.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from mockmic.rubric import detectors, semantic
from mockmic.rubric.answer import Answer, build, part_spans
from mockmic.rubric.schema import Criterion, Question, Trap
from mockmic.rubric.text import Span
from mockmic.types import Assessment, CriterionResult, Transcript, TrapHit

MAX_EVIDENCE = 3
# this far past its threshold, a trap is charged in full; the semantic judge measures a rule's
# voice in the same unit, and owns the charge formula so that a fused trap is charged alike
CLEAR_MARGIN = semantic.RULE_UNIT
# A question's phrase lists are never complete: an answer told with substance (one occasion, its
# particulars, what the candidate did) earns this share of its specificity on every phrase
# criterion, and an absent-phrase trap needs more than a missing phrase to fire. Without it a
# strong answer worded unlike the list is crushed, and scores stop meaning the same across
# questions.
SUBSTANCE_FLOOR = 0.6
FLOORED = frozenset({"phrases"})


def assess(transcript: Transcript, question: Question, semantic_judge: bool = True) -> Assessment:
    """The rules, then (unless `semantic_judge` is False, or the model is not installed) the
    semantic judge on top."""
    answer = build(transcript, question)
    criteria, hits = rules(answer)
    added: dict[str, TrapHit] = {}
    if semantic_judge:
        criteria, hits, added = with_semantic(answer, criteria, hits)
    return Assessment(
        parts=part_spans(answer), criteria=criteria, traps=kept(question, hits, added)
    )


def rules(answer: Answer) -> tuple[tuple[CriterionResult, ...], dict[str, TrapHit]]:
    """Every criterion scored by its detector, and every trap its detector fired."""
    floor = _substance(answer)
    q = answer.question
    criteria = tuple(_criterion(answer, c, floor) for c in q.criteria)
    hits = {t.id: hit for t in q.traps if (hit := _trap(answer, t, floor)) is not None}
    return criteria, hits


def with_semantic(
    answer: Answer, criteria: tuple[CriterionResult, ...], hits: dict[str, TrapHit]
) -> tuple[tuple[CriterionResult, ...], dict[str, TrapHit], dict[str, TrapHit]]:
    """The semantic criterion after the rules' own; the traps as decided once the judge has
    spoken (for a fused trap its verdict replaces the rule's, keeping the rule's quotes first
    when both found it); and the traps only a read-out added."""
    q = answer.question
    found = semantic.review(answer, frozenset(t.id for t in q.traps), answer.margins)
    if found is None:
        return criteria, hits, {}
    decided = {k: v for k, v in hits.items() if k not in found.decided}
    added = {}
    for hit in found.traps:
        trap = q.trap(hit.id)
        if trap is None:
            continue
        if hit.id in found.decided:
            quotes = hits[hit.id].evidence if hit.id in hits else ()
            evidence = (*quotes, *(e for e in hit.evidence if e not in quotes))[:MAX_EVIDENCE]
            decided[hit.id] = replace(hit, probe=trap.probe, evidence=evidence)
        elif hit.id not in hits:
            added[hit.id] = replace(hit, probe=trap.probe)
    return (*criteria, found.criterion), decided, added


def kept(
    question: Question, hits: dict[str, TrapHit], added: dict[str, TrapHit] | None = None
) -> tuple[TrapHit, ...]:
    """The traps in the question's order, less those another fired trap already explains:
    "no result" says little once the answer was found to have no specific example at all.
    Traps `added` by the semantic judge never take a rule's trap away."""
    added = added or {}
    both = hits.keys() | added.keys()
    return tuple(
        hit
        for t in question.traps
        if (hit := hits.get(t.id) or added.get(t.id)) is not None
        and not held_back(t, hit, hits.keys() if t.id in hits else both)
    )


def held_back(trap: Trap, hit: TrapHit, fired: Collection[str]) -> bool:
    """One of the trap's `unless` traps fired, and the trap is not so clear (`unless_below`)
    that it is worth saying anyway."""
    if trap.unless_below is not None and hit.strength >= trap.unless_below:
        return False
    return bool(set(trap.unless) & set(fired))


def _substance(answer: Answer) -> detectors.Finding:
    """The question-independent floor for phrase criteria: specificity, scaled down."""
    found = detectors.run("specificity", answer, detectors.parse_params("specificity", {}))
    return detectors.Finding(SUBSTANCE_FLOOR * found.score, found.evidence)


def _floored(name: str, found: detectors.Finding, floor: detectors.Finding) -> detectors.Finding:
    if name in FLOORED and floor.score > found.score:
        return floor
    return found


def _criterion(answer: Answer, c: Criterion, floor: detectors.Finding) -> CriterionResult:
    found = detectors.run(c.detector, answer, detectors.parse_params(c.detector, c.params))
    if not c.invert:
        found = _floored(c.detector, found, floor)
    score = round(100 * (1.0 - found.score if c.invert else found.score))
    answer.scores[c.id] = score  # later traps may refer to it (criterion_below)
    return CriterionResult(
        id=c.id,
        label=c.label,
        weight=c.weight,
        score=score,
        evidence=_quotes(answer, found.evidence),
        tip=c.tip,
    )


def _trap(answer: Answer, t: Trap, floor: detectors.Finding) -> TrapHit | None:
    found = detectors.run(t.detector, answer, detectors.parse_params(t.detector, t.params))
    present = t.when == "present"
    if not present:
        found = _floored(t.detector, found, floor)
    margin = found.score - t.threshold if present else t.threshold - found.score
    margin = min([margin, *(-answer.margins[n] for n in t.needs if n in answer.margins)])
    answer.margins[t.id] = margin
    if margin < 0 or (margin == 0 and not present):
        return None
    strength = semantic.rule_strength(margin / CLEAR_MARGIN)
    return TrapHit(
        id=t.id, evidence=_quotes(answer, found.evidence), probe=t.probe, strength=strength
    )


def _quotes(answer: Answer, spans: tuple[Span, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for s in spans:
        q = answer.quote(_widen(answer, s), pad=0)
        if q and q not in out:
            out.append(q)
    return tuple(out[:MAX_EVIDENCE])


def _widen(answer: Answer, span: Span, want: int = 5) -> Span:
    """A two-word match reads better with a few words around it, kept inside its clause."""
    if span.end - span.start >= want:
        return span
    k = answer.clause_of(span.start)
    lo, hi = (answer.clauses[k].start, answer.clauses[k].end) if k >= 0 else (0, len(answer.tokens))
    extra = want - (span.end - span.start)
    start = max(lo, span.start - extra // 2)
    return Span(start, min(hi, max(span.end, start + want)))
