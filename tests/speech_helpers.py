"""Speech made with espeak-ng for tests and the delivery benchmark, with exact word timings.

espeak-ng is driven through its C library (libespeak-ng, installed with the espeak-ng package)
rather than the command line, because the library reports where every word starts in the audio:
the annotations of a generated answer then come from the synthesiser, not from a model.

    speech = synthesize('<speak>So, um, I <break time="800ms"/> led it.</speak>', voice="en-us")
    speech.write("answer.wav"); speech.words  # (SpokenWord("um", 0.58, 0.93), ...)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import re
import subprocess
import sys
import threading
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 0x1
_SSML = 0x10
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_RATE = 1
_PITCH = 3
# Samples quieter than this (int16) are espeak's silence between words.
_SILENT = 64


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    ]


_Callback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


@dataclass(frozen=True)
class SpokenWord:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Speech:
    samples: npt.NDArray[np.int16]
    sample_rate: int
    words: tuple[SpokenWord, ...]

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(self.samples.tobytes())
        return path

    def silences(self, min_s: float) -> list[tuple[float, float]]:
        """(start, seconds) of every silence of at least `min_s` between the first and last
        sound: the true pauses, read from the synthetic waveform itself."""
        loud = np.abs(self.samples.astype(np.int32)) > _SILENT
        idx = np.flatnonzero(loud)
        if idx.size == 0:
            return []
        gaps = np.diff(idx)
        min_gap = int(min_s * self.sample_rate)
        return [
            (idx[i] / self.sample_rate, (gaps[i] - 1) / self.sample_rate)
            for i in np.flatnonzero(gaps > min_gap)
        ]


class _Engine:
    """The espeak-ng library, initialised once; it is not thread-safe, hence the lock."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
        self.lib = ctypes.CDLL(name)
        self.sample_rate = int(self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0))
        if self.sample_rate <= 0:
            raise OSError("espeak-ng could not start (is espeak-ng-data installed?)")
        self.lock = threading.Lock()
        self._chunks: list[npt.NDArray[np.int16]] = []
        self._events: list[tuple[int, int, int]] = []  # (text_position, length, sample)
        self._callback = _Callback(self._on_audio)  # keep a reference: C holds the pointer
        self.lib.espeak_SetSynthCallback(self._callback)

    def _on_audio(
        self, wav: ctypes._Pointer[ctypes.c_short], n: int, events: ctypes._Pointer[_Event]
    ) -> int:  # type: ignore[name-defined]
        if n > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, (n,)).astype(np.int16))
        i = 0
        while events[i].type != _EVENT_LIST_TERMINATED:
            e = events[i]
            if e.type == _EVENT_WORD and e.length > 0:  # espeak also sends empty ones
                self._events.append((e.text_position, e.length, e.sample))
            i += 1
        return 0

    def synthesize(self, text: str, voice: str, wpm: int, pitch: int, ssml: bool) -> Speech:
        with self.lock:
            self._chunks, self._events = [], []
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise ValueError(f"espeak-ng has no voice {voice!r}")
            self.lib.espeak_SetParameter(_RATE, int(wpm), 0)
            self.lib.espeak_SetParameter(_PITCH, int(pitch), 0)
            data = text.encode("utf-8")
            flags = _CHARS_UTF8 | (_SSML if ssml else 0)
            self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, flags, None, None)
            self.lib.espeak_Synchronize()
            samples = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.int16)
            events = list(self._events)
        return Speech(samples, self.sample_rate, _words(data, events, samples, self.sample_rate))


def _words(
    data: bytes, events: list[tuple[int, int, int]], samples: npt.NDArray[np.int16], rate: int
) -> tuple[SpokenWord, ...]:
    """One SpokenWord per written word (SSML tags skipped), timed from espeak's word events.

    An event gives the first sample of a word; its end is the last loud sample before the next
    event (espeak puts comma and break silences at the end of the word). espeak merges some
    unstressed words into their neighbour ("was the", "at once") and its text positions drift by
    a character or two, so events are matched to written words in order: each event goes to the
    next written word that starts at or after its position (less a small slack). A written word
    with no event of its own shares its neighbour's times."""
    loud = np.abs(samples.astype(np.int32)) > _SILENT
    tokens = _written_words(data)
    spans: list[tuple[int, int] | None] = [None] * len(tokens)
    j = 0
    for k, (pos, _length, start) in enumerate(events):
        while j < len(tokens) and tokens[j][1] < pos - 3:
            j += 1
        if j >= len(tokens):
            break
        stop = events[k + 1][2] if k + 1 < len(events) else len(samples)
        seg = np.flatnonzero(loud[start:stop])
        first = start + (int(seg[0]) if seg.size else 0)
        end = start + (int(seg[-1]) + 1 if seg.size else 0)
        spans[j] = (first, end)
        j += 1
    out: list[SpokenWord] = []
    last = (0, 0)
    for (text, _pos), span in zip(tokens, spans, strict=True):
        last = span if span is not None else last
        out.append(SpokenWord(text, last[0] / rate, last[1] / rate))
    return tuple(out)


def _written_words(data: bytes) -> list[tuple[str, int]]:
    """(word, 1-based byte position) of each written word outside SSML tags."""
    out = []
    for m in re.finditer(rb"<[^>]*>|[^\s<]+", data):
        if m.group(0).startswith(b"<"):
            continue
        word = re.sub(r"[^\w'-]", "", m.group(0).decode("utf-8", "replace"))
        if word:
            out.append((word, m.start() + 1))
    return out


@functools.cache
def _engine() -> _Engine:
    return _Engine()


def espeak_available() -> bool:
    try:
        _engine()
    except OSError:
        return False
    return True


def synthesize(
    text: str, *, voice: str = "en-us", wpm: int = 160, pitch: int = 50, ssml: bool | None = None
) -> Speech:
    """Speak `text` (SSML when it starts with <speak>) and return the audio with word timings.

    Each call runs espeak-ng in a fresh process. The library keeps state from one synthesis to
    the next (the same clip came out 83,329 samples long first and 83,328 after), so clips made
    in one process depend on what was spoken before them, and tests depended on their order."""
    is_ssml = text.lstrip().startswith("<speak") if ssml is None else ssml
    request = json.dumps(
        {"text": text, "voice": voice, "wpm": wpm, "pitch": pitch, "ssml": is_ssml}
    )
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), request], capture_output=True, check=False
    )
    if done.returncode != 0:
        raise ValueError(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1])
    header, _, pcm = done.stdout.partition(b"\n")
    meta = json.loads(header)
    words = tuple(SpokenWord(*w) for w in meta["words"])
    return Speech(np.frombuffer(pcm, dtype=np.int16).copy(), meta["sample_rate"], words)


def _serve_one(request: str) -> None:
    """The child's side of `synthesize`: one clip, as a JSON header line and then raw int16."""
    speech = _engine().synthesize(**json.loads(request))
    words = [[w.text, w.start, w.end] for w in speech.words]
    header = json.dumps({"sample_rate": speech.sample_rate, "words": words}).encode()
    sys.stdout.buffer.write(header + b"\n" + speech.samples.tobytes())


def speak(text: str, path: str | Path, *, voice: str = "en-us", wpm: int = 160) -> Path:
    """Speak `text` into a wav file at `path` (22.05 kHz mono, what espeak-ng makes)."""
    return synthesize(text, voice=voice, wpm=wpm).write(path)


if __name__ == "__main__":
    _serve_one(sys.argv[1])
