"""The command line as a user meets it: exit codes, one-line errors, formats, --help."""

from __future__ import annotations

import json
import math
import os
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def mockmic(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockmic.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """Bad input: exit 2, nothing on stdout, exactly one line on stderr, no traceback."""
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def write_wav(path: Path, samples: list[float], rate: int = 16_000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))
    return path


def test_text_answer_scores_with_content_only(tmp_path: Path) -> None:
    result = mockmic(
        "score", str(SAMPLES / "failure-answer.txt"), "--question", "failure", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "mockmic.report/1"
    assert report["question"]["id"] == "failure"
    assert report["transcript"]["engine"] == "text"
    assert report["delivery"]["duration_s"] is None  # text has no timings: null, not invented
    assert 0 <= report["score"]["overall"] <= 100


def test_html_report_is_written_to_out(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = mockmic(
        "score",
        str(SAMPLES / "failure-answer.txt"),
        "-q",
        "failure",
        "--format",
        "html",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "promised a large customer" in page


def test_missing_file(tmp_path: Path) -> None:
    line = one_line_error(mockmic("score", str(tmp_path / "nope.wav"), "-q", "failure"))
    assert "nope.wav" in line


def test_unknown_question_is_refused_before_any_audio_work(tmp_path: Path) -> None:
    line = one_line_error(mockmic("score", str(SAMPLES / "failure-answer.txt"), "-q", "falure"))
    assert "falure" in line and "mockmic questions" in line


def test_not_audio(tmp_path: Path) -> None:
    fake = tmp_path / "answer.wav"
    fake.write_text("this is not a recording\n" * 50)
    line = one_line_error(mockmic("score", str(fake), "-q", "failure"))
    assert "answer.wav" in line


def test_silent_recording(tmp_path: Path) -> None:
    silent = write_wav(tmp_path / "silent.wav", [0.0] * 16_000 * 3)
    line = one_line_error(mockmic("score", str(silent), "-q", "failure"))
    assert "silent" in line.lower() or "speech" in line.lower()


def test_tone_without_speech(tmp_path: Path) -> None:
    """A steady hum is loud but says nothing: no transcript words, so no answer to score."""
    tone = [0.3 * math.sin(2 * math.pi * 440 * i / 16_000) for i in range(16_000 * 3)]
    line = one_line_error(
        mockmic("score", str(write_wav(tmp_path / "hum.wav", tone)), "-q", "failure")
    )
    assert "speech" in line.lower()


def test_empty_text_answer(tmp_path: Path) -> None:
    empty = tmp_path / "answer.txt"
    empty.write_text("  \n")
    line = one_line_error(mockmic("score", str(empty), "-q", "failure"))
    assert "empty" in line


@pytest.mark.parametrize("command", ["score", "practice", "serve", "questions", "history"])
def test_help_documents_every_command(command: str) -> None:
    result = mockmic(command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout


def test_questions_lists_the_bank_as_json() -> None:
    result = mockmic("questions", "--format", "json")
    assert result.returncode == 0, result.stderr
    ids = {q["id"] for q in json.loads(result.stdout)}
    assert "failure" in ids
    assert len(ids) >= 40


def test_questions_of_a_role_say_which_packs_ask_them() -> None:
    result = mockmic("questions", "--role", "sales", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) >= 5
    assert all("sales" in row["roles"] for row in rows)


def test_questions_of_a_category_are_only_that_category() -> None:
    result = mockmic("questions", "--category", "behavioural", "--format", "json")
    assert result.returncode == 0, result.stderr
    categories = {row["category"] for row in json.loads(result.stdout)}
    assert categories == {"behavioural"}


@pytest.mark.parametrize("option", ["--role", "--category"])
def test_unknown_role_or_category_lists_the_choices(option: str) -> None:
    line = one_line_error(mockmic("questions", option, "nosuch"))
    assert "nosuch" in line and "choose one of" in line


def test_help_keeps_its_paragraphs_whole() -> None:
    """Docstrings are wrapped for the source, not the screen: on a wide terminal each paragraph of
    help is one line, not cut where the source line happened to end."""
    result = subprocess.run(
        [sys.executable, "-m", "mockmic.cli", "score", "--help"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "300"},
    )
    lines = [line.strip(" │") for line in result.stdout.splitlines()]
    assert any(
        line.startswith("The report has") and line.endswith("two model answers.") for line in lines
    )
    assert any(line.startswith("Exit codes: 0 done") for line in lines)
