"""The HTML report in a real headless Chromium: it loads nothing from outside, lays out its
charts, and its one small script (the legend toggles) works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mockmic.report import render
from mockmic.report.samples import timed_report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(timed_report(), "html"), encoding="utf-8")
    return path


def test_report_page_in_chromium(page_file: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    requests: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(page_file.as_uri())

        assert page.get_by_test_id("report-score").inner_text() == "79"
        chart = page.locator("svg.mm-timeline").bounding_box()
        assert chart is not None and chart["width"] > 900 and chart["height"] > 200
        transcript = page.get_by_test_id("transcript").inner_text()
        assert "That was on me." in transcript and "2.7 s" in transcript

        # The legend toggles a highlight off and on again.
        article = page.locator("article.mm-report")
        filler = page.locator(".mm-filler").first
        before = filler.evaluate("e => getComputedStyle(e).backgroundColor")
        page.locator('.mm-legend li[data-kind="filler"]').click()
        assert "mm-hide-filler" in (article.get_attribute("class") or "")
        hidden = filler.evaluate("e => getComputedStyle(e).backgroundColor")
        assert hidden != before
        page.locator('.mm-legend li[data-kind="filler"]').press("Enter")  # by keyboard too
        assert filler.evaluate("e => getComputedStyle(e).backgroundColor") == before
        assert "mm-hide-filler" not in (article.get_attribute("class") or "")

        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        pdf = page.pdf()  # the print stylesheet lays the report out on pages
        browser.close()
    assert requests == [page_file.as_uri()]  # nothing but the page itself
    assert errors == []
    assert (tmp_path / "report.png").stat().st_size > 50_000
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
