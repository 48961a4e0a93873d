"""Sample answers from tests/data/answers/, scored the way the pipeline scores a typed answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from mockmic import coach, delivery, questions, rubric, scoring
from mockmic.transcribe import from_text
from mockmic.types import Assessment, Score

ANSWERS = Path(__file__).resolve().parent / "data" / "answers"


@dataclass(frozen=True)
class Sample:
    question: str
    id: str
    label: str
    traps: tuple[str, ...]
    text: str

    @property
    def name(self) -> str:
        return f"{self.question}/{self.id}"


@dataclass(frozen=True)
class Scored:
    sample: Sample
    assessment: Assessment
    score: Score
    follow_up: str | None

    @property
    def fired(self) -> set[str]:
        return {t.id for t in self.assessment.traps}


def samples(question_id: str | None = None) -> list[Sample]:
    out = []
    for path in sorted(ANSWERS.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        if question_id is not None and raw["question"] != question_id:
            continue
        for a in raw["answers"]:
            out.append(Sample(raw["question"], a["id"], a["label"], tuple(a["traps"]), a["text"]))
    return out


def score_text(question_id: str, text: str) -> Scored:
    q = questions.get(question_id)
    transcript = from_text(text)
    assessment = rubric.assess(transcript, q)
    found = delivery.analyse(transcript, None, q.time_limit_s)
    sample = Sample(question_id, "-", "-", (), text)
    return Scored(
        sample, assessment, scoring.score(assessment, found, q), coach.follow_up(assessment, q)
    )


def score_sample(sample: Sample) -> Scored:
    scored = score_text(sample.question, sample.text)
    return Scored(sample, scored.assessment, scored.score, scored.follow_up)
