"""Kill -9 the server while it scores an answer: after a restart the answer is scored and
nothing recorded is lost (the recording and the row were both committed before scoring)."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from server_helpers import FIXTURES, free_port, start_server, stop_server

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

RECORDING = FIXTURES / "syn_answer1.wav"  # 31 s: several seconds of scoring to kill it in
TYPED = (
    "I once shipped a migration without a rollback and it broke billing for an hour. "
    "It was my call. Now every change I ship has a tested rollback."
)


def _answer(base: str, answer_id: int) -> dict[str, Any]:
    found: dict[str, Any] = httpx.get(f"{base}/api/answers/{answer_id}", timeout=10).json()
    return found


def _wait_for(base: str, answer_id: int, statuses: set[str], timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = _answer(base, answer_id)
        if answer["status"] in statuses:
            return answer
        time.sleep(0.05)
    raise AssertionError(f"answer {answer_id} never reached {statuses}: {answer}")


def test_an_answer_interrupted_by_a_crash_is_scored_after_restart(tmp_path: Path) -> None:
    data, log = tmp_path / "data", tmp_path / "server.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data, port, log)
    try:
        session = httpx.post(
            f"{base}/api/sessions", json={"question_ids": ["about_yourself", "failure"]}
        ).json()
        uploaded = RECORDING.read_bytes()
        first = httpx.post(
            f"{base}/api/sessions/{session['id']}/answers",
            data={"position": "0"},
            files={"audio": ("answer.wav", uploaded, "audio/wav")},
            timeout=30,
        ).json()
        second = httpx.post(
            f"{base}/api/sessions/{session['id']}/answers",
            data={"position": "1", "text": TYPED},
            timeout=30,
        ).json()
        _wait_for(base, first["id"], {"processing"}, timeout=60)
        os.kill(server.pid, signal.SIGKILL)
        server.wait(10)
    finally:
        stop_server(server)

    # What the crash left on disk: both rows committed, both recordings whole, none scored.
    with sqlite3.connect(data / "mockmic.db") as db:
        rows = db.execute("select id, status, input_path from answers order by id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        (first["id"], "processing"),
        (second["id"], "queued"),
    ]
    assert Path(rows[0][2]).read_bytes() == uploaded
    assert Path(rows[1][2]).read_text(encoding="utf-8") == TYPED

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data, port, log)
    try:
        for answer_id, says in ((first["id"], "experience"), (second["id"], "rollback")):
            done = _wait_for(base, answer_id, {"done", "failed"}, timeout=120)
            assert done["status"] == "done", done["error"]
            assert says in done["transcript"].lower(), done["transcript"]
            assert 0 <= done["score"]["overall"] <= 100
        again = httpx.get(f"{base}/api/sessions/{session['id']}").json()
        assert [a["id"] for a in again["answers"]] == [first["id"], second["id"]], "no duplicates"
        replay = httpx.get(f"{base}/api/answers/{first['id']}/audio")
        assert replay.content == uploaded
    finally:
        stop_server(server)
    assert "re-queued 2 answer(s)" in log.read_text()
