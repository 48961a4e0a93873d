"""mockmic: an offline voice mock-interview coach.

    >>> import mockmic
    >>> report = mockmic.score("answer.wav", question="failure")
    >>> report.score.overall

`score` takes an audio file, a .txt file, or the answer's text itself, and returns a `Report`.
"""

from __future__ import annotations

import os

from mockmic.errors import (
    AudioError,
    BadInput,
    EngineError,
    MockmicError,
    SilentAudio,
    TooLong,
    UnknownQuestion,
)
from mockmic.types import Report

__version__ = "0.1.0"

__all__ = [
    "AudioError",
    "BadInput",
    "EngineError",
    "MockmicError",
    "Report",
    "SilentAudio",
    "TooLong",
    "UnknownQuestion",
    "__version__",
    "score",
]


def score(
    path_or_text: str | os.PathLike[str], question: str = "failure", *, model: str = "tiny.en"
) -> Report:
    """Score one answer (audio file, .txt file, or the text itself) against a question."""
    from mockmic.pipeline import PipelineOptions, score_answer
    from mockmic.transcribe import TranscribeOptions

    options = PipelineOptions(transcribe=TranscribeOptions(model=model))
    return score_answer(path_or_text, question, options)
