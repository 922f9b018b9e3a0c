"""A bounded load test of ``GET /api/events``: requests per second and latency percentiles.

    python bench/load_api.py --db bbc.duckdb                 # an existing database
    python bench/load_api.py --db bbc.duckdb --build --limit 300
                                # first build it from BBC News through the pipeline and store
    python bench/load_api.py --db bbc.duckdb --extract-clients 4
                                # reads alone, then reads with 4 clients POSTing /api/extract

The server runs as a second process (``eventwire serve``) on 127.0.0.1 and a free port; the
clients are threads of this process. The run stops after ``--requests`` requests or
``--seconds`` seconds, whichever comes first, and the server is stopped after it.
Requests cycle through a fixed mix of filters, sorts and pages of ``/api/events``.

With ``--extract-clients N`` the reads run twice against the same server: alone, then while
N more clients POST ``/api/extract`` with short texts written for this script (``TEXTS``),
each one numbered so the server keeps meeting new words. An extraction client that gets 503
waits as its ``Retry-After`` says before it sends again. Both read p95s are reported together.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BBC = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared")) / "data/bbc_news/articles.jsonl"

# The request mix: what a researcher's explorer session asks of /api/events.
MIX: tuple[dict[str, str | int], ...] = (
    {},
    {"page": 2},
    {"sort": "-confidence"},
    {"type": "CONSULT"},
    {"quad_class": 4},
    {"q": "minister"},
    {"actor": "blair"},
    {"country": "GBR"},
    {"country": "USA", "side": "source"},
    {"modality": "intended"},
    {"date_from": "2004-01-01", "date_to": "2005-12-31", "page_size": 100},
    {"type": "ACCUSE", "q": "said"},
)


# What the extraction clients send: short wire items written for this benchmark; a number is
# added to each so that no two requests carry the same text.
TEXTS = (
    "Finance Minister Clara Ruiz announced on Monday that Spain would cut fuel taxes.",
    "Police in Nairobi arrested 30 demonstrators after a march against rising prices.",
    "The Kenyan president met the Ugandan foreign minister in Kampala to discuss trade.",
    "Rebels attacked a convoy near Goma, killing four soldiers, the army said.",
    "Brazil and Argentina agreed to cooperate on border security, officials said.",
    "Thousands of nurses went on strike in Lisbon on Thursday demanding higher pay.",
    "The United Nations called for a ceasefire after heavy shelling of the port city.",
    "Opposition leader Tomas Berg accused the government of rigging the election.",
)


def build(db: Path, articles: Path, limit: int | None) -> None:
    """Extract ``limit`` articles (all when None) and write them through the store."""
    from eventwire.articles import read_articles
    from eventwire.errors import ArticleError, StageError
    from eventwire.pipeline import extract_many
    from eventwire.store import Store

    started = time.perf_counter()
    items = islice(read_articles([str(articles)]), limit)
    failed = 0
    with Store(db) as store, store.writer() as writer:
        for result in extract_many(store.skip_stored(items)):
            if isinstance(result, (ArticleError, StageError)):
                failed += 1
            else:
                writer.add(result)
    print(f"built {db} in {time.perf_counter() - started:.0f} s ({failed} articles failed)",
          file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def server(db: Path, startup_seconds: float = 30.0) -> Iterator[str]:
    """``eventwire serve`` in a second process on loopback; stopped on exit."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"the server did not answer within {startup_seconds:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def load(base: str, *, requests: int, seconds: float, concurrency: int) -> dict[str, object]:
    """Run the request mix from ``concurrency`` threads; latencies and status counts."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def take() -> int | None:
        nonlocal issued
        with lock:
            if issued >= requests or time.monotonic() > deadline:
                return None
            issued += 1
            return issued

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as client:
            while (n := take()) is not None:
                params = {"page_size": 50, **MIX[n % len(MIX)]}
                t0 = time.perf_counter()
                try:
                    status = client.get("/api/events", params=params).status_code
                except httpx.HTTPError:
                    with lock:
                        errors += 1
                    continue
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, int(p * len(ms)))], 1) if ms else float("nan")

    return {"requests": len(ms), "errors": errors, "statuses": statuses,
            "seconds": round(wall, 2), "requests_per_second": round(len(ms) / wall, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(ms), 1) if ms else float("nan"),
            "concurrency": concurrency}


def extract_traffic(base: str, stop: threading.Event, *, clients: int,
                    max_wait: float = 30.0) -> dict[str, object]:
    """``clients`` threads POSTing ``/api/extract`` until ``stop`` is set; a 503 is answered
    by waiting its ``Retry-After`` (at most ``max_wait`` seconds) before the next request."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    waited = 0.0
    errors = 0
    lock = threading.Lock()
    counter = iter(range(10**9))

    def worker() -> None:
        nonlocal errors, waited
        with httpx.Client(base_url=base, timeout=120) as client:
            while not stop.is_set():
                with lock:
                    n = next(counter)
                body = {"id": f"load-{n}", "text": f"{TEXTS[n % len(TEXTS)]} Report {n}."}
                t0 = time.perf_counter()
                try:
                    response = client.post("/api/extract", json=body)
                except httpx.HTTPError:
                    with lock:
                        errors += 1
                    stop.wait(1.0)
                    continue
                elapsed = time.perf_counter() - t0
                with lock:
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                    if response.status_code == 200:
                        latencies.append(elapsed)
                if response.status_code == 503:
                    try:
                        pause = float(response.headers.get("Retry-After", "1"))
                    except ValueError:
                        pause = 1.0
                    pause = min(max(pause, 0.0), max_wait)
                    with lock:
                        waited += pause
                    stop.wait(pause)  # honour Retry-After, but end with the readers

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    stop.wait()
    for t in threads:
        t.join(timeout=150)
    ms = sorted(x * 1000 for x in latencies)
    return {"clients": clients, "extracted": len(ms), "statuses": statuses, "errors": errors,
            "retry_after_waited_s": round(waited, 1),
            "p50_ms": round(ms[len(ms) // 2], 1) if ms else float("nan"),
            "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1) if ms
            else float("nan")}


def warm_extractor(base: str, seconds: float = 180.0) -> None:
    """One extraction, so the model is loaded before anything is measured."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            status = httpx.post(f"{base}/api/extract", json={"text": TEXTS[0]},
                                timeout=seconds).status_code
        except httpx.HTTPError as exc:
            raise SystemExit(f"POST /api/extract failed: {exc}") from exc
        if status == 200:
            return
        if status != 503 or time.monotonic() > deadline:
            raise SystemExit(f"POST /api/extract answered {status}")
        time.sleep(1)


def _line(label: str, figures: dict[str, object]) -> str:
    return (f"{label}: {figures['requests']} requests in {figures['seconds']} s with "
            f"{figures['concurrency']} clients -> {figures['requests_per_second']} req/s, "
            f"p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, "
            f"statuses {figures['statuses']}, errors {figures['errors']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, required=True, help="the eventwire database to serve")
    parser.add_argument("--build", action="store_true", help="build --db from BBC News first "
                        "when it does not exist")
    parser.add_argument("--articles", type=Path, default=BBC, help="JSONL articles for --build")
    parser.add_argument("--limit", type=int, help="build from the first N articles only")
    parser.add_argument("--requests", type=int, default=2000, help="at most this many requests")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most this long")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--extract-clients", type=int, default=0, help="also measure the "
                        "reads while this many clients POST /api/extract (0: reads only)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.db.exists():
        if not args.build:
            parser.error(f"no database at {args.db} (give --build to make it from BBC News)")
        if not args.articles.exists():
            parser.error(f"no articles at {args.articles}")
        build(args.db, args.articles, args.limit)
    mixed: dict[str, object] | None = None
    extraction: dict[str, object] | None = None
    with server(args.db) as base:
        stats = httpx.get(f"{base}/api/stats", timeout=10).json()
        load(base, requests=min(50, args.requests), seconds=10, concurrency=2)  # warm-up
        figures = load(base, requests=args.requests, seconds=args.seconds,
                       concurrency=args.concurrency)
        if args.extract_clients > 0:
            warm_extractor(base)
            stop = threading.Event()
            box: dict[str, dict[str, object]] = {}
            writer = threading.Thread(target=lambda: box.update(extract=extract_traffic(
                base, stop, clients=args.extract_clients)), daemon=True)
            writer.start()
            time.sleep(2.0)  # let the extraction queue fill before the reads start
            try:
                mixed = load(base, requests=args.requests, seconds=args.seconds,
                             concurrency=args.concurrency)
            finally:
                stop.set()
                writer.join(timeout=180)
            extraction = box.get("extract")
    figures["database"] = {k: stats.get(k) for k in ("articles", "events", "actor_rows", "quotes")}
    print(f"GET /api/events over {stats['articles']} articles / {stats['events']} events")
    print(_line("reads alone", figures))
    if mixed is not None:
        print(_line(f"reads with {args.extract_clients} extraction clients", mixed))
        if extraction is not None:
            print(f"POST /api/extract: {extraction['extracted']} extracted, p50 "
                  f"{extraction['p50_ms']} ms, p95 {extraction['p95_ms']} ms, statuses "
                  f"{extraction['statuses']}, {extraction['retry_after_waited_s']} s waited "
                  f"as Retry-After said, errors {extraction['errors']}")
        print(f"read p95: {figures['p95_ms']} ms alone, {mixed['p95_ms']} ms with extraction")
        figures = {"reads_alone": figures, "reads_with_extraction": mixed,
                   "extraction": extraction, "database": figures["database"]}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    runs = [figures] if mixed is None else [figures["reads_alone"], mixed]
    bad = sum(n for run in runs for s, n in run["statuses"].items()  # type: ignore[index, union-attr]
              if s >= 500)
    if extraction is not None:  # a 503 is the queue saying "later"; anything else 5xx is not
        bad += sum(n for s, n in extraction["statuses"].items()  # type: ignore[attr-defined]
                   if s >= 500 and s != 503)
    return 1 if bad or any(run["errors"] for run in runs) else 0  # type: ignore[index]


if __name__ == "__main__":
    sys.exit(main())
