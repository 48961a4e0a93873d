"""The answer as tokens that phrase patterns can match, each tied back to transcript words.

Speech-to-text output is lower-case-ish with unreliable punctuation and keeps "um"/"uh", and typed
answers have capitals and contractions, so both are brought to one form: lower case, no
punctuation, contractions spelled out ("didn't" -> "did not"), fillers dropped from matching. Every
token remembers the index of the transcript word it came from, so any match can be quoted back as
the candidate's own words.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mockmic.rubric import lexicon as lx
from mockmic.types import Transcript

FILLERS = frozenset({"um", "uh", "er", "erm", "ah", "hmm", "mm", "umm", "uhh", "eh"})

# Contractions spelled out so "didn't", "didnt" and "did not" match one pattern.
_CONTRACTIONS = (
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bshan'?t\b"), "shall not"),
    (
        re.compile(r"\b(did|does|do|is|are|was|were|has|have|had|could|would|should|must)n'?t\b"),
        r"\1 not",
    ),
    (re.compile(r"\bi'm\b|\bim\b"), "i am"),
    (re.compile(r"\b(i|you|we|they)'ve\b|\b(i|you|we|they)ve\b"), r"\1\2 have"),
    (re.compile(r"\b(i|you|we|they|he|she|it|that)'ll\b"), r"\1 will"),
    (re.compile(r"\b(you|we|they)'re\b"), r"\1 are"),
    (re.compile(r"\b(it|that|there|what|he|she|here)'s\b"), r"\1 is"),
)
_SPLIT = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?;]+[\"')\]]*$")


# Words too common to anchor a loose match on their own.
_STOP = (
    "i me my we our us you your he him his she her it its they them their a an the and or but so "
    "to of in on at by for with from as is are was were be been am do did does had has have not "
    "no that this there then than if when what which who would will can could should"
)
STOPWORDS = frozenset(_STOP.split())
# A subject and its verb may have adverbs between them ("I accidentally pushed", "I just never
# got"): a pattern that runs from one to the other matches across up to this many.
SUBJECTS = frozenset({"i", "we", "he", "she", "they", "you"})
MAX_ADVERBS = 2
# The perfect tells the same doing as the past ("I've taken from it", "I took from it"): where
# tense is not the point (not `exact`), its auxiliary after a subject is passed over like an adverb.
PERFECT = frozenset({"have", "has", "had"})
# "-ly" words that are not adverbs ("I apply", "my family"), and adverbs that change what is said:
# "I still struggle" is ongoing, "I only missed" and "I even asked" shift the weight, and "I also
# added" adds to a list already told (the part cues read "then I added" as the change, not it)
_NOT_ADVERBS = frozenset(
    {"apply", "reply", "supply", "family", "ally", "rely", "italy", "fly"}
    | {"still", "only", "even", "also"}
)


@dataclass(frozen=True)
class Token:
    text: str
    word: int  # index into Transcript.words
    filler: bool = False


@dataclass(frozen=True)
class Span:
    """Tokens [start, end) of the answer."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation, contractions spelled out."""
    return [t for piece in _spell_d(_pieces(text)) for t in piece]


def tokenise(transcript: Transcript) -> tuple[Token, ...]:
    # the words are spelled out together: "I'd" is read by the word after it
    pieces: list[str] = []
    owner: list[int] = []
    ends: set[int] = set()  # pieces that end a sentence ("... than I'd.": nothing follows)
    for i, w in enumerate(transcript.words):
        split = _pieces(w.word)
        pieces += split
        owner += [i] * len(split)
        if split and _SENTENCE_END.search(w.word.strip()):
            ends.add(len(pieces) - 1)
    out: list[Token] = []
    for i, spelled in zip(owner, _spell_d(pieces, ends), strict=True):
        out.extend(Token(t, i, filler=t in FILLERS) for t in spelled)
    return tuple(out)


def _pieces(text: str) -> list[str]:
    """Lower-case words, contractions spelled out but for "'d" (which needs the next word)."""
    s = text.lower().replace("’", "'").replace("‘", "'")
    for pattern, repl in _CONTRACTIONS:
        s = pattern.sub(repl, s)
    return _SPLIT.findall(s)


# "I'd taken", "I'd never shown", "we'd agreed" are "had" before a participle; "I'd take",
# "I'd rather", "I'd put" (past or not) are "would", as is a "'d" that ends a sentence
_D = re.compile(r"(i|you|we|they|he|she|it|that|there|who)'d")
# words that may stand between "'d" and its verb: "I'd never shown", "we'd already agreed"
_D_BETWEEN = frozenset({"not", "never", "already", "always", "ever", "just", "also", "only"})
_D_REACH = 2


def _spell_d(pieces: list[str], ends: Collection[int] = ()) -> list[list[str]]:
    """Each piece as its tokens, "'d" spelled out by the verb after it (none after `ends`)."""
    out = []
    for j, piece in enumerate(pieces):
        m = _D.fullmatch(piece)
        if m:
            had = j not in ends and _participle_next(pieces[j + 1 :])
            out.append([m.group(1), "had" if had else "would"])
        else:
            out.append([piece.replace("'", "")])
    return out


def _participle_next(pieces: list[str]) -> bool:
    for w in pieces[: _D_REACH + 1]:
        if w in _D_BETWEEN or is_adverb(w):
            continue
        return is_participle(w)
    return False


def sentence_ends(transcript: Transcript) -> frozenset[int]:
    """Indexes of transcript words that end a sentence by punctuation (unreliable, a hint)."""
    return frozenset(
        i for i, w in enumerate(transcript.words) if _SENTENCE_END.search(w.word.strip())
    )


@lru_cache(maxsize=4096)
def compile_phrase(phrase: str) -> tuple[str, ...]:
    """A phrase pattern as tokens. `*` stands for any one word, `...` for up to four words."""
    tokens: list[str] = []
    for raw in phrase.split():
        if raw in ("*", "..."):
            tokens.append(raw)
        elif raw.endswith("~"):  # a stem: keep the marker on the last normalised token
            tokens.extend(normalise(raw[:-1]))
            tokens[-1] += "~"
        else:
            tokens.extend(normalise(raw))
    return tuple(tokens)


@lru_cache(maxsize=4096)
def variants(phrase: str) -> tuple[tuple[str, ...], ...]:
    """A phrase pattern and the same pattern with each frame member it holds swapped for the
    other members of its frame (lexicon.FRAMES): "i want" also as "i am looking for"."""
    pattern = compile_phrase(phrase)
    out = [pattern]
    for frame in lx.FRAMES:
        members = [tuple(stem(w) for w in compile_phrase(m)) for m in frame]
        for i, member in enumerate(members):
            at = _sublist(tuple(stem(w) for w in pattern), member)
            if at < 0:
                continue
            head, tail = pattern[:at], pattern[at + len(member) :]
            out.extend((*head, *compile_phrase(m), *tail) for j, m in enumerate(frame) if j != i)
            break
    return tuple(out)


def _sublist(seq: tuple[str, ...], part: tuple[str, ...]) -> int:
    """Where `part` first occurs in `seq` as a run of items, or -1."""
    for k in range(len(seq) - len(part) + 1):
        if seq[k : k + len(part)] == part:
            return k
    return -1


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix strip so "started", "starts" and "starting" match "start": paraphrases
    change word forms far more often than words. Short words are left alone; an irregular
    participle is its past form's stem ("taken" as "took")."""
    if word in lx.PARTICIPLES:
        return stem(lx.PARTICIPLES[word])
    if word in lx.SYNONYMS:  # "rang" as "called": a cue reads a verb's plain synonyms too
        return stem(lx.SYNONYMS[word])
    for suffix, keep in (("ing", 5), ("ied", 4), ("ed", 4), ("es", 5), ("ly", 5), ("s", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep - len(suffix) + 1:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: -len(suffix)]
            return base + "y" if suffix == "ied" else base
    return word


class Matcher:
    """Finds phrase patterns in the non-filler tokens of one answer (compared by stem)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        # positions of the content tokens, so "that was um on me" still matches "that was on me"
        self.content = [i for i, t in enumerate(tokens) if not t.filler]
        self.words = [tokens[i].text for i in self.content]
        self.stems = [stem(w) for w in self.words]
        self._at: dict[str, list[int]] = {}
        for k, w in enumerate(self.stems):
            self._at.setdefault(w, []).append(k)
        self._raw_at: dict[str, list[int]] = {}
        for k, w in enumerate(self.words):
            self._raw_at.setdefault(w, []).append(k)

    def find(
        self, phrases: Iterable[str], within: Span | None = None, exact: bool = False
    ) -> list[Span]:
        """Every non-overlapping match of any phrase, as token spans, in order."""
        found: list[Span] = []
        for phrase in phrases:
            for pattern in variants(phrase):
                if pattern:
                    found.extend(self._find_one(pattern, exact))
        if within is not None:
            found = [s for s in found if s.start >= within.start and s.end <= within.end]
        return _drop_overlaps(found)

    def find_weighted(
        self, phrases: dict[str, float], within: Span | None = None, exact: bool = False
    ) -> list[tuple[Span, float]]:
        """Like `find`, with each match's weight; where matches overlap the longer one wins.
        `exact` compares whole words, not stems (tense matters: "I check" is not "I checked")."""
        found: list[tuple[Span, float]] = []
        for phrase, weight in phrases.items():
            for pattern in variants(phrase):
                if pattern:
                    found.extend((s, weight) for s in self._find_one(pattern, exact))
        if within is not None:
            found = [f for f in found if f[0].start >= within.start and f[0].end <= within.end]
        found.sort(key=lambda f: (f[0].start, -(f[0].end - f[0].start), -f[1]))
        out: list[tuple[Span, float]] = []
        for f in found:
            if out and f[0].start < out[-1][0].end:
                continue
            out.append(f)
        return out

    def find_loose(self, phrases: Iterable[str], slack: int = 3) -> list[Span]:
        """Phrases whose content words all occur, in any order, within a few words of each
        other: "called my manager within ten minutes" for "within ten minutes i called my
        manager". Only phrases with two or more content words, no wildcards, are tried."""
        found: list[Span] = []
        for phrase in phrases:
            pattern = compile_phrase(phrase)
            keys = {stem(w) for w in pattern if w not in STOPWORDS}
            if len(keys) < 2 or any(w in ("*", "...") or w.endswith("~") for w in pattern):
                continue
            width = len(pattern) + slack
            for k in self._at.get(next(iter(sorted(keys))), []):
                lo, hi = max(0, k - width + 1), min(len(self.stems), k + width)
                window = self.stems[lo:hi]
                if keys <= set(window):
                    ks = [lo + j for j, w in enumerate(window) if w in keys]
                    found.append(Span(self.content[min(ks)], self.content[max(ks)] + 1))
                    break
        return _drop_overlaps(found)

    def _find_one(self, pattern: tuple[str, ...], exact: bool = False) -> list[Span]:
        # most patterns hold a word the answer lacks: skip them before walking any start
        have = self._raw_at if exact else self._at
        if not all(w in have for w in _plain_words(pattern, exact)):
            return []
        first = pattern[0]
        starts: Iterable[int]
        if first in ("*", "..."):
            starts = range(len(self.words))
        elif first.endswith("~"):  # a stem: only the words that begin with it
            prefix = first[:-1]
            starts = sorted(k for w, ks in self._raw_at.items() if w.startswith(prefix) for k in ks)
        else:
            starts = self._raw_at.get(first, []) if exact else self._at.get(stem(first), [])
        out = []
        for k in starts:
            end = self._match_from(pattern, 0, k, exact)
            if end is not None:
                out.append(Span(self.content[k], self.content[end - 1] + 1))
        return out

    def _perfect_at(self, k: int) -> bool:
        """An auxiliary before a participle ("have taken", "had used"), not "have" as a verb
        ("I have a checklist") nor before a bare form ("I've run")."""
        nxt = self.words[k + 1] if k + 1 < len(self.words) else ""
        return self.words[k] in PERFECT and (is_past(nxt) or nxt in lx.PARTICIPLES)

    def _match_from(
        self, pattern: tuple[str, ...], p: int, k: int, exact: bool = False
    ) -> int | None:
        """Content-token index just past a match of pattern[p:] starting at k, or None."""
        if p == len(pattern):
            return k
        head = pattern[p]
        if head == "...":
            for skip in range(5):
                end = self._match_from(pattern, p + 1, k + skip, exact)
                if end is not None:
                    return end
            return None
        if k >= len(self.words):
            return None
        word_stem = self.words[k] if exact else self.stems[k]
        if head != "*" and not _word_matches(head, self.words[k], word_stem, exact):
            return None
        end = self._match_from(pattern, p + 1, k + 1, exact)
        if end is None and head in SUBJECTS and p + 1 < len(pattern):
            perfect = not exact and pattern[p + 1] not in PERFECT
            for skip in range(1, MAX_ADVERBS + 1):
                if k + skip >= len(self.words):
                    break
                between = self.words[k + skip]
                if not is_adverb(between) and not (perfect and self._perfect_at(k + skip)):
                    break
                end = self._match_from(pattern, p + 1, k + skip + 1, exact)
                if end is not None:
                    break
        return end


@lru_cache(maxsize=65536)
def _plain_words(pattern: tuple[str, ...], exact: bool) -> tuple[str, ...]:
    """The words every match of `pattern` must hold, as the Matcher indexes them (stems, or
    whole words when `exact`); wildcards and "~" stems are left out."""
    plain = (w for w in pattern if w not in ("*", "...") and not w.endswith("~"))
    return tuple(plain if exact else (stem(w) for w in plain))


def is_past(word: str) -> bool:
    """A past-tense verb: an irregular past, or a regular one ("shipped"; not "red", "bed")."""
    return word in lx.PAST_IRREGULAR or (word.endswith("ed") and len(word) > 4)


def is_participle(word: str) -> bool:
    """A form that can follow "had": "taken", "been", "shipped" (not one that is also a present
    tense: "put", "read", "succeed")."""
    if word in lx.PAST_AND_PRESENT:
        return False
    return word == "been" or word in lx.PARTICIPLES or is_past(word)


def is_adverb(word: str) -> bool:
    """An adverb that may sit between a subject and its verb (not a negation: "I never pushed"
    is not "I pushed")."""
    if word in _NOT_ADVERBS:
        return False
    return word in lx.ADVERBS or (word.endswith("ly") and len(word) > 4)


def _word_matches(pattern: str, word: str, word_stem: str, exact: bool = False) -> bool:
    # a trailing "~" in a pattern word matches any ending: "apolog~" -> apologise, apologized
    if pattern.endswith("~"):
        return word.startswith(pattern[:-1])
    return pattern == word or (not exact and stem(pattern) == word_stem)


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def quote(transcript: Transcript, tokens: Sequence[Token], span: Span, pad: int = 0) -> str:
    """The transcript words under a token span (plus `pad` words each side), as spoken."""
    if span.start >= span.end or not tokens:
        return ""
    first = max(tokens[span.start].word - pad, 0)
    last = min(tokens[span.end - 1].word + pad, len(transcript.words) - 1)
    return " ".join(w.word.strip() for w in transcript.words[first : last + 1] if w.word.strip())
