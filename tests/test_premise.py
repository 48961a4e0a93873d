"""A sidestep keeps the question's words but denies or inverts its premise: the off_topic trap
reads the answer against the question's `premise`. Each answer here is written for this test."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mockmic import questions
from mockmic.rubric import engine
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.premise import premise_strength
from mockmic.rubric.schema import Premise
from mockmic.transcribe.text import from_text


def _off_topic(question: str, text: str) -> tuple[str, ...] | None:
    """The off_topic trap's quotes when the rules alone fire it, else None."""
    answer = build(from_text(text), questions.get(question))
    _, hits = engine.rules(answer)
    return hits["off_topic"].evidence if "off_topic" in hits else None


def test_a_won_deal_told_for_a_lost_one_is_off_topic() -> None:
    text = (
        "The deal I remember best was a fleet of forty delivery vans for a bakery chain. Their "
        "buyer had used the same supplier for a decade, so I spent six weeks learning their "
        "routes and priced a lease around their early morning rounds. We signed a four year "
        "contract in March, and it became the largest account in my territory that year."
    )
    found = _off_topic("lost_deal", text)
    assert found is not None
    assert any("signed" in q for q in found)


def test_a_lost_deal_with_later_wins_as_proof_is_on_topic() -> None:
    # the wins come after the loss, as proof that the lesson took: not the story itself
    text = (
        "I lost a printing contract with a county council last spring. I had only spoken to "
        "the office manager and never asked who scored the tender, so our bid missed two of "
        "their criteria. I asked the buyer for a debrief, and now I read the scoring sheet "
        "with the buyer before I price anything. Since then I won the next two tenders I bid "
        "for, and we signed a three year deal with the same council."
    )
    assert _off_topic("lost_deal", text) is None


def test_denying_the_conflict_is_off_topic() -> None:
    text = (
        "To be honest I have never really had a conflict at work, I get on with everyone. The "
        "nearest thing was sharing a desk rota with another nurse on my ward, and we agreed the "
        "shifts over a coffee in ten minutes. Everyone was happy with the rota for the whole "
        "winter and the ward manager used it as a template for the other wards."
    )
    assert _off_topic("conflict", text) is not None


def test_a_conflict_after_years_of_getting_on_is_on_topic() -> None:
    # the denial opens the story, and the conflict is then told
    text = (
        "I had always got on well with our stock controller, until we clashed over the "
        "Christmas orders. I wanted to order early and she refused because of the cash limit, "
        "and we argued in front of the team. I asked her for a coffee, listened to the cash "
        "problem, and we agreed to split the order into two deliveries. Both arrived in time "
        "and we sold through ninety percent of it."
    )
    assert _off_topic("conflict", text) is None


def test_a_mistake_disowned_is_off_topic() -> None:
    text = (
        "It was not actually my mistake, but I dealt with it. A colleague in payroll had keyed "
        "an overtime rate twice, and I spotted the total looked high when I ran my own checks on "
        "the Thursday. I stopped the run, we corrected the rate together, and everyone was paid "
        "the right amount on the Friday without anyone knowing."
    )
    assert _off_topic("mistake", text) is not None


def test_teamwork_done_alone_is_off_topic_and_with_others_is_not() -> None:
    alone = (
        "The best example is rebuilding our clinic's booking spreadsheet, which I did on my own "
        "over a month because everyone else was busy. I listed every appointment type, added "
        "the room limits and tested it for a week. The front desk now books in half the time."
    )
    together = (
        "When our clinic's booking system failed, the receptionist and I worked together for a "
        "day: she phoned the patients while I rebuilt the diary on paper, and we swapped every "
        "hour so neither of us missed a call. On my own I would never have reached them all, "
        "and by the evening every patient had a time."
    )
    assert _off_topic("teamwork", alone) is not None
    assert _off_topic("teamwork", together) is None


def test_a_clash_with_a_customer_is_off_topic_for_a_colleague_conflict() -> None:
    text = (
        "The toughest conflict I had was with a client who runs a chain of dental surgeries. "
        "She insisted our cleaning crews come at six in the morning, which our contract did not "
        "cover, and she rang my director twice about it. I met her on site, walked through "
        "the schedule and offered an early slot twice a week at cost. She signed the variation."
    )
    found = _off_topic("conflict", text)
    assert found is not None
    assert any("client" in q for q in found)


def test_a_colleague_conflict_about_a_customer_is_on_topic() -> None:
    # the customer is what they argued over; the other party is the colleague
    text = (
        "I disagreed with another planner about a customer whose order kept slipping. He wanted "
        "to move it to the back of the queue, and I thought we would lose the account. We sat "
        "down with the production figures, I agreed to take two of his jobs that week, and he "
        "kept the order in place. It shipped on the Friday and the customer renewed in June."
    )
    assert _off_topic("conflict", text) is None


def test_a_disagreement_with_a_peer_is_off_topic_for_a_manager_one() -> None:
    text = (
        "My managers have mostly been easy to work with, so the example I have is when I "
        "disagreed with a colleague on the pricing team about bundling two products. He wanted "
        "one price for both, and I thought it hid the cheaper one. We tested both pages for a "
        "fortnight and his version sold slightly better, so we went with it."
    )
    assert _off_topic("disagree_manager", text) is not None


def test_disagreeing_with_a_manager_about_a_client_is_on_topic() -> None:
    text = (
        "My manager wanted to promise a client delivery in two weeks, and I disagreed with my "
        "manager about a client deadline we could not meet. I showed her the test backlog and "
        "proposed a staged release instead. She agreed, told the client that afternoon, and the "
        "first stage went live on the date we gave."
    )
    assert _off_topic("disagree_manager", text) is None


def test_helping_a_colleague_is_off_topic_for_a_customer_question() -> None:
    text = (
        "I work on the finance desk, so my example is helping a new colleague in payroll who "
        "could not run the month end because her access was never set up. After six I "
        "walked her through the ledger on my login and raised the access ticket for her. She "
        "closed the month on time and now trains the new starters herself."
    )
    assert _off_topic("customer_helped", text) is not None


def test_pay_and_the_commute_for_why_this_company_is_off_topic() -> None:
    text = (
        "To be straight with you, it is mostly practical. The salary is a good step up from my "
        "current one and the bonus scheme is generous, and the office is a short bus ride away, "
        "so my commute would drop from an hour to fifteen minutes. I am flexible about the "
        "actual projects."
    )
    assert _off_topic("why_company", text) is not None


def test_a_reason_about_the_company_with_pay_in_passing_is_on_topic() -> None:
    text = (
        "You make scheduling software for care homes, and I spent three years rostering nurses "
        "by hand, so I know what your rota screen saves a manager every week. Your last release "
        "added shift swaps, which was the thing we begged our old supplier for. The salary "
        "matters, of course, but what I want is to build the tool I used to wish for."
    )
    assert _off_topic("why_company", text) is None


def test_one_pay_reason_among_generalities_is_vague_not_off_topic() -> None:
    # could be any employer: the vague trap says that better than off_topic
    text = (
        "I have always heard good things about the culture, and the pay looked fair for the "
        "level. I think it would be a good place to keep learning and to work with talented "
        "people, and the values on the careers page matched mine."
    )
    assert _off_topic("why_company", text) is None


def test_pay_owned_up_front_then_reasons_about_the_company_is_on_topic() -> None:
    # the company spoken to three times outweighs the two pay words in the opening
    text = (
        "The salary is part of it, and the bonus too, I admit. But mostly you build the booking "
        "tool I used every day at the surgery, your support team answered my tickets within the "
        "hour, and your roadmap has the recall reminders we always wanted to offer patients."
    )
    assert _off_topic("why_company", text) is None


PREMISED = [q.id for q in questions.all_questions() if q.premise]


@pytest.mark.parametrize("qid", PREMISED)
def test_the_bank_prompt_and_model_answer_do_not_sidestep_their_own_premise(qid: str) -> None:
    q = questions.get(qid)
    assert q.premise is not None
    for text in (q.prompt, *q.variants, q.model_answer):
        score, _ = premise_strength(build(from_text(text), q), q.premise)
        assert score == 0.0, f"{q.id}: {text[:60]}"


def test_a_premise_needs_its_events_and_no_unknown_keys() -> None:
    with pytest.raises(ValidationError):
        Premise.model_validate({"events": []})
    with pytest.raises(ValidationError):
        Premise.model_validate({"events": ["lost"], "denial": ["no"]})


def test_a_customer_brought_on_before_any_clash_is_off_topic_for_a_colleague_conflict() -> None:
    text = (
        "One that stands out is from the garden centre. A customer came to the till with a "
        "dead olive tree and wanted a full refund after eight months. I listened, explained "
        "the guarantee was for ninety days, and offered a replacement at half price, which he "
        "took, and he has been back several times since."
    )
    found = _off_topic("conflict", text)
    assert found is not None
    assert any("customer" in q for q in found)


def test_a_clash_told_before_a_customer_comes_in_is_on_topic() -> None:
    # the clash with the colleague comes first; the customer only walks into it
    text = (
        "I clashed with another supervisor over the returns desk rota, because she kept putting "
        "new starters on it alone. Then a customer came in shouting on a Saturday and a trainee "
        "was left in tears. I asked her for ten minutes after close, showed her the complaint "
        "log, and we agreed nobody covers returns in their first month. Complaints fell by half."
    )
    assert _off_topic("conflict", text) is None


def test_a_career_history_for_why_this_company_is_off_topic() -> None:
    # never speaks to the company at all: no "you", no "your", no "this role"
    text = (
        "I started on the shop floor at a builders merchant, moved into the trade counter after "
        "a year and then ran the timber yard for three. After that I spent four years as an "
        "area sales rep covering the whole county, and I grew my patch by a third. I like "
        "hitting a target and I like a busy day."
    )
    assert _off_topic("why_company", text) is not None


def test_a_strength_dressed_as_a_weakness_is_off_topic() -> None:
    # "weakness" is only the subject named; nothing in it is weak, and it is framed as a talent
    text = (
        "My weakness is that I'm thorough to a fault. On my last stock take I recounted the "
        "whole cold store after everyone else had gone home, found two pallets booked to the "
        "wrong site and saved the branch a write-off of six thousand pounds. My manager said "
        "nobody else would have caught it."
    )
    assert _off_topic("weakness", text) is not None


def test_pressure_denied_then_named_as_a_skill_is_off_topic() -> None:
    # "how I deal with pressure" restates the question; it does not tell pressure happening
    text = (
        "The one I'd pick is our stock system upgrade. I booked the supplier five months ahead, "
        "tested every till the week before and briefed each store manager in person, so there "
        "was never any real pressure at all, and every store traded as normal on the Monday. "
        "That's how I deal with pressure: I plan it out of existence."
    )
    assert _off_topic("pressure", text) is not None


def test_pressure_told_happening_beside_a_skill_claim_is_on_topic() -> None:
    text = (
        "I handle pressure by breaking it down. In March our auditor moved the deadline forward "
        "a week and I had three entities left to close. I split the reconciliations with a "
        "colleague, worked two late nights, and we filed on the Thursday with no adjustments."
    )
    assert _off_topic("pressure", text) is None
