"""GET /sessions/{id}/report (the session's report) and GET /compare (two attempts side by side)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment
from markupsafe import Markup

from mockmic import report as report_renderers
from mockmic.rubric.schema import Question
from mockmic.store import AnswerInfo, Store, summarize
from mockmic.types import Report
from mockmic.web import bank
from mockmic.web.api.sessions import get_or_404
from mockmic.web.deps import StoreDep, TemplatesDep
from mockmic.web.render import report_body

router = APIRouter(include_in_schema=False)


_REPORT_ASSETS = {"report.css": "text/css", "report.js": "text/javascript"}


@router.get("/report.css")
@router.get("/report.js")
def report_asset(request: Request) -> Response:
    """The report partial's stylesheet and script (legend toggles), served from the report
    package, so the exported page and the web app run one copy of each."""
    name = request.url.path.lstrip("/")
    text = (report_renderers.TEMPLATES_DIR / name).read_text(encoding="utf-8")
    return Response(text, media_type=_REPORT_ASSETS[name])


@dataclass(frozen=True)
class Scored:
    """One stored answer with its report (None until scored) rendered by the shared partial."""

    answer: AnswerInfo
    report: Report | None
    body: Markup | None


@dataclass(frozen=True)
class Block:
    position: int
    question: Question
    main: Scored | None
    follow_ups: tuple[Scored, ...]


def scored(store: Store, env: Environment, answer: AnswerInfo) -> Scored:
    found = store.report(answer.id) if answer.status == "done" else None
    body = report_body(env, found, anchor=f"a{answer.id}") if found else None
    return Scored(answer, found, body)


@router.get("/sessions/{session_id}/report", response_class=HTMLResponse)
def session_report(
    session_id: int, request: Request, store: StoreDep, templates: TemplatesDep
) -> HTMLResponse:
    session = get_or_404(store, session_id)
    env = templates.env
    blocks = []
    for position, question_id in enumerate(session.question_ids):
        main = session.latest_answer(position)
        follow_ups = tuple(
            scored(store, env, a)
            for a in session.answers
            if main is not None and a.parent_id == main.id
        )
        blocks.append(
            Block(
                position,
                bank.get(question_id),
                scored(store, env, main) if main else None,
                follow_ups,
            )
        )
    reports = [b.main.report for b in blocks if b.main and b.main.report]
    return templates.TemplateResponse(
        request,
        "report.html",
        {
            "session": session,
            "blocks": blocks,
            "summary": summarize(reports),
            "pending": any(a.pending for a in session.answers),
        },
    )


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    store: StoreDep,
    templates: TemplatesDep,
    a: int | None = None,
    b: int | None = None,
) -> HTMLResponse:
    if a is None or b is None:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            "pick one attempt as A and one as B in the history, then compare them",
        )
    sides = []
    for answer_id in (a, b):
        answer = store.get_answer(answer_id)
        if answer is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no answer {answer_id}")
        sides.append(scored(store, templates.env, answer))
    return templates.TemplateResponse(
        request, "compare.html", {"sides": sides, "rows": _criteria_rows(sides)}
    )


def _criteria_rows(sides: list[Scored]) -> list[tuple[str, int | None, int | None]]:
    """(criterion label, score in A, score in B) for every criterion either attempt has."""
    scores: list[dict[str, int]] = [
        {c.label: c.score for c in s.report.assessment.criteria} if s.report else {} for s in sides
    ]
    labels = list(dict.fromkeys([*scores[0], *scores[1]]))
    return [(label, scores[0].get(label), scores[1].get(label)) for label in labels]
