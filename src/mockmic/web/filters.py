"""Small Jinja filters the pages share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

__all__ = ["FILTERS"]


def when(value: datetime | None) -> str:
    """A stored time as a short local-looking stamp (stored times are UTC)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def band(score: int | None) -> str:
    """A CSS class for a 0-100 score."""
    if score is None:
        return "none"
    return "good" if score >= 75 else "fair" if score >= 50 else "weak"


def dash(value: Any) -> str:
    return "–" if value is None else str(value)


FILTERS: dict[str, Callable[..., Any]] = {"when": when, "band": band, "dash": dash}
