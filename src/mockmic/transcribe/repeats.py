"""Does a stretch of voice sound like the start of the next one? A restart ("I, I just") does.

A restart leaves a voiced island no transcribed word explains, just like a dropped "um": Whisper
writes "I just" once. But a restart repeats the word that follows, so its spectrum, frame by
frame, matches the start of the next island, and a filled pause's does not. The distance is the
mean per-frame distance of the best time warping (DTW) between the island and the start of the
next island, on mel-cepstra (c1-c12) of band energies with the recording's noise floor taken
out: the shape of the spectrum, not its loudness or pitch.

Measured on bench/data/delivery (free islands followed by a claimed one within 1 s):

    clean   restarts median 1.22 (90th pct 2.07)   fillers 5th pct 2.08, 10th 2.75 (median 4.05)
    noisy   restarts median 1.78 (75th pct 2.41)   fillers 5th pct 2.10, 10th 2.47 (median 3.65)
(with log-spaced bands and no cepstrum, restarts and fillers overlapped more in noise: medians
2.90 against fillers' 5th percentile 2.61).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mockmic.types import Recording


def _mel(hz: float) -> float:
    return float(2595.0 * np.log10(1.0 + hz / 700.0))


_WIN = 400  # 25 ms at 16 kHz
_HOP = 160  # 10 ms
# 24 mel-spaced bands over the voice's range: wider than the harmonics at every frequency, so the
# pitch (which differs between a restart said with a comma and the word said again) drops out.
_BANDS = 700.0 * (10 ** (np.linspace(_mel(100.0), _mel(5000.0), 25) / 2595.0) - 1.0)
# Cepstral coefficients 1-12 of the log bands: the shape of the spectrum (the vowel), not its
# level (coefficient 0).
_DCT = np.cos(np.pi * (np.arange(24)[None, :] + 0.5) * np.arange(1, 13)[:, None] / 24)
_RANGE = 1e-3  # energies kept within 30 dB of the loudest band of the stretch
_NOISE_PERCENTILE = 10

Array = npt.NDArray[np.float64]


def band_energies(samples: npt.NDArray[np.float32], rate: int) -> Array:
    """(frames, 24) band energies of 25 ms frames every 10 ms."""
    x = samples.astype(np.float64)
    n = (len(x) - _WIN) // _HOP + 1
    if n <= 0:
        return np.zeros((0, len(_BANDS) - 1))
    idx = np.arange(_WIN)[None, :] + _HOP * np.arange(n)[:, None]
    spec = np.abs(np.fft.rfft(x[idx] * np.hanning(_WIN), axis=1)) ** 2
    freqs = np.fft.rfftfreq(_WIN, 1.0 / rate)
    band = np.digitize(freqs, _BANDS) - 1
    out = np.zeros((n, len(_BANDS) - 1))
    for b in range(len(_BANDS) - 1):
        out[:, b] = spec[:, band == b].sum(axis=1)
    return out


def noise_floor(recording: Recording) -> Array:
    """Per-band energy of the recording's quietest frames (its background)."""
    return floor_of(band_energies(recording.samples, recording.sample_rate))


def floor_of(energies: Array) -> Array:
    """Per-band energy of the quietest frames of `energies` (band_energies of a recording)."""
    if energies.size == 0:
        return np.zeros(len(_BANDS) - 1)
    return np.asarray(np.percentile(energies, _NOISE_PERCENTILE, axis=0), dtype=np.float64)


def _features(recording: Recording, start: float, end: float, noise: Array) -> Array:
    rate = recording.sample_rate
    bands = band_energies(recording.samples[int(start * rate) : int(end * rate)], rate)
    if bands.size == 0:
        return bands
    bands = np.maximum(bands - 2.0 * noise, _RANGE * bands.max() + 1e-10)
    return np.asarray(np.log(bands) @ _DCT.T * np.sqrt(2.0 / 24), dtype=np.float64)


def cepstra(bands: Array, noise: Array) -> Array:
    """Mel-cepstra c1-c12 of every frame of `bands`, noise floor taken out; each frame keeps
    band energies within 30 dB of its own loudest band."""
    if bands.size == 0:
        return np.zeros((0, _DCT.shape[0]))
    clean = np.maximum(bands - 2.0 * noise, _RANGE * bands.max(axis=1, keepdims=True) + 1e-10)
    return np.asarray(np.log(clean) @ _DCT.T * np.sqrt(2.0 / 24), dtype=np.float64)


def repeat_distance(
    recording: Recording,
    island: tuple[float, float],
    following: tuple[float, float],
    noise: Array,
) -> float:
    """DTW distance between `island` and the start of `following` (open end: the island may
    match any first part of it up to 1.6x its length). Lower is more alike; inf when either
    is too short to compare."""
    a, b = island
    c, d = following
    x = _features(recording, a, b, noise)
    y = _features(recording, c, min(d, c + 1.6 * (b - a)), noise)
    if len(x) < 3 or len(y) < 3:
        return float("inf")
    cost = np.sqrt(((x[:, None, :] - y[None, :, :]) ** 2).sum(axis=-1))
    acc = np.full((len(x) + 1, len(y) + 1), np.inf)
    acc[0, 0] = 0.0
    for i in range(1, len(x) + 1):
        row, prev = acc[i], acc[i - 1]
        for j in range(1, len(y) + 1):
            row[j] = cost[i - 1, j - 1] + min(prev[j], row[j - 1], prev[j - 1])
    steps = len(x) + np.arange(1, len(y) + 1)
    return float(np.min(acc[len(x), 1:] / steps))
