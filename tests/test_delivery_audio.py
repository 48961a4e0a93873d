"""Delivery measured on short answers spoken by espeak-ng, whose true timings we know."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mockmic import audio, delivery
from mockmic.transcribe import TranscribeOptions, from_text, transcribe
from mockmic.types import Recording
from speech_helpers import Speech, synthesize

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/audio"


def _load(speech: Speech, tmp_path: Path, name: str = "clip.wav") -> Recording:
    return audio.load(speech.write(tmp_path / name))


def test_three_known_ums_are_found(tmp_path: Path) -> None:
    speech = synthesize(
        "<speak>So, um, I led the migration of our billing service. Um, it took three months "
        "and we kept the old system running. And, um, the failures dropped to almost none."
        "</speak>",
        voice="en-us",
        wpm=150,
    )
    truth = [w.start for w in speech.words if w.text.lower() == "um"]
    rec = _load(speech, tmp_path)
    d = delivery.analyse(transcribe(rec), rec, None)
    found = [m.start for m in d.fillers if m.start is not None]
    assert len(found) == 3, [(m.text, m.start) for m in d.fillers]
    # Each "um" has its own detection nearby. Two land on the filler itself; in "And, um" both
    # words are voiced vowels and the detector may mark the "And" (0.67 s early).
    for f, t in zip(sorted(found), truth, strict=True):
        assert abs(f - t) <= 0.7
    assert sum(abs(f - t) <= 0.3 for f, t in zip(sorted(found), truth, strict=True)) >= 2


def test_like_as_a_verb_is_not_a_filler(tmp_path: Path) -> None:
    speech = synthesize("I like pizza.", voice="en-us", wpm=150)
    rec = _load(speech, tmp_path)
    d = delivery.analyse(transcribe(rec), rec, None)
    assert d.fillers == ()


def test_long_pauses_inside_and_between_sentences(tmp_path: Path) -> None:
    speech = synthesize(
        '<speak>I owned the release pipeline for our app and <break time="1500ms"/> we shipped '
        'a change that broke the login screen. <break time="2600ms"/> I rolled it back within '
        "the hour and told the support team.</speak>",
        voice="en-us",
        wpm=160,
    )
    truth = speech.silences(1.0)
    assert len(truth) == 2
    rec = _load(speech, tmp_path)
    d = delivery.analyse(transcribe(rec), rec, None)
    assert [p.kind for p in d.long_pauses] == ["within", "between"]
    for pause, (start, seconds) in zip(d.long_pauses, truth, strict=True):
        assert pause.start == pytest.approx(start, abs=0.15)
        assert pause.seconds == pytest.approx(seconds, abs=0.15)
    assert d.pause_threshold_s == 1.0


@pytest.mark.parametrize("wpm", [130, 190])
def test_words_per_minute_follow_the_speaking_rate(tmp_path: Path, wpm: int) -> None:
    text = (
        "I led a team of four people on a project to rebuild our billing service. The old "
        "service failed every month when invoices were sent. I proposed that we move the work "
        "into a queue with retries, and the failures dropped to almost none after the switch."
    )
    speech = synthesize(text, voice="en-us", wpm=wpm)
    true_wpm = 60 * len(text.split()) / (speech.words[-1].end - speech.words[0].start)
    rec = _load(speech, tmp_path)
    d = delivery.analyse(transcribe(rec), rec, 30.0)
    assert d.words_per_minute == pytest.approx(true_wpm, rel=0.08)
    assert d.articulation_wpm is not None and d.articulation_wpm >= d.words_per_minute
    assert d.speaking_s is not None and d.duration_s is not None
    assert d.speaking_s <= d.duration_s
    assert d.over_time_s == pytest.approx(max(0.0, rec.duration_s - 30.0), abs=0.05)
    assert d.pace and d.pace[0].start == pytest.approx(speech.words[0].start, abs=0.3)


def test_fading_voice_is_less_steady(tmp_path: Path) -> None:
    text = (
        "I rolled the change back within the hour and wrote to the support team. Then I sat "
        "down with the team to trace how it slipped through our checks."
    )
    rec = _load(synthesize(text, voice="en-us", wpm=150), tmp_path)
    words = transcribe(rec)
    steady = delivery.analyse(words, rec, None)
    # The same answer, fading in and out by +-12 dB every two seconds.
    t = np.arange(len(rec.samples)) / rec.sample_rate
    gain = 10 ** (12 * np.sin(2 * np.pi * t / 4.0) / 20) / 4
    faded = Recording(samples=(rec.samples * gain).astype(np.float32), source="faded")
    fading = delivery.analyse(words, faded, None)
    assert steady.loudness_steadiness is not None and fading.loudness_steadiness is not None
    assert steady.loudness_steadiness > fading.loudness_steadiness + 0.2
    assert steady.pitch_steadiness is not None and 0.0 <= steady.pitch_steadiness <= 1.0


def test_real_speech_gives_every_timed_figure() -> None:
    rec = audio.load(FIXTURES / "jfk.flac")
    d = delivery.analyse(transcribe(rec), rec, 60.0)
    # JFK pauses for about 1.2 s after "my fellow Americans": a long pause inside the sentence.
    assert any(p.kind == "within" and 1.9 < p.start < 2.3 for p in d.long_pauses)
    assert d.words_per_minute is not None and 100 < d.words_per_minute < 160
    assert d.over_time_s == 0.0
    score = delivery.rate(d)
    assert score is not None and 0 <= score <= 100


@pytest.mark.parametrize(
    ("name", "in_reference", "low", "high"),
    # Measured: Whisper alone keeps 2 of 7 and 1 of 9; with the detector 8 and 8 are found, 7
    # and 8 of them on a reference filler word by word (python bench/delivery.py --fixtures).
    [("syn_answer1", 7, 6, 10), ("syn_fillers", 9, 7, 10)],
)
def test_fillers_of_the_verbatim_fixtures(
    name: str, in_reference: int, low: int, high: int
) -> None:
    reference = (FIXTURES / f"{name}.ref").read_text()
    assert len(delivery.analyse(from_text(reference), None, None).fillers) == in_reference
    rec = audio.load(FIXTURES / f"{name}.wav")
    whisper_only = delivery.analyse(transcribe(rec, TranscribeOptions(fillers=False)), rec, None)
    with_detector = delivery.analyse(transcribe(rec), rec, None)
    assert len(whisper_only.fillers) <= 2
    assert low <= len(with_detector.fillers) <= high


def test_a_restart_is_not_counted_as_a_filler(tmp_path: Path) -> None:
    # "We, we" leaves a voiced island Whisper may not write twice; it sounds like the start of
    # the next island, so it is a restart, not an "um".
    speech = synthesize(
        "<speak>We, we shipped a change that broke the login screen. Then, um, I rolled it "
        "back within the hour.</speak>",
        voice="en-us",
        wpm=150,
    )
    rec = _load(speech, tmp_path)
    d = delivery.analyse(transcribe(rec), rec, None)
    um = next(w.start for w in speech.words if w.text.lower() == "um")
    assert [m.text for m in d.restarts] == ["we we"], d.restarts
    # One filler, not two: the restart is not an "um". (Its time may sit on the "Then," before
    # it, 0.7 s early: the alignment-swap error that bench/delivery.py --causes counts.)
    assert len(d.fillers) == 1 and abs(float(d.fillers[0].start or 0) - um) <= 0.75, d.fillers


def test_repeat_distance_tells_a_restart_from_a_filler(tmp_path: Path) -> None:
    from mockmic.transcribe.fillers import voiced_islands
    from mockmic.transcribe.repeats import noise_floor, repeat_distance

    speech = synthesize(
        "<speak>I, I just wanted to help. Um, I just wanted to help.</speak>", voice="en", wpm=140
    )
    rec = _load(speech, tmp_path)
    islands = voiced_islands(rec)
    noise = noise_floor(rec)
    words = {w.text.strip(",.").lower(): w for w in speech.words}

    def island_at(t: float) -> int:
        return next(k for k, (a, b) in enumerate(islands) if a - 0.05 <= t <= b)

    restart = island_at(speech.words[0].start)
    filler = island_at(words["um"].start)
    d_restart = repeat_distance(rec, islands[restart], islands[restart + 1], noise)
    d_filler = repeat_distance(rec, islands[filler], islands[filler + 1], noise)
    assert d_restart < 2.0 < d_filler, (d_restart, d_filler)
