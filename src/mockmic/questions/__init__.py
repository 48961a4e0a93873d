"""The question bank: data files validated once per process, served by id or by role pack.

    get("failure") -> Question        all_questions() -> [Question, ...]
    role_packs() -> {"software_engineer": ["failure", ...], ...}

The files live beside this module: bank/<id>.yaml (one question each), traps.yaml (generic traps
every question gets unless it skips them) and roles.yaml (role packs). docs/questions.md describes
every field.
"""

from __future__ import annotations

import difflib
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


# Question ids used outside the code (shared/DESIGN.md): named first when an id is not found.
STABLE_IDS = (
    "failure",
    "mistake",
    "conflict",
    "weakness",
    "about_yourself",
    "leadership",
    "pressure",
    "why_company",
)


@lru_cache(maxsize=1)
def bank() -> Bank:
    return load_bank()


def get(question_id: str) -> Question:
    questions = bank().questions
    try:
        return questions[question_id]
    except KeyError:
        close = difflib.get_close_matches(question_id, list(questions), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        known = [q for q in STABLE_IDS if q in questions] + sorted(set(questions) - set(STABLE_IDS))
        raise UnknownQuestion(
            f"unknown question {question_id!r}; {hint}try one of {', '.join(known[:6])}, ... "
            f"(`mockmic questions` lists them all)"
        ) from None


def all_questions() -> list[Question]:
    return list(bank().questions.values())


def role_packs() -> dict[str, list[str]]:
    return {role: list(ids) for role, ids in bank().roles.items()}


def role_labels() -> dict[str, str]:
    return dict(bank().role_labels)
