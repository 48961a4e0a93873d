"""What a stated lesson is about: the candidate's own practice, or someone else's.

"What I learned is that I need to check the terms" is a lesson. "The lesson for me was that our
tooling made backups too slow" or "the takeaway was that leadership needs to listen" is the cause
put on others a second time, as the lesson: the rulebook counts it as blame. The shape is read
from the statement the lesson cue opens, whatever its words: its subject is another party, an
institution or a tool, and what is said of it is a duty ("needs to", "should") or a shortfall
("was not fit", "too slow").
"""

from __future__ import annotations

from itertools import pairwise

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors.shapes import clause_words
from mockmic.rubric.text import Span, stem

# Words between the cue and the statement's subject: "the lesson for me was really that ...".
FRAME_FILL = frozenset({
    "was", "is", "that", "really", "just", "from", "it", "i", "took", "take", "away", "would",
    "here", "there", "of", "all", "this", "so", "for", "me", "us",
})  # fmt: skip
# Determiners before the subject's noun: "that a business can not run peak on old systems".
DETERMINERS = frozenset({"the", "a", "an", "our", "their", "some", "most", "any", "these"})
# A duty put on the subject: "leadership needs to listen", "the company should invest".
DUTIES = frozenset({"need", "needs", "needed", "should", "must"})
DUTY_PAIRS = frozenset({("has", "to"), ("have", "to"), ("had", "to")})
# A shortfall said of it: "was not fit", "made backups too slow", "were slow"; not "no" ("clients
# read silence as a no" is an insight about them, not a fault)
FAULTS = frozenset({"not", "never", "too"}) | frozenset(w for w in lx.SHORTFALL if " " not in w)
SAID_OF = 5  # words after the subject in which what is said of it starts
_OTHER_STEMS = frozenset(stem(w) for w in lx.OTHERS if " " not in w and "~" not in w)


def lesson_on_others(answer: Answer) -> list[Span]:
    """Clauses whose stated lesson is a duty or a shortfall of another party, an institution or
    a tool: "I learned that our tooling was not fit for purpose"."""
    out = []
    for cue in answer.find(lx.LESSON_STATED):
        k = answer.clause_of(cue.start)
        if k < 0 or answer.clauses[k] in out:
            continue
        clause = answer.clauses[k]
        words = _statement(clause_words(answer, Span(cue.end, clause.end)))
        if words and _is_party(words[0]) and _faulted(words[1 : 1 + SAID_OF]):
            out.append(clause)
    return out


def _statement(words: list[str]) -> list[str]:
    """The statement after the cue's frame, from its subject's noun on: "for the organisation
    was that the platform needs" -> "platform needs"."""
    j = 0
    while j < len(words):
        if words[j] == "for" and words[j + 1 : j + 2] == ["the"]:
            j += 3  # "the lesson for the business was": whom it is for, not its subject
        elif words[j] in FRAME_FILL:
            j += 1
        else:
            break
    rest = words[j:]
    return rest[1:] if rest[:1] and rest[0] in DETERMINERS else rest


def _is_party(word: str) -> bool:
    """Another party, an institution or a tool: "leadership", "clients", "tooling", "the
    auditors"; never the candidate, "you" or "anyone" (a lesson for everyone)."""
    if word in lx.INSTITUTIONS or stem(word) in _OTHER_STEMS:
        return True
    return word.endswith(lx.AGENT_PLURALS) and len(word) > 5


def _faulted(said: list[str]) -> bool:
    if DUTIES.intersection(said) or DUTY_PAIRS.intersection(pairwise(said)):
        return True
    return bool(FAULTS.intersection(said))
