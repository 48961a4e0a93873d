"""Two-question voice interviews in a real headless Chromium against `mockmic serve`.

Chromium's fake microphone plays a real speech recording (syn_answer1.wav, on a loop), so the
page records, uploads and gets scored exactly as it would for a person. The report must show
words that recording really says, and a score. Screenshots are kept in test-output/e2e/ (and in
the test's tmp_path).

Every stable data-testid resolves to at most one element, and at most one visible element, in
every state the interview passes through, so a driver that knows nothing but those ids can use
strict locators (`page.get_by_test_id("report-score").inner_text()`).
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from server_helpers import FIXTURES, free_port, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
SPEECH = FIXTURES / "syn_answer1.wav"
OUTPUT = Path(__file__).resolve().parents[1] / "test-output" / "e2e"
RECORD_MS = 7000  # per answer: long enough for a few sentences of the recording
STABLE_IDS = (
    "start-interview",
    "start-answer",
    "stop-answer",
    "next-question",
    "question-text",
    "report-score",
    "transcript",
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(300),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    proc = start_server(tmp_path / "data", port, tmp_path / "server.log")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)


def _fake_mic_args() -> list[str]:
    """Chromium with a microphone that plays SPEECH and a permission prompt that says yes."""
    return [
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={SPEECH}",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]


def _vocabulary() -> set[str]:
    reference = (FIXTURES / "syn_answer1.ref").read_text(encoding="utf-8").lower()
    return {w for w in re.findall(r"[a-z']+", reference) if len(w) >= 4}


def test_a_two_question_interview_in_the_browser(server: str, tmp_path: Path) -> None:
    """Hand-picked questions in interview mode, each follow-up probe answered too."""
    from playwright.sync_api import expect, sync_playwright

    questions = httpx.get(f"{server}/api/questions").json()
    assert len(questions) >= 2, "the bank needs two questions for this test"
    # Ticked second one first: the interview asks them in the order they were ticked.
    picked = [q["id"] for q in questions[:2]][::-1]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=_fake_mic_args())
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            errors = _collect_errors(page)
            page.goto(server + "/")
            _assert_unique_ids(page)
            page.check("input[name=source][value=pick]")
            for qid in picked:
                page.check(f"input[name=question_ids][value={qid}]")
            page.check("input[name=mode][value=interview]")
            page.fill("input[name=thinking_s]", "2")
            page.fill("input[name=time_limit_s]", "30")
            page.get_by_test_id("start-interview").click()

            prompts = {q["id"]: q["prompt"] for q in questions}
            for n, qid in enumerate(picked):
                expect(page.get_by_test_id("question-text")).to_have_text(prompts[qid])
                _assert_unique_ids(page)
                _answer(page, shot=OUTPUT / f"interview-q{n + 1}.png")
                if _follow_up_asked(page):
                    _assert_unique_ids(page)
                    assert page.get_by_test_id("question-text").text_content()
                    _answer(page)
                    _wait_next(page)
                _assert_unique_ids(page)
                # Interview mode: one take, and the feedback waits for the end.
                expect(page.locator("#retake")).to_be_hidden()
                expect(page.locator("#feedback")).to_be_hidden()
                expected = "Finish" if n == len(picked) - 1 else "Next question"
                assert expected in (page.get_by_test_id("next-question").text_content() or "")
                page.get_by_test_id("next-question").click()

            page.wait_for_url(re.compile(r"/sessions/\d+/report$"))
            page.wait_for_function(
                "() => !document.querySelector('meta[http-equiv=refresh]')", timeout=90_000
            )
            page.reload()
            _assert_unique_ids(page)
            scores = page.get_by_test_id("question-score").all_text_contents()
            # textContent: a follow-up's report is folded (not rendered), its words are there.
            transcripts = page.get_by_test_id("question-transcript").all_text_contents()
            session_score = page.get_by_test_id("report-score").inner_text()  # strict: one
            dialogue = page.get_by_test_id("transcript").inner_text()
            OUTPUT.mkdir(parents=True, exist_ok=True)
            for name, full in (("report.png", False), ("report-full.png", True)):
                page.screenshot(path=str(tmp_path / name), full_page=full)
                shutil.copy(tmp_path / name, OUTPUT / name)
            page.locator(".answer-block").first.screenshot(path=str(OUTPUT / "question1.png"))
            # Printable: no navigation or buttons on paper, and Chromium lays it out as a PDF.
            page.emulate_media(media="print")
            expect(page.locator("header.site")).to_be_hidden()
            expect(page.get_by_role("button", name="Print this report")).to_be_hidden()
            expect(page.get_by_test_id("report-score")).to_be_visible()
            pdf = page.pdf()
            (OUTPUT / "report.pdf").write_bytes(pdf)
            assert not errors, errors
        finally:
            browser.close()

    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pdf.startswith(b"%PDF") and pages >= 3, f"{pages} pages: the summary, then each answer"
    assert len(scores) >= 2 and all(s.strip().isdigit() for s in scores), scores
    assert session_score.isdigit() and 0 <= int(session_score) <= 100, session_score
    # The fake microphone loops the recording from wherever it is when an answer starts, so
    # check the words against the whole reference: every answer, and plenty in all.
    vocabulary = _vocabulary()
    heard = [set(re.findall(r"[a-z']+", t.lower())) & vocabulary for t in transcripts]
    assert all(len(h) >= 2 for h in heard), list(zip(heard, transcripts, strict=True))
    assert len(set().union(*heard)) >= 8, heard
    # The session's transcript is the whole interview: every question and every answer's words.
    assert all(prompts[qid] in dialogue for qid in picked), dialogue
    assert set().union(*heard) <= set(re.findall(r"[a-z']+", dialogue.lower()))


def test_the_plain_flow_by_test_ids_alone(server: str, tmp_path: Path) -> None:
    """What an outside checker does, knowing nothing but the stable ids: the setup's defaults,
    start, answer, stop, next, until the report; then its score and transcript, strictly."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=_fake_mic_args())
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            errors = _collect_errors(page)
            dialogs: list[str] = []
            page.on("dialog", lambda d: dialogs.append(d.message))
            page.goto(server + "/")
            page.get_by_test_id("start-interview").click()
            asked = []
            for _ in range(10):  # the setup's default is two questions; stop runaway loops
                page.get_by_test_id("question-text").wait_for()
                asked.append(page.get_by_test_id("question-text").inner_text())
                _assert_unique_ids(page)
                page.get_by_test_id("start-answer").click()
                page.wait_for_timeout(4000)
                _assert_unique_ids(page)
                page.get_by_test_id("stop-answer").click()
                page.get_by_test_id("next-question").click()
                page.wait_for_load_state()
                if re.search(r"/report$", page.url):
                    break
            score = page.get_by_test_id("report-score").inner_text()
            transcript = page.get_by_test_id("transcript").inner_text()
            _assert_unique_ids(page)
            page.screenshot(path=str(tmp_path / "plain-report.png"))
            assert not errors, errors
        finally:
            browser.close()
    assert len(asked) == 2 and asked[0] != asked[1], asked
    assert not dialogs, dialogs
    assert score.isdigit() and 0 <= int(score) <= 100, score
    said = set(re.findall(r"[a-z']+", transcript.lower())) & _vocabulary()
    assert len(said) >= 4, transcript


def _collect_errors(page: object) -> list[str]:
    """Uncaught exceptions and console errors (a 404 for a missing asset is one)."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def _assert_unique_ids(page: object) -> None:
    """No stable test id matches two elements, or two visible ones, in the page as it is."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    counts = page.evaluate(
        """ids => ids.map(id => {
            const all = [...document.querySelectorAll(`[data-testid="${id}"]`)];
            const shown = all.filter(e => e.checkVisibility && e.checkVisibility()
                && e.getClientRects().length > 0);
            return [id, all.length, shown.length];
        })""",
        list(STABLE_IDS),
    )
    doubled = [(i, n, shown) for i, n, shown in counts if n > 1 or shown > 1]
    assert not doubled, f"{page.url}: {doubled}"


def _answer(page: object, shot: Path | None = None) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.get_by_test_id("start-answer").click(timeout=30_000)
    page.wait_for_timeout(RECORD_MS)
    if shot is not None:  # the recording state: timer, level meter, stop button
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
    page.get_by_test_id("stop-answer").click()


def _wait_next(page: object) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.get_by_test_id("next-question").wait_for(state="visible", timeout=90_000)


def _follow_up_asked(page: object) -> bool:
    """After an answer is scored the page shows either the probe (with start-answer ready) or
    the next-question button alone."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    _wait_next(page)
    label = page.locator("#q-label").text_content()
    return label == "Follow-up" and page.get_by_test_id("start-answer").is_enabled()


def test_recording_starts_after_the_thinking_time_and_stops_at_the_limit(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    session = httpx.post(
        f"{server}/api/sessions",
        json={"question_ids": ["about_yourself"], "thinking_s": 1, "time_limit_s": 6},
    ).json()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=_fake_mic_args())
        try:
            page = browser.new_page()
            page.goto(f"{server}/interview/{session['id']}")
            page.get_by_test_id("start-interview").click()
            # Hands off: the countdown starts the recording, the limit ends it.
            expect(page.get_by_test_id("stop-answer")).to_be_visible(timeout=30_000)
            expect(page.locator("#timer")).to_contain_text("/ 0:06")
            expect(page.get_by_test_id("stop-answer")).to_be_hidden(timeout=15_000)
            expect(page.get_by_test_id("next-question")).to_be_visible(timeout=90_000)
        finally:
            browser.close()
    answer = httpx.get(f"{server}/api/sessions/{session['id']}").json()["answers"][0]
    assert answer["status"] == "done", answer["error"]
    report = httpx.get(f"{server}{answer['report_url']}").json()
    assert 4.0 <= report["delivery"]["duration_s"] <= 8.0, report["delivery"]["duration_s"]


def test_a_refused_microphone_gets_a_clear_message_and_typing_still_works(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        # No --use-fake-ui-for-media-stream: the permission prompt is refused, as a person might.
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream"],
        )
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.check("input[name=source][value=pick]")
            page.check("input[name=question_ids][value=failure]")
            page.get_by_test_id("start-interview").click()
            message = page.locator("#mic-error")
            expect(message).to_be_visible(timeout=20_000)
            expect(message).to_contain_text("refused")
            expect(page.get_by_test_id("question-text")).to_have_text(
                "Tell me about a time you failed."
            )
            page.fill("#typed-text", "I missed a deadline because I never asked for help.")
            page.click("#typed-submit")
            expect(page.get_by_test_id("next-question")).to_be_visible(timeout=60_000)
            expect(page.locator("#answer-error")).to_be_hidden()
            # Practice mode: feedback right after the answer, and a retake on offer.
            expect(page.locator("#fb-score")).to_have_text(re.compile(r"^\d+$"))
            expect(page.locator("#fb-transcript")).to_contain_text("never asked for help")
        finally:
            browser.close()


def test_no_microphone_says_so_and_offers_typing(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        # The permission is granted but there is no capture device at all.
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream"],
        )
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.get_by_test_id("start-interview").click()
            expect(page.locator("#mic-error")).to_contain_text("No microphone", timeout=20_000)
            expect(page.get_by_test_id("question-text")).not_to_be_empty()
            # Nothing to press that cannot work: no record button, no level meter; typing is open.
            expect(page.get_by_test_id("start-answer")).to_be_hidden()
            expect(page.locator(".meter")).to_be_hidden()
            expect(page.locator("#typed-text")).to_be_visible()
        finally:
            browser.close()


def test_a_silent_microphone_is_flagged_while_recording_and_refused_in_the_page(
    server: str, tmp_path: Path
) -> None:
    import wave

    from playwright.sync_api import expect, sync_playwright

    silence = tmp_path / "silence.wav"
    with wave.open(str(silence), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(48_000)
        w.writeframes(b"\0\0" * 48_000 * 10)
    args = [a for a in _fake_mic_args() if not a.startswith("--use-file-for-fake-audio")]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[*args, f"--use-file-for-fake-audio-capture={silence}"],
        )
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.get_by_test_id("start-interview").click()
            page.get_by_test_id("start-answer").click()
            expect(page.locator("#status")).to_contain_text("We hear nothing", timeout=15_000)
            page.get_by_test_id("stop-answer").click()
            # The server decodes the upload, finds no speech and refuses it; the page says why
            # and offers the take again.
            error = page.locator("#answer-error")
            expect(error).to_contain_text("silent", timeout=30_000)
            expect(page.get_by_test_id("start-answer")).to_be_enabled()
            expect(page.locator("#timer")).to_be_hidden()
        finally:
            browser.close()
    sessions = httpx.get(f"{server}/api/sessions").json()
    assert sessions[0]["answers"] == [], "a refused recording is not stored"


def test_history_compare_practise_again_and_delete_in_the_browser(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    for text in ("It failed because QA missed it.", "I skipped the dry run; now I never do."):
        session = httpx.post(f"{server}/api/sessions", json={"question_ids": ["failure"]}).json()
        answer = httpx.post(
            f"{server}/api/sessions/{session['id']}/answers", data={"text": text}
        ).json()
        for _ in range(600):
            if httpx.get(f"{server}/api/answers/{answer['id']}").json()["status"] == "done":
                break
            time.sleep(0.1)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            errors = _collect_errors(page)
            page.goto(server + "/history")
            card = page.locator(".progress-card").filter(has_text="failed")
            expect(card.locator("svg.chart circle.dot")).to_have_count(2)
            page.screenshot(path=str(OUTPUT / "history.png"), full_page=True)
            card.get_by_role("link", name="Compare first and latest").click()
            expect(page.locator(".side-by-side .mm-report")).to_have_count(2)
            expect(page.locator(".compare-table")).to_contain_text("Overall")
            page.screenshot(path=str(OUTPUT / "compare.png"))

            # A phone-sized window: every page fits its width (nothing to scroll sideways).
            compare_url = page.url
            page.set_viewport_size({"width": 400, "height": 800})
            for path in ("/", "/history", "/docs", compare_url.removeprefix(server)):
                page.goto(server + path)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= 400, (path, width)
            page.set_viewport_size({"width": 1200, "height": 900})

            page.goto(server + "/history")
            first = page.locator(".progress-card").first
            first.get_by_role("button", name="Practise again").click()
            page.wait_for_url(re.compile(r"/interview/\d+$"))
            expect(page.get_by_test_id("start-interview")).to_be_visible()
            expect(page.locator("#setup")).to_contain_text("1 question,")

            page.goto(server + "/history")
            page.once("dialog", lambda d: d.accept())
            before = page.locator("table.sessions tbody tr").count()
            page.locator("table.sessions tbody tr").first.get_by_role("button").click()
            expect(page.locator("table.sessions tbody tr")).to_have_count(before - 1)
            page.once("dialog", lambda d: d.accept())
            page.get_by_role("button", name="Delete everything").click()
            expect(page.locator("table.sessions")).to_contain_text("No sessions yet")
            assert not errors, errors
        finally:
            browser.close()
    assert httpx.get(f"{server}/api/sessions").json() == []
