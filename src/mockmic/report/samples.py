"""Two hand-built reports: a timed (spoken) answer and a typed one.

They let the renderers, the web pages and their tests be seen and checked without running the
speech model: `python -m mockmic.report.samples html > sample.html`. Built straight from the
dataclasses in mockmic.types, with timings laid out at a steady speaking rate.
"""

from __future__ import annotations

import re
import sys

from mockmic.types import (
    Assessment,
    CriterionResult,
    Delivery,
    Marker,
    ModelAnswer,
    PaceWindow,
    PartSpan,
    Pause,
    QuestionRef,
    Report,
    Score,
    Transcript,
    TrapHit,
    Word,
)

FAILURE = QuestionRef(
    id="failure",
    prompt="Tell me about a time you failed.",
    time_limit_s=120.0,
)

# The spoken sample, one part per line. `{2.6}` is a silence of that many seconds.
_SPOKEN: tuple[tuple[str, str], ...] = (
    ("context", "So, um, last year I led the move of our billing reports to a new warehouse."),
    ("context", "We were behind schedule, and I skipped the parallel run we had planned. {2.6}"),
    (
        "failure",
        "At the first month end, uh, the totals for our biggest customers were off by"
        " about two percent.",
    ),
    (
        "ownership",
        "That was on me. I had cut the parallel run, and I hadn't told my manager what"
        " that risk meant.",
    ),
    (
        "action",
        "I I told finance the same afternoon, and we, um, rebuilt the numbers from the old"
        " system over the weekend. {1.8}",
    ),
    (
        "lesson",
        "What I learned is that when I cut a safety step to save time, I have to say out"
        " loud which risk I'm taking on, and who would carry it, sort of before I do it.",
    ),
    (
        "change",
        "Since then, every migration I run has a written cut-over checklist, with a"
        " parallel run that someone else signs off. {1.2}",
    ),
    ("proof", "We've done four migrations that way, and, like, none of them needed a correction."),
)

_FILLERS = {"um", "uh", "er", "like"}
_HEDGES = ("sort of", "i think", "maybe", "i guess")
_APOLOGIES = ("sorry", "i apologise", "i apologize")


def _norm(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def _timed_words() -> tuple[tuple[Word, ...], list[tuple[str, float, float]]]:
    """Lay the spoken sample out in time; returns the words and each part's (id, start, end)."""
    words: list[Word] = []
    parts: list[tuple[str, float, float]] = []
    t = 0.35
    for index, (part, line) in enumerate(_SPOKEN):
        start = t
        for token in line.split():
            pause = re.fullmatch(r"\{([\d.]+)\}", token)
            if pause:
                t += float(pause.group(1))
                continue
            length = 0.16 + 0.045 * len(token.strip(",."))  # longer words take longer
            prob = 0.55 if token.strip(",") in ("um", "uh") else 0.93 - 0.02 * (index % 3)
            origin = "acoustic" if token.startswith("uh") else "asr"
            words.append(Word(token, round(t, 2), round(t + length, 2), round(prob, 2), origin))
            t += length + 0.12
        if parts and parts[-1][0] == part:  # one span per part, however many lines it takes
            start = parts.pop()[1]
        parts.append((part, start, t))
    return tuple(words), parts


def _find(words: tuple[Word, ...], phrases: tuple[str, ...] | set[str]) -> tuple[Marker, ...]:
    found: list[Marker] = []
    norms = [_norm(w.word) for w in words]
    for i in range(len(words)):
        for phrase in phrases:
            toks = phrase.split()
            if norms[i : i + len(toks)] == toks:
                last = words[i + len(toks) - 1]
                found.append(Marker(phrase, words[i].start, last.end, i))
    return tuple(found)


def _pace(words: tuple[Word, ...], duration: float, step: float = 10.0) -> tuple[PaceWindow, ...]:
    windows = []
    start = 0.0
    while start < duration:
        end = min(start + step, duration)
        count = sum(1 for w in words if w.start is not None and start <= w.start < end)
        windows.append(PaceWindow(start, end, round(count * 60 / (end - start), 1)))
        start = end
    return tuple(windows)


def _criteria() -> tuple[CriterionResult, ...]:
    return (
        CriterionResult(
            "real_failure",
            "A real failure, kept contained",
            0.15,
            85,
            ("the totals for our biggest customers were off by about two percent",),
            "Good: a real mistake with a clear, limited cost.",
        ),
        CriterionResult(
            "ownership",
            "Ownership, stated plainly and early",
            0.2,
            90,
            ("That was on me.", "I had cut the parallel run"),
            "Keep the \u201cthat was on me\u201d sentence; it lands well.",
        ),
        CriterionResult(
            "no_blame",
            "No blame on others",
            0.1,
            100,
            (),
            "Nobody else was blamed.",
        ),
        CriterionResult(
            "short_backstory",
            "Short backstory",
            0.1,
            70,
            ("last year I led the move of our billing reports",),
            "Two sentences of setting are enough; start the failure sooner.",
        ),
        CriterionResult(
            "concrete_lesson",
            "A concrete lesson",
            0.2,
            75,
            ("say out loud which risk I'm taking on",),
            "Name the habit you changed, not just the insight; drop the \u201csort of\u201d.",
        ),
        CriterionResult(
            "change_with_proof",
            "A change, with proof it stuck",
            0.15,
            80,
            ("written cut-over checklist", "four migrations that way"),
            "Add one number that shows the checklist caught something.",
        ),
        CriterionResult(
            "composure",
            "Composure",
            0.1,
            60,
            ("um", "uh", "I I"),
            "Replace the \u201cum\u201ds with a short silent pause.",
        ),
    )


def timed_report() -> Report:
    """A spoken answer to the failure question, strong with a few things to polish."""
    words, spans = _timed_words()
    duration = round(spans[-1][2] + 0.6, 2)
    pauses = tuple(
        Pause(
            round(words[i].end or 0, 2),
            round((words[i + 1].start or 0) - (words[i].end or 0), 2),
            "between" if words[i].word.endswith(".") else "within",
        )
        for i in range(len(words) - 1)
        if (words[i + 1].start or 0) - (words[i].end or 0) >= 1.0
    )
    speaking = duration - sum(p.seconds for p in pauses)
    # "like" counts only as a filler when set off by commas, as in the sample.
    fillers = tuple(
        m
        for m in _find(words, _FILLERS)
        if m.text != "like" or words[(m.word_index or 1) - 1].word.endswith(",")
    )
    total = sum(e - s for _, s, e in spans)
    parts = tuple(
        PartSpan(
            part,
            " ".join(w.word for w in words if s <= (w.start or 0) < e),
            round(s, 2),
            round(e, 2),
            round(e - s, 2),
            round((e - s) / total, 3),
        )
        for part, s, e in spans
    )
    return Report(
        question=FAILURE,
        transcript=Transcript(words, "faster-whisper:tiny.en", duration),
        delivery=Delivery(
            duration_s=duration,
            speaking_s=round(speaking, 2),
            words_per_minute=round(len(words) * 60 / duration, 1),
            articulation_wpm=round(len(words) * 60 / speaking, 1),
            fillers=fillers,
            fillers_per_minute=round(len(fillers) * 60 / duration, 2),
            long_pauses=pauses,
            hedges=_find(words, _HEDGES),
            apologies=(),
            restarts=_find(words, {"i i"}),
            pace=_pace(words, duration),
            time_limit_s=FAILURE.time_limit_s,
            over_time_s=0.0,
            pitch_steadiness=0.74,
            loudness_steadiness=0.81,
        ),
        assessment=Assessment(
            parts=parts,
            criteria=_criteria(),
            traps=(
                TrapHit(
                    "we_not_i",
                    ("we, um, rebuilt the numbers",),
                    "What did you yourself do that weekend?",
                ),
            ),
        ),
        score=Score(overall=79, content=82, delivery=71),
        model_answer=ModelAnswer(exemplar=EXEMPLAR, personalized=_PERSONAL_TIMED),
        follow_up="What did you yourself do that weekend?",
    )


EXEMPLAR = (
    "In my second year as an analyst I owned the weekly churn forecast. I changed the model to"
    " add a new data source and shipped it without back-testing it against the last quarter,"
    " because I was sure it could only help. For three weeks the forecast ran fifteen percent"
    " high, and the retention team planned calls around numbers that were wrong. That was my"
    " call and my miss. When I saw the gap I told my lead and the retention manager the same"
    " day, rolled back to the old model, and re-sent the corrected lists. What I took from it:"
    " a change I am confident about still needs the same test as one I am unsure of, because"
    " confidence is exactly when I stop looking. Since then every model change I make runs"
    " against the previous quarter before it ships, and the back-test result goes in the"
    " change note. Over the next year that check stopped two changes that would have made the"
    " forecast worse, and the retention team now uses it without a manual cross-check."
)

_PERSONAL_TIMED = (
    "Last year I led the move of our billing reports to a new warehouse, and to make up time I"
    " skipped the parallel run we had planned. At the first month end the totals for our"
    " biggest customers were off by about two percent. That was on me: I cut the parallel run"
    " and didn't tell my manager what that risk meant. I told finance the same afternoon and"
    " [what did you yourself do to rebuild the numbers?]. What I learned is that when I cut a"
    " safety step to save time, I say out loud which risk I'm taking on and who carries it."
    " Since then every migration I run has a written cut-over checklist with a parallel run"
    " that someone else signs off. We've done four migrations that way and none needed a"
    " correction [name one problem the checklist caught before it reached a customer]."
)

_TYPED = (
    "Honestly, I guess my biggest failure is that I care too much about quality. Sorry, that"
    " sounds like a cliche. On my last project I stayed late every night to polish every"
    " screen, and we still shipped on time, maybe even early. My manager said I should delegate"
    " more, so now I try to."
)

_PERSONAL_TYPED = (
    "[Pick a time something you owned went wrong: what was it, and what did it cost?]"
    " [Say plainly that it was your call.] On my last project I tried to polish every screen"
    " myself instead of delegating. [What happened because of that?] [What did you learn, in"
    " one sentence?] Now I try to delegate more. [How do you know the change stuck? Give one"
    " example since then.]"
)


def typed_report() -> Report:
    """A typed humble-brag: no timings, so delivery can only show hedges and apologies."""
    words = tuple(Word(token, origin="text") for token in _TYPED.split())

    def untimed(found: tuple[Marker, ...]) -> tuple[Marker, ...]:
        return tuple(Marker(m.text, None, None, m.word_index) for m in found)

    n = len(words)
    ends = [i + 1 for i, w in enumerate(words) if w.word.endswith(".")]  # sentence ends

    def part(name: str, start: int, end: int) -> PartSpan:
        text = " ".join(w.word for w in words[start:end])
        return PartSpan(name, text, None, None, None, round((end - start) / n, 3))

    return Report(
        question=FAILURE,
        transcript=Transcript(words, "text"),
        delivery=Delivery(
            duration_s=None,
            speaking_s=None,
            words_per_minute=None,
            articulation_wpm=None,
            fillers=(),
            fillers_per_minute=None,
            long_pauses=(),
            hedges=untimed(_find(words, {"i guess", "maybe"})),
            apologies=untimed(_find(words, {"sorry"})),
            restarts=(),
            pace=(),
            time_limit_s=FAILURE.time_limit_s,
            over_time_s=None,
            pitch_steadiness=None,
            loudness_steadiness=None,
        ),
        assessment=Assessment(
            parts=(
                part("failure", 0, ends[1]),
                part("context", ends[1], ends[2]),
                part("change", ends[2], n),
            ),
            criteria=(
                CriterionResult(
                    "real_failure",
                    "A real failure, kept contained",
                    0.15,
                    10,
                    ("I care too much about quality",),
                    "Choose a mistake that cost something; a strength in disguise is not one.",
                ),
                CriterionResult(
                    "ownership",
                    "Ownership, stated plainly and early",
                    0.2,
                    20,
                    (),
                    "Say “it was my call” in the first few sentences.",
                ),
                CriterionResult(
                    "concrete_lesson",
                    "A concrete lesson",
                    0.2,
                    0,
                    (),
                    "State what you learned as something you now do differently.",
                ),
                CriterionResult(
                    "change_with_proof",
                    "A change, with proof it stuck",
                    0.15,
                    30,
                    ("now I try to",),
                    "“I try to” is a plan; give one time the change paid off.",
                ),
            ),
            traps=(
                TrapHit(
                    "non_failure",
                    ("I care too much about quality", "we still shipped on time"),
                    "That sounds like it went well. Tell me about one that really went wrong.",
                ),
                TrapHit("cliche", ("care too much",), "What would your manager say you get wrong?"),
            ),
        ),
        score=Score(overall=24, content=19, delivery=None),
        model_answer=ModelAnswer(exemplar=EXEMPLAR, personalized=_PERSONAL_TYPED),
        follow_up="That sounds like it went well. Tell me about one that really went wrong.",
    )


SAMPLES = {"audio": timed_report, "text": typed_report}


def main(argv: list[str]) -> None:
    """`python -m mockmic.report.samples [text|json|html] [audio|text]` prints a sample report."""
    from mockmic.report import render

    fmt = argv[0] if argv else "html"
    kind = argv[1] if len(argv) > 1 else "audio"
    sys.stdout.write(render(SAMPLES[kind](), fmt))


if __name__ == "__main__":
    main(sys.argv[1:])
