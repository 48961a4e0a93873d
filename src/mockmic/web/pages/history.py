"""GET /history: every session and each question's scores over time; re-practise; delete."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from mockmic.store import AnswerInfo
from mockmic.web import bank, uploads
from mockmic.web.api.schemas import SessionCreate
from mockmic.web.api.sessions import create
from mockmic.web.charts import LineChart, line_chart
from mockmic.web.deps import SettingsDep, StoreDep, TemplatesDep
from mockmic.web.filters import when

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Progress:
    question_id: str
    title: str
    attempts: tuple[AnswerInfo, ...]
    chart: LineChart

    @property
    def change(self) -> int | None:
        """Last score minus first: practice paying off (or not)."""
        scores = [a.score_overall for a in self.attempts if a.score_overall is not None]
        return scores[-1] - scores[0] if len(scores) > 1 else None


@router.get("/history", response_class=HTMLResponse)
def history(request: Request, store: StoreDep, templates: TemplatesDep) -> HTMLResponse:
    by_question: dict[str, list[AnswerInfo]] = {}
    for a in store.attempts():
        by_question.setdefault(a.question_id, []).append(a)
    progress = [
        Progress(
            q,
            bank.title(q),
            tuple(attempts),
            line_chart(
                [
                    (a.score_overall or 0, when(a.created_at), f"/sessions/{a.session_id}/report")
                    for a in attempts
                ]
            ),
        )
        for q, attempts in sorted(by_question.items())
    ]
    return templates.TemplateResponse(
        request,
        "history.html",
        {"sessions": store.list_sessions(), "progress": progress},
    )


@router.post("/history/practise/{question_id}")
def practise_again(question_id: str, store: StoreDep) -> RedirectResponse:
    """One click: a new practice session with just this question."""
    session = create(store, SessionCreate(question_ids=[question_id], mode="practice"))
    return RedirectResponse(f"/interview/{session.id}", status_code=303)


@router.post("/sessions/{session_id}/delete")
def delete_session(session_id: int, store: StoreDep) -> RedirectResponse:
    store.delete_session(session_id)
    return RedirectResponse("/history", status_code=303)


@router.post("/history/delete-all")
def delete_everything(store: StoreDep, settings: SettingsDep) -> RedirectResponse:
    store.delete_all()
    uploads.purge(settings)
    return RedirectResponse("/history", status_code=303)
