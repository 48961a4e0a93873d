"""Detectors that measure what a good answer contains; criteria use them, absent-traps too."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import Field

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors import Finding, Params, agency, detector
from mockmic.rubric.detectors.common import (
    ExtraOnlyParams,
    ExtraParams,
    PhraseParams,
    after,
    clause_span,
    negated,
    numbers,
    past_events,
    past_verbs,
    ramp,
    spans,
    total,
    unrealised,
    weighted,
)
from mockmic.rubric.detectors.outcomes import (
    aim,
    compared,
    conjunct_doings,
    ends_on_doing,
    pending,
    responses,
    result_figures,
    state_of_others,
)
from mockmic.rubric.detectors.owning import owned_acts, softened_at
from mockmic.rubric.detectors.shapes import clause_words, doings, endings, held, moves_a_figure
from mockmic.rubric.detectors.traps import (
    apology_strength,
    blame_strength,
    brag_strength,
    catastrophe_strength,
    substance,
)
from mockmic.rubric.text import (
    STOPWORDS,
    SUBJECTS,
    Span,
    compile_phrase,
    is_past,
    sentence_ends,
    stem,
)

# Naming the topic is not telling a story: "failure is a learning opportunity" has no setback in it.
ABSTRACT = frozenset({"failure", "mistake", "mistakes", "error", "errors", "failures", "fail"})

CONTAINED = (
    "caught it",
    "we caught",
    "i caught",
    "within an hour",
    "within a day",
    "within the hour",
    "the same day",
    "same afternoon",
    "rolled back",
    "rolled it back",
    "only affected",
    "limited to",
    "contained",
    "before it reached",
    "before customers",
    "before it spread",
    "fixed it",
    "we recovered",
    "recovered",
    "patched",
    "hotfix",
    "a few customers",
    "a handful",
    "one client",
    "one customer",
    "a small",
    "minor",
    "two days late",
    "a week late",
    "a few days",
)


@detector("phrases", PhraseParams)
def phrases(answer: Answer, p: PhraseParams) -> Finding:
    """Any of the given phrases; `saturate` matches score 1.0. A phrase said in other word
    order (its content words close together) counts for 0.75. `credit` narrows what counts to
    the speaker's own acts (see detectors.agency)."""
    credited = _CREDIT[p.credit]
    hits = [h for h in weighted(answer, p.phrases, parts=p.parts) if credited(answer, h[0])]
    taken = [s for s, _ in hits]
    loose = [
        (s, 0.75)
        for s in answer.matcher.find_loose(p.phrases)
        if not any(s.overlaps(t) for t in taken) and credited(answer, s)
    ]
    if p.parts:
        loose = [h for h in loose if h[0] in set(answer.in_parts([s for s, _ in loose], *p.parts))]
    hits = hits + loose
    score = total(hits) / p.saturate
    if score < SOFT_CEILING:
        # the criterion's vocabulary used in other phrasings earns partial credit: a phrase
        # list is never complete, and a strong answer that says it differently is still strong
        soft, soft_ev = vocabulary_overlap(answer, p.phrases, credited)
        if soft > score:
            return Finding(soft, spans(hits) or soft_ev)
    return Finding(score, spans(hits))


def _any(answer: Answer, span: Span) -> bool:
    return True


_CREDIT: dict[str, Callable[[Answer, Span], bool]] = {
    "words": _any,
    "acts": agency.acted,
    "clauses": agency.speaks_in,
}
SOFT_CEILING = 0.5  # vocabulary overlap alone never earns more than half a criterion


def vocabulary_overlap(
    answer: Answer,
    phrases: tuple[str, ...],
    credited: Callable[[Answer, Span], bool] = _any,
) -> tuple[float, tuple[Span, ...]]:
    """Share of the phrase list's distinct content words (by stem) that the answer uses. The
    verb of a phrase led by its subject ("i decided") counts in the list but earns nothing when
    used: "we decided" has the word without the act the phrase asks for."""
    led: set[str] = set()  # the verbs of subject-led phrases
    free: set[str] = set()  # every other content word
    for words in map(compile_phrase, phrases):
        for j, w in enumerate(words):
            if w in STOPWORDS or w in ("*", "...") or w.endswith("~") or len(w) <= 3:
                continue
            (led if j == 1 and words[0] in SUBJECTS else free).add(stem(w))
    vocab = led | free
    if len(vocab) < 3:
        return 0.0, ()
    used = [
        span
        for k, st in enumerate(answer.matcher.stems)
        if st in free
        and credited(answer, span := Span(answer.matcher.content[k], answer.matcher.content[k] + 1))
    ]
    distinct = {answer.matcher.stems[answer.matcher.content.index(s.start)] for s in used}
    share = len(distinct) / min(len(vocab), 12)
    return SOFT_CEILING * ramp(share, 0.1, 0.5), tuple(used[:2])


@detector("real_failure", ExtraParams)
def real_failure(answer: Answer, p: ExtraParams) -> Finding:
    """A real setback said plainly, with stakes, and contained (not a humble-brag or a disaster)."""
    hits = [
        h
        for h in weighted(answer, lx.FAILURE, p.extra, p.parts)
        if answer.quote(h[0], pad=0).lower().strip(".,;:!?") not in ABSTRACT
    ]
    n = len(hits)
    score = 0.55 * ramp(n, 0, 2)
    specific = numbers(answer) + weighted_spans(answer, lx.SPECIFIC_ANCHORS)
    score += 0.2 * ramp(len(specific), 0, 3)
    contained = weighted(answer, CONTAINED)
    score += 0.25 * ramp(len(contained), 0, 1) if n else 0.0
    score -= 0.8 * brag_strength(answer)[0] + 0.6 * catastrophe_strength(answer, ())[0]
    return Finding(score, spans(hits, 2) + spans(contained, 1))


def _part_cues(answer: Answer, part_id: str) -> tuple[str, ...]:
    """The question's own cues for a part count as evidence for the matching detector."""
    part = answer.question.part(part_id)
    return part.cues if part else ()


def weighted_spans(answer: Answer, phrases: tuple[str, ...]) -> list[Span]:
    return [s for s, _ in weighted(answer, phrases)]


class OwnershipParams(ExtraParams):
    early: float = Field(default=0.45, gt=0, le=1)  # ownership said before this share of the answer
    # one clause in which the speaker plainly owns an act or omission (detectors.owning) counts
    # as this much of a stated "that was on me": most people own a failure that way
    plain: float = Field(default=0.0, ge=0, le=1)


@detector("ownership", OwnershipParams)
def ownership(answer: Answer, p: OwnershipParams) -> Finding:
    """Ownership said plainly ("that was on me") and early; hedging and blame take it back."""
    own_cues = _part_cues(answer, "ownership")
    table = dict(lx.OWNERSHIP_STRONG) | dict.fromkeys(p.extra + own_cues, 1.0)
    strong = [h for h in weighted(answer, table, parts=p.parts) if not negated(answer, h[0])]
    weak = [h for h in weighted(answer, lx.OWNERSHIP_WEAK, parts=p.parts)]
    # "I guess it was kind of on me", "I suppose I never checked": ownership softened where it
    # is said is a hedge, stated or implied
    softened = [h for h in strong + weak if softened_at(answer, h[0])]
    strong = [h for h in strong if h not in softened]
    weak = [h for h in weak if h not in softened]
    plain = [(c, p.plain) for c in owned_acts(answer)] if p.plain else []
    strong += plain
    score = min(total(strong), 1.0)
    score = max(score, {0: 0.0, 1: 0.4}.get(len(weak), 0.55))
    first = min((s.start for s, _ in strong + weak), default=None)
    if first is not None:
        late = ramp(answer.position(Span(first, first + 1)), p.early, 1.0)
        score *= 1.0 - 0.45 * late
    hedged = weighted(answer, lx.OWNERSHIP_HEDGED) + softened
    if hedged:
        score *= 0.6
    score *= 1.0 - 0.5 * blame_strength(answer, ())[0]
    # owning nothing in particular ("I took ownership and practised accountability") is hollow
    concrete = [
        h
        for h in weighted(answer, lx.FAILURE)
        if answer.quote(h[0], pad=0).lower().strip(".,;:!?") not in ABSTRACT
    ]
    score *= 0.5 + 0.5 * ramp(len(concrete) + len(weak) + len(plain), 0, 1)
    return Finding(score, spans(strong, 2) + spans(weak, 1) + spans(hedged, 1))


class LessonParams(ExtraParams):
    pass


@detector("lesson", LessonParams)
def lesson(answer: Answer, p: LessonParams) -> Finding:
    """A lesson put as a concrete rule of behaviour, not a platitude."""
    extra = p.extra + _part_cues(answer, "lesson")
    cues = [
        h
        for h in weighted(answer, lx.LESSON_CUES + lx.LESSON_REFLECTIONS, extra, p.parts)
        if not negated(answer, h[0])
    ]
    hollow = platitudes(answer)
    # a lesson can be shown rather than said: "since then I confirm the location before any
    # order" is the lesson in practice, so a real change earns most of the credit
    shown, shown_ev = change_strength(answer)
    again = shown_again(answer)
    if again and shown < 0.7:
        shown, shown_ev = 0.7, again
    proved = min(proof_strength(answer)[0], 1.0)
    if shown > 0 or proved >= PROOF_AS_LESSON:
        # a change that demonstrably held ("it has caught two problems since") is a lesson
        # learned, whatever words it was said in; clear proof of one says the change was made
        # even when no change cue was found ("the next year every crew was done by October")
        shown = max(shown, 0.75 * proved)
    # naming the cause in yourself ("I had treated every supplier date as fixed") is the start
    # of a lesson even when the word "learned" never comes
    insight = [h for h in weighted(answer, lx.ROOT_CAUSE) if not negated(answer, h[0])]
    if not cues:
        if shown >= 0.6:
            return Finding(0.85 * shown + 0.1 * bool(insight), tuple(shown_ev[:1]))
        if resolved := resolutions(answer) + planned_changes(answer) + resolves_now(answer):
            return Finding(thin_lesson(answer, resolved), tuple(resolved[:1]))
        if insight:
            return Finding(0.4, spans(insight, 1))
        return Finding(0.1 if hollow else 0.0, spans(hollow, 1))
    region = [clause_span(answer, s, 28) for s, _ in cues]
    shape = [s for s, _ in weighted(answer, lx.LESSON_SHAPE) if _inside(s, region)]
    words = sum(r.end - r.start for r in region)
    score = 0.4 + 0.35 * ramp(len(shape), 0, 2) + 0.15 * ramp(words, 6, 16)
    score += 0.1 if weighted(answer, lx.CHANGE_CUES, exact=True) else 0.0
    if hollow and len(shape) < 2:
        score = min(score - 0.2 * len(hollow), 0.4)
    score = max(score, 0.85 * shown)
    return Finding(score, tuple(region[:2]))


PROOF_AS_LESSON = 0.75  # proof this clear is a change that held, told or not
# a resolution for next time is a lesson, if a thin one: just past no_lesson's threshold
RESOLVED = 0.5
RESOLVED_FROM = 0.4  # share of the answer after which it can be told (before: the plan failing)
# a thin lesson that names what went wrong in the story's own words ("the shared calendar", "the
# setting out") is a lesson about this failure's cause, more surely than one that names nothing
ANCHORED = 0.15  # added at two of the story's words in the resolution
ANCHOR_LEN = 4  # shorter words are mostly function words: no anchor


def thin_lesson(answer: Answer, resolved: list[Span]) -> float:
    """A resolution, a plan or a "more careful now" (no lesson cue, no change made): a lesson
    if a thin one, graded by how much of the story it names rather than read as yes or no."""
    anchors = max(story_anchors(answer, r) for r in resolved)
    return RESOLVED + ANCHORED * ramp(anchors, 0, 2)


def story_anchors(answer: Answer, region: Span) -> int:
    """The distinct content words of `region` the answer used before it."""
    m = answer.matcher

    def stems(lo: int, hi: int) -> set[str]:
        return {
            m.stems[k]
            for k, i in enumerate(m.content)
            if lo <= i < hi and len(t := answer.tokens[i].text) >= ANCHOR_LEN and t not in STOPWORDS
        }

    return len(stems(region.start, region.end) & stems(0, region.start))


BETTER = frozenset({"more", "less", "better", "fewer"})
NOW = frozenset({"now", "nowadays"})
BETTER_REACH = 5  # words from "I" to the comparison ("I am a lot more careful")


def resolves_now(answer: Answer) -> list[Span]:
    """ "I'm much more careful with addresses now", "I'd be more careful about how I document
    things now": the candidate, a comparison and a "now" in one late clause. The rulebook's
    vague resolution: a lesson, and no_proof's when nothing shows it held."""
    out = []
    for clause in answer.clauses:
        words = clause_words(answer, clause)
        if answer.position(clause) < RESOLVED_FROM or not NOW.intersection(words):
            continue
        if any(
            w == "i" and BETTER.intersection(words[j + 1 : j + 1 + BETTER_REACH])
            for j, w in enumerate(words)
        ):
            out.append(clause)
    return out


def resolutions(answer: Answer) -> list[Span]:
    """First-person resolutions for next time (lexicon.RESOLUTIONS), late in the answer, not
    denied, with something to do after them, and no platitude in their clause ("I need to
    communicate better" resolves nothing)."""
    hollow = [s for s, _ in platitudes(answer) + weighted(answer, lx.BUZZWORDS)]
    out = []
    for s, _ in weighted(answer, lx.RESOLUTIONS, exact=True):
        clause = clause_span(answer, s, 20)
        said = [i for i in answer.matcher.content if s.end <= i < clause.end]
        if (
            answer.position(s) >= RESOLVED_FROM
            and not negated(answer, s)
            and len(said) >= 2
            and not _inside_any(hollow, clause)
        ):
            out.append(clause)
    return out


PLAN_REACH = 3  # words between a change cue and the modal that makes it a plan


def planned_changes(answer: Answer) -> list[Span]:
    """A change said as a plan or a habit being tried ("going forward I'd match every
    remittance to the payment run", "what I'd do next time is cap it at eighty-five", "so now
    I try to set reminders"): no proof, but a lesson, if a thin one (the rulebook). A change cue
    next to a modal, late, with something concrete to do after it and no platitude in reach."""
    hollow = [s for s, _ in platitudes(answer) + weighted(answer, lx.BUZZWORDS)]
    modals = [s for s, _ in weighted(answer, lx.HYPOTHETICAL, exact=True)]
    out = []
    for s, _ in weighted(answer, lx.CHANGE_CUES, exact=True):
        if not any(abs(m.start - s.start) <= PLAN_REACH for m in modals):
            continue
        clause = clause_span(answer, s, 20)
        said = [i for i in answer.matcher.content if max(s.end, clause.start) <= i < clause.end]
        if (
            answer.position(s) >= RESOLVED_FROM
            and not negated(answer, s)
            and len(said) >= 3
            and not _inside_any(hollow, Span(max(clause.start - 6, 0), clause.end))
        ):
            out.append(clause)
    return out


def _inside_any(spans_: list[Span], region: Span) -> bool:
    return any(region.start <= s.start < region.end for s in spans_)


def _inside(span: Span, region: list[Span]) -> bool:
    return any(r.start <= span.start < r.end for r in region)


def change_strength(answer: Answer, extra: tuple[str, ...] = ()) -> tuple[float, list[Span]]:
    extra = extra + _part_cues(answer, "change")
    hits = [
        h
        for h in weighted(answer, lx.CHANGE_CUES, extra, exact=True)
        if not negated(answer, h[0]) and not _hedge_after(answer, h[0])
    ]
    lesson_at = min((s.start for s, _ in weighted(answer, lx.LESSON_CUES)), default=None)
    hits += [
        h
        for h in weighted(answer, lx.CHANGE_ACTIONS)
        if answer.position(h[0]) >= 0.5 or (lesson_at is not None and h[0].start > lesson_at)
    ]
    hypo = [s for s, _ in weighted(answer, lx.HYPOTHETICAL, exact=True)]
    real = [s for s, _ in hits if not any(abs(h.start - s.start) <= 3 for h in hypo)]
    if not real:
        return (0.3 if hits else 0.0), [s for s, _ in hits[:1]]
    region = [clause_span(answer, s, 20) for s in real]
    shape = [s for s, _ in weighted(answer, lx.LESSON_SHAPE) if _inside(s, region)]
    score = 0.65 + 0.15 * ramp(len(real), 1, 2) + 0.2 * ramp(len(shape), 0, 2)
    hollow = weighted(answer, lx.BUZZWORDS) + platitudes(answer)
    # the object of the change may come just before its cue ("I applied those learnings |
    # going forward"), across a clause cut
    reach = [Span(max(r.start - 6, 0), r.end) for r in region]
    if not shape and any(_inside(s, reach) for s, _ in hollow):
        score *= 0.5  # "going forward I apply a growth mindset": a change in name only
    return score, region[:2]


def platitudes(answer: Answer) -> list[tuple[Span, float]]:
    """Lessons any story could end on, and "the importance of" a virtue anyone names
    ("communication"), not of a thing ("regular updates")."""
    hits = weighted(answer, lx.PLATITUDES + lx.SHRUGS)
    for s in answer.find(lx.IMPORTANCE):
        if lx.VIRTUES.intersection(after(answer, s, 2)):
            hits.append((s, 1.0))
    return hits


def _hedge_after(answer: Answer, span: Span) -> bool:
    """ "I don't know", "I don't think so": the cue is a hedge, not a new way of working."""
    return bool(lx.HEDGE_VERBS.intersection(after(answer, span, 1)))


def shown_again(answer: Answer) -> list[Span]:
    """A later occasion the candidate handled differently, and how it went: "when we opened
    the third site two years later, I ran three soft openings first, and it opened without a
    comped table". The lesson in practice, whatever words it is told in."""
    return [c for c in held(answer) if _acts(answer, c)] + later_occasions(answer)


# A new occasion is months or years on ("the year after", "last spring", "the next time"); a
# day or a week on is still the failure being repaired ("the next morning I rang him").
LATER_MARKS = frozenset({"next", "following", "later", "after", "last"})
LONG_UNITS = frozenset({
    "month", "months", "year", "years", "quarter", "season", "term", "time",
    "spring", "summer", "autumn", "winter",
})  # fmt: skip
OCCASION_REACH = 2  # words between the mark and its unit ("a couple of years later")
OCCASION_FROM = 0.35  # an occasion told in the opening is the backstory


def later_occasions(answer: Answer) -> list[Span]:
    """Clauses where the candidate acts on a new occasion, told late: "the next year I spent
    lunch breaks on every ward", "so the year after I sat down with the orders first". What
    they did the next time round is the lesson put into practice, said without "I learned".
    A setback told in the clause ("a year later we lost the account") is more of the failure."""
    setbacks = [s for s, _ in weighted(answer, lx.FAILURE)]
    out = []
    clauses = answer.clauses
    for k, clause in enumerate(clauses):
        if answer.position(clause) < OCCASION_FROM or not _new_occasion(
            clause_words(answer, clause)
        ):
            continue
        # the deed may open the next clause: "so the year after | I sat down with the orders"
        told = Span(clause.start, clauses[min(k + 1, len(clauses) - 1)].end)
        words = clause_words(answer, told)
        if _deed(words) and "would" not in words and not _inside_any(setbacks, told):
            out.append(told)
    return out


def _new_occasion(words: list[str]) -> bool:
    return any(
        w in LATER_MARKS and LONG_UNITS.intersection(words[max(j - OCCASION_REACH, 0) : j + 3])
        for j, w in enumerate(words)
    )


def _deed(words: list[str]) -> bool:
    """ "I spent", "we cleared": the candidate (or their team) did something, in the past."""
    return any(
        w in ("i", "we") and j + 1 < len(words) and is_past(words[j + 1])
        and words[j + 1] not in lx.STATE_VERBS
        for j, w in enumerate(words)
    )  # fmt: skip


def _acts(answer: Answer, clause: Span) -> bool:
    words = clause_words(answer, clause)
    # "I ran three soft openings", "we have tested it with members first"
    return any(
        w in ("i", "we")
        and j + 1 < len(words)
        and (is_past(words[j + 1]) or (words[j + 1] == "have" and j + 2 < len(words)))
        for j, w in enumerate(words)
    )


def proof_strength(answer: Answer, extra: tuple[str, ...] = ()) -> tuple[float, list[Span]]:
    """Proof counts only after the failure is told: in the last 60% or the change/proof parts."""
    extra = extra + _part_cues(answer, "proof")
    hits = weighted(answer, lx.PROOF, extra, skip_negated=False)
    hits = [h for h in hits if not unrealised(answer, h[0]) and not _promised(answer, h[0])]
    late = [
        h
        for h in hits
        if answer.position(h[0]) >= 0.4
        or h[0] in set(answer.in_parts([s for s, _ in hits], "change", "proof", "result"))
    ]
    changes = [
        s for s, _ in weighted(answer, lx.CHANGE_CUES, extra, exact=True) if not negated(answer, s)
    ]
    # something built afterwards ("I set up a weekly review") marks the change as well
    changes += [s for s, _ in weighted(answer, lx.CHANGE_ACTIONS) if answer.position(s) >= 0.5]
    after = min((c.start for c in changes), default=None)
    # proof is told after the lesson or change it proves: before them, "we caught it", "back
    # within a day" or "a hundred percent" are the failure and its repair being told
    lesson_at = [s.start for s, _ in weighted(answer, lx.LESSON_CUES + lx.LESSON_REFLECTIONS)]
    told = min([*lesson_at, *([] if after is None else [after])], default=None)
    if told is not None:
        late = [h for h in late if h[0].start >= told]
    late_clauses = [clause_span(answer, s, 20) for s, _ in late]
    # a figure proves a change only when told after it ("since then I ..., and our waste at
    # the next three events was 5%"); before it, or with no change at all, it sizes the failure
    nums: list[Span] = []
    if after is not None:
        nums = [n for n in numbers(answer) if n.start > after and not _planned(answer, n)]
        outcome = [h for h in weighted(answer, lx.RESULT) if h[0].start > after]
        late = late + [(s, 0.5 * w) for s, w in outcome if s not in {x for x, _ in late}]
    # the shape of proof in any words: a later occasion or a time since, and how it went
    shown = [c for c in held(answer) if not _promised(answer, c)]
    shown += [c for c in lasted(answer) if c not in shown]
    # what the candidate did on a later occasion ("the next year I ran for president and went
    # round every society first") is the change tried again: the later occasion the rulebook
    # names as proof, told as a deed rather than with how it went
    shown += [c for c in later_occasions(answer) if c not in shown and not _promised(answer, c)]
    score = total(late) / 1.6 + 0.3 * min(len(nums), 2) + 0.5 * min(len(shown), 2)
    return score, (shown[:1] + [s for s in late_clauses[:2]] + nums[:1])[:3]


PLANNED_REACH = 12  # tokens back from a figure to the modal that makes it a plan


def _planned(answer: Answer, figure: Span) -> bool:
    """ "what I'd do next time is cap it at eighty-five", "I will put a number on each one": a
    figure in a plan or a rule to follow is a target, not how the change went. A modal a few
    words back, in the same sentence, says so."""
    ends = sentence_ends(answer.transcript)
    lo = max(figure.start - PLANNED_REACH, 0)
    for i in range(figure.start - 1, lo - 1, -1):
        if (
            answer.tokens[i].word in ends
            and answer.tokens[i].word != answer.tokens[figure.start].word
        ):
            return False
        if answer.tokens[i].text in MODALS:
            return True
    return False


MODALS = frozenset({"would", "will", "should", "could", "might", "ll", "shall"})
LASTED_FROM = 0.5  # a stretch of time told earlier is the backstory ("I've worked there for years")
PERFECT = frozenset({"have", "has"})
DURATION_REACH = 4  # words between "for" and its unit ("for about a year and a half")


def lasted(answer: Answer) -> list[Span]:
    """Clauses that say something has been kept up for a stretch of time, in the present
    perfect: "we've run that version for over a year", "I have done it for eighteen months". A
    time since, in any words; told late, after the change."""
    out = []
    for clause in answer.clauses:
        at = [i for i in answer.matcher.content if clause.start <= i < clause.end]
        words = [answer.tokens[i].text for i in at]
        perfect = [j for j, w in enumerate(words[:-1]) if w in PERFECT and words[j + 1] != "to"]
        spell = [
            j
            for j, w in enumerate(words)
            if w == "for"
            and lx.DURATIONS.intersection(words[j + 1 : j + 1 + DURATION_REACH])
            and answer.position(Span(at[j], at[j] + 1)) >= LASTED_FROM
        ]
        if perfect and spell and perfect[0] < spell[-1]:
            out.append(clause)
    return out


def _promised(answer: Answer, span: Span) -> bool:
    """ "those lessons will shape the next phase": a proof still to come is a plan."""
    k = answer.clause_of(span.start)
    clause = answer.clauses[k] if k >= 0 else span
    said = [answer.tokens[i].text for i in range(clause.start, max(clause.end, span.end))]
    return bool(lx.FUTURE.intersection(said))


@detector("change", ExtraOnlyParams)
def change(answer: Answer, p: ExtraOnlyParams) -> Finding:
    """A change in how the candidate works, said as done ("since then I ..."), not as a plan."""
    score, ev = change_strength(answer, p.extra)
    return Finding(score, tuple(ev))


class ProofParams(ExtraOnlyParams):
    # the proof strength that earns the criterion in full: one later occasion or one figure
    # reads about 1, several about 2; above 1 the criterion tells a modest proof (a grade 4 in
    # the rulebook) from proof that held on every count (a 5)
    full: float = Field(default=1.0, ge=1.0)


@detector("proof", ProofParams)
def proof(answer: Answer, p: ProofParams) -> Finding:
    """Evidence the change stuck: no repeat since, numbers, time, others adopting it."""
    score, ev = proof_strength(answer, p.extra)
    return Finding(score / p.full, tuple(ev))


@detector("change_proof", ProofParams)
def change_proof(answer: Answer, p: ProofParams) -> Finding:
    """Half for a change actually made, half for proof that it held."""
    c, cev = change_strength(answer, p.extra)
    pr, pev = proof_strength(answer)
    return Finding(0.5 * c + 0.5 * min(pr / p.full, 1.0), tuple(cev[:1] + pev[:2]))


class ShareParams(Params):
    parts: tuple[str, ...] = Field(min_length=1)
    share: float = Field(gt=0, le=1)


@detector("part_share_max", ShareParams)
def part_share_max(answer: Answer, p: ShareParams) -> Finding:
    """These parts take at most `share` of the answer (1.0), none at 2.5x that (0.0)."""
    got = answer.share(*p.parts)
    clauses = answer.part_clauses(*p.parts)
    return Finding(1.0 - ramp(got, p.share, 2.5 * p.share), tuple(clauses[:1]))


@detector("part_share_min", ShareParams)
def part_share_min(answer: Answer, p: ShareParams) -> Finding:
    """These parts take at least `share` of the answer (1.0), scaling down to none (0.0)."""
    got = answer.share(*p.parts)
    clauses = answer.part_clauses(*p.parts)
    return Finding(ramp(got, 0.0, p.share), tuple(clauses[:1]))


@detector("composure", ExtraOnlyParams)
def composure(answer: Answer, p: ExtraOnlyParams) -> Finding:
    """Told calmly: little self-reproach, no panic words, fillers under control."""
    apology, ev = apology_strength(answer, p.extra)
    spiral = weighted(answer, lx.SPIRAL)
    fillers = sum(1 for t in answer.tokens if t.filler)
    density = fillers / max(answer.n_words + fillers, 1)
    score = 1.0 - 0.6 * apology - 0.15 * len(spiral) - 0.3 * ramp(density, 0.06, 0.16)
    return Finding(score, tuple(ev[:2]) + spans(spiral, 1))


@detector("specificity", ExtraParams)
def specificity(answer: Answer, p: ExtraParams) -> Finding:
    """One specific occasion: when and where, numbers, events narrated as "I did"."""
    anchors = weighted(answer, lx.SPECIFIC_ANCHORS, p.extra, p.parts)
    generic = weighted(answer, lx.GENERIC_HABITS) + weighted(answer, lx.BUZZWORDS)
    stand_ins = weighted(answer, lx.VAGUE_STAND_INS) + platitudes(answer)
    # figures inside a stock phrase ("a hundred and ten percent") are not particulars
    stock = [s for s, _ in weighted(answer, lx.CLICHE)]
    nums = [n for n in numbers(answer) if not any(c.start <= n.start < c.end for c in stock)]
    events = past_events(answer)
    verbs = past_verbs(answer)
    particulars = (
        0.1 * len(anchors)
        + 0.12 * len(nums)
        + 0.1 * len(events)
        # a long answer piles up past tenses without ever naming one occasion: diminishing
        + min(0.06 * len(verbs), 0.36)
    )
    score = particulars - 0.12 * len(generic) - 0.08 * len(stand_ins)
    if answer.n_words >= LONG_ANSWER:
        # a long answer is judged by its particulars per hundred words: one that names a few
        # in passing over two minutes of talk has given no specific example
        score = min(score, 0.1 + 0.9 * ramp(substance(answer), 0.2, 0.5))
    return Finding(score, spans(anchors, 2) + tuple(events[:1]))


LONG_ANSWER = 120  # words; shorter answers are judged on what they name at all


class ResultParams(ExtraParams):
    # share of the answer after which an outcome counts: a story tells how it turned out after
    # what was done; a career summary may lead with its result (0 there)
    told_from: float = Field(default=0.5, ge=0.0, le=1.0)


@detector("result", ResultParams)
def result(answer: Answer, p: ResultParams) -> Finding:
    """An outcome said out loud, ideally with a number."""
    # what the candidate did is not how it turned out: outcome words and figures inside a
    # clause of doing ("I fixed the numbers and resubmitted") do not count
    acts = [c for c in doings(answer) + conjunct_doings(answer) if not compared(answer, c)]

    def outcome_side(span: Span) -> bool:
        return not any(c.start <= span.start < c.end for c in acts)

    hits = [h for h in outcome_words(answer, p) if outcome_side(h[0])]
    hits = [h for h in hits if not unrealised(answer, h[0]) and not _promised(answer, h[0])]
    # "it went well", "everyone was happy": an ending only hinted at is not yet an outcome;
    # with a figure or a particular in its clause it is one
    hinted = {s for s, _ in hits if _vague(answer, s) and not _particular(answer, s)}
    hits = [(s, VAGUE_SHARE * w if s in hinted else w) for s, w in hits]
    # how it turned out is told after what was done: outcome words in the first half ("we
    # agreed", "within a week", "it was resolved that ...") are the setting, not the ending
    late = [h for h in hits if answer.position(h[0]) >= p.told_from]
    figures = result_figures(answer)
    nums = [n for n in figures if answer.position(n) >= p.told_from and outcome_side(n)]
    # a clause of outcome holds its figure outside any doing ("..., walked the aisle with two
    # pickers" is what was done)
    told = [
        c
        for c in outcome_clauses(answer, figures)
        if outcome_side(c) and any(c.start <= n.start < c.end and outcome_side(n) for n in figures)
    ]
    # how things stood afterwards, in any words: a later occasion, others taking it up
    told += [c for c in endings(answer) if c not in told and not aim(answer, c)]
    # what other people did next ("she extended the club to every year group")
    told += [c for c in responses(answer, RESPONSE_FROM) if c not in told]
    told = [c for c in told if answer.position(c) >= p.told_from]
    # several hints ("it went well, in the end everyone was happy") still only hint
    hints = [w for s, w in late if s in hinted]
    told_ = total([h for h in late if h[0] not in hinted]) + max(hints, default=0.0)
    score = told_ + 0.15 * min(len(nums), 2) + 0.3 * min(len(told), 2)
    hedged = [h for h in late if answer.find(HEDGES, clause_span(answer, h[0], 8))]
    if late and len(hedged) == len(late):  # "the client was happy, I think": not sure it happened
        score *= 0.6
    # the story stops on a step still to come, or on one more thing the candidate did, and
    # tells nothing in that same sentence: what came before is its middle, and the last step
    # is what to quote
    ending = pending(answer) or ends_on_doing(answer)
    if ending is not None and not any(
        s.overlaps(ending) for s in told + [s for s, _ in late if s not in hinted]
    ):
        return Finding(PENDING_SHARE * score, (ending,))
    return Finding(score, spans(late or hits, 2) or tuple(told[:2]))


VAGUE_SHARE = 0.4  # what an ending only hinted at ("it went well") counts for
# what the steps before an ending still to come, or a last doing, count: they are its middle
PENDING_SHARE = 0.0


# what others did next is the ending only late: earlier it is still the story ("the client's
# lawyer spotted it")
RESPONSE_FROM = 0.6


def outcome_words(answer: Answer, p: ExtraParams) -> list[tuple[Span, float]]:
    """The outcome phrases (the list and the question's own). A past form said alone is matched
    as said: "we were finishing a fix" and "a March launch" are the work under way, not
    "finished" or "launched"."""
    table = dict(lx.RESULT) | dict.fromkeys(p.extra, 1.0)
    said = {k: w for k, w in table.items() if _past_form(k)}
    rest = {k: w for k, w in table.items() if k not in said}
    hits = weighted(answer, rest, (), p.parts) + weighted(answer, said, (), p.parts, exact=True)
    hits.sort(key=lambda h: (h[0].start, -(h[0].end - h[0].start), -h[1]))
    out: list[tuple[Span, float]] = []
    for h in hits:
        if not out or h[0].start >= out[-1][0].end:
            out.append(h)
    return out


def _past_form(phrase: str) -> bool:
    return " " not in phrase and (phrase.endswith("ed") or phrase in lx.PAST_IRREGULAR)


def _vague(answer: Answer, span: Span) -> bool:
    return bool(answer.find(lx.VAGUE_OUTCOME, span))


def _particular(answer: Answer, span: Span) -> bool:
    """A figure in the clause of an outcome word ("it went well: 14 of 15 renewed")."""
    return bool(numbers(answer, [clause_span(answer, span, 14)]))


HEDGES = ("i think", "i guess", "probably", "i hope", "maybe", "i suppose")


def outcome_clauses(answer: Answer, figures: list[Span] | None = None) -> list[Span]:
    """Late clauses that report something happened, with a figure: "we moved everything in
    nineteen days", "pass rates went up from 70 to 88". The shape of an outcome in any words.
    `figures`: the answer's result_figures, when the caller has them already."""
    figures = result_figures(answer) if figures is None else figures
    out = []
    for clause in answer.clauses:
        if answer.position(clause) < 0.45 or _mine(answer, clause):
            continue
        if any(clause.start <= n.start < clause.end for n in figures) and (
            past_verbs_in(answer, clause) or state_of_others(answer, clause)
        ):
            out.append(clause)
    return out


def _mine(answer: Answer, clause: Span) -> bool:
    """A clause the candidate speaks in as "I" holds the particulars of a doing ("I met the
    landlord at eleven", "I booked her a hotel for two nights"), not how it turned out, unless
    its figure moves or is set against another ("I got returns down to 3 percent")."""
    words = clause_words(answer, clause)
    return "i" in words and not moves_a_figure(words) and not compared(answer, clause)


def past_verbs_in(answer: Answer, clause: Span) -> list[Span]:
    return [s for s in past_verbs(answer) if clause.start <= s.start < clause.end]


class CoverageParams(Params):
    parts: tuple[str, ...] = ()  # default: every required part of the structure


@detector("coverage", CoverageParams)
def coverage(answer: Answer, p: CoverageParams) -> Finding:
    """The share of the recommended parts the answer actually has."""
    wanted = p.parts or tuple(x.id for x in answer.question.structure if x.required)
    present = [pid for pid in wanted if answer.part_clauses(pid)]
    firsts = tuple(answer.part_clauses(pid)[0] for pid in present[:3])
    return Finding(len(present) / max(len(wanted), 1), firsts)
