"""The terminal report, built from Rich renderables.

`text_renderable()` gives the coloured Group a CLI prints; `render_text()` renders the same
Group into a plain string at a fixed width, which is what the golden tests compare.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from mockmic.report._format import (
    as_said,
    band,
    clock,
    focus,
    humanise,
    pct,
    prompt_pieces,
    secs,
    share,
    span,
    trap_name,
    verdict,
)
from mockmic.types import CriterionResult, Delivery, Marker, Report, Word

TYPED_NOTE = (
    "Typed answer: without timings only the words can be judged (hedges, apologies),"
    " not pace, pauses or voice."
)
BAND_STYLE = {
    "good": "green",
    "fair": "yellow",
    "weak": "dark_orange",
    "poor": "red",
    "none": "dim",
}
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(fraction: float, width: int, style: str = "") -> Text:
    """A horizontal bar `width` cells wide, filled to `fraction` in eighths of a cell."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    filled = "█" * full + (_EIGHTHS[part] if part else "")
    text = Text(filled, style=style)
    text.append("░" * (width - len(filled)), style="grey35")
    return text


def _section(title: str) -> Group:
    # A blank line before each rule gives the sections room to breathe.
    return Group(Text(), Rule(Text(title, style="bold"), align="left", style="grey50"))


def _score_rows(report: Report) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True)
    grid.add_column()
    score = report.score
    rows = (("Overall", score.overall), ("Content", score.content), ("Delivery", score.delivery))
    for label, value in rows:
        style = BAND_STYLE[band(value)]
        number = Text("–" if value is None else f"{value}/100", style=f"bold {style}")
        note = Text("not measured from typed text" if value is None else "", style="dim")
        # No bar at all for an unmeasured score: an empty bar would read as zero.
        drawn = Text(" " * 30) if value is None else bar(value / 100, 30, style)
        grid.add_row(Text(label, style="bold"), number, drawn, note)
    return grid


def _header(report: Report) -> Panel:
    overall = report.score.overall
    lines: list[RenderableType] = [
        Text(report.question.prompt, style="bold"),
        Text(verdict(overall), style=BAND_STYLE[band(overall)]),
        Text(),
        _score_rows(report),
    ]
    next_up = focus(report.assessment.criteria)
    if next_up is not None:
        lines += [
            Text(),
            Text("Practise next: ", style="bold") + Text(f"{next_up.label}. {next_up.tip}"),
        ]
    body = Group(*lines)
    title = Text(f"mockmic · {report.question.id}", style="bold")
    return Panel(body, title=title, title_align="left", box=box.ROUNDED, padding=(1, 2))


def _quotes(items: Iterable[str]) -> Text:
    return Text("\n").join(Text(f"“{item}”", style="italic") for item in items)


def _criterion(c: CriterionResult, criteria: tuple[CriterionResult, ...]) -> Group:
    """A heading line (score, bar, name, weight), then evidence and tip at full width: tips
    are sentences, and a table column would fold them into a narrow tower."""
    style = BAND_STYLE[band(c.score)]
    head = Table.grid(padding=(0, 1), expand=True)
    head.add_column(width=4, justify="right", no_wrap=True)
    head.add_column(width=8, no_wrap=True)
    head.add_column(ratio=1)
    head.add_column(justify="right", no_wrap=True)
    head.add_row(
        Text(str(c.score), style=f"bold {style}"),
        bar(c.score / 100, 8, style),
        Text(c.label or humanise(c.id), style="bold"),
        Text(f"{share(c, criteria)}% of content", style="dim"),
    )
    evidence = (
        Text("  ").join(Text(f"“{e}”", style="italic") for e in c.evidence)
        if c.evidence
        else Text("no words found", style="dim")
    )
    tip = Table.grid(padding=(0, 1))  # the arrow hangs; wrapped lines align with the text
    tip.add_column(no_wrap=True)
    tip.add_column(ratio=1)
    tip.add_row(Text("→", style="cyan"), Text(c.tip))
    return Group(head, Padding(Group(evidence, tip), (0, 0, 0, 14)))


def _rubric(report: Report) -> RenderableType:
    blocks: list[RenderableType] = []
    criteria = report.assessment.criteria
    for c in criteria:
        blocks += [Text(), _criterion(c, criteria)] if blocks else [_criterion(c, criteria)]
    return Group(*blocks)


def _traps(report: Report) -> RenderableType:
    rows: list[RenderableType] = []
    for trap in report.assessment.traps:
        rows.append(Text(f"⚠ {trap_name(trap.id)}", style="bold red") + Text(f"  ({trap.id})"))
        if trap.evidence:
            rows.append(Padding(_quotes(trap.evidence), (0, 0, 0, 2)))
        if trap.probe:
            rows.append(Padding(Text(f"Probe: {trap.probe}", style="cyan"), (0, 0, 0, 2)))
    if not rows:
        rows.append(Text("No traps fired.", style="green"))
    if report.follow_up:
        rows += [Text(), Text("Follow-up: ", style="bold") + Text(report.follow_up, style="cyan")]
    return Group(*rows)


def _markers(markers: tuple[Marker, ...], words: tuple[Word, ...], limit: int = 8) -> Text:
    parts = [
        f"“{as_said(m, words)}”" + ("" if m.start is None else f" {clock(m.start)}")
        for m in markers[:limit]
    ]
    more = f" … +{len(markers) - limit}" if len(markers) > limit else ""
    return Text(", ".join(parts) + more, style="dim")


def _delivery_rows(d: Delivery, words: tuple[Word, ...]) -> list[tuple[str, Text, Text]]:
    rows: list[tuple[str, Text, Text]] = []
    if d.duration_s is not None:
        limit = "" if d.time_limit_s is None else f" of a {clock(d.time_limit_s)} limit"
        over = f", over by {clock(d.over_time_s)}" if d.over_time_s else ""
        rows.append(
            ("Length", Text(f"{clock(d.duration_s)}{limit}{over}"), Text(span(0, d.duration_s)))
        )
    if d.words_per_minute is not None:
        pace = f"{d.words_per_minute:.0f} wpm overall"
        if d.articulation_wpm is not None:
            pace += f" · {d.articulation_wpm:.0f} wpm while speaking"
        rows.append(("Pace", Text(pace), Text(span(0, d.duration_s))))
    timed = d.duration_s is not None
    if timed or d.fillers:  # a typed "um" is still a filler; a typed answer has no per-minute
        per_min = "" if d.fillers_per_minute is None else f" · {d.fillers_per_minute:.1f}/min"
        rows.append(("Fillers", Text(f"{len(d.fillers)}{per_min}"), _markers(d.fillers, words)))
    if timed:
        pauses = ", ".join(f"{clock(p.start)} ({secs(p.seconds)})" for p in d.long_pauses[:8])
        rows.append(
            (
                f"Pauses ≥ {d.pause_threshold_s:g} s",
                Text(str(len(d.long_pauses))),
                Text(pauses, style="dim"),
            )
        )
    rows.append(("Hedges", Text(str(len(d.hedges))), _markers(d.hedges, words)))
    rows.append(("Apologies", Text(str(len(d.apologies))), _markers(d.apologies, words)))
    if timed or d.restarts:
        rows.append(("Restarts", Text(str(len(d.restarts))), _markers(d.restarts, words)))
    if d.pitch_steadiness is not None or d.loudness_steadiness is not None:
        steady = " · ".join(
            f"{name} {value:.2f}"
            for name, value in (("pitch", d.pitch_steadiness), ("loudness", d.loudness_steadiness))
            if value is not None
        )
        rows.append(("Steadiness", Text(steady), Text("1.00 = steady", style="dim")))
    return rows


def _delivery(report: Report) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for label, value, where in _delivery_rows(report.delivery, report.transcript.words):
        grid.add_row(label, value, where)
    if report.transcript.timed:
        return grid
    note = Text(TYPED_NOTE, "dim")
    return Group(note, grid)


def _parts(report: Report) -> Table:
    timed = report.transcript.timed
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    for p in report.assessment.parts:
        where = f"{span(p.start, p.end)}  {secs(p.seconds)}" if timed else ""
        grid.add_row(humanise(p.part), where, bar(p.share, 30, "blue"), pct(p.share))
    return grid


def _answer(title: str, text: str) -> Panel:
    body = Text()
    for piece, is_prompt in prompt_pieces(text):
        body.append(f"[{piece}]" if is_prompt else piece, style="bold yellow" if is_prompt else "")
    return Panel(body, title=Text(title, style="bold"), title_align="left", box=box.ROUNDED)


def text_renderable(report: Report) -> Group:
    """The whole terminal report as one Rich renderable, for `console.print`."""
    share = "share of speaking time" if report.transcript.timed else "share of words"
    return Group(
        _header(report),
        _section("Rubric"),
        _rubric(report),
        _section("Traps and follow-up"),
        _traps(report),
        _section("Delivery"),
        _delivery(report),
        _section(f"Parts of the answer ({share})"),
        _parts(report),
        _section("Model answers"),
        _answer("Exemplar", report.model_answer.exemplar),
        _answer(_rebuilt_title(report), report.model_answer.personalized),
    )


def _rebuilt_title(report: Report) -> str:
    by = report.model_answer.personalized_by
    author = "" if by == "rules" else f", reworded by {by.removeprefix('llm:')}"
    return f"Your answer, rebuilt ([…] = missing, fill it in{author})"


def render_text(report: Report, width: int | None = None) -> str:
    """Plain text (no colour codes) at a fixed width; 100 columns unless told."""
    out = io.StringIO()
    console = Console(
        file=out,
        width=width or 100,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    console.print(text_renderable(report))
    # Tables pad their cells with spaces; a saved report reads better without them.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
