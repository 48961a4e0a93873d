"""Pitch and loudness steadiness over the voiced parts of a recording.

Both are 1 minus the spread of per-second medians, scaled by what we call unsteady (see
thresholds). Per-second medians, not frame values, so the natural rise and fall inside a phrase
does not count as unsteadiness; what counts is a voice that drifts, wobbles or fades.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mockmic.delivery import thresholds as T
from mockmic.delivery.voicing import FRAME_S, Mask, frame_energy_db
from mockmic.types import Recording

_WINDOW_FRAMES = 2  # 60 ms analysis window: two periods of the lowest speaking pitch
_MIN_CLARITY = 0.45  # normalised autocorrelation peak for a frame to count as pitched
_MIN_FRAMES_PER_SECOND = 5


def pitch_track(
    recording: Recording, voiced: Mask
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """(frame index, F0 in Hz) for the voiced frames with a clear pitch."""
    frame = int(recording.sample_rate * FRAME_S)
    win = frame * _WINDOW_FRAMES
    idx = np.flatnonzero(voiced)
    idx = idx[(idx + _WINDOW_FRAMES) * frame <= len(recording.samples)]
    if idx.size == 0:
        return idx.astype(np.int64), np.zeros(0)
    offsets = idx[:, None] * frame + np.arange(win)[None, :]
    x = recording.samples[offsets].astype(np.float64)
    x -= x.mean(axis=1, keepdims=True)
    x *= np.hanning(win)[None, :]
    spec = np.fft.rfft(x, n=2 * win, axis=1)
    ac = np.fft.irfft(np.abs(spec) ** 2, axis=1)[:, :win]
    ac /= ac[:, :1] + 1e-12
    lo = int(recording.sample_rate / T.PITCH_RANGE_HZ[1])
    hi = int(recording.sample_rate / T.PITCH_RANGE_HZ[0])
    lag = np.argmax(ac[:, lo:hi], axis=1) + lo
    clarity = ac[np.arange(len(lag)), lag]
    keep = clarity >= _MIN_CLARITY
    return idx[keep].astype(np.int64), recording.sample_rate / lag[keep].astype(np.float64)


def _per_second_spread(
    frames: npt.NDArray[np.int64], values: npt.NDArray[np.float64]
) -> float | None:
    seconds = (frames * FRAME_S).astype(np.int64)
    medians = [
        float(np.median(values[seconds == s]))
        for s in np.unique(seconds)
        if np.count_nonzero(seconds == s) >= _MIN_FRAMES_PER_SECOND
    ]
    if len(medians) < 3:
        return None
    return float(np.std(medians))


def _steadiness(spread: float | None, unsteady: float) -> float | None:
    if spread is None:
        return None
    return round(float(np.clip(1.0 - spread / unsteady, 0.0, 1.0)), 3)


def pitch_steadiness(recording: Recording, voiced: Mask) -> float | None:
    frames, f0 = pitch_track(recording, voiced)
    if f0.size == 0:
        return None
    semitones = 12.0 * np.log2(f0 / np.median(f0))
    return _steadiness(_per_second_spread(frames, semitones), T.PITCH_UNSTEADY_ST)


def loudness_steadiness(recording: Recording, voiced: Mask) -> float | None:
    energy = frame_energy_db(recording.samples, int(recording.sample_rate * FRAME_S))
    frames = np.flatnonzero(voiced[: len(energy)]).astype(np.int64)
    if frames.size == 0:
        return None
    return _steadiness(_per_second_spread(frames, energy[frames]), T.LOUDNESS_UNSTEADY_DB)
