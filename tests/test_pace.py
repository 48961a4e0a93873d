"""Pace counts the words that carry content: every filler is left out, a verb "like" is not."""

from __future__ import annotations

from mockmic.delivery import pace
from mockmic.transcribe import from_text


def _counted(text: str) -> list[str]:
    return [w.word.strip(",.?") for w in pace.lexical_words(from_text(text).words)]


def test_filler_phrases_are_not_words_of_pace() -> None:
    assert _counted("So, um, we, like, shipped it, you know, on time.") == [
        "So", "we", "shipped", "it", "on", "time",
    ]  # fmt: skip


def test_like_and_you_know_as_words_are_counted() -> None:
    assert _counted("I like pizza.") == ["I", "like", "pizza"]
    assert _counted("Do you know why?") == ["Do", "you", "know", "why"]
