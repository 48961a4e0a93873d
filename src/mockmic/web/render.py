"""The report of one answer as HTML, through the report package's shared partial."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from mockmic import report as report_renderers
from mockmic.types import Report

__all__ = ["report_body"]


def report_body(env: Environment, report: Report, anchor: str = "mm") -> Markup:
    """templates/report_body.html of mockmic.report, the same one `mockmic score --format html`
    renders, so the page and the exported file never disagree. `anchor` keeps element ids
    unique when several answers share a page; the page's own score and transcript carry the
    `report-score` and `transcript` test ids, each answer's `question-score` and
    `question-transcript`."""
    context = report_renderers.html_context(report, anchor=anchor, in_session=True)
    html = env.get_template("report_body.html").render(**context)
    return Markup(html)
