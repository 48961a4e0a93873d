"""Contempt said without a listed insult: a person put in a type ("one of those customers
who..."), a put-down of someone's competence or motives ("knew nothing about food", "she just
did not like me"), irony bracketing a verdict ("the leadership's, let's say, limited vision"),
and a candid aside that sharpens a mild verdict ("honestly, she was a nightmare").

Each sign needs someone else as its target: the same words about the candidate, or about a
thing, are not contempt. The badmouthing detector weighs these beside its lexicon.
"""

from __future__ import annotations

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors.common import NEGATIONS, after, before, negated
from mockmic.rubric.detectors.shapes import aimed, clause_words, self_directed
from mockmic.rubric.text import Span, stem

Hits = list[tuple[Span, float]]

SCORN = 1.0  # a sign as plain as an insult
ABILITY_REACH = 7  # "nobody on the board there could": a modal a few words after its "nobody"
SLIGHT = 0.5  # a put-down or a typecast: half an insult, so it takes two signs (or one and a
# harsh word) to make contempt
_PERSON_STEMS = frozenset(
    stem(w) for w in lx.PERSON_NOUNS | lx.ROLES | lx.TARGETS | {"who", "whos"}
)


def slights(answer: Answer) -> Hits:
    """Put-downs, typecasts and bracketed irony aimed at someone other than the candidate."""
    irony = [s for s in answer.find(lx.BRACKET_IRONY) if _bracketed(answer, s)]
    said = [s for s in answer.find(lx.SLIGHTS) if not _other_sense(answer, s)] + irony
    said = [s for s in said if not negated(answer, s) and aimed(answer, s)]
    # irony that brackets a verdict on someone, and the hyperbole of their incompetence, are
    # scorn in full; a "let's say" trailing after its verdict is only half of one
    full = [s for s in said if s in irony and _before_verdict(answer, s)] + mocked(answer)
    for s in answer.find(lx.TYPECASTS):
        person = _a_person(answer, s)
        # "you can't reason with people like that": only a "not" just before denies a typecast
        if person is False or NEGATIONS.intersection(before(answer, s, 1)):
            continue
        # a typecast names its own target ("the sort of person who"); one with no slot needs one
        if person or aimed(answer, s):
            said.append(s)
    hits = [(s, SCORN if s in full else SLIGHT) for s in said if not self_directed(answer, s)]
    return hits + [(s, SCORN) for s in full if s not in said and not self_directed(answer, s)]


def mocked(answer: Answer) -> list[Span]:
    """Someone's incompetence made a hyperbole: an ability denied, then a tail that exaggerates
    it ("wouldn't know a good process if it hit them", "couldn't organise a rota to save her
    life", "had never actually worked a shift in his life"). A denial with nothing between the
    verb and its "if" is the speaker's doubt ("I don't know if"), not a jibe."""
    out = []
    for s in answer.find(lx.MOCKING_TAILS):
        k = answer.clause_of(s.start)
        if k < 0:
            continue
        words = clause_words(answer, Span(answer.clauses[k].start, s.start))
        denied = [j for j, w in enumerate(words) if w in NEGATIONS]
        if not denied or len(words) - denied[-1] < 4:
            continue
        # an ability denied ("could not", "would not know", "never actually worked"), not a
        # fault ("she never once raised her voice in her life" is praise)
        near = words[max(denied[-1] - 2, 0) : denied[-1] + ABILITY_REACH]
        if not lx.ABILITY_DENIED.intersection(near):
            continue
        if aimed(answer, s):
            out.append(Span(answer.clauses[k].start, s.end))
    return out


def _before_verdict(answer: Answer, span: Span) -> bool:
    """ "is, let's say, from a different era": the irony comes before the verdict it brackets,
    in the same clause, not trailing after it ("he wasn't thrilled, let's say. So")."""
    k = answer.clause_of(span.start)
    nxt = clause_words(answer, Span(span.end, answer.clauses[k].end if k >= 0 else span.end))
    return bool(nxt) and nxt[0] not in lx.DISCOURSE


def candid(answer: Answer, span: Span) -> bool:
    """A verdict on a person ("she was a nightmare", not "it was a nightmare for the team") with
    a candour marker in its clause ("honestly") or an intensifier just before it ("completely
    disorganised"): the speaker's considered opinion of someone."""
    if _subject(answer, span) not in _PERSON_STEMS:
        return False
    k = answer.clause_of(span.start)
    if k >= 0 and answer.find(lx.CANDOUR, answer.clauses[k]):
        return True
    return bool(lx.INTENSIFIERS.intersection(before(answer, span, 1)))


def _subject(answer: Answer, span: Span) -> str:
    """The stem of the nearest word before a verdict that is not a link ("was", "really")."""
    before = [answer.tokens[i].text for i in answer.matcher.content if i < span.start]
    return stem(next((w for w in reversed(before[-6:]) if w not in lx.VERDICT_LINKS), ""))


def of_a_thing(answer: Answer, span: Span) -> bool:
    """A verdict that is also said of things ("useless", "a joke") said of a thing: its
    subject is "it" or "that" ("the survey ... it was useless"), or no one is named nearby."""
    words = [answer.matcher.words[k] for k in _content_range(answer, span)]
    if not lx.THING_VERDICTS.intersection(words):
        return False
    if not aimed(answer, span):
        return True
    return _subject(answer, span) in lx.THING_PRONOUNS


def _content_range(answer: Answer, span: Span) -> list[int]:
    return [k for k, i in enumerate(answer.matcher.content) if span.start <= i < span.end]


def _other_sense(answer: Answer, span: Span) -> bool:
    """The word has an everyday sense here: "entitled to a refund"."""
    words = clause_words(answer, span)
    following = after(answer, span, 1)
    return any(lx.OTHER_SENSE.get(w, frozenset()).intersection(following) for w in words)


def _a_person(answer: Answer, span: Span) -> bool | None:
    """Whether the typecast's slot holds a person ("one of those customers who"), not a thing
    ("one of those things that happens"); None when the frame has no slot ("the type who")."""
    slot = [w for w in clause_words(answer, span) if w not in lx.TYPECAST_FRAME]
    if not slot:
        return None
    return any(stem(w) in _PERSON_STEMS for w in slot)


def _bracketed(answer: Answer, span: Span) -> bool:
    """ "let's say" as an aside before a verdict, not opening a hypothetical."""
    return not lx.SUPPOSING.intersection(after(answer, span, 1))
