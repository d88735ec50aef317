"""Browser tests: Playwright's Python package driving Debian's Chromium (/usr/bin/chromium).

Skipped when Chromium or Playwright is missing (``.ci/run`` installs Chromium). Screenshots of
every page go to ``tests/artifacts/`` (ignored by git)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_corpus import LATER, copy_db

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parents[1] / "artifacts"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    uvicorn = pytest.importorskip("uvicorn")
    from rasad.web.app import create_app

    db = copy_db(tmp_path_factory.mktemp("browser") / "web.db")
    port = _free_port()
    config = uvicorn.Config(
        create_app(db, token="secret"), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _open(browser: Any, url: str, *, phone: bool = False) -> Any:
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    page = browser.new_page(viewport=size)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = page.goto(url)
    assert response is not None
    assert response.status == 200, url
    page.errors = errors
    return page


def _rtl_arabic(page: Any) -> None:
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    text = page.inner_text("main")
    assert sum("\u0600" <= ch <= "\u06ff" for ch in text) > 20
    assert not page.errors, page.errors  # e.g. CSP violations are console errors


def test_every_page_renders_rtl_arabic(server: tuple[str, Path], browser: Any) -> None:
    base, _ = server
    page = _open(browser, base + "/")
    _rtl_arabic(page)
    _shot(page, "overview")
    story = page.get_attribute("table.events a[href^='/story/']", "href")
    article = page.get_attribute("table.events a[href^='/article/']", "href")
    page.close()
    for name, path in [
        ("dyad", "/dyad/RUS/TUR"),
        ("actor", "/actor/per:vladimir-putin"),
        ("article", article),
        ("story", story),
        ("search", "/search?q=%D8%A3%D8%B1%D8%AF%D9%88%D8%BA%D8%A7%D9%86"),
        ("alerts", "/alerts"),
    ]:
        page = _open(browser, base + path)
        _rtl_arabic(page)
        _shot(page, name)
        page.close()
    page = _open(browser, base + "/dyad/RUS/TUR", phone=True)
    _rtl_arabic(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    _shot(page, "dyad-phone")
    page.close()


def test_timeline_chart_draws(server: tuple[str, Path], browser: Any) -> None:
    base, _ = server
    page = _open(browser, base + "/dyad/RUS/TUR")
    bars = page.locator("figure.timeline svg rect.bar")
    assert bars.count() >= 3
    box = page.locator("figure.timeline svg").bounding_box()
    assert box["width"] > 600
    assert box["height"] > 100
    assert page.locator("figure.timeline svg polyline.intensity").count() == 1
    # the date-range control narrows the table
    page.fill("input[name=since]", "2025-01-01")
    page.click("form.range button")
    page.wait_for_url("**since=2025-01-01**")
    dates = page.locator("table.events td.date").all_inner_texts()
    assert dates
    assert all(d >= "2025-01-01" for d in dates)
    page.close()


def test_search_finds_clitic_form(server: tuple[str, Path], browser: Any) -> None:
    base, _ = server
    page = _open(browser, base + "/search")
    page.fill("form.filters input[name=q]", "بوتين")
    page.click("form.filters button")
    page.wait_for_url("**q=**")
    marks = page.locator("ol.hits mark").all_inner_texts()
    assert "بوتين" in marks
    assert any(m != "بوتين" and m.endswith("بوتين") for m in marks), marks  # e.g. لبوتين
    _shot(page, "search-clitic")
    page.close()


def test_markup_in_a_page_is_inert(server: tuple[str, Path], browser: Any) -> None:
    base, _ = server
    page = _open(browser, base + "/search?q=%D8%B9%D8%B1%D9%8A%D8%B6")  # عريض
    page.click("ol.hits a.title")
    page.wait_for_url("**/article/**")
    body = page.inner_text("article .body")
    assert "<script>window.__pwned = 1</script>" in body
    assert "<b>نص عريض</b>" in body
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article .body script, article .body img, article .body b").count() == 0
    _shot(page, "article-hostile")
    page.close()


def test_alert_feed_lists_new_event(server: tuple[str, Path], browser: Any) -> None:
    base, _ = server
    page = _open(browser, base + "/alerts")
    auth = {"Authorization": "Bearer secret"}
    r = page.request.post(
        base + "/api/alerts", data={"name": "ru-tr", "dyad": "RUS-TUR"}, headers=auth
    )
    assert r.status == 201
    r = page.request.post(
        base + "/api/ingest?name=later.txt&date=2025-12-04", data=LATER.encode(), headers=auth
    )
    assert r.status == 200
    assert r.json()["kept"] == 1
    feed = page.request.get(base + "/alerts/ru-tr.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert "استقبل الرئيس الروسي" in feed.text()
    page.reload()
    assert "ru-tr" in page.inner_text("main")
    _shot(page, "alerts")
    page.close()
