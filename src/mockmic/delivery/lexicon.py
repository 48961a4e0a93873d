"""Fillers, hedges, apologies and restarts found in the words themselves (typed or spoken).

Each finder takes the transcript's words and returns Markers pointing back at them. Phrases are
matched on normalised tokens (lower case, punctuation stripped), but the punctuation is kept to
tell a filler "like," from the verb "like": Whisper sets filler uses off with commas.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mockmic.delivery import thresholds as T
from mockmic.types import Marker, Word

_STRIP = re.compile(r"[^\w']+")

# Sounds that are always fillers (Whisper spells them several ways).
FILLER_SOUNDS = frozenset(
    {"um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "ahh", "hmm", "mm", "mhm", "eh"}
)
HEDGES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "i think", "i guess", "i suppose", "i feel like", "sort of", "kind of", "maybe",
        "perhaps", "probably", "i'm not sure", "not sure", "i believe", "somewhat",
        "more or less", "i would say", "i'd say", "hopefully", "possibly",
    )
)  # fmt: skip
APOLOGIES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "sorry", "i apologize", "i apologise", "apologies", "my apologies", "my bad",
        "forgive me", "excuse me", "pardon",
    )
)  # fmt: skip
# "like" after these is the verb or a comparison, never a filler.
_LIKE_VERB_BEFORE = frozenset(
    {
        "i", "we", "you", "they", "he", "she", "people", "would", "'d", "i'd", "we'd", "to",
        "don't", "didn't", "do", "does", "did", "really", "also", "not", "just", "more",
        "looks", "look", "looked", "sounds", "sound", "feel", "felt", "seems", "something",
        "things", "much", "most", "anything", "nothing", "exactly", "is", "was", "be",
    }
)  # fmt: skip
# Words that cannot start the object of "like" or "you know": what precedes them is a filler.
_NO_OBJECT = frozenset(
    {"and", "but", "so", "then", "or", "because", "um", "uh", "er", "erm", "uhm"}
)
_YOU_KNOW_NOT_AFTER = frozenset({"do", "did", "don't", "if", "as", "what", "whether", "you"})
# Legitimate doubled words ("had had", "that that") are not restarts.
_OK_DOUBLES = frozenset({"had", "that", "very", "really", "so", "bye", "no", "yes"})


def norm(word: str) -> str:
    return _STRIP.sub("", word.lower())


def _comma_after(word: Word) -> bool:
    return word.word.rstrip().endswith((",", "...", "—", "-"))


def _sentence_end(word: Word) -> bool:
    return word.word.rstrip().endswith((".", "?", "!"))


def _marker(words: Sequence[Word], i: int, n: int) -> Marker:
    text = " ".join(norm(w.word) for w in words[i : i + n])
    return Marker(text=text, start=words[i].start, end=words[i + n - 1].end, word_index=i)


def _gap(a: Word, b: Word) -> float:
    """Silence between two timed words (0.0 when either has no time)."""
    if a.end is None or b.start is None:
        return 0.0
    return float(b.start) - float(a.end)


def _set_off(words: Sequence[Word], i: int, j: int) -> bool:
    """Is words[i..j] set off from its neighbours, by a comma or by a silence?

    Whisper often leaves out the commas around a filler; a speaker's pause still shows it
    (word times are moved onto the voice by mockmic.transcribe.fillers)."""
    before = i > 0 and (
        _comma_after(words[i - 1]) or _gap(words[i - 1], words[i]) >= T.FILLER_SET_OFF_S
    )
    after = j + 1 < len(words) and (
        _comma_after(words[j]) or _gap(words[j], words[j + 1]) >= T.FILLER_SET_OFF_S
    )
    return before or after


def _like_is_filler(words: Sequence[Word], i: int) -> bool:
    prev = words[i - 1] if i > 0 else None
    nxt = norm(words[i + 1].word) if i + 1 < len(words) else ""
    # The verb and the comparison take an object right after them: "like, kept" and "like
    # and then" have none, so "like" there is a filler whatever came before it.
    if _comma_after(words[i]) or nxt in _NO_OBJECT:
        return True
    if prev is not None and norm(prev.word) in _LIKE_VERB_BEFORE and not _comma_after(prev):
        return _gap(prev, words[i]) >= T.FILLER_SET_OFF_S
    after_filler = prev is not None and norm(prev.word) in FILLER_SOUNDS | {"and", "so", "but"}
    return after_filler or _set_off(words, i, i)


def _you_know_is_filler(words: Sequence[Word], i: int) -> bool:
    prev = words[i - 1] if i > 0 else None
    if prev is not None and norm(prev.word) in _YOU_KNOW_NOT_AFTER:
        return False
    last = words[i + 1]
    ends_off = _comma_after(last) or _sentence_end(last) or i + 2 >= len(words)
    nxt = norm(words[i + 2].word) if i + 2 < len(words) else ""
    starts_off = prev is None or _comma_after(prev) or _sentence_end(prev)
    return ends_off or starts_off or nxt in _NO_OBJECT or _set_off(words, i, i + 1)


def _i_mean_is_filler(words: Sequence[Word], i: int) -> bool:
    prev = words[i - 1] if i > 0 else None
    if prev is not None and norm(prev.word) in {"what", "i", "you", "that"}:
        return False
    return _comma_after(words[i + 1])


def _a_is_filler(words: Sequence[Word], i: int) -> bool:
    # Whisper often writes "uh" as "a"; an article is never followed by a comma or a pause mark.
    return _comma_after(words[i]) or words[i].word.rstrip().endswith("...")


# Multi-word fillers and the rule that says when a use is a filler.
_CONTEXT_FILLERS: dict[tuple[str, ...], Callable[[Sequence[Word], int], bool]] = {
    ("a",): _a_is_filler,
    ("like",): _like_is_filler,
    ("you", "know"): _you_know_is_filler,
    ("i", "mean"): _i_mean_is_filler,
}


def find_fillers(words: Sequence[Word]) -> tuple[Marker, ...]:
    """Filler sounds always; "like" / "you know" / "I mean" only where used as fillers."""
    tokens = [norm(w.word) for w in words]
    found: list[Marker] = []
    for i, tok in enumerate(tokens):
        # An acoustic word is "um" (a filler) or a repeated word (a restart, not a filler).
        if tok in FILLER_SOUNDS:
            found.append(_marker(words, i, 1))
            continue
        for phrase, is_filler in _CONTEXT_FILLERS.items():
            n = len(phrase)
            if tuple(tokens[i : i + n]) == phrase and is_filler(words, i):
                found.append(_marker(words, i, n))
    return tuple(found)


def _find_phrases(words: Sequence[Word], phrases: Sequence[tuple[str, ...]]) -> tuple[Marker, ...]:
    tokens = [norm(w.word) for w in words]
    found: list[Marker] = []
    i = 0
    while i < len(tokens):
        # Longest phrase first, so "i'm not sure" is one hedge and not also "not sure".
        for phrase in sorted(phrases, key=len, reverse=True):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                found.append(_marker(words, i, len(phrase)))
                i += len(phrase) - 1
                break
        i += 1
    return tuple(found)


def find_hedges(words: Sequence[Word]) -> tuple[Marker, ...]:
    return _find_phrases(words, HEDGES)


def find_apologies(words: Sequence[Word]) -> tuple[Marker, ...]:
    return _find_phrases(words, APOLOGIES)


def find_restarts(words: Sequence[Word]) -> tuple[Marker, ...]:
    """A word or two-word phrase said again at once ("I, I just", "we went we went"), or a word
    cut off ("impl- implemented"). Fillers between the repeats are skipped."""
    idx = [i for i, w in enumerate(words) if norm(w.word) and norm(w.word) not in FILLER_SOUNDS]
    toks = [norm(words[i].word) for i in idx]
    found: list[Marker] = []
    k = 0
    while k < len(toks) - 1:
        i = idx[k]
        if toks[k] == toks[k + 1] and toks[k] not in _OK_DOUBLES:
            found.append(Marker(text=f"{toks[k]} {toks[k]}", start=words[i].start,
                                end=words[idx[k + 1]].end, word_index=i))  # fmt: skip
            k += 2
            continue
        if k + 3 < len(toks) and toks[k : k + 2] == toks[k + 2 : k + 4]:
            found.append(Marker(text=" ".join(toks[k : k + 4]), start=words[i].start,
                                end=words[idx[k + 3]].end, word_index=i))  # fmt: skip
            k += 4
            continue
        if words[i].word.rstrip().endswith("-") and toks[k + 1].startswith(toks[k]):
            found.append(_marker(words, i, 1))
        k += 1
    return tuple(found)
