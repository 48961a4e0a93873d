"""The stages of one answer, assembled in one visible list.

    load -> transcribe -> delivery -> assess -> score -> coach  => Report

Each stage is a small function from one frozen `Work` to the next; the stage modules themselves
know nothing about this list. Text answers skip `load` and enter at the transcript.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from mockmic import audio, coach, delivery, llm, questions, rubric, scoring, transcribe
from mockmic.errors import BadInput, EngineError
from mockmic.rubric.schema import Question
from mockmic.transcribe import TranscribeOptions
from mockmic.types import (
    Assessment,
    Delivery,
    ModelAnswer,
    QuestionRef,
    Recording,
    Report,
    Score,
    Transcript,
)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
MAX_TEXT_BYTES = 200_000  # ~30,000 words: far past any spoken answer, small enough to refuse junk

Progress = Callable[[str, float], None]
"""Called with (stage name, fraction of the whole answer done, 0..1)."""


@dataclass(frozen=True)
class PipelineOptions:
    transcribe: TranscribeOptions = field(default_factory=TranscribeOptions)
    max_seconds: float = 600.0
    llm: llm.LLMOptions | None = field(default_factory=llm.from_env)  # opt-in; None = rules only


@dataclass(frozen=True)
class Work:
    """One answer on its way through the stages; each stage fills one more field."""

    question: Question
    options: PipelineOptions
    path: Path | None = None
    text: str | None = None
    recording: Recording | None = None
    transcript: Transcript | None = None
    delivery: Delivery | None = None
    assessment: Assessment | None = None
    score: Score | None = None
    model_answer: ModelAnswer | None = None
    follow_up: str | None = None


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Work, Progress], Work]
    cost: float  # rough share of the total time, for the progress bar


def _load(work: Work, progress: Progress) -> Work:
    if work.path is None:  # a typed answer has no recording
        return work
    return replace(work, recording=audio.load(work.path, max_seconds=work.options.max_seconds))


def _transcribe(work: Work, progress: Progress) -> Work:
    if work.recording is None:
        return replace(work, transcript=transcribe.from_text(work.text or ""))

    def report(fraction: float) -> None:
        progress("transcribe", fraction)

    transcript = transcribe.transcribe(work.recording, work.options.transcribe, progress=report)
    return replace(work, transcript=transcript)


def _delivery(work: Work, progress: Progress) -> Work:
    assert work.transcript is not None
    found = delivery.analyse(work.transcript, work.recording, work.question.time_limit_s)
    return replace(work, delivery=found)


def _assess(work: Work, progress: Progress) -> Work:
    assert work.transcript is not None
    return replace(work, assessment=rubric.assess(work.transcript, work.question))


def _score(work: Work, progress: Progress) -> Work:
    assert work.assessment is not None and work.delivery is not None
    return replace(work, score=scoring.score(work.assessment, work.delivery, work.question))


def _coach(work: Work, progress: Progress) -> Work:
    assert work.transcript is not None and work.assessment is not None
    answer = coach.model_answer(work.transcript, work.assessment, work.question)
    if work.options.llm is not None:
        answer = _reworded(answer, work.options.llm, work.question)
    return replace(
        work, model_answer=answer, follow_up=coach.follow_up(work.assessment, work.question)
    )


def _reworded(answer: ModelAnswer, options: llm.LLMOptions, question: Question) -> ModelAnswer:
    try:
        text = llm.rewrite(options, question, answer.personalized)
    except EngineError as e:  # the rule-built answer is still a good answer: keep it, say why
        llm.log.warning("%s; the rebuilt answer is mockmic's own", e)
        return answer
    return replace(answer, personalized=text, personalized_by=options.label)


STAGES: tuple[Stage, ...] = (
    Stage("load audio", _load, 0.05),
    Stage("transcribe", _transcribe, 0.80),
    Stage("delivery", _delivery, 0.08),
    Stage("assess", _assess, 0.04),
    Stage("score", _score, 0.01),
    Stage("coach", _coach, 0.02),
)


def _quiet(stage: str, fraction: float) -> None:
    pass


def run(work: Work, progress: Progress = _quiet) -> Report:
    """Run every stage in order and bundle the result."""
    done = 0.0
    for stage in STAGES:
        progress(stage.name, done)

        def within(
            name: str, fraction: float, start: float = done, cost: float = stage.cost
        ) -> None:
            progress(name, start + cost * min(max(fraction, 0.0), 1.0))

        work = stage.run(work, within)
        done += stage.cost
    progress("done", 1.0)
    return _report(work)


def _report(work: Work) -> Report:
    assert work.transcript and work.delivery and work.assessment and work.score
    assert work.model_answer is not None
    q = work.question
    return Report(
        question=QuestionRef(id=q.id, prompt=q.prompt, time_limit_s=q.time_limit_s),
        transcript=work.transcript,
        delivery=work.delivery,
        assessment=work.assessment,
        score=work.score,
        model_answer=work.model_answer,
        follow_up=work.follow_up,
        audio_path=str(work.path) if work.path else None,
    )


def looks_like_path(value: str) -> bool:
    """A one-line string naming an existing file or ending in a file suffix is a path;
    anything else is the text of a typed answer."""
    if "\n" in value or len(value) > 1024:
        return False
    return os.path.exists(value) or (" " not in value.strip() and bool(Path(value).suffix))


def start(source: str | os.PathLike[str], question_id: str, options: PipelineOptions) -> Work:
    """Check the question and the input, and read a typed answer; heavy work comes later."""
    question = questions.get(question_id)  # an unknown id fails before any audio work
    if isinstance(source, str) and not looks_like_path(source):
        if not source.strip():
            raise BadInput("The answer is empty. Say or type an answer to the question first.")
        return Work(question=question, options=options, text=source)
    path = Path(source)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return Work(question=question, options=options, text=_read_text(path))
    return Work(question=question, options=options, path=path)


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise BadInput(f"{path}: no such file. Check the path, or pass the answer text itself.")
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise BadInput(
            f"{path}: {path.stat().st_size:,} bytes is too long for one answer "
            f"(limit {MAX_TEXT_BYTES:,}). Paste just the answer to one question."
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text. Save the answer as plain UTF-8 text.") from None
    if not text.strip():
        raise BadInput(f"{path}: the file is empty. Write the answer in it first.")
    return text


def score_answer(
    source: str | os.PathLike[str],
    question_id: str = "failure",
    options: PipelineOptions | None = None,
    progress: Progress = _quiet,
) -> Report:
    """Score one answer: an audio file, a .txt file, or the answer's text itself."""
    return run(start(source, question_id, options or PipelineOptions()), progress)
