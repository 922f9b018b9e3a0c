"""The HTTP API over a hand-made database: filters, ids, errors, limits, read-only."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from test_api_data import build_fixture_db

from eventwire.api import MAX_BODY_BYTES, MAX_TEXT_CHARS, create_app, event_key, parse_event_key
from eventwire.errors import StoreError
from eventwire.records import Article, Document

with warnings.catch_warnings():  # starlette asks for httpx2 over httpx; either works here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


LOCAL = "http://127.0.0.1"  # the test client's own "testserver" is not an allowed host


def _fake_extract(article: Article) -> Document:
    return Document(article=article)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="module")
def client(db: Path):
    with TestClient(create_app(db, extractor=_fake_extract), base_url=LOCAL) as c:
        yield c


def ids(page: dict) -> list[tuple[str, str]]:
    return [(e["article_id"], e["event_id"]) for e in page["items"]]


def test_api_event_key_round_trips() -> None:
    key = event_key("bbc/politics/003", "e1")
    assert parse_event_key(key) == ("bbc/politics/003", "e1")
    assert "/" not in key
    assert parse_event_key("not base64!") is None
    assert parse_event_key(event_key("a", "b")[:-2]) is None


def test_api_events_lists_newest_first_with_actors(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == 8 and page["page"] == 1
    days = [e["day"] for e in page["items"]]
    assert days == sorted(days, reverse=True)
    meeting = next(e for e in page["items"] if (e["article_id"], e["event_id"]) == ("wire-001", "e1"))
    assert meeting["source"][0]["name"] == "Emmanuel Macron"
    assert meeting["source"][0]["key"] == "emmanuel-macron@FRA"
    assert meeting["target"][0]["key"] == "olaf-scholz@DEU"
    assert meeting["quad_class"] == 1 and meeting["place"] == "Berlin"
    assert meeting["story_id"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "CONSULT"}, {("wire-001", "e1"), ("wire-002", "e1")}),
    ({"type": ["PROTEST", "COERCE"]}, {("bbc/politics/003", "e1"), ("bbc/politics/003", "e2")}),
    ({"quad_class": 4}, {("wire-001", "e2"), ("bbc/politics/003", "e1"), ("bbc/politics/003", "e2")}),
    ({"actor": "emmanuel-macron@FRA"}, {("wire-001", "e1"), ("wire-002", "e1")}),
    ({"actor": "scholz", "side": "source"}, set()),
    ({"actor": "scholz", "side": "target"}, {("wire-001", "e1"), ("wire-002", "e1")}),
    ({"country": "rus"}, {("wire-001", "e2"), ("wire-002", "e2")}),
    ({"date_from": "2024-04-01", "date_to": "2024-05-31"},
     {("bbc/politics/003", "e1"), ("bbc/politics/003", "e2"), ("wire-004", "e1")}),
    ({"place": "berlin"}, {("wire-001", "e1"), ("wire-002", "e1")}),
    ({"place": "FRA"}, {("bbc/politics/003", "e1")}),
    ({"modality": "intended"}, {("wire-004", "e2")}),
    ({"q": "sanctions russia"}, {("wire-002", "e2")}),
    ({"q": "100%"}, set()),
    ({"q": "'; DROP TABLE events; --"}, set()),
    ({"mode": "arrest"}, {("bbc/politics/003", "e2")}),
    ({"article": "wire-004", "min_confidence": 0.7}, {("wire-004", "e1")}),
])
def test_api_events_filters(client: TestClient, params: dict, expected: set) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert set(ids(response.json())) == expected


def test_api_events_of_one_story(client: TestClient) -> None:
    story = client.get("/api/events", params={"type": "CONSULT"}).json()["items"][0]["story_id"]
    page = client.get("/api/events", params={"story": story}).json()
    assert set(ids(page)) == {("wire-001", "e1"), ("wire-002", "e1")}


def test_api_events_sort_and_pages(client: TestClient) -> None:
    first = client.get("/api/events", params={"sort": "-confidence", "page_size": 3}).json()
    second = client.get("/api/events", params={"sort": "-confidence", "page_size": 3, "page": 2}).json()
    assert first["total"] == second["total"] == 8
    scores = [e["confidence"] for e in first["items"] + second["items"]]
    assert scores == sorted(scores, reverse=True)
    assert not set(ids(first)) & set(ids(second))
    beyond = client.get("/api/events", params={"page": 99}).json()
    assert beyond["items"] == [] and beyond["total"] == 8


@pytest.mark.parametrize(("params", "status"), [
    ({"page_size": 1000}, 422),
    ({"page": 0}, 422),
    ({"type": "PARTY"}, 422),
    ({"quad_class": 7}, 422),
    ({"country": "France"}, 422),
    ({"date_from": "yesterday"}, 422),
    ({"date_from": "2024-05-01", "date_to": "2024-04-01"}, 400),
    ({"sort": "evidence; DROP TABLE events"}, 422),
    ({"modality": "maybe"}, 422),
    ({"min_confidence": 2}, 422),
    ({"q": "x" * 500}, 422),
])
def test_api_events_bad_parameters_are_4xx(client: TestClient, params: dict, status: int) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status, response.text
    assert "detail" in response.json()


def test_api_event_detail_has_evidence_article_and_story(client: TestClient) -> None:
    response = client.get(f"/api/events/{event_key('wire-001', 'e1')}")
    assert response.status_code == 200
    ev = response.json()
    text = ev["article"]["text"]
    assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert ev["evidence"]["text"].startswith("French President Emmanuel Macron met")
    assert ev["story"]["n_reports"] == 2
    assert {r["article_id"] for r in ev["reports"]} == {"wire-001", "wire-002"}
    assert all(parse_event_key(r["id"]) for r in ev["reports"])


def test_api_event_detail_of_a_single_report(client: TestClient) -> None:
    ev = client.get(f"/api/events/{event_key('bbc/politics/003', 'e2')}").json()
    assert ev["story"]["n_reports"] == 1
    assert [r["article_id"] for r in ev["reports"]] == ["bbc/politics/003"]
    assert ev["attributed_to"]["name"] == "Interior Ministry"


@pytest.mark.parametrize("bad", ["nope", event_key("wire-001", "e9"), event_key("x", "e1"), "%00"])
def test_api_event_detail_unknown_is_404(client: TestClient, bad: str) -> None:
    assert client.get(f"/api/events/{bad}").status_code == 404


def test_api_actors_search_and_page(client: TestClient) -> None:
    page = client.get("/api/actors", params={"q": "macron"}).json()
    assert page["total"] == 1
    macron = page["items"][0]
    assert macron == {"key": "emmanuel-macron@FRA", "name": "Emmanuel Macron", "country": "FRA",
                      "sector": "GOV", "kind": "person", "n_articles": 2, "n_events": 2}
    assert client.get("/api/actors", params={"country": "fra"}).json()["total"] == 4
    assert client.get("/api/actors", params={"kind": "alien"}).status_code == 422


def test_api_actor_page_has_timeline_and_counterparts(client: TestClient) -> None:
    actor = client.get("/api/actors/ukraine@UKR").json()
    assert actor["n_events"] == 3 and actor["n_articles"] == 2
    counterparts = {c["key"]: c for c in actor["counterparts"]}
    assert counterparts["united-states@USA"]["n"] == 2
    assert counterparts["united-states@USA"]["as_source"] == 1
    assert counterparts["russian-armed-forces@RUS"]["conflict"] == 1
    assert sum(b["n"] for b in actor["timeline"]["buckets"]) == 3
    assert client.get("/api/actors/nobody@XXX").status_code == 404
    assert client.get("/api/actors/Not A Key").status_code == 422


def test_api_timeline_and_network(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"interval": "month"}).json()
    assert tl["interval"] == "month"
    assert sum(b["n"] for b in tl["buckets"]) == 8
    assert {b["quad_class"] for b in tl["buckets"]} == {1, 2, 3, 4}
    assert client.get("/api/timeline").json()["interval"] in {"day", "week", "month"}
    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if e["source"] == "emmanuel-macron@FRA")
    assert edge["target"] == "olaf-scholz@DEU" and edge["n"] == 2 and edge["cooperation"] == 2
    assert {n["key"] for n in net["nodes"]} >= {"emmanuel-macron@FRA", "olaf-scholz@DEU"}
    assert client.get("/api/network", params={"type": "PROTEST"}).json()["edges"] == []


def test_api_quotes(client: TestClient) -> None:
    page = client.get("/api/quotes").json()
    assert page["total"] == 2
    by_macron = client.get("/api/quotes", params={"speaker": "emmanuel-macron@FRA"}).json()
    assert [q["text"] for q in by_macron["items"]] == ["We stand together"]
    assert by_macron["items"][0]["speaker_name"] == "Emmanuel Macron"
    assert client.get("/api/quotes", params={"kind": "indirect"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"q": "arrested"}).json()["total"] == 1


def test_api_article_with_annotations(client: TestClient) -> None:
    doc = client.get("/api/articles/bbc/politics/003").json()
    assert doc["article"]["title"] == "Pension protest in Paris"
    assert len(doc["events"]) == 2 and len(doc["actors"]) == 3
    assert doc["places"][0]["name"] == "Paris"
    assert doc["actors"][0]["mentions"]
    assert client.get("/api/articles/missing").status_code == 404


def test_api_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["events"] == 8 and stats["stories"] == 7
    assert stats["first_published"] == "2024-03-14"
    assert {r["quad_class"]: r["n"] for r in stats["by_quad_class"]} == {1: 2, 2: 1, 3: 2, 4: 3}
    assert stats["top_actors"][0]["n"] >= 2


def test_api_extract_returns_a_document(client: TestClient) -> None:
    response = client.post("/api/extract", json={"text": "Macron met Scholz.", "published": "2024-03-14"})
    assert response.status_code == 200
    assert response.json()["article"] == {"id": "api", "title": None, "published": "2024-03-14",
                                          "source": None, "url": None, "text": "Macron met Scholz."}


@pytest.mark.parametrize(("body", "status"), [
    ({"text": ""}, 422),
    ({"text": "   "}, 422),
    ({}, 422),
    ({"text": "x", "published": "soon"}, 422),
    ({"text": "x" * (MAX_TEXT_CHARS + 1)}, 422),
])
def test_api_extract_rejects_bad_bodies(client: TestClient, body: dict, status: int) -> None:
    assert client.post("/api/extract", json=body).status_code == status


def test_api_unexpected_error_is_json_500_and_one_log_line(
        db: Path, caplog: pytest.LogCaptureFixture) -> None:
    def broken(article: Article) -> Document:
        raise RuntimeError("stage exploded\nsecond line")

    with TestClient(create_app(db, extractor=broken), base_url=LOCAL) as c, caplog.at_level(logging.ERROR,
                                                                          logger="eventwire"):
        response = c.post("/api/extract", json={"text": "Ministers met."})
        assert c.get("/api/stats").status_code == 200  # the app still answers
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}
    (record,) = [r for r in caplog.records if r.name == "eventwire"]
    assert record.getMessage() == ("POST /api/extract failed: RuntimeError: stage exploded "
                                   "second line")
    assert record.exc_info is None and "\n" not in record.getMessage()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(tmp_path: Path, *args: str) -> Iterator[str]:
    """`eventwire serve` over the fixture database in its own process; yields its base URL.

    On leaving, the server is stopped and its output must hold no traceback.
    """
    db = build_fixture_db(tmp_path / "events.duckdb")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db),
                             "--port", str(port), *args], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"serve exited {proc.returncode}"
            try:
                with urllib.request.urlopen(f"{base}/api/stats", timeout=5) as reply:
                    if reply.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            assert time.monotonic() < deadline, "serve did not answer within 60 s"
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
        log.seek(0)
        output = log.read()
        log.close()
    assert "Traceback" not in output, output


def _call(base: str, path: str, *, method: str = "GET", body: dict | None = None,
          host: str | None = None, timeout: float = 180) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-cased names) and body of one request; HTTP errors included."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if host is not None:
        headers["Host"] = host
    request = urllib.request.Request(f"{base}{path}", method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


@pytest.mark.model
def test_api_serve_extracts_with_the_real_pipeline(tmp_path: Path) -> None:
    """`eventwire serve` in its own process, the real extractor behind POST /api/extract."""
    body = {"id": "harbour-1", "published": "2024-09-17",
            "text": "The Norwegian foreign minister met the president of Ghana in Accra on "
                    "Monday. Police arrested twelve protesters outside the parliament."}
    with _serving(tmp_path) as base:
        status, _, raw = _call(base, "/api/extract", method="POST", body=body)
    assert status == 200
    doc = json.loads(raw)
    assert doc["article"]["id"] == "harbour-1"
    assert doc["events"], doc
    assert {e["type"] for e in doc["events"]} & {"CONSULT", "COERCE"}, doc["events"]
    for event in doc["events"]:
        ev = event["evidence"]
        assert body["text"][ev["start"]:ev["end"]] == ev["text"]


def test_api_serve_guards_hosts_headers_and_head(tmp_path: Path) -> None:
    """Through a real server: the host allow-list, `--allow-host`, security headers, HEAD."""
    with _serving(tmp_path, "--allow-host", "events.lan") as base:
        port = base.rsplit(":", 1)[1]
        status, headers, _ = _call(base, "/api/stats", host=f"evil.example:{port}")
        assert status == 400 and headers["x-frame-options"] == "DENY"
        for host in (f"localhost:{port}", f"events.lan:{port}", f"127.0.0.1:{port}"):
            assert _call(base, "/api/stats", host=host)[0] == 200, host
        status, headers, raw = _call(base, "/", method="HEAD")
        assert status == 200 and raw == b"" and headers["content-type"].startswith("text/html")
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value
        assert headers["content-security-policy"].startswith("default-src 'self'")


@pytest.mark.model
def test_api_serve_reads_stay_fast_under_real_extraction(tmp_path: Path) -> None:
    """Many concurrent real extractions: each is answered 200 or 503 with Retry-After, and
    GET /api/stats keeps answering quickly meanwhile."""
    from concurrent.futures import ThreadPoolExecutor

    text = ("The Norwegian foreign minister met the president of Ghana in Accra on Monday. "
            "Police arrested twelve protesters outside the parliament. ") * 20
    with _serving(tmp_path) as base, ThreadPoolExecutor(16) as pool:
        posts = [pool.submit(_call, base, "/api/extract", method="POST",
                             body={"id": f"load-{i}", "text": text}) for i in range(16)]
        slowest = 0.0
        while not all(p.done() for p in posts):
            began = time.monotonic()
            assert _call(base, "/api/stats", timeout=30)[0] == 200
            slowest = max(slowest, time.monotonic() - began)
            time.sleep(0.05)
        results = [p.result() for p in posts]
    statuses = [status for status, _, _ in results]
    assert set(statuses) <= {200, 503}, statuses
    assert 200 in statuses
    for status, headers, _ in results:
        if status == 503:
            assert int(headers["retry-after"]) > 0
    assert slowest < 2.0, f"a read took {slowest:.2f} s during extraction"


def test_api_extract_refuses_oversized_bodies(client: TestClient) -> None:
    big = b'{"text": "' + b"x" * MAX_BODY_BYTES + b'"}'
    response = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413

    def chunks():
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    streamed = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_api_openapi_published(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{id}", "/api/actors", "/api/actors/{key}",
                 "/api/quotes", "/api/articles/{article_id}", "/api/stats", "/api/extract"):
        assert path in spec["paths"], path


def test_api_database_is_read_only(client: TestClient) -> None:
    con = client.app.state.con  # type: ignore[attr-defined]
    with pytest.raises(duckdb.Error):
        con.cursor().execute("DELETE FROM events")
    assert client.get("/api/stats").json()["events"] == 8


def test_api_missing_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "none.duckdb")


def test_api_serves_the_explorer(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and "eventwire" in index.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    plotly = client.get("/vendor/plotly.min.js")
    assert plotly.status_code == 200 and "plotly" in plotly.text[:200].lower()


SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
                    "referrer-policy": "no-referrer"}


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/"), ("GET", "/static/app.js"), ("GET", "/api/stats"), ("GET", "/api/events/nope"),
    ("GET", "/openapi.json"), ("GET", "/api/events?page=0"), ("POST", "/api/extract"),
    ("GET", "/nowhere"), ("HEAD", "/api/stats")])
def test_api_security_headers_on_every_response(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, (name, response.status_code)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-eval" not in csp and "http" not in csp  # nothing from elsewhere


def test_api_security_policy_covers_what_the_explorer_loads(client: TestClient) -> None:
    import re

    index = client.get("/").text
    for ref in re.findall(r'(?:src|href)="([^"#]+)"', index):
        assert ref.startswith("/") or ref == "data:," or ref.startswith("/openapi"), ref
        if ref.startswith("/"):
            assert client.get(ref).status_code == 200, ref  # same origin: allowed by 'self'


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example", ""])
def test_api_other_hosts_are_refused(db: Path, host: str) -> None:
    with TestClient(create_app(db, extractor=_fake_extract), base_url=LOCAL) as c:
        response = c.get("/api/stats", headers={"host": host})
    assert response.status_code == 400
    assert "host" in response.json()["detail"]
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST",
                                  "[::1]:8000"])
def test_api_local_hosts_are_allowed(client: TestClient, host: str) -> None:
    assert client.get("/api/stats", headers={"host": host}).status_code == 200


def test_api_allowed_hosts_extend_the_list(db: Path) -> None:
    with TestClient(create_app(db, extractor=_fake_extract, allowed_hosts=["events.lan"]),
                    base_url="http://events.lan:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "other.lan"}).status_code == 400


def test_api_head_on_every_get_route(client: TestClient) -> None:
    from fastapi.routing import APIRoute

    wire_001 = event_key("wire-001", "e1")
    example = {"{id}": wire_001, "{key}": "emmanuel-macron@FRA", "{article_id}": "wire-001"}
    gets = [r.path for r in client.app.routes  # type: ignore[attr-defined]
            if isinstance(r, APIRoute) and "GET" in r.methods]
    assert len(gets) >= 10
    for path in [*gets, "/static/app.js"]:
        for placeholder, value in example.items():
            path = path.replace(placeholder, value).replace(":path", "")
        get = client.get(path)
        head = client.head(path)
        assert get.status_code == 200, path
        assert head.status_code == 200, path
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
    assert client.head("/api/extract").status_code == 405  # a POST route stays POST only


def test_api_extract_queue_full_is_503_and_reads_stay_fast(db: Path) -> None:
    """Extractions wait in a bounded queue off the request threads; reads never wait for them."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    release = threading.Event()
    started = threading.Event()

    def slow(article: Article) -> Document:
        started.set()
        assert release.wait(30), "never released"
        return Document(article=article)

    app = create_app(db, extractor=slow, max_pending=2)
    with TestClient(app, base_url=LOCAL) as c, ThreadPoolExecutor(2) as pool:
        try:
            waiting = [pool.submit(c.post, "/api/extract", json={"id": f"a{i}", "text": "Talks."})
                       for i in range(2)]
            assert started.wait(10)
            deadline = time.monotonic() + 10
            while app.state.extraction.pending < 2:
                assert time.monotonic() < deadline, "the queue never filled"
                time.sleep(0.01)
            full = c.post("/api/extract", json={"text": "One too many."})
            assert full.status_code == 503
            assert int(full.headers["retry-after"]) > 0
            assert "queue" in full.json()["detail"]
            began = time.monotonic()
            for _ in range(20):
                assert c.get("/api/stats").status_code == 200
            assert time.monotonic() - began < 5  # reads answer while extraction is stuck
        finally:
            release.set()
        assert [f.result(timeout=30).status_code for f in waiting] == [200, 200]
        assert app.state.extraction.pending == 0
        assert c.post("/api/extract", json={"text": "Room again."}).status_code == 200


@pytest.mark.model
def test_api_real_extractor_forgets_new_words(nlp) -> None:
    """The server's extractor runs in a spaCy memory zone: new words leave the vocab flat."""
    import random
    import string

    from eventwire.api.extraction import pipeline_extract
    from eventwire.nlp import load_pipeline

    assert load_pipeline() is nlp  # the extractor uses this very pipeline
    rng = random.Random(16)

    def gibberish() -> str:
        words = ["".join(rng.choices(string.ascii_lowercase, k=9)).title() for _ in range(40)]
        return f"The minister of {words[0]} met {' '.join(words[1:])} in Accra on Monday."

    pipeline_extract(Article(id="warm", text=gibberish()))  # lazily built tables settle
    # len(vocab) only ever counts up; the lexemes it holds are what it iterates
    strings, lexemes = len(nlp.vocab.strings), sum(1 for _ in nlp.vocab)
    for i in range(5):
        doc = pipeline_extract(Article(id=f"new-{i}", text=gibberish()))
        assert doc.article.id == f"new-{i}"
    assert len(nlp.vocab.strings) == strings
    assert sum(1 for _ in nlp.vocab) == lexemes


def test_api_route_table_is_the_app(client: TestClient) -> None:
    from fastapi.routing import APIRoute

    from eventwire.api.routes import ROUTES

    served = {(r.path, m) for r in client.app.routes  # type: ignore[attr-defined]
              if isinstance(r, APIRoute) for m in r.methods}
    table = {(r.path, m) for r in ROUTES for m in r.methods}
    assert served == table
    assert len({r.endpoint for r in ROUTES}) == len(ROUTES)


def test_api_events_csv_is_the_filtered_view(client: TestClient) -> None:
    import csv
    import io

    whole = client.get("/api/events.csv")
    assert whole.status_code == 200
    assert whole.headers["content-type"].startswith("text/csv")
    assert "attachment" in whole.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(whole.text)))
    assert len(rows) == client.get("/api/events").json()["total"]
    consult = client.get("/api/events.csv", params={"type": "CONSULT"})
    rows = list(csv.DictReader(io.StringIO(consult.text)))
    assert len(rows) == 2 and {r["type"] for r in rows} == {"CONSULT"}
    macron = next(r for r in rows if r["article_id"] == "wire-001")
    # the CAMEO code stays text with its leading zero, its name beside it
    assert macron["cameo"] == "042" and '"042"' in consult.text
    assert macron["cameo_label"] == "Make a visit"
    assert macron["source"] == "Emmanuel Macron" and macron["target_countries"] == "DEU"
    assert macron["place"] == "Berlin" and float(macron["lat"]) == pytest.approx(52.52)
    assert client.get("/api/events.csv", params={"date_from": "2024-05-01",
                                                 "date_to": "2024-04-01"}).status_code == 400


def test_api_events_csv_defuses_spreadsheet_formulas() -> None:
    from eventwire.api.events import _cell

    assert _cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _cell("-1") == "'-1" and _cell("Macron met Scholz") == "Macron met Scholz"
    assert _cell(None) == "" and _cell(0.5) == 0.5


def test_api_cameo_labels_cover_every_stored_code(client: TestClient) -> None:
    labels = client.get("/api/cameo").json()["labels"]
    assert labels["042"] == "Make a visit" and labels["19"] == "FIGHT" and len(labels) == 312
    stored = {e["cameo"] for e in client.get("/api/events", params={"page_size": 200}).json()["items"]}
    assert {c for c in stored if c} <= labels.keys()


def test_api_map_gives_places_with_coordinates(client: TestClient) -> None:
    found = client.get("/api/map").json()
    names = {p["name"]: p for p in found["places"]}
    assert names["Berlin"]["n"] == 2 and names["Berlin"]["lat"] == pytest.approx(52.52)
    assert sum(p["n"] for p in found["places"]) + found["unplaced"] == \
        client.get("/api/events").json()["total"]
    only = client.get("/api/map", params={"type": "ASSAULT"}).json()
    assert [p["name"] for p in only["places"]] == ["Kharkiv"]


def test_api_timeline_window_is_the_publication_window(client: TestClient) -> None:
    tl = client.get("/api/timeline").json()
    # articles published 2024-03-14 .. 2024-05-20; the window opens a week before the first
    assert tl["window"]["from"] == "2024-03-07" and tl["window"]["to"] == "2024-05-20"
    assert tl["window"]["outside"] == 1  # the aid announced for 2024-06-01
    assert tl["undated"] == 0 and tl["dated_by_publication"] >= 1
    assert tl["interval"] == "day"


def test_api_plotly_is_a_declared_dependency() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    deps = tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.split("[")[0].split("=")[0].split(">")[0].strip() == "plotly" for d in deps)
    pins = (root / "requirements.txt").read_text().splitlines()
    assert any(line.startswith("plotly==") for line in pins)
