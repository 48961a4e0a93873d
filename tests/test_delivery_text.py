"""Delivery markers found in the words themselves: fillers in context, hedges, apologies, restarts,
and what a typed answer can and cannot show."""

from __future__ import annotations

import pytest

from mockmic import delivery
from mockmic.delivery.lexicon import find_apologies, find_fillers, find_hedges, find_restarts
from mockmic.transcribe import from_text
from mockmic.types import Delivery, Pause


def _fillers(text: str) -> list[str]:
    return [m.text for m in find_fillers(from_text(text).words)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I like pizza.", []),
        ("We would like to keep it simple.", []),
        ("It looked like a network problem.", []),
        ("People like clear answers.", []),
        ("It was, like, a huge mess.", ["like"]),
        ("So like, we shipped it.", ["like"]),
        ("Um, uh, I led it, er, badly.", ["um", "uh", "er"]),
        ("Do you know the answer?", []),
        ("It was, you know, late.", ["you know"]),
        ("You know, I learned a lot.", ["you know"]),
        ("I mean, it worked.", ["i mean"]),
        ("That is what I mean by ownership.", []),
    ],
)
def test_fillers_only_where_used_as_fillers(text: str, expected: list[str]) -> None:
    assert _fillers(text) == expected


def test_hedges_take_the_longest_phrase() -> None:
    words = from_text("I'm not sure, but I think it was sort of my fault, maybe.").words
    assert [m.text for m in find_hedges(words)] == ["i'm not sure", "i think", "sort of", "maybe"]
    assert find_hedges(words)[1].word_index == 4


def test_apologies() -> None:
    words = from_text("Sorry, I apologize for the delay. My bad.").words
    assert [m.text for m in find_apologies(words)] == ["sorry", "i apologize", "my bad"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I, I just wanted to help.", ["i i"]),
        ("We went, we went back.", ["we went we went"]),
        ("I had had enough.", []),
        ("I, um, I decided.", ["i i"]),
        ("It was very very late.", []),
    ],
)
def test_restarts_and_repetitions(text: str, expected: list[str]) -> None:
    assert [m.text for m in find_restarts(from_text(text).words)] == expected


def test_typed_answer_keeps_markers_and_nulls_timing() -> None:
    text = "Um, I think, like, the failure was mine. Sorry. I, I fixed it, you know."
    d = delivery.analyse(from_text(text), None, 120.0)
    assert [m.text for m in d.fillers] == ["um", "like", "you know"]
    assert [m.text for m in d.hedges] == ["i think"]
    assert [m.text for m in d.apologies] == ["sorry"]
    assert [m.text for m in d.restarts] == ["i i"]
    for figure in (
        d.duration_s,
        d.speaking_s,
        d.words_per_minute,
        d.articulation_wpm,
        d.fillers_per_minute,
        d.over_time_s,
        d.pitch_steadiness,
        d.loudness_steadiness,
    ):
        assert figure is None  # fmt: skip
    assert d.long_pauses == () and d.pace == ()
    assert d.time_limit_s == 120.0
    assert delivery.rate(d) is None


def _timed(**changes: object) -> Delivery:
    base = dict(
        duration_s=90.0, speaking_s=75.0, words_per_minute=145.0, articulation_wpm=170.0,
        fillers=(), fillers_per_minute=1.0, long_pauses=(), hedges=(), apologies=(),
        restarts=(), pace=(), time_limit_s=120.0, over_time_s=0.0, pitch_steadiness=0.8,
        loudness_steadiness=0.8,
    )  # fmt: skip
    return Delivery(**{**base, **changes})  # type: ignore[arg-type]


def test_rate_rewards_a_composed_delivery() -> None:
    good = delivery.rate(_timed())
    rushed = delivery.rate(_timed(words_per_minute=215.0))
    filler_heavy = delivery.rate(_timed(fillers_per_minute=14.0))
    halting = delivery.rate(
        _timed(
            long_pauses=tuple(Pause(start=float(t), seconds=2.5, kind="within") for t in range(4))
        )
    )
    overtime = delivery.rate(_timed(duration_s=170.0, over_time_s=50.0))
    assert good is not None and good >= 90
    for worse in (rushed, filler_heavy, halting, overtime):
        assert worse is not None and worse <= good - 8


def test_rate_explains_itself() -> None:
    parts = delivery.parts(_timed(words_per_minute=110.0))
    assert parts["pace"] == pytest.approx(50.0)
    assert parts["fillers"] == 100.0 and parts["time"] == 100.0


def test_every_threshold_is_documented() -> None:
    """Each constant in thresholds.py sits under a comment that says where it comes from."""
    import re
    from pathlib import Path

    from mockmic.delivery import thresholds

    lines = Path(thresholds.__file__).read_text().splitlines()
    constant = re.compile(r"^[A-Z][A-Z0-9_]* = ")
    names = []
    for i, line in enumerate(lines):
        if not constant.match(line):
            continue
        names.append(line.split(" =")[0])
        j = i - 1
        while j >= 0 and (constant.match(lines[j]) or lines[j].startswith((" ", "}"))):
            j -= 1
        assert lines[j].startswith("#"), f"{names[-1]} has no comment saying where it comes from"
    assert len(names) >= 20
