"""Sidesteps: an answer that denies or inverts what its question takes for granted.

"Tell me about a deal you lost" answered with a deal that was won, "a mistake you made" with a
mistake caught before it happened, "a conflict" with "we always got on": the answer uses the
question's own words, so topic words cannot tell it is off topic. A question's `premise` (bank
YAML) names the premise's events, the question's own ways of denying it and the contrary story;
the answer sidesteps when it denies or inverts the premise more often than it tells it happening.
"""

from __future__ import annotations

from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors.common import OPENING, negated, unrealised
from mockmic.rubric.schema import Premise
from mockmic.rubric.text import Span

# How people deny any premise, with {e} standing for one of its events: "I've never really had
# a conflict", "I wouldn't call it a failure", "it wasn't actually my mistake", "the closest I
# came to missing a target". `...` lets a few words in ("never had any real conflict").
DENIALS = (
    "never ... had ... {e}",
    "never been ... {e}",
    "never ... any ... {e}",
    "not call it a {e}",
    "not say it was a {e}",
    "not really a {e}",
    "not really been ... {e}",
    "not really any {e}",
    "not really had ... {e}",
    "not have ... {e}",
    "not actually my {e}",
    "not my {e}",
    "no real {e}",
    "closest i came to {e}",
    "closest i have come to {e}",
    "closest i have ever come to {e}",
    "nearest i came to {e}",
    "nearest i have come to {e}",
)
# The premise's act with a rival as its other party, {e} an event and {r} a rival: "I
# disagreed with a client", "a clash with one of our customers", "the biggest conflict I dealt
# with was a customer". At most two words between "with" and the party, so "disagreed with my
# manager about a client" keeps the manager as the party.
RIVAL_ACTS = (
    "{e} with {r}",
    "{e} with * {r}",
    "{e} with * * {r}",
    "{e} ... was * {r}",
    "{e} ... was with * {r}",
)
# A rival brought on as the story's other party before any of the premise is told, {r} a
# rival: "a customer called in furious", "a good example is with a colleague in marketing".
# Only in the opening, where the candidate sets up whom the story is about.
RIVAL_ENTRANCES = (
    "a {r} who",
    "a {r} came",
    "a {r} called",
    "a {r} rang",
    "a {r} phoned",
    "a {r} walked",
    "a {r} arrived",
    "a {r} turned up",
    "is with * {r}",
    "is with * * {r}",
    "was with * {r}",
    "was with * * {r}",
)
DENIED = 0.85  # the premise denied more than told: fired in full
CONTRARY = 0.7  # the contrary story told more than the premise: fired
UNTOLD = 0.7  # a must-tell premise never told: fired
CONTRARY_BEFORE = 0.7  # of the answer: later, a success is the proof after a setback


def premise_strength(answer: Answer, premise: Premise) -> tuple[float, tuple[Span, ...]]:
    """How surely the answer sidesteps the premise, and the spans that show it. The premise's
    events told inside a denial or a contrary phrase ("the closest I came to missing", "she
    persuaded me") are not told; as many told events as sidesteps answer the question ("I'd
    never had a conflict with anyone until we clashed ...")."""
    entrance = _rival_entrance(answer, premise)
    if entrance is not None:
        return CONTRARY, (entrance,)
    denials = answer.find(_denials(premise))
    # the contrary story is the story told, not a later success offered as proof of a lesson
    contrary = [
        s
        for s in answer.find(premise.contrary)
        if not negated(answer, s) and answer.position(s) < CONTRARY_BEFORE
    ]
    # the other party does not turn into a proof later: a rival's act counts anywhere
    contrary += [s for s in answer.find(_rival_acts(premise)) if not negated(answer, s)]
    sidesteps = denials + [s for s in contrary if not any(_inside(s, d) for d in denials)]
    told = [
        s
        for s in answer.find(premise.events)
        if not _denied(answer, s)
        and not _as_skill(answer, s)
        and not any(_inside(s, d) for d in sidesteps)
    ]
    if premise.must_tell and not told and not sidesteps:
        return UNTOLD, answer.clauses[:1]  # the opening says what it is about instead
    if len(sidesteps) <= len(told) or (not denials and len(contrary) < premise.min_contrary):
        return 0.0, ()
    return (DENIED if denials else CONTRARY), tuple(sidesteps[:2])


def _denials(premise: Premise) -> tuple[str, ...]:
    generic = (t.format(e=e) for t in DENIALS for e in premise.events if " " not in e)
    return (*generic, *premise.denials)


def _rival_acts(premise: Premise) -> tuple[str, ...]:
    events = [e for e in premise.events if " " not in e]
    return tuple(t.format(e=e, r=r) for t in RIVAL_ACTS for e in events for r in premise.rivals)


def _rival_entrance(answer: Answer, premise: Premise) -> Span | None:
    """A rival brought on as the other party in the opening, before any premise event: the
    story is the rival's (a customer's complaint told for a clash with a colleague)."""
    templates = tuple(t.format(r=r) for t in RIVAL_ENTRANCES for r in premise.rivals)
    entrances = [s for s in answer.find(templates) if s.start < OPENING]
    if not entrances:
        return None
    first = min(entrances, key=lambda s: s.start)
    if any(s.start < first.start for s in answer.find(premise.events)):
        return None
    return first


# "how I deal with pressure", "I can handle conflict": the premise named as a skill, the
# question restated, not an event told as happening
SKILL_VERBS = frozenset({"handle", "handling", "manage", "managing"})
SKILL_WITH = frozenset({"deal", "dealing", "cope", "coping"})


def _as_skill(answer: Answer, span: Span) -> bool:
    before = [t.text for t in answer.tokens[max(0, span.start - 2) : span.start]]
    if before and before[-1] in SKILL_VERBS:
        return True
    return len(before) == 2 and before[1] == "with" and before[0] in SKILL_WITH


def _denied(answer: Answer, span: Span) -> bool:
    """Not said as happening: denied ("it was not a failure") or only wished for."""
    return negated(answer, span) or unrealised(answer, span)


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end
