"""/api/sessions: create a practice session, read it back with its answers, delete it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response, status

from mockmic.store import SessionInfo, Store, summarize
from mockmic.web import bank, uploads
from mockmic.web.api.schemas import Deleted, PointOut, SessionCreate, SessionOut, SummaryOut
from mockmic.web.deps import SettingsDep, StoreDep

router = APIRouter(prefix="/api/sessions", tags=["sessions"])


def create(store: Store, spec: SessionCreate, source: str = "web") -> SessionInfo:
    chosen = bank.choose(spec.question_ids, spec.role, spec.count)
    return store.create_session(
        [q.id for q in chosen],
        source=source,
        mode=spec.mode,
        role=None if spec.question_ids else spec.role,
        thinking_s=spec.thinking_s,
        time_limit_s=spec.time_limit_s,
    )


def get_or_404(store: Store, session_id: int) -> SessionInfo:
    found = store.get_session(session_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no session {session_id}")
    return found


@router.post("", status_code=status.HTTP_201_CREATED)
def create_session(spec: SessionCreate, store: StoreDep) -> SessionOut:
    """Start a session from hand-picked questions or a role pack."""
    return SessionOut.of(store, create(store, spec))


@router.get("")
def list_sessions(store: StoreDep) -> list[SessionOut]:
    """Every session, newest first."""
    return [SessionOut.of(store, s) for s in store.list_sessions()]


@router.get("/{session_id}")
def get_session(session_id: int, store: StoreDep) -> SessionOut:
    """A session: its questions (with the time limit in effect) and every answer so far."""
    return SessionOut.of(store, get_or_404(store, session_id))


@router.get("/{session_id}/summary")
def get_summary(session_id: int, store: StoreDep) -> SummaryOut:
    """Overall score, strongest and weakest points, and what to practise next."""
    s = summarize(store.main_reports(get_or_404(store, session_id)))
    return SummaryOut(
        overall=s.overall,
        content=s.content,
        delivery=s.delivery,
        answered=s.answered,
        strongest=[PointOut(**vars(p)) for p in s.strongest],
        weakest=[PointOut(**vars(p)) for p in s.weakest],
        practise_next=list(s.practise_next),
    )


@router.delete("/{session_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_session(session_id: int, store: StoreDep) -> Response:
    """Delete a session with its answers and recordings."""
    if not store.delete_session(session_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no session {session_id}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete("")
def delete_everything(store: StoreDep, settings: SettingsDep) -> Deleted:
    """Delete every session, answer and recording."""
    deleted = store.delete_all()
    uploads.purge(settings)
    return Deleted(deleted=deleted)
