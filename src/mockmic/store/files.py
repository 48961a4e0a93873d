"""Where recorded (and typed) answers are kept: one file per answer, never overwritten."""

from __future__ import annotations

import uuid
from pathlib import Path

__all__ = ["new_answer_path"]


def new_answer_path(folder: Path, suffix: str) -> Path:
    """A fresh path in `folder` (created if needed) for one answer's file."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{uuid.uuid4().hex}{suffix}"
