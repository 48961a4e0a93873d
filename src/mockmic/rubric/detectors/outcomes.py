"""Shapes of an outcome told in any words, and of an ending that is only one more doing, for
the result detector.

An answer that stops at what the candidate did ("I asked IT whether the field could be a
dropdown") never says how it turned out; one that goes on to what other people did next ("she
extended the club to every year group", "they were changed before the season started") has
told it, whatever its words. So: what others did next (`responses`); the candidate's later
doings in a sentence, and verbs that tell an outcome elsewhere used for a doing ("I got the vet
to come") (`conjunct_doings`); figures that can tell an outcome, not those that time the doing
or size what did not happen (`result_figures`); and how something else stood, with a figure
(`state_of_others`).
"""

from __future__ import annotations

from itertools import pairwise

from mockmic.rubric import lexicon as lx
from mockmic.rubric.answer import Answer
from mockmic.rubric.detectors.common import numbers, past_verbs, unrealised
from mockmic.rubric.detectors.shapes import (
    clause_words,
    moves_a_figure,
    sub_clauses,
    verb_after_actor,
)
from mockmic.rubric.text import Span, is_past, sentence_ends

# fmt: off
# Words that open another party's part of a sentence: a pronoun, or a determiner before a noun
# ("the store manager", "our ward", "his next bike", "every family").
OTHERS_OPEN = frozenset({
    "he", "she", "they", "it", "everyone", "everybody", "people", "the", "our", "their", "his",
    "her", "both", "every", "each", "all", "my",
})
# Words that put the candidate (or their team) in the subject: then it is a doing, not a response.
SELF = frozenset({"i", "we", "me", "us", "myself"})
# A verb after these has not happened: "so the other mechanics could do the same".
NOT_HAPPENED = frozenset({
    "to", "would", "could", "should", "might", "will", "can", "may", "must", "if", "whether",
})
# Talk is not yet an outcome: "he listened", "she told me her childcare had changed", "he
# explained his side" say what was said, not how things came to stand.
TALK = frozenset({
    "said", "told", "explained", "listened", "asked", "replied", "answered", "mentioned",
    "admitted", "agreed", "suggested", "argued", "complained", "insisted", "pushed", "shouted",
    "started", "began", "tried", "wanted", "decided", "promised", "offered", "planned",
    "looked", "heard", "thought", "felt", "knew", "saw", "noticed", "realised", "realized",
    "feared", "hoped", "expected", "assumed", "worried", "figured",
})
# Past forms common in endings that neither the shared past forms nor the outcome verbs hold:
# "it held", "the habit stuck".
MORE_PASTS = frozenset({"held", "stuck", "became"})
PRONOUNS = frozenset({"he", "she", "they", "everyone", "everybody", "nobody"})
# Participles of a feeling or a state: "the supervisor got involved", "they were annoyed".
STATES = frozenset({
    "involved", "interested", "annoyed", "upset", "worried", "confused", "frustrated",
    "concerned", "surprised", "supposed", "based", "worked", "had", "was", "were", "took",
})
MODIFIERS = frozenset({
    "the", "a", "an", "our", "their", "his", "her", "my", "its", "most", "more", "very", "this",
    "that", "these", "those", "well", "badly", "fully", "newly",
})
# "when she came back I handed over": a time or a condition, not the event itself
SUBORDINATE = frozenset({"when", "while", "after", "before", "until", "once", "as", "if", "who"})
HEDGED = ("i think", "i guess", "probably", "maybe", "i suppose", "kind of", "sort of")
# Where the words before a verb stop being its subject: "..., and | the supplier was dropped"
JOINS = frozenset({
    "and", "but", "so", "because", "which", "while", "though", "although", "or", "that",
})
# fmt: on
NOT_A_SUBJECT = SELF | NOT_HAPPENED | SUBORDINATE  # any of these before a verb: not a response
SUBJECT_REACH = 4  # words between a subject's opening and its verb ("the store manager also")


def responses(answer: Answer, start: float) -> list[Span]:
    """Clauses from `start` (a share of the answer) on where another party is the subject of a
    verb that says something happened: "he stopped challenging it", "at the end of the year she
    extended the club", "they were changed before the season started". What others did next
    is how the candidate's doing turned out."""
    verbs = {s.start for s in past_verbs(answer)}
    content = answer.matcher.content
    out: list[Span] = []
    for k, i in enumerate(content):
        w = answer.tokens[i].text
        if i not in verbs and w not in lx.OUTCOME_VERBS and w not in MORE_PASTS:
            continue
        if answer.position(Span(i, i + 1)) < start or w in TALK or w in STATES:
            continue
        prev = answer.tokens[content[k - 1]].text if k else ""
        nxt = answer.tokens[content[k + 1]].text if k + 1 < len(content) else ""
        # "the most experienced teachers": a participle before its noun, not a verb; "everyone
        # got involved": a state; "agreed to escalate it": not yet an outcome; "it went on for
        # a while": still going, not ended
        if prev in MODIFIERS or nxt in STATES or nxt in ("to", "on"):
            continue
        clause = answer.clauses[answer.clause_of(i)]
        if clause in out or answer.find(HEDGED, clause):
            continue
        if _hint(answer, content, k):
            continue  # "it went well", "it worked out": the whole story, only hinted at
        if _after_others(answer, content[max(k - SUBJECT_REACH - 2, 0) : k], clause.start):
            out.append(clause)
    return out


def _hint(answer: Answer, content: list[int], k: int) -> bool:
    before = {answer.tokens[i].text for i in content[max(k - 2, 0) : k]}
    verb = Span(content[k], content[min(k + 3, len(content) - 1)] + 1)
    return "it" in before and bool(answer.find(lx.VAGUE_OUTCOME, verb))


def _after_others(answer: Answer, before: list[int], clause_start: int) -> bool:
    """The words just before a verb, back to a pause or a conjunction, name someone other than
    the candidate as its subject ("she", "the store manager also", "they were"), and nothing
    among them leaves the verb unrealised ("could", "to") or makes it talk."""
    words: list[str] = []
    for i in reversed(before):
        if i < clause_start:
            break
        w = answer.tokens[i].text
        if w in JOINS:
            if w in ("so", "which"):
                # "..., so nobody was left guessing": the aim of a doing; "the extra, which the
                # vet had phoned her about": a detail of the story, not what came of it
                return False
            break
        if w in TALK:
            # "she said | the comments had stopped": what was said starts after the verb of
            # talk; "I told him | ..." reports the candidate's own words
            j = before.index(i)
            if j and answer.tokens[before[j - 1]].text in SELF:
                return False
            break
        words.insert(0, w)
        if _pause_after(answer, i):
            words = words[1:]
            break
    if not words or NOT_A_SUBJECT.intersection(words):
        return False
    if words[0] in OTHERS_OPEN:
        return True
    # "at the end of the year she extended": a pronoun just before the verb, not the object
    # of another verb ("keeping everyone aligned")
    for j in range(max(len(words) - 2, 0), len(words)):
        if words[j] in PRONOUNS and (j == 0 or not words[j - 1].endswith("ing")):
            return True
    return False


def conjunct_doings(answer: Answer) -> list[Span]:
    """The candidate's doings told after the first in a sentence, each from its "I" or "we" to
    where someone else's part begins: "I got the vet to come and explain it, | and I told her
    about our payment plan". And verbs that tell an outcome elsewhere ("went", "got", "made",
    "kept") when they tell a doing: "I went down to the lab", "I got the vet to come", "I made
    sure", "I kept the office manager updated". An answer that ends on these stops at what was
    done."""
    out = []
    for clause in answer.clauses:
        content = [i for i in answer.matcher.content if clause.start <= i < clause.end]
        words = [answer.tokens[i].text for i in content]
        for j, w in enumerate(words):
            if _elided(answer, content, words, j):
                rest = words[j : j + 7]  # "..., walked the aisle": the same "I" goes on
            elif w in ("i", "we") and _opens(answer, content, words, j):
                rest = [x for x in words[j + 1 : j + 8] if x not in lx.ADVERBS]
            else:
                continue
            if not rest or not _doing(rest[0], rest[1:]):
                continue
            span = _until_others(answer, content, words, j, clause.end)
            # "we took accuracy from 96 to 99 percent": a figure moved is an outcome
            inside = [answer.tokens[i].text for i in content if span.start <= i < span.end]
            if not _moves_a_figure(inside):
                out.append(span)
    return out


def _elided(answer: Answer, content: list[int], words: list[str], j: int) -> bool:
    """A verb after a pause with no subject of its own, the last subject before it being the
    candidate: "as soon as I saw the pattern, | walked the aisle with two pickers"."""
    if j == 0 or not _pause_after(answer, content[j - 1]) or not is_past(words[j]):
        return False
    subjects = [x for x in words[:j] if x in SELF or x in PRONOUNS or x == "it"]
    return bool(subjects) and subjects[-1] in ("i", "we")


def _opens(answer: Answer, content: list[int], words: list[str], j: int) -> bool:
    """ "I" opens a part of the sentence: at its start, after a conjunction or a pause."""
    lead = words[:j]
    if all(x in lx.DISCOURSE or x in lx.ADVERBS for x in lead):
        return True
    prev = content[j - 1]
    return words[j - 1] in ("and", "then", "so", "but") or _pause_after(answer, prev)


def _pause_after(answer: Answer, token: int) -> bool:
    return answer.transcript.words[answer.tokens[token].word].word.rstrip().endswith((",", ";"))


# How an outcome verb reads as a doing: by the word right after it.
DOING_NEXT: dict[str, frozenset[str]] = {
    # "I went down to the lab", "we went through every account", not "it went live"
    "went": frozenset({"to", "through", "home", "back", "round", "into", "across", "and", "down"}),
    "came": frozenset({"to", "back", "in", "round", "into", "up"}),
    # "I made sure", "I made a poster", not "we made the deadline"
    "made": frozenset({"sure", "a", "an", "contact", "time", "notes", "calls", "copies"}),
    # "we got in touch", "I got hold of", not "we got the contract"
    "got": frozenset({"in", "on", "hold", "together"}),
    # "I kept a notebook", not "we kept the client"
    "kept": frozenset({"a", "notes", "track", "everyone", "them", "him", "her"}),
    "brought": frozenset({"in", "together", "up"}),
}
# "I got the vet to come", "I kept the office manager updated": the verb's object, then these
DOING_LATER: dict[str, frozenset[str]] = {
    "got": frozenset({"to"}),
    "kept": frozenset({"updated", "informed", "posted", "moving", "going"}),
}


def _doing(verb: str, after: list[str]) -> bool:
    if verb in DOING_NEXT:
        later = DOING_LATER.get(verb, frozenset()) & set(after[1:4])
        told = after[:1] and after[0] in DOING_NEXT[verb]
        return bool(told or later) and not _to_a_figure(after)
    return verb not in lx.STATE_VERBS and verb not in lx.OUTCOME_VERBS and is_past(verb)


def _to_a_figure(after: list[str]) -> bool:
    """ "got it down to 3 percent", "brought it in at 40": an outcome whoever did it."""
    return any(
        a in ("to", "by", "at", "under") and (b.isdigit() or b in lx.NUMBER_WORDS)
        for a, b in pairwise(after)
    )


def _moves_a_figure(words: list[str]) -> bool:
    shift = lx.QUANTITY_SHIFT - {"down", "up"}
    return any(
        (w.isdigit() or w in lx.NUMBER_WORDS) and shift & set(words[max(j - 2, 0) : j + 3])
        for j, w in enumerate(words)
    )


def _until_others(answer: Answer, content: list[int], words: list[str], j: int, end: int) -> Span:
    """From the "I" to where another subject takes over ("..., and she picked it up")."""
    for k in range(j + 2, len(words) - 1):
        cut = words[k] in ("and", "so", "but") or _pause_after(answer, content[k - 1])
        if cut and (words[k] in OTHERS_OPEN or words[k + 1] in OTHERS_OPEN):
            return Span(content[j], content[k])
    return Span(content[j], end)


def state_of_others(answer: Answer, clause: Span) -> bool:
    """ "Service was back in ninety minutes", "sales were up 12 percent": how something other
    than the candidate stood, said with a figure."""
    words = clause_words(answer, clause)
    return bool({"was", "were"} & set(words)) and not {"i", "we", "there"} & set(words)


# "every fifteen minutes", "for ten minutes", "it took an hour and a half": a figure that
# measures the doing (how often, how long it took) says nothing of how it turned out. "Every" and
# "for" come just before the figure ("for about two weeks"); "took" and "spent" may come further
# back ("took over an hour and a half"), so "for the first time in two years" still counts.
TIMES_DOING = {"every": 3, "each": 3, "for": 3, "took": 6, "spent": 6, "spend": 6, "taking": 6}


def result_figures(answer: Answer, within: list[Span] | None = None) -> list[Span]:
    """Figures that can tell an outcome: not those that time the doing, nor those of what did
    not happen ("a freeze would have stranded half of it")."""
    content = answer.matcher.content
    out = []
    for n in numbers(answer, within):
        k = content.index(n.start)
        before = [answer.tokens[i].text for i in content[max(k - 6, 0) : k]]
        near = {answer.tokens[i].text for i in content[max(k - 3, 0) : k + 3]}
        timed = any(
            TIMES_DOING.get(w, 0) >= len(before) - j for j, w in enumerate(before)
        ) and bool(near & lx.DURATIONS)
        if not timed and not unrealised(answer, n):
            out.append(n)
    return out


# Words that set a figure against another: "in nine days instead of the three weeks feared",
# "two days ahead of plan", "a third less than last year".
AGAINST = frozenset({"instead", "than", "ahead", "compared", "versus"})


def compared(answer: Answer, clause: Span) -> bool:
    """A doing that sets its figure against another ("we cleared the backlog in nine days
    instead of the three weeks") tells how it turned out, whoever did it."""
    words = clause_words(answer, clause)
    nums = [j for j, w in enumerate(words) if w.isdigit() or w in lx.NUMBER_WORDS]
    return any(AGAINST & set(words[max(j - 4, 0) : j + 4]) for j in nums)


def aim(answer: Answer, clause: Span) -> bool:
    """ "so nobody could mistype it again", "so that it would not happen again": what a doing
    was meant to achieve, not what came of it."""
    words = clause_words(answer, clause)
    return bool(words) and words[0] == "so" and bool(AIMED & set(words[1:6]))


AIMED = frozenset({"could", "would", "can", "will", "wouldn't", "couldn't", "won't", "can't"})


# An answer that ends on a step still to come has not said how it turned out, whatever came
# before: the steps before it are the story's middle ("the board approved it in March ... the
# plan is to switch the old one off in January"). Said as a plan, a hope, a wait, or work still
# under way.
PENDING = (
    "the plan is", "is planned", "was planned", "are planned", "were planned", "i am hoping",
    "i hope", "hopefully", "fingers crossed", "waiting to hear", "waiting for", "waiting on",
    "yet to", "we will see", "remains to be seen",
)  # fmt: skip
# or as what someone said they would do: "she said she'd take it to the founders"
SAYING = frozenset({"said", "told", "promised", "agreed", "replied", "decided"})
LAST_SENTENCE = 40  # tokens; a longer one has lost its punctuation: the last clause stands in


def last_sentence(answer: Answer) -> Span:
    """The answer's last sentence by its punctuation, or its last clause when that is missing."""
    ends = sentence_ends(answer.transcript)
    n = len(answer.tokens)
    starts = [i for i in range(1, n) if answer.tokens[i - 1].word in ends]
    start = starts[-1] if starts else 0
    if n - start > LAST_SENTENCE and answer.clauses:
        start = max(start, answer.clauses[-1].start)
    return Span(start, n)


def pending(answer: Answer) -> Span | None:
    """The last sentence, when it tells a step still to come: a plan or a hope ("I'm hoping
    she'll see the difference"), work still under way ("we're still working through it"), or
    another's promise ("he said he'd think about it and come back to me")."""
    last = last_sentence(answer)
    if answer.find(PENDING, last):
        return last
    words = [answer.tokens[i].text for i in range(last.start, last.end)]
    for j, w in enumerate(words):
        if w == "still" and any(_progressive(x) for x in words[j + 1 : j + 3]):
            return last
        if w in SAYING and _reported_future(words[j + 1 : j + 6]):
            return last
    return None


def _reported_future(after: list[str]) -> bool:
    """ "[that] he would think about it", "they'd come back": not "it would have been worse"."""
    for j, w in enumerate(after[:-1]):
        if w in ("would", "will") and j and after[j - 1] not in ("it", "that", "this"):
            return after[j + 1] not in ("have", "not", "never")
    return False


def _progressive(word: str) -> bool:
    """ "working", "waiting", not "something" ("it's still something I push myself on")."""
    return word.endswith("ing") and not word.endswith("thing") and len(word) > 4


def ends_on_doing(answer: Answer) -> Span | None:
    """The last sentence, when it is one more thing the candidate did, in the simple past, and
    nothing else ("I wrote up the notes and sent them to the buyer", "then we presented three
    routes to the client"): the story stops at what was done. Not when someone else's part
    follows ("..., and the desk has used it since"), nor when a verb in it tells how things came
    to stand ("we submitted a day early and won the contract")."""
    last = last_sentence(answer)
    words = clause_words(answer, last)
    verb = verb_after_actor(words)
    if verb is None or verb in lx.OUTCOME_VERBS or not is_past(verb) or moves_a_figure(words):
        return None
    if PERFECT.intersection(words[: words.index(verb)]):
        return None  # "I've labelled my folders by year now": a change that holds, not a step
    if any(_others_part(answer, s) for s in sub_clauses(answer, last)[1:]):
        return None
    return None if _tells_outcome(words) else last


def _tells_outcome(words: list[str]) -> bool:
    """An outcome verb told as one ("... and won the contract"), not as a doing ("went to meet
    him") nor as a participle before its noun ("a signed undertaking")."""
    return any(
        w in lx.OUTCOME_VERBS
        and j
        and words[j - 1] not in MODIFIERS
        and not _doing(w, words[j + 1 : j + 8])
        for j, w in enumerate(words)
    )


PERFECT = frozenset({"have", "has"})
FINITE = frozenset({"has", "have", "had", "is", "was", "were", "are"})


def _others_part(answer: Answer, part: Span) -> bool:
    """A part of a sentence whose first verb has someone other than the candidate before it:
    "and the desk has used it", "and it's been fine since"; not "and the guide and we talked"."""
    words = clause_words(answer, part)
    for j, w in enumerate(words):
        if w in FINITE or (j and is_past(w)):
            return not SELF.intersection(words[:j])
    return False
