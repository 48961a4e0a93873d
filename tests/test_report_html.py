"""The HTML report: self-contained, escaped, well-formed, and showing what the report knows."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import jinja2
import pytest

from mockmic.report import TEMPLATES_DIR, html_context, render
from mockmic.report._html import environment
from mockmic.report.samples import timed_report, typed_report
from mockmic.types import Marker, Report, Transcript, Word

VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source", "wbr"}


class _Balance(HTMLParser):
    """Fails on a closing tag that does not match the last open one."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def _balanced(html: str) -> list[str]:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    return parser.errors + [f"<{tag}> never closed" for tag in parser.stack]


class _Texts(HTMLParser):
    """The text inside each element carrying a CSS class (nested elements included)."""

    def __init__(self, cls: str) -> None:
        super().__init__()
        self.cls = cls
        self.depth = 0  # open elements since the matching one, 0 when outside
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
        elif self.cls in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


def _texts(html: str, cls: str) -> list[str]:
    parser = _Texts(cls)
    parser.feed(html)
    return parser.texts


def _classes(html: str, cls: str) -> int:
    return len(_texts(html, cls))


@pytest.fixture(scope="module")
def timed_html() -> str:
    return render(timed_report(), "html")


@pytest.fixture(scope="module")
def typed_html() -> str:
    return render(typed_report(), "html")


@pytest.mark.parametrize("which", ["timed_html", "typed_html"])
def test_page_is_self_contained_and_well_formed(which: str, request: pytest.FixtureRequest) -> None:
    html: str = request.getfixturevalue(which)
    assert html.startswith("<!doctype html>")
    assert _balanced(html) == []
    # Nothing is fetched: no external links, scripts, stylesheets, fonts or images.
    assert not re.search(r'(src|href)="(?!#)', html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "http://" not in html and "https://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "@media print" in html


def test_transcript_text_is_escaped() -> None:
    base = typed_report()
    hostile = (Word("<script>alert(1)</script>", origin="text"), Word("&amp;", origin="text"))
    report = replace(
        base,
        question=replace(base.question, prompt='Say "<b>" & go'),
        transcript=Transcript(base.transcript.words + hostile, "text"),
        follow_up="<img src=x onerror=alert(1)>",
    )
    html = render(report, "html")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;amp;" in html
    assert "Say &#34;&lt;b&gt;&#34; &amp; go" in html
    assert _balanced(html) == []


def test_scores_and_rubric(timed_html: str) -> None:
    assert re.search(r'data-testid="report-score">79<', timed_html)
    assert "Solid base — a few things to tighten." in timed_html
    assert _classes(timed_html, "mm-criterion") == 7
    assert "<li>That was on me.</li>" in timed_html
    assert "Replace the “um”s with a short silent pause." in timed_html
    # The most weighted points lost: lesson (20% weight, 75) beats composure (10%, 60).
    assert "<strong>Practise next: A concrete lesson.</strong> Name the habit" in timed_html


def test_transcript_marks_fillers_pauses_and_trap_evidence(timed_html: str) -> None:
    transcript = timed_html[timed_html.index('data-testid="transcript"') :]
    transcript = transcript[: transcript.index("</section>")]
    assert _classes(transcript, "mm-filler") == 4
    pauses = re.findall(r'<span class="mm-pause" title="silence of ([\d.]+) s">', transcript)
    assert pauses == ["2.7", "1.9", "1.3"]
    # The quote "we, um, rebuilt the numbers" spans three highlight runs (we | um | rebuilt
    # the numbers); the spaces between them sit inside the highlight so it reads as one.
    assert _texts(transcript, "mm-trap") == ["we", " ", "um", " ", "rebuilt the numbers"]
    assert _classes(transcript, "mm-hedge") == 1 and _classes(transcript, "mm-restart") == 1
    # Punctuation stays outside a highlight: "um," shows "um" marked and the comma after it.
    assert re.search(
        r'mm-filler"><span data-start="0.72" title="[^"]*">um</span></span>,', transcript
    )
    # Each part of the answer is a paragraph, in order.
    labels = re.findall(r'<span class="mm-para-part"[^>]*>(\w+)</span>', transcript)
    assert labels == ["Context", "Failure", "Ownership", "Action", "Lesson", "Change", "Proof"]


def test_legend_lists_only_marks_that_occur(timed_html: str, typed_html: str) -> None:
    def legend(html: str) -> list[str]:
        return re.findall(r'<li data-kind="(\w+)"', html)

    assert legend(timed_html) == ["filler", "hedge", "restart", "trap", "pause"]
    assert legend(typed_html) == ["hedge", "apology", "trap"]


def test_timeline_chart(timed_html: str) -> None:
    svg = timed_html[timed_html.index('<svg class="mm-timeline"') :]
    svg = svg[: svg.index("</svg>")]
    assert svg.count("<rect x=") == 7  # one block per part
    assert _classes(svg, "mm-tl-filler") == 4
    assert _classes(svg, "mm-tl-pause") == 3
    assert _classes(svg, "mm-tl-dot") == 8  # one per 10 s pace window over 78 s
    assert "mm-tl-over" not in svg  # within the time limit
    ticks = re.findall(r'class="mm-tl-tick"[^>]*>([\d:]+)<', svg)
    assert ticks == ["0:00", "0:10", "0:20", "0:30", "0:40", "0:50", "1:00", "1:10"]


def test_delivery_figures_with_their_spans(timed_html: str) -> None:
    assert "of a 2:00 limit" in timed_html and "over 0:00–1:18" in timed_html
    assert "130 wpm while speaking" in timed_html
    assert "<li>2.7 s <time>0:13</time></li>" in timed_html
    assert "<li>um <time>0:01</time></li>" in timed_html
    assert "over by" not in timed_html
    # 1:18 of 2:00 used, drawn as a bar.
    assert '<span class="mm-bar mm-bar-thin band-good"><span style="width: 65%">' in timed_html


def test_over_time_is_flagged_on_the_chart_and_figure() -> None:
    base = timed_report()
    report = replace(base, delivery=replace(base.delivery, time_limit_s=60.0, over_time_s=18.2))
    html = render(report, "html")
    assert '<p class="mm-flag">over by 0:18</p>' in html
    assert 'class="mm-tl-over"' in html


def test_typed_answer_has_no_timeline_and_says_why(typed_html: str) -> None:
    assert "mm-timeline" not in typed_html.split("</style>")[1]
    assert (
        "only the words can be judged (hedges, apologies), not pace, pauses or voice" in typed_html
    )
    assert "Share of words in each part" in typed_html
    figures = re.findall(r'<p class="mm-figure-label">(.*?)</p>', typed_html)
    assert figures == ["Hedges", "Apologies"]
    assert "<li>I guess</li>" in typed_html and "data-start" not in typed_html


def test_personalised_answer_marks_missing_parts(typed_html: str, timed_html: str) -> None:
    gaps = re.findall(r'<mark class="mm-prompt-gap">(.*?)</mark>', typed_html)
    assert (
        gaps[0] == "Pick a time something you owned went wrong: what was it, and what did it cost?"
    )
    assert len(gaps) == 5 + 1  # five prompts, and the one in the note that explains them
    assert "[" not in "".join(gaps)
    assert "what did you yourself do to rebuild the numbers?" in timed_html


def test_web_app_can_render_the_same_partial() -> None:
    report: Report = timed_report()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([TEMPLATES_DIR]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.trim_blocks = env.lstrip_blocks = True
    body = env.get_template("report_body.html").render(html_context(report, anchor="q2"))
    assert "<html" not in body and "<body" not in body
    assert body.lstrip().startswith('<article class="mm-report" id="q2-report">')
    assert _balanced(body) == []
    page = render(report, "html")
    assert body.replace('id="q2-', 'id="mm-').replace("#q2-", "#mm-") in page
    assert (TEMPLATES_DIR / "report.css").is_file()


def test_one_report_score_and_one_transcript_per_page() -> None:
    """The stable test ids a page driver reads resolve to one element each: on its own the
    answer's; inside a session's page the answer takes the per-question ids instead."""
    page = render(timed_report(), "html")
    ids = re.findall(r'data-testid="([a-z-]+)"', page)
    assert ids.count("report-score") == 1 and ids.count("transcript") == 1
    inside = (
        environment()
        .get_template("report_body.html")
        .render(html_context(timed_report(), in_session=True))
    )
    ids = re.findall(r'data-testid="([a-z-]+)"', inside)
    assert sorted(ids) == ["question-score", "question-transcript"]


def test_chart_titles_are_escaped_too() -> None:
    base = timed_report()
    fillers = tuple(replace(m, text="<b onclick=x>um</b>") for m in base.delivery.fillers)
    report = replace(base, delivery=replace(base.delivery, fillers=fillers))
    html = render(report, "html")
    svg = html[html.index('<svg class="mm-timeline"') :]
    svg = svg[: svg.index("</svg>")]
    assert svg.count("&lt;b onclick=x&gt;um&lt;/b&gt;") == 4
    assert "<b onclick" not in html


def test_an_empty_report_still_renders_in_every_format() -> None:
    base = timed_report()
    empty = replace(
        base,
        transcript=Transcript((), "faster-whisper:tiny.en", 3.0),
        delivery=replace(
            base.delivery, fillers=(), hedges=(), restarts=(), long_pauses=(), pace=()
        ),
        assessment=replace(base.assessment, parts=(), criteria=(), traps=()),
        follow_up=None,
    )
    html = render(empty, "html")
    assert _balanced(html) == []
    assert "No words were heard in this answer." in html
    assert "could not be split into the parts" in html
    assert "no rubric to score against" in html
    assert "No traps fired" in html
    assert 'class="mm-tl-line"' not in html  # no pace to draw
    assert "No traps fired." in render(empty, "text")
    assert render(empty, "json")


def test_typed_fillers_get_a_figure_without_a_rate() -> None:
    base = typed_report()
    report = replace(base, delivery=replace(base.delivery, fillers=(Marker("um", word_index=1),)))
    html = render(report, "html")
    figures = re.findall(r'<p class="mm-figure-label">(.*?)</p>', html)
    assert figures == ["Fillers", "Hedges", "Apologies"]
    assert "per minute" not in html


@pytest.mark.parametrize(
    ("seconds", "step"), [(4.0, 1), (9.5, 1), (24.0, 2), (55.0, 5), (600.0, 60)]
)
def test_timeline_ticks_fit_the_answer_length(seconds: float, step: int) -> None:
    """Even a few-second answer gets a readable time axis, not a lone 0:00."""
    from mockmic.report._charts import _tick_step

    assert _tick_step(seconds) == step
    assert 3 <= seconds // step + 1 <= 13
