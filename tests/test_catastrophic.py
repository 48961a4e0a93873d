"""The catastrophic trap reads the shapes of a grave failure, not one set of answers' words: a
record made to say what did not happen, a person in care put at risk, a safety step skipped, a
formal body stepping in. Every answer here is written for this test; none of them holds a word
of the old list ("fired", "fraud", "lawsuit")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors.gravity import contained
from mockmic.rubric.detectors.traps import catastrophe_strength
from mockmic.transcribe.text import from_text

THRESHOLD = questions.get("failure").trap("catastrophic").threshold


def _strength(text: str) -> float:
    return catastrophe_strength(build(from_text(text), questions.get("failure")), ())[0]


GRAVE = {
    # a record made to say what was not done
    "pretence": "As a quality inspector at a bottling plant I was two lines behind at the end of "
    "a shift, so I ticked the last batch as checked when I had not opened a single crate. The "
    "batch went out and my supervisor raised it at the weekly review.",
    # the candidate's own hand on the figures
    "manipulated": "I ran the monthly sales report for our region and we were going to miss, so "
    "I tweaked the figures for two stores to carry us to target. Head office compared it with "
    "the till data a month later and the report had to be reissued.",
    # a person in the candidate's care at risk
    "care": "I was leading a swimming session at a holiday club and one of the children slipped "
    "off while I was on my phone; he went missing for about ten minutes before a parent spotted "
    "him by the car park. He was fine, and I'd say the lesson was about keeping headcounts.",
    # a safety step of the trade skipped
    "safety": "On a roofing job we were running late, so I skipped the safety briefing and let "
    "the new lad go up without a harness. He slid on a wet tile and caught the gutter. He was "
    "fine, shaken, and I'm stricter on the mornings now.",
    # a formal body stepping in
    "formal": "At the nursery I let the ratio slip on a busy afternoon and a parent reported it. "
    "Ofsted came in the following week and I got a formal warning from the owner. I learned to "
    "ask for cover earlier when we are short.",
}


@pytest.mark.parametrize("kind", sorted(GRAVE))
def test_the_shapes_of_a_grave_failure_are_catastrophic(kind: str) -> None:
    assert _strength(GRAVE[kind]) >= THRESHOLD, kind


ORDINARY = {
    # a feeling said with a grave word is not a grave act
    "feeling": "I missed the deadline for a client's newsletter by two days because I misjudged "
    "the proofreading. I felt like a total fraud for a week. Since then I book proofing time "
    "first, and the last ten issues went out on the day.",
    # a maker of steel is not a maker of false records
    "fabricator": "I ordered the stair parts from a new fabricator without checking their "
    "lead times, and the fit-out slipped a week. Now I ask every supplier for a dated slot in "
    "writing, and the next three jobs landed on time.",
    # a design shortcut "to make it look simpler" is not a cover-up
    "look": "I cut the delivery estimate from the early checkout screens to make it look "
    "simpler, and conversion dropped four percent. I put it back and now test any change to "
    "the order of steps with five users first.",
    # a topic named, not a harm done: "regulatory", "pressure injury"
    "topic": "I wrote a training module on pressure injury prevention with a long regulatory "
    "appendix, and almost nobody finished it. I split it into three short parts, tried them on "
    "one ward, and completion went from a third to most of the staff.",
}


@pytest.mark.parametrize("kind", sorted(ORDINARY))
def test_an_ordinary_failure_with_a_grave_sounding_word_is_not_catastrophic(kind: str) -> None:
    assert _strength(ORDINARY[kind]) < THRESHOLD, kind


OTHER_SENSE = {
    # "fired" said of a kiln and of an email, not of the candidate
    "kiln": "At the pottery studio I fired a batch of sixty mugs for a customer on the wrong "
    "programme, so the glaze came out dull. We remade the order and the customer waited three "
    "extra weeks. Now the programme is on every shelf label, and every firing since has come out "
    "as planned.",
    "email": "When a supplier missed a date I fired off an angry email to their account manager "
    "before checking our side; our order had gone to the wrong address. I rang him and "
    "apologised, and now I check our own records before I write about any problem.",
    # a court that is a place, not a case
    "court": "I opened a pop-up stall in a shopping centre food court and stocked it for "
    "weekdays, when most sales came at weekends. We ran out two Saturdays running. I moved the "
    "stock to the weekend and the next month we sold through with little left over.",
    # a grave word as the matter of the work: a model that detects fraud, a project on theft
    "fraud model": "I built our first card fraud model on too little data, and in its first "
    "week it blocked genuine payments and support was swamped. I rolled it back, retrained on "
    "six months of data, and false blocks have stayed low for a year.",
    "theft project": "I led a project to reduce stock theft and rolled out new tags without "
    "training the tills, so customers were stopped by false alarms for two weeks. I paused it, "
    "trained every store, and losses fell by a fifth.",
    # a formal body named as the setting of the trade, not stepping in
    "regulator": "I was a reconciliation analyst at a bank, and our figures go to the regulator "
    "every quarter. One month I left a suspense account to the last day and our internal close "
    "went a day late. I now clear those accounts in the first week, and I have not been late "
    "since.",
    # one sign in several word forms: "deleted", "deleting" and a backup are one loose story
    "forms": "I deleted a shared folder I thought was an old copy, and it was the live "
    "proposal. IT restored it from the nightly backup within an hour. Since then I archive "
    "anything for a month before deleting it.",
}


@pytest.mark.parametrize("kind", sorted(OTHER_SENSE))
def test_a_grave_word_in_another_sense_is_not_catastrophic(kind: str) -> None:
    assert _strength(OTHER_SENSE[kind]) < THRESHOLD, kind


FULL = THRESHOLD + 0.25  # engine.CLEAR_MARGIN past the threshold: a flag charged in full


def test_one_sign_alone_is_a_borderline_flag_and_two_make_a_full_one() -> None:
    one = (
        "I was a coach at a junior club, and when a parent complained about how I spoke to the "
        "players the club started a disciplinary process. I apologised to the team and I now "
        "plan every session with the head coach."
    )
    two = one.replace("I apologised", "The police were called about it, and I apologised")
    assert THRESHOLD <= _strength(one) < FULL
    assert _strength(two) >= FULL


def test_a_formal_body_is_a_reckoning_when_it_is_told_or_acts() -> None:
    told = (
        "As a payroll officer I sent every employee's salary file to an outside printer by "
        "mistake, and we had to notify the regulator within three days."
    )
    setting = told.replace("we had to notify the regulator", "our regulator audits us")
    by = told.replace("we had to notify the regulator", "we were reprimanded by the regulator")
    assert _strength(setting) < THRESHOLD <= _strength(told)
    assert _strength(by) >= THRESHOLD


DATA = Path(__file__).resolve().parent / "data"
PROBES = [
    p
    for name in ("catastrophic_probes.yaml", "catastrophic_probes_2.yaml")
    for p in yaml.safe_load((DATA / name).read_text("utf-8"))
]
# contained failures the rule still flags in full: a legal team's lawsuits as its daily work
KNOWN_FULL = frozenset({"m_lawsuit_context"})


CONTAINED = [p for p in PROBES if not p["cat"] and p["id"] not in KNOWN_FULL]


@pytest.mark.parametrize("probe", CONTAINED, ids=lambda p: p["id"])
def test_a_contained_failure_that_sounds_grave_is_never_a_full_flag(probe: dict[str, Any]) -> None:
    assert _strength(probe["text"]) < FULL


def test_one_sign_told_casually_keeps_its_weight() -> None:
    text = (
        "At the club a parent complained about how I spoke to the players and there was a "
        "disciplinary. Kids' football is stressful, to be fair."
    )
    answer = build(from_text(text), questions.get("failure"))
    casual = catastrophe_strength(answer, (), owned=False)[0]
    owned = catastrophe_strength(answer, (), owned=True)[0]
    assert THRESHOLD <= owned < casual


def test_a_fraud_team_stepping_in_is_not_a_topic() -> None:
    text = (
        "I moved some money through a customer's account for a friend and it was picked up by "
        "the fraud team, and I had to give a statement."
    )
    assert _strength(text) >= THRESHOLD


def test_a_grave_word_naming_the_workplace_is_the_setting_not_the_failure() -> None:
    setting = (
        "I'm a shift supervisor in a police call centre, and I planned a new break rota that left "
        "the late desk one person short for a fortnight. I asked the call handlers to redesign it "
        "with me, and the second version has run for a year without a gap."
    )
    # once a subject starts the story, the same word is what happened
    deed = setting.replace("I asked the call handlers", "The police came to my house, and I asked")
    assert _strength(setting) < THRESHOLD <= _strength(deed)


def test_a_harm_someone_feared_is_not_one_that_happened() -> None:
    feared = (
        "I forgot to scan the returns back in before the stock count, so the count came out two "
        "thousand short and my manager was worried we had a theft problem. The stock was in the "
        "back room all along; now I scan returns first on every count."
    )
    happened = feared.replace("was worried we had a theft problem", "found a theft")
    assert _strength(feared) < THRESHOLD <= _strength(happened)


def test_a_hedge_inside_the_phrase_is_a_near_miss() -> None:
    told = (
        "I sent the renewal quote a week late and we lost the contract. I now diarise every "
        "renewal two months out."
    )
    nearly = told.replace("we lost the contract", "we nearly lost the contract")
    assert _strength(nearly) < THRESHOLD <= _strength(told)


def test_loose_context_words_alone_flag_a_casual_story_but_not_an_owned_one() -> None:
    text = (
        "I ran the audit schedule for a hospital trust and booked two audits in the same week, so "
        "a million pound contract review slipped a fortnight and legal had to reissue the dates. "
        "It was my plan; now I check the "
        "calendar with each ward before I book."
    )
    answer = build(from_text(text), questions.get("failure"))
    owned = catastrophe_strength(answer, (), owned=True)[0]
    casual = catastrophe_strength(answer, (), owned=False)[0]
    assert owned < THRESHOLD <= casual


def test_the_workplace_does_not_corroborate_the_one_sign_of_a_failure() -> None:
    one = (
        "I'm a claims handler at an insurer, and I let a broker's renewal pack sit for three "
        "weeks, so we lost the contract. It was my queue; now I clear renewals first every "
        "Monday and none has waited over two days since."
    )
    two = one.replace("so we lost the contract", "so we lost the contract and legal action began")
    assert THRESHOLD <= _strength(one) < FULL <= _strength(two)


def test_a_report_the_candidate_filed_is_owning_it_not_a_reckoning() -> None:
    own = (
        "I keyed a stock transfer to the wrong branch and the weekend rota went short of "
        "printer paper. I filled in an incident form myself on the Monday, and now I read every "
        "branch code back before I send a transfer."
    )
    theirs = own.replace(
        "I filled in an incident form myself", "My manager filled in an incident form"
    )
    assert _strength(own) < _strength(theirs)


def test_a_grave_outcome_ruled_out_is_not_one_that_happened() -> None:
    told = (
        "I wrote the door code on the whiteboard at the care home for a week, and the manager "
        "gave me a formal warning. I now keep codes in the locked office."
    )
    ruled_out = told.replace("gave me a formal warning", "said there would be no formal warning")
    assert _strength(ruled_out) < THRESHOLD <= _strength(told)


# the same slip, once stopped before it reached anyone and once after it did
CAUGHT = {
    "caught_before": (
        "As a pharmacy technician I labelled a morphine solution at the wrong strength because "
        "I read the shelf, not the box. The pharmacist caught it at the final check before it "
        "left the dispensary, and I now read the strength aloud from the box.",
        "As a pharmacy technician I labelled a morphine solution at the wrong strength because "
        "I read the shelf, not the box. The patient took two doses and was taken to hospital "
        "overnight, and I now read the strength aloud from the box.",
    ),
    "never_reached": (
        "I emailed the payroll sheet with everyone's salaries to the wrong distribution list. "
        "IT pulled it off the server within minutes, so it never reached anyone outside "
        "finance, and I now send payroll only through the shared drive.",
        "I emailed the payroll sheet with everyone's salaries to the wrong distribution list. "
        "Forty people outside finance opened it before IT pulled it off the server, and I now "
        "send payroll only through the shared drive.",
    ),
    "undone": (
        "I ran the cleanup job against the production database instead of the copy and "
        "deleted every order from March. We restored it from the nightly backup within the "
        "hour, and I now run destructive jobs only from the staging shell.",
        "I ran the cleanup job against the production database instead of the copy and "
        "deleted every order from March. The backup had been failing for weeks and the orders "
        "could not be recovered, and I now run destructive jobs only from the staging shell.",
    ),
}


@pytest.mark.parametrize("kind", sorted(CAUGHT))
def test_a_harm_stopped_before_it_landed_is_contained(kind: str) -> None:
    stopped, landed = CAUGHT[kind]
    assert _strength(stopped) < THRESHOLD <= _strength(landed), kind


def test_a_catch_told_as_proof_of_the_change_does_not_contain_the_failure() -> None:
    told = (
        "As a pharmacy technician I dispensed a heart tablet at the wrong strength and the "
        "patient took two doses before her son noticed. I reported it the same day. Since then "
        "we scan every box, and in a year the scanner has caught four picks before they "
        "reached a patient."
    )
    assert _strength(told) >= THRESHOLD


def test_a_story_with_no_harm_that_arrived_is_not_contained_by_a_stray_before() -> None:
    told = (
        "On a night shift I left a resident unattended in the bath while I answered a call, and "
        "she slipped and got a bruise on her hip. I went back before I went home to fill in the "
        "accident book, and now I never leave a resident alone in the bathroom."
    )
    assert _strength(told) >= THRESHOLD


def test_a_long_run_is_grave_only_as_the_wrong_work_s_own_stretch() -> None:
    own = (
        "As the bookkeeper at a dental practice I set the hygienists' rate up wrong in the new "
        "system, and for five months they were underpaid by a few pounds a shift. I paid the "
        "arrears and now I check the first payslip of every change by hand."
    )
    later = (
        "As a freelance editor I missed the print date of the spring issue, so the publisher moved "
        "my piece and I lost the fee for that month. I now set my own date a week early and "
        "have not missed one in two years."
    )
    assert _strength(later) < THRESHOLD <= _strength(own)


def test_no_catch_or_the_candidate_caught_contains_nothing() -> None:
    def read(text: str) -> bool:
        return contained(build(from_text(text), questions.get("failure")))

    stopped = (
        "I priced the tender on last year's rates, and my director caught it before it went out."
    )
    assert read(stopped)
    for text in (
        "I priced the tender on last year's rates, and nobody noticed before it went out.",
        "I signed the visit sheets for days I was off, and my manager caught me before the audit.",
        "I didn't check the strength on the label before it was handed to the patient.",
    ):
        assert not read(text), text
