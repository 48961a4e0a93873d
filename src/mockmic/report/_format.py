"""Small formatting helpers shared by the text and HTML renderers.

Kept in one place so the terminal and the page name things, round numbers and grade scores the
same way.
"""

from __future__ import annotations

import re

from mockmic.rubric.semantic import CRITERION_ID as SUMMARY_CRITERION
from mockmic.types import CriterionResult, Marker, Word

# Names a person reads instead of the stable trap ids (DESIGN.md); unknown ids are humanised.
TRAP_NAMES: dict[str, str] = {
    "non_failure": "Humble-brag, not a real failure",
    "blame": "Blaming others",
    "over_apology": "Over-apologising",
    "catastrophic": "A failure in the job's core skill",
    "no_lesson": "No lesson drawn",
    "no_proof": "No proof the change stuck",
    "rambling": "Rambling",
    "vague": "No specific example",
    "no_result": "No result",
    "we_not_i": "\u201cWe\u201d instead of \u201cI\u201d",
    "cliche": "Clich\u00e9",
    "badmouthing": "Badmouthing",
    "off_topic": "Off topic",
}

# Score bands: (lowest score, band name, one-line verdict). Checked from the top.
BANDS: tuple[tuple[int, str, str], ...] = (
    (80, "good", "Strong answer \u2014 polish the details."),
    (60, "fair", "Solid base \u2014 a few things to tighten."),
    (40, "weak", "The story is there \u2014 the shape needs work."),
    (0, "poor", "Start again from the recommended shape."),
)

FILLER_WORDS_NOTE = "um, uh, er, \u201clike\u201d used as a filler"

_TOKEN_RE = re.compile(r"[^\w']+")


def humanise(ident: str) -> str:
    """`over_time` -> `Over time`."""
    text = ident.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def trap_name(trap_id: str) -> str:
    return TRAP_NAMES.get(trap_id, humanise(trap_id))


def band(score: int | None) -> str:
    if score is None:
        return "none"
    return next(name for low, name, _ in BANDS if score >= low)


def verdict(score: int) -> str:
    return next(text for low, _, text in BANDS if score >= low)


def focus(criteria: tuple[CriterionResult, ...]) -> CriterionResult | None:
    """The criterion worth practising next: the most weighted points lost (None if none lost).

    The read-for-meaning criterion sums up the whole answer; what to change is in the others."""
    lost = [
        (c.weight * (100 - c.score), -i, c)
        for i, c in enumerate(criteria)
        if c.score < 100 and c.id != SUMMARY_CRITERION
    ]
    return max(lost, key=lambda item: item[:2])[2] if lost else None


def share(c: CriterionResult, criteria: tuple[CriterionResult, ...]) -> int:
    """The criterion's part of the content score in percent (the parts add up to about 100)."""
    total = sum(x.weight for x in criteria)
    return round(100 * c.weight / total) if total else 0


def clock(seconds: float | None) -> str:
    """A point or a length in the recording as m:ss (rounded to the second)."""
    if seconds is None:
        return "\u2013"
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def span(start: float | None, end: float | None) -> str:
    if start is None or end is None:
        return ""
    return f"{clock(start)}\u2013{clock(end)}"


def secs(seconds: float | None) -> str:
    return "\u2013" if seconds is None else f"{seconds:.1f} s"


def pct(share: float) -> str:
    return f"{round(share * 100)}%"


def tokens(text: str) -> list[str]:
    """Lower-case word tokens, punctuation dropped; used to find quoted phrases in a transcript."""
    return [t for t in _TOKEN_RE.split(text.lower()) if t]


def prompt_pieces(text: str) -> list[tuple[str, bool]]:
    """Split a personalised answer into (text, is_prompt) pieces; prompts are `[...]`."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in re.finditer(r"\[[^\[\]]+\]", text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], False))
        pieces.append((match.group(0)[1:-1], True))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def as_said(marker: Marker, words: tuple[Word, ...]) -> str:
    """A marker's words as the transcript spells them ("I guess", not "i guess")."""
    n = max(1, len(marker.text.split()))
    i = marker.word_index
    if i is None or i + n > len(words):
        return marker.text
    said = " ".join(w.word.strip() for w in words[i : i + n]).strip(".,;:!?\u2026\"'")
    return said if tokens(said) == tokens(marker.text) else marker.text
