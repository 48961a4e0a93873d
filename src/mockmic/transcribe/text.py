"""A typed answer enters the pipeline as a Transcript with no timings."""

from __future__ import annotations

import re

from mockmic.types import Transcript, Word

# A word keeps its trailing punctuation (sentence ends matter to delivery and rubric alike).
_TOKEN = re.compile(r"\S+")


def from_text(text: str) -> Transcript:
    """Split a typed answer into Words (origin "text", no times)."""
    words = tuple(Word(word=m.group(0), origin="text") for m in _TOKEN.finditer(text))
    return Transcript(words=words, engine="text", duration_s=None)
