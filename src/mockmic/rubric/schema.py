"""The question schema: what one YAML file of the bank must say, validated when it is loaded.

Every field is documented in docs/questions.md (a test fails when one is not). The models are
frozen pydantic models that refuse unknown keys, so a typo in a YAML file fails at load time with
the file and the field named, instead of silently scoring with a default.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Difficulty = Literal["easy", "medium", "hard"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DetectorRef(_Strict):
    """A named detector from mockmic.rubric.detectors and the parameters it is called with."""

    detector: str = Field(pattern=ID_PATTERN)
    params: dict[str, Any] = Field(default_factory=dict)


class Part(_Strict):
    """One part of the recommended structure of an answer, in order."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    share: float = Field(ge=0.0, le=1.0)  # of the speaking time this part deserves
    cues: tuple[str, ...] = ()  # phrases that open or signal this part in an answer
    prompt: str = Field(min_length=1)  # bracketed question shown when the part is missing
    required: bool = True
    max_words: int | None = Field(default=None, ge=5)  # personalised answer keeps at most this


class Criterion(DetectorRef):
    """One weighted line of the rubric, scored 0-100 by its detector."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    weight: float = Field(gt=0.0)
    earns: str = Field(min_length=1)  # what earns the points, in the coach's words
    tip: str = Field(min_length=1)  # shown when the criterion scores below `good`
    invert: bool = False  # score = 100 - detector score (e.g. "no blame" from `blame`)
    good: int = Field(default=70, ge=0, le=100)  # at or above this, the tip is praise


class Owned(_Strict):
    """A gentler cap for a trap's answer that owns it in full and shows a tested fix: these
    criteria all score `at` or more (a catastrophic failure told that way is mixed, not weak)."""

    criteria: tuple[str, ...] = Field(min_length=1)
    at: int = Field(ge=0, le=100)
    cap: int = Field(ge=0, le=100)


class Trap(DetectorRef):
    """A way the answer goes wrong, the follow-up it triggers, and what it costs."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    looks_like: str = Field(min_length=1)
    probe: str = Field(min_length=1)  # the follow-up an interviewer asks when it fires
    when: Literal["present", "absent"] = "present"  # absent: fires when the detector finds little
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    severity: int = Field(default=2, ge=1, le=3)  # 3 = most serious; picks the follow-up
    penalty: int = Field(default=8, ge=0, le=100)  # content points subtracted when it fires
    cap: int | None = Field(default=None, ge=0, le=100)  # content score ceiling when it fires
    owned: Owned | None = None  # the ceiling instead, when the answer owns it and proves a fix
    # never a reason for the lowest grade on its own (LABELLING.md grades 1 only an answer with
    # no story, to another question, with contempt or a grave failure): while every trap that
    # fired is one of these, their penalties stop at scoring.SALVAGEABLE_FLOOR
    salvageable: bool = False
    part: str | None = None  # the structure part it leaves missing: the rebuilt answer asks for it
    drop_evidence: bool = False  # the rebuilt answer leaves out the clauses that triggered it
    unless: tuple[str, ...] = ()  # not reported when one of these traps fired (it says it better)
    # the rule's own margin is capped by how far these absent-traps' rules are from firing: a
    # missing proof needs a lesson to prove, so a rule finding no lesson finds no missing proof
    needs: tuple[str, ...] = ()
    # `unless` holds it back only while it is weaker than this: an ending missing beyond doubt
    # is worth saying even beside a borderline trap that would otherwise explain it
    unless_below: float | None = Field(default=None, gt=0.5, le=1.0)


class Premise(_Strict):
    """What the question takes for granted (a loss, a mistake, a conflict), so an answer that
    denies or inverts it is answering another question (the `off_topic` trap)."""

    events: tuple[str, ...] = Field(min_length=1)  # the premise told as happening ("we lost")
    denials: tuple[str, ...] = ()  # this question's ways of denying it ("got on well")
    contrary: tuple[str, ...] = ()  # the opposite story ("we won", "I said yes")
    # who, as the other party of the premise's act, makes it another question's story: a
    # customer in a colleague conflict ("I disagreed with a client")
    rivals: tuple[str, ...] = ()
    # contrary phrases needed, none told: one reason that fits any employer among generalities
    # is a vague answer to the question, two are an answer to another one
    min_contrary: int = Field(default=1, ge=1)
    # the events are the question's subject itself (the company spoken to as "you"): an answer
    # that never tells one is about something else (a career history for "why here?")
    must_tell: bool = False


class Weights(_Strict):
    """How content and delivery add up to the overall score."""

    content: float = Field(default=0.75, ge=0.0, le=1.0)
    delivery: float = Field(default=0.25, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _sum_to_one(self) -> Weights:
        if abs(self.content + self.delivery - 1.0) > 1e-6:
            raise ValueError(f"content + delivery must be 1.0, got {self.content + self.delivery}")
        return self


class Question(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    category: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    variants: tuple[str, ...] = ()
    tests: tuple[str, ...] = Field(min_length=1)
    topic: tuple[str, ...] = ()  # words an on-topic answer touches (off_topic trap)
    structure: tuple[Part, ...] = Field(min_length=1)
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    traps: tuple[Trap, ...] = ()
    model_answer: str = Field(min_length=1)
    time_limit_s: int = Field(gt=0, le=600)
    difficulty: Difficulty
    roles: tuple[str, ...] = ()
    weights: Weights = Field(default_factory=Weights)
    skip_generic: tuple[str, ...] = ()  # generic traps (questions/traps.yaml) that do not apply
    premise: Premise | None = None  # what an answer may sidestep (off_topic)

    @field_validator("structure")
    @classmethod
    def _shares_sum_to_one(cls, parts: tuple[Part, ...]) -> tuple[Part, ...]:
        total = sum(p.share for p in parts)
        if abs(total - 1.0) > 0.02:
            raise ValueError(f"part shares must add up to 1.0, got {total:.2f}")
        _unique("structure", [p.id for p in parts])
        return parts

    @model_validator(mode="after")
    def _trap_parts_exist(self) -> Question:
        ids = {p.id for p in self.structure}
        for k, trap in enumerate(self.traps):
            if trap.part is not None and trap.part not in ids:
                raise ValueError(
                    f"traps[{k}] ({trap.id}).part: {trap.part!r} is not a structure part "
                    f"(have: {', '.join(sorted(ids))})"
                )
        return self

    @model_validator(mode="after")
    def _needs_come_first(self) -> Question:
        # the engine decides traps in order and caps a trap by the margins already decided, so
        # a trap it needs must be listed before it (a later one would be silently ignored)
        seen: set[str] = set()
        for trap in self.traps:
            later = set(trap.needs) - seen
            if later:
                raise ValueError(
                    f"traps ({trap.id}).needs: {', '.join(sorted(later))} must be traps listed "
                    f"before it in this question"
                )
            seen.add(trap.id)
        return self

    @model_validator(mode="after")
    def _owned_criteria_exist(self) -> Question:
        ids = {c.id for c in self.criteria}
        for trap in self.traps:
            unknown = set(trap.owned.criteria) - ids if trap.owned else set()
            if unknown:
                raise ValueError(
                    f"traps ({trap.id}).owned.criteria: {', '.join(sorted(unknown))} are not "
                    f"criteria of this question (have: {', '.join(sorted(ids))})"
                )
        return self

    @field_validator("criteria")
    @classmethod
    def _unique_criteria(cls, criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
        _unique("criteria", [c.id for c in criteria])
        return criteria

    @field_validator("traps")
    @classmethod
    def _unique_traps(cls, traps: tuple[Trap, ...]) -> tuple[Trap, ...]:
        _unique("traps", [t.id for t in traps])
        return traps

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.structure if p.id == part_id), None)

    def trap(self, trap_id: str) -> Trap | None:
        return next((t for t in self.traps if t.id == trap_id), None)


def _unique(field: str, ids: list[str]) -> None:
    seen = {i for i in ids if ids.count(i) > 1}
    if seen:
        raise ValueError(f"duplicate {field} id(s): {', '.join(sorted(seen))}")


class RolePack(_Strict):
    label: str = Field(min_length=1)
    questions: tuple[str, ...] = Field(min_length=1)


class RoleFile(_Strict):
    """questions/roles.yaml: role id -> its pack."""

    roles: dict[str, RolePack]
