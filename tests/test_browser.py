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
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from test_api_data import build_fixture_db

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000
LOCAL = "http://127.0.0.1:"


def _shots() -> Path | None:
    """Where to keep a copy of the screenshots (EVENTWIRE_SCREENSHOTS), if anywhere."""
    folder = os.environ.get("EVENTWIRE_SCREENSHOTS")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


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


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """The API over ``db`` in a thread on 127.0.0.1 and a free port; stopped on leaving."""
    import uvicorn

    from eventwire.api import create_app

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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    db = build_fixture_db(tmp_path_factory.mktemp("browser") / "events.duckdb")
    with _serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=TIMEOUT_MS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            # Nothing but the local servers: any other request is refused by the test.
            context.route("**/*", lambda route: route.continue_()
                          if route.request.url.startswith(LOCAL) else route.abort())
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

    page.locator("#events-table tbody tr[data-id] td.date").first.click()
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
        page.locator("#events-table tbody tr[data-id] td.date").first.click()
        page.wait_for_selector("#event-panel:not([hidden]) mark.evidence")
        hrefs = page.eval_on_selector_all("#event-panel a[href]",
                                          "els => els.map((a) => a.getAttribute('href'))")
        assert not [h for h in hrefs if not h.startswith(("#", "http://", "https://"))], hrefs
        assert (link in hrefs) if link else url in page.inner_text("#event-panel")
    finally:
        page.unroute(f"{server}/api/events/*")
    assert not violations, violations
    assert not page.errors, page.errors  # type: ignore[attr-defined]


# A few short articles run through the real extraction path (spaCy model, actors, events,
# times, places) into a store: what the analysis charts are drawn from.
ARTICLES = (
    ("news-1", "France and Germany agree on defence fund", date(2024, 3, 14), "Wire",
     "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Tuesday. "
     "The two leaders signed an agreement on a joint defence fund."),
    ("news-2", "Russian forces shell Kharkiv", date(2024, 3, 20), "Wire",
     "Russian forces shelled Kharkiv on Monday, killing four civilians, Ukrainian officials "
     "said. Ukraine condemned the attack."),
    ("news-3", "Protesters clash with police in Paris", date(2024, 4, 2), "Daily",
     "Thousands of farmers protested in Paris on Sunday against new taxes. Police arrested "
     "twelve protesters."),
    ("news-4", "Kenya and Ethiopia sign trade pact", date(2024, 4, 10), "Daily",
     "Kenya signed a trade agreement with Ethiopia in Nairobi on Wednesday. President William "
     "Ruto praised Ethiopia for its cooperation."),
    ("news-5", "Washington sends aid to Kyiv", date(2024, 4, 18), "Wire",
     "The United States sent military aid to Ukraine on Thursday. Russia accused the United "
     "States of prolonging the war. China called for talks."),
    ("news-6", "Iran warns Israel", None, "Blog",
     "Iran warned Israel against any attack on its territory."),
)


@pytest.fixture(scope="module")
def extracted_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    from eventwire.pipeline import extract_many
    from eventwire.records import Article
    from eventwire.store import Store

    articles = [Article(id=i, title=title, published=day, source=outlet,
                        text=f"{title}\n\n{body}") for i, title, day, outlet, body in ARTICLES]
    docs = [d for d in extract_many(articles) if not isinstance(d, Exception)]
    assert len(docs) == len(ARTICLES)
    db = tmp_path_factory.mktemp("extracted") / "events.duckdb"
    with Store(db) as store:
        store.write_batch(docs)
    with _serving(db) as url:
        yield url


def _screenshot(page, name: str, tmp_path: Path, **options) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), **options)
    shots = _shots()
    if shots:
        page.screenshot(path=str(shots / name), **options)
    return path


def test_browser_analysis_charts_from_extracted_articles(extracted_server: str, page,
                                                         tmp_path: Path) -> None:
    """Timeline on the publication window, labelled network, dyads, map, CAMEO names, CSV."""
    outside: list[str] = []
    violations: list[str] = []
    page.on("request", lambda req: outside.append(req.url)
            if not req.url.startswith((extracted_server, "data:")) else None)
    page.on("console", lambda msg: violations.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.goto(f"{extracted_server}/#/events")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    page.wait_for_selector("#map .scattergeo .point")
    page.wait_for_selector("#network .textpoint")

    # timeline: the articles' publication window, one tick per date at most, undated counted
    window = page.evaluate("() => document.getElementById('timeline').layout.xaxis.range")
    # a week before the first article (14 March) to the day after the last (18 April)
    assert window == ["2024-03-07", "2024-04-19"], window
    ticks = page.eval_on_selector_all("#timeline .xtick text", "els => els.map((t) => t.textContent)")
    assert ticks and len(ticks) == len(set(ticks)), ticks
    note = page.inner_text("#timeline-note")
    assert "publication window" in note and "1 event undated" in note, note

    # network: every shown actor is labelled, and the number shown follows the selector
    labels = page.eval_on_selector_all("#network .textpoint text", "els => els.map((t) => t.textContent)")
    assert labels and all(labels), labels
    assert any("Macron" in label for label in labels), labels
    page.select_option("#network-top", "8")
    page.wait_for_function("() => document.querySelectorAll('#network .textpoint').length <= 8")
    assert "Emmanuel Macron" in page.inner_text("#dyads")
    page.select_option("#dyad-by", "country")
    page.wait_for_function("() => /FRA[\\s\\S]*DEU/.test(document.querySelector('#dyads').innerText)")
    page.select_option("#dyad-by", "actor")

    # map: a marker per place with coordinates, drawn on the explorer's own base map
    places = page.evaluate("() => document.getElementById('map').data[0].text")
    assert {"Berlin", "Paris", "Nairobi"} <= set(places), places
    assert page.locator("#map path.countries, #map .countries path").count() > 0
    assert "without a place" in page.inner_text("#map-note")

    # CAMEO names beside codes, in the table and the event panel
    table = page.inner_text("#events-table")
    assert "042" in table and "Make a visit" in table

    shot = _screenshot(page, "explorer-analysis.png", tmp_path, full_page=True)
    assert shot.stat().st_size > 20_000

    # CSV of the filtered view: the link carries the filters
    page.select_option("#filters select[name='type']", "CONSULT")
    page.click("#apply")
    page.wait_for_function("() => document.querySelector('#csv-link').href.includes('type=CONSULT')")
    reply = page.request.get(page.eval_on_selector("#csv-link", "a => a.href"))
    assert reply.headers["content-type"].startswith("text/csv")
    body = reply.text()
    assert body.startswith('"id","day"') and '"042","Make a visit"' in body
    assert body.count("\n") - 1 == int(page.inner_text("#events-count").split()[0])
    page.locator("#events-table tbody tr[data-id] td.date").first.click()
    page.wait_for_selector("#event-panel:not([hidden]) mark.evidence")
    assert "Make a visit" in page.inner_text("#event-panel")
    _screenshot(page, "explorer-consult-panel.png", tmp_path)

    assert not outside, outside
    assert not violations, violations
    assert not page.errors, page.errors  # type: ignore[attr-defined]


@pytest.mark.parametrize(("interval", "first", "last"), [
    ("day", "2024-03-12", "2024-03-13"), ("day", "2024-03-01", "2024-04-20"),
    ("week", "2024-01-01", "2024-06-24"), ("month", "2024-01-01", "2024-03-01"),
    ("month", "2021-01-01", "2024-06-01"), ("year", "2001-01-01", "2024-01-01"),
])
def test_browser_timeline_ticks_never_repeat_a_date(server: str, page, interval: str,
                                                    first: str, last: str) -> None:
    page.goto(f"{server}/#/events")
    page.wait_for_selector("body[data-ready='1']")
    ticks = page.evaluate("""([interval, first, last]) => {
        const el = document.getElementById('timeline');
        drawTimeline(el, { interval, undated: 0, window: { from: first, to: last, outside: 0 },
          buckets: [{ period: first, quad_class: 1, n: 2 }, { period: last, quad_class: 4, n: 1 }] }, false);
        return [...el.querySelectorAll('.xtick text')].map((t) => t.textContent);
    }""", [interval, first, last])
    assert 1 <= len(ticks) <= 8 and len(ticks) == len(set(ticks)), ticks
