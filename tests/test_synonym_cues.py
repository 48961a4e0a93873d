"""A cue reads the same act said in other words: a verb's plain synonyms, a frame's members."""

from __future__ import annotations

from mockmic import questions
from mockmic.rubric.answer import build
from mockmic.rubric.detectors import parse_params, run
from mockmic.rubric.text import Matcher, stem, tokenise, variants
from mockmic.transcribe import from_text


def _matcher(text: str) -> Matcher:
    return Matcher(tokenise(from_text(text)))


def test_a_verb_and_its_plain_synonym_share_a_stem() -> None:
    assert stem("rang") == stem("called") == stem("calling")
    assert stem("phoned") == stem("called")
    assert stem("began") == stem("begun") == stem("started")


def test_a_noun_that_looks_like_a_synonym_is_left_alone() -> None:
    # "on the phone" is not a call made, and a ring is a thing
    assert stem("phone") != stem("called")
    assert not _matcher("I left it by the phone.").find(["i called"])


def test_a_cue_written_with_one_verb_matches_its_synonym() -> None:
    assert _matcher("So I rang the supplier at eight.").find(["i called"])
    assert _matcher("We began the audit on Monday.").find(["we started"])
    assert not _matcher("So I emailed the supplier at eight.").find(["i called"])


def test_a_frame_member_is_matched_by_any_other_member() -> None:
    assert ("i", "am", "looking", "for") in variants("i want")
    assert _matcher("I'm looking for a team that ships weekly.").find(["i want"])
    assert _matcher("I would love a role with more customers.").find(["i want"])
    assert _matcher("I want a place where I can teach.").find(["i would like"])


def test_a_frame_needs_its_whole_member() -> None:
    # searching for a lost file is not wanting something
    assert not _matcher("I was looking for the invoice all morning.").find(["i want"])


def _criterion_score(question_id: str, criterion_id: str, text: str) -> float:
    q = questions.get(question_id)
    c = next(c for c in q.criteria if c.id == criterion_id)
    return run(c.detector, build(from_text(text), q), parse_params(c.detector, c.params)).score


def test_a_desire_said_either_way_earns_the_same_motivation() -> None:
    told = (
        "Your clinics run on software I have supported for years. {} a place where I can "
        "fix the tools the nurses complain about, not only log their tickets."
    )
    wants = _criterion_score("why_company", "motivation", told.format("I want"))
    looking = _criterion_score("why_company", "motivation", told.format("I'm looking for"))
    assert wants >= 0.9
    assert looking == wants


def test_a_call_said_either_way_earns_the_same_ownership() -> None:
    told = (
        "A tenant's boiler failed on a Sunday. I {} the on-call engineer, waited at the flat "
        "with her until he came, and I wrote up the fault for the landlord that night."
    )
    called = _criterion_score("customer_helped", "ownership", told.format("called"))
    rang = _criterion_score("customer_helped", "ownership", told.format("rang"))
    assert rang == called


def test_the_receiver_as_object_matches_the_receiver_as_subject() -> None:
    assert _matcher("In the end the auditor gave us a clean report.").find(["we got"])
    assert _matcher("We received the grant in March.").find(["we got"])
    assert not _matcher("In the end we gave the auditor a clean report.").find(["we got"])
