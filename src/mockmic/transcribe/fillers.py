"""Fillers Whisper leaves out ("um", "uh"), found in the voiced gaps between its words.

Whisper learnt from transcripts with fillers removed, so it drops most "um"s, or keeps one with a
zero-length or misplaced timestamp. The audio still holds them: a filled pause is a stretch of
voice that no transcribed word accounts for. So:

1. mark 10 ms frames that carry voice (webrtcvad, gated above the recording's noise floor);
2. mark the frames the transcribed words cover (their start..end, as Whisper times them);
3. every run of voiced, uncovered frames lasting FILLER_MIN_S..FILLER_MAX_S is a filler
   candidate; a candidate without a clear pitch (breath, click, noise) is dropped;
4. a filler Whisper did keep near a candidate is moved onto it (its own time is often wrong);
   the other candidates become Words "um" with origin="acoustic".

Alternatives measured on bench/delivery.py (see its README section in the module docstring):
Whisper alone, and a prompt full of fillers (which invents words: never the default).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt
import webrtcvad

from mockmic.delivery import thresholds as T
from mockmic.delivery.lexicon import FILLER_SOUNDS, norm
from mockmic.delivery.voicing import frame_energy_db, runs
from mockmic.types import Recording, Transcript, Word

_FRAME_S = 0.01
# A voiced frame stands this far above the quietest tenth of the recording (heuristic).
_ABOVE_FLOOR_DB = 12.0
# A Whisper-kept filler this close to a candidate is the same filler, mistimed.
_SAME_FILLER_S = 0.6
_MIN_PITCHED = 0.5  # share of a candidate's frames with a clear pitch


def add_acoustic_fillers(transcript: Transcript, recording: Recording) -> Transcript:
    """Return `transcript` with the fillers Whisper dropped added (and kept ones re-timed)."""
    candidates = filler_candidates(transcript.words, recording)
    words = list(transcript.words)
    for start, end in candidates:
        kept = _nearest_kept_filler(words, (start + end) / 2)
        if kept is not None:
            words[kept] = replace(words[kept], start=start, end=end)
        else:
            words.append(Word("um", start, end, None, origin="acoustic"))
    words.sort(key=lambda w: (w.start if w.start is not None else 0.0))
    return replace(transcript, words=tuple(words))


def filler_candidates(words: tuple[Word, ...], recording: Recording) -> list[tuple[float, float]]:
    """(start, end) of voiced stretches that no non-filler word covers."""
    voiced = _voiced_10ms(recording)
    covered = np.zeros_like(voiced)
    for w in words:
        if w.start is None or w.end is None or norm(w.word) in FILLER_SOUNDS:
            continue
        covered[int(w.start / _FRAME_S) : int(np.ceil(w.end / _FRAME_S))] = True
    lo = round(T.FILLER_MIN_S / _FRAME_S)
    hi = round(T.FILLER_MAX_S / _FRAME_S)
    out = []
    for a, b in runs(voiced & ~covered, True):
        if lo <= b - a <= hi and _pitched_share(recording, a, b) >= _MIN_PITCHED:
            out.append((round(a * _FRAME_S, 3), round(b * _FRAME_S, 3)))
    return out


def _nearest_kept_filler(words: list[Word], at: float) -> int | None:
    best, best_d = None, _SAME_FILLER_S
    for i, w in enumerate(words):
        if w.origin == "asr" and w.start is not None and norm(w.word) in FILLER_SOUNDS:
            d = abs(w.start - at)
            if d <= best_d:
                best, best_d = i, d
    return best


def _voiced_10ms(recording: Recording) -> npt.NDArray[np.bool_]:
    frame = int(recording.sample_rate * _FRAME_S)
    pcm = (np.clip(recording.samples, -1.0, 1.0) * 32767).astype(np.int16)
    n = len(pcm) // frame
    raw = pcm[: n * frame].tobytes()
    vad = webrtcvad.Vad(2)
    step = 2 * frame
    speech = np.fromiter(
        (vad.is_speech(raw[i * step : (i + 1) * step], recording.sample_rate) for i in range(n)),
        dtype=np.bool_,
        count=n,
    )
    energy = frame_energy_db(recording.samples, frame)
    floor = float(np.percentile(energy, 10)) if n else 0.0
    return speech & (energy > floor + _ABOVE_FLOOR_DB)


def _pitched_share(recording: Recording, a: int, b: int) -> float:
    """Share of 30 ms windows in frames [a, b) whose autocorrelation shows a clear pitch."""
    frame = int(recording.sample_rate * _FRAME_S)
    x = recording.samples[a * frame : b * frame].astype(np.float64)
    win = 3 * frame
    if len(x) < win:
        return 0.0
    starts = np.arange(0, len(x) - win + 1, frame)
    w = x[starts[:, None] + np.arange(win)[None, :]]
    w -= w.mean(axis=1, keepdims=True)
    ac = np.fft.irfft(np.abs(np.fft.rfft(w, n=2 * win, axis=1)) ** 2, axis=1)[:, :win]
    ac /= ac[:, :1] + 1e-12
    lo = int(recording.sample_rate / T.PITCH_RANGE_HZ[1])
    hi = min(win - 1, int(recording.sample_rate / T.PITCH_RANGE_HZ[0]))
    return float(np.mean(ac[:, lo:hi].max(axis=1) >= 0.5))
