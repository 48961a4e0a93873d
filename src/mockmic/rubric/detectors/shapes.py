"""Shapes of a sentence that carry an idea whatever its words: evidence said once or repeated, a
harm that nearly happened, who the subject of a clause is, an ending that is stated.

Detectors use these to judge the idea of a trap rather than a list of phrasings: a catastrophe
needs one clear sign, not the same loose word said twice; "we came within a week of breaching"
is a near miss, not a breach; an outcome is a clause that reports how things stood afterwards,
not a clause that reports what the candidate did.
"""

from __future__ import annotations

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.text import Span

Hits = list[tuple[Span, float]]


def distinct(answer: Answer, hits: Hits) -> Hits:
    """One hit per distinct wording: saying "legal" twice is one sign, not two."""
    seen: set[str] = set()
    out: Hits = []
    for span, weight in sorted(hits, key=lambda h: -h[1]):
        key = " ".join(answer.matcher.words[k] for k in _content_range(answer, span))
        if key in seen:
            continue
        seen.add(key)
        out.append((span, weight))
    return sorted(out, key=lambda h: h[0].start)


def _content_range(answer: Answer, span: Span) -> range:
    ks = [k for k, i in enumerate(answer.matcher.content) if span.start <= i < span.end]
    return range(ks[0], ks[-1] + 1) if ks else range(0)


def near_miss(answer: Answer, span: Span) -> bool:
    """ "came within a week of breaching", "nearly lost", "almost shipped": it did not happen."""
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    prev = [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start][-6:]
    if set(prev[-3:]) & lx.NEAR_MISS_WORDS:
        return True
    # "within <a week|two days|an inch> of <the harm>"
    return "within" in prev and prev[-1] == "of"


def graded(hits: Hits, strong: float = 0.6, weak_cap: float = 0.45) -> float:
    """Clear signs count in full; loose context words (weight under `strong`) add up to no more
    than `weak_cap`, so one or two can sharpen a clear sign but never make one on their own.
    Three different loose signs agreeing are evidence in their own right."""
    clear = sum(w for _, w in hits if w >= strong)
    loose = [w for _, w in hits if w < strong]
    return clear + (sum(loose) if len(loose) >= 3 else min(sum(loose), weak_cap))
