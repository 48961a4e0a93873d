"""Geometry for the inline SVG charts: the score ring and the timeline of parts, events and pace.

Coordinates are worked out here, in plain numbers, so the template only draws; the SVG uses a
viewBox and scales with the page.
"""

from __future__ import annotations

import math
from typing import Any

from mockmic.report._format import clock, humanise
from mockmic.types import Report

# One colour per part of the recommended shape; unknown parts take the spare colours in turn.
PART_COLOURS: dict[str, str] = {
    "context": "#8a94a6",
    "failure": "#d9534f",
    "ownership": "#e08a2c",
    "action": "#c9a227",
    "lesson": "#2e9e6a",
    "change": "#2b7bb9",
    "proof": "#6a5acd",
}
SPARE_COLOURS = ("#b5527f", "#3aa6a6", "#7d8f3a", "#a0703c", "#5b6b8c")

COMFORT_WPM = (120.0, 160.0)  # a relaxed, clear interview pace

WIDTH = 880.0
GUTTER = 92.0  # room for the row labels on the left
RIGHT = 14.0


def part_colours(parts: list[str]) -> dict[str, str]:
    colours: dict[str, str] = {}
    spare = 0
    for part in parts:
        if part in colours:
            continue
        if part in PART_COLOURS:
            colours[part] = PART_COLOURS[part]
        else:
            colours[part] = SPARE_COLOURS[spare % len(SPARE_COLOURS)]
            spare += 1
    return colours


def ring(score: int, radius: float = 54.0) -> dict[str, float]:
    """A circle's stroke-dasharray that fills `score` percent of it."""
    circumference = 2 * math.pi * radius
    filled = circumference * min(max(score, 0), 100) / 100
    return {"r": radius, "filled": round(filled, 2), "gap": round(circumference - filled, 2)}


def _tick_step(duration: float) -> float:
    """A round tick interval that gives about 6-12 ticks (at least 2 on a few-second answer)."""
    return next((s for s in (1, 2, 5, 10, 15, 30, 60, 120) if duration / s <= 12), 300)


def timeline(report: Report) -> dict[str, Any] | None:
    """Rows of the timeline chart, or None when the answer has no timings."""
    d = report.delivery
    duration = d.duration_s or report.transcript.duration_s
    if not report.transcript.timed or not duration:
        return None
    end = max(duration, d.time_limit_s or 0) if (d.over_time_s or 0) > 0 else duration
    scale = (WIDTH - GUTTER - RIGHT) / end

    def x(t: float) -> float:
        return round(GUTTER + min(max(t, 0.0), end) * scale, 1)

    colours = part_colours([p.part for p in report.assessment.parts])
    parts = [
        {
            "x": x(p.start),
            "w": max(round(x(p.end) - x(p.start), 1), 1.0),
            "colour": colours[p.part],
            "label": humanise(p.part) if (p.end - p.start) * scale > 52 else "",
            "title": f"{humanise(p.part)} {clock(p.start)}\u2013{clock(p.end)}",
        }
        for p in report.assessment.parts
        if p.start is not None and p.end is not None
    ]
    fillers = [
        {"x": x(m.start), "title": f"\u201c{m.text}\u201d at {clock(m.start)}"}
        for m in d.fillers
        if m.start is not None
    ]
    pauses = [
        {
            "x": x(p.start),
            "w": max(round(p.seconds * scale, 1), 2.0),
            "title": f"{p.seconds:.1f} s pause at {clock(p.start)}",
        }
        for p in d.long_pauses
    ]
    return {
        "width": WIDTH,
        "gutter": GUTTER,
        "right": WIDTH - RIGHT,
        "parts": parts,
        "fillers": fillers,
        "pauses": pauses,
        "pace": _pace(report, x),
        "ticks": [{"x": x(t), "label": clock(t)} for t in _frange(0.0, end, _tick_step(end))],
        "limit": None
        if not (d.over_time_s or 0) > 0 or d.time_limit_s is None
        else {"x": x(d.time_limit_s), "w": round(x(end) - x(d.time_limit_s), 1)},
    }


def _frange(start: float, stop: float, step: float) -> list[float]:
    count = int(stop // step) + 1
    return [start + i * step for i in range(count) if start + i * step <= stop + 1e-6]


PACE_TOP = 96.0  # y of the pace chart's top edge
PACE_HEIGHT = 112.0


def _pace(report: Report, x: Any) -> dict[str, Any] | None:
    windows = report.delivery.pace
    if not windows:
        return None
    top_wpm = max(200.0, max(w.words_per_minute for w in windows) + 20)

    def y(wpm: float) -> float:
        return round(PACE_TOP + PACE_HEIGHT * (1 - min(wpm, top_wpm) / top_wpm), 1)

    points = [((x(w.start) + x(w.end)) / 2, y(w.words_per_minute), w) for w in windows]
    # A step per window: the pace held over that stretch, not a line between guesses.
    step = "M" + " L".join(
        f"{x(w.start)},{y(w.words_per_minute)} L{x(w.end)},{y(w.words_per_minute)}" for w in windows
    )
    return {
        "path": step,
        "area": f"M{x(windows[0].start)},{y(0)} L{step[1:]} L{x(windows[-1].end)},{y(0)} Z",
        "dots": [
            {
                "x": round(px, 1),
                "y": py,
                "title": f"{w.words_per_minute:.0f} wpm, {clock(w.start)}\u2013{clock(w.end)}",
            }
            for px, py, w in points
        ],
        "band": {"y": y(COMFORT_WPM[1]), "h": round(y(COMFORT_WPM[0]) - y(COMFORT_WPM[1]), 1)},
        "grid": [{"y": y(v), "label": f"{v:.0f}"} for v in (0, 100, 200) if v <= top_wpm],
        "top": PACE_TOP,
        "bottom": y(0),
    }
