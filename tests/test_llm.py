"""The optional LLM, against a fake OpenAI-compatible server spoken to over real HTTP.

The server is the one thing outside the project, so it is faked at the protocol level: a local
HTTP server that answers POST /v1/chat/completions the way OpenAI, Ollama or llama.cpp do."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from mockmic.llm import LLMOptions
from mockmic.pipeline import PipelineOptions, score_answer
from mockmic.report import render

# A failure story with no lesson, change or proof: the rebuilt answer asks for them in brackets.
THIN_ANSWER = (
    "Last spring I sent the quarterly figures to our director with a formula error in the "
    "totals, and she repeated the wrong number to the board. That mistake was mine: I did not "
    "check the sheet against the ledger before sending it."
)


@dataclass
class FakeLLM:
    """What the fake server will answer, and every request it got."""

    reply: Any = None  # a function of the draft; None = echo the draft with a polish
    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def fake_llm() -> Iterator[FakeLLM]:
    state = FakeLLM()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(body)
            state.headers.append(dict(self.headers))
            if self.path != "/v1/chat/completions" or state.status != 200:
                self.send_response(state.status if state.status != 200 else 404)
                self.end_headers()
                return
            draft = body["messages"][-1]["content"].split("Draft:\n", 1)[1]
            text = state.reply(draft) if state.reply else "Put simply: " + draft
            payload = {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]}
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def rules_only() -> PipelineOptions:
    return replace(PipelineOptions(), llm=None)


def with_llm(url: str, **kw: Any) -> PipelineOptions:
    return replace(PipelineOptions(), llm=LLMOptions(url=url, model="tiny-chat", **kw))


def test_the_llm_rewords_the_rebuilt_answer_and_is_named(fake_llm: FakeLLM) -> None:
    draft = score_answer(THIN_ANSWER, "failure", rules_only()).model_answer.personalized
    assert "[" in draft, "the thin answer must leave parts to fill in, or this test shows nothing"

    report = score_answer(THIN_ANSWER, "failure", with_llm(fake_llm.url, api_key="k-123"))

    assert report.model_answer.personalized == "Put simply: " + draft
    assert report.model_answer.personalized_by == "llm:tiny-chat"
    (request,) = fake_llm.requests
    assert request["model"] == "tiny-chat"
    assert request["messages"][0]["role"] == "system"
    assert "Tell me about a time you failed." in request["messages"][1]["content"]
    assert draft in request["messages"][1]["content"]
    assert fake_llm.headers[0]["Authorization"] == "Bearer k-123"
    assert "Reworded by tiny-chat" in render(report, "html")
    assert "Reworded by" not in render(score_answer(THIN_ANSWER, "failure", rules_only()), "html")


def test_a_reply_that_fills_in_the_missing_parts_is_refused(
    fake_llm: FakeLLM, caplog: pytest.LogCaptureFixture
) -> None:
    """Dropping a [prompt] means the model invented the lesson or the proof: keep the draft."""
    fake_llm.reply = lambda draft: draft.split("[")[0] + "Since then every sheet is checked twice."
    rules = score_answer(THIN_ANSWER, "failure", rules_only()).model_answer

    with caplog.at_level(logging.WARNING, logger="mockmic"):
        report = score_answer(THIN_ANSWER, "failure", with_llm(fake_llm.url))

    assert report.model_answer == rules
    assert "dropped the prompt" in caplog.text


def test_a_server_error_keeps_the_rules_answer(
    fake_llm: FakeLLM, caplog: pytest.LogCaptureFixture
) -> None:
    fake_llm.status = 500
    with caplog.at_level(logging.WARNING, logger="mockmic"):
        report = score_answer(THIN_ANSWER, "failure", with_llm(fake_llm.url))
    assert report.model_answer.personalized_by == "rules"
    assert "did not answer" in caplog.text
    assert len(fake_llm.requests) == 1


def test_the_llm_never_changes_the_score(fake_llm: FakeLLM) -> None:
    plain = score_answer(THIN_ANSWER, "failure", rules_only())
    helped = score_answer(THIN_ANSWER, "failure", with_llm(fake_llm.url))
    assert helped.score == plain.score
    assert helped.assessment == plain.assessment


def test_no_llm_unless_asked(monkeypatch: pytest.MonkeyPatch, fake_llm: FakeLLM) -> None:
    monkeypatch.delenv("MOCKMIC_LLM_URL", raising=False)
    assert PipelineOptions().llm is None
    monkeypatch.setenv("MOCKMIC_LLM_URL", fake_llm.url)
    monkeypatch.setenv("MOCKMIC_LLM_MODEL", "from-env")
    assert PipelineOptions().llm == LLMOptions(url=fake_llm.url, model="from-env")


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockmic.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_cli_llm_option_and_its_warning(fake_llm: FakeLLM, tmp_path: Any) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(THIN_ANSWER)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOCKMIC_LLM")}

    asked = cli("score", str(answer), "--format", "json", "--llm", fake_llm.url, env=env)
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["model_answer"]["personalized_by"] == "llm:default"

    fake_llm.status = 503
    failed = cli("score", str(answer), "--format", "json", "--llm", fake_llm.url, env=env)
    assert failed.returncode == 0, failed.stderr
    assert json.loads(failed.stdout)["model_answer"]["personalized_by"] == "rules"
    assert failed.stderr.count("mockmic: warning:") == 1

    before = len(fake_llm.requests)
    plain = cli("score", str(answer), "--format", "json", env=env)
    assert json.loads(plain.stdout)["model_answer"]["personalized_by"] == "rules"
    assert len(fake_llm.requests) == before
