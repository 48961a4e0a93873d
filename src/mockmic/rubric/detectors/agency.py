"""Who does what: whether the speaker performs a criterion's act, or only names its words.

"We set clear goals" and "the goals were clear" use the words of setting a direction without the
candidate setting anything; "I set the goal and told each of them their part" does. A phrase
criterion that wants the candidate's own act credits a match only where the candidate is the
subject doing it.
"""

from __future__ import annotations

from mockmic.rubric.answer import Answer
from mockmic.rubric.text import Span

SPEAKER = "i"
# Subjects that lead a phrase ("i decided", "we agreed"): the verb after one names an act.
SUBJECTS = frozenset({"i", "we", "he", "she", "they", "you"})
# The speaker's own part named in a clause: "I asked", "my part was the plan".
SPEAKER_WORDS = frozenset({SPEAKER, "my", "myself"})
# Subject pronouns of someone else. Object forms ("them", "him") are not subjects, so "I asked
# them to own the plan" stays the speaker's act; nouns are left out for the same reason ("I told
# the team the goal").
OTHER_SUBJECTS = frozenset({"we", "he", "she", "they"})


def _before(answer: Answer, span: Span) -> list[str]:
    """The content words of the span's clause up to the span's first word."""
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    return [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start]


def acted(answer: Answer, span: Span) -> bool:
    """The speaker is the subject nearest before the match in its clause ("I quietly set the
    goal", "I asked them to own it"). A phrase that names its own subject ("i asked", "we
    agreed") was written as the act it credits, so its match counts as it stands."""
    first = answer.tokens[span.start].text if span.start < len(answer.tokens) else ""
    if first in SUBJECTS:
        return True
    for word in reversed(_before(answer, span)):
        if word == SPEAKER:
            return True
        if word in OTHER_SUBJECTS:
            return False
    return False


def speaks_in(answer: Answer, span: Span) -> bool:
    """The speaker acts somewhere in the match's clause: "I asked and everyone agreed" credits
    "agreed", while "everyone agreed" alone does not. "My" counts too ("my part was the plan")."""
    k = answer.clause_of(span.start)
    if k < 0:
        return False
    clause = answer.clauses[k]
    return any(
        answer.tokens[i].text == SPEAKER
        for i in answer.matcher.content
        if clause.start <= i < clause.end
    )
