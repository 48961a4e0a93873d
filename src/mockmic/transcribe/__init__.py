"""Speech to text: Recording -> verbatim Transcript ("um" and "uh" kept), engines by name.

    transcribe(recording, TranscribeOptions(model="tiny.en"), progress=bar.update)
    from_text("a typed answer")

ENGINES maps a name to an object with `transcribe(recording, options, progress)`; add an engine
by adding an entry, never by branching on the name.
"""

from __future__ import annotations

from typing import Protocol

from mockmic.errors import EngineError
from mockmic.transcribe.options import BUNDLED_MODEL, Progress, TranscribeOptions
from mockmic.transcribe.text import from_text
from mockmic.transcribe.whisper import FasterWhisperEngine
from mockmic.types import Recording, Transcript

__all__ = [
    "BUNDLED_MODEL",
    "ENGINES",
    "Engine",
    "Progress",
    "TranscribeOptions",
    "from_text",
    "transcribe",
]


class Engine(Protocol):
    name: str

    def transcribe(
        self, recording: Recording, options: TranscribeOptions, progress: Progress | None
    ) -> Transcript: ...


ENGINES: dict[str, Engine] = {FasterWhisperEngine.name: FasterWhisperEngine()}


def transcribe(
    recording: Recording,
    options: TranscribeOptions = TranscribeOptions(),  # noqa: B008 - frozen, safe as default
    progress: Progress | None = None,
) -> Transcript:
    """Transcribe `recording` verbatim with word timings, fillers included."""
    engine = ENGINES.get(options.engine)
    if engine is None:
        raise EngineError(
            f"unknown speech engine {options.engine!r}; choose one of: {', '.join(sorted(ENGINES))}"
        )
    transcript = engine.transcribe(recording, options, progress)
    if options.fillers:
        from mockmic.transcribe.fillers import add_acoustic_fillers

        transcript = add_acoustic_fillers(transcript, recording)
    return transcript
