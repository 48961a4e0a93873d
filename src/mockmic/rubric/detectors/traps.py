"""Detectors that find what goes wrong in an answer; traps use them (criteria may, inverted)."""

from __future__ import annotations

import functools
from collections import Counter

from pydantic import Field

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors import Finding, Params, contempt, detector
from mockmic.rubric.detectors.brag import brag_shapes
from mockmic.rubric.detectors.common import (
    OPENING,
    ExtraOnlyParams,
    after,
    before,
    normalised_topic,
    numbers,
    past_events,
    ramp,
    spans,
    total,
    weighted,
)
from mockmic.rubric.detectors.gravity import (
    bodies_acting,
    contained,
    corroborated,
    deeds,
    figurative,
    gravity,
    topical,
)
from mockmic.rubric.detectors.lessons import lesson_on_others
from mockmic.rubric.detectors.owning import added_admissions
from mockmic.rubric.detectors.premise import premise_strength
from mockmic.rubric.detectors.shapes import (
    aimed,
    contempt_shapes,
    deflections,
    distinct,
    excuses,
    framed,
    graded,
    grave_shapes,
    imposed,
    near_miss,
    owed,
    self_directed,
)
from mockmic.rubric.schema import Question
from mockmic.rubric.text import STOPWORDS, Span, stem

Strength = tuple[float, tuple[Span, ...]]


def blame_strength(answer: Answer, extra: tuple[str, ...], scorn: float = 0.0) -> Strength:
    """`scorn`: what a clear scorn for someone in the story weighs (`BlameParams`)."""
    # "the job was delayed by about a week": a duration, not someone to blame
    hits = [
        h
        for h in weighted(
            answer, lx.BLAME | lx.BLAME_SOFT | lx.BLAME_CONTEXT, extra, skip_negated=True
        )
        if not lx.DURATIONS.intersection(after(answer, h[0], 3))
        and not _not_a_cause(answer, h[0])
        # "I pushed us into Spain", "I missed two weeks without telling anyone": the
        # candidate's own doing
        and not _own_doing(answer, h[0])
        and not _fair_to_self(answer, h[0])
    ]
    hits += [(s, DISCLAIMER_WEIGHT) for s in _disclaimers(answer)]
    # "the school should have given us a third adult": a duty put on a named party, as heavy as
    # the listed "they should have"
    hits += [(s, OWED_WEIGHT) for s in owed(answer) if not any(s.overlaps(h) for h, _ in hits)]
    # a frame of fairness or candour on another's part is a tell of its own, beside any listed
    # phrase after it ("in fairness, the handover I got was very thin")
    hits += framed(answer)
    # the other polite shapes, where no listed phrase already said the same
    hits += [(c, w) for c, w in excuses(answer) if not _said(answer, c, hits)]
    # a lesson that is only about others ("the takeaway was that our tooling made backups too
    # slow"), as heavy as a listed phrase, or heavier than the loose ones in its clause
    for c in lesson_on_others(answer):
        inside = [h for h in hits if c.start <= h[0].start < c.end]
        if total(inside) < LESSON_WEIGHT:  # "the tools" inside it said less
            hits = [h for h in hits if h not in inside] + [(c, LESSON_WEIGHT)]
    # "but I also never chased it": the candidate's first own omission told as an addition
    # to a cause already put elsewhere, however that cause was said
    hits += [(c, ADDED_WEIGHT) for c in added_admissions(answer)]
    # scorn for someone in the story is blame told as contempt ("the man couldn't run a bath")
    if scorn:
        hits += [(s, scorn) for s in _scorn(answer) if not any(s.overlaps(h) for h, _ in hits)]
    # others' doings told as the cause: deflections, and setbacks from outside followed by their
    # consequence ("the delivery turned up late, so we were behind"), each clause once; what
    # others did after the change ("in the seven quarters since, a late feed never mattered") is
    # the proof, not the cause of the failure
    told = deflections(answer)
    told += [c for c in imposed(answer) if c not in told]
    shifted = [
        c
        for c in told
        if not any(c.start <= s.start < c.end for s, _ in hits)
        and answer.position(c) < CAUSE_BEFORE
    ]
    strength = (total(hits) + 0.35 * len(shifted)) / 1.4
    # others named next to a plain "that was on me" are the context of an owned failure; it
    # takes more of them to make it blame
    if _owned(answer):
        strength /= OWNED_DISCOUNT
    return strength, spans(hits) + tuple(shifted[:2])


OWNED_DISCOUNT = 1.5
CAUSE_BEFORE = 0.7  # share of the answer after which others' doings are the aftermath


OWED_WEIGHT = 0.9
ADDED_WEIGHT = 0.9  # the partial admission after excuses, as heavy as a duty owed
LESSON_WEIGHT = 0.9  # a lesson put on others, alone, is blame (rulebook)
SCORN_CLEAR = 0.5  # the badmouthing trap's own threshold: scorn below it is no tell


def _scorn(answer: Answer) -> list[Span]:
    """The first span of a scorn clear enough to be badmouthing, if any."""
    score, found = contempt_strength(answer, ())
    return list(found[:1]) if score >= SCORN_CLEAR else []


DISCLAIMER_WEIGHT = 0.75  # with its "but", a disclaimer is blame said politely
DISCLAIMER_REACH = 4  # tokens after the disclaimer in which its "but" comes


def _disclaimers(answer: Answer) -> list[Span]:
    """ "I don't want to point fingers, but the brief was late": a denial of blame that a "but"
    turns into the blame itself."""
    return [
        s
        for s in answer.find(lx.BLAME_DISCLAIMERS)
        if "but" in [t.text for t in answer.tokens[s.end : s.end + DISCLAIMER_REACH]]
    ]


def _own_doing(answer: Answer, span: Span) -> bool:
    """A deed that is blame when others did it, done by the candidate: "I pushed us into"."""
    said = answer.quote(span, pad=0).lower()
    return "i" in before(answer, span, 2) and any(said.startswith(d) for d in lx.BLAME_DEEDS)


def _said(answer: Answer, clause: Span, hits: list[tuple[Span, float]]) -> bool:
    """A listed phrase already in this clause; a fairness or candour frame is none (`framed`
    weighs it on its own)."""
    opens = lx.FAIRNESS_FRAMES + lx.CANDOUR_FRAMES
    return any(
        clause.start <= s.start < clause.end
        and not answer.quote(s, pad=0).lower().startswith(opens)
        for s, _ in hits
    )


def _fair_to_self(answer: Answer, span: Span) -> bool:
    """ "which to be fair is something you get a feel for", "everybody does a bit of that, to be
    fair": a plea for fairness on the candidate's own act, or the "everyone does it" that the
    rulebook calls minimising, not a cause put on another party."""
    said = answer.quote(span, pad=0).lower().strip(".,;:!?")
    if not said.startswith(lx.FAIRNESS_FRAMES):
        return False
    prev = before(answer, span, 1)
    k = answer.clause_of(span.start)
    clause = answer.clauses[k] if k >= 0 else span
    lead = {answer.tokens[i].text for i in answer.matcher.content if clause.start <= i < span.start}
    return bool(prev and prev[0] == "which") or bool(lead & lx.EVERYONE)


def _not_a_cause(answer: Answer, span: Span) -> bool:
    """ "they met less often than they should have", "a reading that wasn't mine": a comparison
    or a relative clause about a thing, not the cause of the failure put on someone."""
    prev = before(answer, span, 1)
    if not prev:
        return False
    if prev[0] in lx.COMPARING:
        return True
    return prev[0] in lx.RELATIVE and answer.quote(span, pad=0).lower().strip(".,;:!?").endswith(
        "mine"
    )


def _owned(answer: Answer) -> bool:
    """The candidate says plainly, and unhedged, that the failure was theirs."""
    plain = [h for h in weighted(answer, lx.OWNERSHIP_STRONG, skip_negated=True) if h[1] >= 0.9]
    return bool(plain) and not weighted(answer, lx.OWNERSHIP_HEDGED)


def apology_strength(answer: Answer, extra: tuple[str, ...]) -> Strength:
    # one "I felt terrible" is honest; a second and a third is asking for absolution
    hits = weighted(answer, lx.APOLOGY, extra) + _dwelling(answer)
    return max(total(hits) - 0.5, 0.0) / 1.5, spans(hits)


def _dwelling(answer: Answer) -> list[tuple[Span, float]]:
    """ "I felt terrible about it for months": a bad feeling kept up over weeks or longer."""
    out = []
    for clause in answer.clauses:
        words = [t.text for t in answer.tokens[clause.start : clause.end]]
        feel = next((k for k, w in enumerate(words) if w in lx.FEELINGS), None)
        if feel is not None and "for" in words[feel:] and lx.LONG_SPELLS & set(words[feel:]):
            out.append((Span(clause.start + feel, clause.start + feel + 1), DWELLING_WEIGHT))
    return out


DWELLING_WEIGHT = 0.6


def brag_strength(answer: Answer, extra: tuple[str, ...] = ()) -> Strength:
    hits = weighted(answer, lx.HUMBLE_BRAG, extra, skip_negated=True)
    # the candidate's own verdict that the "failure" was the right move: it weighs more than a
    # flattering word, since it says outright that the setback was no fault
    verdict = [
        h
        for h in weighted(answer, lx.VINDICATED, skip_negated=True)
        if not any(h[0].overlaps(s) for s, _ in hits)
    ]
    # the story shapes of a flattering failure, in words no list names; loose signs, so they
    # weigh like a verdict only together or beside the semantic judge
    verdict += [
        h for h in brag_shapes(answer) if not any(h[0].overlaps(s) for s, _ in hits + verdict)
    ]
    brag = {s for s, _ in hits + verdict}
    # naming the topic ("my biggest failure was ...") is not a setback with a cost
    real = [
        s
        for s, _ in weighted(answer, lx.FAILURE)
        if not any(s.overlaps(b) for b in brag)
        and answer.quote(s, pad=0).lower().strip(".,;:!?") not in lx.ABSTRACT_SETBACK
    ]
    # a "failure" whose story ends in good news and names no real cost is a win in disguise
    good = weighted(answer, lx.GOOD_NEWS, skip_negated=True)
    if len(real) <= 1:
        hits = hits + [(s, 0.5 * w) for s, w in good if s not in brag]
    strength = total(hits) / 1.5 + total(verdict) / 1.2 - 0.08 * min(len(real), 2)
    return strength, spans(verdict + hits)


def catastrophe_strength(answer: Answer, extra: tuple[str, ...], owned: bool = True) -> Strength:
    """How gravely the failure told reads. `owned`: the answer owns it; told casually, one
    sign of a grave failure, or loose signs together, flag it in full."""
    # a harm said once counts once, and one that nearly happened does not count
    listed = [
        h
        for h in weighted(answer, lx.CATASTROPHIC, extra, skip_negated=True)
        if not near_miss(answer, h[0])
        and not figurative(answer, h[0])
        and not topical(answer, h[0])
    ]
    # the shapes of a grave failure in any trade's words, and the shapes read from their parts
    # (a record made false, a person in care at risk); where two read the same words, the
    # heavier reading stands ("licence review" over "licence")
    found = _heaviest(listed + grave_shapes(answer) + gravity(answer))
    # a feared harm and the job's own description drop out before a wording is counted once
    hits = bodies_acting(answer, distinct(answer, deeds(answer, found), by_stem=True))
    core = _core_skill(answer)
    # loose context words ("legal", "for a week", "audit"), and the role's own skill named in a
    # clause that went wrong, sharpen a clear sign of a grave failure but cannot make one alone
    signs = [*hits, (core[0], CORE_WEIGHT)] if core else hits
    strength = graded(signs, STRONG) / 1.2
    if owned:
        strength = min(strength, corroborated(signs, STRONG))
    if contained(answer):
        # stopped before it reached anyone: its grave words tell a near thing, and the rule says
        # so as firmly as for a story with none, or the model voices, which hear the words,
        # carry it over the line alone (0 of 118 labelled answers on dev and writers a-ab are
        # contained; at the setting's weight, 0.3, three contained ones were still flagged)
        strength = 0.0
    return strength, spans(hits) + tuple(core[:1])


STRONG = 0.6  # a sign of a grave failure this heavy is clear; lighter ones are context
CORE_WEIGHT = 0.45


def _core_skill(answer: Answer) -> list[Span]:
    """ "As a payroll specialist I ran the payroll with last month's file": the failure is in
    the very thing the role is for. The role's own noun comes back in a clause that went wrong."""
    words, content = answer.matcher.words, answer.matcher.content
    roles: set[str] = set()
    for k in range(len(words) - 2):
        if (words[k], words[k + 1]) in (("as", "a"), ("as", "an"), ("was", "a"), ("was", "an")):
            for w in words[k + 2 : k + 5]:
                if w in STOPWORDS:  # the title ends where the sentence goes on
                    break
                if len(w) > 4 and w not in lx.ROLE_GENERIC:
                    roles.add(stem(w))
    if not roles:
        return []
    out = []
    for clause in answer.clauses:
        if answer.find(("as a", "as an", "was a", "was an"), clause):
            continue  # the clause that names the role is not evidence against it
        stems = {
            answer.matcher.stems[j] for j, i in enumerate(content) if clause.start <= i < clause.end
        }
        if roles & stems and answer.find(lx.FAILURE, clause):
            out.append(clause)
    return out


def _heaviest(hits: list[tuple[Span, float]]) -> list[tuple[Span, float]]:
    """Overlapping hits reduced to the heaviest of them (the longer one on a tie)."""
    out: list[tuple[Span, float]] = []
    for h in sorted(hits, key=lambda h: (-h[1], h[0].start - h[0].end)):
        if not any(h[0].overlaps(k[0]) for k in out):
            out.append(h)
    return sorted(out, key=lambda h: h[0].start)


class BlameParams(ExtraOnlyParams):
    # what a scorn clear enough to be badmouthing adds, as a listed phrase would: on the failure
    # question the labellers put blame beside 19 of the 22 answers (dev and writers a-af) whose
    # scorn the rule reads as badmouthing; 0 where no label says what scorn means there
    scorn: float = Field(default=0.0, ge=0.0, le=1.0)


@detector("blame", BlameParams)
def blame(answer: Answer, p: BlameParams) -> Finding:
    """The failure pinned on others or on circumstances, including the polite forms."""
    return Finding(*blame_strength(answer, p.extra, p.scorn))


@detector("over_apology", ExtraOnlyParams)
def over_apology(answer: Answer, p: ExtraOnlyParams) -> Finding:
    """Repeated apology and self-reproach: seeking absolution instead of showing growth."""
    return Finding(*apology_strength(answer, p.extra))


@detector("humble_brag", ExtraOnlyParams)
def humble_brag(answer: Answer, p: ExtraOnlyParams) -> Finding:
    """A virtue in disguise ("I cared too much") or a setback that was really a win."""
    return Finding(*brag_strength(answer, p.extra))


class CatastropheParams(ExtraOnlyParams):
    """`owned_by`: the question's ownership criterion; where it scores under `owned_at`, the
    failure is told casually and one sign of it is flagged in full (owned, it is borderline)."""

    owned_by: str | None = None
    owned_at: int = Field(default=60, ge=0, le=100)


@detector("catastrophic", CatastropheParams)
def catastrophic(answer: Answer, p: CatastropheParams) -> Finding:
    """A failure grave enough to question fitness for the job: fired, breach, cover-up."""
    owned = p.owned_by is None or answer.scores.get(p.owned_by, 0) >= p.owned_at
    return Finding(*catastrophe_strength(answer, p.extra, owned))


@detector("cliche", ExtraOnlyParams)
def cliche(answer: Answer, p: ExtraOnlyParams) -> Finding:
    """Stock phrases an interviewer has heard a thousand times ("I'm a perfectionist")."""
    hits = weighted(answer, lx.CLICHE, p.extra, skip_negated=True)
    # management vocabulary piled up ("customer obsession, bias for action, strategic mindset")
    # is stock language too, one phrase at a time too common to count alone
    jargon = distinct(answer, weighted(answer, lx.BUZZWORDS))
    return Finding(0.6 * len(hits) + JARGON_WEIGHT * len(jargon), spans(hits) or spans(jargon))


JARGON_WEIGHT = 0.17  # three pieces of jargon make one stock phrase


@detector("badmouthing", ExtraOnlyParams)
def badmouthing(answer: Answer, p: ExtraOnlyParams) -> Finding:
    """Contempt for a past employer, manager or colleague (self-criticism is not counted)."""
    return Finding(*contempt_strength(answer, p.extra))


def contempt_strength(answer: Answer, extra: tuple[str, ...]) -> Strength:
    hits = [
        (h, _sharpened(answer, h, w))
        for h, w in weighted(answer, lx.CONTEMPT_WEIGHTS, extra, skip_negated=True)
        if not self_directed(answer, h)
        # "my comments made her feel stupid": a harm the candidate caused, not contempt
        and not lx.FEELING_WORDS.intersection(before(answer, h, 2))
        # a harsh verdict that fits a bad day too ("is a disaster", "chaotic") is contempt
        # only when aimed at someone; an insult ("lazy") always has a person in mind
        and (w >= 1.0 or aimed(answer, h))
        # "useless" and "a joke" are also said of a survey or a plan
        and not contempt.of_a_thing(answer, h)
    ]
    taken = [h for h, _ in hits]
    hits += [h for h in contempt.slights(answer) if not any(h[0].overlaps(s) for s in taken)]
    shapes = contempt_shapes(answer)
    return 0.6 * (total(hits) + 0.5 * len(shapes)), spans(hits) + tuple(shapes[:2])


def _sharpened(answer: Answer, span: Span, weight: float) -> float:
    """A mild verdict ("a nightmare", "disorganised") said with "honestly" or "to be honest"
    is the speaker's considered opinion of someone: it counts as an insult."""
    return 1.0 if weight < 1.0 and contempt.candid(answer, span) and aimed(answer, span) else weight


class WeParams(Params):
    min_we: int = Field(default=4, ge=1)  # fewer "we" than this never fires


@detector("we_not_i", WeParams)
def we_not_i(answer: Answer, p: WeParams) -> Finding:
    """Only what "we" did: the candidate's own part cannot be told apart."""
    words = answer.matcher.words
    we = [answer.matcher.content[k] for k, w in enumerate(words) if w in ("we", "us", "our")]
    i = sum(1 for w in words if w in ("i", "me", "my", "myself"))
    if len(we) < p.min_we:
        return Finding(0.0)
    ratio = len(we) / (len(we) + i)
    return Finding(ramp(ratio, 0.55, 0.85), tuple(Span(k, k + 1) for k in we[:3]))


class TopicParams(ExtraOnlyParams):
    min_words: int = Field(default=25, ge=1)  # shorter answers are judged by other traps


@detector("off_topic", TopicParams)
def off_topic(answer: Answer, p: TopicParams) -> Finding:
    """Few of the question's topic words, and clearly another question's instead: its subject
    named in the opening ("the thing I'm proudest of" to "tell me about a time you failed"), or
    several of its distinctive words; or the question's premise sidestepped (a won deal told
    for a lost one)."""
    if answer.n_words < p.min_words:
        return Finding(0.0)
    topical = _topic_finding(answer, p)
    if answer.question.premise is None:
        return topical
    # a sidestep keeps the question's own words, so the topic score cannot see it
    score, evidence = premise_strength(answer, answer.question.premise)
    return Finding(score, evidence) if score > topical.score else topical


def _topic_finding(answer: Answer, p: TopicParams) -> Finding:
    """The topic score: this question's topic words against another question's."""
    own, other = _framed(answer)
    if own:  # the opening names this question's own subject: answering it, however worded
        return Finding(0.0, spans(own))
    topic = normalised_topic(answer.question) + p.extra + _story_cues(answer)
    # a phrase on many questions' lists ("I was working", "I would") shows the candidate is
    # answering something, not that it is this question: it counts a quarter
    shared = _shared_phrases()
    table = {ph: (SHARED_WEIGHT if ph in shared else 1.0) for ph in topic}
    hits = distinct(answer, weighted(answer, table))
    on_topic = total(hits)
    # a long answer should touch the topic more than once; two mentions settle a short one
    needed = max(2.0, answer.n_words / 150)
    if other:
        return Finding(max(1.0 - on_topic / needed, FRAMED), spans(other, 2))
    strength = 1.0 - on_topic / needed
    _, rival_hits = _best_rival(answer)
    # clearly about something else: several different words of one other question; without
    # that, few topic words only show the answer is worded unlike the list (a failure told as
    # "twelve of four hundred came"), so it stays under the threshold
    rival = len(
        {" ".join(stem(w) for w in answer.quote(h, 0).lower().split()) for h, _ in rival_hits}
    )
    if rival < max(on_topic + RIVAL_MARGIN, RIVAL_MIN):  # not clearly elsewhere: half as sure
        strength *= 0.5
    # words alone, with no subject named, are weaker evidence than a subject named (a strong
    # answer in a trade's own words touches a rival's list): kept just under the threshold,
    # a near miss the semantic judge can weigh, never a trap on its own
    return Finding(min(strength, WORDS_ONLY), spans(hits) or spans(rival_hits, 2))


FRAMED = 0.85  # a rival's subject named in the opening: fired in full
# a rival's words without its subject: under the threshold (0.6). Fired at 0.65 they were
# right 2 times in 10 on dev and writers a-l (a strength told in a surveyor's or a tester's
# words reads like a tender or an incident), and 1 time in 5 on writers m-p
WORDS_ONLY = 0.55
# What an answer says it is about, in its opening: each subject with the topic phrases a
# question lists when the subject is its own. Named there, it is this question's subject when
# this question's topic lists one of them, and another's when not.
SUBJECTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("proud", "proudest"), ("proudest", "most proud")),
    (
        ("weakness",),
        (
            "my weakness",
            "biggest weakness",
            "greatest weakness",
            "main weakness",
            "weakness would be",
            "the downside is i",
            "my weak spot",
            # the appraisal's word for it
            "area for development",
            "development area",
        ),
    ),
    (
        ("strength",),
        (
            "my strength",
            "greatest strength",
            "biggest strength",
            "main strength",
            "strength would be",
            "my real edge",
            "my edge is",
            "what i am best at",
        ),
    ),
    (
        ("leav~",),
        (
            "why i am leaving",
            "why i want to leave",
            "reason i am leaving",
            "reason for leaving",
            "looking to move on",
            "outgrown",
        ),
    ),
    (
        ("your",),
        (
            "your company",
            "your mission",
            "your product",
            "your app",
            "your brand",
            "followed your",
            "work here",
            "working here",
            # the question asked the other way round: "what attracts you to us?"
            "attracts me",
            "attracted me",
            "drew me",
            "company like yours",
        ),
    ),
    (
        ("i am",),
        (
            "describe myself",
            "to know about me",
            "a bit about me",
            "about my background",
            "through my background",
        ),
    ),
    (("led",), ("showed leadership", "most leadership")),
    (
        ("conflict", "disagree~", "disagreed"),
        (
            "a disagreement",
            "see eye to eye",
            "very different ideas",
            # the clash as the story's subject: the speaker and another party
            "disagreement with",
            "disagreed with",
            "i disagreed",
        ),
    ),
    # a candidate steering away names no subject; it is never the question's own: "I'd rather
    # talk about", "I'll tell you about a guest instead", "this wasn't at work, but"
    (
        (),
        (
            # "I'd rather ...": whatever follows is not what was asked
            "i would rather",
            "rather talk about",
            "rather tell you about",
            "rather focus on",
            "tell you ... ... instead",
            "talk about ... ... instead",
            "focus on ... ... instead",
            "not at work but",
            "not at work though",
            "not a work example",
            "not from work but",
        ),
    ),
)


def _framed(answer: Answer) -> tuple[list[tuple[Span, float]], list[tuple[Span, float]]]:
    """Subjects named in the opening: this question's own, and other questions'. A subject is
    this question's own when its topic lists it, or when the clause naming it also names the
    topic ("the team project I'm proudest of" to a teamwork question)."""
    topic = normalised_topic(answer.question)
    own: list[tuple[Span, float]] = []
    other: list[tuple[Span, float]] = []
    for keys, phrases in SUBJECTS:
        for hit in weighted(answer, phrases):
            if hit[0].start >= OPENING or _instead_of(answer, hit[0]):
                continue
            mine = bool(set(topic).intersection(keys)) or bool(keys and _names(answer, hit, topic))
            (own if mine else other).append(hit)
    return own, other


def _instead_of(answer: Answer, span: Span) -> bool:
    """ "talked about X instead of Y" tells a choice made in the story, not a change of subject."""
    end = span.end
    return (
        answer.tokens[end - 1].text == "instead"
        and end < len(answer.tokens)
        and answer.tokens[end].text == "of"
    )


def _names(answer: Answer, hit: tuple[Span, float], topic: tuple[str, ...]) -> bool:
    """The clause around a hit holds one of the topic phrases, other than the hit itself."""
    k = answer.clause_of(hit[0].start)
    if k < 0:
        return False
    clause = answer.clauses[k]
    return any(
        not (s.start < hit[0].end and hit[0].start < s.end) for s in answer.find(topic, clause)
    )


SHARED_WEIGHT = 0.25
SHARED_BY = 20  # listed by more questions than this (time anchors, lesson cues): any answer has it
RIVAL_MARGIN = 1.5
RIVAL_MIN = 3  # two stray words ("built", "weeks") do not make an answer about another question


@functools.cache
def _shared_phrases() -> frozenset[str]:
    """Topic phrases and cues that many questions of the bank list."""
    from mockmic.questions import all_questions  # the bank, loaded once; imported late (cycle)

    seen = Counter(
        ph for q in all_questions() for ph in set(normalised_topic(q) + _question_cues(q))
    )
    return frozenset(ph for ph, n in seen.items() if n > SHARED_BY)


def _best_rival(answer: Answer) -> tuple[str, list[tuple[Span, float]]]:
    """The other question of the bank whose topic words the answer touches most."""
    from mockmic.questions import all_questions  # the bank, loaded once; imported late (cycle)

    best: tuple[str, list[tuple[Span, float]]] = ("", [])
    distinct = _distinct_topics(tuple((q.id, q.topic) for q in all_questions()))
    for q in all_questions():
        if q.id == answer.question.id or not distinct.get(q.id):
            continue
        found = weighted(answer, distinct[q.id])
        if len(found) > len(best[1]):
            best = (q.id, found)
    return best


RIVAL_MAX_SHARED = 2  # a topic word listed by more questions than this says nothing about which
# a topic word that the bank's model answers to other questions use this often is everyday story
# vocabulary ("weeks", "plan", "asked", "we"), not a sign of which question is being answered
RIVAL_MAX_COMMON = 6


@functools.cache
def _distinct_topics(
    topics: tuple[tuple[str, tuple[str, ...]], ...],
) -> dict[str, tuple[str, ...]]:
    """Each question's topic words that few other questions share and few model answers to
    other questions use: "team", "role" or "weeks" turn up in any answer, so they cannot show
    it answers a rival question instead."""
    seen = Counter(p for _, topic in topics for p in set(topic))
    used = _model_answer_use()
    return {
        qid: tuple(
            p
            for p in topic
            if seen[p] <= RIVAL_MAX_SHARED and len(used.get(p, set()) - {qid}) <= RIVAL_MAX_COMMON
        )
        for qid, topic in topics
    }


@functools.cache
def _model_answer_use() -> dict[str, frozenset[str]]:
    """Each topic phrase of the bank, and the questions whose model answer uses it."""
    from mockmic.questions import all_questions  # the bank, loaded once; imported late (cycle)
    from mockmic.rubric.answer import build
    from mockmic.transcribe.text import from_text

    models = [(q.id, build(from_text(q.model_answer), q)) for q in all_questions()]
    phrases = {p for q in all_questions() for p in q.topic}
    return {p: frozenset(qid for qid, m in models if m.find((p,))) for p in phrases}


# Parts whose built-in cues say what a question is about (not the generic narrative parts).
TOPICAL_PARTS = ("failure", "ownership", "lesson")
# A change said as done shows a setback story is on topic; only the unmistakable forms, since
# the built-in change cues also hold everyday "I use", "I get".
TOPICAL_CHANGE = ("since then", "ever since", "from then on", "from that day", "never again")


def _story_cues(answer: Answer) -> tuple[str, ...]:
    """The question's own part cues, and the built-in cues of its topical parts, also show the
    answer is on topic: a failure story may never say "failure" but says "we threw away"."""
    return _question_cues(answer.question)


def _question_cues(question: Question) -> tuple[str, ...]:
    from mockmic.rubric.answer import BUILTIN_CUES

    cues: list[str] = []
    for part in question.structure:
        cues.extend(part.cues)
        if part.id in TOPICAL_PARTS:
            cues.extend(BUILTIN_CUES.get(part.id, ()))
        if part.id == "change":
            cues.extend(TOPICAL_CHANGE)
    # what the question's own criteria listen for is on topic too (a strength answer that says
    # "in a role like this" answers the question even without the word "strength")
    for c in question.criteria:
        if c.detector == "phrases" and not c.invert:
            cues.extend(p for p in c.params.get("phrases", ()) if len(p.split()) >= 2)
    return tuple(cues)


class RamblingParams(Params):
    words_per_second: float = Field(default=2.4, gt=0)  # typed answers: ~145 wpm, a calm pace
    parts: tuple[str, ...] = ("context",)  # backstory that ran long also counts as rambling
    share: float = Field(default=0.5, gt=0, le=1)
    min_words: int = Field(default=90, ge=1)  # shorter answers cannot ramble
    # only clauses where nothing happens are backstory; off where the history is the answer
    eventless: bool = True


@detector("rambling", RamblingParams)
def rambling(answer: Answer, p: RamblingParams) -> Finding:
    """Wandering: padding words, a circling preamble, run-on "and ... and", backstory, overtime."""
    n = answer.n_words
    limit = answer.question.time_limit_s
    duration = answer.transcript.duration_s
    spoken = duration if duration is not None else n / p.words_per_second
    over = ramp(spoken / limit, 1.1, 1.5)
    if n < p.min_words:
        return Finding(over, tuple(answer.clauses[-1:]) if over else ())
    # padding words per hundred; "um" and "uh" are left to the delivery score, since a
    # transcript of a tight spoken answer has them too
    padding = weighted(answer, lx.RAMBLE)
    per_100 = 100 * len(padding) / n
    ands = 100 * sum(1 for w in answer.matcher.words if w == "and") / n
    opening = [h for h in weighted(answer, lx.PREAMBLE) if answer.position(h[0]) < 0.15]
    backstory = ramp(_backstory(answer, p), p.share, p.share + 0.3)
    # calibrated so a clearly wandering answer reaches 0.5 on any one strong sign plus a weak one
    score = 2.2 * (
        0.45 * ramp(per_100, 3.0, 7.0)
        # "and ... and" is how unpunctuated speech joins a tight story too; it counts in full
        # only with padding around it
        + 0.3 * ramp(ands, 4.5, 8.0) * (0.4 + 0.6 * ramp(per_100, 0.5, 2.0))
        + 0.35 * min(len(opening), 1)
        + 0.25 * backstory
        # length alone is not rambling (a tight two-minute story runs ~280 words); length with
        # padding is
        + 0.3 * ramp(n, 140, 220) * ramp(per_100, 0.5, 2.0)
        # long and thin: many words, few particulars (no occasion, figures or events)
        + 0.25 * ramp(n, 170, 260) * (1.0 - min(substance(answer), 1.0))
        # slow to reach the point: the story proper starts late in the answer
        + 0.15 * ramp(_first_point(answer), 0.35, 0.7)
        # near the time limit even when fluent
        + 0.3 * ramp(spoken / limit, 0.85, 1.1)
        # the answer says it wandered: "Anyway, ...", "for context", "I won't go into that"
        + DETOUR_WEIGHT * _detour(answer)
    )
    evidence = spans(opening, 1) + spans(padding, 2)
    return Finding(max(score, over), evidence)


def _backstory(answer: Answer, p: RamblingParams) -> float:
    """The share of the answer spent in the setting parts. With `p.eventless`, only on clauses
    where nothing happens: "I priced it per pupil" is the story even before a part cue says so,
    "the lab had just moved into the new building" is the setting."""
    if not p.eventless:
        return answer.share(*p.parts)
    events = past_events(answer) + numbers(answer)
    weights = [float(c.end - c.start) for c in answer.clauses]
    setting = sum(
        w
        for c, label, w in zip(answer.clauses, answer.labels, weights, strict=True)
        if label in p.parts and not any(c.start <= e.start < c.end for e in events)
    )
    return setting / (sum(weights) or 1.0)


DETOUR_WEIGHT = 0.3  # a plain return from a detour is rambling on its own (0.66 after the 2.2)


def _detour(answer: Answer) -> float:
    """How plainly the answer marks a digression: a clause that comes back from one ("Anyway,
    I booked the hall") past the opening counts in full, each aside ("for context", "which is
    a whole other story") half."""
    back = [s for s in answer.find(lx.RESUMING) if answer.position(s) >= 0.1 and _opens(answer, s)]
    asides = distinct(answer, weighted(answer, lx.ASIDES))
    return min(float(bool(back)) + 0.5 * len(asides), 1.0)


def _opens(answer: Answer, span: Span) -> bool:
    """The span starts its clause (after "so" or "but" at most) and the clause goes on: "it
    went ahead anyway" ends a clause and is not a return from a detour."""
    k = answer.clause_of(span.start)
    if k < 0:
        return False
    clause = answer.clauses[k]
    content = answer.matcher.content
    before = [answer.tokens[i].text for i in content if clause.start <= i < span.start]
    after = [i for i in content if span.end <= i < clause.end]
    return not set(before) - lx.CONNECTIVES and len(after) >= 2


def substance(answer: Answer) -> float:
    """Particulars per hundred words: figures and narrated events, 4 per 100 counts as full."""
    per_100 = 100 * (len(numbers(answer)) + len(past_events(answer))) / max(answer.n_words, 1)
    return per_100 / 4.0


def _first_point(answer: Answer) -> float:
    """Where the first clause past the opening part of the structure starts (0..1)."""
    opening = answer.question.structure[0].id
    for clause, label in zip(answer.clauses, answer.labels, strict=True):
        if label != opening:
            return answer.position(clause)
    # no part cue was heard at all: that says more about the cue lists than the answer, so the
    # first narrated event ("I made a plan") or figure marks where the substance starts
    marks = [s.start for s in past_events(answer) + numbers(answer)]
    if marks:
        return answer.position(Span(min(marks), min(marks) + 1))
    return 1.0 if answer.clauses else 0.0


class BelowParams(Params):
    criterion: str
    below: int = Field(ge=0, le=100)


@detector("criterion_below", BelowParams)
def criterion_below(answer: Answer, p: BelowParams) -> Finding:
    """Fires when an earlier criterion of the same question scored under `below`."""
    got = answer.scores.get(p.criterion)
    return Finding(1.0 if got is not None and got < p.below else 0.0)
