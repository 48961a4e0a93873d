"""The store on a real SQLite file: migrations, the answer life cycle, deletion, the codec,
the session summary, and the worker scoring a stored answer with the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from mockmic.report import samples
from mockmic.settings import Settings
from mockmic.store import Store, Worker, attempts, list_sessions, open_store, summarize
from mockmic.store.codec import dump_report, load_report
from mockmic.store.db import connect
from postgres_server import postgres_url

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared/fixtures/audio"

ANSWER = (
    "Last spring I pushed a schema change on a Friday without a rollback plan, and it took the "
    "billing page down for two hours. That was my call and my mistake. I rolled it back, wrote "
    "the incident review, and since then every migration I ship has a tested rollback and goes "
    "out early in the week. In the two years since, none of my releases needed an emergency fix."
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'mockmic.db'}")
    yield s
    s.close()


def _answer_file(tmp_path: Path, name: str = "a.txt", body: str = ANSWER) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_migrations_create_the_schema_at_head_and_are_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = connect(url)
    connect(url).dispose()  # a second start migrates nothing and fails nothing
    tables = set(inspect(engine).get_table_names())
    assert {"sessions", "answers", "alembic_version"} <= tables
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0001"
    engine.dispose()


def test_an_answer_walks_queued_processing_done(store: Store, tmp_path: Path) -> None:
    session = store.create_session(["failure", "conflict"], mode="interview", thinking_s=3)
    answer = store.add_answer(session.id, "failure", _answer_file(tmp_path), input_kind="text")
    assert answer.status == "queued"
    assert store.pending_ids() == [answer.id]

    claimed = store.claim(answer.id)
    assert claimed is not None and claimed.status == "processing"
    assert store.pending_ids() == [answer.id], "a processing answer is still pending after a crash"

    report = samples.timed_report()
    store.finish(answer.id, report)
    assert store.claim(answer.id) is None, "a finished answer is not claimed again"
    assert store.pending_ids() == []
    done = store.get_answer(answer.id)
    assert done is not None and done.status == "done"
    assert (done.score_overall, done.score_content) == (report.score.overall, report.score.content)
    assert store.report(answer.id) == report

    again = store.get_session(session.id)
    assert again is not None
    assert again.question_ids == ("failure", "conflict")
    assert again.overall == report.score.overall
    assert again.latest_answer(0) == done and again.latest_answer(1) is None


def test_a_failed_answer_keeps_its_reason_and_can_be_retried(store: Store, tmp_path: Path) -> None:
    session = store.create_session(["failure"])
    answer = store.add_answer(session.id, "failure", _answer_file(tmp_path), input_kind="text")
    store.claim(answer.id)
    store.fail(answer.id, "no speech in the recording")
    failed = store.get_answer(answer.id)
    assert failed is not None and failed.error == "no speech in the recording"
    assert store.requeue(answer.id)
    assert store.pending_ids() == [answer.id]
    assert not store.requeue(answer.id), "only failed answers are re-queued"


def test_deleting_a_session_removes_its_answers_and_recordings(
    store: Store, tmp_path: Path
) -> None:
    keep = store.create_session(["failure"])
    drop = store.create_session(["failure"])
    kept_file, dropped_file = _answer_file(tmp_path, "k.txt"), _answer_file(tmp_path, "d.txt")
    store.add_answer(keep.id, "failure", kept_file, input_kind="text")
    parent = store.add_answer(drop.id, "failure", dropped_file, input_kind="text")
    probe_file = _answer_file(tmp_path, "p.txt")
    store.add_answer(
        drop.id, "failure", probe_file, input_kind="text", kind="follow_up", parent_id=parent.id
    )

    assert store.delete_session(drop.id)
    assert not store.delete_session(drop.id)
    assert [s.id for s in store.list_sessions()] == [keep.id]
    assert not dropped_file.exists() and not probe_file.exists()
    assert kept_file.exists()

    assert store.delete_all() == 1
    assert store.list_sessions() == [] and not kept_file.exists()


def test_attempts_are_per_question_oldest_first(store: Store, tmp_path: Path) -> None:
    report = samples.timed_report()
    ids = []
    for i in range(3):
        session = store.create_session(["failure"])
        a = store.add_answer(
            session.id, "failure", _answer_file(tmp_path, f"{i}.txt"), input_kind="text"
        )
        store.finish(a.id, report)
        ids.append(a.id)
    other = store.create_session(["failure"])
    pending = store.add_answer(
        other.id, "failure", _answer_file(tmp_path, "x.txt"), input_kind="text"
    )
    assert [a.id for a in store.attempts("failure")] == ids
    assert pending.id not in [a.id for a in store.attempts()]
    assert store.attempts("conflict") == []
    assert store.list_sessions()[0].id == other.id, "newest session first"


@pytest.mark.parametrize("make", [samples.timed_report, samples.typed_report])
def test_a_report_survives_the_round_trip_through_json(make: object) -> None:
    import json

    report = make()  # type: ignore[operator]
    stored = json.loads(json.dumps(dump_report(report)))
    assert load_report(stored) == report


def test_summary_names_strongest_weakest_and_what_to_practise() -> None:
    timed, typed = samples.timed_report(), samples.typed_report()
    summary = summarize([timed, typed])
    assert summary.overall == round((timed.score.overall + typed.score.overall) / 2)
    assert summary.answered == 2
    lowest = min(c.score for r in (timed, typed) for c in r.assessment.criteria)
    highest = max(c.score for r in (timed, typed) for c in r.assessment.criteria if c.evidence)
    assert summary.weakest[0].score == lowest
    assert summary.strongest[0].score == highest
    for points in (summary.strongest, summary.weakest):
        labels = [p.label for p in points]
        assert len(labels) == len(set(labels)), "one line per criterion"
    worst = min((timed, typed), key=lambda r: r.score.overall)
    assert worst.question.prompt in summary.practise_next[0]
    assert summarize([]).overall is None


def test_a_strength_is_earned_with_words_not_by_avoiding_a_fault() -> None:
    from dataclasses import replace

    timed = samples.timed_report()
    unsaid = tuple(replace(c, score=100, evidence=()) for c in timed.assessment.criteria)
    hollow = replace(timed, assessment=replace(timed.assessment, criteria=unsaid))
    assert summarize([hollow]).strongest == ()
    assert summarize([timed]).strongest, "the sample's evidenced criteria are strengths"


def test_worker_scores_a_stored_answer_with_the_real_pipeline(store: Store, tmp_path: Path) -> None:
    session = store.create_session(["failure"])
    answer = store.add_answer(session.id, "failure", _answer_file(tmp_path), input_kind="text")
    worker = Worker(store)
    assert worker.start() == 1, "the stored answer is picked up at start"
    worker.join()
    worker.stop()
    done = store.get_answer(answer.id)
    assert done is not None and done.status == "done", done
    report = store.report(answer.id)
    assert report is not None and "rollback" in report.transcript.text
    assert done.score_overall == report.score.overall
    assert 0 <= report.score.overall <= 100


def test_worker_records_why_an_answer_could_not_be_scored(store: Store, tmp_path: Path) -> None:
    session = store.create_session(["failure"])
    silent = tmp_path / "silence.wav"
    _write_silence(silent)
    answer = store.add_answer(session.id, "failure", silent, input_kind="audio")
    worker = Worker(store)
    worker.start()
    worker.join()
    worker.stop()
    failed = store.get_answer(answer.id)
    assert failed is not None and failed.status == "failed"
    assert (failed.error and "silent" in failed.error.lower()) or "no sound" in (failed.error or "")
    assert silent.exists(), "a failed answer keeps its recording"


def _write_silence(path: Path) -> None:
    import wave

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 16000 * 2)


def test_open_store_follows_the_database_option_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOCKMIC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MOCKMIC_DATABASE_URL", raising=False)
    assert Settings().url == f"sqlite:///{tmp_path / 'data' / 'mockmic.db'}"
    assert Settings().host == "127.0.0.1"
    path = tmp_path / "chosen.db"
    s = open_store(str(path))
    s.create_session(["failure"])
    s.close()
    assert path.exists()
    assert [x.question_ids for x in list_sessions(str(path))] == [("failure",)]
    assert attempts(database=str(path)) == []
    monkeypatch.setenv("MOCKMIC_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert Settings().url.endswith("env.db")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgres_url() as url:
        if url is None:
            pytest.skip("no PostgreSQL here: set MOCKMIC_TEST_POSTGRES_URL or run scripts/setup.sh")
        yield url


@pytest.mark.postgres
def test_the_same_store_works_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    store = Store.open(pg_url)
    try:
        store.delete_all()
        session = store.create_session(["failure"], source="terminal")
        answer = store.add_answer(session.id, "failure", _answer_file(tmp_path), input_kind="text")
        assert store.claim(answer.id) is not None
        store.finish(answer.id, samples.timed_report())
        assert store.report(answer.id) == samples.timed_report()
        assert [a.id for a in store.attempts("failure")] == [answer.id]
        assert store.list_sessions()[0].overall == samples.timed_report().score.overall
        assert store.delete_all() == 1
    finally:
        store.close()


def test_every_setting_is_described() -> None:
    undocumented = [n for n, f in Settings.model_fields.items() if not f.description]
    assert undocumented == []


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mockmic.store.models import Base

    engine = connect(f"sqlite:///{tmp_path / 'drift.db'}")
    with engine.connect() as conn:
        drift = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert drift == [], "a model changed without a migration"
