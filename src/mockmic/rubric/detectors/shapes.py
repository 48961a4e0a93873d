"""Shapes of a sentence that carry an idea whatever its words: evidence said once or repeated, a
harm that nearly happened, who the subject of a clause is, an ending that is stated.

Detectors use these to judge the idea of a trap rather than a list of phrasings: a catastrophe
needs one clear sign, not the same loose word said twice; "we came within a week of breaching"
is a near miss, not a breach; an outcome is a clause that reports how things stood afterwards,
not a clause that reports what the candidate did.
"""

from __future__ import annotations

from itertools import pairwise

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.text import Span, is_past, sentence_ends, stem

Hits = list[tuple[Span, float]]


def distinct(answer: Answer, hits: Hits, by_stem: bool = False) -> Hits:
    """One hit per distinct wording: saying "legal" twice is one sign, not two. `by_stem`: nor
    are "deleted" and "deleting", or "fired" and "firing" (word forms of one sign)."""
    seen: set[str] = set()
    out: Hits = []
    forms = answer.matcher.stems if by_stem else answer.matcher.words
    for span, weight in sorted(hits, key=lambda h: -h[1]):
        key = " ".join(forms[k] for k in _content_range(answer, span))
        if key in seen:
            continue
        seen.add(key)
        out.append((span, weight))
    return sorted(out, key=lambda h: h[0].start)


def _content_range(answer: Answer, span: Span) -> range:
    ks = [k for k, i in enumerate(answer.matcher.content) if span.start <= i < span.end]
    return range(ks[0], ks[-1] + 1) if ks else range(0)


def near_miss(answer: Answer, span: Span) -> bool:
    """ "came within a week of breaching", "nearly lost", "almost shipped": it did not happen."""
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    prev = [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start][-6:]
    if set(prev[-3:]) & lx.NEAR_MISS_WORDS:
        return True
    # a phrase that skips a word can hold the hedge itself: "we nearly lost the contract"
    inside = [answer.tokens[i].text for i in answer.matcher.content if span.start <= i < span.end]
    if set(inside[:-1]) & lx.NEAR_MISS_WORDS:
        return True
    # "within <a week|two days|an inch> of <the harm>"
    return "within" in prev and prev[-1] == "of"


def graded(hits: Hits, strong: float = 0.6, weak_cap: float = 0.45) -> float:
    """Clear signs count in full; loose context words (weight under `strong`) add up to no more
    than `weak_cap`, so one or two can sharpen a clear sign but never make one on their own.
    Three different loose signs agreeing are evidence in their own right."""
    clear = sum(w for _, w in hits if w >= strong)
    loose = [w for _, w in hits if w < strong]
    return clear + (sum(loose) if len(loose) >= 3 else min(sum(loose), weak_cap))


def clause_words(answer: Answer, clause: Span) -> list[str]:
    """The content words of a clause (fillers left out)."""
    return [answer.tokens[i].text for i in answer.matcher.content if clause.start <= i < clause.end]


SELF_REACH = 6  # "I have never forgiven myself, it was such a stupid thing": a few words back


_TARGET_STEMS = frozenset(stem(w) for w in lx.TARGETS)
_PERSON_STEMS = frozenset(stem(w) for w in lx.TARGETS | lx.ROLES)


def _names_someone(words: list[str]) -> bool:
    """Another party is among these words ("managers" as well as "manager")."""
    return any(stem(w) in _TARGET_STEMS for w in words)


def self_directed(answer: Answer, span: Span) -> bool:
    """ "I feel like such an idiot", "I know it's awful", "I was useless": the candidate said
    it about themselves or their own act. Contempt needs someone else as its target, so a harsh
    word counts only when another party is named between the last "I" and the word."""
    # a few words back, across clause cuts ("I was | so stupid" is one thought) but not across a
    # full stop: "... where I am now. The management is awful" is about the management
    ends = sentence_ends(answer.transcript)
    back = [i for i in answer.matcher.content if i < span.start][-SELF_REACH:]
    stops = [k for k, i in enumerate(back) if answer.tokens[i].word in ends]
    prev = [answer.tokens[i].text for i in back[stops[-1] + 1 if stops else 0 :]]
    mine = [j for j, w in enumerate(prev) if w in lx.SELF_WORDS]
    if not mine:
        return False
    return not _names_someone(prev[mine[-1] + 1 :]) and not _relative(prev, mine[-1])


COPULAS = frozenset({"was", "is", "were", "are"})


def _relative(words: list[str], i: int) -> bool:
    """ "the team I inherited was useless": the "I" is inside a clause about someone named
    just before it, and the verdict is on them."""
    rest = words[i + 1 :]
    return (
        i > 0
        and _names_someone(words[i - 1 : i])
        and len(rest) >= 2
        and rest[0] not in COPULAS
        and bool(COPULAS.intersection(rest[1:]))
    )


def aimed(answer: Answer, span: Span) -> bool:
    """Someone other than the candidate is named in the clause of a harsh word, or in the
    clause before it ("My manager there. Honestly, useless.")."""
    k = answer.clause_of(span.start)
    near = answer.clauses[max(k - 1, 0) : k + 1] if k >= 0 else (span,)
    return any(_names_someone(clause_words(answer, c)) for c in near)


def contempt_shapes(answer: Answer) -> list[Span]:
    """Contempt said politely, in shapes rather than insults: irony ("to put it kindly"), a
    person's habitual failing ("anything she touched came in late", "he did that kind of thing
    constantly"), a superlative put-down ("one of the laziest people"), criticism turned back on
    its giver ("that said more about her than about me")."""
    return [c for c in answer.clauses if _contempt(answer, c)]


def _contempt(answer: Answer, clause: Span) -> bool:
    if answer.find(lx.CONTEMPT_IRONY, clause) or answer.find(lx.TURNED_BACK, clause):
        return True
    words = clause_words(answer, clause)
    if not lx.PEOPLE.intersection(words) or "i" in words[:3]:
        return False  # about no one in particular, or about the candidate's own doing
    habitual = lx.HABITUAL.intersection(words) or answer.find(lx.HABITUAL_PHRASES, clause)
    if habitual and answer.find(lx.PERSON_FAULTS, clause):
        return True
    return bool(answer.find(lx.PUT_DOWN, clause)) or _superlative_put_down(words)


RANKED = lx.PEOPLE | {"person", "managers", "bosses"}


def _superlative_put_down(words: list[str]) -> bool:
    """ "one of the laziest people I have worked with": a person ranked among the worst."""
    return any(
        words[j : j + 3] == ["one", "of", "the"]
        and words[j + 3].endswith("est")
        and RANKED.intersection(words[j + 4 : j + 7])
        for j in range(len(words) - 4)
    )


def deflections(answer: Answer) -> list[Span]:
    """Clauses whose subject is another party doing what went wrong, the candidate not acting in
    them: "engineering were always optimistic", "two of the subsidiaries sent their balances
    late", "my supervising partner was supposed to review them". The candidate may appear as
    the one wronged ("against my advice", "they never told me"), not as the one acting. And the
    cause put on something else: "the reason was legal"."""
    out = [c for c in answer.clauses if _attributes_cause(answer, c)]
    for clause in answer.clauses:
        words = clause_words(answer, clause)
        if _candidate_acts(words):
            continue
        head = _subject(answer, clause)
        if not (_other_party(answer, head) and answer.find(lx.SHORTFALL, clause)):
            continue
        if clause not in out:
            out.append(clause)
        # "the agency was late, and the provider changed their API": a second party blamed in
        # the same breath counts again
        later = [s for s in answer.find(lx.OTHERS, clause) if s.start >= head.end]
        for s in later[:1]:
            rest = Span(s.end, min(clause.end, s.end + 8))
            if answer.find(lx.SHORTFALL, rest):
                out.append(Span(s.start, rest.end))
    return sorted(out, key=lambda c: c.start)


def imposed(answer: Answer) -> list[Span]:
    """A setback from outside told as the cause of what followed: another party, or a thing the
    candidate did not make, as the subject of something going wrong, and the next clause its
    consequence ("the fish delivery turned up late, so we were behind"; "the tool was very slow
    on big databases, so jobs overran"). The candidate acts in neither: "I sent it late, so the
    client" is their own doing, and "the vendor was late, so I moved the date" a response."""
    out = []
    for k, clause in enumerate(answer.clauses[:-1]):
        words = clause_words(answer, clause)
        if not _leads_on(clause_words(answer, answer.clauses[k + 1])):
            continue
        if _candidate_acts(words) or not _went_wrong(words):
            continue
        head = [w for w in words if w not in lx.DISCOURSE][:4]
        # "we" anywhere in it makes the setback shared ("the client had a bad year and we
        # went to market late")
        if head and head[0] in lx.PARTY_OPENERS and not {"we", "us"} & set(words):
            out.append(clause)
    return out


WENT_WRONG = frozenset({"not", "never", "no", "nobody", "too"}) | frozenset(
    w for w in lx.SHORTFALL if " " not in w
)
# words that open with "un" but deny no root ("understood", "underneath", "university")
NOT_DENIALS = (
    "understand", "understood", "underneath", "underwrit", "undertak", "univers", "uniform",
    "union", "unique", "unit",
)  # fmt: skip


def _leads_on(words: list[str]) -> bool:
    """The clause opens as the consequence of the one before: "so we were behind", "which meant
    the claims ran late"; the candidate's response ("so I moved the date") is not."""
    if words[:1] == ["so"] or words[:2] in (["which", "meant"], ["and", "so"]):
        return "i" not in words[:4]
    return False


def _went_wrong(words: list[str]) -> bool:
    """Something in the clause fell short: a denial ("had not been provisioned"), an excess
    ("too slow"), a listed shortfall word, or a word formed against its root ("unreliable")."""
    if WENT_WRONG.intersection(words):
        return True
    return any(w.startswith("un") and len(w) > 6 and not w.startswith(NOT_DENIALS) for w in words)


def owed(answer: Answer) -> list[Span]:
    """A duty put on another party: "the school should have given us a third adult", "the
    business should have trusted the data". The subject of "should have" is named by a noun
    phrase, not the candidate ("I should have" owns it) nor anyone ("you should always")."""
    out = []
    for s in answer.find(("should have", "ought to have")):
        k = answer.clause_of(s.start)
        said = clause_words(answer, Span(answer.clauses[k].start if k >= 0 else 0, s.start))
        if not said or OWED_NOT.intersection(said[-3:]):
            continue
        lead = [w for w in said if w not in lx.DISCOURSE][-3:]
        if {"i", "we", "you"} & set(lead):
            continue
        if (lx.PARTY_OPENERS - {"a", "an", "one"}).intersection(lead):
            out.append(s)
    return out


# Words just before "should have" that make it no one's duty or a comparison: "what should have
# happened", "the migration that should have been there", "later than they should have".
OWED_NOT = frozenset({"what", "it", "this", "that", "which", "who", "as", "than", "there"})


def excuses(answer: Answer) -> list[tuple[Span, float]]:
    """Blame said politely, in shapes rather than set phrases: a clause opened by a plea for
    fairness whose subject is not the candidate ("in fairness, the handover was thin"); a thing
    handed to the candidate told as the subject ("the timelines we were given were
    unrealistic"); a cause settled before the candidate arrived ("the date had been agreed
    before I joined"); and the candidate kept in the dark ("nobody from IT had told us")."""
    out: list[tuple[Span, float]] = []
    for clause in answer.clauses:
        words = clause_words(answer, clause)
        if (w := _handed(words)) or (w := _before_me(words)) or (w := _untold(words)):
            out.append((clause, w))
    return out


def framed(answer: Answer) -> list[tuple[Span, float]]:
    """Clauses opened by a plea for fairness or candour, about another's part (`_framed`)."""
    out: list[tuple[Span, float]] = []
    for clause in answer.clauses:
        if w := _framed(answer, clause):
            out.append((clause, w))
    return out


def _framed(answer: Answer, clause: Span) -> float:
    """ "To be fair, the brief was loose", "honestly the scope was never stable", "I joined late
    and, in fairness, the handover was thin": a frame, then someone or something else as the
    subject of the statement it opens. A fairness frame is itself the tell; candour ("honestly")
    only with another party or a shortfall after it. The statement runs to the next join, so
    the candidate's own part after a "but" ("but I also didn't chase them") is another one."""
    for frames, weight in ((lx.FAIRNESS_FRAMES, FAIR_WEIGHT), (lx.CANDOUR_FRAMES, CANDOUR_WEIGHT)):
        found = answer.find(frames, clause)
        if not found:
            continue
        lead = clause_words(answer, Span(clause.start, found[0].start))
        rest = _statement(clause_words(answer, Span(found[0].end, clause.end)))
        if lead[-1:] in (["which"], ["that"]) or lx.EVERYONE.intersection(lead):
            continue  # "which to be fair is", "everybody does it, to be fair": minimising
        if not rest or rest[0] in lx.NOT_A_SUBJECT | lx.EVERYONE | _JOINS:
            continue  # "to be fair, I", "it was a drama to be fair, and": no frame on another's act
        if _candidate_acts(rest) and not _handed(rest):
            continue  # "the handover I got was thin" is what the candidate was handed
        # "honestly" inside a statement ("I was honestly too slow") is emphasis, not a frame
        if frames is lx.CANDOUR_FRAMES and (
            set(lead) - lx.DISCOURSE
            or not (
                _other_party(answer, _subject(answer, clause)) or answer.find(lx.SHORTFALL, clause)
            )
        ):
            continue
        return weight
    return 0.0


def _statement(words: list[str]) -> list[str]:
    """The words up to the next join ("the solicitor was slow | but I didn't chase them")."""
    cut = next((j for j, w in enumerate(words) if j and w in _JOINS), len(words))
    return words[:cut]


def _handed(words: list[str]) -> float:
    """ "the handover I got was very thin", "the timelines we were given were unrealistic": what
    the candidate was handed, made the subject of a verdict ("the part I got wrong was" is not)."""
    for k in range(2, len(words) - 2):
        if words[k] not in ("i", "we") or words[k - 2] != "the":
            continue
        verb = k + 1 if words[k + 1] in lx.HANDED else k + 2
        if words[verb] in lx.HANDED and words[verb + 1 : verb + 2] in (["was"], ["were"]):
            return HANDED_WEIGHT
    return 0.0


def _before_me(words: list[str]) -> float:
    """ "The launch date had been agreed before I joined": the cause settled by others before the
    candidate came; "I had checked it before I sent it" is the candidate's own doing."""
    for k in range(len(words) - 2):
        if words[k] == "before" and words[k + 1] in ("i", "we") and is_past(words[k + 2]):
            prior = words[:k]
            if "had" in prior and not lx.FIRST_PERSON.intersection(prior) and "we" not in prior:
                return BEFORE_WEIGHT
    return 0.0


_JOINS = frozenset({"and", "but", "so", "because", "while", "plus"})


def _untold(words: list[str]) -> float:
    """ "nobody from the data side had told us", "no one on site warned me": the candidate kept
    in the dark, whoever the "nobody" is said to be ("nobody flagged it" is a check that failed)."""
    for k, w in enumerate(words):
        if w == "nobody" or (w == "no" and words[k + 1 : k + 2] == ["one"]):
            rest = words[k + 1 : k + 9]
            # within the one statement: "nobody wrote, and one operator told me" is two
            rest = rest[: next((j for j, v in enumerate(rest) if v in _JOINS), len(rest))]
            told = [j for j, v in enumerate(rest[:-1]) if v in lx.INFORMED]
            if told and rest[told[0] + 1] in ("me", "us"):
                return UNTOLD_WEIGHT
    return 0.0


FAIR_WEIGHT = 0.75
CANDOUR_WEIGHT = 0.35
HANDED_WEIGHT = 0.5
BEFORE_WEIGHT = 0.5
UNTOLD_WEIGHT = 0.8


def _candidate_acts(words: list[str]) -> bool:
    """ "I" or "myself" in the clause, or "my" before a thing of the candidate's ("my plan had
    no slack"); "my manager", "against my advice" leave the candidate out of the doing."""
    if {"i", "myself", "mine"} & set(words):
        return True
    for j, w in enumerate(words):
        if w == "my" and not _person_or_objection(words[j + 1 : j + 3]):
            return True
    return False


def _person_or_objection(after: list[str]) -> bool:
    return any(stem(w) in _PERSON_STEMS or w in lx.OBJECTIONS for w in after)


def _subject(answer: Answer, clause: Span) -> Span:
    """The opening words of a clause, past discourse markers: where its subject is said."""
    content = [i for i in answer.matcher.content if clause.start <= i < clause.end]
    k = 0
    while k < len(content) and answer.tokens[content[k]].text in lx.DISCOURSE:
        k += 1
    start = content[k] if k < len(content) else clause.start
    end = content[min(k + 4, len(content)) - 1] + 1 if k < len(content) else clause.end
    return Span(start, end)


def _other_party(answer: Answer, head: Span) -> bool:
    """A person or an organisation other than the candidate: a named party ("the vendor",
    "legal") or a plural agent noun ("the auditors", "two of the developers")."""
    if answer.find(lx.OTHERS, head):
        return True
    words = [answer.tokens[i].text for i in answer.matcher.content if head.start <= i < head.end]
    return any(w.endswith(lx.AGENT_PLURALS) and len(w) > 5 for w in words)


def _attributes_cause(answer: Answer, clause: Span) -> bool:
    """ "the reason was legal", "the real problem was the supplier": the cause of the failure
    named, and it is not the candidate."""
    for s in answer.find(lx.CAUSE_FRAMES, clause):
        nxt = [answer.tokens[i].text for i in answer.matcher.content if s.end <= i < clause.end]
        if (
            nxt
            and not lx.FIRST_PERSON.intersection(nxt[:4])
            and not answer.find(lx.OWN_CAUSE, Span(s.start, clause.end))
        ):
            return True
    return False


def held(answer: Answer, after: int = 0) -> list[Span]:
    """Clauses after the change that show it held: a later occasion or a time since, told with
    how it went - a repeat that did not come ("every holiday weekend since has gone through
    without a spoiled pallet", "this year nobody has asked for an extension"), a success ("I
    passed the retake", "the next housing passed on the first prototype"), a figure, or other
    people taking it up ("now every department puts their dates in"). The words change with
    every story; the shape - a time after, and how things stood - does not."""
    out = []
    for clause, words in _marked_later(answer):
        if clause.end <= after or answer.position(clause) < HELD_FROM:
            continue
        if _intended(answer, clause):
            continue  # "next time I would ...": a plan, not a proof
        if answer.find(lx.TAKEN_UP, clause):
            out.append(clause)
            continue
        if _habit(words):
            continue  # "since then I never sign ...": the change itself, not that it held
        went = (
            lx.NO_REPEAT.intersection(words)
            or answer.find(lx.WENT_WELL, clause)
            or any(w.isdigit() or w in lx.NUMBER_WORDS - {"one", "first", "second"} for w in words)
            or _kept_up(words)
            or _state_now(words)
        )
        if went:
            out.append(clause)
    return out


def _marked_later(answer: Answer) -> list[tuple[Span, list[str]]]:
    """The parts of clauses told at a later time, with their words. A time mark that opens a
    clause holds for the parts after it: "on every project since, the request goes out under
    her name, | and we've never started late", "last month that got me an answer | and the
    briefing went in two days early"."""
    out = []
    for c in answer.clauses:
        marked = False
        for clause in sub_clauses(answer, c):
            words = clause_words(answer, clause)
            marked = marked or bool(answer.find(lx.LATER, clause) or _since(words))
            if marked:
                out.append((clause, words))
    return out


def _kept_up(words: list[str]) -> bool:
    """ "I have sent one every Friday since": a habit kept up for a time is a change that held."""
    perfect = any(a in ("have", "has") and b not in ("not", "been") for a, b in pairwise(words))
    return perfect and "since" in words and bool({"every", "each"} & set(words))


def _state_now(words: list[str]) -> bool:
    """ "now every department puts its dates in", "it is now under nine", "and now the report
    takes me an hour": how things stand now, said of something other than the candidate."""
    for j, w in enumerate(words):
        if w != "now":
            continue
        after, before = words[j + 1 : j + 7], words[max(j - 2, 0) : j]
        if "i" not in after and len(after) >= 3:
            return "i" not in before
    return False


def _habit(words: list[str]) -> bool:
    """The clause is the candidate's present habit ("I never sign", "now I check"), not an
    event: "I" early, and no past or perfect right after it ("I passed", "I have not been")."""
    lead = words[:4]
    if "i" not in lead:
        return False
    after = words[words.index("i") + 1 : words.index("i") + 2]
    return not (after and (after[0] in ("have", "has", "had") or is_past(after[0])))


HELD_FROM = 0.35  # proof is told after the failure and the change, never in the opening


def _since(words: list[str]) -> bool:
    """ "since" closing a time frame ("the five quarters since", "has since been"), not opening
    a cause ("since we were short-staffed") or the change itself ("since then I check")."""
    for j, w in enumerate(words):
        if w != "since":
            continue
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if nxt in ("then", "that") and "i" in words[j + 2 : j + 4]:
            continue  # "since then I ...": the change being described
        if nxt in ("we", "they", "it", "the", "our", "he", "she", "i"):
            continue  # "since we were short of people": a reason
        return True
    return False


def _intended(answer: Answer, clause: Span) -> bool:
    return bool(answer.find(lx.HYPOTHETICAL, clause)) or "would" in clause_words(answer, clause)


def doings(answer: Answer) -> list[Span]:
    """Clauses that report what the candidate (or their team) did, not how things turned out:
    "I fixed the numbers and resubmitted", "I presented those the following week", "we looked
    at the pricing". An answer that ends on these stops at what was done. A clause that moves a
    figure ("we took accuracy from 96 to 99 percent") is an outcome whoever did it."""
    out = []
    for clause in answer.clauses:
        words = clause_words(answer, clause)
        verb = verb_after_actor(words)
        if verb is None or verb in lx.OUTCOME_VERBS:
            continue
        if moves_a_figure(words):
            continue
        out.append(_until_next_subject(answer, clause))
    return out


def _until_next_subject(answer: Answer, clause: Span) -> Span:
    """The doing ends where someone else's part begins: "I told the sales lead why, | and he
    was fine with it"."""
    return sub_clauses(answer, clause)[0]


def sub_clauses(answer: Answer, clause: Span) -> list[Span]:
    """A clause cut where another subject takes over: "since then I scan every box | and our
    store had no picking errors since". Unpunctuated speech runs these together."""
    content = [i for i in answer.matcher.content if clause.start <= i < clause.end]
    words = answer.transcript.words
    cuts = [clause.start]
    for a, b in pairwise(content[2:]):
        if a - cuts[-1] < 3:
            continue
        joined = answer.tokens[a].text in ("and", "so", "but")
        new_subject = joined and answer.tokens[b].text in lx.OTHER_SUBJECTS | {"my"}
        # "we set up a sheet, the manager bought a second one": a comma, then a new subject
        after_comma = words[answer.tokens[a - 1].word].word.rstrip().endswith(",")
        if new_subject or (after_comma and answer.tokens[a].text in lx.COMMA_SUBJECTS):
            cuts.append(a)
    cuts.append(clause.end)
    return [Span(x, y) for x, y in pairwise(cuts) if y > x]


def verb_after_actor(words: list[str]) -> str | None:
    """The verb that follows an opening "I" or "we" ("so then I quickly called ..." -> called),
    or None when the clause does not open with the candidate acting."""
    for j, w in enumerate(words[:5]):
        if w in ("i", "we"):
            rest = [x for x in words[j + 1 : j + 5] if x not in lx.ADVERBS]
            # "I have started writing", "I have been listening": doing, in the perfect
            if len(rest) >= 2 and rest[0] in ("have", "has") and rest[1] not in ("had", "not"):
                rest = rest[2:] if rest[1] == "been" else rest[1:]
            if not rest or rest[0] in lx.STATE_VERBS:
                return None
            return rest[0]
        if w not in lx.DISCOURSE and w not in lx.ADVERBS:
            return None
    return None


def moves_a_figure(words: list[str]) -> bool:
    """A figure with a word of change right next to it: "from 96 to 99", "by 70 percent",
    "down to nine" - not any number in a clause that also says "writing down"."""
    nums = [j for j, w in enumerate(words) if w.isdigit() or w in lx.NUMBER_WORDS]
    return any(
        lx.QUANTITY_SHIFT.intersection(words[max(j - 2, 0) : j + 3]) - {"down", "up"}
        or (j > 0 and words[j - 1] == "to" and {"from", "down", "up"} & set(words[: j - 1]))
        for j in nums
    )


def endings(answer: Answer) -> list[Span]:
    """Clauses that state how things stood afterwards: proof-shaped clauses (a later occasion
    and how it went), and other people taking the work up ("people have started copying the
    format"), late in the answer."""
    out = list(held(answer))
    for clause in answer.clauses:
        if clause in out or answer.position(clause) < HELD_FROM:
            continue
        if answer.find(lx.TAKEN_UP, clause) and not _intended(answer, clause):
            out.append(clause)
    return sorted(out, key=lambda c: c.start)


CARE_SETTING_WEIGHT = 0.45  # a ward or a dose named beside a patient: the setting, a loose sign


def grave_shapes(answer: Answer) -> Hits:
    """The shapes of a trust-ending failure in any trade's words, each said once: a person in
    the candidate's care harmed ("the patient's blood sugar dropped"), a record made false or a
    truth kept back ("I pulled two sales forward"), the work itself done wrong for months ("for a
    full year I used the wrong rate"), many people hurt at once ("forty clients were
    overcharged"), a formal reckoning (penalties, a regulator, a tribunal). A harm that nearly
    happened, or that is denied, does not count."""
    out: Hits = []
    for clause in answer.clauses:
        words = clause_words(answer, clause)
        if lx.CARED_FOR.intersection(words):
            harm = answer.find(lx.BODILY_HARM, clause)
            setting = answer.find(lx.CARE_SETTING, clause)
            if harm or setting:
                out.append((harm[0], 1.0) if harm else (setting[0], CARE_SETTING_WEIGHT))
        many = _harmed_in_numbers(answer, clause, words)
        if many is not None:
            out.append((many, 0.6))
    long_run = answer.find(lx.LONG_RUN)
    for span in long_run:
        # the stretch of time must be the wrong work's own ("taxed on the wrong code for four
        # months"), not a later one beside it ("missed the deadline, so I lost the fee for
        # that month", "we ran both systems for a month")
        k = answer.clause_of(span.start)
        if answer.find(lx.WRONG_WORK, answer.clauses[k] if k >= 0 else span):
            out.append((span, 0.7))
            break
    out += list(answer.matcher.find_weighted(lx.FALSIFIED))
    out += list(answer.matcher.find_weighted(lx.RECKONING))
    kept = [(s, w) for s, w in out if not near_miss(answer, s) and not denied(answer, s)]
    return distinct(answer, kept, by_stem=True)


def _harmed_in_numbers(answer: Answer, clause: Span, words: list[str]) -> Span | None:
    """ "twenty-three clients got penalties": a figure, a group of people, and a harm."""
    for j, w in enumerate(words[:-1]):
        figure = (w.isdigit() and int(w) >= 10) or w in lx.MANY_WORDS
        if figure and lx.MANY_PEOPLE.intersection(words[j + 1 : j + 3]):
            harm = answer.find(lx.HARMED_IN_NUMBERS, clause)
            if harm:
                return harm[0]
    return None


def denied(answer: Answer, span: Span) -> bool:
    """ "nobody was hurt", "no penalty", "without a fine": the harm is ruled out."""
    k = answer.clause_of(span.start)
    start = answer.clauses[k].start if k >= 0 else 0
    prev = [answer.tokens[i].text for i in answer.matcher.content if start <= i < span.start][-3:]
    return bool({"no", "not", "nobody", "never", "without", "avoid", "avoided"} & set(prev))
