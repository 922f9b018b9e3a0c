"""The explorer in headless Chromium: load it, filter, open an event, read its evidence.

Debian's /usr/bin/chromium drives the page through Playwright (no browser download). Without
it the tests skip, except in CI (CI=true) or with EVENTWIRE_REQUIRE_SHARED=1, where they fail.
The server runs in a thread on 127.0.0.1 and a free port, and is stopped after the module.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_api_data import build_fixture_db

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI") == "true" or os.environ.get("EVENTWIRE_REQUIRE_SHARED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    import uvicorn

    from eventwire.api import create_app

    db = build_fixture_db(tmp_path_factory.mktemp("browser") / "events.duckdb")
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            srv.should_exit = True
            pytest.fail("the API server did not start within 15 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=TIMEOUT_MS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            # Nothing but the local server: any other request is refused by the test.
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith(server) else route.abort())
            pg = context.new_page()
            pg.set_default_timeout(TIMEOUT_MS)
            errors: list[str] = []
            pg.on("pageerror", lambda exc: errors.append(str(exc)))
            pg.errors = errors  # type: ignore[attr-defined]
            yield pg
        finally:
            browser.close()


def test_browser_explorer_filters_and_shows_evidence(server: str, page, tmp_path: Path) -> None:
    page.goto(f"{server}/#/events")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    assert page.locator("#events-table tbody tr[data-id]").count() == 8
    assert page.locator("#timeline .main-svg").count() > 0, "timeline not drawn"
    assert page.locator("#network .main-svg").count() > 0, "network not drawn"
    assert "4 articles" in page.inner_text("#summary")

    page.select_option("#filters select[name='type']", "CONSULT")
    page.click("#apply")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-id]').length === 2")
    assert "type=CONSULT" in page.url
    assert page.inner_text("#events-count").startswith("2 matching")
    page.wait_for_function("() => document.querySelectorAll('#timeline .bars .point').length > 0")
    page.wait_for_function("() => document.querySelectorAll('#network .scatterlayer .point').length === 2")

    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#event-panel:not([hidden]) mark.evidence")
    marked = page.inner_text("#event-panel mark.evidence")
    assert "Macron" in marked and "Scholz" in marked
    article = page.inner_text("#event-panel .article-text")
    assert marked in article and len(article) > len(marked)
    assert "Reported by 2 articles" in page.inner_text("#event-panel")
    page.screenshot(path=str(tmp_path / "explorer-event.png"), full_page=False)
    shots = os.environ.get("EVENTWIRE_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(shots) / "explorer-event.png"))
    assert not page.errors, page.errors  # type: ignore[attr-defined]


def test_browser_actor_page(server: str, page, tmp_path: Path) -> None:
    page.goto(f"{server}/#/actor/ukraine@UKR")
    page.wait_for_selector("#actor-head h2")
    assert page.inner_text("#actor-head h2") == "Ukraine"
    page.wait_for_selector("#counterparts tbody tr a")
    assert "United States" in page.inner_text("#counterparts")
    page.wait_for_function("() => document.querySelectorAll('#actor-events tbody tr[data-id]').length === 3")
    page.screenshot(path=str(tmp_path / "explorer-actor.png"))
    shots = os.environ.get("EVENTWIRE_SCREENSHOTS")
    if shots:
        page.screenshot(path=str(Path(shots) / "explorer-actor.png"))
    assert not page.errors, page.errors  # type: ignore[attr-defined]


def test_browser_bad_filter_shows_an_error(server: str, page) -> None:
    page.goto(f"{server}/#/events?date_from=2024-05-01&date_to=2024-04-01")
    page.wait_for_function("() => document.querySelector('#filter-error').textContent.length > 0")
    assert "date_from" in page.inner_text("#filter-error")


@pytest.mark.parametrize(("url", "link"), [
    ("javascript:alert(document.domain)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("https://example.org/1", "https://example.org/1"),
])
def test_browser_article_link_only_for_http_urls(server: str, page, url: str,
                                                 link: str | None) -> None:
    """A stored article URL becomes a link only when it is http(s); anything else stays text."""
    import json

    def rewrite(route) -> None:
        reply = route.fetch()
        body = reply.json()
        body["article"]["url"] = url
        route.fulfill(response=reply, body=json.dumps(body))

    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.route(f"{server}/api/events/*", rewrite)
    try:
        page.goto(f"{server}/#/events")
        page.wait_for_selector("#events-table tbody tr[data-id]")
        page.locator("#events-table tbody tr[data-id]").first.click()
        page.wait_for_selector("#event-panel:not([hidden]) mark.evidence")
        hrefs = page.eval_on_selector_all("#event-panel a[href]",
                                          "els => els.map((a) => a.getAttribute('href'))")
        assert not [h for h in hrefs if not h.startswith(("#", "http://", "https://"))], hrefs
        assert (link in hrefs) if link else url in page.inner_text("#event-panel")
    finally:
        page.unroute(f"{server}/api/events/*")
    assert not violations, violations
    assert not page.errors, page.errors  # type: ignore[attr-defined]
