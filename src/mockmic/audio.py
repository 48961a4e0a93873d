"""Audio in: any file a person or a browser records -> 16 kHz mono float32 `Recording`.

Decoding goes through PyAV (FFmpeg), which faster-whisper already depends on, so wav, flac, mp3,
m4a/aac, ogg/opus and webm/opus all take one path. The file is refused, with one actionable line,
when it is missing, not audio, corrupt, empty, silent, has no speech, or is longer than the limit.

Stereo: an interview answer has one speaker. When both channels carry the same voice we average
them; when they carry different signals (a call recorded one party per channel, or a phase-inverted
channel that would cancel in a mix) averaging overlaps two voices or erases the one, so we keep
the channel with the most speech (the candidate talks longest), then the louder one. "Different"
is judged by the correlation of the two channels (see `_to_mono`); on stereo_diarization.wav the
channels correlate at -0.01 and the left one (the longer sentence) is kept.
"""

from __future__ import annotations

import os
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from mockmic.errors import AudioError, SilentAudio, TooLong
from mockmic.types import SAMPLE_RATE, Recording

__all__ = ["load", "speech_seconds"]

# Below this peak level (about -60 dBFS) a recording is digital silence or a muted microphone.
_SILENT_PEAK = 1e-3
# Less detected speech than this is not an answer (a cough, a click, one syllable).
_MIN_SPEECH_S = 0.5
# Channels whose correlation is below this carry different signals: keep the louder one.
_SAME_SIGNAL_CORR = 0.5

Samples = npt.NDArray[np.float32]


def load(path: str | os.PathLike[str], *, max_seconds: float = 600.0) -> Recording:
    """Decode `path` to a 16 kHz mono Recording, or raise an AudioError saying what to do."""
    p = Path(path)
    if not p.is_file():
        raise AudioError(f"{p}: no such file; check the path and try again")
    if p.stat().st_size == 0:
        raise SilentAudio(f"{p}: the file is empty; record the answer again")
    samples = _decode(p, max_seconds)
    _check_has_speech(p, samples)
    return Recording(samples=samples, source=str(p))


def _decode(p: Path, max_seconds: float) -> Samples:
    try:
        container = av.open(str(p))
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise AudioError(
            f"{p}: not a readable audio file ({_reason(exc)}); "
            "export it as wav, mp3, m4a, ogg, webm or flac and try again"
        ) from exc
    with container:
        if not container.streams.audio:
            raise AudioError(f"{p}: the file has no audio track; pick the audio recording")
        _refuse_if_declared_too_long(p, container, max_seconds)
        return _decode_stream(p, container, max_seconds)


def _decode_stream(p: Path, container: av.container.InputContainer, max_seconds: float) -> Samples:
    stream = container.streams.audio[0]
    channels = max(1, min(2, stream.codec_context.channels or 1))
    layout = "stereo" if channels == 2 else "mono"
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
    limit = int(max_seconds * SAMPLE_RATE)
    chunks: list[npt.NDArray[np.float32]] = []
    total = 0
    try:
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunk = out.to_ndarray().astype(np.float32, copy=False)
                chunks.append(chunk)
                total += chunk.shape[1]
            if total > limit:
                raise _too_long(p, None, max_seconds)
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().astype(np.float32, copy=False))
    except av.error.FFmpegError as exc:
        if total < SAMPLE_RATE // 10:  # nothing usable decoded before the error
            raise AudioError(
                f"{p}: the audio is corrupt ({_reason(exc)}); record or export it again"
            ) from exc
        # A damaged tail (an upload cut short) still leaves a usable answer: keep what decoded.
    if not chunks:
        raise SilentAudio(f"{p}: the recording holds no sound; record the answer again")
    audio = np.concatenate(chunks, axis=1)
    if audio.shape[1] > limit:
        raise _too_long(p, audio.shape[1] / SAMPLE_RATE, max_seconds)
    return _to_mono(audio)


def _refuse_if_declared_too_long(
    p: Path, container: av.container.InputContainer, max_seconds: float
) -> None:
    # Cheap early refusal from the header, so an hour-long file is not decoded first.
    if container.duration is not None:
        seconds = container.duration / av.time_base
        if seconds > max_seconds + 1.0:
            raise _too_long(p, seconds, max_seconds)


def _too_long(p: Path, seconds: float | None, max_seconds: float) -> TooLong:
    length = f"{seconds / 60:.1f} min" if seconds is not None else "longer than that"
    return TooLong(
        f"{p}: the recording is {length}, over the {max_seconds / 60:.0f} min limit; "
        "trim it or record a shorter answer"
    )


def _to_mono(audio: npt.NDArray[np.float32]) -> Samples:
    if audio.shape[0] == 1:
        return np.ascontiguousarray(audio[0], dtype=np.float32)
    left, right = audio[0], audio[1]
    energy = np.array([float(np.dot(left, left)), float(np.dot(right, right))])
    if energy.min() <= 1e-9 * max(energy.max(), 1e-12):
        return np.ascontiguousarray(audio[int(np.argmax(energy))], dtype=np.float32)
    corr = float(np.dot(left, right) / np.sqrt(energy[0] * energy[1]))
    if corr >= _SAME_SIGNAL_CORR:
        return np.ascontiguousarray((left + right) / 2.0, dtype=np.float32)
    ranked = sorted(range(2), key=lambda c: (round(speech_seconds(audio[c]), 1), energy[c]))
    return np.ascontiguousarray(audio[ranked[-1]], dtype=np.float32)


def _check_has_speech(p: Path, samples: Samples) -> None:
    if samples.size == 0 or float(np.max(np.abs(samples))) < _SILENT_PEAK:
        raise SilentAudio(
            f"{p}: the recording is silent; check the microphone is on and record again"
        )
    if speech_seconds(samples) < _MIN_SPEECH_S:
        raise SilentAudio(
            f"{p}: no speech found in the recording; speak closer to the microphone "
            "and record again"
        )


def speech_seconds(samples: Samples) -> float:
    """Seconds of speech that the Silero VAD bundled with faster-whisper finds in `samples`.

    Silero rather than webrtcvad here: webrtcvad calls steady noise "speech", Silero does not.
    """
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    spans = get_speech_timestamps(
        samples, VadOptions(min_silence_duration_ms=300, speech_pad_ms=30), SAMPLE_RATE
    )
    return float(sum(s["end"] - s["start"] for s in spans)) / SAMPLE_RATE


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text).split(":")[-1].strip().rstrip(".") or type(exc).__name__
