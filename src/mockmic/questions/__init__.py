"""The question bank: data files validated once per process, served by id or by role pack.

    get("failure") -> Question        all_questions() -> [Question, ...]
    role_packs() -> {"software_engineer": ["failure", ...], ...}

The files live beside this module: bank/<id>.yaml (one question each), traps.yaml (generic traps
every question gets unless it skips them) and roles.yaml (role packs). docs/questions.md describes
every field.
"""

from __future__ import annotations

from functools import lru_cache

from mockmic.errors import UnknownQuestion
from mockmic.questions.loader import Bank, load_bank
from mockmic.rubric.schema import Criterion, Part, Question, Trap

__all__ = [
    "Criterion",
    "Part",
    "Question",
    "Trap",
    "all_questions",
    "bank",
    "get",
    "role_labels",
    "role_packs",
]


@lru_cache(maxsize=1)
def bank() -> Bank:
    return load_bank()


def get(question_id: str) -> Question:
    questions = bank().questions
    try:
        return questions[question_id]
    except KeyError:
        some = ", ".join(sorted(questions)[:6])
        raise UnknownQuestion(
            f"unknown question {question_id!r}; try one of {some}, ... "
            f"(`mockmic questions` lists them all)"
        ) from None


def all_questions() -> list[Question]:
    return list(bank().questions.values())


def role_packs() -> dict[str, list[str]]:
    return {role: list(ids) for role, ids in bank().roles.items()}


def role_labels() -> dict[str, str]:
    return dict(bank().role_labels)
