"""Badmouthing: contempt for someone else in the many ways people say it, and the fair, plain
accounts of a hard person (or a bad piece of work) that must not be taken for it."""

from __future__ import annotations

import pytest

import mockmic
from mockmic import questions
from mockmic.rubric import detectors
from mockmic.rubric.answer import build
from mockmic.transcribe.text import from_text


def _strength(question: str, text: str) -> float:
    q = questions.get(question)
    trap = q.trap("badmouthing")
    assert trap is not None
    answer = build(from_text(text), q)
    params = detectors.parse_params(trap.detector, trap.params)
    return detectors.run(trap.detector, answer, params).score


def _fires(question: str, text: str) -> bool:
    trap = questions.get(question).trap("badmouthing")
    assert trap is not None
    return _strength(question, text) >= trap.threshold


CONTEMPT = [
    # a person put in a type, twice over
    (
        "conflict",
        "The account lead was one of those managers who think a deadline is a suggestion, and "
        "honestly you can't get anywhere with people like him. I set up my own tracker.",
    ),
    # a put-down of competence beside a harsh word
    (
        "why_leaving",
        "The new directors know nothing about logistics and the whole place is completely "
        "disorganised now, so I want to move on.",
    ),
    # motives run down: they only care about themselves, and she simply disliked me
    (
        "hard_feedback",
        "My supervisor said my reports were late. She just didn't like me, and everyone in the "
        "office knew what she was like, so I ignored it.",
    ),
    # an insult that names a type of person, with no listed adjective
    (
        "persuading",
        "The head of sales is a real dinosaur, he won't touch anything new, so I went straight "
        "to his boss.",
    ),
    # irony bracketing a verdict
    (
        "why_company",
        "My current manager has, let's say, limited interest in the product, and some of the "
        "team are just passengers. Your company takes quality seriously.",
    ),
    # a verdict on the team the candidate inherited, though an "I" stands before it
    (
        "leadership",
        "The team I took over was frankly useless, they had been coasting for years, so I put "
        "everyone on targets and sales went up ten percent.",
    ),
    # a mild verdict said as a considered opinion
    (
        "difficult_stakeholder",
        "Honestly, the client's buyer was a nightmare and her boss was completely unreasonable. "
        "I kept everything in writing and we delivered.",
    ),
]

FAIR = [
    # a difficult person described plainly and fairly
    (
        "conflict",
        "The director pushed back hard in the meeting and said the budget was not there. I "
        "asked what evidence would change her mind, brought usage figures a week later, and she "
        "approved a smaller pilot that went live in May.",
    ),
    # a typecast that praises
    (
        "teamwork",
        "My colleague Priya was the kind of engineer who would stay late to help anyone, and "
        "when our release slipped she and I split the test plan and shipped on the Friday.",
    ),
    # a harsh word about a piece of work, not a person
    (
        "failure",
        "I sent a forty-question survey to our customers and it was useless, two percent "
        "replied. I cut it to one question in the app and got thirty percent; I have kept "
        "surveys short since.",
    ),
    # the legal sense of "entitled"
    (
        "angry_customer",
        "The customer was upset and she was entitled to a refund under our policy, so I "
        "processed it on the call and she stayed with us.",
    ),
    # a share of a group, a museum's gallery: no one run down
    (
        "failure",
        "I had not briefed the counters, so half of them counted boxed shoes differently and "
        "we redid two aisles. On the school trip we found him in the dinosaur gallery. Now I "
        "brief everyone with a one-page sheet.",
    ),
    # a client's gap in knowledge, stated plainly as the starting point
    (
        "explain_technical",
        "The client did not understand what an API was, so I compared it to a waiter taking "
        "orders to a kitchen, and she approved the integration that week.",
    ),
    # self-criticism with "honestly" and a harsh word
    (
        "mistake",
        "Honestly I was completely disorganised that week and sent the wrong file to the "
        "printer. I called them within the hour and now I check every file against a list.",
    ),
]


@pytest.mark.parametrize(("question", "text"), CONTEMPT)
def test_contempt_in_other_words_is_badmouthing(question: str, text: str) -> None:
    assert _fires(question, text)


@pytest.mark.parametrize(("question", "text"), FAIR)
def test_a_fair_or_self_directed_account_is_not_badmouthing(question: str, text: str) -> None:
    assert not _fires(question, text)


def test_a_typecast_alone_is_not_enough() -> None:
    # "the type who" can praise as well as sneer: one typecast with no other sign stays under
    text = "My manager was the type who reads every line of a proposal, so I sent mine early."
    assert 0.0 < _strength("persuading", text) < 0.5


def test_the_whole_judge_reports_typecast_contempt() -> None:
    text = (
        "A guest at the hotel was one of those customers who think shouting gets results, and "
        "some people are just entitled. I stayed calm and offered a late checkout."
    )
    traps = {t.id for t in mockmic.score(text, question="angry_customer").assessment.traps}
    assert "badmouthing" in traps


def test_candour_sharpens_a_verdict_on_a_person_not_on_a_situation() -> None:
    # "honestly" before a verdict on the work or the week is frustration, not contempt
    situation = (
        "Honestly, the launch week was a nightmare for the team and the deadline was "
        "unreasonable, so I cut the scope to the two features customers asked for most."
    )
    person = "Honestly, the client's buyer was a nightmare, so I put everything in writing."
    assert not _fires("difficult_stakeholder", situation)
    assert _fires("difficult_stakeholder", person)


def test_an_i_in_the_sentence_before_does_not_make_a_verdict_self_directed() -> None:
    # the "I" that ends the first sentence is not the target of the second one's verdict
    verdict = "The management is awful, nobody gets trained and they keep loading more on us."
    text = f"I want to move on from where I am now. {verdict}"
    assert _strength("why_company", text) == pytest.approx(_strength("why_company", verdict))
    assert _strength("why_company", text) > 0


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # irony that brackets its verdict, and nothing else
        (
            "why_leaving",
            "I have enjoyed the work, but the owners are, let's say, not great listeners, and "
            "I want a place where ideas travel upwards.",
        ),
        # an incompetence made a hyperbole
        (
            "teamwork",
            "The project went fine in the end. Our planning lead could not keep a calendar to "
            "save his life, so I kept the dates myself.",
        ),
        # the ability word a few words after the "nobody" that denies it
        (
            "why_leaving",
            "Nobody on the board there could run a meeting to save their lives, so every "
            "project I proposed stalled for months.",
        ),
        (
            "why_company",
            "At my current school the governors would not know a good lesson if it was taught "
            "in front of them, and I want to work somewhere that does.",
        ),
    ],
)
def test_bracketing_irony_and_mocking_hyperbole_are_badmouthing(question: str, text: str) -> None:
    assert _fires(question, text)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # a "let's say" trailing after a mild verdict is only half a sign
        (
            "failure",
            "My business partner was not thrilled, let's say. So I rebuilt the forecast with "
            "her and we agreed a monthly review.",
        ),
        # the speaker's doubt, not a jibe
        (
            "weakness",
            "I do not know if it was the right call, but my manager and I agreed to split the "
            "report in two.",
        ),
        # praise with a negation in it
        (
            "leadership",
            "My first supervisor never once raised her voice in her life at work, and I try to "
            "run my team the same way.",
        ),
    ],
)
def test_trailing_irony_doubt_and_praise_are_not_badmouthing(question: str, text: str) -> None:
    assert not _fires(question, text)
