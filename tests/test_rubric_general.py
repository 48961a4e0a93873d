"""Scores mean the same across questions: answers written for these tests, in wordings the
question files' phrase lists were never tuned on (fillers, no punctuation, short, plain), must
land where an interviewer would put them, whatever the question. Guards the generic evidence
(one occasion, what the candidate did, an outcome) against being crushed by a missed phrase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import mockmic
from mockmic import questions
from mockmic.rubric import engine
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.common import negated, unrealised
from mockmic.rubric.detectors.traps import catastrophe_strength
from mockmic.transcribe.text import from_text

STRONG_FLOOR = 55  # a strong answer to any question
WEAK_CEILING = 46  # a weak one

DATA = Path(__file__).resolve().parent / "data" / "answers" / "general" / "cross_question.yaml"
ROWS: list[dict[str, Any]] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
STRONG = [(r["question"], " ".join(r["text"].split())) for r in ROWS if r["grade"] >= 4]
WEAK = [(r["question"], " ".join(r["text"].split())) for r in ROWS if r["grade"] <= 2]


def _overall(question: str, text: str) -> int:
    overall: int = mockmic.score(text, question=question).score.overall
    return overall


@pytest.mark.parametrize(
    ("question", "text"), STRONG, ids=[f"{q}-{i}" for i, (q, _) in enumerate(STRONG)]
)
def test_a_strong_answer_in_any_words_is_not_crushed(question: str, text: str) -> None:
    got = _overall(question, text)
    assert got >= STRONG_FLOOR, f"{question}: strong answer scored {got}: {text[:60]}"


@pytest.mark.parametrize(
    ("question", "text"), WEAK, ids=[f"{q}-{i}" for i, (q, _) in enumerate(WEAK)]
)
def test_a_weak_answer_stays_low(question: str, text: str) -> None:
    got = _overall(question, text)
    assert got <= WEAK_CEILING, f"{question}: weak answer scored {got}: {text[:60]}"


def test_strong_answers_outrank_weak_ones_across_questions() -> None:
    strong = [_overall(q, t) for q, t in STRONG]
    weak = [_overall(q, t) for q, t in WEAK]
    assert min(strong) > max(weak)


def _traps(question: str, text: str) -> set[str]:
    return {t.id for t in mockmic.score(text, question=question).assessment.traps}


def test_negation_stays_inside_its_clause() -> None:
    text = "It was not easy. I blamed the supplier for the delay."
    answer = build(from_text(text), questions.get("failure"))
    blamed = answer.find(("blamed",))[0]
    assert not negated(answer, blamed)
    text = "I did not blame the supplier for the delay."
    answer = build(from_text(text), questions.get("failure"))
    assert negated(answer, answer.find(("blame",))[0])


def test_an_outcome_still_wished_for_is_not_an_outcome() -> None:
    def outcome(text: str) -> int:
        criteria = mockmic.score(text, question="weakness").assessment.criteria
        return next(c.score for c in criteria if c.id == "outcome")

    story = "I find it hard to switch off and I answer messages late at night. "
    wished = outcome(story + "My friends tell me my work-life balance needs improving.")
    told = outcome(story + "Since I stopped that in March my sleep has improved a lot.")
    assert wished < told
    answer = build(from_text("It needs improving. It improved."), questions.get("weakness"))
    first, second = answer.find(("improving", "improved"))[:2]
    assert unrealised(answer, first) and not unrealised(answer, second)


def test_contempt_in_the_present_tense_is_badmouthing() -> None:
    text = (
        "Honestly my manager is terrible and nobody there knows what they are doing. The place "
        "is a mess and they do not pay enough, so I just want out as fast as I can."
    )
    assert "badmouthing" in _traps("why_leaving", text)


def test_a_harm_the_candidate_caused_is_not_badmouthing() -> None:
    text = (
        "I can be too blunt in code reviews. A junior developer told my manager my comments made "
        "her feel stupid, which was fair. I started writing what is good first and asking "
        "questions instead of giving orders. I asked her again two months later and she said the "
        "reviews felt useful now."
    )
    assert "badmouthing" not in _traps("weakness", text)


def test_an_unpunctuated_tight_story_is_not_rambling() -> None:
    q, text = next((q, t) for q, t in STRONG if q == "strengths" and "." not in t)
    assert q == "strengths" and "." not in text
    assert "rambling" not in _traps(q, text)


def test_a_near_miss_is_not_a_catastrophe() -> None:
    near = (
        "As the planner I built our stock forecast on one supplier's quote. When the price moved "
        "we came within a week of breaching our credit limit. I rebuilt the plan with three cases "
        "and since then every quarter has landed inside the range."
    )
    happened = near.replace("came within a week of breaching", "breached")
    assert "catastrophic" not in _traps("failure", near)
    # one sign alone ("breached") makes the rule fire as a borderline flag, which the sentence
    # judge may overrule; the near miss does not fire the rule at all
    q = questions.get("failure")
    threshold = q.trap("catastrophic").threshold
    assert _catastrophe(near) < threshold <= _catastrophe(happened)


def _catastrophe(text: str) -> float:
    return catastrophe_strength(build(from_text(text), questions.get("failure")), ())[0]


def test_a_loose_word_said_twice_is_not_a_catastrophe() -> None:
    text = (
        "I ran the launch of a new product range and we missed the date by six weeks. I had left "
        "the legal review to the end; legal needed a month. Now I book legal in at the start of "
        "every launch plan and the last two launches were on time."
    )
    assert "catastrophic" not in _traps("failure", text)


def test_contempt_needs_someone_else_as_its_target() -> None:
    text = (
        "I sent a customer's letter to an old address. I know, it was awful, I feel like such an "
        "idiot about it. I told my manager the same hour, and since then I check every address "
        "against the latest record; there has not been a repeat in two years."
    )
    assert "badmouthing" not in _traps("failure", text)


def test_a_list_of_other_peoples_faults_is_blame_however_politely_put() -> None:
    text = (
        "Our quarterly close went out a week late when I ran the finance team. In fairness most "
        "of it came from elsewhere: the contractors delivered the new system late, two of the "
        "regional offices sent their figures after the cut-off, and my line manager was supposed "
        "to sign off the accruals and was away. We got there eventually and I learned to chase "
        "people earlier."
    )
    assert "blame" in _traps("failure", text)


def test_naming_a_late_supplier_and_owning_the_plan_is_not_blame() -> None:
    text = (
        "I ran our office move and we were closed two days longer than planned. The furniture "
        "supplier delivered late, and my plan had no room for that, which is on me. For the "
        "next move I added a buffer to every outside date and lined up a second supplier, and "
        "we reopened on the planned morning."
    )
    assert "blame" not in _traps("failure", text)


def test_proof_that_a_change_held_is_recognised_in_other_words() -> None:
    text = (
        "As a shift lead at a bakery I let the proving room overheat one night because I never "
        "checked the thermostat log, and we binned two hundred loaves. That was my miss. Now I "
        "read the log at the start of every shift and I added an alarm to the room. Every night "
        "shift since has gone through without a spoiled batch."
    )
    assert "no_proof" not in _traps("failure", text)


def test_a_figure_that_sizes_the_failure_is_not_proof() -> None:
    text = (
        "As a buyer I ordered the wrong size of boxes for our busiest month and we paid about "
        "four thousand pounds to send them back and rush a new order. It was my order. I learned "
        "that I need to check the specification sheet before I sign a purchase order."
    )
    assert "no_proof" in _traps("failure", text)


def test_a_lesson_shown_on_the_next_occasion_counts() -> None:
    text = (
        "I ran the first open day at our college and the sign-up desk was swamped: the queue "
        "went round the building for an hour because I had planned for half the visitors. When "
        "we ran the spring open day a few months later, I opened three desks and an online "
        "check-in first, and nobody queued for more than five minutes."
    )
    assert "no_lesson" not in _traps("failure", text)


def test_i_dont_know_is_not_a_change() -> None:
    text = (
        "So there was this system at my old job and it was kind of old and we replaced it and I "
        "don't know, it kind of didn't work out, there were issues and people were frustrated "
        "for a while, and eventually it got a bit better."
    )
    # the rules find no lesson; the report names the story's vagueness instead (no_lesson
    # gives way to vague, as the labellers' rulebook does)
    _, hits = engine.rules(build(from_text(text), questions.get("failure")))
    assert "no_lesson" in hits
    assert "vague" in _traps("failure", text)


def test_fillers_in_a_tight_spoken_story_are_not_rambling() -> None:
    text = (
        "um so at my first job as a lab technician i uh labelled a whole rack of samples with "
        "the wrong date because i copied yesterday's sheet, and um the study lead spotted it "
        "when the results came back odd. we had to rerun forty samples which cost us three "
        "days. it was my sheet so it was on me. since then i print a fresh sheet every morning "
        "and i uh check the date against the fridge log before i label anything, and we haven't "
        "had a mislabelled rack in the year since"
    )
    assert "rambling" not in _traps("failure", text)


def test_a_story_that_stops_at_what_was_done_has_no_result() -> None:
    stops = (
        "Last spring our biggest customer threatened to cancel after three late deliveries. I "
        "called their operations manager the same afternoon, went through every late order with "
        "our dispatch lead, and moved their orders to the early van. I also sent them a weekly "
        "delivery report."
    )
    ends = stops + " They renewed for two years in June, and not one order has been late since."
    assert "no_result" in _traps("customer_helped", stops)
    assert "no_result" not in _traps("customer_helped", ends)


def test_the_importance_of_a_thing_is_a_lesson_of_a_virtue_a_platitude() -> None:
    thing = (
        "Early on I made the mistake of not telling stakeholders where my work stood. I assumed "
        "they knew, they did not, and a release date was missed. I learned the importance of a "
        "written weekly update, and I have sent one every Friday since."
    )
    virtue = thing.replace("a written weekly update", "communication")
    assert "no_lesson" not in _traps("failure", thing)
    assert _overall("failure", virtue) < _overall("failure", thing)


def test_an_answer_to_another_question_is_off_topic_though_it_says_i_was_working() -> None:
    text = (
        "The thing I'm proudest of is learning to code on my own. I was working nights in a "
        "warehouse, and over two years I built four small apps, taught myself databases and got "
        "my first developer job without a degree. It took real discipline and I'm proud of it."
    )
    assert "off_topic" in _traps("teamwork", text)
    failure = (
        "When I was a payroll clerk I paid forty people twice by accident because I ran the batch "
        "a second time after a timeout. Now I know to check the bank file before any rerun, and "
        "I have not paid anyone twice since."
    )
    assert "off_topic" not in _traps("failure", failure)


def test_something_built_after_the_failure_is_the_change_part() -> None:
    text = (
        "As a data analyst I sent finance a report that double counted refunds, and the wrong "
        "total reached the board pack. I caught it two days later and sent a corrected sheet the "
        "same morning. Then I added an automatic check against the ledger that blocks the report "
        "when totals differ, and it has caught two problems since."
    )
    answer = build(from_text(text), questions.get("failure"))
    assert answer.part_clauses("change"), answer.labels


def test_piled_up_management_jargon_is_stock_language() -> None:
    text = (
        "What draws me is your customer obsession and data-driven culture. I feel real alignment "
        "with your values, and my strategic mindset and cross-functional experience would let me "
        "deliver value at scale from day one."
    )
    assert "cliche" in _traps("why_company", text)


def test_a_long_answer_with_few_particulars_is_vague() -> None:
    text = (
        "So there was this time at my old place where we had a system that everyone knew was "
        "old, and there was a lot of talk about replacing it, and I was involved in that in "
        "various ways, I was on some of the calls and people would ask for my views, and at "
        "some point the decision was made to go with a new provider, and it did not really work "
        "out the way people hoped, there were issues and people were frustrated for a while, "
        "and then some outside people were brought in and things got better over time, I think, "
        "although I was not there by then, so it is hard to say exactly how it all ended, but "
        "it was a learning experience for everyone involved and there was a lot to take from it."
    )
    assert "vague" in _traps("failure", text)


def test_a_delay_measured_in_time_blames_no_one() -> None:
    text = (
        "As a junior buyer I ordered the wrong grade of steel for a bridge repair and the whole "
        "delivery had to go back; that was my order. The job was delayed by about a week. Since "
        "then I check the grade against the drawing before I sign any order, and the last thirty "
        "orders have gone through without a return."
    )
    assert "blame" not in _traps("failure", text)
