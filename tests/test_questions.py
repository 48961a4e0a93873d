"""The bank loads, validates, and refuses broken files with the file and the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockmic import questions
from mockmic.errors import BankError, UnknownQuestion
from mockmic.questions.loader import BANK, GENERIC_TRAPS, load_bank, load_question

STABLE_FAILURE_TRAPS = {
    "non_failure",
    "blame",
    "over_apology",
    "catastrophic",
    "no_lesson",
    "no_proof",
    "rambling",
}
GENERIC_TRAPS_IDS = {
    "vague",
    "no_result",
    "we_not_i",
    "cliche",
    "badmouthing",
    "off_topic",
    "rambling",
}
FAILURE = (BANK / "failure.yaml").read_text(encoding="utf-8")


def test_every_question_file_loads_and_every_trap_has_a_probe() -> None:
    files = sorted(BANK.glob("*.yaml"))
    assert files, "the bank is empty"
    loaded = questions.all_questions()
    assert sorted(q.id for q in loaded) == sorted(p.stem for p in files)
    for q in loaded:
        assert q.traps, f"{q.id}: no traps"
        for t in q.traps:
            assert len(t.probe.split()) >= 3, f"{q.id}/{t.id}: no real follow-up probe"
        assert abs(sum(p.share for p in q.structure) - 1.0) <= 0.02


def test_failure_has_the_stable_traps_and_the_generic_ones() -> None:
    q = questions.get("failure")
    ids = {t.id for t in q.traps}
    assert ids >= STABLE_FAILURE_TRAPS
    assert (GENERIC_TRAPS_IDS - set(q.skip_generic)) <= ids
    assert {c.id for c in q.criteria} >= {
        "real_failure",
        "ownership",
        "no_blame",
        "short_backstory",
        "lesson",
        "change_proof",
        "composure",
    }


def test_generic_traps_file_has_every_stable_generic_id() -> None:
    import yaml

    raw = yaml.safe_load(GENERIC_TRAPS.read_text(encoding="utf-8"))
    assert {t["id"] for t in raw["traps"]} == GENERIC_TRAPS_IDS


def test_unknown_question_names_valid_ids_and_the_command() -> None:
    with pytest.raises(UnknownQuestion) as e:
        questions.get("failur")
    assert "'failur'" in str(e.value)
    assert "failure" in str(e.value)
    assert "`mockmic questions`" in str(e.value)


def test_role_packs_reference_existing_questions() -> None:
    packs = questions.role_packs()
    ids = {q.id for q in questions.all_questions()}
    for role in (
        "software_engineer",
        "product_manager",
        "data_analyst",
        "sales",
        "customer_support",
        "people_manager",
        "new_graduate",
    ):
        assert packs[role], role
        assert set(packs[role]) <= ids


def _roles(tmp_path: Path) -> Path:
    """A role file naming only the failure question, for a bank folder holding just that file."""
    path = tmp_path / "roles.yaml"
    path.write_text("roles:\n  sales:\n    label: Sales\n    questions: [failure]\n")
    return path


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in FAILURE, old
    bank = tmp_path / "bank"
    bank.mkdir()
    path = bank / "failure.yaml"
    path.write_text(FAILURE.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (
            "    weight: 0.17\n    detector: ownership",
            "    weight: -1\n    detector: ownership",
            "criteria[1].weight",
        ),
        ("difficulty: medium", "difficulty: brutal", "difficulty"),
        ("    share: 0.10\n", "    share: 0.50\n", "structure"),
        ("    detector: humble_brag", "    detector: humblebrag", "traps[0].detector"),
        (
            "    params: {early: 0.45, plain: 0.85}",
            "    params: {earli: 0.45, plain: 0.85}",
            "criteria[1].params.earli",
        ),
        ("time_limit_s: 120", "time_limit_s: 120\ntime_limt: 3", "time_limt"),
        ("    part: ownership", "    part: epilogue", "traps[1] (blame).part"),
    ],
)
def test_a_broken_file_names_the_file_and_the_field(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    path = _broken(tmp_path, old, new)
    with pytest.raises(BankError) as e:
        load_bank(path.parent, GENERIC_TRAPS, _roles(tmp_path))
    assert str(path) in str(e.value)
    assert field in str(e.value)


def test_a_file_whose_id_differs_from_its_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "failure2.yaml"
    path.write_text(FAILURE, encoding="utf-8")
    with pytest.raises(BankError, match="failure2"):
        load_question(path)


def test_bad_yaml_is_a_bank_error(tmp_path: Path) -> None:
    path = _broken(tmp_path, "prompt: Tell me", "prompt: [Tell me")
    with pytest.raises(BankError, match="cannot read as YAML"):
        load_bank(path.parent, GENERIC_TRAPS, _roles(tmp_path))


def test_a_question_overrides_a_generic_trap_field_by_id(tmp_path: Path) -> None:
    path = _broken(
        tmp_path,
        "\nmodel_answer:",
        "\n  - id: vague\n    probe: Which time exactly?\n\nmodel_answer:",
    )
    q = load_bank(path.parent, GENERIC_TRAPS, _roles(tmp_path)).questions["failure"]
    vague = q.trap("vague")
    assert vague is not None and vague.probe == "Which time exactly?"
    assert vague.detector == "specificity"  # the rest still comes from traps.yaml


def test_role_pack_with_unknown_question_is_refused(tmp_path: Path) -> None:
    roles = tmp_path / "roles.yaml"
    roles.write_text("roles:\n  sales:\n    label: Sales\n    questions: [failure, nope]\n")
    with pytest.raises(BankError) as e:
        load_bank(BANK, GENERIC_TRAPS, roles)
    assert "roles.sales.questions" in str(e.value) and "'nope'" in str(e.value)


def test_generic_criteria_join_every_question_unless_skipped() -> None:
    for q in questions.all_questions():
        ids = {c.id for c in q.criteria}
        skipped = set(q.skip_generic)
        assert ("specific_example" in ids) != ("vague" in skipped or "specific_example" in skipped)
        assert ("outcome" in ids) != ("no_result" in skipped or "outcome" in skipped)
    failure = questions.get("failure")
    assert "outcome" not in {c.id for c in failure.criteria}  # skips no_result, so outcome too
    assert "specific_example" not in {c.id for c in failure.criteria}
