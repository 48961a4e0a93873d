"""The bank's content: enough questions, role packs, model answers, and sample answers whose
named traps fire on every question (the failure question has its own tests in test_rubric.py)."""

from __future__ import annotations

import pytest

from answers import ANSWERS, Sample, samples, score_sample
from mockmic import questions

STABLE = {
    "failure",
    "mistake",
    "conflict",
    "weakness",
    "about_yourself",
    "leadership",
    "pressure",
    "why_company",
}
ROLES = {
    "software_engineer",
    "product_manager",
    "data_analyst",
    "sales",
    "customer_support",
    "people_manager",
    "new_graduate",
}
ALL = sorted(q.id for q in questions.all_questions())
SAMPLES = [s for s in samples() if s.question != "failure"]


def test_the_bank_has_forty_questions_and_the_stable_ids() -> None:
    assert len(ALL) >= 40
    assert set(ALL) >= STABLE


def test_every_role_pack_has_five_questions() -> None:
    packs = questions.role_packs()
    assert set(packs) >= ROLES
    for role in ROLES:
        assert len(packs[role]) >= 5, role


@pytest.mark.parametrize("qid", ALL)
def test_model_answer_fits_the_time_limit(qid: str) -> None:
    q = questions.get(qid)
    words = len(q.model_answer.split())
    assert words / 2.4 <= q.time_limit_s, f"{qid}: {words} words is too long to say in time"
    if qid != "failure":
        assert 120 <= words <= 220, f"{qid}: model answer has {words} words"


@pytest.mark.parametrize("qid", ALL)
def test_every_question_has_a_strong_and_a_weak_sample(qid: str) -> None:
    assert (ANSWERS / f"{qid}.yaml").exists(), qid
    labels = {s.label for s in samples(qid)}
    assert {"strong", "weak"} <= labels, qid
    own = {t.id for t in questions.get(qid).traps}
    for s in samples(qid):
        assert s.label == "strong" or s.traps, f"{s.name}: a weak sample names its trap"
        assert set(s.traps) <= own, f"{s.name}: {set(s.traps) - own} are not traps of {qid}"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_named_traps_fire_and_strong_answers_stay_clean(sample: Sample) -> None:
    q = questions.get(sample.question)
    fired = score_sample(sample).fired
    assert set(sample.traps) <= fired, f"{sample.name}: wanted {sample.traps}, fired {fired}"
    if sample.label == "strong":
        serious = {t.id for t in q.traps if t.severity >= 2}
        assert not fired & serious, f"{sample.name}: a strong answer fired {fired & serious}"
