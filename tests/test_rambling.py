"""Rambling: an answer that says it wandered ("Anyway, ..."), and a tight story that is not
backstory just because its part cues come late."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric import detectors
from mockmic.rubric.answer import build
from mockmic.transcribe.text import from_text

STORY = (
    "I booked the venue for our regional sales conference and sent the invitations, but I "
    "never confirmed the catering in writing, and on the day the caterer had us down for the "
    "following week. Forty people waited an hour for sandwiches from the shop across the "
    "road. That was my mistake. Since then I confirm every supplier by email with the date, "
    "and the last three events all ran without a hitch."
)
DETOUR = (
    "This was at my second job, and the office had just moved to a new business park, which "
    "was a whole saga with the landlord and the car park that I won't go into, and my manager "
    "at the time was off on a long trip to see family in Canada. "
)


def _strength(question: str, text: str) -> float:
    q = questions.get(question)
    trap = q.trap("rambling")
    assert trap is not None
    params = detectors.parse_params(trap.detector, trap.params)
    return detectors.run(trap.detector, build(from_text(text), q), params).score


def test_a_story_that_comes_back_from_a_detour_is_rambling() -> None:
    assert _strength("failure", STORY) < 0.5
    assert _strength("failure", DETOUR + "Anyway, " + STORY) >= 0.5


def test_anyway_at_the_end_of_a_clause_is_not_a_detour() -> None:
    text = STORY.replace("That was my mistake.", "We went ahead anyway. That was my mistake.")
    assert _strength("failure", text) < 0.5


def test_a_tight_story_told_before_its_part_cues_is_not_backstory() -> None:
    # events from the first clause, the change cue only at the end: the story, not a setting
    text = (
        "In my first year as events officer I ran the spring open day at our college, and I "
        "booked every single talk into the main hall. I had not checked the hall against the "
        "sign-ups, and we turned away sixty families at the door. For the autumn day I split "
        "the talks across three rooms and I sent timed tickets to everyone who registered, and "
        "I asked two student guides to walk people between rooms. I check room sizes against "
        "bookings before anything goes out now, and the autumn day had no queue at all."
    )
    assert _strength("failure", text) < 0.5


def test_an_opening_that_remarks_on_the_question_is_circling() -> None:
    answer = (
        "I think I'd say my strength is organisation. At the garden centre I run the weekend "
        "rota for fourteen staff and I rebuilt it last spring, so people swap shifts in an app "
        "instead of by text, and I sort out the delivery schedule with our three suppliers, "
        "which used to clash on Saturdays. I also plan the seasonal displays and keep the "
        "stock lists, and my manager says she never has to chase me for anything. Last month "
        "I covered the buying trip as well while she was away."
    )
    assert _strength("strengths", answer) < 0.5
    assert _strength("strengths", "That's an interesting question, to be honest. " + answer) >= 0.5
