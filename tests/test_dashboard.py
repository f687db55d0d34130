"""The dashboard in a real browser: Playwright driving Debian's headless Chromium (/usr/bin/chromium).

The server is uvicorn in a background thread on 127.0.0.1 (a free port) over a temporary
database. Screenshots go to tests/screenshots/ (git-ignored); the code-an-article view is also
copied to docs/dashboard.png for the README when that file is missing or TACITUS_UPDATE_SCREENSHOTS=1. Every request the page makes must stay on loopback.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, shared_path

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "tests" / "screenshots"
DOCS_SHOT = ROOT / "docs" / "dashboard.png"
UPDATE_DOCS = os.environ.get("TACITUS_UPDATE_SCREENSHOTS") == "1"

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (run `make browser`, or "
                "apt-get install chromium); skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")
expect = sync_api.expect

CORPUS = [
    {"text": "Belarus expelled a Polish diplomat on Tuesday.", "date": "2024-03-12",
     "url": "https://example.org/belarus-expels", "title": "Minsk answers in kind"},
    {"text": "Polish police arrested two Belarusian citizens in Warsaw on Monday.", "date": "2024-04-02",
     "url": "https://example.org/warsaw-arrests", "title": "Two arrested in Warsaw"},
    {"text": "Russian troops shelled Ukrainian positions near Kharkiv, the Ukrainian army said.",
     "date": "2024-04-01", "url": "https://example.net/kharkiv", "title": "Shelling near Kharkiv"},
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def warsaw_text() -> str:
    return shared_path("dev", "articles", "warsaw_minsk_expulsion.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory, warsaw_text):
    import httpx
    import uvicorn

    from tacitus.api import create_app

    db = tmp_path_factory.mktemp("dash") / "dash.db"
    app = create_app(db_path=str(db), coder=coder, api_key="")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    batch = [{"text": warsaw_text, "date": "2024-03-08", "url": "https://example.com/warsaw-minsk",
              "title": "Spy affair: Warsaw expels Belarusian diplomat"}, *CORPUS]
    r = httpx.post(f"{base}/v1/articles", json=batch, timeout=120)
    assert r.status_code == 200 and r.json()["failed"] == 0, r.text
    yield base
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--disable-gpu", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)

    def offsite(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:")) and host not in ("127.0.0.1", "localhost"):
            problems.append(f"off-site request: {request.url}")

    pg.on("request", offsite)
    pg.problems = problems  # type: ignore[attr-defined]
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield pg
    context.close()
    assert not problems, problems


def _code(page, server, text: str, date: str | None = None) -> None:
    page.goto(server + "/")
    page.get_by_label("Article text or HTML").fill(text)
    if date:
        page.get_by_label("Publication date").fill(date)
    page.get_by_role("button", name="Code article").click()
    expect(page.locator("#code-status")).to_contain_text("found", timeout=60_000)


def test_code_article_highlights_the_arrest(page, server, warsaw_text):
    _code(page, server, warsaw_text, "2024-03-08")
    row = page.locator("#code-events tbody tr[data-code='173']").first
    row.wait_for()
    assert "Arrest" in row.inner_text()
    assert "POL" in row.inner_text() and "BLR" in row.inner_text()
    mark = page.locator("#article-view mark[data-codes~='173']").first
    assert "detained" in mark.inner_text()
    assert "q4" in (mark.get_attribute("class") or "")  # material conflict colour
    # Removed blocks are shown, struck through, with their reason.
    removed = page.locator("#article-view .removed").filter(has_text="Kowalczyk")
    assert removed.count() >= 1 and removed.first.locator(".reason").text_content() == "byline"
    assert removed.first.locator("del").count() == 1
    # The legend names the colours.
    assert "material conflict" in page.locator("#legend").inner_text()
    # Clicking the row scrolls to and focuses its evidence.
    page.locator("#article-view").evaluate("v => v.scrollTop = v.scrollHeight")
    row.click()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    assert "detained" in page.evaluate("document.activeElement.textContent")
    assert "current" in (page.evaluate("document.activeElement.className"))
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "code-article.png"), full_page=True)
    if UPDATE_DOCS or not DOCS_SHOT.exists():  # the committed README image changes only when asked
        DOCS_SHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(SHOTS / "code-article.png", DOCS_SHOT)


def test_event_row_is_keyboard_reachable(page, server, warsaw_text):
    _code(page, server, warsaw_text, "2024-03-08")
    button = page.locator("#code-events tbody tr[data-code='173'] button").first
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MARK"


def test_script_in_an_article_shows_as_text_and_does_not_run(page, server):
    hostile = ('<script>window.__pwned = 1</script> Poland expelled a Belarusian diplomat on Friday. '
               '<img src=x onerror="window.__pwned = 2"> <b onmouseover="window.__pwned=3">bold</b>')
    _code(page, server, hostile, "2024-03-08")
    view = page.locator("#article-view")
    assert "<script>window.__pwned = 1</script>" in view.inner_text()
    assert view.locator("script, img, b").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    page.screenshot(path=str(SHOTS / "script-as-text.png"))


def test_keyboard_tabs(page, server):
    page.goto(server + "/")
    page.get_by_role("tab", name="Code an article").focus()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("tab", name="Events").get_attribute("aria-selected") == "true"
    assert page.locator("#panel-events").is_visible()
    page.keyboard.press("End")
    assert page.get_by_role("tab", name="Map").get_attribute("aria-selected") == "true"


def test_events_table_filters_and_pages(page, server):
    page.goto(server + "/#events")
    page.locator("#events-table tbody tr").first.wait_for()
    page.get_by_label("Per page").select_option("10")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#events-status")).to_contain_text("Events 1–10")
    first_page = page.locator("#events-table tbody tr").all_inner_texts()
    assert len(first_page) == 10
    page.get_by_role("button", name="Next page →").click()
    expect(page.locator("#events-status")).to_contain_text("Events 11–")
    second_page = page.locator("#events-table tbody tr").all_inner_texts()
    assert second_page and not set(first_page) & set(second_page)
    page.get_by_role("button", name="← Previous page").click()
    expect(page.locator("#events-status")).to_contain_text("Events 1–10")
    # A filter: CAMEO root 17, from Poland.
    page.get_by_label("Source", exact=True).fill("POL")
    page.get_by_label("CAMEO root").first.fill("17")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#events-status")).to_have_text(re.compile(r"Events 1–[1-9] \(last page\)\."))
    rows = page.locator("#events-table tbody tr").all_inner_texts()
    assert rows and all("POL" in r and "17" in r for r in rows)
    page.screenshot(path=str(SHOTS / "events.png"))


def test_incidents_list_their_articles(page, server):
    page.goto(server + "/#incidents")
    page.locator("#incidents-list > li").first.wait_for()
    item = page.locator("#incidents-list > li").filter(has_text="POL → BLR").first
    item.locator("summary").click()
    assert "Spy affair" in item.inner_text() or "Two arrested" in item.inner_text()
    page.screenshot(path=str(SHOTS / "incidents.png"))


def test_dyad_chart_renders(page, server):
    page.goto(server + "/#dyad")
    page.get_by_label("Actor A (country)").fill("POL")
    page.get_by_label("Actor B (country)").fill("BLR")
    page.get_by_label("Per", exact=True).select_option("month")
    page.get_by_role("button", name="Draw").click()
    page.locator("#dyad-svg").wait_for()
    assert page.locator("#dyad-svg rect[class^='bar-q']").count() >= 3  # stacked QuadClass bars
    assert page.locator("#dyad-svg circle.dot-ab").count() >= 2  # Goldstein per month, POL→BLR
    assert page.locator("#dyad-svg circle.dot-ba").count() >= 1  # and BLR→POL
    assert "POL→BLR" in page.locator("#dyad-svg").inner_html() or "POL → BLR" in page.locator("#dyad-svg").inner_html()
    assert "between POL and BLR" in page.locator("#dyad-status").inner_text()
    page.get_by_label("Goldstein", exact=True).select_option("goldstein_sum")
    assert "Goldstein sum" in page.locator("#dyad-svg").inner_html()
    page.locator("#dyad-figure").screenshot(path=str(SHOTS / "dyad.png"))


def test_map_shows_markers(page, server):
    page.goto(server + "/#map")
    page.locator("#map-svg circle.marker").first.wait_for()
    places = page.locator("#map-svg circle.marker")
    names = {places.nth(i).get_attribute("data-place") for i in range(places.count())}
    assert {"Warsaw", "Kharkiv"} <= names, names
    warsaw = page.locator("#map-svg circle.marker[data-place='Warsaw']")
    cx, cy = float(warsaw.get_attribute("cx")), float(warsaw.get_attribute("cy"))
    assert abs(cx - (21.0 + 180)) < 0.5 and abs(cy - (90 - 52.2)) < 0.5  # equirectangular
    assert len(page.locator("#map-svg path.land").get_attribute("d")) > 10_000  # the offline world outline
    page.locator(".map").screenshot(path=str(SHOTS / "map.png"))


def test_docs_page_renders_offline(page, server):
    page.goto(server + "/docs")
    page.locator(".doc-op").first.wait_for()
    text = page.locator("#docs-ops").inner_text()
    assert "/v1/events" in text and "/v1/code" in text and "cursor" in text
