"""The data that flows between the stages of one answer.

audio.load() -> Recording -> transcribe() -> Transcript -> delivery.analyse() -> Delivery
                                                      \\-> rubric.assess()    -> Assessment
score.score(Assessment, Delivery, Question) -> Score ; coach.coach(...) -> ModelAnswer
Report bundles them all (see mockmic.report).

Every stage takes and returns these frozen dataclasses; none of them knows the stages after it.
Times are seconds from the start of the recording. A field that the input cannot fill (a typed
answer has no timings) is None, never invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Recording:
    """Decoded audio: 16 kHz mono float32 in [-1, 1]."""

    samples: npt.NDArray[np.float32] = field(repr=False)
    source: str
    sample_rate: int = SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class Word:
    """One transcribed word. `start`/`end`/`probability` are None for typed answers.

    `origin` says who found it: "asr" (the speech model) or "acoustic" (a filler, or the first
    go of a restarted word, found in a voiced gap the speech model left uncovered), or "text" for
    a typed answer.
    """

    word: str
    start: float | None = None
    end: float | None = None
    probability: float | None = None
    origin: str = "asr"


@dataclass(frozen=True)
class Transcript:
    words: tuple[Word, ...]
    engine: str  # e.g. "faster-whisper:tiny.en", or "text" for a typed answer
    duration_s: float | None = None  # length of the recording; None for text

    @property
    def text(self) -> str:
        return " ".join(w.word.strip() for w in self.words if w.word.strip())

    @property
    def timed(self) -> bool:
        return self.duration_s is not None


# --- delivery -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A word or phrase found in the answer (a filler, hedge, apology, restart)."""

    text: str
    start: float | None = None
    end: float | None = None
    word_index: int | None = None  # index into Transcript.words of its first word


@dataclass(frozen=True)
class Pause:
    start: float
    seconds: float
    kind: str = "between"  # "within" a sentence/clause or "between" sentences


@dataclass(frozen=True)
class PaceWindow:
    start: float
    end: float
    words_per_minute: float


@dataclass(frozen=True)
class Delivery:
    duration_s: float | None
    speaking_s: float | None  # time with voice, pauses removed
    words_per_minute: float | None  # over the whole recording
    articulation_wpm: float | None  # over speaking time only
    fillers: tuple[Marker, ...]
    fillers_per_minute: float | None
    long_pauses: tuple[Pause, ...]
    hedges: tuple[Marker, ...]
    apologies: tuple[Marker, ...]
    restarts: tuple[Marker, ...]
    pace: tuple[PaceWindow, ...]
    time_limit_s: float | None
    over_time_s: float | None  # seconds past the limit (0 when within); None for text
    pitch_steadiness: float | None  # 0..1, 1 = steady
    loudness_steadiness: float | None  # 0..1, 1 = steady
    pause_threshold_s: float = 1.0


# --- content --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartSpan:
    """A stretch of the answer assigned to one part of the question's structure."""

    part: str  # a part id from the question's `structure`, e.g. "lesson"
    text: str
    start: float | None
    end: float | None
    seconds: float | None
    share: float  # of speaking time (timed) or of words (text)


@dataclass(frozen=True)
class CriterionResult:
    id: str
    label: str
    weight: float
    score: int  # 0-100
    evidence: tuple[str, ...]  # transcript words that earned or lost the points
    tip: str


@dataclass(frozen=True)
class TrapHit:
    id: str
    evidence: tuple[str, ...]
    probe: str  # the follow-up an interviewer would ask
    # how clearly it fired, 0.5 (just over its threshold) to 1.0 (well past it); scoring charges
    # the trap's penalty in proportion, so a borderline trap costs less than a flagrant one
    strength: float = 1.0


@dataclass(frozen=True)
class Assessment:
    parts: tuple[PartSpan, ...]
    criteria: tuple[CriterionResult, ...]
    traps: tuple[TrapHit, ...]


@dataclass(frozen=True)
class Score:
    overall: int
    content: int
    delivery: int | None  # None when delivery could not be measured at all


@dataclass(frozen=True)
class ModelAnswer:
    exemplar: str
    personalized: str
    personalized_by: str = "rules"  # or "llm:<model>" when an optional LLM reworded it


# --- the whole answer -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionRef:
    id: str
    prompt: str
    time_limit_s: float | None = None


@dataclass(frozen=True)
class Report:
    """Everything mockmic knows about one answer; rendered by mockmic.report."""

    question: QuestionRef
    transcript: Transcript
    delivery: Delivery
    assessment: Assessment
    score: Score
    model_answer: ModelAnswer
    follow_up: str | None
    audio_path: str | None = None
