"""The HTTP API and the explorer: a thin, read-only front end over an eventwire database.

``create_app(db_path)`` opens the DuckDB file read-only once and hands each request its own
cursor. Every query is parameterised; the only SQL text built at run time comes from fixed
tables in this module (sort orders, filter clauses), never from a request. Library errors
become HTTP errors in one exception handler; bad parameters are 4xx before any query runs.

Ids the API mints:

- an event's ``id`` is opaque: URL-safe base64 of ``article_id`` and ``event_id``;
- an actor's ``key`` names one actor across articles: its name, lower-cased, accents
  stripped, non-alphanumerics folded to ``-``, then ``@`` and its country code when it has
  one (``emmanuel-macron@FRA``, ``hamas``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ArticleError, EventwireError, StageError, StoreError
from .ontology import EventType, Modality
from .records import Article, Document

__all__ = ["MAX_BODY_BYTES", "MAX_PAGE_SIZE", "MAX_TEXT_CHARS", "create_app", "event_key",
           "parse_event_key"]

MAX_PAGE_SIZE = 200
MAX_PAGE = 10_000
MAX_TEXT_CHARS = 100_000
MAX_BODY_BYTES = 512 * 1024
EXPLORER = "explorer"

Extractor = Callable[[Article], Document]
Cursor = duckdb.DuckDBPyConnection


def event_key(article_id: str, event_id: str) -> str:
    """The opaque API id of one event."""
    raw = f"{article_id}\x1f{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def parse_event_key(key: str) -> tuple[str, str] | None:
    """``(article_id, event_id)`` of an opaque id, or None when it is not one."""
    try:
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    article_id, sep, event_id = raw.partition("\x1f")
    return (article_id, event_id) if sep and article_id and event_id else None


def _key_sql(alias: str) -> str:
    """SQL for the cross-article key of the actor row ``alias`` (see the module docstring)."""
    name = f"coalesce({alias}.name, '')"
    slug = f"trim(regexp_replace(lower(strip_accents({name})), '[^a-z0-9]+', '-', 'g'), '-')"
    return (f"(CASE WHEN {slug} = '' THEN 'x' || left(md5({name}), 8) ELSE {slug} END"
            f" || coalesce('@' || upper({alias}.country), ''))")


KEY_X = _key_sql("x")
DAY = "coalesce(e.date, a.published)"
FROM_EVENTS = ("FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.place_id = e.place_id")
# Every actor taking part in an event, one row per (event, side, actor), with its key.
PARTICIPANTS = f"""
  SELECT p.article_id, p.event_id, p.side, p.actor_id, {KEY_X} AS key, x.name, x.country
  FROM (SELECT article_id, event_id, 'source' AS side, unnest(source) AS actor_id FROM events
        UNION ALL
        SELECT article_id, event_id, 'target' AS side, unnest(target) AS actor_id FROM events) p
  JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id"""
SIDES = {"any": "list_concat(coalesce(e.source, []::VARCHAR[]), coalesce(e.target, []::VARCHAR[]))",
         "source": "coalesce(e.source, []::VARCHAR[])",
         "target": "coalesce(e.target, []::VARCHAR[])"}
EVENT_SORTS = {
    "-date": f"{DAY} DESC NULLS LAST", "date": f"{DAY} ASC NULLS LAST",
    "-published": "a.published DESC NULLS LAST", "published": "a.published ASC NULLS LAST",
    "-confidence": "e.confidence DESC NULLS LAST", "confidence": "e.confidence ASC NULLS LAST",
    "type": "e.type ASC", "-type": "e.type DESC",
}
EventSort = Literal["-date", "date", "-published", "published", "-confidence", "confidence",
                    "type", "-type"]
ACTOR_KEY_PATTERN = r"^[a-z0-9-]{1,200}(@[A-Z0-9_-]{1,16})?$"


def _like(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, wildcards in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# ---------------------------------------------------------------- request and response shapes

Text = Annotated[str | None, Query(max_length=200)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]


class ExtractRequest(BaseModel):
    """One article to run through the pipeline."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    id: str = Field(default="api", min_length=1, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class ActorRef(BaseModel):
    id: str
    key: str
    name: str | None
    country: str | None
    sector: str | None = None
    kind: str | None = None


class EventSummary(BaseModel):
    id: str
    article_id: str
    event_id: str
    type: str
    mode: str | None
    quad_class: int | None
    modality: str | None
    cameo: str | None
    date: date | None
    date_text: str | None
    published: dt.date | None
    day: dt.date | None = Field(description="the event's date, else its article's publication date")
    confidence: float | None
    evidence: str | None
    title: str | None
    outlet: str | None
    place: str | None
    place_country: str | None
    story_id: str | None
    source: list[ActorRef]
    target: list[ActorRef]


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[EventSummary]


class ActorSummary(BaseModel):
    key: str
    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    n_articles: int
    n_events: int


class ActorPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[ActorSummary]


@dataclass(slots=True)
class EventFilters:
    """The event filters shared by the list, the timeline and the network."""

    actor: str | None = None
    side: str = "any"
    country: str | None = None
    types: list[str] = field(default_factory=list)
    quad_class: list[int] = field(default_factory=list)
    mode: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    modality: str | None = None
    q: str | None = None
    article: str | None = None
    story: str | None = None
    min_confidence: float | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``FROM_EVENTS`` and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.actor:
            # The country test first spares the key's regular expressions on most rows.
            country = self.actor.partition("@")[2] or None
            clauses.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
                           f"AND list_contains({SIDES[self.side]}, x.actor_id) "
                           f"AND (x.name ILIKE ? ESCAPE '\\' OR "
                           f"(x.country IS NOT DISTINCT FROM ? AND {KEY_X} = ?)))")
            params += [_like(self.actor), country, self.actor]
        if self.country:
            clauses.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
                           f"AND list_contains({SIDES[self.side]}, x.actor_id) AND x.country = ?)")
            params.append(self.country)
        for column, values, kind in (("e.type", self.types, "VARCHAR"),
                                     ("e.quad_class", self.quad_class, "INTEGER")):
            if len(values) == 1:
                clauses.append(f"{column} = ?")
                params.append(values[0])
            elif values:
                clauses.append(f"list_contains(?::{kind}[], {column})")
                params.append(values)
        for column, value in (("e.mode", self.mode), ("e.modality", self.modality),
                              ("e.article_id", self.article), ("e.story_id", self.story)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.date_from:
            clauses.append(f"{DAY} >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{DAY} <= ?")
            params.append(self.date_to)
        if self.place:
            clauses.append("(pl.name ILIKE ? ESCAPE '\\' OR pl.country = upper(?))")
            params += [_like(self.place), self.place]
        for word in (self.q or "").split()[:10]:
            clauses.append("e.evidence_text ILIKE ? ESCAPE '\\'")
            params.append(_like(word))
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        return " AND ".join(clauses), params


def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="actor key or part of a name")] = None,
    side: Annotated[Literal["any", "source", "target"], Query(description="which side the actor is on")] = "any",
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 or PLOVER code of a participant")] = None,
    type: Annotated[list[EventType] | None, Query(description="PLOVER event type (repeatable)")] = None,
    quad_class: Annotated[list[Annotated[int, Field(ge=1, le=4)]] | None, Query(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict")] = None,
    mode: Text = None,
    date_from: date | None = None,
    date_to: date | None = None,
    place: Text = None,
    modality: Modality | None = None,
    q: Annotated[str | None, Query(max_length=200, description="words that must all appear in the evidence")] = None,
    article: Annotated[str | None, Query(max_length=500)] = None,
    story: Text = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to")
    return EventFilters(
        actor=actor or None, side=side, country=country.upper() if country else None,
        types=[str(t) for t in type or ()], quad_class=list(quad_class or ()), mode=mode or None,
        date_from=date_from, date_to=date_to, place=place or None,
        modality=str(modality) if modality else None, q=q or None, article=article or None,
        story=story or None, min_confidence=min_confidence)


Filters = Annotated[EventFilters, Depends(event_filters)]


def cursor(request: Request) -> Iterator[Cursor]:
    """A cursor of the app's read-only connection for one request."""
    cur: Cursor = request.app.state.con.cursor()
    try:
        yield cur
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc
    finally:
        cur.close()


Cur = Annotated[Cursor, Depends(cursor)]


# ---------------------------------------------------------------- queries

def _rows(cur: Cursor, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description or ()]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _one(cur: Cursor, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
    rows = _rows(cur, sql, params)
    return rows[0] if rows else None


EVENT_COLUMNS = f"""e.article_id, e.event_id, e.type, e.mode, e.quad_class, e.modality, e.cameo,
  e.date, e.date_text, a.published, {DAY} AS day, e.confidence, e.evidence_text AS evidence,
  a.title, a.source AS outlet, pl.name AS place, pl.country AS place_country, e.story_id,
  e.source AS source_ids, e.target AS target_ids"""


def _actor_refs(cur: Cursor, article_ids: set[str]) -> dict[tuple[str, str], dict[str, Any]]:
    rows = _rows(cur, f"SELECT x.article_id, x.actor_id AS id, {KEY_X} AS key, x.name, x.country, "
                      "x.sector, x.kind FROM actors x WHERE list_contains(?::VARCHAR[], "
                      "x.article_id)", [sorted(article_ids)])
    return {(r.pop("article_id"), r["id"]): r for r in rows}


def _with_actors(cur: Cursor, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with ``id`` and their source and target ids resolved to actor references."""
    refs = _actor_refs(cur, {e["article_id"] for e in events}) if events else {}
    for ev in events:
        art = ev["article_id"]
        ev["id"] = event_key(art, ev["event_id"])
        for side in ("source", "target"):
            ids = ev.pop(f"{side}_ids") or []
            ev[side] = [refs.get((art, i)) or {"id": i, "key": "", "name": None, "country": None}
                        for i in ids]
    return events


def _page(total: int, page: int, page_size: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "page": page, "page_size": page_size, "items": items}


def _interval(cur: Cursor, where: str, params: list[Any]) -> str:
    span = _one(cur, f"SELECT min({DAY}) AS lo, max({DAY}) AS hi {FROM_EVENTS} WHERE {where}", params)
    if not span or span["lo"] is None:
        return "month"
    days = (span["hi"] - span["lo"]).days
    return "month" if days > 730 else "week" if days > 120 else "day"


def _timeline(cur: Cursor, where: str, params: list[Any], interval: str) -> dict[str, Any]:
    if interval == "auto":
        interval = _interval(cur, where, params)
    rows = _rows(cur, f"SELECT CAST(date_trunc('{interval}', {DAY}) AS DATE) AS period, "
                      f"e.quad_class, count(*) AS n {FROM_EVENTS} WHERE {where} AND {DAY} IS NOT NULL "
                      "GROUP BY ALL ORDER BY period, e.quad_class", params)
    undated = _one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where} AND {DAY} IS NULL", params)
    return {"interval": interval, "buckets": rows, "undated": undated["n"] if undated else 0}


# ---------------------------------------------------------------- the app

class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await JSONResponse({"detail": f"request body over {self.limit} bytes"},
                               status_code=413)(scope, receive, send)
            return
        if declared is not None or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # A streamed body with no declared length: read it up to the limit, then replay it.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self.limit:
                await JSONResponse({"detail": f"request body over {self.limit} bytes"},
                                   status_code=413)(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body"):
                break
        replay = iter(messages)

        async def replayed() -> Message:
            return next(replay, None) or await receive()

        await self.app(scope, replayed, send)


def _pipeline_extract(article: Article) -> Document:
    from .pipeline import extract

    return extract(article)


def create_app(db_path: str | Path, *, extractor: Extractor | None = None) -> FastAPI:
    """The API and explorer over the database at ``db_path``, opened read-only."""
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path} read-only: {exc}") from exc
    extract_one = extractor or _pipeline_extract
    extract_lock = threading.Lock()

    app = FastAPI(title="eventwire", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Political event data extracted from news, with provenance.")
    app.state.con = con
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.exception_handler(EventwireError)
    def library_error(request: Request, exc: EventwireError) -> JSONResponse:
        status = 400 if isinstance(exc, ArticleError) else 503 if isinstance(exc, StoreError) else 500
        if isinstance(exc, StageError):
            status = 422
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(cur: Cur, f: Filters, sort: EventSort = "-date", page: PageNo = 1,
                    page_size: PageSize = 50) -> dict[str, Any]:
        """Events matching every given filter, one page at a time."""
        where, params = f.where()
        rows = _rows(cur, f"SELECT {EVENT_COLUMNS}, count(*) OVER () AS total {FROM_EVENTS} "
                          f"WHERE {where} ORDER BY {EVENT_SORTS[sort]}, e.article_id, e.event_id "
                          "LIMIT ? OFFSET ?", [*params, page_size, (page - 1) * page_size])
        if rows:
            total = rows[0]["total"]
            for row in rows:
                del row["total"]
        else:  # past the last page: count on its own
            found = _one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where}", params)
            total = found["n"] if found else 0
        return _page(total, page, page_size, _with_actors(cur, rows))

    @app.get("/api/events/{id}", tags=["events"])
    def get_event(id: Annotated[str, PathParam(max_length=2000)], cur: Cur) -> dict[str, Any]:
        """One event with its evidence, its article and every article reporting the same story."""
        ids = parse_event_key(id)
        found = None if ids is None else _one(
            cur, f"SELECT {EVENT_COLUMNS}, e.context, e.evidence_start, e.evidence_end, "
                 f"e.attributed_to {FROM_EVENTS} WHERE e.article_id = ? AND e.event_id = ?", list(ids))
        if found is None:
            raise HTTPException(404, "no such event")
        ev = _with_actors(cur, [found])[0]
        ev["evidence"] = {"start": ev.pop("evidence_start"), "end": ev.pop("evidence_end"),
                          "text": ev["evidence"]}
        attributed = ev.pop("attributed_to")
        refs = _actor_refs(cur, {ev["article_id"]})
        ev["attributed_to"] = refs.get((ev["article_id"], attributed)) if attributed else None
        ev["article"] = _one(cur, "SELECT id, title, published, source, url, text FROM articles "
                                  "WHERE id = ?", [ev["article_id"]])
        ev["story"] = None
        reports = [{"article_id": ev["article_id"], "event_id": ev["event_id"]}]
        if ev["story_id"]:
            ev["story"] = _one(cur, "SELECT * FROM stories WHERE story_id = ?", [ev["story_id"]])
            reports = _rows(cur, "SELECT article_id, event_id FROM story_reports WHERE story_id = ?",
                            [ev["story_id"]]) or reports
        ev["reports"] = [
            {**r, "id": event_key(r["article_id"], r["event_id"])}
            for r in _rows(cur, "SELECT r.article_id, r.event_id, a.title, a.published, "
                                "a.source AS outlet, a.url, e.evidence_text AS evidence "
                                "FROM (SELECT unnest(?::VARCHAR[]) AS article_id, "
                                "unnest(?::VARCHAR[]) AS event_id) r "
                                "JOIN articles a ON a.id = r.article_id LEFT JOIN events e "
                                "ON e.article_id = r.article_id AND e.event_id = r.event_id "
                                "ORDER BY a.published NULLS LAST, r.article_id",
                           [[r["article_id"] for r in reports], [r["event_id"] for r in reports]])]
        return ev

    @app.get("/api/timeline", tags=["events"])
    def timeline(cur: Cur, f: Filters, interval: Literal["auto", "day", "week", "month",
                                                         "year"] = "auto") -> dict[str, Any]:
        """Counts of the filtered events per period and quad class."""
        where, params = f.where()
        return _timeline(cur, where, params, interval)

    @app.get("/api/network", tags=["events"])
    def network(cur: Cur, f: Filters,
                limit: Annotated[int, Query(ge=1, le=500)] = 80) -> dict[str, Any]:
        """Who acts on whom among the filtered events: the heaviest source->target edges."""
        where, params = f.where()
        edges = _rows(cur, f"""
            WITH sel AS (SELECT e.article_id, e.event_id, e.quad_class {FROM_EVENTS} WHERE {where}),
                 p AS ({PARTICIPANTS})
            SELECT s.key AS source, t.key AS target, min(s.name) AS source_name,
                   min(s.country) AS source_country, min(t.name) AS target_name,
                   min(t.country) AS target_country, count(*) AS n,
                   count(*) FILTER (WHERE sel.quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE sel.quad_class IN (3, 4)) AS conflict
            FROM sel JOIN p s ON s.article_id = sel.article_id AND s.event_id = sel.event_id
                              AND s.side = 'source'
                     JOIN p t ON t.article_id = sel.article_id AND t.event_id = sel.event_id
                              AND t.side = 'target'
            WHERE s.key <> t.key GROUP BY s.key, t.key ORDER BY n DESC, s.key, t.key LIMIT ?""",
                      [*params, limit])
        nodes: dict[str, dict[str, Any]] = {}
        for e in edges:
            for end in ("source", "target"):
                node = nodes.setdefault(e[end], {"key": e[end], "name": e[f"{end}_name"],
                                                 "country": e[f"{end}_country"], "n": 0})
                node["n"] += e["n"]
        return {"nodes": list(nodes.values()), "edges": edges}

    @app.get("/api/actors", response_model=ActorPage, tags=["actors"])
    def list_actors(cur: Cur, q: Text = None,
                    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                    kind: Annotated[Literal["person", "organization", "country", "group"] | None,
                                    Query()] = None,
                    sector: Annotated[str | None, Query(max_length=10)] = None,
                    page: PageNo = 1, page_size: PageSize = 50) -> dict[str, Any]:
        """Actors across articles, most active first; ``q`` searches names."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if q:
            clauses.append("(x.name ILIKE ? ESCAPE '\\' OR x.role ILIKE ? ESCAPE '\\')")
            params += [_like(q), _like(q)]
        for column, value in (("x.country", country.upper() if country else None),
                              ("x.kind", kind), ("x.sector", sector)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        base = f"""
            WITH k AS (SELECT {KEY_X} AS key, x.* FROM actors x WHERE {" AND ".join(clauses)}),
                 agg AS (SELECT key, mode(name) AS name, mode(country) AS country,
                                mode(sector) AS sector, mode(kind) AS kind,
                                count(DISTINCT article_id) AS n_articles FROM k GROUP BY key),
                 ev AS (SELECT key, count(DISTINCT article_id || chr(31) || event_id) AS n_events
                        FROM ({PARTICIPANTS}) p WHERE key IN (SELECT key FROM agg) GROUP BY key)"""
        total = _one(cur, f"{base} SELECT count(*) AS n FROM agg", params)
        rows = _rows(cur, f"{base} SELECT agg.*, coalesce(ev.n_events, 0) AS n_events FROM agg "
                          "LEFT JOIN ev USING (key) ORDER BY n_events DESC, n_articles DESC, key "
                          "LIMIT ? OFFSET ?", [*params, page_size, (page - 1) * page_size])
        return _page(total["n"] if total else 0, page, page_size, rows)

    @app.get("/api/actors/{key}", tags=["actors"])
    def get_actor(key: Annotated[str, PathParam(pattern=ACTOR_KEY_PATTERN)], cur: Cur,
                  interval: Literal["auto", "day", "week", "month", "year"] = "auto") -> dict[str, Any]:
        """One actor: names and roles seen, its events over time, and its counterparts."""
        actor = _one(cur, f"""
            SELECT key, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                   mode(kind) AS kind, mode(cameo) AS cameo, count(DISTINCT article_id) AS n_articles,
                   list(DISTINCT name ORDER BY name) AS names,
                   list(DISTINCT role ORDER BY role) FILTER (WHERE role IS NOT NULL) AS roles
            FROM (SELECT {KEY_X} AS key, x.* FROM actors x) WHERE key = ? GROUP BY key""", [key])
        if not actor:
            raise HTTPException(404, "no such actor")
        actor["roles"] = actor["roles"] or []
        f = EventFilters(actor=key)
        where, params = f.where()
        actor["n_events"] = (_one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where}",
                                  params) or {"n": 0})["n"]
        actor["timeline"] = _timeline(cur, where, params, interval)
        actor["counterparts"] = _rows(cur, f"""
            WITH p AS ({PARTICIPANTS}),
                 me AS (SELECT p.*, e.quad_class FROM p JOIN events e USING (article_id, event_id)
                        WHERE p.key = ?)
            SELECT o.key, min(o.name) AS name, min(o.country) AS country,
                   count(DISTINCT me.article_id || chr(31) || me.event_id) AS n,
                   count(DISTINCT me.article_id || chr(31) || me.event_id)
                       FILTER (WHERE me.side = 'source') AS as_source,
                   count(DISTINCT me.article_id || chr(31) || me.event_id)
                       FILTER (WHERE me.side = 'target') AS as_target,
                   count(DISTINCT me.article_id || chr(31) || me.event_id)
                       FILTER (WHERE me.quad_class IN (1, 2)) AS cooperation,
                   count(DISTINCT me.article_id || chr(31) || me.event_id)
                       FILTER (WHERE me.quad_class IN (3, 4)) AS conflict
            FROM me JOIN p o ON o.article_id = me.article_id AND o.event_id = me.event_id
                            AND o.side <> me.side AND o.key <> me.key
            GROUP BY o.key ORDER BY n DESC, o.key LIMIT 50""", [key])
        return actor

    @app.get("/api/quotes", tags=["quotes"])
    def list_quotes(cur: Cur, speaker: Text = None, q: Text = None,
                    kind: Literal["direct", "indirect"] | None = None,
                    article: Annotated[str | None, Query(max_length=500)] = None,
                    page: PageNo = 1, page_size: PageSize = 50) -> dict[str, Any]:
        """Direct and indirect quotations with their speakers, newest first."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if speaker:
            clauses.append(f"({KEY_X} = ? OR x.name ILIKE ? ESCAPE '\\' "
                           "OR qu.speaker_text ILIKE ? ESCAPE '\\')")
            params += [speaker, _like(speaker), _like(speaker)]
        for word in (q or "").split()[:10]:
            clauses.append("qu.text ILIKE ? ESCAPE '\\'")
            params.append(_like(word))
        for column, value in (("qu.kind", kind), ("qu.article_id", article)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        base = ("FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors x "
                f"ON x.article_id = qu.article_id AND x.actor_id = qu.speaker WHERE {' AND '.join(clauses)}")
        total = _one(cur, f"SELECT count(*) AS n {base}", params)
        rows = _rows(cur, "SELECT qu.article_id, qu.quote_id AS id, qu.kind, qu.text, qu.cue, "
                          "qu.speaker_text, qu.start, qu.\"end\", x.name AS speaker_name, "
                          f"CASE WHEN x.actor_id IS NULL THEN NULL ELSE {KEY_X} END AS speaker_key, "
                          f"a.title, a.published {base} ORDER BY a.published DESC NULLS LAST, "
                          "qu.article_id, qu.start LIMIT ? OFFSET ?",
                     [*params, page_size, (page - 1) * page_size])
        return _page(total["n"] if total else 0, page, page_size, rows)

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def get_article(article_id: str, cur: Cur) -> dict[str, Any]:
        """One article with every annotation found in it."""
        article = _one(cur, "SELECT id, title, published, source, url, text, n_words FROM articles "
                            "WHERE id = ?", [article_id])
        if not article:
            raise HTTPException(404, "no such article")
        actors = _rows(cur, f"SELECT x.actor_id AS id, {KEY_X} AS key, x.name, x.country, x.sector, "
                            "x.other_sectors, x.role, x.kind, x.cameo FROM actors x "
                            "WHERE x.article_id = ? ORDER BY x.actor_id", [article_id])
        mentions = _rows(cur, "SELECT actor_id, start, \"end\", text FROM mentions "
                              "WHERE article_id = ? ORDER BY start", [article_id])
        for actor in actors:
            actor["mentions"] = [{k: m[k] for k in ("start", "end", "text")}
                                 for m in mentions if m["actor_id"] == actor["id"]]
        events = _rows(cur, f"SELECT {EVENT_COLUMNS}, e.evidence_start, e.evidence_end "
                            f"{FROM_EVENTS} WHERE e.article_id = ? ORDER BY e.evidence_start, "
                            "e.event_id", [article_id])
        return {
            "article": article, "actors": actors, "events": _with_actors(cur, events),
            "quotes": _rows(cur, "SELECT quote_id AS id, kind, speaker, speaker_text, cue, start, "
                                 "\"end\", text FROM quotes WHERE article_id = ? ORDER BY start",
                            [article_id]),
            "times": _rows(cur, "SELECT start, \"end\", text, value FROM times WHERE article_id = ? "
                                "ORDER BY start", [article_id]),
            "places": _rows(cur, "SELECT place_id AS id, start, \"end\", text, name, country, lat, "
                                 "lon, geonames_id, feature FROM places WHERE article_id = ? "
                                 "ORDER BY start", [article_id]),
        }

    @app.get("/api/stats", tags=["stats"])
    def stats(cur: Cur) -> dict[str, Any]:
        """What the database holds: counts, date range, and the busiest types and actors."""
        counts = _one(cur, """SELECT (SELECT count(*) FROM articles) AS articles,
            (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM quotes) AS quotes,
            (SELECT count(*) FROM actors) AS actor_rows, (SELECT count(*) FROM stories) AS stories,
            (SELECT min(published) FROM articles) AS first_published,
            (SELECT max(published) FROM articles) AS last_published""")
        return {
            **(counts or {}),
            "by_type": _rows(cur, "SELECT type, count(*) AS n FROM events GROUP BY type "
                                  "ORDER BY n DESC, type"),
            "by_quad_class": _rows(cur, "SELECT quad_class, count(*) AS n FROM events "
                                        "GROUP BY quad_class ORDER BY quad_class"),
            "by_modality": _rows(cur, "SELECT modality, count(*) AS n FROM events "
                                      "GROUP BY modality ORDER BY n DESC, modality"),
            "top_countries": _rows(cur, f"SELECT country, count(DISTINCT article_id || chr(31) || "
                                        f"event_id) AS n FROM ({PARTICIPANTS}) p WHERE country IS "
                                        "NOT NULL GROUP BY country ORDER BY n DESC, country LIMIT 15"),
            "top_actors": _rows(cur, f"SELECT key, min(name) AS name, min(country) AS country, "
                                     "count(DISTINCT article_id || chr(31) || event_id) AS n "
                                     f"FROM ({PARTICIPANTS}) p GROUP BY key ORDER BY n DESC, key "
                                     "LIMIT 15"),
        }

    @app.post("/api/extract", tags=["extract"])
    def extract(body: ExtractRequest) -> dict[str, Any]:
        """Run the pipeline over one article's text and return its document (nothing is stored)."""
        if not body.text.strip():
            raise HTTPException(422, "text is blank")
        article = Article(id=body.id, text=body.text, title=body.title, published=body.published,
                          source=body.source, url=body.url)
        with extract_lock:
            return extract_one(article).to_dict()

    explorer = resources.files("eventwire") / EXPLORER

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(explorer / "index.html"), headers={"Cache-Control": "no-cache"})

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        spec = find_spec("plotly")
        origin = Path(spec.origin) if spec and spec.origin else None
        js = origin.parent / "package_data" / "plotly.min.js" if origin else None
        if js is None or not js.is_file():
            raise HTTPException(404, "plotly is not installed: pip install plotly")
        return FileResponse(js, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(explorer)), name="static")
    return app
