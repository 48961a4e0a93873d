"""Helpers the detectors share: weighted phrase search, negation, numbers, parameters."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors import Params
from mockmic.rubric.schema import Question
from mockmic.rubric.text import Span, is_past, normalise

NEGATIONS = frozenset({"not", "never", "no", "without", "nobody", "nothing"})
# tokens: the opening, where a candidate says what the answer is about and whom it involves
OPENING = 40


class ExtraOnlyParams(Params):
    """`extra`: the question's own phrases, counted like the built-in list (weight 1 each)."""

    extra: tuple[str, ...] = ()


class ExtraParams(ExtraOnlyParams):
    """`parts`: when given, only matches inside these parts of the answer count."""

    parts: tuple[str, ...] = ()


class PhraseParams(Params):
    phrases: tuple[str, ...] = Field(min_length=1)
    saturate: float = Field(default=2.0, gt=0)  # this many matches score 1.0
    parts: tuple[str, ...] = ()
    # what earns credit: the words anywhere; only where the speaker does the act ("I set the
    # goal", not "we set goals"); or only in a clause where the speaker acts at all
    credit: Literal["words", "acts", "clauses"] = "words"


def weighted(
    answer: Answer,
    lexicon: dict[str, float] | tuple[str, ...],
    extra: tuple[str, ...] = (),
    parts: tuple[str, ...] = (),
    skip_negated: bool = False,
    exact: bool = False,
) -> list[tuple[Span, float]]:
    """Matches of a lexicon (plus extra phrases at weight 1), optionally within parts.
    `exact`: whole words only, for lists where tense is the point (habits, intentions)."""
    table = dict(lexicon) if isinstance(lexicon, dict) else dict.fromkeys(lexicon, 1.0)
    table.update(dict.fromkeys(extra, 1.0))
    hits = answer.matcher.find_weighted(table, exact=exact)
    if parts:
        allowed = set(answer.in_parts([s for s, _ in hits], *parts))
        hits = [h for h in hits if h[0] in allowed]
    if skip_negated:
        hits = [h for h in hits if not negated(answer, h[0])]
    return hits


def total(hits: list[tuple[Span, float]]) -> float:
    return sum(w for _, w in hits)


def spans(hits: list[tuple[Span, float]], limit: int = 3) -> tuple[Span, ...]:
    """The strongest few spans, kept in answer order."""
    best = sorted(hits, key=lambda h: -h[1])[:limit]
    return tuple(sorted((s for s, _ in best), key=lambda s: s.start))


def before(answer: Answer, span: Span, n: int = 3) -> list[str]:
    """The n content words just before a span."""
    idx = [i for i in answer.matcher.content if i < span.start][-n:]
    return [answer.tokens[i].text for i in idx]


def after(answer: Answer, span: Span, n: int = 3) -> list[str]:
    """The n content words just after a span."""
    return [answer.tokens[i].text for i in answer.matcher.content if i >= span.end][:n]


def negated(answer: Answer, span: Span) -> bool:
    """ "I did not want to blame", "instead of blaming": the phrase is denied, not said."""
    # only within the phrase's own clause: "it was not easy. I blamed" is not a denial
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    prev = [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start][-3:]
    joined = " ".join(prev)
    return bool(NEGATIONS.intersection(prev)) or "instead of" in joined or "rather than" in joined


# Words that put what follows them in the future or in a wish: "it needs improving", "I want
# to reduce it", "that should improve". An outcome word after one has not happened yet.
UNREALISED = frozenset({"need", "needs", "should", "would", "want", "wants", "hope", "plan"})


def unrealised(answer: Answer, span: Span) -> bool:
    """ "my balance needs improving", "I hope to cut it": the phrase is wished for, not told."""
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    prev = [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start][-4:]
    return bool(UNREALISED.intersection(prev))


def numbers(answer: Answer, within: list[Span] | None = None) -> list[Span]:
    """Numerals, number words and percentages: the cheapest sign of a specific claim."""
    out = []
    for i in answer.matcher.content:
        t = answer.tokens[i].text
        if (t.isdigit() or t in lx.NUMBER_WORDS) and t not in ("one", "first", "second"):
            out.append(Span(i, i + 1))
    if within is not None:
        out = [s for s in out if any(c.start <= s.start < c.end for c in within)]
    return out


def past_events(answer: Answer) -> list[Span]:
    """ "I <past-tense verb>": a narrated event, the backbone of a specific example."""
    words, content = answer.matcher.words, answer.matcher.content
    out = []
    for k in range(len(words) - 1):
        nxt = words[k + 1]
        if words[k] == "i" and _is_event(nxt):
            out.append(Span(content[k], content[k + 1] + 1))
    return out


def past_verbs(answer: Answer) -> list[Span]:
    """Past-tense verbs with any subject ("we set up", "he explained"): things that happened."""
    out = []
    for k, w in enumerate(answer.matcher.words):
        if _is_event(w):
            i = answer.matcher.content[k]
            out.append(Span(i, i + 1))
    return out


_NOT_VERBS = frozenset({"need", "speed", "indeed", "interested", "excited", "detailed", "based"})
# Past forms of being, having and feeling describe a state, not an event that happened.
_STATES = frozenset(
    ("was", "were", "had", "did", "got", "went", "thought", "felt", "knew", "said", "meant", "kept")
)


def _is_event(word: str) -> bool:
    if word in _STATES or word in _NOT_VERBS:
        return False
    return is_past(word)


def clause_span(answer: Answer, span: Span, limit: int = 16) -> Span:
    """The clause around a match, cut to `limit` tokens from the match: quotable evidence."""
    k = answer.clause_of(span.start)
    if k < 0:
        return span
    c = answer.clauses[k]
    return Span(max(c.start, span.start - 3), min(c.end, max(span.end, span.start + limit)))


def ramp(value: float, zero: float, one: float) -> float:
    """0 at `zero`, 1 at `one`, linear between (works in either direction)."""
    if one == zero:
        return 1.0 if value >= one else 0.0
    return min(max((value - zero) / (one - zero), 0.0), 1.0)


_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "being",
        "could",
        "would",
        "should",
        "their",
        "there",
        "these",
        "those",
        "which",
        "while",
        "where",
        "other",
        "tell",
        "describe",
        "give",
        "example",
        "time",
        "something",
        "someone",
        "yourself",
        "your",
        "what",
        "when",
    ]
)


def normalised_topic(question: Question) -> tuple[str, ...]:
    """The question's topic phrases; without any, the longer words of its prompt."""
    if question.topic:
        return question.topic
    words = normalise(question.prompt + " " + " ".join(question.variants))
    return tuple(sorted({w for w in words if len(w) >= 5 and w not in _STOP}))
