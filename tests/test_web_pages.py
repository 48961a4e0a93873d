"""The HTML pages over a real SQLite file: controls carry their test ids, answers are escaped,
the report reuses the report package's partial, history charts progress, deletion works."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mockmic.settings import Settings
from mockmic.web import create_app

LOCAL = "http://127.0.0.1:8000"  # the app answers on localhost only

GOOD = (
    "Two years ago I led the move of our reporting jobs to a new scheduler, and I skipped the "
    "dry run to hit the date. The first nightly run double-billed three hundred customers. That "
    "was my decision and my failure. I stopped the jobs, refunded everyone within a day and "
    "wrote the review. I learned that a deadline never outranks a rehearsal, and since then "
    "every migration I run has a dry run and a rollback; the last four went out with no incident."
)
HOSTILE = "I failed once. <script>alert('owned')</script> It was <b>bad</b> & I learned a lot."


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # The database is named explicitly so a MOCKMIC_DATABASE_URL in the environment is never hit.
    return Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'm.db'}")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url=LOCAL) as c:
        yield c


def answered_session(client: TestClient, *texts: str, mode: str = "practice") -> dict[str, Any]:
    session: dict[str, Any] = client.post(
        "/api/sessions", json={"question_ids": ["failure"] * len(texts), "mode": mode}
    ).json()
    for position, text in enumerate(texts):
        answer = client.post(
            f"/api/sessions/{session['id']}/answers",
            data={"text": text, "position": str(position)},
        ).json()
        deadline = time.monotonic() + 60
        while client.get(f"/api/answers/{answer['id']}").json()["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline
            time.sleep(0.05)
    return session


def ids_in(html: str) -> set[str]:
    return set(re.findall(r'data-testid="([^"]+)"', html))


def test_setup_page_has_the_controls_and_every_question(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert {"start-interview", "question-text", "start-answer", "stop-answer", "next-question"} <= (
        ids_in(page.text)
    )
    assert 'value="failure"' in page.text
    assert 'name="thinking_s"' in page.text and 'name="time_limit_s"' in page.text
    assert 'value="interview"' in page.text and 'value="practice"' in page.text


def test_interview_page_embeds_the_session_safely(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"question_ids": ["failure"]}).json()
    page = client.get(f"/interview/{session['id']}")
    assert page.status_code == 200
    assert {"start-interview", "question-text", "start-answer", "stop-answer"} <= ids_in(page.text)
    data = re.search(
        r'<script type="application/json" id="session-data">(.*?)</script>', page.text, re.S
    )
    assert data and '"report_page":"/sessions/' in data.group(1)
    assert "<" not in data.group(1), "nothing in the JSON can close the script tag"


def test_a_missing_session_is_a_readable_404_page(client: TestClient) -> None:
    page = client.get("/interview/424242")
    assert page.status_code == 404
    assert "No session 424242" in page.text and "<html" in page.text


def test_report_page_shows_scores_and_the_escaped_transcript(client: TestClient) -> None:
    session = answered_session(client, GOOD, HOSTILE)
    page = client.get(f"/sessions/{session['id']}/report")
    assert page.status_code == 200
    html = page.text
    assert "<script>alert" not in html and "<b>bad</b>" not in html
    assert "&lt;script&gt;" in html
    # One page-wide score and transcript (the session's); each answer has its own ids.
    ids = re.findall(r'data-testid="([a-z-]+)"', html)
    assert ids.count("report-score") == 1 and ids.count("transcript") == 1
    assert ids.count("question-score") == 2 and ids.count("question-transcript") == 2
    scores = client.get(f"/api/sessions/{session['id']}").json()
    overall = re.search(r'data-testid="report-score">(\d+)<', html)
    assert overall and int(overall.group(1)) == scores["overall"]
    dialogue = html[html.index('data-testid="transcript"') : html.index('class="answers"')]
    assert "Tell me about a time you failed." in dialogue and "&lt;script&gt;" in dialogue
    assert "Strongest points" in html and "What to practise next" in html
    assert 'href="/report.css"' in html and 'class="mm-report"' in html
    assert client.get("/report.css").headers["content-type"].startswith("text/css")
    script = client.get("/report.js")  # the exported page's legend toggles, one copy
    assert script.headers["content-type"].startswith("text/javascript")
    assert "mm-legend" in script.text and '<script src="/report.js">' in html
    assert 'http-equiv="refresh"' not in html, "nothing pending, no refresh"
    summary = client.get(f"/api/sessions/{session['id']}/summary").json()
    assert summary["overall"] == scores["overall"] and summary["answered"] == 2
    assert summary["practise_next"][0] in html.replace("&#34;", '"')


def test_the_report_page_and_the_html_export_share_one_partial(client: TestClient) -> None:
    from mockmic import report as renderers
    from mockmic.report import samples

    exported = renderers.render(samples.typed_report(), "html")
    # The partial's markers appear in both: same template, not a look-alike.
    assert 'class="mm-report"' in exported and 'data-testid="transcript"' in exported
    session = answered_session(client, GOOD)
    page = client.get(f"/sessions/{session['id']}/report").text
    for marker in ('class="mm-hero mm-card"', 'class="mm-transcript" data-testid='):
        assert marker in exported and marker in page
    # On its own the answer's score is the page's report-score; inside a session, question-score.
    assert 'data-testid="report-score"' in exported and 'data-testid="question-score"' in page


def test_history_charts_attempts_and_offers_practice_and_compare(client: TestClient) -> None:
    first = answered_session(client, "It failed because QA missed it.")
    second = answered_session(client, GOOD)
    html = client.get("/history").text
    assert f"/sessions/{first['id']}/report" in html and f"/sessions/{second['id']}/report" in html
    assert re.search(r'<polyline points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"', html), "a 2-point line"
    assert 'formaction="/history/practise/failure"' in html
    a, b = re.findall(r'name="a" value="(\d+)"', html)
    compare = client.get(f"/compare?a={a}&b={b}")
    assert compare.status_code == 200 and compare.text.count('class="mm-report"') == 2
    scores = [client.get(f"/api/answers/{i}").json()["score"]["overall"] for i in (a, b)]
    row = re.search(r'<tr class="total"><th>Overall</th>(.*?)</tr>', compare.text, re.S)
    assert row and re.findall(r"<b>(\d+)</b>", row.group(1)) == [str(s) for s in scores]
    delta = scores[1] - scores[0]
    assert (f"{delta:+d}" if delta else "same") in row.group(1)
    assert 'data-testid="report-score"' not in compare.text, "no page-wide score here"
    assert f'href="/compare?a={a}&amp;b={b}"' in html, "first and latest in one click"
    half = client.get(f"/compare?a={a}")
    assert half.status_code == 400 and "Pick one attempt as A and one as B" in half.text


def test_practise_again_starts_a_one_question_session(client: TestClient) -> None:
    res = client.post("/history/practise/failure", follow_redirects=False)
    assert res.status_code == 303
    session_id = int(res.headers["location"].rsplit("/", 1)[1])
    session = client.get(f"/api/sessions/{session_id}").json()
    assert session["question_ids"] == ["failure"] and session["mode"] == "practice"


def test_deleting_from_the_history_page(client: TestClient, settings: Settings) -> None:
    keep, drop = answered_session(client, GOOD), answered_session(client, GOOD)
    res = client.post(f"/sessions/{drop['id']}/delete", follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == "/history"
    assert [s["id"] for s in client.get("/api/sessions").json()] == [keep["id"]]
    client.post("/history/delete-all")
    assert client.get("/api/sessions").json() == []
    assert list(settings.audio_dir.iterdir()) == []
    assert "No sessions yet" in client.get("/history").text


def test_static_script_and_styles_are_served(client: TestClient) -> None:
    js = client.get("/static/interview.js")
    assert js.status_code == 200 and "MediaRecorder" in js.text and "speechSynthesis" in js.text
    assert "innerHTML" not in js.text, "server text only ever goes in through textContent"
    assert "@media print" in client.get("/static/style.css").text


def test_other_sites_cannot_change_anything(client: TestClient) -> None:
    session = answered_session(client, GOOD)
    forged = client.post("/history/delete-all", headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403 and "another site" in forged.text
    api = client.delete("/api/sessions", headers={"Origin": "https://evil.example"})
    assert api.status_code == 403
    rebound = client.get("/api/sessions", headers={"Host": "evil.example:8000"})
    assert rebound.status_code == 403 and "localhost only" in rebound.text
    assert [s["id"] for s in client.get("/api/sessions").json()] == [session["id"]]
    same_site = client.post("/history/delete-all", headers={"Origin": LOCAL})
    assert same_site.status_code == 200 and client.get("/api/sessions").json() == []


def test_bound_beyond_localhost_the_host_check_is_off(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "d", database_url=f"sqlite:///{tmp_path / 'd.db'}", host="0.0.0.0"
    )
    with TestClient(create_app(settings), base_url="http://192.168.1.20:8000") as c:
        assert c.get("/api/questions").status_code == 200


def test_the_api_reference_works_offline_and_covers_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert all(path.startswith("/api/") for path in spec["paths"]), "pages stay out of the API"
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "<script" not in page.text, "nothing to fetch"
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            assert f"{method.upper()}</span> <code>{path}</code>" in page.text, path
            assert op.get("description"), f"{method.upper()} {path} has no description"
    assert 'id="schema-SessionCreate"' in page.text and "Default: <code>2</code>" in page.text
