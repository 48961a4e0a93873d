"""Fillers run into a word: Whisper stretches the word over them and no silence sets them off.

Whisper tiny.en writes "the" from 22.30 to 22.92 s over "the, er" (0.6 s for one syllable):
its training transcripts have no word for the filler, so the word next to it takes its time.
When nothing but voice separates the filler from the word, the voiced-island detector
(mockmic.transcribe.fillers) cannot see it either. Two pieces of evidence together can:

1. the word lasts far longer than its syllables take at this speaker's own pace: at least
   SWALLOW_MIN_RATIO times and SWALLOW_MIN_EXCESS_S more than (syllables x the median seconds
   per syllable over the answer's words, so a fast and a slow speaker are each held to
   themselves), and
2. inside the word's span there is a held vowel or nasal (mockmic.transcribe.steadiness) of at
   least FILLER_MIN_S at speaking loudness.

Either alone is common in fluent speech (a word stretched over the silence after it; a long
vowel in "so" or "now"); both together mark a filled pause. A word whose span already holds a
filler found another way is explained by it and is left alone.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from mockmic.delivery import thresholds as T
from mockmic.delivery.lexicon import norm
from mockmic.transcribe.islands import syllables
from mockmic.transcribe.steadiness import Steadiness, steady_runs
from mockmic.types import Word

Span = tuple[float, float]
# Words of filler phrases ("like", "you know", "I mean"): stretched, they are the filler itself.
_PHRASE_WORDS = frozenset({"like", "you", "know", "mean"})
# How far around a word's span a filler already found still explains its length (seconds).
_EXPLAINED_PAD_S = 0.1
# Two fillers closer than this are one (a held stretch next to a filler already found).
_SAME_FILLER_S = 0.3


def seconds_per_syllable(words: Sequence[Word]) -> float:
    """The speaker's pace: median seconds per (spelled) syllable over the timed words."""
    per = [
        (float(w.end) - float(w.start)) / syllables(w.word)
        for w in words
        if w.start is not None and w.end is not None and w.end > w.start
    ]
    return float(np.median(per)) if per else 0.0


def swallowed_fillers(
    words: Sequence[Word], steady: Steadiness, taken: Sequence[Span]
) -> list[Span]:
    """(start, end) of held vowels inside words (Whisper's own times) stretched well past their
    length, skipping words whose span already holds a filler in `taken`."""
    pace = seconds_per_syllable(words)
    out: list[Span] = []
    if pace <= 0:
        return out
    for w in words:
        if w.start is None or w.end is None or norm(w.word) in _PHRASE_WORDS:
            continue
        start, end = float(w.start), float(w.end)
        expected = syllables(w.word) * pace
        if end - start < T.SWALLOW_MIN_RATIO * expected:
            continue
        if end - start - expected < T.SWALLOW_MIN_EXCESS_S:
            continue
        found = [*taken, *out]
        if any(a < end + _EXPLAINED_PAD_S and b > start - _EXPLAINED_PAD_S for a, b in found):
            continue
        held = steady_runs(steady, start - _EXPLAINED_PAD_S, end + _EXPLAINED_PAD_S)
        if not held:
            continue
        a, b = max(held, key=lambda s: s[1] - s[0])
        if not any(a <= y + _SAME_FILLER_S and b >= x - _SAME_FILLER_S for x, y in found):
            out.append((a, b))
    return out


def uncovered_fillers(
    words: Sequence[Word], island: Span, steady: Steadiness, late: float
) -> list[Span]:
    """Held stretches of a voiced island that the words it claims leave uncovered: before the
    first word, or between two words. An echo or a fast voice can fill the silence around a
    filler, so it shares an island with its words; Whisper writes no word for it but leaves
    its words' times off it ("Uh, I listened": island from 12.92 s, "I" from 13.48 s, the "uh"
    held 12.93-13.14 s). `words` keep Whisper's own times, made `late` seconds earlier. The
    stretch after the last word is left alone: Whisper's last word often stops short of a
    word's voiced end."""
    timed = [w for w in words if w.start is not None and w.end is not None]
    if not timed:
        return []
    a, _ = island
    gaps = [(a, float(timed[0].start) - late)]  # type: ignore[arg-type]
    gaps += [
        (float(x.end) - late, float(y.start) - late)  # type: ignore[arg-type]
        for x, y in itertools.pairwise(timed)
    ]
    out: list[Span] = []
    for g0, g1 in gaps:
        if g1 - g0 < T.FILLER_MIN_S:
            continue
        held = [
            (r0, r1)
            for r0, r1 in steady_runs(steady, max(a, g0 - _EXPLAINED_PAD_S), g1 + _EXPLAINED_PAD_S)
            if min(r1, g1) - max(r0, g0) >= 0.5 * (r1 - r0)
        ]
        if held:
            out.append(max(held, key=lambda r: r[1] - r[0]))
    return out
