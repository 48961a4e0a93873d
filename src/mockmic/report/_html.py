"""The HTML report: one self-contained page, or the `report_body.html` partial for the web app.

`html_context(report)` turns a Report into plain values the templates only lay out; the web app
renders `report_body.html` with the same context inside its own pages (TEMPLATES_DIR on its
loader, `report.css` as its stylesheet, `report.js` once per page for the legend toggles).
Jinja2 autoescape is on for every .html template, so transcript text can never become markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from mockmic.report._annotate import LEGEND, Token, annotate
from mockmic.report._charts import COMFORT_WPM, part_colours, ring, timeline
from mockmic.report._format import (
    as_said,
    band,
    clock,
    focus,
    humanise,
    prompt_pieces,
    share,
    span,
    trap_name,
    verdict,
)
from mockmic.types import Delivery, Marker, Report, Word

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=jinja2.select_autoescape(["html", "svg"]),
        undefined=jinja2.StrictUndefined,  # a missing context value is a bug, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _markers(markers: tuple[Marker, ...], words: tuple[Word, ...]) -> list[dict[str, str]]:
    return [
        {"text": as_said(m, words), "at": "" if m.start is None else clock(m.start)}
        for m in markers
    ]


def _figure(
    label: str, value: str, unit: str = "", detail: str = "", **more: Any
) -> dict[str, Any]:
    base = {"label": label, "value": value, "unit": unit, "detail": detail, "chips": []}
    return base | {"flag": "", "note": "", "spans": "", "bar": None, "bar_band": ""} | more


def _timed_figures(d: Delivery, words: tuple[Word, ...]) -> list[dict[str, Any]]:
    whole = span(0, d.duration_s)
    over = d.over_time_s or 0
    limit = "" if d.time_limit_s is None else f"of a {clock(d.time_limit_s)} limit"
    used = min((d.duration_s or 0) / d.time_limit_s, 1.0) if d.time_limit_s else None
    length = _figure(
        "Length",
        clock(d.duration_s),
        "",
        limit,
        spans=whole,
        flag=f"over by {clock(over)}" if over > 0 else "",
        bar=None if used is None else round(used * 100),
        bar_band="poor" if over > 0 else "good",
    )
    pace_detail = (
        "" if d.articulation_wpm is None else f"{d.articulation_wpm:.0f} wpm while speaking"
    )
    low, high = COMFORT_WPM
    pace = _figure(
        "Pace",
        "\u2013" if d.words_per_minute is None else f"{d.words_per_minute:.0f}",
        "wpm",
        pace_detail,
        spans=whole,
        note=f"comfortable: {low:.0f}\u2013{high:.0f} wpm",
    )
    per_min = "" if d.fillers_per_minute is None else f"{d.fillers_per_minute:.1f} per minute"
    fillers = _figure("Fillers", str(len(d.fillers)), "", per_min, spans=whole)
    fillers["chips"] = _markers(d.fillers, words)
    pauses = _figure(
        "Long pauses", str(len(d.long_pauses)), "", f"silences of {d.pause_threshold_s:g} s or more"
    )
    pauses["chips"] = [{"text": f"{p.seconds:.1f} s", "at": clock(p.start)} for p in d.long_pauses]
    return [length, pace, fillers, pauses]


def _steadiness(d: Delivery) -> list[dict[str, Any]]:
    return [
        {"label": name, "value": round(value * 100)}
        for name, value in (("pitch", d.pitch_steadiness), ("loudness", d.loudness_steadiness))
        if value is not None
    ]


def _figures(report: Report) -> list[dict[str, Any]]:
    d = report.delivery
    figures = _timed_figures(d, report.transcript.words) if report.transcript.timed else []
    typed = [] if report.transcript.timed or not d.fillers else [("Fillers", d.fillers, "typed in")]
    for label, markers, detail in (
        *typed,
        ("Hedges", d.hedges, "words that soften a claim"),
        ("Apologies", d.apologies, "saying sorry in the answer"),
        ("Restarts", d.restarts, "words repeated or sentences begun again"),
    ):
        if label == "Restarts" and not (report.transcript.timed or markers):
            continue
        figure = _figure(label, str(len(markers)), "", detail)
        figure["chips"] = _markers(markers, report.transcript.words)
        figures.append(figure)
    return figures


def _parts(report: Report) -> list[dict[str, Any]]:
    parts = report.assessment.parts
    colours = part_colours([p.part for p in parts])
    return [
        {
            "id": p.part,
            "name": humanise(p.part),
            "colour": colours[p.part],
            "share": round(p.share * 100),
            "seconds": "" if p.seconds is None else f"{p.seconds:.0f} s",
            "span": span(p.start, p.end),
            "text": p.text,
        }
        for p in parts
    ]


def _scores(report: Report) -> list[dict[str, Any]]:
    s = report.score
    return [
        {"label": label, "value": value, "band": band(value)}
        for label, value in (("Content", s.content), ("Delivery", s.delivery))
    ]


def _focus(report: Report) -> dict[str, str] | None:
    c = focus(report.assessment.criteria)
    return None if c is None else {"label": c.label or humanise(c.id), "tip": c.tip}


def _paragraphs(report: Report, tokens: list[Token]) -> list[dict[str, Any]]:
    """The transcript split where each part begins, so each part reads as its own paragraph."""
    colours = part_colours([p.part for p in report.assessment.parts])
    paragraphs: list[dict[str, Any]] = [{"part": "", "name": "", "colour": "", "tokens": []}]
    for token in tokens:
        if token.kind == "part":
            if not paragraphs[-1]["tokens"]:
                paragraphs.pop()
            paragraphs.append(
                {
                    "part": token.part,
                    "name": token.label,
                    "colour": colours[token.part],
                    "tokens": [],
                }
            )
        else:
            paragraphs[-1]["tokens"].append(token)
    return [p for p in paragraphs if p["tokens"]]


# The stable data-testids a page driver reads. A page has one `report-score` and one
# `transcript`: this answer's on its own page, the session's when several answers share a page
# (each answer's then carries the per-question ids).
TESTIDS = {"score": "report-score", "transcript": "transcript"}
TESTIDS_IN_SESSION = {"score": "question-score", "transcript": "question-transcript"}


def html_context(report: Report, *, anchor: str = "mm", in_session: bool = False) -> dict[str, Any]:
    """Everything `report_body.html` shows, as plain values. `anchor` prefixes element ids so
    several reports can share one page; `in_session` marks an answer shown inside a session's
    page, whose overall score and transcript carry the page-wide test ids."""
    tokens, legend = annotate(report)
    overall = report.score.overall
    return {
        "anchor": anchor,
        "testid": TESTIDS_IN_SESSION if in_session else TESTIDS,
        "question": report.question,
        "engine": report.transcript.engine,
        "timed": report.transcript.timed,
        "duration": clock(report.delivery.duration_s) if report.delivery.duration_s else "",
        "overall": {
            "value": overall,
            "band": band(overall),
            "verdict": verdict(overall),
            **ring(overall),
        },
        "scores": _scores(report),
        "focus": _focus(report),
        "criteria": [
            {
                "id": c.id,
                "label": c.label or humanise(c.id),
                "weight": share(c, report.assessment.criteria),
                "score": c.score,
                "band": band(c.score),
                "evidence": list(c.evidence),
                "tip": c.tip,
            }
            for c in report.assessment.criteria
        ],
        "traps": [
            {"id": t.id, "name": trap_name(t.id), "evidence": list(t.evidence), "probe": t.probe}
            for t in report.assessment.traps
        ],
        "follow_up": report.follow_up,
        "paragraphs": _paragraphs(report, tokens),
        "legend": [{"kind": k, "label": LEGEND[k][0], "meaning": LEGEND[k][1]} for k in legend],
        "timeline": timeline(report),
        "comfort": "\u2013".join(f"{v:.0f}" for v in COMFORT_WPM),
        "parts": _parts(report),
        "figures": _figures(report),
        "steadiness": _steadiness(report.delivery),
        "exemplar": report.model_answer.exemplar,
        "personalized": [
            {"text": text, "prompt": is_prompt}
            for text, is_prompt in prompt_pieces(report.model_answer.personalized)
        ],
        # who reworded it when an optional LLM did (None: mockmic's own rules, the default)
        "reworded_by": (
            None
            if report.model_answer.personalized_by == "rules"
            else report.model_answer.personalized_by.removeprefix("llm:")
        ),
        "audio_path": report.audio_path,
    }


def render_html(report: Report, width: int | None = None) -> str:
    """A whole standalone page; `width` is ignored (the page reflows)."""
    return environment().get_template("report_page.html").render(html_context(report))
