"""Fillers Whisper leaves out ("um", "uh"), found as voice that no transcribed word explains.

Whisper learnt from transcripts with fillers removed, so it drops most "um"s, or keeps one with a
misplaced time, and it stretches the neighbouring word over the filler ("So," from 0.0 to 1.0 s
over "So ... um"). So word spans alone cannot show the gap. The audio can:

1. split the recording into voiced islands: 10 ms frames carrying voice (webrtcvad, gated above
   the recording's noise floor), separated by silences of at least ISLAND_GAP_S;
2. give every transcribed word to the one island it overlaps most (a word does not straddle a
   silence that long, whatever Whisper's times say);
3. an island that no word claims, lasting FILLER_MIN_S..FILLER_MAX_S and mostly pitched (a
   vowel, not a breath or a click), is a filled pause: it becomes the Word "um" with
   origin="acoustic";
4. the words an island claims have their times mapped onto the island (`_anchor`): this also
   moves the fillers Whisper did keep, often 0.4 s off, onto their voice.

Fillers glued to a word with no silence between ("and-um") stay invisible to this detector; the
figures of bench/delivery.py say how often that happens. A filler prompt, the other fix people
suggest, makes Whisper invent text: it is not used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from mockmic.delivery import thresholds as T
from mockmic.delivery.voicing import runs, voiced_frames
from mockmic.transcribe.islands import align
from mockmic.types import Recording, Transcript, Word

_FRAME_S = 0.01
_MIN_PITCHED = 0.1  # share of an island's frames with a clear pitch


def add_acoustic_fillers(transcript: Transcript, recording: Recording) -> Transcript:
    """Return `transcript` with the fillers Whisper dropped added, and every word's time moved
    onto the voice it belongs to (see `_anchor`)."""
    islands = voiced_islands(recording)
    owners = align(transcript.words, islands)
    words = list(transcript.words)
    for k, (start, end) in enumerate(islands):
        claimed = owners[k]
        if claimed:
            _anchor(words, claimed, start, end)
        elif _looks_like_filler(recording, start, end):
            words.append(Word("um", start, end, None, origin="acoustic"))
    words.sort(key=lambda w: w.start if w.start is not None else 0.0)
    return replace(transcript, words=tuple(words))


def voiced_islands(recording: Recording) -> list[tuple[float, float]]:
    """(start, end) of stretches of voice separated by at least ISLAND_GAP_S of silence."""
    voiced = voiced_frames(recording, _FRAME_S, mode=2, min_voiced_s=0.05)
    gap = round(T.ISLAND_GAP_S / _FRAME_S)
    for a, b in runs(voiced, False):
        if b - a < gap and a > 0:
            voiced[a:b] = True  # a stop closure or a breath inside a word, not a gap
    return [(round(a * _FRAME_S, 3), round(b * _FRAME_S, 3)) for a, b in runs(voiced, True)]


def _claim(words: Sequence[Word], islands: list[tuple[float, float]]) -> dict[int, list[int]]:
    """Island index -> indices of the words that overlap it most."""
    starts = np.array([a for a, _ in islands])
    ends = np.array([b for _, b in islands])
    owners: dict[int, list[int]] = {}
    for i, w in enumerate(words):
        if w.start is None or w.end is None or not islands:
            continue
        overlap = np.minimum(ends, max(w.end, w.start + 0.02)) - np.maximum(starts, w.start)
        k = int(np.argmax(overlap))
        if overlap[k] > 0:
            owners.setdefault(k, []).append(i)
        else:  # a word in a silence (a zero-length time): give it the nearest island
            dist = np.minimum(np.abs(starts - w.start), np.abs(ends - w.start))
            owners.setdefault(int(np.argmin(dist)), []).append(i)
    return owners


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


def _looks_like_filler(recording: Recording, start: float, end: float) -> bool:
    if not T.FILLER_MIN_S <= end - start <= T.FILLER_MAX_S:
        return False
    a, b = int(start / _FRAME_S), int(end / _FRAME_S)
    return _pitched_share(recording.samples, recording.sample_rate, a, b) >= _MIN_PITCHED


def _pitched_share(samples: npt.NDArray[np.float32], rate: int, a: int, b: int) -> float:
    """Share of 30 ms windows in frames [a, b) whose autocorrelation shows a clear pitch."""
    frame = int(rate * _FRAME_S)
    x = samples[a * frame : b * frame].astype(np.float64)
    win = 3 * frame
    if len(x) < win:
        return 0.0
    offsets = np.arange(0, len(x) - win + 1, frame)
    w = x[offsets[:, None] + np.arange(win)[None, :]]
    w -= w.mean(axis=1, keepdims=True)
    ac = np.fft.irfft(np.abs(np.fft.rfft(w, n=2 * win, axis=1)) ** 2, axis=1)[:, :win]
    ac /= ac[:, :1] + 1e-12
    lo = int(rate / T.PITCH_RANGE_HZ[1])
    hi = min(win - 1, int(rate / T.PITCH_RANGE_HZ[0]))
    return float(np.mean(ac[:, lo:hi].max(axis=1) >= 0.5))
