"""/api/.../answers: store a recorded (or typed) answer, then follow its scoring.

POST stores the file and commits the row before it returns 202; the worker scores it later and
the page polls GET /api/answers/{id} until `status` is done or failed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile, status
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from mockmic import report as report_renderers
from mockmic.errors import BadInput
from mockmic.settings import Settings
from mockmic.store import AnswerInfo, SessionInfo, Store
from mockmic.web import uploads
from mockmic.web.api.schemas import AnswerOut
from mockmic.web.api.sessions import get_or_404
from mockmic.web.deps import SettingsDep, StoreDep, WorkerDep

router = APIRouter(prefix="/api", tags=["answers"])

# Multipart framing around the recording; a body past limit + this is refused before reading.
_FORM_OVERHEAD = 64 * 1024


def answer_or_404(store: Store, answer_id: int) -> AnswerInfo:
    found = store.get_answer(answer_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no answer {answer_id}")
    return found


@router.post("/sessions/{session_id}/answers", status_code=status.HTTP_202_ACCEPTED)
async def add_answer(
    session_id: int,
    request: Request,
    store: StoreDep,
    worker: WorkerDep,
    settings: SettingsDep,
    position: Annotated[int, Form(ge=0, description="index of the question in the session")] = 0,
    kind: Annotated[Literal["answer", "follow_up"], Form()] = "answer",
    parent_id: Annotated[int | None, Form(description="the answer a follow-up replies to")] = None,
    audio: Annotated[UploadFile | None, File(description="the recording (any audio)")] = None,
    text: Annotated[str | None, Form(description="a typed answer instead of audio")] = None,
) -> AnswerOut:
    """Store an answer to question `position` (or a follow-up to `parent_id`) and queue it."""
    _refuse_oversized(request, settings)
    session = await run_in_threadpool(get_or_404, store, session_id)
    question_id, position, prompt = await run_in_threadpool(
        _target, store, session, kind, position, parent_id
    )
    if (audio is None) == (text is None):
        raise BadInput("send either an audio recording or a typed answer")
    if audio is not None:
        path = await uploads.save_audio(audio, settings)
    else:
        path = uploads.save_text(text or "", settings)
    info = await run_in_threadpool(
        store.add_answer,
        session.id,
        question_id,
        path,
        input_kind="audio" if audio is not None else "text",
        position=position,
        kind=kind,
        parent_id=parent_id if kind == "follow_up" else None,
        prompt=prompt,
    )
    worker.submit(info.id)  # committed above: a crash from here on loses nothing
    return AnswerOut.of(store, info)


def _refuse_oversized(request: Request, settings: Settings) -> None:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > settings.max_upload_bytes + _FORM_OVERHEAD:
        raise uploads.TooLarge(
            f"the recording is over the {settings.max_upload_bytes / 1_048_576:.0f} MB "
            "upload limit; record a shorter answer"
        )


def _target(
    store: Store, session: SessionInfo, kind: str, position: int, parent_id: int | None
) -> tuple[str, int, str | None]:
    """(question id, position, probe) an incoming answer belongs to, or why it cannot."""
    if kind == "follow_up":
        parent = store.get_answer(parent_id) if parent_id is not None else None
        if parent is None or parent.session_id != session.id or parent.kind != "answer":
            raise BadInput("a follow-up needs parent_id: an answer of this session")
        parent_report = store.report(parent.id)
        probe = parent_report.follow_up if parent_report else None
        return parent.question_id, parent.position, probe
    if position >= len(session.question_ids):
        raise BadInput(
            f"position {position} is past the session's {len(session.question_ids)} questions"
        )
    earlier = session.latest_answer(position)
    if session.mode == "interview" and earlier is not None and earlier.status != "failed":
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "interview mode allows one answer per question; start a practice session to retake",
        )
    return session.question_ids[position], position, None


@router.get("/answers/{answer_id}")
def get_answer(answer_id: int, store: StoreDep) -> AnswerOut:
    """An answer's status and, once scored, its score, transcript and follow-up probe."""
    return AnswerOut.of(store, answer_or_404(store, answer_id))


@router.get("/answers/{answer_id}/report")
def get_report(answer_id: int, store: StoreDep) -> dict[str, object]:
    """The full report of a scored answer, in the stable `mockmic.report/1` JSON."""
    answer = answer_or_404(store, answer_id)
    found = store.report(answer.id)
    if found is None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"answer {answer_id} is {answer.status}")
    return report_renderers.to_dict(found)


@router.get("/answers/{answer_id}/audio", response_class=FileResponse)
def get_audio(answer_id: int, store: StoreDep) -> FileResponse:
    """The recording, to replay it."""
    answer = answer_or_404(store, answer_id)
    path = Path(answer.input_path)
    if answer.input_kind != "audio" or not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"answer {answer_id} has no recording")
    return FileResponse(path, filename=f"answer-{answer_id}{path.suffix}")


@router.post("/answers/{answer_id}/retry", status_code=status.HTTP_202_ACCEPTED)
def retry(answer_id: int, store: StoreDep, worker: WorkerDep) -> AnswerOut:
    """Score a failed answer again (its recording was kept)."""
    answer = answer_or_404(store, answer_id)
    if not store.requeue(answer.id):
        raise HTTPException(status.HTTP_409_CONFLICT, f"answer {answer_id} is {answer.status}")
    worker.submit(answer.id)
    return AnswerOut.of(store, answer_or_404(store, answer_id))
