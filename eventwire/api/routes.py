"""The app: the route table, the middleware, the error handler and the explorer's files.

Each resource's endpoints live in a module of their own (``events``, ``actors``, ``quotes``,
``articles``, ``stats``, ``cameo``, ``extraction``, ``explorer``); ``ROUTES`` says which path and method
reaches which, and ``create_app`` wires them, as datasette's ``app.py`` does its views.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ..errors import ArticleError, EventwireError, StageError, StoreError
from ..store import Store
from . import actors, articles, cameo, events, explorer, extraction, quotes, stats
from .extraction import MAX_PENDING, ExtractionQueue, Extractor, pipeline_extract
from .failures import UnexpectedErrors
from .headers import HeadAsGet, SecurityHeaders
from .hosts import DEFAULT_HOSTS, AllowedHosts
from .limits import MAX_BODY_BYTES, BodyLimit
from .shapes import ActorPage, EventPage


@dataclass(frozen=True, slots=True, kw_only=True)
class Route:
    """One endpoint: its path, the function that answers it, and what OpenAPI says of it."""

    path: str
    endpoint: Callable[..., Any]
    methods: tuple[str, ...] = ("GET",)
    tags: tuple[str, ...] = ()
    response_model: Any = None
    responses: dict[int | str, dict[str, Any]] = field(default_factory=dict)
    include_in_schema: bool = True


ROUTES: tuple[Route, ...] = (
    Route(path="/api/events", endpoint=events.list_events, tags=("events",),
          response_model=EventPage),
    Route(path="/api/events.csv", endpoint=events.events_csv, tags=("events",),
          responses={200: {"content": {"text/csv": {}}, "description": "the filtered events"}}),
    Route(path="/api/events/{id}", endpoint=events.get_event, tags=("events",)),
    Route(path="/api/timeline", endpoint=events.timeline, tags=("events",)),
    Route(path="/api/network", endpoint=events.network, tags=("events",)),
    Route(path="/api/map", endpoint=events.event_map, tags=("events",)),
    Route(path="/api/cameo", endpoint=cameo.labels, tags=("labels",)),
    Route(path="/api/actors", endpoint=actors.list_actors, tags=("actors",),
          response_model=ActorPage),
    Route(path="/api/actors/{key}", endpoint=actors.get_actor, tags=("actors",)),
    Route(path="/api/quotes", endpoint=quotes.list_quotes, tags=("quotes",)),
    Route(path="/api/articles/{article_id:path}", endpoint=articles.get_article,
          tags=("articles",)),
    Route(path="/api/stats", endpoint=stats.stats, tags=("stats",)),
    Route(path="/api/extract", endpoint=extraction.extract, methods=("POST",), tags=("extract",),
          responses={503: {"description": "every extraction slot is taken; see Retry-After"}}),
    Route(path="/", endpoint=explorer.index, include_in_schema=False),
    Route(path="/vendor/plotly.min.js", endpoint=explorer.plotly_js, include_in_schema=False),
)


def library_error(request: Request, exc: Exception) -> JSONResponse:
    """Library errors as HTTP errors: bad article 400, failed stage 422, store 503, else 500."""
    status = 500
    if isinstance(exc, ArticleError):
        status = 400
    elif isinstance(exc, StageError):
        status = 422
    elif isinstance(exc, StoreError):
        status = 503
    return JSONResponse({"detail": str(exc)}, status_code=status)


def create_app(db_path: str | Path, *, extractor: Extractor | None = None,
               allowed_hosts: Iterable[str] = DEFAULT_HOSTS,
               max_pending: int = MAX_PENDING) -> FastAPI:
    """The API and explorer over the database at ``db_path``, opened read-only.

    Requests must name one of ``allowed_hosts`` in ``Host``; at most ``max_pending``
    extractions run or wait at once (``extraction``).
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    con = Store(path, read_only=True).con  # refuses a database of another schema version
    queue = ExtractionQueue(extractor or pipeline_extract, max_pending)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        queue.close()

    app = FastAPI(title="eventwire", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Political event data extracted from news, with provenance.",
                  lifespan=lifespan)
    app.state.con = con
    app.state.extraction = queue
    # the last added runs first: security headers on every answer, refusals included
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(UnexpectedErrors)
    app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(EventwireError, library_error)
    for route in ROUTES:
        options: dict[str, Any] = {"responses": route.responses} if route.responses else {}
        if route.response_model is not None:
            options["response_model"] = route.response_model
        app.add_api_route(route.path, route.endpoint, methods=list(route.methods),
                          tags=list(route.tags) or None, include_in_schema=route.include_in_schema,
                          **options)
    app.mount("/static", explorer.static_files(), name="static")
    return app
