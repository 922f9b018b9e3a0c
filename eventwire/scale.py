"""The Dask path for corpora larger than one process.

The client reads the articles, sends them to the workers in batches (one task per batch, not
per article) and gets the documents back *in input order*; it alone writes the store or the
JSON Lines. Each worker process loads the model once (``nlp.load_pipeline`` is cached per
process) and reuses it for every batch. At most ``2 * workers`` batches are in flight, so
memory stays bounded however large the corpus.

    articles --client--> [batch, batch, ...] --workers: extract_many--> documents, in order
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ArticleError, StageError
from .pipeline import BATCH_SIZE
from .records import Article, Document

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "count_articles",
    "dask_client",
    "documents",
    "extract_batch",
    "extract_distributed",
    "worker_info",
]

Result = Document | ArticleError | StageError

_LOCK = threading.Lock()


def _worker_pipeline() -> Any:
    """The worker's pipeline: loaded on first use, then reused (one load per process)."""
    from .nlp import load_pipeline

    with _LOCK:
        return load_pipeline()


def extract_batch(articles: list[Article], dictionary: str | None = None
                  ) -> list[Document | StageError]:
    """Runs on a worker: the documents of one batch of articles, in order.

    ``dictionary`` is the path of a user actor file, read on the worker (once per process).
    """
    from .pipeline import extract_many

    nlp = _worker_pipeline()
    out: list[Document | StageError] = []
    for result in extract_many(articles, nlp=nlp, batch_size=len(articles) or 1,
                               dictionary=dictionary):
        if isinstance(result, ArticleError):  # cannot happen: the client keeps errors
            out.append(StageError(str(result)))
        else:
            out.append(result)
    return out


def worker_info() -> dict[str, Any]:
    """Runs on a worker: its process id, model loads so far, resident and peak memory (bytes)."""
    import resource

    import psutil

    from .nlp import load_pipeline

    return {"pid": os.getpid(), "model_loads": load_pipeline.cache_info().misses,
            "rss": psutil.Process().memory_info().rss,
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def _warm() -> int:
    _worker_pipeline()
    return os.getpid()


def extract_distributed(items: Iterable[Article | ArticleError], client: Client,
                        batch_size: int = BATCH_SIZE, max_in_flight: int | None = None,
                        dictionary: str | Path | None = None) -> Iterator[Result]:
    """Documents in input order, computed on the cluster behind ``client``.

    Unusable articles (``ArticleError``) never leave the client; they come back in their
    place. A batch whose worker died yields one ``StageError`` per article.
    """
    if max_in_flight is None:
        max_in_flight = 2 * max(len(client.scheduler_info(n_workers=-1).get("workers", {})), 1)
    client.run(_warm)  # every worker loads the model now, in parallel
    user = str(Path(dictionary).resolve()) if dictionary is not None else None
    pending: deque[tuple[list[Article | ArticleError], Any]] = deque()

    def collect() -> Iterator[Result]:
        batch, future = pending.popleft()
        articles = [a for a in batch if isinstance(a, Article)]
        try:
            done: list[Document | StageError] = future.result() if future is not None else []
        except Exception as exc:  # a dead worker or an unpicklable result
            done = [StageError(f"{a.id}: worker failed: {type(exc).__name__}: {exc}")
                    for a in articles]
        results = iter(done)
        for item in batch:
            yield item if isinstance(item, ArticleError) else next(results)
        if future is not None:
            future.release()

    batch: list[Article | ArticleError] = []

    def submit() -> None:
        articles = [a for a in batch if isinstance(a, Article)]
        future = client.submit(extract_batch, articles, user, pure=False) if articles else None
        pending.append((list(batch), future))
        batch.clear()

    for item in items:
        batch.append(item)
        if sum(isinstance(a, Article) for a in batch) >= batch_size:
            submit()
            while len(pending) >= max_in_flight:
                yield from collect()
    if batch:
        submit()
    while pending:
        yield from collect()


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    with LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


@contextmanager
def documents(items: Iterable[Article | ArticleError], *, workers: int | None = None,
              scheduler: str | None = None, batch_size: int = BATCH_SIZE,
              dictionary: str | Path | None = None) -> Iterator[Iterator[Result]]:
    """The results for ``items`` in input order: in this process, or on Dask when asked.

    ``dictionary``: a user actor file (on a remote cluster, a path the workers can read).
    """
    if not workers and not scheduler:
        from .pipeline import extract_many

        yield extract_many(items, batch_size=batch_size, dictionary=dictionary)
        return
    with dask_client(workers, scheduler) as client:
        yield extract_distributed(items, client, batch_size=batch_size, dictionary=dictionary)


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles the inputs hold, counted cheaply (None when it cannot be told).

    A JSON Lines file counts its non-blank lines, a .txt/.html file one; a CSV file or
    standard input makes the count unknown. Used for the progress meter's ETA.
    """
    from .articles import SUFFIXES

    total = 0
    for item in paths:
        path = Path(item)
        if str(item) == "-":
            return None
        files = (sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
                 if path.is_dir() else [path])
        for file in files:
            suffix = file.suffix.lower()
            if suffix == ".jsonl":
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    continue
            elif suffix == ".csv":
                return None
            else:
                total += 1
    return total
