"""audio.load on real recordings in every browser/desktop format, and every bad input."""

from __future__ import annotations

import wave
from pathlib import Path

import av
import numpy as np
import pytest

from mockmic import audio
from mockmic.errors import AudioError, SilentAudio, TooLong
from mockmic.types import SAMPLE_RATE

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/audio"


def _write_wav(path: Path, samples: np.ndarray, rate: int = SAMPLE_RATE, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def _encode(src: Path, dst: Path, codec: str, rate: int) -> Path:
    """Re-encode a fixture with PyAV, as a browser or phone would have saved it."""
    rec = audio.load(src)
    with av.open(str(dst), "w") as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        pcm = (rec.samples * 32767).astype(np.int16)[None, :]
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        resampler = av.AudioResampler(format=stream.codec_context.format, layout="mono", rate=rate)
        for f in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return dst


@pytest.mark.parametrize(
    ("name", "seconds"),
    [
        ("jfk.flac", 11.0),
        ("LDC93S1.wav", 2.92),
        ("arctic_a0024.wav", 3.96),
        ("apollo11.mp3", 89.2),
        ("stereo_diarization.wav", 5.0),
    ],
)
def test_fixtures_decode_to_16k_mono_float(name: str, seconds: float) -> None:
    rec = audio.load(FIXTURES / name)
    assert rec.samples.dtype == np.float32 and rec.samples.ndim == 1
    assert rec.sample_rate == SAMPLE_RATE
    assert rec.duration_s == pytest.approx(seconds, abs=0.1)
    assert 0.05 < float(np.max(np.abs(rec.samples))) <= 1.0


@pytest.mark.parametrize(
    ("suffix", "codec", "rate"),
    [(".webm", "libopus", 48000), (".ogg", "libopus", 48000), (".m4a", "aac", 44100),
     (".mp3", "libmp3lame", 44100)],
)  # fmt: skip
def test_browser_and_phone_formats_decode(
    tmp_path: Path, suffix: str, codec: str, rate: int
) -> None:
    src = FIXTURES / "jfk.flac"
    path = _encode(src, tmp_path / f"answer{suffix}", codec, rate)
    rec = audio.load(path)
    ref = audio.load(src)
    assert rec.duration_s == pytest.approx(ref.duration_s, abs=0.15)
    # Same speech: the loudness envelopes of the two decodes line up.
    env = [np.abs(r.samples[: 160 * 1000]).reshape(-1, 1600).mean(axis=1) for r in (rec, ref)]
    assert np.corrcoef(env[0][: len(env[1])], env[1][: len(env[0])])[0, 1] > 0.8


def test_stereo_with_a_speaker_per_channel_keeps_the_longer_speech() -> None:
    rec = audio.load(FIXTURES / "stereo_diarization.wav")
    with av.open(str(FIXTURES / "stereo_diarization.wav")) as c:
        raw = np.concatenate([f.to_ndarray() for f in c.decode(audio=0)], axis=1)
    left = raw[0, 0::2].astype(np.float32) / 32768  # packed s16: L R L R ...
    assert np.corrcoef(rec.samples[: len(left)], left[: len(rec.samples)])[0, 1] > 0.99


def test_phase_inverted_stereo_is_not_cancelled(tmp_path: Path) -> None:
    mono = audio.load(FIXTURES / "LDC93S1.wav").samples
    stereo = np.stack([mono, -mono], axis=1).ravel()
    rec = audio.load(_write_wav(tmp_path / "inverted.wav", stereo, channels=2))
    assert float(np.max(np.abs(rec.samples))) == pytest.approx(
        float(np.max(np.abs(mono))), rel=0.05
    )


def test_identical_stereo_channels_are_mixed(tmp_path: Path) -> None:
    mono = audio.load(FIXTURES / "LDC93S1.wav").samples
    rec = audio.load(_write_wav(tmp_path / "dual.wav", np.repeat(mono, 2), channels=2))
    assert np.corrcoef(rec.samples, mono)[0, 1] > 0.99


# --- bad input: one line that names the file and says what to do -------------------------------


def _refused(exc: pytest.ExceptionInfo[AudioError], path: Path) -> str:
    message = str(exc.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.wav"
    with pytest.raises(AudioError) as exc:
        audio.load(path)
    assert "no such file" in _refused(exc, path)


def test_text_file_renamed_wav(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    path.write_text("This is my answer, typed, not recorded.\n" * 20)
    with pytest.raises(AudioError) as exc:
        audio.load(path)
    assert not isinstance(exc.value, SilentAudio)
    assert "not a readable audio file" in _refused(exc, path)


def test_random_bytes_as_mp3(tmp_path: Path) -> None:
    path = tmp_path / "answer.mp3"
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 50_000, dtype=np.uint8).tobytes())
    with pytest.raises(AudioError) as exc:
        audio.load(path)
    assert "export" in _refused(exc, path) or "record" in str(exc.value)


def test_truncated_flac(tmp_path: Path) -> None:
    path = tmp_path / "cut.flac"
    path.write_bytes((FIXTURES / "jfk.flac").read_bytes()[:600])  # header, no audio frames
    with pytest.raises(AudioError) as exc:
        audio.load(path)
    _refused(exc, path)


def test_cut_short_upload_keeps_what_decoded(tmp_path: Path) -> None:
    path = tmp_path / "half.flac"
    data = (FIXTURES / "jfk.flac").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    rec = audio.load(path)
    assert 3.0 < rec.duration_s < 9.0


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.wav"
    path.write_bytes(b"")
    with pytest.raises(SilentAudio) as exc:
        audio.load(path)
    assert "empty" in _refused(exc, path)


def test_wav_with_no_samples(tmp_path: Path) -> None:
    path = _write_wav(tmp_path / "none.wav", np.zeros(0))
    with pytest.raises(SilentAudio) as exc:
        audio.load(path)
    _refused(exc, path)


def test_pure_silence(tmp_path: Path) -> None:
    path = _write_wav(tmp_path / "silence.wav", np.zeros(5 * SAMPLE_RATE))
    with pytest.raises(SilentAudio) as exc:
        audio.load(path)
    assert "silent" in _refused(exc, path)


@pytest.mark.parametrize("kind", ["white", "hum"])
def test_noise_without_speech(tmp_path: Path, kind: str) -> None:
    rng = np.random.default_rng(1)
    t = np.arange(6 * SAMPLE_RATE) / SAMPLE_RATE
    noise = {
        "white": 0.2 * rng.standard_normal(len(t)),
        "hum": 0.3 * np.sin(2 * np.pi * 50 * t) + 0.01 * rng.standard_normal(len(t)),
    }[kind]
    path = _write_wav(tmp_path / f"{kind}.wav", noise)
    with pytest.raises(SilentAudio) as exc:
        audio.load(path)
    assert "no speech" in _refused(exc, path)


def test_eleven_minutes_is_too_long(tmp_path: Path) -> None:
    rate = 8000
    rng = np.random.default_rng(2)
    path = _write_wav(tmp_path / "long.wav", 0.01 * rng.standard_normal(11 * 60 * rate), rate=rate)
    with pytest.raises(TooLong) as exc:
        audio.load(path)
    message = _refused(exc, path)
    assert "11.0 min" in message and "10 min" in message


def test_limit_is_a_parameter() -> None:
    with pytest.raises(TooLong):
        audio.load(FIXTURES / "jfk.flac", max_seconds=5.0)
