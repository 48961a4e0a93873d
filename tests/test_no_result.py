"""The no_result trap: a story that stops at what was done never says how it turned out. Each
answer here is written for this test; an outcome may be told in words no phrase list holds
(what someone else did next, what they reported), and an ending that only adds one more thing
the candidate did is still no outcome, whatever verbs and figures it carries."""

from __future__ import annotations

import pytest

from mockmic import questions
from mockmic.rubric import engine
from mockmic.rubric.answer import build
from mockmic.transcribe.text import from_text


def _rule_traps(text: str, question: str) -> dict[str, tuple[str, ...]]:
    """The traps the rules alone fire, with their quotes (the semantic judge left out)."""
    answer = build(from_text(text), questions.get(question))
    _, hits = engine.rules(answer)
    return {k: h.evidence for k, h in hits.items()}


# What the candidate did, and nothing after it.
STOPS = (
    "At the garden centre a man came back furious because the hedge plants we had sold him had "
    "all browned within a fortnight. I walked the row with him, looked at the roots, and could "
    "see they had been left in the delivery crates too long before we put them out. I wrote up "
    "which batch it was, apologised, and passed the photos to our buyer."
)

# The same story, then what other people did next: the outcome, in no list's words.
OTHERS_NEXT = {
    "customer": " He took a full set of replacements that weekend, and this spring he booked our "
    "team to plant his whole front border.",
    "passive": " The supplier was dropped before the summer order, and the next delivery was "
    "unpacked on the day it arrived.",
    "reported": " At my review my manager said the returns on hedging had stopped altogether.",
}


def test_a_story_that_stops_at_what_was_done_is_no_result() -> None:
    assert "no_result" in _rule_traps(STOPS, "angry_customer")


@pytest.mark.parametrize("kind", sorted(OTHERS_NEXT))
def test_what_others_did_next_is_an_outcome(kind: str) -> None:
    found = _rule_traps(STOPS + OTHERS_NEXT[kind], "angry_customer")
    assert "no_result" not in found, f"{kind}: {sorted(found)}"


def test_an_outcome_verb_that_opens_a_doing_does_not_make_the_rest_an_outcome() -> None:
    """ "I got the plumber to call her, and I offered her fifty pounds off": "got" tells an
    outcome elsewhere ("we got the contract"); here it opens a doing, and the figure after the
    second "I" sizes what was offered, not how it turned out."""
    text = (
        "I was on the front desk of a holiday let agency when a guest phoned in a rage because "
        "the heating in her cottage had failed on the first night of a cold week. I apologised "
        "and talked her through the boiler reset, which did not work. I got the plumber to call "
        "her, and I offered her fifty pounds off the stay."
    )
    assert "no_result" in _rule_traps(text, "angry_customer")


def test_work_under_way_is_not_work_finished() -> None:
    """ "we were still fixing the last bugs and shipping a patch", "the launch": the work going
    on, not how it ended, though "fixed", "shipped" and "launched" are outcome words."""
    text = (
        "I disagreed with my team lead about freezing all changes before the launch. I put the "
        "two options on one page with the risks of each and asked for a meeting with her. I "
        "walked her through the numbers I had collected. At the time we were still fixing the "
        "last bugs and shipping a patch most nights, with the launch only days away."
    )
    assert "no_result" in _rule_traps(text, "disagree_manager")


def test_a_figure_of_what_did_not_happen_is_not_an_outcome() -> None:
    """ "a freeze would have stranded half of it": a figure in a counterfactual."""
    text = (
        "I disagreed with my team lead about freezing all changes before the launch. I put the "
        "two options on one page with the risks of each and asked for twenty minutes with her. "
        "I walked her through the numbers I had collected, because we were moving the booking "
        "data that week and a freeze would have stranded half of it."
    )
    assert "no_result" in _rule_traps(text, "disagree_manager")


def test_figures_that_time_the_doing_are_not_an_outcome() -> None:
    """ "every twenty minutes", "it took over an hour": how often and how long the candidate
    worked, not how it turned out."""
    text = (
        "During a power cut at the care home I was the senior on shift. I checked every "
        "resident on oxygen first, phoned the supplier for backup cylinders, and updated the "
        "families' group every twenty minutes so nobody was left guessing. Getting hold of the "
        "on-call engineer took over an hour and a half."
    )
    assert "no_result" in _rule_traps(text, "pressure")


def test_a_doing_that_sets_its_figure_against_another_is_an_outcome() -> None:
    """ "We cleared the pile in six days instead of the month planned": done by the candidate's
    team, and still how it turned out."""
    text = (
        "I was the only Welsh speaker on a small claims team working through a pile of about "
        "three hundred letters from tenants after a postal strike. I translated the standard "
        "replies and wrote a short glossary so the others could answer the simple ones. We "
        "cleared the pile in six days instead of the month my manager had planned for."
    )
    assert "no_result" not in _rule_traps(text, "teamwork")


def test_what_a_doing_was_meant_to_achieve_is_not_what_came_of_it() -> None:
    """ "so nobody could grab the wrong carton again": an aim, not a repeat that did not come."""
    text = (
        "A regular at the cafe where I work came to the counter upset that her oat milk latte "
        "had been made with dairy for the second time that week, and she is allergic. I "
        "apologised, remade it in front of her with a clean jug, and went through the order "
        "screen with the new starter who had taken it. I also moved the oat milk to its own "
        "shelf in the fridge so nobody could grab the wrong carton again."
    )
    assert "no_result" in _rule_traps(text, "angry_customer")


def test_a_detail_told_in_a_which_clause_is_not_what_others_did_next() -> None:
    """ "..., which the area manager had emailed every store about": background, late."""
    text = (
        "A man came to our hardware counter angry about a refund he had been promised on a "
        "faulty drill. I listened, found the note of the call, and refunded him in full. It was "
        "a model our supplier had recalled in the spring, which the area manager had emailed "
        "every store about."
    )
    assert "no_result" in _rule_traps(text, "angry_customer")


def test_a_doing_whose_subject_is_left_unsaid_is_still_a_doing() -> None:
    """ "As soon as I saw the sheet, walked up with two cleaners": the same "I" goes on, and
    the figure sizes what was done."""
    text = (
        "At the hotel desk a guest shouted at me because his room had not been cleaned by six "
        "in the evening. I apologised to him in the lobby. As soon as I saw the housekeeping "
        "sheet, walked up to his floor with two cleaners and stayed with them on the landing."
    )
    assert "no_result" in _rule_traps(text, "angry_customer")


@pytest.mark.parametrize("word", ["thirteen", "seventeen", "seventy", "eighty", "ninety"])
def test_every_number_word_is_a_figure(word: str) -> None:
    """The shared number words hold the teens and the tens up to ninety, so "service was back in
    ninety minutes" is a figure for every detector, not only the result detector."""
    from mockmic.rubric.detectors.common import numbers

    answer = build(from_text(f"Service was back in {word} minutes."), questions.get("failure"))
    assert [answer.quote(s, 0) for s in numbers(answer)] == [word]


def test_the_whole_team_named_at_the_end_is_no_outcome() -> None:
    # "the whole team" takes nothing up unless it says what the team now does
    ending = " It was a busy week, and a good learning experience for the whole team."
    assert "no_result" in _rule_traps(STOPS + ending, "angry_customer")


# A figure inside a clause the candidate tells as "I" times or sizes what they did; one that
# moves is how it turned out.
MY_FIGURES = (
    "A tenant rang the housing office on a Friday evening because her boiler had failed and she "
    "had a newborn at home. I logged it as an emergency and called the out-of-hours contractor. "
    "By the time the night team came in at ten I had handed the whole case over to them."
)


def test_a_figure_in_my_own_doing_is_not_an_outcome() -> None:
    assert "no_result" in _rule_traps(MY_FIGURES, "customer_helped")


def test_a_figure_i_moved_is_an_outcome() -> None:
    moved = MY_FIGURES + " By the winter I had cut our call-out times from six hours to two."
    assert "no_result" not in _rule_traps(moved, "customer_helped")


# A story whose middle has a step that went through, and whose last sentence is a step still to
# come: a promise, a hope, work still under way.
INTERIM = (
    "I run the stores for a bus depot, and our spare parts were ordered by three supervisors "
    "who never saw each other's orders, so we kept paying for the same brake pads twice. I "
    "pulled a year of invoices, showed the duplicates to the fleet manager and proposed one "
    "shared order sheet that I would check every Monday. The fleet manager signed off the "
    "sheet in March. "
)
PENDING_ENDINGS = {
    "promise": "She said she would take it to the regional board after the summer.",
    "hope": "I am hoping the regional board picks it up for the other depots.",
    "under way": "We are still working through the first quarter of orders on it.",
}


def _margin(text: str, question: str) -> float:
    answer = build(from_text(text), questions.get(question))
    engine.rules(answer)
    return answer.margins["no_result"]


@pytest.mark.parametrize("kind", sorted(PENDING_ENDINGS))
def test_an_ending_still_to_come_is_no_result(kind: str) -> None:
    """What went through in the middle is a step of the story when its last sentence is still
    to come; told as how it ended, the same step is an outcome."""
    assert "no_result" in _rule_traps(INTERIM + PENDING_ENDINGS[kind], "initiative")
    told = INTERIM + "By the autumn we had stopped paying twice for a single part."
    assert "no_result" not in _rule_traps(told, "initiative")


def test_a_pending_sentence_that_also_tells_an_outcome_is_not_pending() -> None:
    ending = (
        "Duplicate orders stopped within a month, and she said she would take the sheet to "
        "the regional board."
    )
    assert "no_result" not in _rule_traps(INTERIM + ending, "initiative")


@pytest.mark.parametrize(
    "ending",
    [
        "It is still something I check myself every Monday.",  # "something" is no progressive
        "She said it would have cost us far more without the sheet.",  # not a promise
    ],
)
def test_what_only_looks_pending_is_not(ending: str) -> None:
    assert _margin(INTERIM + ending, "initiative") < _margin(
        INTERIM + PENDING_ENDINGS["promise"], "initiative"
    )


def test_the_step_still_to_come_is_quoted() -> None:
    quotes = _rule_traps(INTERIM + PENDING_ENDINGS["hope"], "initiative")["no_result"]
    assert any("hoping" in q for q in quotes), quotes


# A story whose last sentence is one more thing the candidate did: the approval before it is the
# story's middle, and how it turned out for the tenant is never told.
APPROVED = (
    "A tenant rang the lettings office furious that her boiler had been broken for a week. I "
    "called the contractor, who had lost the job sheet, and booked him for the next morning. The "
    "landlord approved the cost of a new part that afternoon."
)
LAST_STEP = {
    "a doing": (
        " I then wrote up the whole call in her file and emailed a summary to my team leader.",
        True,
    ),
    "someone else's part after it": (
        " I then wrote up the whole call in her file, and she has had hot water ever since.",
        False,
    ),
    "an outcome verb in it": (" We fitted the part on the Tuesday and saved the tenancy.", False),
    "a change that holds, in the perfect": (
        " I've logged every repair call in the same file since, and none has gone missing.",
        False,
    ),
}


@pytest.mark.parametrize("kind", sorted(LAST_STEP))
def test_a_story_that_ends_on_one_more_doing_has_no_result(kind: str) -> None:
    ending, stops = LAST_STEP[kind]
    found = _rule_traps(APPROVED + ending, "angry_customer")
    assert ("no_result" in found) == stops, f"{kind}: {sorted(found)}"
