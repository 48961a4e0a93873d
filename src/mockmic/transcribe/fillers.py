"""Fillers Whisper leaves out ("um", "uh"), found as held voice that no transcribed word explains.

Whisper learnt from transcripts with fillers removed, so it drops most "um"s, or keeps one with a
misplaced time, and it stretches the neighbouring word over the filler ("So," from 0.0 to 1.0 s
over "So ... um"). So word spans alone cannot show the gap. The audio can:

1. split the recording into voiced islands: 10 ms frames carrying voice (webrtcvad above the
   noise floor; in noisy audio Silero, and ISLAND_ABOVE_NOISE_DB above the noise, blips shorter
   than ISLAND_MIN_VOICED_S dropped), separated by silences of at least ISLAND_GAP_S;
2. measure how much each island sounds like a filled pause: voiced, at speaking level
   (`vowel_share`), and held still (mockmic.transcribe.steadiness: its spectrum changes at most
   FILLER_MAX_CHANGE_* of the speaker's typical change);
3. align the words to the islands in order (mockmic.transcribe.islands): each island takes a run
   of consecutive words, or none, agreeing best with Whisper's times and the island's length,
   and giving words to a held island costs. Whisper's own "um"s stay out of it (their times run
   late); a filler phrase ("like", "you know") pushed one island late, or pulled one early,
   goes back to the empty island it was said on;
4. the words of every claimed island have their times mapped onto it (`_anchor`);
5. Whisper's "um"s move onto the held voice they were said on: a free held island or a held
   stretch inside a word's island, ending about WHISPER_FILLER_LATE_S before Whisper's end;
6. any other island left without words, FILLER_MIN_S..FILLER_MAX_S long and held, is a filled
   pause, the Word "um" with origin="acoustic" -- unless it sounds like the start of the next
   island (mockmic.transcribe.repeats): then it is a restarted word ("I, I just"), added as that
   word, so delivery counts a restart and not a filler;
7. a filler run on with a word, with no silence to make an island of its own, shows as a word
   Whisper stretched far past its syllables with a held stretch inside, or as a held stretch
   at the start of an island, or between two of its words, that Whisper's word times leave
   uncovered (mockmic.transcribe.swallowed).

`python bench/delivery.py --causes` counts every remaining error by cause. A filler prompt, the
other fix people suggest, makes Whisper invent text: it is not used.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt

from mockmic.delivery import thresholds as T
from mockmic.delivery.lexicon import FILLER_SOUNDS, find_fillers, norm
from mockmic.delivery.voicing import frame_energy_db, is_noisy, runs, voiced_frames
from mockmic.transcribe.islands import align, filler_sized
from mockmic.transcribe.repeats import band_energies, floor_of, repeat_distance
from mockmic.transcribe.steadiness import Steadiness, measure, steady_runs
from mockmic.transcribe.swallowed import swallowed_fillers, uncovered_fillers
from mockmic.types import Recording, Transcript, Word

_FRAME_S = 0.01
_LEAD_S = 0.05  # a held stretch starting this close to its island's start opens the island
_SAME_S = 0.3  # a filler Whisper wrote this close to a held stretch is that stretch


def add_acoustic_fillers(transcript: Transcript, recording: Recording) -> Transcript:
    """Return `transcript` with the fillers Whisper dropped added, and every word's time moved
    onto the voice it belongs to (see `_anchor`)."""
    islands = voiced_islands(recording)
    level = _speech_level_db(recording)
    bands = band_energies(recording.samples, recording.sample_rate)
    noise = floor_of(bands)
    steady = measure(bands, noise, islands)
    # How much each island sounds like a filled pause: a voiced vowel at speaking level
    # (vowel_share) that holds still (steadiness); a word's island moves and scores 0.
    voiced = [vowel_share(recording, a, b, level) for a, b in islands]
    shares = [v if steady.held(a, b) else 0.0 for v, (a, b) in zip(voiced, islands, strict=True)]
    words = list(transcript.words)
    # Whisper's own "um"s take no part in the alignment: their times are often 0.2-0.5 s late,
    # and aligned they claim a word's island and leave the filler's empty. They come back below
    # on the held voice next to where Whisper put them.
    sounds = [i for i, w in enumerate(words) if _is_filler_sound(w)]
    lexical = [i for i, w in enumerate(words) if not _is_filler_sound(w)]
    owners = [
        [lexical[j] for j in run]
        for run in align([words[i] for i in lexical], islands, voiced, shares)
    ]
    _claim_filler_phrases(words, islands, owners, [x >= T.FILLER_MIN_VOWEL_SHARE for x in shares])
    free: list[int] = []
    uncovered: list[tuple[float, float]] = []
    for k, (start, end) in enumerate(islands):
        claimed = owners[k]
        if claimed:
            late = T.WHISPER_WORD_LATE_S
            spans = uncovered_fillers([words[i] for i in claimed], (start, end), steady, late)
            uncovered += spans
            # A filler that opens the island: its first word starts after it.
            lead = next((b for a, b in spans if a <= start + _LEAD_S), start)
            _anchor(words, claimed, lead, end)
        elif filler_sized(start, end):
            free.append(k)
    held = [k for k in free if shares[k] >= T.FILLER_MIN_VOWEL_SHARE]
    taken = _place_whisper_fillers(words, sounds, islands, held, steady)
    placed = [(float(words[i].start), float(words[i].end)) for i in sounds]  # type: ignore[arg-type]
    for start, end in uncovered:
        if not any(a < end + _SAME_S and b > start - _SAME_S for a, b in placed):
            words.append(Word("um", start, end, None, origin="acoustic"))
    for k in free:
        if k in taken or voiced[k] < T.FILLER_MIN_VOWEL_SHARE:
            continue
        # A restart ("We, we") moves like the word it repeats: not held, still not a filler.
        repeated = _repeated_word(recording, islands, owners, k, words, noise)
        if repeated or k in held:
            start, end = islands[k]
            words.append(Word(repeated or "um", start, end, None, origin="acoustic"))
    # Fillers found so far, and restarts: either explains a word Whisper stretched over it.
    found = [(m.start, m.end or m.start) for m in find_fillers(words) if m.start is not None]
    found += [
        (w.start, w.end or w.start) for w in words if w.origin == "acoustic" and w.start is not None
    ]
    spoken = [transcript.words[i] for i in lexical]  # Whisper's own times: stretched or not
    for start, end in swallowed_fillers(spoken, steady, found):
        words.append(Word("um", start, end, None, origin="acoustic"))
    words.sort(key=lambda w: w.start if w.start is not None else 0.0)
    return replace(transcript, words=tuple(words))


# Filler phrases Whisper does write ("like", "you know", "I mean"): their first word, and the
# words of the phrase.
_PHRASES = {"like": 1, "you": 2, "i": 2}
_PHRASE_REST = {"you": "know", "i": "mean"}


def _claim_filler_phrases(
    words: list[Word],
    islands: list[tuple[float, float]],
    owners: list[list[int]],
    held: list[bool],
) -> None:
    """Give a filler phrase back the island it was said on.

    A "like" said as a filler sounds like one long vowel, between pauses, so the alignment
    often leaves its island empty (to become an acoustic "um") and pushes "like" onto the next
    island: one filler counted twice, and at the wrong time. When an empty island is followed
    by an island whose first words are such a phrase, and Whisper put the phrase's start no
    later than PHRASE_REACH_S after the empty island ends, the phrase moves back -- unless the
    empty island holds its vowel (steadiness.py): that is an "uh" of its own ("and, uh, like",
    syn_fillers.wav), and "like" stays on its island."""
    for k in range(len(islands) - 1):
        run = owners[k + 1]
        if owners[k] or not run or held[k]:
            continue
        first = norm(words[run[0]].word)
        n = _PHRASES.get(first, 0)
        if not n or len(run) < n:
            continue
        if n == 2 and norm(words[run[1]].word) != _PHRASE_REST[first]:
            continue
        at = words[run[0]].start
        if at is not None and at <= islands[k][1] + T.PHRASE_REACH_S:
            owners[k], owners[k + 1] = run[:n], run[n:]
    _claim_forward(words, islands, owners, held)


def _claim_forward(
    words: list[Word],
    islands: list[tuple[float, float]],
    owners: list[list[int]],
    held: list[bool],
) -> None:
    """The mirror case: a filler phrase the alignment pulled one island early, onto the end of
    the words before it, leaving the island it was said on empty ("broke the like, login":
    "like" on the island of "broke the", its own island empty). It moves forward when the
    middle of Whisper's time for it is nearer the empty island than the one it sits on."""
    for k in range(len(islands) - 1):
        run = owners[k]
        if owners[k + 1] or not run or held[k + 1]:
            continue
        n = _phrase_at_end(words, run)
        if not n:
            continue
        first, last = words[run[-n]], words[run[-1]]
        if first.start is None or last.end is None:
            continue
        middle = (float(first.start) + float(last.end)) / 2 - T.WHISPER_WORD_LATE_S
        if middle >= (islands[k][1] + islands[k + 1][0]) / 2:
            owners[k], owners[k + 1] = run[:-n], run[-n:]


def _phrase_at_end(words: list[Word], run: list[int]) -> int:
    """How many words of a filler phrase end `run` (0: none)."""
    last = norm(words[run[-1]].word)
    if last == "like":
        return 1
    if len(run) >= 2 and last in _PHRASE_REST.values():
        first = norm(words[run[-2]].word)
        return 2 if _PHRASE_REST.get(first) == last else 0
    return 0


def _repeated_word(
    recording: Recording,
    islands: list[tuple[float, float]],
    owners: list[list[int]],
    k: int,
    words: list[Word],
    noise: npt.NDArray[np.float64],
) -> str | None:
    """The word island `k` repeats when it sounds like the start of the next island (a restart,
    "I, I just"), written as a word of its own ("I,"); None when it does not."""
    if k + 1 >= len(islands) or not owners[k + 1]:
        return None
    if islands[k + 1][0] - islands[k][1] > T.RESTART_MAX_GAP_S:
        return None
    if repeat_distance(recording, islands[k], islands[k + 1], noise) > T.RESTART_MAX_DISTANCE:
        return None
    return words[owners[k + 1][0]].word.strip(".,?!;:") + ","


def _is_filler_sound(word: Word) -> bool:
    return word.start is not None and norm(word.word) in FILLER_SOUNDS


def _place_whisper_fillers(
    words: list[Word],
    sounds: list[int],
    islands: list[tuple[float, float]],
    free: list[int],
    steady: Steadiness,
) -> set[int]:
    """Move each filler Whisper wrote onto the held voice it was said on; return the free
    islands so taken.

    Whisper's filler times run late, its start more than its end (bench/data/delivery, 76
    fillers it wrote: start 0.2 s late in the median, 0.6 s at the 90th percentile; end 0.18 s
    late, -0.1..0.33 s for 90%). So the filler is looked for ending WHISPER_FILLER_LATE_S
    before Whisper's end, within WHISPER_FILLER_REACH_S: a free filler island, or a held
    stretch inside a word's island (a filler run on with its neighbours, steadiness.py). With
    neither, it starts where the word before it ends (`_after_previous`)."""
    taken: set[int] = set()
    used: list[tuple[float, float]] = []
    reach = T.WHISPER_FILLER_REACH_S
    for i in sounds:
        w = words[i]
        target = float(w.end if w.end is not None else w.start) - T.WHISPER_FILLER_LATE_S  # type: ignore[arg-type]
        spans = [islands[k] for k in free if k not in taken]
        spans += [
            (a, b)
            for a, b in steady_runs(steady, target - 2 * reach, target + reach)
            if not any(a < y and b > x for x, y in used)
        ]
        spans = [s for s in spans if abs(s[1] - target) <= reach]
        if not spans:
            words[i] = _after_previous(words, i, islands)
            continue
        a, b = min(spans, key=lambda s: abs(s[1] - target))
        words[i] = replace(w, start=round(a, 3), end=round(b, 3))
        used.append((a, b))
        # The free island itself, or one under a held stretch (most of it): either is this
        # filler, and left free it would be counted again as an acoustic "um".
        taken.update(j for j in free if islands[j][0] < b and islands[j][1] > a)
    return taken


def _after_previous(words: list[Word], i: int, islands: list[tuple[float, float]]) -> Word:
    """Whisper starts a filler it hears inside running speech where the next word begins,
    0.2-0.6 s late; the filler starts where the word before it ends (measured on
    bench/data/delivery: "mobile," ends at 5.24 s, the "um" after it is said at 5.24 s and
    written at 5.68 s). The word before has already been moved onto its voice; if it ends in
    a silence, the filler starts with the next voice."""
    filler = words[i]
    at = float(filler.start)  # type: ignore[arg-type]
    prev = next(
        (w for w in reversed(words[:i]) if w.end is not None and not _is_filler_sound(w)), None
    )
    if prev is None or float(prev.end) >= at:  # type: ignore[arg-type]
        return filler
    start = float(prev.end)  # type: ignore[arg-type]
    if not any(a <= start < b for a, b in islands):
        start = next((a for a, _ in islands if a > start), at)
    start = min(start, at)
    return replace(filler, start=round(start, 3), end=max(float(filler.end or at), start))


def voiced_islands(recording: Recording) -> list[tuple[float, float]]:
    """(start, end) of stretches of voice separated by at least ISLAND_GAP_S of silence."""
    voiced = voiced_frames(recording, _FRAME_S, mode=2, min_voiced_s=0.05)
    energy = frame_energy_db(recording.samples, int(recording.sample_rate * _FRAME_S))
    if is_noisy(energy):
        # In noise Silero runs a filler and its neighbours into one stretch of speech; the
        # 0.1-0.2 s gaps around the filler still sink to the noise floor (its quietest tenth).
        floor = float(np.percentile(energy, 10))
        voiced[: len(energy)] &= energy > floor + T.ISLAND_ABOVE_NOISE_DB
        # A 10-50 ms blip of noise over that bound inside a gap is not voice: left in, it cuts
        # the gap into pieces shorter than ISLAND_GAP_S, which are closed below, and the filler
        # joins its neighbours again.
        for a, b in runs(voiced, True):
            if b - a < round(T.ISLAND_MIN_VOICED_S / _FRAME_S):
                voiced[a:b] = False
    gap = round(T.ISLAND_GAP_S / _FRAME_S)
    for a, b in runs(voiced, False):
        if b - a < gap and a > 0:
            voiced[a:b] = True  # a stop closure or a breath inside a word, not a gap
    return [(round(a * _FRAME_S, 3), round(b * _FRAME_S, 3)) for a, b in runs(voiced, True)]


def _anchor(words: list[Word], claimed: list[int], start: float, end: float) -> None:
    """Move the words an island claims onto it: the first starts where the voice starts, the
    last ends where it stops, and the words between keep Whisper's own times, made
    WHISPER_WORD_LATE_S earlier and kept inside the island.

    The island edges are exact, but tiny.en stretches the words at an island's edges over the
    silence next to them (jfk.flac: "ask" from 2.26 s, in a pause that ends at 3.27 s), so
    mapping the run's span linearly onto the island (the old way) carried that stretch into
    every word inside: on bench/data/delivery (clean) 18% of word starts ended up more than
    0.3 s off, against 7.5% for Whisper's raw starts and 4.9% this way."""
    late = T.WHISPER_WORD_LATE_S
    last = len(claimed) - 1
    for n, i in enumerate(claimed):
        w = words[i]
        a = start if n == 0 else min(max(float(w.start) - late, start), end)  # type: ignore[arg-type]
        b = end if n == last else min(max(float(w.end) - late, a), end)  # type: ignore[arg-type]
        words[i] = replace(w, start=round(a, 3), end=round(b, 3))


def vowel_share(recording: Recording, start: float, end: float, level_db: float) -> float:
    """Share of the island's 30 ms frames that sound like a filled pause: a voiced vowel or nasal
    (most energy below FILLER_LOW_HZ) at speaking loudness. 1.0 for a clean "um"; a word that
    starts or ends with a consonant ("so", "what") scores lower; a breath or a fricative left
    over from a word (jfk.flac has both) scores near 0."""
    if not filler_sized(start, end):
        return 0.0
    rate = recording.sample_rate
    x = recording.samples[int(start * rate) : int(end * rate)].astype(np.float64)
    frame = int(rate * _FRAME_S) * 3
    if len(x) < frame:
        return 0.0
    frames = x[: len(x) // frame * frame].reshape(-1, frame)
    spec = np.abs(np.fft.rfft(frames * np.hanning(frame), axis=1)) ** 2
    cut = int(T.FILLER_LOW_HZ * frame / rate)
    low = spec[:, :cut].sum(axis=1) / (spec.sum(axis=1) + 1e-12)
    loud = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12) >= level_db - T.FILLER_MAX_QUIETER_DB
    return float(np.mean((low >= T.FILLER_MIN_LOW_SHARE) & loud))


def _speech_level_db(recording: Recording) -> float:
    """Loudness of the recording's louder speech: the 90th percentile of 30 ms frame levels."""
    frame = int(recording.sample_rate * 0.03)
    n = len(recording.samples) // frame
    x = recording.samples[: n * frame].astype(np.float64).reshape(n, frame)
    return float(np.percentile(10 * np.log10(np.mean(x**2, axis=1) + 1e-12), 90))
