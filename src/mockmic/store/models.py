"""The tables: a practice session, and the answers recorded in it.

An answer row is committed, with its recording already on disk, before anything processes it;
`status` then walks queued -> processing -> done | failed. A row left `queued` or `processing`
by a crash is picked up again at the next start (see mockmic.store.worker).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = ["AnswerRow", "Base", "SessionRow"]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    source: Mapped[str] = mapped_column(String(16))  # "web" or "terminal"
    mode: Mapped[str] = mapped_column(String(16))  # "practice" or "interview"
    role: Mapped[str | None] = mapped_column(String(64), nullable=True)
    question_ids: Mapped[str] = mapped_column(Text)  # comma-separated, in the order asked
    thinking_s: Mapped[int] = mapped_column(Integer, default=0)
    time_limit_s: Mapped[int | None] = mapped_column(Integer, nullable=True)

    answers: Mapped[list[AnswerRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AnswerRow.id",
    )


class AnswerRow(Base):
    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(64), index=True)
    position: Mapped[int] = mapped_column(Integer)  # index of the question in the session
    kind: Mapped[str] = mapped_column(String(16), default="answer")  # "answer" or "follow_up"
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), nullable=True
    )
    prompt: Mapped[str | None] = mapped_column(Text, nullable=True)  # the follow-up probe asked
    input_path: Mapped[str] = mapped_column(Text)  # the recording (or typed .txt) on disk
    input_kind: Mapped[str] = mapped_column(String(16))  # "audio" or "text"
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    score_overall: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score_content: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score_delivery: Mapped[int | None] = mapped_column(Integer, nullable=True)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    session: Mapped[SessionRow] = relationship(back_populates="answers")
