"""The question bank as the web app and the terminal session use it: pick a session's questions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockmic import questions as _bank
from mockmic.errors import BadInput, UnknownQuestion
from mockmic.rubric.schema import Question

__all__ = ["CORE", "Pack", "all_questions", "choose", "get", "packs", "title"]

# Without a role or a hand-picked list, a session draws on the questions nearly every interview
# asks, opener first (the stable ids of DESIGN.md).
CORE = (
    "about_yourself",
    "failure",
    "conflict",
    "weakness",
    "leadership",
    "pressure",
    "mistake",
    "why_company",
)


@dataclass(frozen=True)
class Pack:
    id: str
    label: str
    question_ids: tuple[str, ...]


def all_questions() -> list[Question]:
    return list(_bank.all_questions())


def get(question_id: str) -> Question:
    """The question, or UnknownQuestion naming the id."""
    return _bank.get(question_id)


def title(question_id: str) -> str:
    """The question's short title; its id when it has since left the bank (its history stays)."""
    try:
        return get(question_id).title
    except UnknownQuestion:
        return question_id


def packs() -> dict[str, Pack]:
    labels = _bank.role_labels()
    return {
        role: Pack(role, labels.get(role, role.replace("_", " ").capitalize()), tuple(ids))
        for role, ids in _bank.role_packs().items()
    }


def choose(
    question_ids: Sequence[str] | None = None, role: str | None = None, count: int = 3
) -> list[Question]:
    """Hand-picked ids in their order, else the first `count` of a role pack, else of CORE."""
    if question_ids:
        return [get(q) for q in question_ids]
    if role:
        found = packs()
        if role not in found:
            raise BadInput(f"unknown role pack {role!r}; choose one of: {', '.join(sorted(found))}")
        return [get(q) for q in found[role].question_ids[:count]]
    known = {q.id for q in all_questions()}
    return [get(q) for q in CORE if q in known][:count]
