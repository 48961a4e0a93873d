"""`mockmic practice` and `mockmic history`: a practice session in the terminal, stored like the
web app's, so both histories show it.

Each question is read aloud with espeak-ng when it is installed (and printed), then the answer is
recorded from the microphone (sounddevice) after a thinking countdown, with a live level bar,
until Enter or the time limit; or typed, with --text. The answer is stored before it is scored;
when a trap fires, the interviewer's follow-up probe is asked and answered too. A Rich report of
each answer follows it, and a session summary ends the session.

The outside world (the terminal's input, the speaker, the microphone, the scorer) comes in as
plain callables, so a test can hand in its own.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading
import time
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import numpy as np
from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockmic.errors import BadInput
from mockmic.rubric.schema import Question
from mockmic.settings import Settings
from mockmic.store import Scorer, SessionInfo, Store, Worker, default_scorer, summarize
from mockmic.store.files import new_answer_path
from mockmic.types import SAMPLE_RATE, Report

__all__ = ["MicRecorder", "NoMicrophone", "Recorder", "espeak", "run", "show_history"]

ReadLine = Callable[[str], str]
Speak = Callable[[str], None]


class NoMicrophone(BadInput):
    """There is no microphone to record from (or no audio library to reach it)."""


class Recorder(Protocol):
    def record(self, path: Path, limit_s: float, thinking_s: int) -> Path: ...


def espeak(text: str) -> None:
    """Read `text` aloud with espeak-ng when it is installed; stay silent otherwise."""
    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe is None:
        return
    # A missing sound device makes espeak-ng complain on stderr; the question is printed anyway.
    subprocess.run([exe, "-s", "160", text], check=False, capture_output=True, timeout=120)


# --- microphone -----------------------------------------------------------------------------


def _sounddevice() -> ModuleType:
    try:
        import sounddevice
    except ImportError as exc:
        raise NoMicrophone(
            "recording needs the sounddevice package: pip install 'mockmic[mic]'; "
            "or type your answers with --text"
        ) from exc
    except OSError as exc:  # the package is there, the PortAudio library is not
        raise NoMicrophone(
            f"no audio library to reach a microphone ({exc}); install PortAudio "
            "(Debian/Ubuntu: apt install libportaudio2) or type your answers with --text"
        ) from exc
    module: ModuleType = sounddevice
    return module


def check_microphone(sd: ModuleType) -> str:
    """The default input device's name, or NoMicrophone saying what to do."""
    try:
        device: Any = sd.query_devices(kind="input")
    except Exception as exc:  # PortAudioError when there is no input device at all
        raise NoMicrophone(
            f"no microphone found ({exc}); plug one in, or type your answers with --text"
        ) from exc
    if not device or int(device.get("max_input_channels", 0)) < 1:
        raise NoMicrophone("no microphone found; plug one in, or type your answers with --text")
    return str(device.get("name", "microphone"))


def _wait_for_enter(stop: threading.Event) -> None:
    with contextlib.suppress(EOFError):
        input()
    stop.set()


@dataclass
class MicRecorder:
    """Records one answer from the default microphone into a 16 kHz mono WAV file."""

    console: Console
    sd: ModuleType = field(default_factory=_sounddevice)
    stop_signal: Callable[[threading.Event], None] = _wait_for_enter

    def __post_init__(self) -> None:
        self.device = check_microphone(self.sd)

    def record(self, path: Path, limit_s: float, thinking_s: int) -> Path:
        self._countdown(thinking_s)
        chunks: list[np.ndarray[Any, Any]] = []
        level = [0.0]

        def callback(indata: Any, frames: int, when: Any, status: Any) -> None:
            block = np.asarray(indata, dtype=np.float32).reshape(-1)
            chunks.append(block.copy())
            level[0] = float(np.sqrt(np.mean(block**2))) if block.size else 0.0

        stop = threading.Event()
        waiter = threading.Thread(target=self.stop_signal, args=(stop,), daemon=True)
        waiter.start()
        started = time.monotonic()
        stream = self.sd.InputStream(
            samplerate=SAMPLE_RATE, channels=1, dtype="float32", callback=callback
        )
        with stream, Live(console=self.console, refresh_per_second=10, transient=True) as live:
            while not stop.is_set() and time.monotonic() - started < limit_s:
                live.update(_level_bar(time.monotonic() - started, limit_s, level[0]))
                time.sleep(0.1)
        if not stop.is_set():
            self.console.print("[yellow]Time is up.[/] Press Enter to go on.")
            waiter.join()
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
        _write_wav(path, samples)
        return path

    def _countdown(self, seconds: int) -> None:
        with Live(console=self.console, transient=True) as live:
            for left in range(seconds, 0, -1):
                live.update(Text(f"Think… recording starts in {left} s", style="bold cyan"))
                time.sleep(1)
        self.console.print("[bold red]● Recording[/] — press Enter when you have finished.")


def _level_bar(elapsed: float, limit: float, rms: float) -> Text:
    db = 20 * np.log10(rms + 1e-9)
    filled = int(max(0.0, min(1.0, (db + 60) / 60)) * 30)
    clock = (
        f"{int(elapsed) // 60}:{int(elapsed) % 60:02d} / {int(limit) // 60}:{int(limit) % 60:02d}"
    )
    style = "red" if filled > 27 else "green" if filled > 5 else "dim"
    return Text.assemble(
        ("● ", "red"), (clock + "  "), ("█" * filled, style), ("░" * (30 - filled), "dim")
    )


def _write_wav(path: Path, samples: np.ndarray[Any, Any]) -> None:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())


# --- the session ----------------------------------------------------------------------------


@dataclass
class _Session:
    store: Store
    settings: Settings
    console: Console
    read_line: ReadLine
    speak: Speak
    recorder: Recorder | None
    worker: Worker
    thinking_s: int

    def take(self, question: Question, prompt: str) -> tuple[Path, str]:
        """Ask `prompt` and get the answer into a stored file: (path, "audio" | "text")."""
        self.console.print(Panel(Text(prompt, style="bold"), title="Interviewer", expand=False))
        self.speak(prompt)
        if self.recorder is None:
            path = new_answer_path(self.settings.audio_dir, ".txt")
            path.write_text(self._typed(), encoding="utf-8")
            return path, "text"
        path = new_answer_path(self.settings.audio_dir, ".wav")
        return self.recorder.record(path, float(question.time_limit_s), self.thinking_s), "audio"

    def _typed(self) -> str:
        self.console.print("[dim]Type your answer; an empty line ends it.[/]")
        lines: list[str] = []
        while True:
            try:
                line = self.read_line("> " if not lines else "  ")
            except EOFError:
                break
            if not line.strip():
                if lines:
                    break
                continue
            lines.append(line)
        return "\n".join(lines)

    def score(self, answer_id: int) -> Report | None:
        with self.console.status("Scoring your answer…"):
            self.worker.process(answer_id)
        stored = self.store.get_answer(answer_id)
        if stored is not None and stored.status == "failed":
            self.console.print(f"[red]Could not score this answer:[/] {stored.error}")
            return None
        return self.store.report(answer_id)


def run(
    question_ids: Sequence[str] | None = None,
    role: str | None = None,
    typed: bool = False,
    count: int = 3,
    database: str | None = None,
    *,
    thinking_s: int = 5,
    console: Console | None = None,
    read_line: ReadLine = input,
    speak: Speak = espeak,
    recorder: Recorder | None = None,
    scorer: Scorer = default_scorer,
) -> SessionInfo:
    """Run a practice session in the terminal and store it; returns the stored session."""
    from mockmic.web import bank

    console = console or Console()
    questions = bank.choose(question_ids, role, count)
    if not typed and recorder is None:
        recorder = MicRecorder(console)  # NoMicrophone here, before anything is asked
    settings = Settings().with_database(database)
    store = Store.open(settings.url)
    try:
        info = store.create_session(
            [q.id for q in questions], source="terminal", mode="practice", thinking_s=thinking_s
        )
        session = _Session(
            store,
            settings,
            console,
            read_line,
            speak,
            None if typed else recorder,
            Worker(store, scorer),
            thinking_s,
        )
        reports = [_ask(session, info.id, n, q, len(questions)) for n, q in enumerate(questions)]
        _print_summary(console, [r for r in reports if r is not None])
        found = store.get_session(info.id)
        assert found is not None
        return found
    finally:
        store.close()


def _ask(
    session: _Session, session_id: int, position: int, q: Question, total: int
) -> Report | None:
    session.console.rule(f"Question {position + 1} of {total}")
    path, kind = session.take(q, q.prompt)
    answer = session.store.add_answer(session_id, q.id, path, input_kind=kind, position=position)
    report = session.score(answer.id)
    if report is None:
        return None
    _print_report(session.console, report)
    if report.follow_up:
        session.console.rule("Follow-up", style="cyan")
        probe_path, probe_kind = session.take(q, report.follow_up)
        probe = session.store.add_answer(
            session_id,
            q.id,
            probe_path,
            input_kind=probe_kind,
            position=position,
            kind="follow_up",
            parent_id=answer.id,
            prompt=report.follow_up,
        )
        follow = session.score(probe.id)
        if follow is not None:
            session.console.print(f"Follow-up answer: [bold]{follow.score.overall}[/]/100")
    return report


def _print_report(console: Console, report: Report) -> None:
    from mockmic.report import text_renderable

    console.print(text_renderable(report))


def _print_summary(console: Console, reports: Sequence[Report]) -> None:
    summary = summarize(reports)
    console.rule("Session report")
    if summary.overall is None:
        console.print("No answer could be scored this time.")
        return
    table = Table("question", "overall", "content", "delivery", expand=False)
    for r in reports:
        table.add_row(
            r.question.id, str(r.score.overall), str(r.score.content), _dash(r.score.delivery)
        )
    table.add_row(
        "[bold]session[/]",
        f"[bold]{summary.overall}[/]",
        str(summary.content),
        _dash(summary.delivery),
    )
    strongest = ", ".join(f"{p.label} ({p.score})" for p in summary.strongest) or "–"
    weakest = ", ".join(f"{p.label} ({p.score})" for p in summary.weakest) or "–"
    advice = Text("\n".join(f"{i}. {line}" for i, line in enumerate(summary.practise_next, 1)))
    console.print(
        Group(
            table,
            Text.assemble(("Strongest: ", "green bold"), strongest),
            Text.assemble(("Weakest:   ", "red bold"), weakest),
            Text("What to practise next:", style="bold"),
            advice,
            Text(
                "Stored: see `mockmic history` or the History page of `mockmic serve`.", style="dim"
            ),
        )
    )


def _dash(value: int | None) -> str:
    return "–" if value is None else str(value)


# --- history --------------------------------------------------------------------------------


def show_history(
    question_id: str | None = None, database: str | None = None, console: Console | None = None
) -> None:
    """Print every stored session and, per question, the score of each attempt over time."""
    console = console or Console()
    store = Store.open(Settings().with_database(database).url)
    try:
        sessions = store.list_sessions()
        attempts = store.attempts(question_id)
    finally:
        store.close()
    if question_id is not None:
        sessions = [s for s in sessions if question_id in s.question_ids]
    if not sessions:
        console.print("No sessions yet. Start one with `mockmic practice` or `mockmic serve`.")
        return
    table = Table("when", "where", "mode", "questions", "overall", title="Sessions", expand=False)
    for s in sessions:
        table.add_row(
            s.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            s.source,
            s.mode,
            ", ".join(s.question_ids),
            _dash(s.overall),
        )
    console.print(table)
    progress = Table(
        "question", "attempts", "scores, oldest first", "change", title="Progress", expand=False
    )
    by_question: dict[str, list[int]] = {}
    for a in attempts:
        if a.score_overall is not None:
            by_question.setdefault(a.question_id, []).append(a.score_overall)
    for q, scores in sorted(by_question.items()):
        change = f"{scores[-1] - scores[0]:+d}" if len(scores) > 1 else "–"
        progress.add_row(q, str(len(scores)), " → ".join(map(str, scores)), change)
    console.print(progress)
