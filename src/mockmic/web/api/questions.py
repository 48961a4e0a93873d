"""GET /api/questions and /api/roles: the bank a session is built from."""

from __future__ import annotations

from fastapi import APIRouter

from mockmic.web import bank
from mockmic.web.api.schemas import PackOut, QuestionOut

router = APIRouter(prefix="/api", tags=["questions"])


@router.get("/questions")
def list_questions() -> list[QuestionOut]:
    """Every question of the bank."""
    return [QuestionOut.of(q) for q in bank.all_questions()]


@router.get("/roles")
def list_roles() -> list[PackOut]:
    """The role packs: named lists of questions."""
    return [
        PackOut(id=p.id, label=p.label, question_ids=list(p.question_ids))
        for p in bank.packs().values()
    ]
