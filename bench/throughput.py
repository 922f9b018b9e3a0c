"""Throughput and memory of eventwire against bare spaCy (a script, not a test).

    python bench/throughput.py                      # BBC News and Reuters-21578, everything
    python bench/throughput.py --limit 200          # a quick subset of each corpus
    python bench/throughput.py --memory --limit 0   # also RSS over the whole of Reuters
    python bench/throughput.py --limit 150 --corpus bbc --db --workers ''  # the store's cost

For each corpus, in one run: words/second of bare spaCy (``nlp.load_bare()``: the same model,
the same batch size) and of eventwire's extraction, their ratio, eventwire with the DuckDB
store, and eventwire on a local Dask cluster of 1 and of 2 worker processes with each
worker's peak RSS. ``--memory`` streams the whole of Reuters-21578 into a DuckDB file while
sampling the resident memory of every process, to show that it stays flat.
``--db [FILE]`` times the store apart: the documents are extracted once (timed), then written
into a new DuckDB file with the writer ``extract --db`` uses and settled (registry and
stories, as at the end of ``extract --db``), timed; the store's share is write + settle over
extraction (the target: at most 10%).
Words are whitespace tokens of the article text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.articles import article_from_record  # noqa: E402
from eventwire.errors import ArticleError  # noqa: E402
from eventwire.pipeline import BATCH_SIZE, extract_many  # noqa: E402
from eventwire.records import Article  # noqa: E402

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
CORPORA = {
    "bbc": SHARED / "data" / "bbc_news" / "articles.jsonl",
    "reuters": SHARED / "data" / "reuters21578" / "articles.jsonl",
}
MB = 1024 * 1024


def read_corpus(path: Path, limit: int | None) -> Iterator[Article]:
    """Usable articles of a corpus file (Reuters' ``date`` is the publication date)."""
    n = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            record = json.loads(line)
            record.setdefault("published", record.get("date"))
            try:
                yield article_from_record(record, f"{path.name}:{number}", str(number))
            except ArticleError:
                continue  # Reuters BRIEF items have no text
            n += 1
            if limit and n >= limit:
                return


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bare_vs_eventwire(articles: list[Article], batch_size: int) -> dict[str, float]:
    """Words/s of bare spaCy and of eventwire in this process, and with the store."""
    from eventwire.nlp import load_bare, load_pipeline
    from eventwire.store import Store

    bare, nlp = load_bare(), load_pipeline()
    texts = [a.text for a in articles]
    warm = articles[: min(len(articles), batch_size)]
    for _ in bare.pipe([a.text for a in warm], batch_size=batch_size):
        pass
    for _ in extract_many(warm, nlp=nlp, batch_size=batch_size):
        pass
    n = words(articles)
    t_bare = timed(lambda: [None for _ in bare.pipe(texts, batch_size=batch_size)])
    t_ew = timed(lambda: [None for _ in extract_many(articles, nlp=nlp, batch_size=batch_size)])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        def stored() -> None:
            with store.writer() as writer:
                for doc in extract_many(articles, nlp=nlp, batch_size=batch_size):
                    if not isinstance(doc, Exception):
                        writer.add(doc)
        t_store = timed(stored)
    return {"words": n, "bare_wps": n / t_bare, "eventwire_wps": n / t_ew,
            "ratio": t_bare / t_ew, "store_wps": n / t_store}


def store_cost(articles: list[Article], batch_size: int, path: str) -> dict[str, float]:
    """Seconds to extract ``articles``, then to write the documents and settle the store."""
    from eventwire.nlp import load_pipeline
    from eventwire.store import Store

    nlp = load_pipeline()
    for _ in extract_many(articles[:batch_size], nlp=nlp, batch_size=batch_size):
        pass  # warm
    docs: list[Any] = []
    t_extract = timed(lambda: docs.extend(
        d for d in extract_many(articles, nlp=nlp, batch_size=batch_size)
        if not isinstance(d, Exception)))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(path) if path else Path(tmp) / "bench.duckdb"
        target.unlink(missing_ok=True)
        with Store(target) as store:
            def write() -> None:
                with store.writer() as writer:
                    for doc in docs:
                        writer.add(doc)
            t_write = timed(write)
            t_settle = timed(store.settle)
            counts = store.counts()
    return {"documents": len(docs), "events": counts["events"], "extract_s": t_extract,
            "write_s": t_write, "settle_s": t_settle,
            "store_share": (t_write + t_settle) / t_extract}


def on_dask(articles: list[Article], workers: int, batch_size: int) -> dict[str, Any]:
    """Words/s on a local cluster (model loading excluded) and each worker's peak RSS."""
    from eventwire.scale import dask_client, extract_distributed, worker_info

    with dask_client(workers=workers) as client:
        client.run(worker_info)
        list(extract_distributed(articles[: batch_size * workers], client,
                                 batch_size=batch_size))  # loads the model on every worker
        seconds = timed(lambda: list(extract_distributed(articles, client,
                                                         batch_size=batch_size)))
        info = client.run(worker_info)
    peaks = sorted(w["peak_rss"] / MB for w in info.values())
    return {"workers": workers, "wps": words(articles) / seconds, "peak_rss_mb": peaks,
            "model_loads": sorted(w["model_loads"] for w in info.values())}


class Sampler:
    """Samples the RSS of this process and its children every ``every`` seconds."""

    def __init__(self, every: float) -> None:
        import psutil

        self.proc = psutil.Process()
        self.every = every
        self.samples: list[tuple[float, int, float]] = []  # (seconds, articles done, MB)
        self.parts: list[tuple[float, float]] = []  # (client MB, largest worker MB)
        self.done = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._start = time.monotonic()

    def rss(self) -> float:
        client = self.proc.memory_info().rss
        total, largest = client, 0
        for child in self.proc.children(recursive=True):
            try:
                rss = child.memory_info().rss
            except Exception:  # a child that just ended
                continue
            total += rss
            largest = max(largest, rss)
        self.parts.append((client / MB, largest / MB))
        return total / MB

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.samples.append((time.monotonic() - self._start, self.done, self.rss()))

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.samples.append((time.monotonic() - self._start, self.done, self.rss()))


def memory_run(limit: int | None, workers: int, batch_size: int, every: float) -> dict[str, Any]:
    """Stream Reuters-21578 into a DuckDB file, sampling RSS; flat memory is the point."""
    from eventwire.scale import documents
    from eventwire.store import Store

    n_words = 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "reuters.duckdb") as store, \
            Sampler(every) as sampler:
        items = read_corpus(CORPORA["reuters"], limit)
        start = time.perf_counter()
        with store.writer() as writer, documents(items, workers=workers or None,
                                                 batch_size=batch_size) as results:
            for doc in results:
                if not isinstance(doc, Exception):
                    writer.add(doc)
                    n_words += len(doc.article.text.split())
                sampler.done += 1
        seconds = time.perf_counter() - start
        counts = store.counts()
    samples = sampler.samples
    tail = [mb for _, _, mb in samples[len(samples) // 4:]]
    parts = sampler.parts[len(sampler.parts) // 4:]
    return {"articles": sampler.done, "words": n_words, "seconds": seconds,
            "wps": n_words / seconds, "events": counts["events"], "stories": counts["stories"],
            "samples": samples, "rss_after_first_quarter_min_mb": min(tail) if tail else None,
            "rss_after_first_quarter_max_mb": max(tail) if tail else None,
            "client_mb": [round(c) for c, _ in sampler.parts],
            "worker_mb": [round(w) for _, w in sampler.parts],
            "client_after_first_quarter_mb": (min(c for c, _ in parts), max(c for c, _ in parts))
            if parts else None,
            "worker_after_first_quarter_mb": (min(w for _, w in parts), max(w for _, w in parts))
            if parts else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="articles per corpus (default: all)")
    parser.add_argument("--corpus", choices=["bbc", "reuters", "both"], default="both")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--workers", default="1,2", help="Dask cluster sizes to compare ('' = none)")
    parser.add_argument("--memory", action="store_true",
                        help="also stream the whole of Reuters (or --memory-limit) sampling RSS")
    parser.add_argument("--memory-limit", type=int, default=None)
    parser.add_argument("--memory-workers", type=int, default=0,
                        help="Dask workers for the memory run (0: in this process)")
    parser.add_argument("--every", type=float, default=2.0, help="seconds between RSS samples")
    parser.add_argument("--db", nargs="?", const="", default=None, metavar="FILE",
                        help="also time the store apart from extraction (into FILE, else a "
                             "temporary database)")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()

    names = ["bbc", "reuters"] if args.corpus == "both" else [args.corpus]
    sizes = [int(x) for x in args.workers.split(",") if x.strip()]
    report: dict[str, Any] = {"cpus": os.cpu_count(), "batch_size": args.batch_size,
                              "limit": args.limit, "corpora": {}}
    print(f"cpus={os.cpu_count()} batch_size={args.batch_size} limit={args.limit}", flush=True)
    for name in names:
        if not CORPORA[name].exists():
            print(f"{name}: not found at {CORPORA[name]}", file=sys.stderr)
            return 2
        articles = list(read_corpus(CORPORA[name], args.limit))
        single = bare_vs_eventwire(articles, args.batch_size)
        dask = [on_dask(articles, k, args.batch_size) for k in sizes]
        report["corpora"][name] = {"articles": len(articles), **single, "dask": dask}
        if args.db is not None:
            cost = store_cost(articles, args.batch_size, args.db)
            report["corpora"][name]["store"] = cost
        print(f"\n{name}: {len(articles)} articles, {single['words']:,} words")
        print(f"  {'run':<28}{'words/s':>10}  notes")
        print(f"  {'bare spaCy (load_bare)':<28}{single['bare_wps']:>10,.0f}")
        print(f"  {'eventwire extract':<28}{single['eventwire_wps']:>10,.0f}  "
              f"ratio to bare {single['ratio']:.2f}")
        print(f"  {'eventwire + DuckDB store':<28}{single['store_wps']:>10,.0f}")
        if args.db is not None:
            print(f"  store: extract {cost['extract_s']:.1f} s ({cost['documents']} documents, "
                  f"{cost['events']} events); write {cost['write_s']:.2f} s + settle "
                  f"{cost['settle_s']:.2f} s = {100 * cost['store_share']:.1f}% of extraction")
        for run in dask:
            peaks = ", ".join(f"{p:,.0f}" for p in run["peak_rss_mb"])
            print(f"  {'dask, ' + str(run['workers']) + ' worker(s)':<28}{run['wps']:>10,.0f}  "
                  f"peak RSS/worker MB: {peaks}; model loads {run['model_loads']}")
        sys.stdout.flush()
    if args.memory:
        mem = memory_run(args.memory_limit, args.memory_workers, args.batch_size, args.every)
        report["memory"] = mem
        print(f"\nreuters memory run: {mem['articles']:,} articles, {mem['words']:,} words, "
              f"{mem['seconds']:.0f} s, {mem['wps']:,.0f} words/s, {mem['events']:,} events, "
              f"{mem['stories']:,} stories")
        print(f"  {'seconds':>8}{'articles':>10}{'RSS MB (all processes)':>24}")
        samples = mem["samples"]
        step = max(len(samples) // 12, 1)
        for sec, done, mb in samples[::step] + ([samples[-1]] if samples else []):
            print(f"  {sec:>8.0f}{done:>10,}{mb:>24,.0f}")
        print(f"  RSS after the first quarter: {mem['rss_after_first_quarter_min_mb']:,.0f}"
              f"-{mem['rss_after_first_quarter_max_mb']:,.0f} MB")
        if mem.get("client_after_first_quarter_mb"):
            (c0, c1), (w0, w1) = (mem["client_after_first_quarter_mb"],
                                  mem["worker_after_first_quarter_mb"])
            print(f"  of which the client (reader, DuckDB writer): {c0:,.0f}-{c1:,.0f} MB; "
                  f"the largest worker: {w0:,.0f}-{w1:,.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
