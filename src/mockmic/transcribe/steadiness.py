"""How steady the spectrum of a stretch of voice is: a filled pause holds one vowel or a nasal.

A filled pause ("um", "uh", "er") is a held vowel or nasal murmur: its spectral envelope barely
moves for 0.2-0.6 s, where a word moves from consonant to vowel to consonant every 50-100 ms.
Goto, Itou & Hayamizu (1999, "A real-time filled pause detection system for spontaneous speech
recognition") detect filled pauses by exactly this, small spectral-envelope deformation over a
sustained stretch; Shriberg (2001) reports filled pauses longer and flatter than the same vowels
inside words.

Spectral change is the distance between mel-cepstra 60 ms apart (mockmic.transcribe.repeats:
noise floor taken out, loudness and pitch left out) of band energies averaged over 30 ms, frame
by frame, divided by its median over all of the recording's voice. The ratio compares a stretch
with the same speaker in the same recording, so it does not depend on the voice or the
microphone: about 0.1-0.4 for a held filler, about 1 for words. Noise makes every frame move a
little, so a noisy recording (the same test as mockmic.delivery.voicing) gets a higher bound
(thresholds.FILLER_MAX_CHANGE_*).

Why 30 ms averages 60 ms apart, not single frames 40 ms apart: a breathy voice (aspiration
noise in every formant: espeak-ng's female variants, many real voices) and background noise
make a single 25 ms frame's band energies jump at random, in a held vowel as much as anywhere.
Averaging three frames calms that, and a 60 ms step still spans a phone change inside a word
(phones last 50-100 ms), so words move as much as before. On bench/data/delivery, with the
bound at the 2nd percentile of words, the share of um/uh/er that count as held went 85% -> 96%
(clean; en+f3 40% -> 98%) and 78% -> 87% (pink noise).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mockmic.delivery import thresholds as T
from mockmic.delivery.voicing import is_noisy, runs
from mockmic.transcribe.repeats import cepstra

Array = npt.NDArray[np.float64]
_HOP_S = 0.01  # repeats.band_energies: one frame every 10 ms
_LAG = 3  # frames each side: change over 60 ms
_AVERAGE = 3  # frames of band energy averaged before the change is taken (30 ms)
_SMOOTH = 5  # frames of the moving median in `steady_runs` (one odd frame does not cut a run)


@dataclass(frozen=True)
class Steadiness:
    """Spectral change per 10 ms frame of a recording, relative to its speech."""

    change: Array  # per frame, over the typical change of the recording's voice; inf at edges
    loud: npt.NDArray[np.bool_]  # per frame: at speaking loudness (not a breath, not the noise)
    bound: float  # a stretch changing at most this much is held (FILLER_MAX_CHANGE_*)

    def ratio(self, start: float, end: float) -> float:
        """Median relative change over [start, end]; inf when too short to measure."""
        seg = self.change[_frame(start) : _frame(end)]
        seg = seg[np.isfinite(seg)]
        return float(np.median(seg)) if seg.size else float("inf")

    def held(self, start: float, end: float) -> bool:
        return self.ratio(start, end) <= self.bound


def measure(bands: Array, noise: Array, islands: list[tuple[float, float]]) -> Steadiness:
    """Steadiness of a recording from its band energies (repeats.band_energies), its noise floor
    (repeats.floor_of) and its voiced islands (the speech the change is compared with)."""
    if _AVERAGE > 1 and len(bands) >= _AVERAGE:
        kernel = np.ones(_AVERAGE) / _AVERAGE
        bands = np.apply_along_axis(np.convolve, 0, bands, kernel, mode="same")
    cep = cepstra(bands, noise)
    flux = np.full(len(cep), np.inf)
    if len(cep) > 2 * _LAG:
        flux[_LAG:-_LAG] = np.sqrt(((cep[2 * _LAG :] - cep[: -2 * _LAG]) ** 2).sum(axis=1))
    voiced = np.zeros(len(flux), dtype=np.bool_)
    for a, b in islands:
        voiced[_frame(a) : _frame(b)] = True
    values = flux[voiced & np.isfinite(flux)]
    typical = float(np.median(values)) if values.size else 0.0
    change = flux / typical if typical > 0 else np.full(len(flux), np.inf)
    level = 10.0 * np.log10(bands.sum(axis=1) + 1e-12) if len(bands) else np.zeros(0)
    loud = (
        level >= np.percentile(level, 90) - T.FILLER_MAX_QUIETER_DB
        if level.size
        else np.zeros(0, dtype=np.bool_)
    )
    noisy = is_noisy(level)
    bound = T.FILLER_MAX_CHANGE_NOISY if noisy else T.FILLER_MAX_CHANGE_QUIET
    return Steadiness(change=change, loud=loud, bound=bound)


def steady_runs(steady: Steadiness, start: float, end: float) -> list[tuple[float, float]]:
    """Stretches of [start, end], at least FILLER_MIN_S long and at speaking loudness, whose
    change (a moving median over 50 ms) stays within the bound: held vowels or nasals."""
    lo = max(0, _frame(start))
    hi = min(len(steady.change), _frame(end))
    if hi - lo < _SMOOTH:
        return []
    padded = np.pad(steady.change[lo:hi], _SMOOTH // 2, mode="edge")
    smooth = np.median(np.lib.stride_tricks.sliding_window_view(padded, _SMOOTH), axis=1)
    mask = (smooth <= steady.bound) & steady.loud[lo:hi]
    return [
        (round((lo + a) * _HOP_S, 3), round((lo + b) * _HOP_S, 3))
        for a, b in runs(mask, True)
        if (b - a) * _HOP_S >= T.FILLER_MIN_S - 1e-9
    ]


def _frame(t: float) -> int:
    return round(t / _HOP_S)
