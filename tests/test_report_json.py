"""The stable report JSON (DESIGN.md, `mockmic.report/1`) and the schema kept in the repo."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

from mockmic.report import SCHEMA_PATH, render, to_dict
from mockmic.report.samples import timed_report, typed_report

# Every stable path of DESIGN.md's example; "[]" steps into the first item of a list.
STABLE_PATHS = [
    "schema",
    "question.id",
    "question.prompt",
    "transcript.text",
    "transcript.engine",
    "transcript.words[].word",
    "transcript.words[].start",
    "transcript.words[].end",
    "transcript.words[].probability",
    "delivery.duration_s",
    "delivery.words_per_minute",
    "delivery.fillers.count",
    "delivery.fillers.per_minute",
    "delivery.fillers.items[].word",
    "delivery.fillers.items[].start",
    "delivery.long_pauses[].start",
    "delivery.long_pauses[].seconds",
    "delivery.hedges",
    "delivery.apologies",
    "content.parts[].part",
    "content.parts[].seconds",
    "content.parts[].share",
    "content.parts[].text",
    "content.criteria[].id",
    "content.criteria[].score",
    "content.criteria[].evidence",
    "content.criteria[].tip",
    "content.traps[].id",
    "content.traps[].evidence",
    "score.overall",
    "score.content",
    "score.delivery",
    "model_answer.exemplar",
    "model_answer.personalized",
    "follow_up",
]


def _lookup(data: Any, path: str) -> Any:
    for step in path.split("."):
        data = data[step[:-2]][0] if step.endswith("[]") else data[step]
    return data


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_stable_field_is_present() -> None:
    data = to_dict(timed_report())
    for path in STABLE_PATHS:
        _lookup(data, path)  # KeyError / IndexError names the missing field


def test_timed_report_values() -> None:
    data = to_dict(timed_report())
    assert data["schema"] == "mockmic.report/1"
    assert data["question"] == {
        "id": "failure",
        "prompt": "Tell me about a time you failed.",
        "time_limit_s": 120.0,
    }
    assert data["transcript"]["engine"] == "faster-whisper:tiny.en"
    assert data["transcript"]["text"].startswith("So, um, last year I led the move")
    assert data["transcript"]["words"][1] == {
        "word": "um,",
        "start": 0.72,
        "end": 0.97,
        "probability": 0.55,
        "origin": "asr",
    }
    fillers = data["delivery"]["fillers"]
    assert fillers["count"] == 4
    assert [(f["word"], f["start"]) for f in fillers["items"]] == [
        ("um", 0.72),
        ("uh", 18.41),
        ("um", 37.51),
        ("like", 74.5),
    ]
    assert fillers["per_minute"] == 3.06
    assert [(p["start"], p["seconds"]) for p in data["delivery"]["long_pauses"]] == [
        (13.48, 2.72),
        (42.67, 1.92),
        (69.73, 1.32),
    ]
    assert [h["text"] for h in data["delivery"]["hedges"]] == ["sort of"]
    assert data["delivery"]["apologies"] == []
    assert [p["part"] for p in data["content"]["parts"]] == [
        "context", "failure", "ownership", "action", "lesson", "change", "proof",
    ]  # fmt: skip
    assert data["content"]["traps"] == [
        {
            "id": "we_not_i",
            "evidence": ["we, um, rebuilt the numbers"],
            "probe": "What did you yourself do that weekend?",
        }
    ]
    assert data["score"] == {"overall": 79, "content": 82, "delivery": 71}
    assert data["follow_up"] == "What did you yourself do that weekend?"


def test_typed_report_leaves_unmeasurable_fields_null() -> None:
    data = to_dict(typed_report())
    d = data["delivery"]
    for key in ("duration_s", "speaking_s", "words_per_minute", "articulation_wpm"):
        assert d[key] is None, key
    assert d["fillers"]["per_minute"] is None
    assert d["over_time_s"] is None and d["pitch_steadiness"] is None
    assert d["long_pauses"] == [] and d["pace"] == []
    assert all(w["start"] is None and w["probability"] is None for w in data["transcript"]["words"])
    assert {w["origin"] for w in data["transcript"]["words"]} == {"text"}
    assert all(p["seconds"] is None for p in data["content"]["parts"])
    assert data["score"]["delivery"] is None
    assert [a["text"] for a in d["apologies"]] == ["sorry"]
    assert all(a["start"] is None for a in d["apologies"])


@pytest.mark.parametrize("build", [timed_report, typed_report])
def test_rendered_reports_validate_against_the_schema(
    build: Any, validator: jsonschema.Draft202012Validator
) -> None:
    rendered = render(build(), "json")
    data = json.loads(rendered)
    assert data == to_dict(build())
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("score.overall", 101),
        ("score.delivery", "high"),
        ("delivery.fillers.count", -1),
        ("transcript.words[].probability", 1.5),
        ("schema", "mockmic.report/2"),
        ("content.parts[].share", None),
    ],
)
def test_schema_rejects_bad_values(
    path: str, value: Any, validator: jsonschema.Draft202012Validator
) -> None:
    data = copy.deepcopy(to_dict(timed_report()))
    *parents, leaf = path.split(".")
    target = _lookup(data, ".".join(parents)) if parents else data
    target[leaf] = value
    assert not validator.is_valid(data)


@pytest.mark.parametrize("path", STABLE_PATHS)
def test_schema_requires_each_stable_field(
    path: str, validator: jsonschema.Draft202012Validator
) -> None:
    data = copy.deepcopy(to_dict(timed_report()))
    *parents, leaf = path.split(".")
    target = _lookup(data, ".".join(parents)) if parents else data
    del target[leaf]
    assert not validator.is_valid(data), f"schema accepts a report without {path}"
