"""The store: sessions and answers in, plain frozen records out.

Callers (the web app, the worker, the terminal session, `mockmic history`) never see ORM rows;
they get `SessionInfo` and `AnswerInfo`, which stay valid after the database session closes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, selectinload, sessionmaker

from mockmic.store.codec import dump_report, load_report
from mockmic.store.db import connect
from mockmic.store.models import AnswerRow, SessionRow, utcnow
from mockmic.types import Report

__all__ = ["PENDING", "AnswerInfo", "SessionInfo", "Store"]

PENDING = ("queued", "processing")


@dataclass(frozen=True)
class AnswerInfo:
    id: int
    session_id: int
    question_id: str
    position: int
    kind: str  # "answer" or "follow_up"
    parent_id: int | None
    prompt: str | None
    input_path: str
    input_kind: str  # "audio" or "text"
    status: str  # queued, processing, done, failed
    error: str | None
    created_at: datetime
    processed_at: datetime | None
    score_overall: int | None
    score_content: int | None
    score_delivery: int | None

    @property
    def pending(self) -> bool:
        return self.status in PENDING


@dataclass(frozen=True)
class SessionInfo:
    id: int
    created_at: datetime
    source: str
    mode: str
    role: str | None
    question_ids: tuple[str, ...]
    thinking_s: int
    time_limit_s: int | None
    answers: tuple[AnswerInfo, ...]

    @property
    def overall(self) -> int | None:
        """Mean overall score of the main answers processed so far."""
        scores = [
            a.score_overall
            for a in self.answers
            if a.kind == "answer" and a.score_overall is not None
        ]
        return round(sum(scores) / len(scores)) if scores else None

    def latest_answer(self, position: int) -> AnswerInfo | None:
        """The last main answer recorded for the question at `position` (retakes replace)."""
        found = [a for a in self.answers if a.position == position and a.kind == "answer"]
        return found[-1] if found else None


class Store:
    """Sessions and answers in one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (and migrate) the database at `url`."""
        return cls(connect(url))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        with self._sessions.begin() as db:
            yield db

    # --- sessions ---------------------------------------------------------------------------

    def create_session(
        self,
        question_ids: Sequence[str],
        *,
        source: str = "web",
        mode: str = "practice",
        role: str | None = None,
        thinking_s: int = 0,
        time_limit_s: int | None = None,
    ) -> SessionInfo:
        row = SessionRow(
            source=source,
            mode=mode,
            role=role,
            question_ids=",".join(question_ids),
            thinking_s=thinking_s,
            time_limit_s=time_limit_s,
            created_at=utcnow(),
        )
        with self._tx() as db:
            db.add(row)
            db.flush()
            return _session_info(row, [])

    def get_session(self, session_id: int) -> SessionInfo | None:
        with self._tx() as db:
            row = db.get(SessionRow, session_id, options=[selectinload(SessionRow.answers)])
            return _session_info(row, row.answers) if row else None

    def list_sessions(self) -> list[SessionInfo]:
        """Every session, newest first, with its answers."""
        with self._tx() as db:
            rows = db.scalars(
                select(SessionRow)
                .options(selectinload(SessionRow.answers))
                .order_by(SessionRow.created_at.desc(), SessionRow.id.desc())
            ).all()
            return [_session_info(r, r.answers) for r in rows]

    def delete_session(self, session_id: int) -> bool:
        """Delete a session, its answers and their recordings. False when there was none."""
        with self._tx() as db:
            if db.get(SessionRow, session_id) is None:
                return False
            mine = AnswerRow.session_id == session_id
            paths = list(db.scalars(select(AnswerRow.input_path).where(mine)).all())
            # Core deletes, follow-ups first: the ORM cascade and the database's ON DELETE
            # CASCADE would otherwise both try to delete the follow-ups.
            db.execute(delete(AnswerRow).where(mine, AnswerRow.parent_id.is_not(None)))
            db.execute(delete(AnswerRow).where(mine))
            db.execute(delete(SessionRow).where(SessionRow.id == session_id))
        _unlink(paths)
        return True

    def delete_all(self) -> int:
        """Delete every session and recording; returns how many sessions there were."""
        with self._tx() as db:
            paths = list(db.scalars(select(AnswerRow.input_path)).all())
            count = len(db.scalars(select(SessionRow.id)).all())
            db.execute(delete(AnswerRow).where(AnswerRow.parent_id.is_not(None)))
            db.execute(delete(AnswerRow))
            db.execute(delete(SessionRow))
        _unlink(paths)
        return count

    # --- answers ----------------------------------------------------------------------------

    def add_answer(
        self,
        session_id: int,
        question_id: str,
        input_path: Path,
        *,
        input_kind: str,
        position: int = 0,
        kind: str = "answer",
        parent_id: int | None = None,
        prompt: str | None = None,
    ) -> AnswerInfo:
        """Commit an answer whose recording is already on disk; it starts `queued`."""
        row = AnswerRow(
            session_id=session_id,
            question_id=question_id,
            position=position,
            kind=kind,
            parent_id=parent_id,
            prompt=prompt,
            input_path=str(input_path),
            input_kind=input_kind,
            status="queued",
            created_at=utcnow(),
        )
        with self._tx() as db:
            db.add(row)
            db.flush()
            return _answer_info(row)

    def get_answer(self, answer_id: int) -> AnswerInfo | None:
        with self._tx() as db:
            row = db.get(AnswerRow, answer_id)
            return _answer_info(row) if row else None

    def follow_ups(self, answer_id: int) -> list[AnswerInfo]:
        with self._tx() as db:
            rows = db.scalars(
                select(AnswerRow).where(AnswerRow.parent_id == answer_id).order_by(AnswerRow.id)
            ).all()
            return [_answer_info(r) for r in rows]

    def pending_ids(self) -> list[int]:
        """Answers stored but not processed (a crash leaves them `processing`), oldest first."""
        with self._tx() as db:
            ids = db.scalars(
                select(AnswerRow.id).where(AnswerRow.status.in_(PENDING)).order_by(AnswerRow.id)
            ).all()
            return list(ids)

    def claim(self, answer_id: int) -> AnswerInfo | None:
        """Mark a pending answer `processing`; None when it is gone or already finished."""
        with self._tx() as db:
            done = db.execute(
                update(AnswerRow)
                .where(AnswerRow.id == answer_id, AnswerRow.status.in_(PENDING))
                .values(status="processing")
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = db.get(AnswerRow, answer_id)
            return _answer_info(row) if row else None

    def requeue(self, answer_id: int) -> bool:
        """Put a failed answer back in the queue (to retry it)."""
        with self._tx() as db:
            done = db.execute(
                update(AnswerRow)
                .where(AnswerRow.id == answer_id, AnswerRow.status == "failed")
                .values(status="queued", error=None)
            )
            return bool(done.rowcount == 1)  # type: ignore[attr-defined]

    def finish(self, answer_id: int, report: Report) -> None:
        with self._tx() as db:
            db.execute(
                update(AnswerRow)
                .where(AnswerRow.id == answer_id)
                .values(
                    status="done",
                    error=None,
                    processed_at=utcnow(),
                    score_overall=report.score.overall,
                    score_content=report.score.content,
                    score_delivery=report.score.delivery,
                    report=dump_report(report),
                )
            )

    def fail(self, answer_id: int, message: str) -> None:
        with self._tx() as db:
            db.execute(
                update(AnswerRow)
                .where(AnswerRow.id == answer_id)
                .values(status="failed", error=message, processed_at=utcnow())
            )

    def report(self, answer_id: int) -> Report | None:
        """The stored report of a processed answer."""
        with self._tx() as db:
            data = db.scalar(select(AnswerRow.report).where(AnswerRow.id == answer_id))
            return load_report(data) if data else None

    def main_reports(self, session: SessionInfo) -> list[Report]:
        """The reports of the session's scored main answers (the last take of each question)."""
        latest = (session.latest_answer(p) for p in range(len(session.question_ids)))
        found = (self.report(a.id) for a in latest if a is not None and a.status == "done")
        return [r for r in found if r is not None]

    def attempts(self, question_id: str | None = None) -> list[AnswerInfo]:
        """Processed main answers (optionally of one question), oldest first: progress over time."""
        query = select(AnswerRow).where(AnswerRow.status == "done", AnswerRow.kind == "answer")
        if question_id is not None:
            query = query.where(AnswerRow.question_id == question_id)
        with self._tx() as db:
            rows = db.scalars(query.order_by(AnswerRow.created_at, AnswerRow.id)).all()
            return [_answer_info(r) for r in rows]


def _answer_info(row: AnswerRow) -> AnswerInfo:
    return AnswerInfo(
        id=row.id,
        session_id=row.session_id,
        question_id=row.question_id,
        position=row.position,
        kind=row.kind,
        parent_id=row.parent_id,
        prompt=row.prompt,
        input_path=row.input_path,
        input_kind=row.input_kind,
        status=row.status,
        error=row.error,
        created_at=_utc(row.created_at),
        processed_at=_utc(row.processed_at) if row.processed_at else None,
        score_overall=row.score_overall,
        score_content=row.score_content,
        score_delivery=row.score_delivery,
    )


def _session_info(row: SessionRow, answers: Sequence[AnswerRow]) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        created_at=_utc(row.created_at),
        source=row.source,
        mode=row.mode,
        role=row.role,
        question_ids=tuple(q for q in row.question_ids.split(",") if q),
        thinking_s=row.thinking_s,
        time_limit_s=row.time_limit_s,
        answers=tuple(_answer_info(a) for a in answers),
    )


def _unlink(paths: Sequence[str]) -> None:
    for p in paths:
        Path(p).unlink(missing_ok=True)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)
