"""The report of one answer as HTML, through the report package's shared partial."""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup

from mockmic import report as report_renderers
from mockmic.types import Report

__all__ = ["report_body"]


def report_body(env: Environment, report: Report) -> Markup:
    """templates/report_body.html of mockmic.report, the same one `mockmic score --format html`
    renders, so the page and the exported file never disagree."""
    html = env.get_template("report_body.html").render(**report_renderers.html_context(report))
    return Markup(html)
