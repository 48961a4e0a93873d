"""Who does what: whether the speaker performs a criterion's act, or only names its words.

"We set clear goals" and "the goals were clear" use the words of setting a direction without the
candidate setting anything; "I set the goal and told each of them their part" does. A phrase
criterion that wants the candidate's own act credits a match only where the candidate is the
subject doing it.
"""

from __future__ import annotations

from mockmic.rubric.answer import Answer
from mockmic.rubric.text import SUBJECTS, Span

SPEAKER = "i"
# Subject pronouns of someone else. Object forms ("them", "him") are not subjects, so "I asked
# them to own the plan" stays the speaker's act; nouns are left out for the same reason ("I told
# the team the goal").
OTHER_SUBJECTS = frozenset({"we", "he", "she", "they"})


CARRY = 12  # words back a subject carries over a clause cut: "I apologised, then called them"


def _subject(words: list[str]) -> str | None:
    """The first subject among `words`: the speaker, someone else, or None."""
    for word in words:
        if word == SPEAKER or word in OTHER_SUBJECTS:
            return word
    return None


def acted(answer: Answer, span: Span) -> bool:
    """The speaker is the subject of the match: the nearest subject before it in its clause ("I
    quietly set the goal", "I asked them to own it"); failing that the first after it, when the
    match opens its clause ("within the hour I had rolled it back"); failing that the nearest a
    few words back ("I apologised, then called them"). A phrase that names its own subject ("i
    asked", "we agreed": text.SUBJECTS) was written as the act it credits, so its match counts
    as it stands."""
    first = answer.tokens[span.start].text if span.start < len(answer.tokens) else ""
    if first in SUBJECTS:
        return True
    k = answer.clause_of(span.start)
    clause = answer.clauses[k] if k >= 0 else Span(0, len(answer.tokens))
    content = answer.matcher.content
    before = [answer.tokens[i].text for i in content if clause.start <= i < span.start]
    after = [answer.tokens[i].text for i in content if span.end <= i < clause.end]
    earlier = [answer.tokens[i].text for i in content if i < clause.start][-CARRY:]
    who = _subject(before[::-1]) or _subject(after) or _subject(earlier[::-1])
    return who == SPEAKER


def speaks_in(answer: Answer, span: Span) -> bool:
    """The speaker acts somewhere in the match's clause: "I asked and everyone agreed" credits
    "agreed", while "everyone agreed" alone does not."""
    k = answer.clause_of(span.start)
    if k < 0:
        return False
    clause = answer.clauses[k]
    return any(
        answer.tokens[i].text == SPEAKER
        for i in answer.matcher.content
        if clause.start <= i < clause.end
    )
