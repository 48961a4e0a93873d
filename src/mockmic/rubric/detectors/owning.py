"""Ownership told as a sentence shape: the candidate as the subject of what went wrong.

Few people say "the mistake was mine". Most own a failure by telling their own act or omission
plainly: "I had only tested it on our office network", "I signed them off without digging in",
"I'd assumed the client knew", "I never asked about the budget", "I handled that badly". Any
trade's words fit these shapes, so they are read from the grammar of the clause (the speaker as
subject, then an omission, a past perfect, an act done without something, or an act judged
badly), not from a list of the stories they were written from.

What the shapes do not count: a clause softened ("partly", "I guess", "kind of"), a clause that
goes on to put the cause on someone else ("but they never told me"), and a habit, where "I never
ship without a test now" is the lesson, not an admission. Outside the story's parts only a clause
told in the past, with no mark of a habit, counts: the parts are guessed from cues, and a short
answer that goes straight from the slip to its fix often has its admission read as the lesson
("I had designed for engagement and never checked each student's understanding").
"""

from __future__ import annotations

from itertools import pairwise

from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors.common import before
from mockmic.rubric.detectors.shapes import clause_words
from mockmic.rubric.text import SUBJECTS, Span, is_adverb, is_past

# fmt: off
# After the speaker: not doing what was needed ("I did not check", "I never asked", "I had only
# tested"), told in any verb.
OMISSIONS = (
    ("did", "not"), ("had", "not"), ("never",), ("had", "never"), ("had", "only"),
    ("failed", "to"), ("forgot",), ("neglected",),
)
# An act done short of what it needed: "I signed it off without reading it", "I gave the date
# before checking it".
SHORT_OF = frozenset({"without", "before"})
# An act judged by the speaker: "I handled that badly", "I read the brief wrong".
JUDGED = frozenset({"badly", "wrong", "wrongly", "poorly", "carelessly", "late", "early"})
# Softening that makes an admission a half-admission (interviewers hear it as half-blame).
SOFTENERS = frozenset({"partly", "partially", "maybe", "perhaps", "guess", "suppose",
                       "somewhat", "probably"})
SOFTENER_PAIRS = frozenset({("kind", "of"), ("sort", "of"), ("a", "bit"), ("in", "part")})
OTHER_OBJECTS = frozenset({"him", "her", "them", "everyone", "everybody"})
CARRIERS = frozenset({"and", "but", "then", "so"})  # a joint that keeps the subject going
# Others as the cause, after the admission: "I did not check, but they never told me".
TURNS = frozenset({"but", "because", "since", "as"})
OTHERS = frozenset({"he", "she", "they", "nobody", "noone", "management", "client", "team"})
# The parts of the answer where the speaker's past acts are the story, not its lesson.
STORY_PARTS = frozenset({"context", "situation", "failure", "ownership", "action", "task"})
# Words that make a clause a habit or its proof rather than the slip: "now I never ...", "I have
# not missed one since", "every launch I ...".
HABIT_MARKS = frozenset({"now", "since", "always", "every", "whenever", "anymore", "again",
                         "today", "nowadays"})
# fmt: on
SOFT_REACH = 5  # words before a stated ownership that can soften it
REACH = 4  # content words after the speaker in which the verb group must start
BLAME_REACH = 4  # words after a turn in which someone else named takes the cause back


def owned_acts(answer: Answer) -> list[Span]:
    """The clauses in which the speaker owns an act or an omission plainly: in the story part of
    the answer, or told in the past with no mark of a habit anywhere else."""
    out = []
    for k, clause in enumerate(answer.clauses):
        words = clause_words(answer, clause)
        # the turn often opens the next clause: "I did not chase it, | but they never said"
        nxt = answer.clauses[k + 1] if k + 1 < len(answer.clauses) else Span(0, 0)
        ahead = clause_words(answer, nxt)[: BLAME_REACH + 1]
        if softened(words) or _turns_on_others(words + ahead):
            continue
        past_only = answer.labels[k] not in STORY_PARTS
        if past_only and HABIT_MARKS.intersection(words):
            continue
        if any(_owns(words, j) or _omits(words, j, past_only) for j in _speaker_heads(words)):
            out.append(clause)
    return out


def _speaker_heads(words: list[str]) -> list[int]:
    """Where the speaker is the subject of what follows: each "I", and each "and"/"but" that
    carries an "I" on to a second verb ("I had the figures and did not weigh them")."""
    heads, subject = [], None
    for j, w in enumerate(words):
        if w in SUBJECTS or w == "it":
            subject = w
        if w == "i" or (w in CARRIERS and subject == "i"):
            heads.append(j)
    return heads


def _omits(words: list[str], j: int, past_only: bool = False) -> bool:
    """The speaker at `j` is the subject of an omission; `past_only` (outside the story): one
    only the slip is told in, not a habit ("I never ship") nor its proof, which a plain "did not"
    tells as often ("I did not miss another date that year")."""
    rest = [w for w in words[j + 1 : j + 1 + REACH] if not is_adverb(w)]
    for o in OMISSIONS:
        if tuple(rest[: len(o)]) == o:
            if not past_only:
                return True
            if o == ("never",):
                return len(rest) > 1 and is_past(rest[1])
            return o != ("did", "not")
    return False


def _owns(words: list[str], j: int) -> bool:
    """The speaker at `j` is the subject of an omission, a past perfect, an act short of what
    it needed, or an act judged badly."""
    if words[j] != "i":
        return False
    rest = [w for w in words[j + 1 : j + 1 + REACH] if not is_adverb(w)]
    if not rest:
        return False
    if rest[0] == "had" and len(rest) > 1 and _participle(rest[1]):
        # "I had assumed", "I had put all my effort into"; not "I had told them to", which
        # hands the failure to those told
        return not OTHER_OBJECTS.intersection(rest[2:3])
    if not is_past(rest[0]) or rest[0] in ("was", "were", "had"):
        return False
    tail = words[j + 2 :]
    return bool(JUDGED.intersection(tail)) or _short_of(tail)


def _participle(word: str) -> bool:
    return is_past(word) or (word.endswith(("en", "wn")) and len(word) > 4)


def _short_of(tail: list[str]) -> bool:
    """ "... without digging in", "... without ever asking", "... before I had checked"."""
    for k, w in enumerate(tail):
        if w in SHORT_OF:
            nxt = [x for x in tail[k + 1 : k + 4] if not is_adverb(x) and x != "ever"]
            if nxt and (nxt[0].endswith("ing") or nxt[:2] == ["i", "had"]):
                return True
    return False


def softened(words: list[str]) -> bool:
    """ "I guess it was kind of on me", "partly my call": an admission taken half back."""
    pairs = set(pairwise(words))
    return bool(SOFTENERS.intersection(words) or SOFTENER_PAIRS & pairs)


def softened_at(answer: Answer, span: Span) -> bool:
    """A stated ownership ("kind of on me") is softened in its clause or just before it (a
    clause may be cut at the ownership cue itself)."""
    k = answer.clause_of(span.start)
    words = clause_words(answer, answer.clauses[k]) if k >= 0 else []
    return softened(before(answer, span, SOFT_REACH) + words)


def _turns_on_others(words: list[str]) -> bool:
    for k, w in enumerate(words):
        if w in TURNS and OTHERS.intersection(words[k + 1 : k + 1 + BLAME_REACH]):
            return True
    return False


ADDED = (("i", "also"), ("also", "i"))  # "but I also never chased it", "but also I had not"
LAPSES = frozenset({"not", "never", "forgot", "failed", "neglected"})
LAPSE_REACH = 4  # words after "I also" in which the omission is said


def added_admissions(answer: Answer) -> list[Span]:
    """An omission the candidate owns as an addition ("but I also never froze the scope"), told
    before owning any act of their own: the "also" says the cause was put elsewhere first, the
    rulebook's partial admission after the excuses ("I got wrong X, and I also never Y" adds
    to an owned act instead, and is no such tell)."""
    owned = [c.start for c in owned_acts(answer)]
    out = []
    for k, clause in enumerate(answer.clauses):
        if answer.labels[k] not in STORY_PARTS or any(s < clause.start for s in owned):
            continue
        words = clause_words(answer, clause)
        for j, pair in enumerate(pairwise(words)):
            if pair in ADDED and LAPSES.intersection(words[j + 2 : j + 2 + LAPSE_REACH]):
                out.append(clause)
                break
    return out
