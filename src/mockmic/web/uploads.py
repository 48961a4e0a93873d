"""Answers arriving over HTTP: written to disk within the size limit, then proven to be audio.

The content type a browser sends proves nothing, so every recording is decoded (mockmic.audio)
before it is accepted: a file that is not audio, holds no speech, or runs past the time limit is
refused with the reason, and its bytes are removed.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import UploadFile
from starlette.concurrency import run_in_threadpool

from mockmic import audio
from mockmic.errors import AudioError, BadInput
from mockmic.settings import Settings
from mockmic.store.files import new_answer_path

__all__ = ["TooLarge", "purge", "save_audio", "save_text"]

_CHUNK = 1 << 16
# Extensions kept for the stored file so PyAV and the browser's <audio> recognise it.
_SUFFIXES = {
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/flac": ".flac",
}


class TooLarge(BadInput):
    http_status = 413


def _suffix(upload: UploadFile) -> str:
    name_suffix = Path(upload.filename or "").suffix.lower()
    if name_suffix in set(_SUFFIXES.values()):
        return name_suffix
    base = (upload.content_type or "").split(";")[0].strip().lower()
    return _SUFFIXES.get(base, ".bin")


async def save_audio(upload: UploadFile, settings: Settings) -> Path:
    """Write the upload to the answers folder and check it decodes as speech; its path."""
    path = new_answer_path(settings.audio_dir, _suffix(upload))
    try:
        await _copy_limited(upload, path, settings.max_upload_bytes)
        # Decoding blocks (a few hundred ms for a long answer): run it off the event loop.
        await run_in_threadpool(audio.load, path, max_seconds=settings.max_answer_seconds)
    except AudioError as exc:
        path.unlink(missing_ok=True)
        # The message names our stored file; the person only needs the reason.
        raise type(exc)(str(exc).replace(f"{path}: ", "", 1)) from None
    except BaseException:  # the client went away: keep nothing half-checked
        path.unlink(missing_ok=True)
        raise
    return path


async def _copy_limited(upload: UploadFile, path: Path, limit: int) -> None:
    size = 0
    with path.open("wb") as out:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise TooLarge(
                    f"the recording is over the {limit / 1_048_576:.0f} MB upload limit; "
                    "record a shorter answer"
                )
            out.write(chunk)
    if size == 0:
        raise BadInput("the upload is empty; record the answer again")


def save_text(text: str, settings: Settings) -> Path:
    """Keep a typed answer as a .txt file, like a recording, so it is stored before scoring."""
    if not text.strip():
        raise BadInput("the answer is empty; type or say an answer first")
    if len(text) > settings.max_text_chars:
        raise BadInput(
            f"the answer is {len(text):,} characters, over the {settings.max_text_chars:,} limit"
        )
    path = new_answer_path(settings.audio_dir, ".txt")
    path.write_text(text, encoding="utf-8")
    return path


def purge(settings: Settings) -> None:
    """Remove every file left in the answers folder (after "delete everything"), including any
    a crash left between writing a file and committing its row."""
    if settings.audio_dir.is_dir():
        for leftover in settings.audio_dir.iterdir():
            if leftover.is_file():
                leftover.unlink(missing_ok=True)
