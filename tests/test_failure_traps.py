"""The failure question's blame, no_lesson and no_proof traps, on answers written for these
tests: what the labellers count (bench/data/LABELLING.md), in words of their own."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mockmic import questions
from mockmic.rubric import engine
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.shapes import imposed, owed
from mockmic.rubric.detectors.traps import blame_strength
from mockmic.rubric.schema import Question
from mockmic.rubric.text import Span
from mockmic.transcribe.text import from_text
from mockmic.types import TrapHit


def _rule_traps(text: str) -> set[str]:
    """The traps the rules alone fire on a failure answer (the semantic judge left out)."""
    _, hits = engine.rules(build(from_text(text), questions.get("failure")))
    return set(hits)


def test_a_change_shown_by_what_happened_later_is_a_lesson() -> None:
    # no "I learned", no "since then I": the change and its proof told as later events
    text = (
        "I ran the volunteer rota for a food bank and booked the Saturday shifts in a shared "
        "sheet that nobody checked, so one Saturday only two of us turned up for three hundred "
        "parcels and forty families waited over an hour. That rota was mine. I moved the "
        "bookings to text reminders sent on the Thursday. The next year all twelve Saturdays were "
        "fully staffed, with nobody waiting more than ten minutes."
    )
    assert "no_lesson" not in _rule_traps(text)


def test_a_reflection_on_the_cause_is_a_thin_lesson_not_none() -> None:
    text = (
        "I looked after the stock room in a garden centre and ordered the spring compost two "
        "weeks late because I had not checked the delivery lead times, so we ran out over the "
        "Easter weekend and lost a fair bit of sales. It really made me think about how long "
        "the lead times on seasonal stock are."
    )
    found = _rule_traps(text)
    assert "no_lesson" not in found
    assert "no_proof" in found


def test_a_resolution_for_next_time_is_a_thin_lesson() -> None:
    # hypothetical, unproven: a lesson all the same, so the missing proof is what to say
    text = (
        "I ran the bookings for a choir's spring concert and sent the hall the wrong date, so we "
        "lost the Saturday and had to sing on a Tuesday to half the audience. The date was mine "
        "to check. What I would do differently is read the confirmation back to the venue on "
        "the phone before I tell anyone the date."
    )
    found = _rule_traps(text)
    assert "no_lesson" not in found
    assert "no_proof" in found


def test_a_resolution_to_a_platitude_or_denied_is_no_lesson() -> None:
    story = (
        "I ran the bookings for a choir's spring concert and sent the hall the wrong date, so we "
        "lost the Saturday and had to sing on a Tuesday to half the audience. "
    )
    for ending in (
        "Honestly I need to communicate better, I think.",
        "There is nothing I need to do about it, dates get muddled.",
    ):
        assert "no_lesson" in _rule_traps(story + ending), ending


def test_the_repair_told_before_the_lesson_is_not_proof() -> None:
    # "we caught it" and "back on time" are the failure being contained, not the change holding
    text = (
        "I ran the payroll export for a care agency. One month I sent the bank file with the "
        "previous month's hours, because I skipped the totals check. The file was mine. The "
        "bank queried it and we caught it the same afternoon, so everyone was paid on time. "
        "What I took from it is to compare the totals with the rota before I send anything."
    )
    assert "no_proof" in _rule_traps(text)


def test_a_change_kept_up_for_a_stretch_of_time_is_proof() -> None:
    # the present perfect and a time span: "has been done for a year" in any words
    text = (
        "I managed the rota at a dental practice and double-booked the hygienist on a Monday, "
        "so eleven patients were sent home. That slip was mine. I moved the hygienist's "
        "bookings onto the calendar every receptionist can see, and the front desk has booked "
        "her that way for about a year and a half."
    )
    assert "no_proof" not in _rule_traps(text)


def test_a_shrug_where_the_lesson_should_be_is_no_lesson() -> None:
    text = (
        "I was coordinating a move of our office to a new floor and the network points were "
        "put in the wrong places, so half the team worked from laptops on hotspots for a week "
        "and a client demo had to be moved. We sorted the cabling out in the end. Looking back, "
        "these things happen on any office move, and it all worked out in the end."
    )
    assert "no_lesson" in _rule_traps(text)


def test_a_disclaimer_before_the_excuse_is_still_blame() -> None:
    text = (
        "Our charity's summer appeal raised about half of its target. I don't want to make "
        "excuses, but the mailing house posted the letters a fortnight after the date we "
        "agreed, so most of them landed after the school holidays had started."
    )
    assert "blame" in _rule_traps(text)


def test_bad_timing_as_the_cause_is_blame() -> None:
    text = (
        "I launched a paid newsletter for our gardening club and only nine people signed up in "
        "the first month against a target of fifty. Honestly it was just really bad timing, "
        "because everyone was away on holiday that month."
    )
    assert "blame" in _rule_traps(text)


def test_a_comparison_is_not_blame() -> None:
    text = (
        "I set up a buddy scheme for new starters in our call centre and gave each buddy six "
        "new starters at once, so the pairs met far less often than they should have and two "
        "new starters left in their first month. I had not asked the buddies how much time "
        "they had. Now each buddy takes two starters at most, and the "
        "eleven who joined this spring are all still with us."
    )
    assert "blame" not in _rule_traps(text)


def test_a_deed_the_candidate_did_is_not_blame() -> None:
    text = (
        "As branch manager I pushed us into opening on Sundays after one busy bank holiday, "
        "without testing it first. We took less than the staff cost on eight Sundays out of "
        "ten, and I closed it again after three months. Now any new opening hours run as a "
        "six-week trial with a break-even figure agreed up front."
    )
    assert "blame" not in _rule_traps(text)


def test_a_proof_still_to_come_is_no_proof() -> None:
    text = (
        "I ran the pilot of a new booking app for our leisure centre and the launch went "
        "badly: I had not tested it with older members, and weekly bookings from over-sixties "
        "fell by a third during the pilot. I learned to test anything new with the people "
        "least likely to find it easy, and the next version will go to our Tuesday walking "
        "group first, so those sessions will show whether it works."
    )
    assert "no_proof" in _rule_traps(text)


def test_a_thin_handover_under_a_plea_for_fairness_is_blame() -> None:
    # a fairness frame, then what the candidate was handed told as the cause
    text = (
        "I took over the IT support desk at a housing charity and our ticket backlog doubled in "
        "my first two months. To be fair, the documentation I inherited was almost empty, and "
        "half the laptops had never been logged anywhere. I set up an asset register in the end."
    )
    assert "blame" in _rule_traps(text)


def test_a_cause_settled_before_the_candidate_came_adds_up_to_blame() -> None:
    text = (
        "I ran the opening of our second cafe and it opened five weeks late. The fit-out "
        "contractor had been chosen by the owners before I started, and nobody on the build side "
        "had told me the kitchen extraction needed council sign-off. Now I ask for the permits "
        "list on day one."
    )
    assert "blame" in _rule_traps(text)


def test_fairness_to_the_candidates_own_shortcut_is_not_blame() -> None:
    # minimising the candidate's own act ("which to be fair", "everyone does it") is not
    # putting the cause on someone else
    text = (
        "I was a bar supervisor and I let a new starter close up alone on her second week, "
        "which to be fair is something plenty of managers do when they are short. She left the "
        "back door unlocked and we lost two cases of spirits overnight. Everyone cuts that corner "
        "now and then, to be fair. I learned to pair new starters for their first month of "
        "closes, and I have done that with the last six."
    )
    assert "blame" not in _rule_traps(text)


def test_a_fairness_frame_mid_sentence_before_a_late_admission_is_blame() -> None:
    # the rulebook: polite blame counts even when a partial admission follows ("but I also");
    # the frame opens its own statement, and the candidate's part after "but" is another one
    text = (
        "so i was coordinating a charity fun run and about a third of the runners got no medal "
        "um to be fair the printing firm was a week late with the ribbons but i also never "
        "checked the boxes when they came in so that part was partly mine and now i count "
        "every delivery against the order"
    )
    assert "blame" in _rule_traps(text)


def test_a_fairness_frame_after_a_look_back_is_blame() -> None:
    text = (
        "I led the switch of our sales team to a new quoting tool and half of them were still "
        "using the old spreadsheets six months on. Looking back, in fairness, the sales "
        "managers never made the new tool compulsory. I ran some extra training sessions."
    )
    assert "blame" in _rule_traps(text)


def test_fairness_closing_a_remark_is_no_frame_on_anyone() -> None:
    # "it was a scramble, to be fair, and ...": said after the remark, about no one
    text = (
        "I booked the venue for our team offsite on the wrong Friday, so we found out on the "
        "Monday and had to rebook at a hotel. It was a scramble to be fair and it cost us an "
        "extra four hundred pounds. That was my slip. Now I put every booking in the shared "
        "calendar with the confirmation attached, and the last three offsites went fine."
    )
    assert "blame" not in _rule_traps(text)


def test_honestly_inside_the_candidates_own_statement_is_no_frame() -> None:
    # emphasis on the candidate's own slowness, not a frame on someone else's part
    text = (
        "I was the analyst on our monthly churn report and I was honestly too slow with it; it "
        "reached the board four days late twice in a row. That was down to me. I built a "
        "template with the queries saved, and the last five reports went out on time."
    )
    assert "blame" not in _rule_traps(text)


def test_being_handed_a_task_and_owning_the_slip_is_not_blame() -> None:
    # "the part I got wrong was" is an admission, not something handed over as the cause
    text = (
        "I was given the quarterly board pack for the first time and sent it out with last "
        "quarter's cash figure on page two. The part I got wrong was that I copied the old pack "
        "and never rebuilt the tables from the ledger. That was my mistake. I now rebuild every "
        "table from source, and the last four packs went out without a correction."
    )
    assert "blame" not in _rule_traps(text)


def test_what_was_done_differently_the_next_time_round_is_a_lesson() -> None:
    # no "I learned", no proof word: the candidate acting on a new occasion, told late
    text = (
        "I organised our department's first charity quiz night and booked a hall with forty "
        "seats because I guessed the numbers instead of selling tickets in advance. Ninety "
        "people came and half of them stood at the back. The year after, I sold the tickets "
        "online a month ahead and booked the hall from the count."
    )
    assert "no_lesson" not in _rule_traps(text)


def test_a_repair_the_next_morning_is_not_a_new_occasion() -> None:
    # a day on is still the failure being put right, not a lesson in practice
    text = (
        "I ran the rota at a garden centre and forgot to book anyone for the Sunday till, so "
        "the shop opened an hour late and the owner was furious. The next morning I apologised "
        "to her and rang round for cover."
    )
    assert "no_lesson" in _rule_traps(text)


def test_a_later_setback_is_more_of_the_failure_not_a_lesson() -> None:
    text = (
        "I was the account lead for a print client and kept missing our weekly call because I "
        "double booked it with internal meetings. They complained twice. A few months later we "
        "lost the account to a rival agency."
    )
    assert "no_lesson" in _rule_traps(text)


def test_a_concrete_change_said_as_a_plan_is_a_thin_lesson() -> None:
    # "going forward I'd ...": no proof, but a lesson (the rulebook), so no_proof and not no_lesson
    text = (
        "As a payroll clerk I keyed one overtime sheet twice, so a driver was paid double and "
        "we had to claw it back from his next wage, which upset him a lot. That was my slip. "
        "Going forward I'd tick each sheet off against the clock-in report before it goes in."
    )
    found = _rule_traps(text)
    assert "no_lesson" not in found
    assert "no_proof" in found


def test_a_platitude_said_as_a_plan_is_still_no_lesson() -> None:
    text = (
        "As a payroll clerk I keyed one overtime sheet twice, so a driver was paid double and "
        "we had to claw it back from his next wage, which upset him a lot. Going forward I "
        "would be more careful and communicate better with the team."
    )
    assert "no_lesson" in _rule_traps(text)


def test_no_lesson_gives_way_to_vague_and_non_failure() -> None:
    # the labellers name what is wrong with the story itself, not the lesson it lacks
    trap = questions.get("failure").trap("no_lesson")
    assert trap is not None
    hit = TrapHit(id="no_lesson", evidence=(), probe="", strength=1.0)
    assert engine.held_back(trap, hit, {"no_lesson", "vague"})
    assert engine.held_back(trap, hit, {"no_lesson", "non_failure"})
    assert not engine.held_back(trap, hit, {"no_lesson", "blame", "rambling"})


def test_a_figure_in_a_plan_is_not_proof() -> None:
    # "cap it at sixty" is what the candidate would do, not how a change went
    text = (
        "I manage a small cafe and one Saturday I took a coach party of seventy on top of our "
        "regulars because I assumed half would want takeaway. They all sat down, the kitchen "
        "fell forty minutes behind and we gave away a lot of free cake. That was my call. What "
        "I would do next time is cap group bookings at sixty and keep ten seats for walk-ins."
    )
    assert "no_proof" in _rule_traps(text)


def test_setbacks_from_outside_told_as_the_cause_add_up_to_blame() -> None:
    # no listed phrase: two outside setbacks, each followed by its consequence
    text = (
        "I coordinated the spring open day at a college and it was a mess. The printed maps "
        "arrived two days late, so visitors had nothing to find the rooms with. Then the "
        "catering firm did not send enough staff, so the queue for lunch ran for forty minutes. "
        "The feedback scores were the lowest in five years."
    )
    assert "blame" in _rule_traps(text)


def test_the_candidates_response_to_a_setback_is_not_its_consequence() -> None:
    # the same setbacks, each answered by what the candidate did, and the slip owned
    text = (
        "I coordinated the spring open day at a college. The printed maps arrived two days late, "
        "so I printed a simple version in the office. The catering firm did not send enough "
        "staff, so I moved two volunteers onto the tills. My own mistake was not confirming "
        "numbers with them the week before; I now do that for every event."
    )
    assert "blame" not in _rule_traps(text)


def _imposed_on(text: str) -> list[Span]:
    return imposed(build(from_text(text), questions.get("failure")))


def test_a_setback_the_candidate_shares_is_not_imposed() -> None:
    assert _imposed_on("The new kit was not ready in time, so the launch slipped by a month.")
    assert not _imposed_on("The kit and we were not ready in time, so the launch slipped.")
    assert not _imposed_on("The kit was not ready in time, so I moved the launch by a month.")


def test_a_word_that_only_opens_with_un_is_no_setback() -> None:
    # "unreliable" denies its root; "understood" and "university" deny nothing
    assert _imposed_on("The supplier was unreliable all spring, so the orders slipped.")
    assert not _imposed_on("The supplier understood the brief, so the orders went out.")
    assert not _imposed_on("The university hosted the fair, so the labs moved to May.")


def test_a_duty_put_on_a_named_party_is_blame() -> None:
    text = (
        "On a residential trip I was one of two leaders for thirty pupils and one of them got "
        "lost in town for an hour. The trust should have given us a third adult for a group "
        "that size. We found him at the station and he was fine."
    )
    assert "blame" in _rule_traps(text)


@pytest.mark.parametrize(
    "text",
    [
        # the candidate's own duty
        "I should have checked the rota myself, and now I do it every Friday.",
        # a comparison, not a duty
        "The parts sat in the warehouse longer than they should have, and I chased them daily.",
        # a thing that should have been there, with no one owing it
        "We rolled back and wrote the migration that should have been there from the start.",
    ],
)
def test_should_have_on_oneself_or_in_a_comparison_is_not_a_duty_put_on_others(
    text: str,
) -> None:
    answer = build(from_text(text), questions.get("failure"))
    assert owed(answer) == []


def test_the_change_tried_on_a_later_occasion_is_proof() -> None:
    # no "since", no figure: what the candidate did the next year round is the change tested
    text = (
        "I coached an under-twelves football team and lost every match of my first autumn "
        "because I picked the same eleven each week and the subs stopped coming. That was my "
        "doing, and I learned to share the minutes out. The year after, I rotated every player "
        "through a full half."
    )
    fired = _rule_traps(text)
    assert "no_proof" not in fired and "no_lesson" not in fired


def test_a_time_mark_opening_a_sentence_carries_to_how_it_went() -> None:
    # the later time and how it went sit in two halves of one sentence
    text = (
        "I ran location bookings for a small film crew and lost a park permit because I sent "
        "the form the week of the shoot, so we moved at a day's notice. That was my slip. Now I "
        "ring the council the day the script locks; last spring that got us the canal permit "
        "within a week and the shoot went ahead two days early."
    )
    assert "no_proof" not in _rule_traps(text)


def test_scorn_for_the_people_in_the_story_is_blame() -> None:
    # no listed excuse and no shortfall clause: the cause is put on others by contempt alone
    text = (
        "The failure was the stadium catering contract I managed last season. The head chef "
        "they gave me was frankly clueless, and the owners were incompetent people to work "
        "for. We lost the contract in the spring and I moved on."
    )
    found = _rule_traps(text)
    assert "badmouthing" in found
    assert "blame" in found


def test_scorn_beside_a_plain_admission_is_not_blame_alone() -> None:
    # the same scorn next to an unhedged "that was on me" is weighed down, as other names are
    text = (
        "I ran the stadium catering contract last season and we lost it in the spring. I "
        "priced the menus without checking supplier costs, and that was my fault. Now I cost "
        "every menu line before I quote, and our last three bids "
        "came in on margin. The owners were incompetent people to work for."
    )
    found = _rule_traps(text)
    assert "blame" not in found


def test_scorn_weighs_on_blame_only_where_the_question_says_so() -> None:
    text = "We lost the bid. The sales director was frankly clueless."
    answer = build(from_text(text), questions.get("failure"))
    assert blame_strength(answer, (), scorn=0.75)[0] > blame_strength(answer, ())[0]


def _margins(text: str) -> dict[str, float]:
    answer = build(from_text(text), questions.get("failure"))
    engine.rules(answer)
    return answer.margins


def test_more_careful_now_is_a_thin_lesson_with_no_proof() -> None:
    # no lesson cue and no change made: the rulebook's "much more careful with addresses now"
    text = (
        "I ran the parts counter at a garage and ordered brake pads for the wrong model year, so "
        "a customer's car sat on the ramp for two extra days while the right ones came. I had "
        "read the year off the old invoice instead of the logbook. I am a lot more careful with "
        "the logbook now."
    )
    found = _rule_traps(text)
    assert "no_lesson" not in found
    assert "no_proof" in found


def test_a_resolution_naming_the_story_reads_surer_than_one_naming_nothing() -> None:
    story = (
        "I coordinated the school's sports day and forgot to book the first aid volunteers, so "
        "we started an hour late while the office rang round for a trained parent. "
    )
    named = story + "Next time I would book the first aid volunteers the week the date is set."
    bare = story + "Next time I would try to sort things like that out sooner."
    assert _margins(named)["no_lesson"] < _margins(bare)["no_lesson"] < 0


def test_no_missing_proof_without_a_lesson_to_prove() -> None:
    # the story ends at the failure: nothing learned, so the rule for no_proof stays quiet
    text = (
        "I was the duty manager at a leisure centre and let the pool chemical order lapse, so "
        "the main pool closed for a Saturday morning and about sixty swimmers were turned away "
        "at the door. The area manager was not pleased with any of it."
    )
    margins = _margins(text)
    assert margins["no_lesson"] >= 0
    assert margins["no_proof"] <= -margins["no_lesson"]
    assert "no_proof" not in _rule_traps(text)


def test_a_trap_may_only_need_traps_listed_before_it() -> None:
    data = questions.get("failure").model_dump()
    ids = [t["id"] for t in data["traps"]]
    assert ids.index("no_lesson") < ids.index("no_proof")
    Question.model_validate(data)  # as shipped: no_proof needs no_lesson, listed before it
    data["traps"][ids.index("no_lesson")]["needs"] = ["no_proof"]  # one listed after it
    with pytest.raises(ValidationError, match="must be traps listed before it"):
        Question.model_validate(data)
