"""The transcript as a list of tokens for the HTML report: words marked as fillers, hedges,
apologies, restarts, trap evidence or low-confidence, with long pauses and part starts in place.

Delivery markers carry the index of their first word; trap evidence is quoted text, so it is
found by matching its word tokens against the transcript's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from mockmic.report._format import clock, humanise, tokens, trap_name
from mockmic.types import Marker, PartSpan, Report, Word

LOW_CONFIDENCE = 0.5  # below this the speech model was guessing; shown so the reader can judge

# Legend entries, in the order shown: kind -> (label, what it means).
LEGEND: dict[str, tuple[str, str]] = {
    "filler": ("filler", "um, uh, er, \u201clike\u201d"),
    "hedge": ("hedge", "softens a claim"),
    "apology": ("apology", "says sorry"),
    "restart": ("restart", "a word said twice or a sentence begun again"),
    "trap": ("trap evidence", "words that set off a trap"),
    "pause": ("long pause", "silence with its length"),
    "lowconf": ("unsure word", "the speech model was not confident"),
}


@dataclass
class Token:
    kind: str  # "words" (a run of words sharing the same marks), "pause" or "part"
    words: list[dict[str, str]] = field(default_factory=list)  # text, start, title
    marks: tuple[str, ...] = ()
    title: str = ""
    label: str = ""
    part: str = ""
    join_next: bool = False  # the space after this run belongs inside its highlight


def _span_len(marker: Marker) -> int:
    return max(1, len(marker.text.split()))


def _find_phrase(norms: list[list[str]], phrase: str) -> list[int]:
    """Indexes of the words covered by every occurrence of `phrase`."""
    want = tokens(phrase)
    flat = [(i, tok) for i, toks in enumerate(norms) for tok in toks]
    hits: list[int] = []
    if not want:
        return hits
    for k in range(len(flat) - len(want) + 1):
        if [tok for _, tok in flat[k : k + len(want)]] == want:
            hits.extend(i for i, _ in flat[k : k + len(want)])
    return hits


def _mark_words(report: Report, norms: list[list[str]]) -> list[dict[str, str]]:
    """For each word, the marks it carries (kind -> hover text)."""
    marks: list[dict[str, str]] = [{} for _ in report.transcript.words]
    d = report.delivery
    for kind, markers in (
        ("filler", d.fillers),
        ("hedge", d.hedges),
        ("apology", d.apologies),
        ("restart", d.restarts),
    ):
        for m in markers:
            found = (
                list(range(m.word_index, m.word_index + _span_len(m)))
                if m.word_index is not None
                else _find_phrase(norms, m.text)
            )
            for i in found:
                if i < len(marks):
                    marks[i][kind] = LEGEND[kind][0]
    for trap in report.assessment.traps:
        for quote in trap.evidence:
            for i in _find_phrase(norms, quote):
                names = marks[i].get("trap", "")
                name = trap_name(trap.id)
                marks[i]["trap"] = f"{names}; {name}" if names and name not in names else name
    for i, w in enumerate(report.transcript.words):
        if w.probability is not None and w.probability < LOW_CONFIDENCE:
            marks[i]["lowconf"] = f"unsure ({round(w.probability * 100)}%)"
    return marks


def _part_starts(
    words: tuple[Word, ...], parts: tuple[PartSpan, ...], timed: bool
) -> dict[int, str]:
    """Word index at which each part begins."""
    starts: dict[int, str] = {}
    if timed:
        for p in parts:
            if p.start is None:
                continue
            index = next((i for i, w in enumerate(words) if (w.start or 0) >= p.start - 0.05), None)
            if index is not None:
                starts.setdefault(index, p.part)
        return starts
    index = 0
    for p in parts:  # typed answers: parts follow each other through the words
        starts.setdefault(index, p.part)
        index += len(p.text.split())
    return starts


def _pause_before(words: tuple[Word, ...], report: Report) -> dict[int, list[float]]:
    """Word index before which each long pause sits (by the pause's midpoint)."""
    where: dict[int, list[float]] = {}
    for p in report.delivery.long_pauses:
        middle = p.start + p.seconds / 2
        index = sum(1 for w in words if w.start is not None and w.start < middle)
        where.setdefault(index, []).append(p.seconds)
    return where


def _pause(seconds: float) -> Token:
    return Token("pause", label=f"{seconds:.1f} s", title=f"silence of {seconds:.1f} s")


def _split_tail(word: str) -> tuple[str, str]:
    """`um,` -> (`um`, `,`): punctuation stays outside a highlight."""
    core = word.rstrip(".,;:!?\u2026")
    return (core, word[len(core) :]) if core else (word, "")


def _word_title(w: Word, marks: dict[str, str]) -> str:
    bits = [clock(w.start) if w.start is not None else ""]
    bits += sorted(set(marks.values()))
    if w.origin == "acoustic":
        bits.append("found in a gap the speech model skipped")
    return " \u00b7 ".join(b for b in bits if b)


def annotate(report: Report) -> tuple[list[Token], list[str]]:
    """The transcript as tokens, and the legend kinds that occur in it."""
    words = report.transcript.words
    norms = [tokens(w.word) for w in words]
    marks = _mark_words(report, norms)
    parts = _part_starts(words, report.assessment.parts, report.transcript.timed)
    pauses = _pause_before(words, report)
    out: list[Token] = []
    used: set[str] = set()
    for i, w in enumerate(words):
        # A pause at a part boundary closes the part before it rather than opening the next.
        out += [_pause(seconds) for seconds in pauses.get(i, [])]
        if i in parts:
            out.append(Token("part", label=humanise(parts[i]), part=parts[i]))
        key = tuple(sorted(marks[i]))
        used.update(key)
        core, tail = _split_tail(w.word.strip())
        entry = {
            "text": core,
            "tail": tail,
            "start": "" if w.start is None else f"{w.start:.2f}",
            "title": _word_title(w, marks[i]),
        }
        if key and out and out[-1].kind == "words" and out[-1].marks == key:
            out[-1].words.append(entry)  # one highlight over "sort of", not two
        else:
            out.append(Token("words", words=[entry], marks=key))
    for this, after in pairwise(out):
        # Evidence split over differently marked runs still reads as one underlined quote.
        this.join_next = "trap" in this.marks and "trap" in after.marks
    out += [_pause(seconds) for seconds in pauses.get(len(words), [])]
    if pauses:
        used.add("pause")
    return out, [kind for kind in LEGEND if kind in used]
