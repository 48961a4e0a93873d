"""Named detectors: small functions that read an Answer and return a Finding.

A question's YAML file names a detector for each criterion and trap, with parameters; the engine
looks it up here. A criterion scores `100 * finding.score`; a trap fires when the score reaches its
threshold (or, for `when: absent`, stays below it). Adding a detector is adding one decorated
function and one line in docs/questions.md; the engine never changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from mockmic.rubric.answer import Answer
from mockmic.rubric.text import Span


@dataclass(frozen=True)
class Finding:
    """How strongly the detector found what it looks for (0..1) and the token spans that show it."""

    score: float
    evidence: tuple[Span, ...] = ()

    def clamp(self) -> Finding:
        return Finding(min(max(self.score, 0.0), 1.0), self.evidence)


class Params(BaseModel):
    """Base for a detector's parameters: unknown keys are a schema error in the YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Detector:
    name: str
    run: Callable[[Answer, Any], Finding]
    params: type[Params]
    summary: str


DETECTORS: dict[str, Detector] = {}


def detector(
    name: str, params: type[Params] = Params
) -> Callable[[Callable[[Answer, Any], Finding]], Callable[[Answer, Any], Finding]]:
    """Register a detector under `name`; its docstring's first line is its summary."""

    def register(fn: Callable[[Answer, Any], Finding]) -> Callable[[Answer, Any], Finding]:
        summary = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else name
        DETECTORS[name] = Detector(name, fn, params, summary)
        return fn

    return register


def parse_params(name: str, raw: Mapping[str, Any]) -> Params:
    """Validate a detector's parameters (raises KeyError for an unknown detector)."""
    return DETECTORS[name].params.model_validate(dict(raw))


def run(name: str, answer: Answer, params: Params) -> Finding:
    return DETECTORS[name].run(answer, params).clamp()


# The detector modules register themselves on import.
from mockmic.rubric.detectors import content as _content  # noqa: E402
from mockmic.rubric.detectors import traps as _traps  # noqa: E402

__all__ = ["DETECTORS", "Detector", "Finding", "Params", "detector", "parse_params", "run"]
_ = (_content, _traps)
