"""Silent pauses: where the voice stops for at least PAUSE_COUNT_S, inside or between sentences.

The silence itself comes from the audio (voicing.py), because Whisper's word times stretch into
the silence around a word; the words only say whether a sentence ended before the pause.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from mockmic.delivery import thresholds as T
from mockmic.delivery.voicing import FRAME_S, Mask, runs, voiced_frames
from mockmic.types import Pause, Recording, Transcript, Word


def find_pauses(
    transcript: Transcript,
    recording: Recording | None,
    min_s: float = T.PAUSE_COUNT_S,
    voiced: Mask | None = None,
) -> tuple[Pause, ...]:
    """Every silence of at least `min_s` between the first and the last spoken sound.

    `voiced` is the recording's voicing mask when the caller already has it."""
    if recording is not None:
        spans = _silences_from_audio(voiced if voiced is not None else voiced_frames(recording))
    else:
        spans = _silences_from_words(transcript.words)
    timed = [w for w in transcript.words if w.start is not None]
    return tuple(
        Pause(start=round(a, 3), seconds=round(b - a, 3), kind=_kind(timed, a))
        for a, b in spans
        if b - a >= min_s
    )


def is_long(pause: Pause) -> bool:
    limit = T.LONG_PAUSE_WITHIN_S if pause.kind == "within" else T.LONG_PAUSE_BETWEEN_S
    return pause.seconds >= limit


def _silences_from_audio(mask: Mask) -> list[tuple[float, float]]:
    voiced = runs(mask, True)
    if not voiced:
        return []
    first, last = voiced[0][0], voiced[-1][1]
    # Inside [first, last) every silent run has voice on both sides: leading and trailing
    # silence of the recording are not pauses.
    return [
        ((a + first) * FRAME_S, (b + first) * FRAME_S) for a, b in runs(mask[first:last], False)
    ]


def _silences_from_words(words: Sequence[Word]) -> list[tuple[float, float]]:
    timed = [w for w in words if w.start is not None and w.end is not None]
    return [
        (float(a.end), float(b.start))  # type: ignore[arg-type]
        for a, b in itertools.pairwise(timed)
        if b.start > a.end  # type: ignore[operator]
    ]


def _kind(timed: Sequence[Word], at: float) -> str:
    """ "between" when the last word before the pause ends a sentence (or nothing precedes it)."""
    before = [w for w in timed if w.start is not None and w.start < at]
    if not before:
        return "between"
    return "between" if before[-1].word.rstrip().endswith((".", "?", "!")) else "within"
