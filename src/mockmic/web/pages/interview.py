"""GET / (set up, then run the interview in the same page) and GET /interview/{id}.

Both pages run the interview in the document the candidate clicked in, because browsers let a
page speak (speechSynthesis) and open the microphone only after a click on that page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mockmic.web import bank
from mockmic.web.api.schemas import SessionOut
from mockmic.web.api.sessions import get_or_404
from mockmic.web.deps import StoreDep, TemplatesDep

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def setup(request: Request, templates: TemplatesDep) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "setup.html",
        {"questions": bank.all_questions(), "packs": list(bank.packs().values())},
    )


@router.get("/interview/{session_id}", response_class=HTMLResponse)
def interview(
    session_id: int, request: Request, store: StoreDep, templates: TemplatesDep
) -> HTMLResponse:
    session = SessionOut.of(store, get_or_404(store, session_id))
    return templates.TemplateResponse(
        request, "interview.html", {"session": session, "session_json": _script_json(session)}
    )


def _script_json(session: SessionOut) -> str:
    # JSON inside <script> must not be able to close the tag.
    return session.model_dump_json().replace("<", "\\u003c")
