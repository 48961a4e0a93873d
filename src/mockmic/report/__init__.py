"""Render a Report as terminal text, the stable JSON, or a self-contained HTML page.

    render(report, "text" | "json" | "html", width=None) -> str
    to_dict(report) -> dict                 the stable `mockmic.report/1` JSON as data
    html_context(report) -> dict            what templates/report_body.html needs
    TEMPLATES_DIR                           so the web app can include the same partial

Renderers are looked up by name in RENDERERS; add a format by adding an entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from mockmic.errors import BadInput
from mockmic.report._html import TEMPLATES_DIR, html_context, render_html
from mockmic.report._json import SCHEMA_ID, to_dict
from mockmic.report._text import render_text, text_renderable
from mockmic.types import Report

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "report.schema.json"

Renderer = Callable[[Report, int | None], str]


def _render_json(report: Report, width: int | None = None) -> str:
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": _render_json,
    "html": render_html,
}


def render(report: Report, fmt: str, *, width: int | None = None) -> str:
    """The report in format `fmt`; `width` sets the text report's columns (default 100)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        names = ", ".join(RENDERERS)
        raise BadInput(f"unknown report format {fmt!r}; choose one of: {names}") from None
    return renderer(report, width)


__all__ = [
    "RENDERERS",
    "SCHEMA_ID",
    "SCHEMA_PATH",
    "TEMPLATES_DIR",
    "html_context",
    "render",
    "text_renderable",
    "to_dict",
]
