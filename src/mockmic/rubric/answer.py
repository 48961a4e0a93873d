"""One answer made ready for the detectors: tokens, clauses, and the part each clause belongs to.

The answer is cut into clauses (sentence punctuation is only a hint, since speech-to-text places it
unreliably; discourse markers such as "since then" or "what I learned" and the question's own part
cues also open a clause), and each clause is given to a part of the question's structure by the cue
phrases it contains, with a preference for staying in order. A clause with no cue continues the
part before it, because people rarely announce each step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from mockmic.rubric import lexicon as lx
from mockmic.rubric.schema import Question
from mockmic.rubric.text import (
    Matcher,
    Span,
    Token,
    is_adverb,
    is_past,
    quote,
    sentence_ends,
    tokenise,
)
from mockmic.types import PartSpan, Transcript

# Things built after a failure: told after the lesson or late in the story, they are the change.
LATE_CHANGE = (
    "then i added",
    "i added a",
    "i set up a",
    "i introduced",
    "i built a",
    "i put in place",
    "i automated",
    "i wrote a checklist",
    "i created a",
    "i made a rule",
    "i rebuilt",
    "i redesigned",
    "i moved all",
)
# Cues every question gets for the part ids it uses, on top of the cues in its YAML file.
BUILTIN_CUES: dict[str, tuple[str, ...]] = {
    "context": (
        "at my last",
        "at my previous",
        "when i was",
        "i was working",
        "i was leading",
        "i was a",
        "i was the",
        "i was on",
        "we were",
        "a few years ago",
        "years ago",
        "back when",
        "i joined",
        "our team",
        "the project was",
        "the situation",
        "we had a",
        "i worked",
        "i was in charge",
        "so this was",
    ),
    "situation": ("at my last", "when i was", "we were", "i was working", "the situation"),
    "task": (
        "my job was",
        "i was asked",
        "i needed to",
        "my task",
        "the goal was",
        "i had to",
        "my role was",
        "i was supposed to",
        "i was responsible for",
    ),
    "failure": lx.FAILURE,
    "ownership": tuple(lx.OWNERSHIP_STRONG),
    "action": (
        "so i",
        "i immediately",
        "first i",
        "then i",
        "i called",
        "i told",
        "i went to",
        "i fixed",
        "i rolled",
        "i reverted",
        "i patched",
        "i emailed",
        "i informed",
        "i apologised to",
        "i apologized to",
        "i wrote up",
        "i escalated",
        "i worked with",
        "i contacted",
        "i caught it",
        "i sat down",
        "i stayed",
        "i spent",
        "i organised",
        "i organized",
        "i set up",
        "i reached out",
        "i owned up",
        "i flagged",
        "i wrote",
        "to recover",
        "to fix it",
    ),
    # the proof of a claim ("my strength is ...; like when ...") opens with an occasion
    "example": (
        "for example",
        "for instance",
        "like when",
        "a good example",
        "one time",
        "there was a time",
        "last year",
        "last month",
        "last summer",
        "last winter",
        "last spring",
        "last autumn",
        "years ago",
        "recently",
        "at my last",
        "in my last",
        "when our",
        "when we",
    ),
    "result": tuple(lx.RESULT),
    "lesson": lx.LESSON_CUES,
    # a change said as something built afterwards ("then I added a reconciliation check")
    "change": lx.CHANGE_CUES + LATE_CHANGE,
    "proof": tuple(p for p, w in lx.PROOF.items() if w >= 0.8),
}
# Markers that open a new clause even without punctuation.
BOUNDARIES = (
    "so",
    "and then",
    "but",
    "then",
    "after that",
    "because",
    "which meant",
    "in the end",
    "the result",
    "as a result",
    "what i learned",
    "i learned",
    "the lesson",
    "looking back",
    "since then",
    "ever since",
    "now i",
    "these days",
    "that was on me",
    "and since",
)
# Weak joins open a clause only after a longer run: "and I sent it" after a scene-setting start.
WEAK_BOUNDARIES = ("and i", "and we", "and they", "and then", "and so", "which", "when i", "until")
# Scene-setting cues ("two years ago", "we were") also open failures and actions; they count less.
WEAK_CUE_PARTS = {"context": 0.6, "situation": 0.6}
# Parts whose cues are told in the present ("I check"): matched word for word, since the stem
# would also match the past tense of the story itself ("I checked").
TENSED_PARTS = frozenset({"change"})
OPENERS = frozenset({"ownership", "action", "lesson", "change", "task"})
SPEAKERS = frozenset({"i", "we"})
SCENE_OPENERS = frozenset({"when", "while", "as", "after", "before", "once", "during", "at"})
MIN_CLAUSE = 4  # content tokens before a marker may open a new clause
MIN_WEAK_CLAUSE = 9
MAX_CLAUSE = 30
BACK_MIN = 1.2  # a run-on with no marker at all is cut here


@dataclass
class Answer:
    """What the detectors read. `scores` fills in as criteria are scored (traps may use them);
    `margins` as traps are checked (how far each rule is past its threshold, negative short of
    it), for the semantic judge to weigh."""

    transcript: Transcript
    question: Question
    tokens: tuple[Token, ...]
    matcher: Matcher
    clauses: tuple[Span, ...]
    labels: tuple[str, ...]  # the part id of each clause
    scores: dict[str, int] = field(default_factory=dict)
    margins: dict[str, float] = field(default_factory=dict)

    @property
    def n_words(self) -> int:
        return len(self.matcher.words)

    def quote(self, span: Span, pad: int = 2) -> str:
        return quote(self.transcript, self.tokens, span, pad)

    def find(self, phrases: tuple[str, ...] | list[str], within: Span | None = None) -> list[Span]:
        return self.matcher.find(phrases, within)

    def part_clauses(self, *part_ids: str) -> list[Span]:
        return [c for c, p in zip(self.clauses, self.labels, strict=True) if p in part_ids]

    def in_parts(self, spans: list[Span], *part_ids: str) -> list[Span]:
        allowed = self.part_clauses(*part_ids)
        return [s for s in spans if any(c.start <= s.start < c.end for c in allowed)]

    def position(self, span: Span) -> float:
        """Where a span starts, as a fraction of the answer's content tokens."""
        before = sum(1 for i in self.matcher.content if i < span.start)
        return before / max(self.n_words, 1)

    def share(self, *part_ids: str) -> float:
        weights = _clause_weights(self)
        total = sum(weights) or 1.0
        mine = sum(w for w, p in zip(weights, self.labels, strict=True) if p in part_ids)
        return mine / total

    def clause_of(self, token: int) -> int:
        return next((k for k, c in enumerate(self.clauses) if c.start <= token < c.end), -1)


def build(transcript: Transcript, question: Question) -> Answer:
    tokens = tokenise(transcript)
    matcher = Matcher(tokens)
    clauses = _clauses(transcript, tokens, matcher, question)
    labels = _label(clauses, matcher, question)
    return Answer(transcript, question, tokens, matcher, clauses, labels)


def cues_for(question: Question, part_id: str) -> tuple[str, ...]:
    part = question.part(part_id)
    own = part.cues if part else ()
    return own + BUILTIN_CUES.get(part_id, ())


def _clauses(
    transcript: Transcript, tokens: tuple[Token, ...], matcher: Matcher, question: Question
) -> tuple[Span, ...]:
    if not tokens:
        return ()
    ends = sentence_ends(transcript)
    markers = list(BOUNDARIES)
    for part in question.structure:
        # the question's own cues and the built-in cues of parts that open with a phrase
        # ("what I learned", "since then") start a clause; a mid-sentence "went down" does not
        cues = part.cues + (BUILTIN_CUES.get(part.id, ()) if part.id in OPENERS else ())
        markers.extend(p for p in cues if len(p.split()) >= 2)
    opens = {s.start for s in matcher.find(markers)}
    weak_opens = {s.start for s in matcher.find(WEAK_BOUNDARIES)}
    cuts = [0]
    length = 0
    for i in range(1, len(tokens)):
        length += 0 if tokens[i - 1].filler else 1
        after_sentence = tokens[i - 1].word in ends and tokens[i].word != tokens[i - 1].word
        marker = (i in opens and length >= MIN_CLAUSE) or (
            i in weak_opens and length >= MIN_WEAK_CLAUSE
        )
        # "When I was a junior analyst, | I mailed the forecast": a fronted scene, a comma,
        # then the speaker ("Now, for any contract, I visit" stays one clause)
        after_comma = transcript.words[tokens[i - 1].word].word.rstrip().endswith(",")
        fronted = tokens[cuts[-1]].text in SCENE_OPENERS
        speaker = tokens[i].text in SPEAKERS
        marker = marker or (after_comma and fronted and speaker and length >= MIN_CLAUSE)
        if after_sentence or marker or length >= MAX_CLAUSE:
            cuts.append(i)
            length = 0
    cuts.append(len(tokens))
    return tuple(Span(a, b) for a, b in pairwise(cuts) if b > a)


def _label(clauses: tuple[Span, ...], matcher: Matcher, question: Question) -> tuple[str, ...]:
    order = [p.id for p in question.structure]
    cue_hits = _cue_hits(matcher, question, order)
    labels: list[str] = []
    current = 0
    for clause in clauses:
        best, best_score = current, 0.0
        for k, pid in enumerate(order):
            hits = [s for s in cue_hits[pid] if clause.start <= s.start < clause.end]
            if not hits:
                continue
            score = sum(1.5 if s.start - clause.start <= 2 else 1.0 for s in hits)
            score *= WEAK_CUE_PARTS.get(pid, 1.0)
            score += 0.4 if k in (current, current + 1) else 0.0  # staying in order is likelier
            if k == 0 < current:  # the scene is set first; later "we were ..." is story
                continue
            if k < current:  # going back needs a clear cue, not a stray word
                score -= 0.3 * (current - k)
                if score < BACK_MIN:
                    continue
            if score > best_score:
                best, best_score = k, score
        # an opener ("When I was a security engineer") sets the scene; the clause after it in
        # which the speaker does something is the story, not more scene
        scene = order[current] in WEAK_CUE_PARTS and current + 1 < len(order)
        if best_score == 0.0 and scene and labels and _acts_in_past(matcher, clause):
            best = current + 1
        current = best
        labels.append(order[current])
    return tuple(labels)


def _acts_in_past(matcher: Matcher, clause: Span) -> bool:
    """The speaker does something in the clause, told in the past: "I (accidentally) pushed",
    not "I was", "I had" or "I have been"."""
    words = [
        matcher.words[k] for k, i in enumerate(matcher.content) if clause.start <= i < clause.end
    ]
    for j, w in enumerate(words):
        if w != "i":
            continue
        rest = [x for x in words[j + 1 : j + 4] if not is_adverb(x)]
        if rest and is_past(rest[0]) and rest[0] not in lx.STATE_VERBS:
            return True
    return False


def _cue_hits(matcher: Matcher, question: Question, order: list[str]) -> dict[str, list[Span]]:
    """Each part's cue matches; where cues of two parts overlap, the longer phrase wins
    ("the slip was mine" is ownership, though "slip" alone would be the failure)."""
    found = [
        (s, pid)
        for pid in order
        for s in matcher.find(cues_for(question, pid), exact=pid in TENSED_PARTS)
    ]
    found.sort(key=lambda f: (f[0].start, -(f[0].end - f[0].start)))
    kept: list[tuple[Span, str]] = []
    for span, pid in found:
        if kept and span.start < kept[-1][0].end:
            continue
        kept.append((span, pid))
    return {pid: [s for s, p in kept if p == pid] for pid in order}


def _clause_weights(answer: Answer) -> list[float]:
    """Seconds of speech per clause when timed, else its word count."""
    words = answer.transcript.words
    out = []
    for c in answer.clauses:
        first, last = words[answer.tokens[c.start].word], words[answer.tokens[c.end - 1].word]
        if first.start is not None and last.end is not None:
            out.append(max(last.end - first.start, 0.0))
        else:
            out.append(float(sum(1 for t in answer.tokens[c.start : c.end] if not t.filler)))
    return out


def part_spans(answer: Answer) -> tuple[PartSpan, ...]:
    """Runs of consecutive clauses in one part, in the order spoken: the answer's timeline."""
    weights = _clause_weights(answer)
    total = sum(weights) or 1.0
    words = answer.transcript.words
    runs: list[PartSpan] = []
    k = 0
    while k < len(answer.clauses):
        j = k
        while j + 1 < len(answer.clauses) and answer.labels[j + 1] == answer.labels[k]:
            j += 1
        span = Span(answer.clauses[k].start, answer.clauses[j].end)
        first, last = words[answer.tokens[span.start].word], words[answer.tokens[span.end - 1].word]
        timed = first.start is not None and last.end is not None
        runs.append(
            PartSpan(
                part=answer.labels[k],
                text=answer.quote(span, pad=0),
                start=first.start if timed else None,
                end=last.end if timed else None,
                seconds=round(sum(weights[k : j + 1]), 2) if timed else None,
                share=round(sum(weights[k : j + 1]) / total, 3),
            )
        )
        k = j + 1
    return tuple(runs)
