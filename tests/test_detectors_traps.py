"""Trap detectors judge the idea of a trap, not a list of one set of answers' phrasings: each
answer here is written for this test, in words the phrase lists do not hold, and each trap
that fires must quote the words behind it."""

from __future__ import annotations

import pytest

from mockmic import questions
from mockmic.rubric import engine
from mockmic.rubric.answer import build
from mockmic.transcribe.text import from_text


def _rule_traps(text: str, question: str = "failure") -> dict[str, tuple[str, ...]]:
    """The traps the rules alone fire, with their quotes (the semantic judge left out)."""
    answer = build(from_text(text), questions.get(question))
    _, hits = engine.rules(answer)
    return {k: h.evidence for k, h in hits.items()}


GRAVE = {
    # a person in the candidate's care harmed
    "harm": "I work nights on a care home floor. I mixed up two residents' evening tablets and "
    "one resident was unwell for a day and needed a doctor's visit; she had to go to hospital "
    "for checks. I reported it straight away and I now read both names aloud before any round.",
    # a record made false
    "falsified": "I was a site inspector and I was behind on my visits, so I backdated three "
    "inspection reports for scaffolds I had not yet seen. Nobody found out for a month. Since "
    "then I keep my visit list honest and tell my lead when I fall behind.",
    # the work itself done wrong for months
    "long_run": "As a payroll clerk I set up a new overtime code, and for six months the night "
    "shift was paid at the wrong rate before a union rep noticed. I fixed the code, we paid the "
    "arrears, and now I test every new code against three real payslips.",
}


@pytest.mark.parametrize("kind", sorted(GRAVE))
def test_a_grave_failure_in_any_trade_is_catastrophic(kind: str) -> None:
    found = _rule_traps(GRAVE[kind])
    assert "catastrophic" in found, f"{kind}: {sorted(found)}"
    assert found["catastrophic"], "the trap quotes the words behind it"


def test_a_contained_failure_with_a_few_unhappy_people_is_not_catastrophic() -> None:
    text = (
        "I ran the sign-up page for a summer reading scheme and forgot to test it on phones. "
        "For the first morning two parents could not register and complained to the library. "
        "I fixed the layout by lunch, called both of them back, and since then I check every "
        "page on a phone before it goes live; the autumn scheme opened without a single issue."
    )
    assert "catastrophic" not in _rule_traps(text)


def test_a_harm_that_was_avoided_is_not_catastrophic() -> None:
    text = (
        "I booked the coach for a school trip without checking the driver's hours, and on the "
        "morning the company said he could not legally drive the return leg. Nobody was hurt and "
        "the children got home two hours late on a replacement coach. I apologised to the "
        "parents, and now I confirm driver hours in writing when I book; the six trips since "
        "have all left and come back on time."
    )
    assert "catastrophic" not in _rule_traps(text)


HINTED = (
    "Last spring two of our delivery drivers kept swapping routes without telling dispatch, and "
    "parcels went to the wrong depot. I sat down with both of them, walked through the route "
    "sheet, and we agreed that any swap goes through me on the morning call. I also moved the "
    "sheet onto the shared tablet so they could see each other's stops. It went well in the end."
)


def test_an_ending_only_hinted_at_is_no_result() -> None:
    assert "no_result" in _rule_traps(HINTED, "conflict")


def test_the_same_ending_with_a_figure_is_a_result() -> None:
    told = HINTED.replace(
        "It went well in the end.",
        "Over the next six weeks not one parcel went to the wrong depot, down from about "
        "twelve a week.",
    )
    assert "no_result" not in _rule_traps(told, "conflict")


def test_stock_self_descriptions_are_cliches_on_any_question() -> None:
    """The failure question lists no stock phrases of its own; the built-in list knows them."""
    text = (
        "My failure was a product demo that crashed in front of a client. As a quick learner and "
        "a real people person I went above and beyond to fix it, because I always bring a strong "
        "work ethic, and I learned that you have to stay calm and keep going."
    )
    found = _rule_traps(text, "failure")
    assert found.get("cliche"), sorted(found)


def test_others_named_next_to_plain_ownership_are_context_not_blame() -> None:
    text = (
        "I ran the office move for our accounting team. The movers were late, the landlord "
        "changed the access times at the last minute, and the vendor did not send the crates on "
        "time either, but the failure was mine: I had booked the move for the week of the tax "
        "deadline without asking the partners. Two days of client work slipped. Since then I "
        "clear any date that touches a deadline with the partners first, and the two moves I "
        "have run since landed in quiet weeks."
    )
    assert "blame" not in _rule_traps(text)


LESSON_ON_OTHERS = {
    # a duty put on an institution
    "duty": "I ran the stock count at a garden centre and we were four thousand pounds out at "
    "year end, so the accounts were signed late. The main thing I took from it is that the "
    "business needs to give stock control a proper budget.",
    # a shortfall of a tool
    "tool": "I looked after the shared drives at a small architects' office and a corrupted "
    "folder cost us three days of drawings. What I learned is that our software was never up to "
    "a practice of that size.",
}


@pytest.mark.parametrize("kind", sorted(LESSON_ON_OTHERS))
def test_a_lesson_only_about_others_is_blame(kind: str) -> None:
    found = _rule_traps(LESSON_ON_OTHERS[kind])
    assert found.get("blame"), sorted(found)
    assert any("took from it" in q or "learned" in q for q in found["blame"])


def test_a_lesson_about_others_habits_or_ones_own_practice_is_not_blame() -> None:
    for text in (
        "I ran the stock count at a garden centre and we were four thousand pounds out at year "
        "end, because I had counted the seed racks twice. The lesson for me was that suppliers "
        "read a quiet order book as a sign to chase, so I now warn them in advance.",
        "I ran the stock count at a garden centre and we were four thousand pounds out at year "
        "end, because I had counted the seed racks twice. What I learned is that I need to "
        "split the floor into zones and tick each one off.",
    ):
        assert "blame" not in _rule_traps(text)


def test_an_own_omission_told_as_an_addition_after_others_is_blame() -> None:
    text = (
        "I planned the menu changeover at a café and we ran out of oat milk on the first "
        "Saturday. The wholesaler shorted our order, but I also never checked the delivery "
        "note when it came in. Since then I check every delivery against the order sheet and "
        "we have not run out in the four months since."
    )
    found = _rule_traps(text)
    assert found.get("blame"), sorted(found)
    assert any("also never checked" in q for q in found["blame"])


def test_a_second_own_omission_told_with_also_is_not_blame() -> None:
    text = (
        "I planned the menu changeover at a café and we ran out of oat milk on the first "
        "Saturday. I had ordered for a normal week, not a launch week, and I also never checked "
        "the delivery note when it came in. Since then I check every delivery against the "
        "order sheet and we have not run out in the four months since."
    )
    assert "blame" not in _rule_traps(text)
