"""Fillers Whisper leaves out ("um", "uh"), found as voice that no transcribed word explains.

Whisper learnt from transcripts with fillers removed, so it drops most "um"s, or keeps one with a
misplaced time, and it stretches the neighbouring word over the filler ("So," from 0.0 to 1.0 s
over "So ... um"). So word spans alone cannot show the gap. The audio can:

1. split the recording into voiced islands: 10 ms frames carrying voice (webrtcvad above the
   noise floor; in noisy audio Silero, and ISLAND_ABOVE_NOISE_DB above the noise), separated by
   silences of at least ISLAND_GAP_S;
2. align the words to the islands in order (mockmic.transcribe.islands): each island takes a run
   of consecutive words, or none, agreeing best with Whisper's times and the island's length.
   Whisper's own "um"s stay out of it (their times run late); a filler phrase ("like", "you
   know") pushed one island late goes back to the empty island it was said on;
3. the words of every claimed island have their times mapped onto it (`_anchor`);
4. Whisper's "um"s take the free island next to them, or, run on with a word, start where the
   word before them ends;
5. any other island left without words, lasting FILLER_MIN_S..FILLER_MAX_S, voiced (energy
   mostly below 1 kHz) and about as loud as the speech (not a breath or a click), is a filled
   pause, the Word "um" with origin="acoustic" -- unless it sounds like the start of the next
   island (mockmic.transcribe.repeats): then it is a restarted word ("I, I just"), added as that
   word, so delivery counts a restart and not a filler.

Fillers glued to a word with no silence between ("and-um") stay invisible unless Whisper writes
them; `python bench/delivery.py --causes` counts every error by cause. A filler prompt, the other
fix people suggest, makes Whisper invent text: it is not used.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt

from mockmic.delivery import thresholds as T
from mockmic.delivery.lexicon import FILLER_SOUNDS, norm
from mockmic.delivery.voicing import frame_energy_db, is_noisy, runs, voiced_frames
from mockmic.transcribe.islands import align
from mockmic.transcribe.repeats import noise_floor, repeat_distance
from mockmic.types import Recording, Transcript, Word

_FRAME_S = 0.01


def add_acoustic_fillers(transcript: Transcript, recording: Recording) -> Transcript:
    """Return `transcript` with the fillers Whisper dropped added, and every word's time moved
    onto the voice it belongs to (see `_anchor`)."""
    islands = voiced_islands(recording)
    level = _speech_level_db(recording)
    shares = [vowel_share(recording, a, b, level) for a, b in islands]
    words = list(transcript.words)
    # Whisper's own "um"s take no part in the alignment: their times are often 0.2-0.5 s late,
    # and aligned they claim a word's island and leave the filler's empty. They come back below
    # as the spelling of the filler island they stand next to.
    sounds = [i for i, w in enumerate(words) if _is_filler_sound(w)]
    lexical = [i for i, w in enumerate(words) if not _is_filler_sound(w)]
    owners = [
        [lexical[j] for j in run] for run in align([words[i] for i in lexical], islands, shares)
    ]
    _claim_filler_phrases(words, islands, owners)
    free: list[int] = []
    for k, (start, end) in enumerate(islands):
        claimed = owners[k]
        if claimed:
            _anchor(words, claimed, start, end)
        elif T.FILLER_MIN_S <= end - start <= T.FILLER_MAX_S:
            free.append(k)
    taken = _place_whisper_fillers(words, sounds, islands, free)
    noise = noise_floor(recording)
    for k in free:
        if k not in taken and shares[k] >= T.FILLER_MIN_VOWEL_SHARE:
            start, end = islands[k]
            repeated = _repeated_word(recording, islands, owners, k, words, noise)
            words.append(Word(repeated or "um", start, end, None, origin="acoustic"))
    words.sort(key=lambda w: w.start if w.start is not None else 0.0)
    return replace(transcript, words=tuple(words))


# Filler phrases Whisper does write ("like", "you know", "I mean"): their first word, and the
# words of the phrase.
_PHRASES = {"like": 1, "you": 2, "i": 2}
_PHRASE_REST = {"you": "know", "i": "mean"}


def _claim_filler_phrases(
    words: list[Word], islands: list[tuple[float, float]], owners: list[list[int]]
) -> None:
    """Give a filler phrase back the island it was said on.

    A "like" said as a filler sounds like one long vowel, between pauses, so the alignment
    often leaves its island empty (to become an acoustic "um") and pushes "like" onto the next
    island: one filler counted twice, and at the wrong time. When an empty island is followed
    by an island whose first words are such a phrase, and Whisper put the phrase's start no
    later than PHRASE_REACH_S after the empty island ends, the phrase moves back."""
    for k in range(len(islands) - 1):
        run = owners[k + 1]
        if owners[k] or not run:
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
    words: list[Word], sounds: list[int], islands: list[tuple[float, float]], free: list[int]
) -> set[int]:
    """Move each filler Whisper wrote onto the nearest free island within
    WHISPER_FILLER_REACH_S (its own voice); return the islands so taken. A filler with no free
    island near it is run on with its neighbours, where only Whisper can hear it: it moves to
    where the word before it ends (`_after_previous`)."""
    taken: set[int] = set()
    for i in sounds:
        at = float(words[i].start)  # type: ignore[arg-type]
        near = [k for k in free if k not in taken]
        k = min(near, key=lambda k: abs(islands[k][0] - at)) if near else -1
        if k >= 0 and abs(islands[k][0] - at) <= T.WHISPER_FILLER_REACH_S:
            words[i] = replace(words[i], start=islands[k][0], end=islands[k][1])
            taken.add(k)
        else:
            words[i] = _after_previous(words, i, islands)
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
    voiced = voiced_frames(recording, _FRAME_S, mode=2, min_voiced_s=0.05, silero=T.SILERO_ISLANDS)
    energy = frame_energy_db(recording.samples, int(recording.sample_rate * _FRAME_S))
    if is_noisy(energy):
        # In noise Silero runs a filler and its neighbours into one stretch of speech; the
        # 0.1-0.2 s gaps around the filler still sink to the noise floor (its quietest tenth).
        floor = float(np.percentile(energy, 10))
        voiced[: len(energy)] &= energy > floor + T.ISLAND_ABOVE_NOISE_DB
    gap = round(T.ISLAND_GAP_S / _FRAME_S)
    for a, b in runs(voiced, False):
        if b - a < gap and a > 0:
            voiced[a:b] = True  # a stop closure or a breath inside a word, not a gap
    return [(round(a * _FRAME_S, 3), round(b * _FRAME_S, 3)) for a, b in runs(voiced, True)]


def _anchor(words: list[Word], claimed: list[int], start: float, end: float) -> None:
    """Map the Whisper times of the words an island claims linearly onto the island.

    tiny.en's word times drift by 0.2-0.5 s and stretch over silences (jfk.flac: "ask" from
    2.26 s, in a pause that ends at 3.27 s), but the island edges are exact: the first claimed
    word starts where the voice starts, the last ends where it stops."""
    w0 = min(float(words[i].start) for i in claimed)  # type: ignore[arg-type]
    w1 = max(float(words[i].end) for i in claimed)  # type: ignore[arg-type]
    scale = (end - start) / (w1 - w0) if w1 > w0 else 0.0
    for i in claimed:
        w = words[i]
        a = start + (float(w.start) - w0) * scale  # type: ignore[arg-type]
        b = start + (float(w.end) - w0) * scale if scale else end  # type: ignore[arg-type]
        words[i] = replace(w, start=round(a, 3), end=round(b, 3))


def vowel_share(recording: Recording, start: float, end: float, level_db: float) -> float:
    """Share of the island's 30 ms frames that sound like a filled pause: a voiced vowel or nasal
    (most energy below FILLER_LOW_HZ) at speaking loudness. 1.0 for a clean "um"; a word that
    starts or ends with a consonant ("so", "what") scores lower; a breath or a fricative left
    over from a word (jfk.flac has both) scores near 0."""
    if not T.FILLER_MIN_S <= end - start <= T.FILLER_MAX_S:
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
