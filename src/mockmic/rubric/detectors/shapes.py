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
from mockmic.rubric.text import Span, stem

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


def clause_words(answer: Answer, clause: Span) -> list[str]:
    """The content words of a clause (fillers left out)."""
    return [answer.tokens[i].text for i in answer.matcher.content if clause.start <= i < clause.end]


SELF_REACH = 6  # "I have never forgiven myself, it was such a stupid thing": a few words back


_TARGET_STEMS = frozenset(stem(w) for w in lx.TARGETS)


def _names_someone(words: list[str]) -> bool:
    """Another party is among these words ("managers" as well as "manager")."""
    return any(stem(w) in _TARGET_STEMS for w in words)


def self_directed(answer: Answer, span: Span) -> bool:
    """ "I feel like such an idiot", "I know it's awful", "I was useless": the candidate said
    it about themselves or their own act. Contempt needs someone else as its target, so a harsh
    word counts only when another party is named between the last "I" and the word."""
    # a few words back, across clause cuts: "I was | so stupid" is one thought
    prev = [answer.tokens[i].text for i in answer.matcher.content if i < span.start][-SELF_REACH:]
    mine = [j for j, w in enumerate(prev) if w in lx.SELF_WORDS]
    if not mine:
        return False
    return not _names_someone(prev[mine[-1] + 1 :])


def aimed(answer: Answer, span: Span) -> bool:
    """Someone other than the candidate is named in the clause of a harsh word, or in the
    clause before it ("My manager there. Honestly, useless.")."""
    k = answer.clause_of(span.start)
    near = answer.clauses[max(k - 1, 0) : k + 1] if k >= 0 else (span,)
    return any(_names_someone(clause_words(answer, c)) for c in near)


def contempt_shapes(answer: Answer) -> list[Span]:
    """Contempt said politely, in shapes rather than insults: irony ("to put it kindly"), a
    person's habitual failing ("anything she touched came in late", "he did that kind of thing
    constantly"), a superlative put-down ("one of the laziest people"), criticism turned back on
    its giver ("that said more about her than about me")."""
    return [c for c in answer.clauses if _contempt(answer, c)]


def _contempt(answer: Answer, clause: Span) -> bool:
    if answer.find(lx.CONTEMPT_IRONY, clause) or answer.find(lx.TURNED_BACK, clause):
        return True
    words = clause_words(answer, clause)
    if not lx.PEOPLE.intersection(words) or "i" in words[:3]:
        return False  # about no one in particular, or about the candidate's own doing
    habitual = lx.HABITUAL.intersection(words) or answer.find(lx.HABITUAL_PHRASES, clause)
    if habitual and answer.find(lx.PERSON_FAULTS, clause):
        return True
    return bool(answer.find(lx.PUT_DOWN, clause)) or _superlative_put_down(words)


RANKED = lx.PEOPLE | {"person", "managers", "bosses"}


def _superlative_put_down(words: list[str]) -> bool:
    """ "one of the laziest people I have worked with": a person ranked among the worst."""
    return any(
        words[j : j + 3] == ["one", "of", "the"]
        and words[j + 3].endswith("est")
        and RANKED.intersection(words[j + 4 : j + 7])
        for j in range(len(words) - 4)
    )
