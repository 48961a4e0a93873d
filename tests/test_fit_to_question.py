"""The question-fit voice's mechanics (rubric.fit_to_question), on vectors made for this test: a
sibling is never the rival, an answer nearer a rival scores high, a question without a centroid
is silent; and what the semantic criterion loses for it."""

from __future__ import annotations

import numpy as np

import mockmic
from mockmic import questions
from mockmic.rubric import fit_to_question
from mockmic.types import CriterionResult
from sentence_model import needs_model

# why this employer, told when asked about a conflict with a colleague
WHY_US = (
    "I want to join you because your clinics are known for how they train new staff, and I have "
    "followed your expansion into the north for two years. The values on your site match mine, "
    "especially the focus on patients first, and the role would let me use my experience in "
    "scheduling while I grow into a team lead. I think I'd fit well and I'd learn a lot here."
)
# a strong failure in a trade the labelled answers rarely visit
FARRIER = (
    "Two winters ago I failed a client as a farrier. I shod a hunter with the wrong stud holes for "
    "frozen ground because I skipped my usual check of the diary for the yard's plans, and she "
    "slipped on the lane, luckily with no harm done. That was on me. I went back the same day, "
    "reset both fronts at no charge and rang the owner to explain. Since then I ask every yard "
    "about the week's work before I start, and in the two seasons since I have not had to reshoe "
    "a horse for the wrong job."
)


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def _centroids() -> fit_to_question.Centroids:
    ids = ("failure", "mistake", "proud_achievement")
    return fit_to_question.Centroids(
        ids=ids,
        vectors=np.stack([_unit(1, 0, 0), _unit(0.9, 0.1, 0), _unit(0, 0, 1)]),
        mean=dict.fromkeys(ids, -0.5),
        scale=dict.fromkeys(ids, 0.25),
        siblings={"failure": frozenset({"mistake"}), "mistake": frozenset({"failure"})},
        beyond=1.0,
        points=10.0,
    )


def test_a_sibling_is_never_the_rival() -> None:
    # a mistake story told for `failure` sits nearest `mistake`: that is an answer, not a rival
    c = _centroids()
    d, k = fit_to_question.raw_fit(c, _unit(0.9, 0.1, 0), "failure")
    assert c.ids[k] == "proud_achievement"
    assert d < -0.9


def test_an_answer_nearer_a_rival_scores_high_and_quotes_the_leaning_sentence() -> None:
    c = _centroids()
    rows = np.stack([_unit(1, 0, 0.2), _unit(0.1, 0, 1), _unit(0, 0.1, 1)])
    found = fit_to_question.fit(rows, 1, "failure", c)
    assert found is not None
    assert found.rival == "proud_achievement"
    assert found.z > 4  # far past where on-topic answers sit (-0.5, spread 0.25)
    assert found.sentence in (1, 2)
    assert fit_to_question.deduction(c, found) == round(10.0 * (found.z - 1.0))


def test_nothing_is_taken_from_an_answer_that_reads_like_its_own_question() -> None:
    c = _centroids()
    found = fit_to_question.fit(np.stack([_unit(1, 0, 0), _unit(1, 0.1, 0)]), 1, "failure", c)
    assert found is not None and found.z < c.beyond
    assert fit_to_question.deduction(c, found) == 0
    assert fit_to_question.deduction(c, None) == 0


def test_silent_on_a_question_without_a_centroid() -> None:
    rows = np.stack([_unit(1, 0, 0)])
    assert fit_to_question.fit(rows, 0, "why_company", _centroids()) is None


def _meaning(text: str, question: str) -> CriterionResult:
    report = mockmic.score(text, question=question)
    return next(c for c in report.assessment.criteria if c.id == "read_for_meaning")


@needs_model
def test_an_answer_to_another_question_loses_meaning_points_and_names_that_question() -> None:
    asked = _meaning(WHY_US, "conflict")
    assert questions.get("why_company").prompt in asked.tip
    assert asked.score < _meaning(WHY_US, "why_company").score


@needs_model
def test_a_strong_failure_in_an_unusual_trade_keeps_its_meaning_points() -> None:
    found = _meaning(FARRIER, "failure")
    assert questions.get("proud_achievement").prompt not in found.tip
    assert "sounds more like an answer to" not in found.tip
