"""What a whole session adds up to: overall score, strongest and weakest points, what to practise.

Computed from the reports of the session's main answers (follow-ups are shown, not averaged), so
the web report page and the terminal session say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockmic.rubric.semantic import CRITERION_ID as SUMMARY_CRITERION
from mockmic.types import Report

__all__ = ["Point", "SessionSummary", "summarize"]

# Delivery habits worth a line of advice, and the level from which they are.
_FILLERS_PER_MINUTE = 4.0
_SLOW_WPM, _FAST_WPM = 110.0, 175.0
_SHOWN = 3
_STRONG = 50


@dataclass(frozen=True)
class Point:
    """One rubric criterion of one answer."""

    question_id: str
    label: str
    score: int
    tip: str


@dataclass(frozen=True)
class SessionSummary:
    overall: int | None
    content: int | None
    delivery: int | None
    answered: int
    strongest: tuple[Point, ...]
    weakest: tuple[Point, ...]
    practise_next: tuple[str, ...]


def summarize(reports: Sequence[Report]) -> SessionSummary:
    scored = sorted(
        (
            (Point(r.question.id, c.label, c.score, c.tip), bool(c.evidence))
            for r in reports
            for c in r.assessment.criteria
            if c.id != SUMMARY_CRITERION  # it sums up an answer; the others say what to change
        ),
        key=lambda pair: (pair[0].score, pair[0].label),
    )
    weakest = _distinct([p for p, _ in scored])[:_SHOWN]
    # A strength is a criterion the answer earned with its own words: full marks for avoiding a
    # fault ("we" never said) in a two-sentence answer is no strength.
    strongest = _distinct(
        [
            p
            for p, evidenced in reversed(scored)
            if evidenced and p not in weakest and p.score >= _STRONG
        ]
    )[:_SHOWN]
    return SessionSummary(
        overall=_mean([r.score.overall for r in reports]),
        content=_mean([r.score.content for r in reports]),
        delivery=_mean([r.score.delivery for r in reports if r.score.delivery is not None]),
        answered=len(reports),
        strongest=tuple(strongest),
        weakest=tuple(weakest),
        practise_next=tuple(_advice(reports, weakest)),
    )


def _distinct(points: Sequence[Point]) -> list[Point]:
    """The first point of each criterion label: the same criterion three times says nothing new."""
    seen: set[str] = set()
    kept = []
    for p in points:
        if p.label not in seen:
            seen.add(p.label)
            kept.append(p)
    return kept


def _mean(values: Sequence[int]) -> int | None:
    return round(sum(values) / len(values)) if values else None


def _advice(reports: Sequence[Report], weakest: Sequence[Point]) -> list[str]:
    lines: list[str] = []
    if reports:
        worst = min(reports, key=lambda r: r.score.overall)
        lines.append(
            f"Record “{worst.question.prompt}” again: it scored {worst.score.overall}, "
            "the lowest of this session."
        )
    lines.extend(f"{p.label}: {p.tip}" for p in weakest if p.tip)
    traps = sorted({t.id.replace("_", " ") for r in reports for t in r.assessment.traps})
    if traps:
        lines.append("Answer the follow-up probes you triggered (" + ", ".join(traps) + ").")
    lines.extend(_delivery_advice(reports))
    return list(dict.fromkeys(lines))  # keep order, drop repeats


def _delivery_advice(reports: Sequence[Report]) -> list[str]:
    lines = []
    fillers = [
        r.delivery.fillers_per_minute for r in reports if r.delivery.fillers_per_minute is not None
    ]
    if fillers and sum(fillers) / len(fillers) > _FILLERS_PER_MINUTE:
        lines.append(
            f"Fillers: {sum(fillers) / len(fillers):.1f} a minute. Let a short silence "
            "do the work of “um”."
        )
    pace = [r.delivery.words_per_minute for r in reports if r.delivery.words_per_minute]
    if pace:
        wpm = sum(pace) / len(pace)
        if wpm < _SLOW_WPM:
            lines.append(f"Pace: {wpm:.0f} words a minute is slow; rehearse the story's outline.")
        elif wpm > _FAST_WPM:
            lines.append(f"Pace: {wpm:.0f} words a minute is fast; breathe between the parts.")
    return lines
