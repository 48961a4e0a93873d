"""The JSON API and the pages over a real SQLite file, with the real scoring pipeline.

Typed answers go through the whole pipeline quickly; the tests that upload a real recording run
the speech model and are marked slow.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mockmic.settings import Settings
from mockmic.web import create_app

LOCAL = "http://127.0.0.1:8000"  # the app answers on localhost only
FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/audio"

GOOD = (
    "Two years ago I led the move of our reporting jobs to a new scheduler, and I skipped the "
    "dry run to hit the date. The first nightly run double-billed three hundred customers. That "
    "was my decision and my failure. I stopped the jobs, refunded everyone within a day and "
    "wrote the review. I learned that a deadline never outranks a rehearsal, and since then "
    "every migration I run has a dry run and a rollback; the last four went out with no incident."
)
BLAMING = "It failed because the QA team never tested it. Not my fault really, they missed it."


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # The database is named explicitly so a MOCKMIC_DATABASE_URL in the environment is never hit.
    return Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'mockmic.db'}",
        max_upload_bytes=2_000_000,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url=LOCAL) as c:
        yield c


def wait_scored(client: TestClient, answer_id: int, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer: dict[str, Any] = client.get(f"/api/answers/{answer_id}").json()
        if answer["status"] in ("done", "failed"):
            return answer
        time.sleep(0.1)
    raise AssertionError(f"answer {answer_id} was not scored in {timeout} s")


def new_session(client: TestClient, **spec: Any) -> dict[str, Any]:
    res = client.post("/api/sessions", json={"question_ids": ["failure"], **spec})
    assert res.status_code == 201, res.text
    session: dict[str, Any] = res.json()
    return session


def typed(client: TestClient, session_id: int, text: str, **form: str) -> dict[str, Any]:
    res = client.post(f"/api/sessions/{session_id}/answers", data={"text": text, **form})
    assert res.status_code == 202, res.text
    answer: dict[str, Any] = res.json()
    return answer


def test_questions_and_role_packs_are_listed(client: TestClient) -> None:
    questions = client.get("/api/questions").json()
    assert "failure" in [q["id"] for q in questions]
    roles = client.get("/api/roles").json()
    assert roles and all(r["question_ids"] for r in roles)


def test_a_session_from_a_role_pack_keeps_its_settings(client: TestClient) -> None:
    role = client.get("/api/roles").json()[0]
    res = client.post(
        "/api/sessions",
        json={
            "role": role["id"],
            "count": 2,
            "mode": "interview",
            "thinking_s": 0,
            "time_limit_s": 45,
        },
    )
    assert res.status_code == 201, res.text
    session = res.json()
    assert session["question_ids"] == role["question_ids"][:2]
    assert session["mode"] == "interview" and session["thinking_s"] == 0
    assert {q["time_limit_s"] for q in session["questions"]} == {45}
    assert client.get(f"/api/sessions/{session['id']}").json()["id"] == session["id"]
    assert [s["id"] for s in client.get("/api/sessions").json()] == [session["id"]]


def test_without_a_role_or_a_pick_a_session_starts_with_the_core_questions(
    client: TestClient,
) -> None:
    session = client.post("/api/sessions", json={"count": 3}).json()
    assert session["question_ids"] == ["about_yourself", "failure", "conflict"]


@pytest.mark.parametrize(
    ("spec", "status", "says"),
    [
        ({"question_ids": ["no_such_question"]}, 404, "no_such_question"),
        ({"role": "astronaut"}, 400, "astronaut"),
        ({"question_ids": ["failure"], "mode": "exam"}, 422, "practice"),
        ({"question_ids": ["failure"], "thinking_s": -1}, 422, "thinking_s"),
    ],
)
def test_a_bad_session_is_refused_with_the_reason(
    client: TestClient, spec: dict[str, Any], status: int, says: str
) -> None:
    res = client.post("/api/sessions", json=spec)
    assert res.status_code == status
    assert says in res.text


def test_a_typed_answer_is_stored_before_it_is_scored_then_scored(
    client: TestClient, settings: Settings
) -> None:
    session = new_session(client)
    answer = typed(client, session["id"], GOOD)
    assert answer["status"] in ("queued", "processing", "done")
    stored = list(settings.audio_dir.glob("*.txt"))
    assert len(stored) == 1 and stored[0].read_text(encoding="utf-8") == GOOD

    done = wait_scored(client, answer["id"])
    assert done["status"] == "done", done["error"]
    assert 0 <= done["score"]["overall"] <= 100
    assert "dry run" in done["transcript"]

    report = client.get(f"/api/answers/{answer['id']}/report").json()
    assert report["schema"] == "mockmic.report/1"
    assert report["score"]["overall"] == done["score"]["overall"]
    assert report["question"]["id"] == "failure"


def test_a_follow_up_is_asked_when_a_trap_fires_and_its_answer_is_kept(
    client: TestClient,
) -> None:
    session = new_session(client)
    main = wait_scored(client, typed(client, session["id"], BLAMING)["id"])
    assert main["follow_up"], "blaming others fires a trap and its probe"
    probe = typed(
        client,
        session["id"],
        "I should have run the tests myself.",
        kind="follow_up",
        parent_id=str(main["id"]),
    )
    assert probe["kind"] == "follow_up" and probe["prompt"] == main["follow_up"]
    wait_scored(client, probe["id"])
    again = client.get(f"/api/sessions/{session['id']}").json()
    assert [a["kind"] for a in again["answers"]] == ["answer", "follow_up"]
    assert again["overall"] == main["score"]["overall"], "follow-ups are not averaged in"


def test_a_follow_up_must_reply_to_an_answer_of_the_session(client: TestClient) -> None:
    session = new_session(client)
    res = client.post(
        f"/api/sessions/{session['id']}/answers",
        data={"text": "x", "kind": "follow_up", "parent_id": "999"},
    )
    assert res.status_code == 400 and "parent_id" in res.json()["detail"]


def test_interview_mode_allows_one_take_practice_mode_more(client: TestClient) -> None:
    interview = new_session(client, mode="interview")
    typed(client, interview["id"], GOOD)
    res = client.post(f"/api/sessions/{interview['id']}/answers", data={"text": GOOD})
    assert res.status_code == 409 and "one answer" in res.json()["detail"]

    practice = new_session(client, mode="practice")
    first = typed(client, practice["id"], BLAMING)
    second = typed(client, practice["id"], GOOD)
    assert second["id"] != first["id"]


def test_an_answer_past_the_last_question_is_refused(client: TestClient) -> None:
    session = new_session(client)
    res = client.post(
        f"/api/sessions/{session['id']}/answers", data={"text": GOOD, "position": "1"}
    )
    assert res.status_code == 400 and "position 1" in res.json()["detail"]


def test_bytes_that_only_claim_to_be_audio_are_refused_and_not_kept(
    client: TestClient, settings: Settings
) -> None:
    session = new_session(client)
    res = client.post(
        f"/api/sessions/{session['id']}/answers",
        files={"audio": ("answer.webm", b"this is not audio at all" * 50, "audio/webm")},
    )
    assert res.status_code == 400
    detail = res.json()["detail"]
    assert "not a readable audio file" in detail
    assert str(settings.audio_dir) not in detail, "the reason, not our file layout"
    assert list(settings.audio_dir.iterdir()) == []
    assert client.get(f"/api/sessions/{session['id']}").json()["answers"] == []


def test_an_upload_over_the_size_limit_is_refused(client: TestClient, settings: Settings) -> None:
    session = new_session(client)
    res = client.post(
        f"/api/sessions/{session['id']}/answers",
        files={"audio": ("big.wav", b"\0" * (settings.max_upload_bytes + 1), "audio/wav")},
    )
    assert res.status_code == 413 and "MB upload limit" in res.json()["detail"]
    assert list(settings.audio_dir.iterdir()) == []


def test_a_recording_over_the_time_limit_is_refused(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "d", database_url=f"sqlite:///{tmp_path / 'd.db'}", max_answer_seconds=5
    )
    with TestClient(create_app(settings), base_url=LOCAL) as client:
        session = new_session(client)
        with (FIXTURES / "jfk.flac").open("rb") as f:  # 11 s
            res = client.post(
                f"/api/sessions/{session['id']}/answers",
                files={"audio": ("jfk.flac", f, "audio/flac")},
            )
    assert res.status_code == 413
    assert "limit" in res.json()["detail"]


def test_neither_or_both_of_audio_and_text_is_refused(client: TestClient) -> None:
    session = new_session(client)
    res = client.post(f"/api/sessions/{session['id']}/answers", data={"position": "0"})
    assert res.status_code == 400 and "either" in res.json()["detail"]


@pytest.mark.slow
def test_a_real_recording_is_transcribed_scored_and_replayable(client: TestClient) -> None:
    session = new_session(client)
    wav = (FIXTURES / "syn_answer1.wav").read_bytes()
    res = client.post(
        f"/api/sessions/{session['id']}/answers",
        files={"audio": ("answer.bin", wav, "application/octet-stream")},
    )
    assert res.status_code == 202, res.text
    done = wait_scored(client, res.json()["id"])
    assert done["status"] == "done", done["error"]
    assert "five years of experience" in done["transcript"].lower()
    audio = client.get(done["audio_url"])
    assert audio.status_code == 200 and audio.content == wav


def test_deleting_sessions_removes_answers_and_files(
    client: TestClient, settings: Settings
) -> None:
    one, two = new_session(client), new_session(client)
    wait_scored(client, typed(client, one["id"], GOOD)["id"])
    wait_scored(client, typed(client, two["id"], GOOD)["id"])
    assert len(list(settings.audio_dir.iterdir())) == 2

    assert client.delete(f"/api/sessions/{one['id']}").status_code == 204
    assert client.get(f"/api/sessions/{one['id']}").status_code == 404
    assert client.delete(f"/api/sessions/{one['id']}").status_code == 404
    assert len(list(settings.audio_dir.iterdir())) == 1

    orphan = settings.audio_dir / "left-by-a-crash.webm"
    orphan.write_bytes(b"recorded, never committed")
    assert client.delete("/api/sessions").json() == {"deleted": 1}
    assert client.get("/api/sessions").json() == []
    assert list(settings.audio_dir.iterdir()) == []


def test_progress_lists_each_attempt_in_time_order(client: TestClient) -> None:
    ids = []
    for text in (BLAMING, GOOD):
        session = new_session(client)
        ids.append(wait_scored(client, typed(client, session["id"], text)["id"])["id"])
    progress = client.get("/api/progress").json()
    assert [p["question_id"] for p in progress] == ["failure"]
    attempts = progress[0]["attempts"]
    assert [a["answer_id"] for a in attempts] == ids
    assert attempts[1]["overall"] > attempts[0]["overall"], "the better answer scores higher"


def test_the_api_is_documented_by_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/questions",
        "/api/sessions",
        "/api/sessions/{session_id}",
        "/api/sessions/{session_id}/answers",
        "/api/answers/{answer_id}",
        "/api/answers/{answer_id}/report",
        "/api/answers/{answer_id}/audio",
        "/api/progress",
    ):
        assert path in paths, path
    assert all(p.startswith("/api/") for p in paths), "pages stay out of the API schema"
