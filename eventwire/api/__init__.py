"""The HTTP API and the explorer: a thin, read-only front end over an eventwire database.

``create_app(db_path)`` opens the DuckDB file read-only once and hands each request its own
cursor. Every query is a named, parameterised function in ``eventwire.store.reads``; no module
here holds SQL, and the only SQL text built at run time comes from fixed tables there (sort
orders, filter clauses), never from a request. Library errors become HTTP errors in one
exception handler; bad parameters are 4xx before any query runs.

Ids the API mints:

- an event's ``id`` is opaque: URL-safe base64 of ``article_id`` and ``event_id``;
- an actor's ``key`` names one actor across articles: its name, lower-cased, accents
  stripped, non-alphanumerics folded to ``-``, then ``@`` and its country code when it has
  one (``ana-torres@CHL``, ``hamas``).

Submodules: ``routes`` holds ``create_app`` and ``ROUTES``, the table of every path, method
and the function that answers it; one module per resource answers its endpoints:

- ``events``: events, one event, the timeline and the network;
- ``actors``, ``quotes``, ``articles``, ``stats``: those resources;
- ``extraction``: POST /api/extract, its bounded queue on one worker thread
  (``ExtractionQueue``, 503 with ``Retry-After`` when full) and the real extractor inside a
  spaCy memory zone;
- ``explorer``: the explorer's files.

What they share:

- ``failures``: an unexpected exception as one log line and a JSON 500 (``UnexpectedErrors``);
- ``headers``: security headers on every response (``SecurityHeaders``), HEAD on every GET
  route (``HeadAsGet``);
- ``hosts``: the ``Host`` allow-list against DNS rebinding (``AllowedHosts``);
- ``ids``: opaque event ids and actor keys;
- ``limits``: page, text and request-body limits (``BodyLimit``);
- ``queries``: actor references, pages and timelines shaped from the store's reads;
- ``shapes``: query parameters, response models, the filter and cursor dependencies.
"""

from __future__ import annotations

from .ids import event_key, parse_event_key
from .limits import MAX_BODY_BYTES, MAX_PAGE_SIZE, MAX_TEXT_CHARS
from .routes import create_app

__all__ = ["MAX_BODY_BYTES", "MAX_PAGE_SIZE", "MAX_TEXT_CHARS", "create_app", "event_key",
           "parse_event_key"]
