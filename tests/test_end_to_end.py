"""Spoken answers, end to end: text -> espeak-ng -> audio file -> mockmic.score -> Report.

The sample answers are the failure question's own test data (tests/data/answers/failure.yaml), so
the spoken and typed paths are held to the same expectations: a well-built answer beats each
kind of weak answer by a clear margin, and the weak answer's trap fires after the round trip
through speech synthesis and the real speech model.
"""

from __future__ import annotations

import pytest

import mockmic
from answers import samples
from speech_helpers import espeak_available, speak

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not espeak_available(), reason="needs espeak-ng (bash scripts/setup.sh)"),
]

MARGIN = 15  # points; smaller than the typed-answer margin because speech-to-text errors blur words
WEAK_KINDS = ("non_failure", "blame", "over_apology", "rambling")


def _spoken(tmp_path_factory: pytest.TempPathFactory, text: str, name: str) -> mockmic.Report:
    wav = speak(text, tmp_path_factory.mktemp("spoken") / f"{name}.wav", wpm=165)
    return mockmic.score(wav, question="failure")


@pytest.fixture(scope="module")
def strong(tmp_path_factory: pytest.TempPathFactory) -> mockmic.Report:
    first = next(s for s in samples("failure") if s.label == "strong")
    return _spoken(tmp_path_factory, first.text, "strong")


def test_strong_spoken_answer_scores_well_and_fires_no_serious_trap(strong: mockmic.Report) -> None:
    assert strong.transcript.engine == "faster-whisper:tiny.en"
    assert strong.delivery.words_per_minute is not None
    assert strong.score.overall >= 70, strong.score
    fired = {t.id for t in strong.assessment.traps}
    assert not fired & set(WEAK_KINDS), fired
    assert {p.part for p in strong.assessment.parts} >= {"lesson", "change"}
    assert all(p.seconds is not None for p in strong.assessment.parts)


@pytest.mark.parametrize("trap", WEAK_KINDS)
def test_weak_spoken_answer_loses_and_fires_its_trap(
    trap: str, strong: mockmic.Report, tmp_path_factory: pytest.TempPathFactory
) -> None:
    weak_sample = next(s for s in samples("failure") if s.label == "weak" and trap in s.traps)
    weak = _spoken(tmp_path_factory, weak_sample.text, trap)
    fired = {t.id for t in weak.assessment.traps}
    assert trap in fired, (trap, fired, weak.transcript.text)
    assert strong.score.overall - weak.score.overall >= MARGIN, (strong.score, weak.score)
    assert weak.follow_up, "a fired trap must bring a follow-up probe"
