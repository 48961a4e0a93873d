"""The terminal report: rendered at a fixed width into a string and compared exactly, in the
manner of Rich's own tests (tests/test_rule.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from mockmic.errors import BadInput
from mockmic.report import RENDERERS, render, text_renderable
from mockmic.report.samples import timed_report, typed_report
from mockmic.types import Marker, Report

EXPECTED_TIMED_100 = """\
╭─ mockmic · failure ──────────────────────────────────────────────────────────────────────────────╮
│                                                                                                  │
│  Tell me about a time you failed.                                                                │
│  Solid base — a few things to tighten.                                                           │
│                                                                                                  │
│  Overall   79/100  ███████████████████████▊░░░░░░                                                │
│  Content   82/100  ████████████████████████▋░░░░░                                                │
│  Delivery  71/100  █████████████████████▎░░░░░░░░                                                │
│                                                                                                  │
│  Practise next: A concrete lesson. Name the habit you changed, not just the insight; drop the    │
│  “sort of”.                                                                                      │
│                                                                                                  │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯

Rubric ─────────────────────────────────────────────────────────────────────────────────────────────
  85 ██████▊░ A real failure, kept contained                                          15% of content
              “the totals for our biggest customers were off by about two percent”
              → Good: a real mistake with a clear, limited cost.

  90 ███████▎ Ownership, stated plainly and early                                     20% of content
              “That was on me.”  “I had cut the parallel run”
              → Keep the “that was on me” sentence; it lands well.

 100 ████████ No blame on others                                                      10% of content
              no words found
              → Nobody else was blamed.

  70 █████▋░░ Short backstory                                                         10% of content
              “last year I led the move of our billing reports”
              → Two sentences of setting are enough; start the failure sooner.

  75 ██████░░ A concrete lesson                                                       20% of content
              “say out loud which risk I'm taking on”
              → Name the habit you changed, not just the insight; drop the “sort of”.

  80 ██████▍░ A change, with proof it stuck                                           15% of content
              “written cut-over checklist”  “four migrations that way”
              → Add one number that shows the checklist caught something.

  60 ████▊░░░ Composure                                                               10% of content
              “um”  “uh”  “I I”
              → Replace the “um”s with a short silent pause.

Traps and follow-up ────────────────────────────────────────────────────────────────────────────────
⚠ “We” instead of “I”  (we_not_i)
  “we, um, rebuilt the numbers”
  Probe: What did you yourself do that weekend?

Follow-up: What did you yourself do that weekend?

Delivery ───────────────────────────────────────────────────────────────────────────────────────────
Length        1:18 of a 2:00 limit                      0:00–1:18
Pace          120 wpm overall · 130 wpm while speaking  0:00–1:18
Fillers       4 · 3.1/min                               “um” 0:01, “uh” 0:18, “um” 0:38, “like” 1:14
Pauses ≥ 1 s  3                                         0:13 (2.7 s), 0:43 (1.9 s), 1:10 (1.3 s)
Hedges        1                                         “sort of” 0:58
Apologies     0
Restarts      1                                         “I I” 0:33
Steadiness    pitch 0.74 · loudness 0.81                1.00 = steady

Parts of the answer (share of speaking time) ───────────────────────────────────────────────────────
Context    0:00–0:16  15.8 s  ██████▏░░░░░░░░░░░░░░░░░░░░░░░  20%
Failure    0:16–0:25  8.4 s   ███▎░░░░░░░░░░░░░░░░░░░░░░░░░░  11%
Ownership  0:25–0:33  8.8 s   ███▍░░░░░░░░░░░░░░░░░░░░░░░░░░  11%
Action     0:33–0:45  11.1 s  ████▍░░░░░░░░░░░░░░░░░░░░░░░░░  14%
Lesson     0:45–1:00  15.4 s  ██████░░░░░░░░░░░░░░░░░░░░░░░░  20%
Change     1:00–1:11  11.0 s  ████▎░░░░░░░░░░░░░░░░░░░░░░░░░  14%
Proof      1:11–1:18  6.8 s   ██▋░░░░░░░░░░░░░░░░░░░░░░░░░░░   9%

Model answers ──────────────────────────────────────────────────────────────────────────────────────
╭─ Exemplar ───────────────────────────────────────────────────────────────────────────────────────╮
│ In my second year as an analyst I owned the weekly churn forecast. I changed the model to add a  │
│ new data source and shipped it without back-testing it against the last quarter, because I was   │
│ sure it could only help. For three weeks the forecast ran fifteen percent high, and the          │
│ retention team planned calls around numbers that were wrong. That was my call and my miss. When  │
│ I saw the gap I told my lead and the retention manager the same day, rolled back to the old      │
│ model, and re-sent the corrected lists. What I took from it: a change I am confident about still │
│ needs the same test as one I am unsure of, because confidence is exactly when I stop looking.    │
│ Since then every model change I make runs against the previous quarter before it ships, and the  │
│ back-test result goes in the change note. Over the next year that check stopped two changes that │
│ would have made the forecast worse, and the retention team now uses it without a manual          │
│ cross-check.                                                                                     │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
╭─ Your answer, rebuilt ([…] = missing, fill it in) ───────────────────────────────────────────────╮
│ Last year I led the move of our billing reports to a new warehouse, and to make up time I        │
│ skipped the parallel run we had planned. At the first month end the totals for our biggest       │
│ customers were off by about two percent. That was on me: I cut the parallel run and didn't tell  │
│ my manager what that risk meant. I told finance the same afternoon and [what did you yourself do │
│ to rebuild the numbers?]. What I learned is that when I cut a safety step to save time, I say    │
│ out loud which risk I'm taking on and who carries it. Since then every migration I run has a     │
│ written cut-over checklist with a parallel run that someone else signs off. We've done four      │
│ migrations that way and none needed a correction [name one problem the checklist caught before   │
│ it reached a customer].                                                                          │
╰──────────────────────────────────────────────────────────────────────────────────────────────────╯
"""


def test_timed_report_at_width_100() -> None:
    assert render(timed_report(), "text", width=100) == EXPECTED_TIMED_100


def test_width_defaults_to_100() -> None:
    assert render(timed_report(), "text") == EXPECTED_TIMED_100


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("build", [timed_report, typed_report])
def test_no_line_is_wider_than_asked(build: Callable[[], Report], width: int) -> None:
    text = render(build(), "text", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "Tell me about a time you failed." in text


def test_typed_report_says_what_text_cannot_show() -> None:
    text = render(typed_report(), "text", width=100)
    assert (
        "Typed answer: without timings only the words can be judged (hedges, apologies), not"
        in text
    )
    assert f"│  Delivery       –  {' ' * 30}  not measured from typed text" in text
    assert "Hedges     2  “I guess”, “maybe”" in text
    assert "Apologies  1  “Sorry”" in text
    for timed_only in ("Pace", "Fillers", "Pauses ≥", "Restarts", "Steadiness", "0:00–"):
        assert timed_only not in text
    assert "Parts of the answer (share of words)" in text
    assert "⚠ Humble-brag, not a real failure  (non_failure)" in text
    assert (
        "Follow-up: That sounds like it went well. Tell me about one that really went wrong."
        in text
    )


def test_over_time_and_no_traps() -> None:
    base = timed_report()
    report = replace(
        base,
        delivery=replace(base.delivery, time_limit_s=60.0, over_time_s=18.2),
        assessment=replace(base.assessment, traps=()),
        follow_up=None,
    )
    text = render(report, "text", width=100)
    assert "Length        1:18 of a 1:00 limit, over by 0:18" in text
    assert "No traps fired." in text
    assert "Follow-up:" not in text


def test_renderable_carries_colour_for_a_terminal() -> None:
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(file=out, width=100, force_terminal=True, color_system="standard").print(
        text_renderable(timed_report())
    )
    assert "\x1b[" in out.getvalue()  # styled for a terminal
    assert "\x1b[" not in render(timed_report(), "text")  # plain when rendered to a string


def test_formats_come_from_the_registry() -> None:
    assert set(RENDERERS) == {"text", "json", "html"}
    with pytest.raises(
        BadInput, match="unknown report format 'pdf'; choose one of: text, json, html"
    ):
        render(timed_report(), "pdf")


def test_report_text_is_never_read_as_rich_markup() -> None:
    base = typed_report()
    criteria = (replace(base.assessment.criteria[0], tip="Say [bold]why[/bold] it [mattered]"),)
    report = replace(
        base,
        question=replace(base.question, prompt="[red]Tell me[/red] about it"),
        assessment=replace(base.assessment, criteria=criteria),
        follow_up="And [then]?",
    )
    text = render(report, "text", width=100)
    assert "[red]Tell me[/red] about it" in text
    assert "Say [bold]why[/bold] it [mattered]" in text
    assert "Follow-up: And [then]?" in text


def test_typed_fillers_show_without_a_rate() -> None:
    base = typed_report()
    um = Marker("um", word_index=1)
    report = replace(base, delivery=replace(base.delivery, fillers=(um,)))
    text = render(report, "text", width=100)
    assert "Fillers    1  “I”" not in text  # the marker names the word it points at...
    assert "Fillers    1  “um”" in text  # ...but keeps its own text when they differ
    assert "/min" not in text


def test_criterion_shares_add_up_and_focus_skips_the_summary_criterion() -> None:
    from mockmic.report._format import focus, share
    from mockmic.rubric.semantic import CRITERION_ID
    from mockmic.types import CriterionResult

    criteria = (
        CriterionResult("lesson", "A concrete lesson", 0.6, 80, (), "tip"),
        CriterionResult("proof", "Proof", 0.6, 90, (), "tip"),
        CriterionResult(CRITERION_ID, "Read", 0.5, 20, (), "tip"),
    )
    assert [share(c, criteria) for c in criteria] == [35, 35, 29]
    # the summary criterion lost the most weighted points, but the advice names a concrete one
    picked = focus(criteria)
    assert picked is not None and picked.id == "lesson"
