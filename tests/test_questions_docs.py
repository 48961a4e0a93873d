"""docs/questions.md documents every schema field, every detector and every detector parameter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from mockmic.rubric import detectors
from mockmic.rubric.schema import (
    Criterion,
    Owned,
    Part,
    Premise,
    Question,
    RoleFile,
    RolePack,
    Trap,
    Weights,
)

DOC = (Path(__file__).resolve().parents[1] / "docs" / "questions.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z_]+)`", DOC))
MODELS: list[type[BaseModel]] = [
    Question,
    Part,
    Criterion,
    Trap,
    Owned,
    Premise,
    Weights,
    RolePack,
    RoleFile,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_schema_field_is_documented(model: type[BaseModel]) -> None:
    missing = set(model.model_fields) - DOCUMENTED
    assert not missing, f"{model.__name__} fields missing from docs/questions.md: {missing}"


def test_every_detector_and_parameter_is_documented() -> None:
    for name, det in detectors.DETECTORS.items():
        row = re.search(rf"^\| `{name}` \|(.*)$", DOC, re.M)
        assert row, f"detector {name} is not in the detector table of docs/questions.md"
        for param in det.params.model_fields:
            assert f"`{param}`" in row.group(1), f"{name}: parameter {param} undocumented"


def test_the_documented_detectors_exist() -> None:
    table = DOC.split("## Detectors", 1)[1].split("## Sample answers", 1)[0]
    named = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))
    assert named == set(detectors.DETECTORS)
