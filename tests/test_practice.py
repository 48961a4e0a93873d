"""`mockmic practice` and `mockmic history` in the terminal, stored in a real SQLite file.

Typed sessions run the real pipeline. The microphone is the outside world: the no-microphone
message is checked against this machine's real audio stack and against an injected device
list; one slow test feeds a real recording through an injected sounddevice stand-in.
"""

from __future__ import annotations

import io
import threading
import wave
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from rich.console import Console

from mockmic import practice
from mockmic.store import Store

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/audio"

BLAMING = "It failed because the QA team never tested it. Not my fault really, they missed it."
PROBE_ANSWER = "Next time I would run the checks myself before the release."


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MOCKMIC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MOCKMIC_DATABASE_URL", raising=False)
    return f"sqlite:///{tmp_path / 'practice.db'}"


def console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=100, color_system=None, force_terminal=False), out


def typed_lines(*answers: str) -> Any:
    """The keyboard: each answer followed by the empty line that ends it."""
    feed: Iterator[str] = iter([line for a in answers for line in (a, "")])

    def read_line(prompt: str) -> str:
        return next(feed)

    return read_line


def test_a_typed_session_is_scored_probed_stored_and_in_the_history(db: str) -> None:
    spoken: list[str] = []
    term, out = console()
    session = practice.run(
        question_ids=["failure"],
        typed=True,
        database=db,
        console=term,
        read_line=typed_lines(BLAMING, PROBE_ANSWER),
        speak=spoken.append,
    )
    text = out.getvalue()
    assert "Tell me about a time you failed." in text
    assert spoken[0] == "Tell me about a time you failed."
    assert len(spoken) == 2, "the follow-up probe is read aloud too"
    assert "Session report" in text and "What to practise next" in text

    assert session.source == "terminal"
    main, probe = session.answers
    assert (main.kind, main.status, main.input_kind) == ("answer", "done", "text")
    assert (probe.kind, probe.parent_id, probe.prompt) == ("follow_up", main.id, spoken[1])
    assert Path(probe.input_path).read_text(encoding="utf-8") == PROBE_ANSWER
    assert f"{session.overall}" in text

    term, out = console()
    practice.show_history(database=db, console=term)
    history = out.getvalue()
    assert "terminal" in history and "failure" in history and str(main.score_overall) in history


def test_history_shows_progress_across_sessions(db: str) -> None:
    good = (
        "Last year I skipped the load test before a launch to save a day, and checkout slowed "
        "to a crawl for an hour. That was my call. I rolled back, apologised to support and "
        "wrote the review. I learned that a skipped check is a decision I own, so now every "
        "launch I lead has a load test in the plan, and the last three went out clean."
    )
    for answer in (BLAMING, good):
        term, _ = console()
        practice.run(
            question_ids=["failure"],
            typed=True,
            database=db,
            console=term,
            read_line=typed_lines(answer, PROBE_ANSWER, PROBE_ANSWER),
            speak=lambda _: None,
        )
    store = Store.open(db)
    scores = [a.score_overall for a in store.attempts("failure")]
    store.close()
    term, out = console()
    practice.show_history(question_id="failure", database=db, console=term)
    assert f"{scores[0]} → {scores[1]}" in out.getvalue()
    assert f"{scores[1] - scores[0]:+d}" in out.getvalue()


def test_an_empty_history_says_how_to_start(db: str) -> None:
    term, out = console()
    practice.show_history(database=db, console=term)
    assert "mockmic practice" in out.getvalue()


def test_without_a_microphone_it_says_so_and_offers_text(db: str) -> None:
    try:
        sd = practice._sounddevice()
        practice.check_microphone(sd)
    except practice.NoMicrophone:
        pass
    else:
        pytest.skip("this machine has a microphone")
    term, _ = console()
    with pytest.raises(practice.NoMicrophone, match="--text") as caught:
        practice.run(question_ids=["failure"], database=db, console=term, speak=lambda _: None)
    assert caught.value.exit_code == 2
    store = Store.open(db)
    assert store.list_sessions() == [], "nothing is stored when nothing can be recorded"
    store.close()


def test_an_audio_stack_without_input_devices_is_no_microphone() -> None:
    def no_input(kind: str) -> Any:
        raise RuntimeError("Error querying device -1")

    with pytest.raises(practice.NoMicrophone, match=r"no microphone found.*--text"):
        practice.check_microphone(SimpleNamespace(query_devices=no_input))  # type: ignore[arg-type]


class FakeInputStream:
    """Plays a real recording into the callback in 100 ms blocks, like a microphone would."""

    def __init__(
        self, samples: np.ndarray[Any, Any], fed: threading.Event, callback: Any, **_: Any
    ) -> None:
        self.samples, self.fed, self.callback = samples, fed, callback
        self.done = threading.Event()

    def __enter__(self) -> FakeInputStream:
        def feed() -> None:
            for start in range(0, len(self.samples), 1600):
                if self.done.is_set():
                    return
                block = self.samples[start : start + 1600].reshape(-1, 1)
                self.callback(block, len(block), None, None)
            self.fed.set()

        self.thread = threading.Thread(target=feed)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


@pytest.mark.slow
def test_a_spoken_answer_is_recorded_to_wav_and_transcribed(db: str, tmp_path: Path) -> None:
    with wave.open(str(FIXTURES / "syn_answer1.wav"), "rb") as w:
        samples = np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768
    device = SimpleNamespace(
        query_devices=lambda kind: {"name": "test mic", "max_input_channels": 1},
        InputStream=lambda **kw: FakeInputStream(samples, fed, **kw),
    )
    fed = threading.Event()

    def enter_after_the_recording(stop: threading.Event) -> None:
        fed.wait(60)
        stop.set()

    term, out = console()
    recorder = practice.MicRecorder(term, sd=device, stop_signal=enter_after_the_recording)  # type: ignore[arg-type]
    session = practice.run(
        question_ids=["about_yourself"],
        database=db,
        console=term,
        thinking_s=0,
        recorder=recorder,
        read_line=typed_lines(),
        speak=lambda _: None,
    )
    answer = session.answers[0]
    assert answer.input_kind == "audio" and answer.status == "done", answer.error
    with wave.open(answer.input_path, "rb") as w:
        assert w.getframerate() == 16000 and abs(w.getnframes() - len(samples)) < 3200
    store = Store.open(db)
    report = store.report(answer.id)
    store.close()
    assert report is not None and "five years of experience" in report.transcript.text.lower()
    assert "Recording" in out.getvalue()
