"""The JSON shapes of the API (they appear in the OpenAPI schema at /docs)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mockmic.rubric.schema import Question
from mockmic.store import AnswerInfo, SessionInfo, Store
from mockmic.web import bank

Mode = Literal["practice", "interview"]


class QuestionOut(BaseModel):
    id: str
    title: str
    category: str
    difficulty: str
    prompt: str
    time_limit_s: int

    @classmethod
    def of(cls, q: Question) -> QuestionOut:
        return cls(
            id=q.id,
            title=q.title,
            category=q.category,
            difficulty=q.difficulty,
            prompt=q.prompt,
            time_limit_s=q.time_limit_s,
        )


class PackOut(BaseModel):
    id: str
    label: str
    question_ids: list[str]


class SessionCreate(BaseModel):
    """A new session: hand-picked `question_ids`, or `count` questions of a `role` pack."""

    question_ids: list[str] | None = Field(
        default=None, max_length=20, description="question ids, asked in this order"
    )
    role: str | None = Field(default=None, description="a role pack id (GET /api/roles)")
    count: int = Field(
        default=2, ge=1, le=20, description="how many questions to draw from the pack"
    )
    mode: Mode = Field(
        default="practice",
        description="practice: retakes allowed, feedback after each answer; "
        "interview: no retakes, feedback at the end",
    )
    thinking_s: int = Field(default=5, ge=0, le=120, description="thinking pause before recording")
    time_limit_s: int | None = Field(
        default=None, ge=5, le=600, description="answer time limit; default: the question's own"
    )


class ScoreOut(BaseModel):
    overall: int
    content: int | None
    delivery: int | None


class AnswerOut(BaseModel):
    id: int
    session_id: int
    question_id: str
    position: int
    kind: Literal["answer", "follow_up"]
    parent_id: int | None
    prompt: str | None = Field(description="the follow-up probe this answer replies to")
    status: Literal["queued", "processing", "done", "failed"]
    error: str | None
    created_at: datetime
    score: ScoreOut | None
    follow_up: str | None = Field(description="the probe an interviewer asks next, if any")
    transcript: str | None
    audio_url: str | None
    report_url: str

    @classmethod
    def of(cls, store: Store, a: AnswerInfo) -> AnswerOut:
        report = store.report(a.id) if a.status == "done" else None
        score = (
            ScoreOut(overall=a.score_overall, content=a.score_content, delivery=a.score_delivery)
            if a.score_overall is not None
            else None
        )
        return cls(
            id=a.id,
            session_id=a.session_id,
            question_id=a.question_id,
            position=a.position,
            kind=a.kind,  # type: ignore[arg-type]
            parent_id=a.parent_id,
            prompt=a.prompt,
            status=a.status,  # type: ignore[arg-type]
            error=a.error,
            created_at=a.created_at,
            score=score,
            follow_up=report.follow_up if report else None,
            transcript=report.transcript.text if report else None,
            audio_url=f"/api/answers/{a.id}/audio" if a.input_kind == "audio" else None,
            report_url=f"/api/answers/{a.id}/report",
        )


class SessionOut(BaseModel):
    id: int
    created_at: datetime
    source: str
    mode: str
    role: str | None
    thinking_s: int
    time_limit_s: int | None
    question_ids: list[str]
    questions: list[QuestionOut] = Field(description="in order, with the time limit in effect")
    overall: int | None
    answers: list[AnswerOut]
    report_page: str

    @classmethod
    def of(cls, store: Store, s: SessionInfo) -> SessionOut:
        return cls(
            id=s.id,
            created_at=s.created_at,
            source=s.source,
            mode=s.mode,
            role=s.role,
            thinking_s=s.thinking_s,
            time_limit_s=s.time_limit_s,
            question_ids=list(s.question_ids),
            questions=[_asked(q, s.time_limit_s) for q in s.question_ids],
            overall=s.overall,
            answers=[AnswerOut.of(store, a) for a in s.answers],
            report_page=f"/sessions/{s.id}/report",
        )


class AttemptOut(BaseModel):
    answer_id: int
    session_id: int
    created_at: datetime
    overall: int | None
    content: int | None
    delivery: int | None


class ProgressOut(BaseModel):
    question_id: str
    attempts: list[AttemptOut]


class PointOut(BaseModel):
    question_id: str
    label: str
    score: int
    tip: str


class SummaryOut(BaseModel):
    """What a session adds up to (its main answers; follow-ups are not averaged in)."""

    overall: int | None
    content: int | None
    delivery: int | None
    answered: int
    strongest: list[PointOut]
    weakest: list[PointOut]
    practise_next: list[str]


class Deleted(BaseModel):
    deleted: int


def _asked(question_id: str, time_limit_s: int | None) -> QuestionOut:
    asked = QuestionOut.of(bank.get(question_id))
    if time_limit_s is not None:
        asked = asked.model_copy(update={"time_limit_s": time_limit_s})
    return asked
