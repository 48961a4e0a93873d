"""Why a filler detection is wrong or a filler is missed: one cause per error, for
`python bench/delivery.py --causes`.

A false positive is a detection no annotated filler is matched to; a miss is an annotated filler
no detection is matched to (bench/delivery.py matches within FILLER_TOL_S). Each is put in the
first cause that fits, by looking at what the annotation says was spoken there and at what
Whisper wrote before the acoustic detector ran.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from mockmic.delivery.lexicon import FILLER_SOUNDS, norm
from mockmic.types import Marker, Transcript

Ann = dict[str, Any]
NEAR_S = 1.0  # a Whisper word this close to an annotated word is "the same word"


def _overlapping(ann: Ann, start: float, end: float) -> list[Ann]:
    """Annotated words sounding in [start, end] (end widened a little for point detections)."""
    end = max(end, start + 0.05)
    return [w for w in ann["words"] if w["start"] < end and w["end"] > start]


def _whisper_has(plain: Transcript, text: str, at: float) -> bool:
    return any(
        norm(w.word) == text and w.start is not None and abs(w.start - at) <= NEAR_S
        for w in plain.words
    )


def false_positive_cause(
    ann: Ann, marker: Marker, origin: str, plain: Transcript, matched_truth: Sequence[Ann]
) -> str:
    start = float(marker.start or 0.0)
    end = float(marker.end or start)
    near = [f for f in ann["fillers"] if abs(f["start"] - start) <= NEAR_S]
    if any(f not in matched_truth for f in near):
        near_filler = f"{origin}: mistimed (an unmatched filler within {NEAR_S:g} s)"
    elif near:
        near_filler = f"{origin}: duplicate (the filler nearby is already matched)"
    else:
        near_filler = ""
    if origin == "acoustic":
        under = _overlapping(ann, start, end)
        if not under:
            return "acoustic: island over no word (noise, breath, tail)"
        roles = {w["role"] for w in under}
        if "filler" in roles and near_filler:
            return near_filler
        if "restart" in roles:
            return "acoustic: on a restart word"
        if near_filler.startswith("acoustic: mistimed"):
            return "acoustic: on a word beside a missed filler (alignment swap)"
        w = under[0]
        if _whisper_has(plain, norm(w["word"]), w["start"]):
            return "acoustic: on a word Whisper wrote (misaligned)"
        return "acoustic: on a word Whisper dropped"
    text = marker.text
    under = _overlapping(ann, start - 0.3, end + 0.3)
    if text == "like":
        if any(norm(w["word"]) == "like" and w["role"] == "word" for w in under):
            return "text: 'like' as a verb/comparison"
        return near_filler or "text: 'like' where no like was said"
    if text in ("you know", "i mean", "a"):
        return near_filler or f"text: '{text}' rule"
    if text in FILLER_SOUNDS:
        return near_filler or "asr: filler sound where none was said"
    return f"other: {text}"


def miss_cause(ann: Ann, filler: Ann, kind: str, plain: Transcript, island: Ann | None) -> str:
    """`island`: the voiced island holding the filler's middle, with the words it claimed
    ({"start", "end", "claimed": [word texts], "share": vowel share}), or None."""
    if kind == "glued":
        return "glued (no silence around it)"
    if kind == "like/you know":
        first = filler["text"].split()[0]
        if not _whisper_has(plain, first, filler["start"]):
            return f"text: Whisper dropped '{filler['text']}'"
        return f"text: rule rejected '{filler['text']}'"
    if island is None:
        return "acoustic: no voiced island there"
    length = island["end"] - island["start"]
    if island["claimed"]:
        if length > (filler["end"] - filler["start"]) + 0.3:
            return "acoustic: island merged with a word, claimed"
        return "acoustic: filler island claimed by a word (alignment)"
    if island.get("share", 1.0) < 0.5:
        return "acoustic: unclaimed but low vowel share / length"
    return "acoustic: detected but mistimed (> tol)"


def pause_causes(
    found: Sequence[tuple[float, float]],
    truth: Sequence[tuple[float, float]],
    match: Any,
    tol: float,
) -> dict[str, Counter[str]]:
    """Unmatched pauses (>= 0.25 s on their side) by length: most errors sit just over the
    counting threshold, where 0.06 s of edge error decides whether a pause counts."""
    pairs = match([p[0] for p in found], [p[0] for p in truth], tol)
    hit_f, hit_t = {i for i, _ in pairs}, {j for _, j in pairs}

    def band(seconds: float) -> str:
        return "0.25-0.35 s" if seconds < 0.35 else ("0.35-0.6 s" if seconds < 0.6 else ">= 0.6 s")

    fp: Counter[str] = Counter(
        f"pause found, none said: {band(p[1])}"
        for i, p in enumerate(found)
        if i not in hit_f and p[1] >= 0.25
    )
    miss: Counter[str] = Counter(
        f"pause said, none found: {band(p[1])}" for j, p in enumerate(truth) if j not in hit_t
    )
    return {"pause_fp": fp, "pause_miss": miss}


def tally(rows: Sequence[dict[str, Counter[str]]], key: str) -> Counter[str]:
    total: Counter[str] = Counter()
    for r in rows:
        total.update(r.get(key, Counter()))
    return total


def print_causes(rows: Sequence[dict[str, Counter[str]]]) -> None:
    for key, title in (
        ("fp", "filler false positives"),
        ("miss", "filler misses"),
        ("pause_fp", "pause false positives (no slack)"),
        ("pause_miss", "pause misses (no slack)"),
    ):
        total = tally(rows, key)
        print(f"  {title} by cause ({sum(total.values())}):")
        for cause, n in total.most_common():
            print(f"    {n:5d}  {cause}")
