"""Which 30 ms frames of a recording carry voice: webrtcvad gated by a noise-floor energy check.

webrtcvad alone marks steady background noise as speech, which would hide pauses in a noisy room;
requiring the frame to stand above the recording's own noise floor keeps them visible.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import webrtcvad

from mockmic.delivery import thresholds as T
from mockmic.types import Recording

Mask = npt.NDArray[np.bool_]
FRAME_S = T.VAD_FRAME_MS / 1000.0
# A voiced frame must be this far above the quietest tenth of the recording (heuristic).
_ABOVE_FLOOR_DB = 9.0


def frame_energy_db(samples: npt.NDArray[np.float32], frame: int) -> npt.NDArray[np.float64]:
    n = len(samples) // frame
    frames = samples[: n * frame].reshape(n, frame).astype(np.float64)
    energy: npt.NDArray[np.float64] = 10.0 * np.log10(np.mean(frames**2, axis=1) + 1e-10)
    return energy


def voiced_frames(
    recording: Recording,
    frame_s: float = FRAME_S,
    mode: int = T.VAD_MODE,
    min_voiced_s: float = T.MIN_VOICED_S,
) -> Mask:
    """One bool per `frame_s` frame (10, 20 or 30 ms): True where someone is speaking."""
    frame = int(recording.sample_rate * frame_s)
    pcm = (np.clip(recording.samples, -1.0, 1.0) * 32767).astype(np.int16)
    n = len(pcm) // frame
    vad = webrtcvad.Vad(mode)
    raw = pcm[: n * frame].tobytes()
    step = frame * 2
    speech = np.fromiter(
        (vad.is_speech(raw[i * step : (i + 1) * step], recording.sample_rate) for i in range(n)),
        dtype=np.bool_,
        count=n,
    )
    energy = frame_energy_db(recording.samples, frame)
    floor = float(np.percentile(energy, 10)) if n else 0.0
    voiced = speech & (energy > floor + _ABOVE_FLOOR_DB)
    return _drop_short_runs(voiced, round(min_voiced_s / frame_s))


def runs(mask: Mask, value: bool) -> list[tuple[int, int]]:
    """[start, end) frame index pairs of the runs of `value` in `mask`."""
    padded = np.concatenate(([False], mask == value, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _drop_short_runs(mask: Mask, min_frames: int) -> Mask:
    out = mask.copy()
    for a, b in runs(mask, True):
        if b - a < min_frames:
            out[a:b] = False
    return out
