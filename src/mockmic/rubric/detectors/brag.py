"""Shapes of a "failure" that flatters, whatever its words (detectors.traps.brag_strength).

A humble-brag is told in a few recurring story shapes rather than a fixed set of phrases: a goal
missed by a whisker or beaten ("98 percent of target"), the candidate ranked above the rest, a
failure granted only in one narrow sense before the "but", a verdict that nothing should have
been done differently, an outcome that was the best yet, or a fault that is really overwork.
Each shape is a loose sign (`SHAPE_WEIGHT`): one alone leaves the rule short of its threshold, so
it takes a second sign, or the semantic judge hearing the same story, to flag the trap.
"""

from __future__ import annotations

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.text import Span

Hits = list[tuple[Span, float]]

SHAPE_WEIGHT = 0.5
NEAR_TARGET = 90  # percent of a target at or above which a "miss" is really a near win
TARGET_WINDOW = 6  # tokens after the figure within which the target is named
REGRET_WINDOW = 6  # tokens before "differently" that hold the doubt and the doing


def brag_shapes(answer: Answer) -> Hits:
    found = (
        near_target(answer)
        + answer.find(lx.RANKED_FIRST)
        + scoped_failure(answer)
        + no_regret(answer)
        + answer.find(lx.BEST_YET)
        + answer.find(lx.RIGHT_ALL_ALONG)
        + answer.find(lx.OVERWORK)
    )
    return [(s, SHAPE_WEIGHT) for s in sorted(set(found), key=lambda s: s.start)]


def near_target(answer: Answer) -> list[Span]:
    """ "we reached 98 percent of the target", "a hundred and thirty percent of quota": a goal
    only just missed, or beaten, told as the failure."""
    words = [t.text for t in answer.tokens]
    out = []
    k = 0
    while k < len(words):
        j, value = _number(words, k)
        if j == k:
            k += 1
            continue
        tail = words[j : j + TARGET_WINDOW]
        # "%" is dropped by the tokenizer: "98% of target" arrives as "98 of target"
        percent = tail[:1] == ["percent"] or (words[k].isdigit() and tail[:1] == ["of"])
        if percent and value >= NEAR_TARGET and lx.TARGET_WORDS.intersection(tail):
            out.append(Span(k, j + 1))
        k = j
    return out


def _number(words: list[str], k: int) -> tuple[int, int]:
    """The end and value of a number said from `k` ("98", "ninety eight", "a hundred and
    thirty"); `k` itself when no number starts there."""
    if words[k].isdigit():
        return k + 1, int(words[k])
    value, first = 0, k + 1 if words[k : k + 2] == ["a", "hundred"] else k
    j = first
    for j in range(first, len(words) + 1):
        w = words[j] if j < len(words) else ""
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if w in lx.SPOKEN_NUMBERS:
            value += lx.SPOKEN_NUMBERS[w]
        elif w == "hundred":
            value = max(value, 1) * 100
        elif not (w == "and" and value and nxt in lx.SPOKEN_NUMBERS):
            break  # "a hundred and twelve" goes on past its "and"
    return (j, value) if value else (k, 0)


def scoped_failure(answer: Answer) -> list[Span]:
    """ "it was a failure at the time, but...", "a failure on the numbers, but...": the failure
    granted only in one narrow sense, then taken back."""
    out = []
    for s in answer.find(lx.SCOPED_FAILURE):
        if "but" in [t.text for t in answer.tokens[s.end : s.end + 6]]:
            out.append(s)
    return out


def no_regret(answer: Answer) -> list[Span]:
    """ "I wouldn't do it any differently", "I'd struggle to say I'd change it": the candidate's
    verdict that the "failure" was the right thing to do. The doubt and the doing are said just
    before "differently" ("they counted differently" is not a verdict)."""
    words = [t.text for t in answer.tokens]
    out = []
    for k, w in enumerate(words):
        if w != "differently":
            continue
        prev = set(words[max(0, k - REGRET_WINDOW) : k])
        if prev & lx.DOUBT_WORDS and prev & lx.DOING_WORDS:
            out.append(Span(k, k + 1))
    return out
