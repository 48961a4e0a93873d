"""Stored practice sessions: the database, its migrations and the answer queue.

store = Store.open(settings.url)           # migrates the schema on the way in
store.list_sessions()                      # every session, newest first (mockmic history)
store.attempts("failure")                  # processed answers to one question, oldest first
Worker(store).start()                      # scores stored answers in the background
"""

from mockmic.store.repo import PENDING, AnswerInfo, SessionInfo, Store
from mockmic.store.summary import SessionSummary, summarize
from mockmic.store.worker import Scorer, Worker, default_scorer

__all__ = [
    "PENDING",
    "AnswerInfo",
    "Scorer",
    "SessionInfo",
    "SessionSummary",
    "Store",
    "Worker",
    "attempts",
    "default_scorer",
    "list_sessions",
    "open_store",
    "summarize",
]


def open_store(database: str | None = None) -> Store:
    """The store named by `--database URL` (or a path), else MOCKMIC_DATABASE_URL, else SQLite."""
    from mockmic.settings import Settings

    return Store.open(Settings().with_database(database).url)


def list_sessions(database: str | None = None) -> list[SessionInfo]:
    """Every stored session, newest first."""
    store = open_store(database)
    try:
        return store.list_sessions()
    finally:
        store.close()


def attempts(question_id: str | None = None, database: str | None = None) -> list[AnswerInfo]:
    """Scored answers (to one question, or all), oldest first: progress over time."""
    store = open_store(database)
    try:
        return store.attempts(question_id)
    finally:
        store.close()
