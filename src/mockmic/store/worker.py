"""The answer queue: one background thread scores stored answers, one at a time.

Requests only store an answer and put its id here, so they never wait for the speech model. One
thread is enough and keeps the model loaded once: inference runs in native code that releases the
GIL, and a 2-core laptop gains nothing from scoring two answers at once. At start the worker
re-queues every answer left `queued` or `processing` (the process was killed mid-way), so nothing
recorded is lost to a crash.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from mockmic.errors import MockmicError
from mockmic.store.repo import Store
from mockmic.types import Report

__all__ = ["Scorer", "Worker", "default_scorer"]

log = logging.getLogger(__name__)

Scorer = Callable[[Path, str], Report]
"""Scores one stored answer (a recording or a .txt file) against a question id."""


def default_scorer(path: Path, question_id: str) -> Report:
    from mockmic.pipeline import score_answer  # imported late: it loads the speech engine

    return score_answer(path, question_id)


class Worker:
    """Processes stored answers in the background, in the order they were stored."""

    def __init__(self, store: Store, scorer: Scorer = default_scorer) -> None:
        self.store = store
        self.scorer = scorer
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._waiting: set[int] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        """Start the thread and re-queue answers a previous run left unprocessed (how many)."""
        pending = self.store.pending_ids()
        for answer_id in pending:
            self.submit(answer_id)
        self._thread = threading.Thread(target=self._run, name="mockmic-worker", daemon=True)
        self._thread.start()
        if pending:
            log.info("re-queued %d answer(s) stored but not processed", len(pending))
        return len(pending)

    def submit(self, answer_id: int) -> None:
        with self._lock:
            if answer_id in self._waiting:
                return
            self._waiting.add(answer_id)
        self._queue.put(answer_id)

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the thread to finish after the current answer. An answer cut off stays pending."""
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    def join(self) -> None:
        """Block until every submitted answer has been processed (tests, the terminal)."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            answer_id = self._queue.get()
            try:
                if answer_id is None:
                    return
                with self._lock:
                    self._waiting.discard(answer_id)
                self.process(answer_id)
            finally:
                self._queue.task_done()

    def process(self, answer_id: int) -> None:
        """Score one stored answer and record the result or the reason it failed."""
        answer = self.store.claim(answer_id)
        if answer is None:
            return
        try:
            report = self.scorer(Path(answer.input_path), answer.question_id)
        except MockmicError as exc:
            self.store.fail(answer_id, str(exc))
        except Exception as exc:  # a bug must not kill the worker; the answer is kept
            log.exception("answer %d could not be processed", answer_id)
            self.store.fail(answer_id, f"internal error while scoring: {exc}")
        else:
            self.store.finish(answer_id, report)
