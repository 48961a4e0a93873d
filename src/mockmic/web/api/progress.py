"""GET /api/progress: the scores of every attempt at each question, oldest first."""

from __future__ import annotations

from fastapi import APIRouter

from mockmic.web.api.schemas import AttemptOut, ProgressOut
from mockmic.web.deps import StoreDep

router = APIRouter(prefix="/api", tags=["progress"])


@router.get("/progress")
def progress(store: StoreDep, question_id: str | None = None) -> list[ProgressOut]:
    """Per question, each processed attempt's scores in time order."""
    by_question: dict[str, list[AttemptOut]] = {}
    for a in store.attempts(question_id):
        by_question.setdefault(a.question_id, []).append(
            AttemptOut(
                answer_id=a.id,
                session_id=a.session_id,
                created_at=a.created_at,
                overall=a.score_overall,
                content=a.score_content,
                delivery=a.score_delivery,
            )
        )
    return [ProgressOut(question_id=q, attempts=v) for q, v in sorted(by_question.items())]
