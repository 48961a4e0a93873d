"""Which voiced island each transcribed word was spoken in: a monotonic alignment.

Whisper tiny.en's word times drift by 0.2-0.5 s, so giving each word to the island it overlaps
most puts a word on its neighbour's island now and then: the filler's island looks claimed and a
real word's island looks empty. Here words keep their order and each island takes a run of
consecutive words (possibly none), choosing the assignment that best agrees with both

* the times Whisper gave (how far the run's start and end are from the island's edges), and
* the island's length (how far it is from the run's syllables x the speaker's syllable rate).

An island left empty costs little when it looks like a filled pause (its length in
FILLER_MIN_S..FILLER_MAX_S) and a lot otherwise (speech with no word is rare). Dynamic
programming over (island, word) keeps it exact; a band of +-BAND_S around Whisper's times keeps
it linear in practice.

The weights were swept on bench/data/delivery (44 answers, clean and noisy; filler F1 within
0.3 s): empty-filler 0.1-2.0, time 0.5-4, length 0.5-8. Larger empty costs lose recall fast
(F1 0.31-0.52); the chosen point gave clean F1 0.63 (median 0.68), noisy 0.46, against 0.57 /
0.39 for "the island a word overlaps most".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockmic.delivery import thresholds as T
from mockmic.types import Word

BAND_S = 3.0  # a word is never more than this far from where Whisper put it
_EMPTY_FILLER = 0.3  # cost of leaving a filler-sized island without words
_EMPTY_OTHER = 4.0  # per second of an island of another size left without words
_START_WEIGHT = 4.0  # per second between the run's first word start and the island start
_END_WEIGHT = 4.0  # per second between the run's last word end and the island end
_LENGTH_WEIGHT = 4.0  # per unit of relative length disagreement
_VOWEL_WEIGHT = 1.0  # extra cost of leaving an island empty that does not sound like a filler
# Cost of giving words to an island that sounds like a filled pause (a held vowel: share 1).
# Swept 0, 0.5, 1 with the steadiness gate on (bench/data/delivery, filler F1 pooled): clean
# 0.842 / 0.806 / 0.812 before Whisper's fillers were snapped, noisy 0.827 / 0.815 / 0.818.
_CLAIM_WEIGHT = 1.0
_VOWELS = re.compile(r"[aeiouy]+")

Span = tuple[float, float]


def syllables(word: str) -> int:
    """Vowel groups in the spelling: a rough syllable count, good enough for durations."""
    w = word.lower().strip(".,?!;:\"'-")
    n = len(_VOWELS.findall(w[:-1] if w.endswith("e") and len(w) > 2 else w))
    return max(1, n)


def align(
    words: Sequence[Word],
    islands: Sequence[Span],
    vowel_shares: Sequence[float] | None = None,
    held: Sequence[float] | None = None,
) -> list[list[int]]:
    """For each island, the indices (into `words`) of the words spoken in it.

    `vowel_shares` (0..1 per island, how much it sounds like a filled pause) makes leaving a
    filler-like island empty cheaper than leaving a word-like one (a tie-breaker: "So, um" with
    Whisper's "So," stretched over both islands)."""
    timed = [i for i, w in enumerate(words) if w.start is not None and w.end is not None]
    m, n = len(islands), len(timed)
    if m == 0:
        return []
    syl = [syllables(words[i].word) for i in timed]
    total = sum(b - a for a, b in islands)
    rate = total / max(1, sum(syl))  # seconds per syllable for this speaker
    prefix = [0]
    for s in syl:
        prefix.append(prefix[-1] + s)
    starts = [float(words[i].start) for i in timed]  # type: ignore[arg-type]
    ends = [float(words[i].end) for i in timed]  # type: ignore[arg-type]

    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    lo = 0
    for k, (a, b) in enumerate(islands):
        # Words that may sit in island k: Whisper put them within BAND_S of it.
        while lo < n and ends[lo] < a - BAND_S:
            lo += 1
        hi = lo
        while hi < n and starts[hi] <= b + BAND_S:
            hi += 1
        share = vowel_shares[k] if vowel_shares is not None else 1.0
        hold = held[k] if held is not None else 0.0
        empty = _empty_cost(a, b) + _VOWEL_WEIGHT * (1.0 - share)
        row, nxt, bk = cost[k], cost[k + 1], back[k + 1]
        for j in range(n + 1):
            if row[j] == inf:
                continue
            if row[j] + empty < nxt[j]:
                nxt[j], bk[j] = row[j] + empty, j
            if j < lo or j >= hi:
                continue
            for j2 in range(j + 1, hi + 1):
                length = rate * (prefix[j2] - prefix[j])
                c = (
                    row[j]
                    + _START_WEIGHT * abs(a - starts[j])
                    + _END_WEIGHT * abs(b - ends[j2 - 1])
                )
                c += _LENGTH_WEIGHT * abs((b - a) - length) / max(b - a, 0.3)
                c += _CLAIM_WEIGHT * hold
                if c < nxt[j2]:
                    nxt[j2], bk[j2] = c, j
    j = n if cost[m][n] < inf else max(range(n + 1), key=lambda x: (cost[m][x] < inf, x))
    out: list[list[int]] = [[] for _ in range(m)]
    for k in range(m, 0, -1):
        j0 = back[k][j]
        out[k - 1] = [timed[x] for x in range(j0, j)]
        j = j0
    return out


def filler_sized(start: float, end: float) -> bool:
    """Is a stretch FILLER_MIN_S..FILLER_MAX_S long? Island edges lie on a 10 ms grid but are
    floats: 30.77 - 30.62 is 0.1499999..., and without the slack an island of exactly 0.15 s
    (an "uh" at 200 wpm) was too short (7 of bench/data/delivery's clean fillers)."""
    return T.FILLER_MIN_S - _SLACK_S <= end - start <= T.FILLER_MAX_S + _SLACK_S


_SLACK_S = 1e-6


def _empty_cost(a: float, b: float) -> float:
    if filler_sized(a, b):
        return _EMPTY_FILLER
    return _EMPTY_OTHER * (b - a)
