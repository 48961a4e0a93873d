"""Inline SVG charts as data: the templates draw what these compute (no chart library, no JS)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LineChart", "line_chart"]


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    value: int
    label: str
    href: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    dots: tuple[Dot, ...]
    gridlines: tuple[tuple[float, int], ...]  # (y, score) for 0, 50, 100

    @property
    def points(self) -> str:
        return " ".join(f"{d.x:.1f},{d.y:.1f}" for d in self.dots)


def line_chart(
    values: Sequence[tuple[int, str, str]], width: int = 320, height: int = 120, pad: int = 14
) -> LineChart:
    """Scores 0-100 (with a label and a link each) spread evenly left to right, oldest first."""
    inner_w, inner_h = width - 2 * pad, height - 2 * pad

    def y_of(score: int) -> float:
        return pad + inner_h * (1 - score / 100)

    step = inner_w / (len(values) - 1) if len(values) > 1 else 0.0
    x0 = pad if len(values) > 1 else width / 2
    dots = tuple(
        Dot(x0 + i * step, y_of(v), v, label, href) for i, (v, label, href) in enumerate(values)
    )
    return LineChart(width, height, dots, tuple((y_of(s), s) for s in (0, 50, 100)))
