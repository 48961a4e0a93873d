"""Pauses in noisy recordings: espeak-ng speech and a real recording mixed with sox's pink noise.

The true pauses of a generated clip are read from its clean waveform (Speech.silences); the
noisy copy goes through the same analysis a user's recording would.
"""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from mockmic import audio
from mockmic.delivery import thresholds as T
from mockmic.delivery.pauses import find_pauses
from mockmic.delivery.voicing import frame_energy_db, is_noisy, noise_floor_frames
from mockmic.types import Pause, Recording, Transcript
from speech_helpers import synthesize

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/audio"
_NO_WORDS = Transcript(words=(), engine="test", duration_s=1.0)


def _pink_noise(seconds: float, rate: int, tmp_path: Path) -> npt.NDArray[np.float64]:
    """sox's pink noise (repeatable: -R), scaled to an RMS of 1."""
    path = tmp_path / "noise.wav"
    subprocess.run(
        ["sox", "-R", "-n", "-r", str(rate), "-c", "1", "-b", "16", str(path),
         "synth", f"{seconds + 0.05:.3f}", "pinknoise"],
        check=True,
    )  # fmt: skip
    with wave.open(str(path)) as w:
        noise = np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float64)
    return noise / np.sqrt(np.mean(noise**2))


def _with_noise(rec: Recording, snr_db: float, tmp_path: Path) -> Recording:
    """`rec` with pink noise at `snr_db` under its RMS, as the delivery set's noisy half."""
    speech = rec.samples.astype(np.float64)
    noise = _pink_noise(rec.duration_s, rec.sample_rate, tmp_path)[: len(speech)]
    level = np.sqrt(np.mean(speech**2))
    mixed = (speech + noise * level / 10 ** (snr_db / 20)) / 2  # sox -m halves both
    return Recording(samples=mixed.astype(np.float32), source=f"{rec.source}+pink{snr_db:g}")


def _audio_pauses(rec: Recording) -> list[Pause]:
    return [p for p in find_pauses(_NO_WORDS, rec) if p.seconds >= T.PAUSE_COUNT_S]


def _noisy(rec: Recording) -> bool:
    return is_noisy(frame_energy_db(rec.samples, int(rec.sample_rate * 0.03)))


def test_short_and_long_pause_in_noise(tmp_path: Path) -> None:
    speech = synthesize(
        '<speak>I rebuilt the export job <break time="300ms"/> and then the reports '
        'arrived on time. <break time="1s"/> Nobody had to fix them by hand any more.</speak>',
        voice="en-us",
        wpm=160,
    )
    truth = speech.silences(T.PAUSE_COUNT_S)
    assert len(truth) == 2 and 0.25 <= truth[0][1] <= 0.45 and truth[1][1] >= 0.95, truth
    rec = _with_noise(audio.load(speech.write(tmp_path / "clip.wav")), 10.0, tmp_path)
    assert _noisy(rec)  # the noise path is the one under test
    found = _audio_pauses(rec)
    assert len(found) == 2, found
    for pause, (start, seconds) in zip(found, truth, strict=True):
        assert pause.start == pytest.approx(start, abs=0.1)
        assert pause.seconds == pytest.approx(seconds, abs=0.1)


def test_no_pause_inside_a_run_of_words_in_noise(tmp_path: Path) -> None:
    speech = synthesize(
        "We moved the nightly billing run to a queue that retries every failed invoice",
        voice="en",
        wpm=170,
    )
    assert speech.silences(0.15) == []
    rec = _with_noise(audio.load(speech.write(tmp_path / "clip.wav")), 10.0, tmp_path)
    assert _noisy(rec)
    assert _audio_pauses(rec) == []


def test_noise_alone_is_not_speech(tmp_path: Path) -> None:
    noise = 0.05 * _pink_noise(10.0, 16000, tmp_path)[:160000]
    rec = Recording(samples=noise.astype(np.float32), source="pink noise")
    voiced = noise_floor_frames(rec, 0.01)
    assert voiced.size == 1000
    assert voiced.mean() < 0.01


def test_real_pauses_survive_noise(tmp_path: Path) -> None:
    """jfk.flac's pauses (after "Americans", "ask not", "what your country", "do for you") are
    found in 10 dB pink noise where the clean recording has them, within 0.1 s."""
    clean = audio.load(FIXTURES / "jfk.flac")
    reference = _audio_pauses(clean)
    assert [p.start for p in reference][:4] == pytest.approx([2.1, 3.7, 4.3, 7.5], abs=0.1)
    noisy = _with_noise(clean, 10.0, tmp_path)
    assert _noisy(noisy)
    found = _audio_pauses(noisy)
    for ref in reference[:4]:
        match = [p for p in found if abs(p.start - ref.start) <= 0.15]
        assert len(match) == 1, (ref, found)
        assert match[0].seconds == pytest.approx(ref.seconds, abs=0.1)
