"""Extraction off the request threads: one worker, a bounded queue, 503 when it is full.

The spaCy pipeline is one object that is not safe to share between threads, and one article
may take seconds. ``ExtractionQueue`` runs every extraction on its own worker thread and
holds at most ``max_pending`` of them (running or waiting); past that, ``submit`` raises
``QueueFull`` and the API answers 503 with ``Retry-After``. Requests that wait do so
asynchronously, so the threads that serve reads stay free.

``pipeline_extract`` is the server's extractor: the real pipeline inside a spaCy memory
zone, so words first seen in a request are forgotten after it (the records hold plain
strings) and a long-running server does not grow with every new word.

``extract`` is the endpoint, POST /api/extract.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from fastapi import HTTPException, Request

from ..records import Article, Document
from .shapes import ExtractRequest

MAX_PENDING = 8  # extractions running or waiting; each holds a body of up to MAX_BODY_BYTES
RETRY_AFTER_S = 5  # a typical article takes well under a second; a full queue drains in seconds

Extractor = Callable[[Article], Document]


def pipeline_extract(article: Article) -> Document:
    """The real pipeline over one article, its new words forgotten afterwards."""
    from ..nlp import load_pipeline
    from ..pipeline import extract

    nlp = load_pipeline()
    with nlp.memory_zone():
        return extract(article, nlp)


class QueueFull(Exception):
    """Every extraction slot is taken; try again after ``RETRY_AFTER_S`` seconds."""


class ExtractionQueue:
    """Runs ``extractor`` on one worker thread with at most ``max_pending`` jobs admitted."""

    def __init__(self, extractor: Extractor, max_pending: int = MAX_PENDING) -> None:
        self.extractor = extractor
        self.max_pending = max_pending
        self._slots = threading.BoundedSemaphore(max_pending)
        self._pending = 0
        self._count_lock = threading.Lock()
        self._worker: ThreadPoolExecutor | None = None

    @property
    def pending(self) -> int:
        """Extractions admitted and not yet finished."""
        return self._pending

    def submit(self, article: Article) -> Future[Document]:
        """Queue one extraction, or raise ``QueueFull`` at once."""
        if not self._slots.acquire(blocking=False):
            raise QueueFull
        with self._count_lock:
            self._pending += 1
        with self._count_lock:
            if self._worker is None:  # started on first use, again after a close
                self._worker = ThreadPoolExecutor(max_workers=1,
                                                  thread_name_prefix="eventwire-extract")
            future = self._worker.submit(self.extractor, article)
        future.add_done_callback(lambda _: self._release())
        return future

    async def extract(self, article: Article) -> Document:
        """The document for ``article``, awaited without holding a request thread."""
        return await asyncio.wrap_future(self.submit(article))

    def close(self) -> None:
        """Drop the jobs still waiting and let the worker end after the running one."""
        with self._count_lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.shutdown(wait=False, cancel_futures=True)

    def _release(self) -> None:
        with self._count_lock:
            self._pending -= 1
        self._slots.release()


async def extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    """Run the pipeline over one article's text and return its document (nothing is stored).

    Extractions run one at a time off the request threads; when too many wait, the
    answer is 503 with ``Retry-After``.
    """
    if not body.text.strip():
        raise HTTPException(422, "text is blank")
    article = Article(id=body.id, text=body.text, title=body.title, published=body.published,
                      source=body.source, url=body.url)
    queue: ExtractionQueue = request.app.state.extraction
    try:
        document = await queue.extract(article)
    except QueueFull:
        raise HTTPException(503, "extraction queue is full; retry later",
                            headers={"Retry-After": str(RETRY_AFTER_S)}) from None
    return document.to_dict()
