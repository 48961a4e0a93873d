"""The off_topic trap is for an answer to another question, not for an answer worded unlike the
question's topic list. Each answer here is written for this test."""

from __future__ import annotations

import pytest

from mockmic import questions
from mockmic.rubric import detectors, engine
from mockmic.rubric.answer import build
from mockmic.transcribe.text import from_text


def _rule_traps(question: str, text: str) -> dict[str, tuple[str, ...]]:
    """The traps the rules alone fire, with their quotes (the semantic judge left out)."""
    answer = build(from_text(text), questions.get(question))
    _, hits = engine.rules(answer)
    return {k: h.evidence for k, h in hits.items()}


def test_a_failure_told_in_figures_without_the_word_is_on_topic() -> None:
    # no "failed", "mistake" or "lesson", and a few everyday words ("weeks", "plan", "time") that
    # another question lists: that alone does not make it an answer to another question
    text = (
        "I planned a blood donation week at our office park and booked the mobile unit for three "
        "days. Only nineteen people came against the sixty slots. I had put posters in the lifts "
        "and assumed that was enough. The next time I asked every team manager to book a slot "
        "for their team at their weekly meeting, and we filled all sixty in two days."
    )
    assert "off_topic" not in _rule_traps("failure", text)


def test_a_rivals_words_without_its_subject_stay_under_the_threshold() -> None:
    # a strength told through a software tester's day touches the incident question's words
    # ("crash", "users", "release", "outage") without naming any other question's subject
    text = (
        "Tracking down faults nobody else can reproduce. As a mobile tester for a travel app, I "
        "had a crash that only a few hundred users saw after each release. I read every crash "
        "log for a week and found they all came from phones switched to a right-to-left "
        "language. The developers patched the layout, the outage reports stopped, and I added "
        "that setting to every rollout checklist."
    )
    answer = build(from_text(text), questions.get("strengths"))
    _, hits = engine.rules(answer)
    assert "off_topic" not in hits
    assert -0.1 < answer.margins["off_topic"] < 0  # a near miss, for the semantic judge


def test_naming_another_questions_subject_in_the_opening_is_off_topic() -> None:
    # it borrows the failure question's words ("wrong", "learned", "lesson") but says in its
    # first sentence that it is answering a different question
    text = (
        "Honestly, the thing I am proudest of is turning round our night shift at the warehouse. "
        "When I took over, one order in forty went out wrong. I retrained the pickers, put "
        "a scanner check at the packing bench and learned a lot about coaching. Within three "
        "months it was one in four hundred, and the lesson I took is that people want to do well."
    )
    found = _rule_traps("failure", text)
    assert "off_topic" in found
    assert any("proudest" in q for q in found["off_topic"])


def test_steering_away_from_the_question_is_off_topic() -> None:
    text = (
        "I would rather tell you about a time I caught an error before it went out, because that "
        "says more about me. A supplier invoice had the wrong bank details on it and I noticed "
        "the account name did not match our records. I phoned the supplier on the number we "
        "already held, confirmed it was a fraud attempt, and we changed our checks."
    )
    assert "off_topic" in _rule_traps("mistake", text)


def test_naming_the_questions_own_subject_is_on_topic() -> None:
    # the won-deal question asks for the deal the candidate is most proud of: saying so is not
    # the proudest-achievement question, and neither is the team effort one is proudest of
    text = (
        "The deal I am most proud of closing was a three-year cleaning contract with a chain of "
        "nine dental surgeries. Their practice manager had used the same firm for a decade. I "
        "visited two surgeries at seven in the morning to watch the changeover, wrote a proposal "
        "around their sterilisation rooms, and they signed for eighty thousand a year."
    )
    assert "off_topic" not in _rule_traps("won_deal", text)
    team = (
        "The team project I am proudest of was moving our clinic's paper referrals online. The "
        "four of us split the forms between us, I wrote the triage rules, and a colleague tested "
        "them on a month of old letters. We went live in March and referrals now take two days "
        "instead of nine."
    )
    assert "off_topic" not in _rule_traps("teamwork", team)


@pytest.mark.parametrize("qid", sorted(q.id for q in questions.all_questions()))
def test_the_question_asked_back_then_answered_is_on_topic(qid: str) -> None:
    # a candidate who repeats the question before the bank's own model answer is on topic
    q = questions.get(qid)
    trap = q.trap("off_topic")
    assert trap is not None
    params = detectors.parse_params("off_topic", trap.params)
    for asked in (q.prompt, *q.variants):
        answer = build(from_text(f"{asked} {q.model_answer}"), q)
        assert detectors.run("off_topic", answer, params).score < trap.threshold, asked


def test_announcing_another_story_instead_is_off_topic() -> None:
    text = (
        "I can't really think of a clash with anyone I've worked with, so I'll talk about a "
        "supplier instead. Our print supplier delivered the spring catalogues a week late and "
        "with the wrong cover. I rang their account manager, got a reprint booked for the "
        "Monday and had the first boxes couriered to our two biggest stores."
    )
    assert "off_topic" in _rule_traps("conflict", text)


def test_a_choice_made_instead_of_another_is_not_a_change_of_subject() -> None:
    # "instead of" tells what was done in the story; the story is the question's own
    text = (
        "My colleague Dev and I argued about the launch email. He wanted to talk about the "
        "discount instead of the new range, and I thought that cheapened it. We agreed to send "
        "both versions to a tenth of the list each, the range version won on clicks, and Dev "
        "wrote the final one himself."
    )
    assert "off_topic" not in _rule_traps("conflict", text)


def test_a_story_said_not_to_be_from_work_is_off_topic() -> None:
    text = (
        "It was not at work but it was the most pressure I've felt: my sister's wedding, when "
        "the caterer cancelled four days before. I rang eleven caterers, found one who could "
        "do a buffet for ninety, and re-did the seating plan around the new tables. On the day "
        "everyone was fed on time."
    )
    assert "off_topic" in _rule_traps("pressure", text)


def test_a_disagreement_told_for_a_mistake_is_off_topic() -> None:
    # the clash is the story's subject, named in the opening: the conflict question's answer
    text = (
        "The one that comes to mind is when I disagreed with our warehouse lead about the "
        "weekend rota. He wanted the same four pickers on every Saturday and I thought it should "
        "rotate. I drew up a twelve-week plan, we talked it through over lunch, and he agreed "
        "to try it for a quarter, which is still running."
    )
    assert "off_topic" in _rule_traps("mistake", text)
    # the same clash asked for is the question's own subject, in the conflict and team questions
    assert "off_topic" not in _rule_traps("conflict", text)
    assert "off_topic" not in _rule_traps("group_project", text)


def test_the_appraisal_word_for_a_weakness_told_for_a_failure_is_off_topic() -> None:
    text = (
        "My main area for development is delegating. I like to keep hold of the detail, so in "
        "my first year as a supervisor I did too much of the checking myself. This year I have "
        "handed the weekly stock count to two of my team and I only review the exceptions, "
        "which frees up an afternoon."
    )
    assert "off_topic" in _rule_traps("failure", text)


def test_id_rather_before_anything_else_is_off_topic() -> None:
    text = (
        "That's a hard one to pick. I'd rather tell you what I do well, because it's more useful. "
        "I have run the bakery counter for six years, I train every Saturday starter, and our "
        "waste is the lowest of the nine branches. Customers ask for me by name."
    )
    assert "off_topic" in _rule_traps("weakness", text)


def test_what_attracts_me_is_the_company_question() -> None:
    text = (
        "I cope fine with pressure, it comes with the job. What really attracts me to this role "
        "is that your practice does so much public sector work, which is where I want to build "
        "my career, and your graduates get a year in the audit team before they specialise."
    )
    assert "off_topic" in _rule_traps("pressure", text)
    assert "off_topic" not in _rule_traps("why_company", text)
