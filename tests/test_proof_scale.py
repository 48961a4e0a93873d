"""The failure question's change_proof criterion reads proof past one sign of it: the rulebook's
grade 4 has "a modest proof", a 5 proof that held on more than one count (bench/data/LABELLING.md).
Answers written for these tests."""

from __future__ import annotations

import pydantic
import pytest

from mockmic import questions
from mockmic.rubric import detectors, engine
from mockmic.rubric.answer import build
from mockmic.transcribe.text import from_text

STORY = (
    "I ran the payroll for a joinery firm and keyed one week's overtime against the wrong cost "
    "code, so nine joiners were paid short and two of them had rent bounce. That was my slip: I "
    "had skipped the check against the timesheets because the week was busy. I paid them the "
    "same day and covered the bank charges. Since then I reconcile every run against the "
    "signed timesheets before it goes to the bank."
)
MODEST = STORY + " The next run went through clean."
HELD = STORY + (
    " The next run went through clean, and in the eighteen months since we have not had a "
    "single short payment; the check has caught four keying errors before they left, and the "
    "finance director now has the other two sites do it the same way."
)


def _criterion(text: str, cid: str = "change_proof") -> int:
    criteria, _ = engine.rules(build(from_text(text), questions.get("failure")))
    return next(c.score for c in criteria if c.id == cid)


def test_proof_that_held_on_several_counts_beats_a_modest_proof() -> None:
    modest, held = _criterion(MODEST), _criterion(HELD)
    assert modest < held
    assert modest < 100  # one sign of proof is not full credit


def test_the_scale_reads_the_same_proof_at_full_one_as_before() -> None:
    answer = build(from_text(HELD), questions.get("failure"))
    capped = detectors.run("change_proof", answer, detectors.parse_params("change_proof", {}))
    wide = detectors.run(
        "change_proof", answer, detectors.parse_params("change_proof", {"full": 1.5})
    )
    assert capped.score >= wide.score
    assert _criterion(HELD) == round(100 * wide.score)


def test_full_below_one_is_a_schema_error() -> None:
    # below 1 a single weak sign would earn full credit: the scale only stretches
    with pytest.raises(pydantic.ValidationError):
        detectors.parse_params("change_proof", {"full": 0.5})
