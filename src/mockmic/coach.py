"""Coaching: the model answers and the follow-up an interviewer would ask next.

model_answer() gives the bank's exemplar and the candidate's own story rebuilt in the question's
recommended order: their clauses regrouped by part, fillers and stutters removed, the backstory
cut to the part's `max_words`, the clauses that fired a `drop_evidence` trap (blame, apologies)
left out, and every missing part marked with its bracketed prompt. Nothing is invented: what the
candidate did not say stays a question for them to answer.
"""

from __future__ import annotations

import re

from mockmic.rubric.answer import Answer, build
from mockmic.rubric.schema import Part, Question
from mockmic.rubric.text import FILLERS, Span, sentence_ends
from mockmic.types import Assessment, ModelAnswer, Transcript

_WORD = re.compile(r"[a-z0-9']+")
SENTENCE_WORDS = 40  # one sentence end per this many words or more: trust the punctuation
MAJORITY = 0.6


def model_answer(transcript: Transcript, assessment: Assessment, question: Question) -> ModelAnswer:
    return ModelAnswer(
        exemplar=question.model_answer.strip(),
        personalized=personalise(transcript, assessment, question),
    )


def follow_up(assessment: Assessment, question: Question) -> str | None:
    """The probe of the most serious trap that fired (the earlier-listed one on a tie)."""
    order = {t.id: k for k, t in enumerate(question.traps)}
    fired = [(question.trap(h.id), h) for h in assessment.traps]
    ranked = sorted(
        ((t, h) for t, h in fired if t is not None),
        key=lambda th: (-th[0].severity, order[th[0].id]),
    )
    return ranked[0][1].probe if ranked else None


def personalise(transcript: Transcript, assessment: Assessment, question: Question) -> str:
    answer = build(transcript, question)
    dropped = _dropped_evidence(assessment, question)
    fired = {h.id for h in assessment.traps}
    # a part a trap watches over (no_proof -> proof) is asked for when that trap fired, or when
    # the part is absent and the trap was held back by one of its `unless` traps; the clause
    # labels alone would miss proof told inside a "since then" sentence
    watch = {t.part: t for t in question.traps if t.part}
    units = _units(answer)
    pieces: list[str] = []
    for part in question.structure:
        said = [
            text
            for text, pid in units
            if pid == part.id and not any(_overlaps(text, ev) for ev in dropped)
        ]
        said = _trim(said, part)
        if said:
            pieces.append(_join(said))
        absent = not answer.part_clauses(part.id) and part.required
        trap = watch.get(part.id)
        if trap is None:
            ask = absent
        else:
            ask = trap.id in fired or (absent and bool(set(trap.unless) & fired))
        if ask:
            pieces.append(part.prompt.strip())
    return " ".join(pieces)


def _units(answer: Answer) -> list[tuple[str, str]]:
    """The answer as (text, part) units to regroup: whole sentences when the transcript is
    punctuated (so a sentence is never torn apart), clauses when it is not. A sentence goes to
    the part of its first clause, unless one other part holds most of its words."""
    ends = sentence_ends(answer.transcript)
    punctuated = len(ends) * SENTENCE_WORDS >= len(answer.transcript.words)
    groups: list[list[int]] = []
    for k, clause in enumerate(answer.clauses):
        last_word = answer.tokens[clause.end - 1].word
        if not groups or not punctuated:
            groups.append([k])
        else:
            groups[-1].append(k)
        if punctuated and last_word in ends:
            groups.append([])
    out = []
    for g in (g for g in groups if g):
        span = Span(answer.clauses[g[0]].start, answer.clauses[g[-1]].end)
        words = [w for w in answer.quote(span, pad=0).split() if _bare(w) not in FILLERS]
        text = " ".join(_unstutter(words))
        if text:
            out.append((text, _sentence_part(answer, g)))
    return out


def _sentence_part(answer: Answer, group: list[int]) -> str:
    size: dict[str, int] = {}
    for k in group:
        c = answer.clauses[k]
        size[answer.labels[k]] = size.get(answer.labels[k], 0) + c.end - c.start
    biggest = max(size, key=lambda p: size[p])
    return biggest if size[biggest] >= MAJORITY * sum(size.values()) else answer.labels[group[0]]


def _dropped_evidence(assessment: Assessment, question: Question) -> list[str]:
    out: list[str] = []
    for hit in assessment.traps:
        trap = question.trap(hit.id)
        if trap is not None and trap.drop_evidence:
            out.extend(e for e in hit.evidence if e)
    return out


def _overlaps(clause: str, evidence: str) -> bool:
    a, b = _norm(clause), _norm(evidence)
    return bool(a and b) and (b in a or a in b)


def _trim(clauses: list[str], part: Part) -> list[str]:
    """Keep whole clauses up to the part's word budget; cut the first one if it alone is over."""
    if part.max_words is None:
        return clauses
    kept: list[str] = []
    used = 0
    for c in clauses:
        n = len(c.split())
        if used + n > part.max_words:
            if not kept:
                kept.append(" ".join(c.split()[: part.max_words]).rstrip(",;:") + " ...")
            break
        kept.append(c)
        used += n
    return kept


# Words that usually open a sentence: a clause starting with one becomes a new sentence.
_OPENERS = frozenset(
    [
        "i",
        "we",
        "that",
        "this",
        "it",
        "since",
        "what",
        "so",
        "then",
        "now",
        "after",
        "the",
        "my",
        "our",
        "they",
    ]
)
_OPEN_ENDINGS = frozenset(
    [
        "and",
        "or",
        "but",
        "that",
        "was",
        "is",
        "the",
        "a",
        "an",
        "to",
        "of",
        "with",
        "before",
        "after",
        "because",
        "so",
        "which",
        "any",
        "my",
        "our",
        "their",
        "for",
        "in",
        "on",
        "at",
        "by",
        "as",
        "if",
        "when",
        "than",
        "then",
    ]
)
_DANGLING = frozenset({"and", "but", "so", "or", "because", "then"})
_LEADING = frozenset({"so", "and", "but", "yeah", "well", "like", "okay", "ok"})


def _join(clauses: list[str]) -> str:
    """Clauses back into sentences: speech-to-text rarely punctuates where a reader needs it."""
    out: list[str] = []
    for c in clauses:
        words = c.split()
        while len(words) > 3 and _bare(words[0]) in _LEADING:  # "so um at my last job"
            words = words[1:]
        c = " ".join(words)
        closed = out and _bare(out[-1].split()[-1]) not in _OPEN_ENDINGS
        if closed and not out[-1].endswith((".", "!", "?")) and _bare(words[0]) in _OPENERS:
            out[-1] = out[-1].rstrip(",;:") + "."
            c = c[:1].upper() + c[1:]
        out.append(c)
    return _sentence(" ".join(out))


def _sentence(text: str) -> str:
    """Capitalised, "i" as "I", ending in a full stop: speech-to-text gives neither."""
    text = re.sub(r"\bi\b", "I", text)
    text = re.sub(r"\bi('[a-z]+)\b", r"I\1", text)
    text = text[:1].upper() + text[1:]
    words = text.split()
    while len(words) > 1 and _bare(words[-1]) in _DANGLING:  # "... went into them, and"
        words.pop()
    text = " ".join(words)
    return text if text.endswith((".", "!", "?", "...")) else text.rstrip(",;:") + "."


def _unstutter(words: list[str]) -> list[str]:
    """ "the the", "I I": a repeated word is a restart in speech, noise on the page."""
    out: list[str] = []
    for w in words:
        if out and _bare(w) and _bare(w) == _bare(out[-1]):
            continue
        out.append(w)
    return out


def _bare(word: str) -> str:
    return "".join(_WORD.findall(word.lower()))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
