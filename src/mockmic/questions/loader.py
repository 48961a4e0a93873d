"""Read the bank: one YAML file per question in bank/, generic traps, role packs.

Everything is validated here, at the boundary, so the engine can trust the types: the schema
(mockmic.rubric.schema), every detector name and its parameters, and the role packs' question ids.
A broken file raises BankError naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mockmic.errors import BankError
from mockmic.rubric import detectors
from mockmic.rubric.schema import Criterion, DetectorRef, Question, RoleFile, Trap

HERE = Path(__file__).resolve().parent
BANK = HERE / "bank"
GENERIC_TRAPS = HERE / "traps.yaml"
GENERIC_CRITERIA = HERE / "criteria.yaml"
# generic criterion -> the generic trap that judges the same thing from the other side
PAIRED = {"outcome": "no_result", "specific_example": "vague"}
ROLES = HERE / "roles.yaml"


@dataclass(frozen=True)
class Bank:
    questions: dict[str, Question]
    roles: dict[str, tuple[str, ...]]
    role_labels: dict[str, str]


def load_bank(
    folder: Path = BANK,
    generic: Path = GENERIC_TRAPS,
    roles: Path = ROLES,
    criteria: Path = GENERIC_CRITERIA,
) -> Bank:
    shared = _generic_traps(generic)
    common = _generic_criteria(criteria)
    questions: dict[str, Question] = {}
    for path in sorted(folder.glob("*.yaml")):
        q = load_question(path, shared, common)
        if q.id in questions:
            raise BankError(f"{path}: id {q.id!r} is already used by another question file")
        questions[q.id] = q
    packs, labels = _roles(roles, questions)
    return Bank(questions, packs, labels)


def load_question(
    path: Path,
    generic: Mapping[str, dict[str, Any]] | None = None,
    common: Mapping[str, dict[str, Any]] | None = None,
) -> Question:
    raw = _read(path)
    if not isinstance(raw, dict):
        raise BankError(f"{path}: expected a mapping of fields at the top level")
    if raw.get("id") != path.stem:
        raise BankError(
            f"{path}: field id: {raw.get('id')!r} must match the file name {path.stem!r}"
        )
    raw = _with_generic_traps(raw, generic or {})
    raw = _with_generic_criteria(raw, common or {})
    try:
        question = Question.model_validate(raw)
    except ValidationError as e:
        raise BankError(f"{path}: {_first_error(e)}") from None
    _check_detectors(path, question)
    return question


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise BankError(f"{path}: cannot read as YAML: {' '.join(str(e).split())}") from None


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
    more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
    return f"field {where or '(top)'}: {err['msg']}{more}"


def _generic_traps(path: Path) -> dict[str, dict[str, Any]]:
    return _shared_entries(path, "traps", Trap)


def _generic_criteria(path: Path) -> dict[str, dict[str, Any]]:
    return _shared_entries(path, "criteria", Criterion)


def _shared_entries(
    path: Path, key: str, model: type[Trap] | type[Criterion]
) -> dict[str, dict[str, Any]]:
    """The entries of a shared file (traps.yaml, criteria.yaml) by id, each validated, raw."""
    raw = _read(path)
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise BankError(f"{path}: expected `{key}:` with a list of {key}")
    out: dict[str, dict[str, Any]] = {}
    for k, entry in enumerate(raw[key]):
        try:
            item = model.model_validate(entry)
        except ValidationError as e:
            raise BankError(f"{path}: {key}[{k}].{_first_error(e)}") from None
        out[item.id] = dict(entry)
    return out


def _with_generic_criteria(
    raw: dict[str, Any], common: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Generic criteria join every question's own, unless skipped or defined by the question.
    Skipping a generic trap skips the criterion that measures the same thing (PAIRED)."""
    skip = set(raw.get("skip_generic") or [])
    skip |= {crit for crit, trap in PAIRED.items() if trap in skip}
    own = raw.get("criteria") or []
    own_ids = {c.get("id") for c in own if isinstance(c, dict)}
    extra = [dict(c) for cid, c in common.items() if cid not in own_ids and cid not in skip]
    return {**raw, "criteria": [*own, *extra]}


def _with_generic_traps(
    raw: dict[str, Any], generic: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Generic traps apply to every question unless skipped; a question's own entry with the
    same id overrides their fields (so `- id: vague` alone is enough to keep one in place)."""
    parts = {p.get("id") for p in raw.get("structure") or [] if isinstance(p, dict)}
    skip = set(raw.get("skip_generic") or [])
    own = [t for t in raw.get("traps") or [] if isinstance(t, dict)]
    own_ids = {t.get("id") for t in own}
    merged = []
    for t in own:
        base = _fit(dict(generic.get(t.get("id", ""), {})), parts)
        merged.append({**base, **t})  # a part the question names itself must exist
    for tid, t in generic.items():
        if tid not in own_ids and tid not in skip:
            merged.append(_fit(dict(t), parts))
    return {**raw, "traps": merged}


def _fit(trap: dict[str, Any], parts: set[Any]) -> dict[str, Any]:
    # a generic trap's `part` only makes sense when the question has that part
    if trap.get("part") is not None and trap["part"] not in parts:
        trap = {**trap, "part": None}
    return trap


def _check_detectors(path: Path, q: Question) -> None:
    refs: list[tuple[str, DetectorRef]] = [(f"criteria[{k}]", c) for k, c in enumerate(q.criteria)]
    refs += [(f"traps[{k}]", t) for k, t in enumerate(q.traps)]
    for where, ref in refs:
        if ref.detector not in detectors.DETECTORS:
            known = ", ".join(sorted(detectors.DETECTORS))
            raise BankError(
                f"{path}: field {where}.detector: unknown {ref.detector!r} (known: {known})"
            )
        try:
            detectors.parse_params(ref.detector, ref.params)
        except ValidationError as e:
            raise BankError(f"{path}: field {where}.params.{_first_error(e)[6:]}") from None


def _roles(
    path: Path, questions: Mapping[str, Question]
) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    raw = _read(path)
    try:
        parsed = RoleFile.model_validate(raw)
    except ValidationError as e:
        raise BankError(f"{path}: {_first_error(e)}") from None
    packs = {role: list(pack.questions) for role, pack in parsed.roles.items()}
    labels = {role: pack.label for role, pack in parsed.roles.items()}
    for role, ids in packs.items():
        for qid in ids:
            if qid not in questions:
                raise BankError(f"{path}: field roles.{role}.questions: unknown question {qid!r}")
    for q in questions.values():  # a question may also join a pack from its own file
        for role in q.roles:
            if role not in packs:
                raise BankError(
                    f"{BANK / (q.id + '.yaml')}: field roles: unknown role {role!r} "
                    f"(roles.yaml has: {', '.join(sorted(packs))})"
                )
            if q.id not in packs[role]:
                packs[role].append(q.id)
    return {r: tuple(ids) for r, ids in packs.items()}, labels
