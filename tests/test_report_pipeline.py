"""A real report from the pipeline (a typed answer, so no speech model), in every format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from mockmic.pipeline import score_answer
from mockmic.report import SCHEMA_PATH, render, to_dict
from mockmic.types import Report

ANSWER = (
    "I guess the clearest failure I own is a data migration I ran last spring. I skipped the dry"
    " run to hit the date, and the first invoices after the switch went out with the wrong tax"
    " rate, sorry. That was my call. I told my manager the same morning, wrote a script to find"
    " every wrong invoice, and we re-issued them within two days. What I learned is that a"
    " deadline never justifies dropping the one check that protects customers. Since then I"
    " always run a dry run on a copy of real data, and in the five migrations since, none has"
    " needed a correction."
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    path: Path = tmp_path_factory.mktemp("answer") / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    return score_answer(path, "failure")


def test_pipeline_report_json_validates(report: Report) -> None:
    data = json.loads(render(report, "json"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    assert data == to_dict(report)
    assert data["question"]["id"] == "failure"
    assert data["transcript"]["engine"] == "text"
    assert data["delivery"]["duration_s"] is None and data["delivery"]["words_per_minute"] is None
    assert [a["start"] for a in data["delivery"]["apologies"]] == [None]
    assert data["content"]["criteria"], "the failure rubric scored nothing"


def test_pipeline_report_text(report: Report) -> None:
    text = render(report, "text", width=100)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert f"{report.score.overall}/100" in text
    assert (
        "Typed answer: without timings only the words can be judged (hedges, apologies), not"
        in text
    )
    for criterion in report.assessment.criteria:
        assert criterion.label.split()[0] in text


def test_pipeline_report_html(report: Report) -> None:
    html = render(report, "html")
    assert re.search(rf'data-testid="report-score">{report.score.overall}<', html)
    transcript = html[html.index('data-testid="transcript"') :]
    for word in ("migration", "invoices", "re-issued"):
        assert f">{word}<" in transcript
    assert 'class="mm-w mm-apology"' in transcript
    assert "mm-timeline" not in html.split("</style>")[1]
