"""The app: every endpoint, the error handler, and the explorer's static files."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from ..errors import ArticleError, EventwireError, StageError, StoreError
from ..records import Article
from .extraction import (
    MAX_PENDING,
    RETRY_AFTER_S,
    ExtractionQueue,
    Extractor,
    QueueFull,
    pipeline_extract,
)
from .failures import UnexpectedErrors
from .headers import HeadAsGet, SecurityHeaders
from .hosts import DEFAULT_HOSTS, AllowedHosts
from .ids import ACTOR_KEY_PATTERN, KEY_X, event_key, parse_event_key
from .limits import MAX_BODY_BYTES, BodyLimit
from .queries import (
    EVENT_COLUMNS,
    EVENT_SORTS,
    FROM_EVENTS,
    PARTICIPANTS,
    EventFilters,
    EventSort,
    actor_refs,
    fetch_all,
    fetch_one,
    like_pattern,
    page_of,
    timeline_counts,
    with_actors,
)
from .shapes import ActorPage, Cur, EventPage, ExtractRequest, Filters, PageNo, PageSize, Text

EXPLORER = "explorer"



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
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path} read-only: {exc}") from exc
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
        rows = fetch_all(cur, f"SELECT {EVENT_COLUMNS}, count(*) OVER () AS total {FROM_EVENTS} "
                              f"WHERE {where} ORDER BY {EVENT_SORTS[sort]}, e.article_id, e.event_id "
                              "LIMIT ? OFFSET ?", [*params, page_size, (page - 1) * page_size])
        if rows:
            total = rows[0]["total"]
            for row in rows:
                del row["total"]
        else:  # past the last page: count on its own
            found = fetch_one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where}", params)
            total = found["n"] if found else 0
        return page_of(total, page, page_size, with_actors(cur, rows))

    @app.get("/api/events/{id}", tags=["events"])
    def get_event(id: Annotated[str, PathParam(max_length=2000)], cur: Cur) -> dict[str, Any]:
        """One event with its evidence, its article and every article reporting the same story."""
        ids = parse_event_key(id)
        found = None if ids is None else fetch_one(
            cur, f"SELECT {EVENT_COLUMNS}, e.context, e.evidence_start, e.evidence_end, "
                 f"e.attributed_to {FROM_EVENTS} WHERE e.article_id = ? AND e.event_id = ?", list(ids))
        if found is None:
            raise HTTPException(404, "no such event")
        ev = with_actors(cur, [found])[0]
        ev["evidence"] = {"start": ev.pop("evidence_start"), "end": ev.pop("evidence_end"),
                          "text": ev["evidence"]}
        attributed = ev.pop("attributed_to")
        refs = actor_refs(cur, {ev["article_id"]})
        ev["attributed_to"] = refs.get((ev["article_id"], attributed)) if attributed else None
        ev["article"] = fetch_one(cur, "SELECT id, title, published, source, url, text FROM articles "
                                       "WHERE id = ?", [ev["article_id"]])
        ev["story"] = None
        reports = [{"article_id": ev["article_id"], "event_id": ev["event_id"]}]
        if ev["story_id"]:
            ev["story"] = fetch_one(cur, "SELECT * FROM stories WHERE story_id = ?", [ev["story_id"]])
            reports = fetch_all(cur, "SELECT article_id, event_id FROM story_reports WHERE story_id = ?",
                                [ev["story_id"]]) or reports
        ev["reports"] = [
            {**r, "id": event_key(r["article_id"], r["event_id"])}
            for r in fetch_all(cur, "SELECT r.article_id, r.event_id, a.title, a.published, "
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
        return timeline_counts(cur, where, params, interval)

    @app.get("/api/network", tags=["events"])
    def network(cur: Cur, f: Filters,
                limit: Annotated[int, Query(ge=1, le=500)] = 80) -> dict[str, Any]:
        """Who acts on whom among the filtered events: the heaviest source->target edges."""
        where, params = f.where()
        edges = fetch_all(cur, f"""
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
            params += [like_pattern(q), like_pattern(q)]
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
        total = fetch_one(cur, f"{base} SELECT count(*) AS n FROM agg", params)
        rows = fetch_all(cur, f"{base} SELECT agg.*, coalesce(ev.n_events, 0) AS n_events FROM agg "
                              "LEFT JOIN ev USING (key) ORDER BY n_events DESC, n_articles DESC, key "
                              "LIMIT ? OFFSET ?", [*params, page_size, (page - 1) * page_size])
        return page_of(total["n"] if total else 0, page, page_size, rows)

    @app.get("/api/actors/{key}", tags=["actors"])
    def get_actor(key: Annotated[str, PathParam(pattern=ACTOR_KEY_PATTERN)], cur: Cur,
                  interval: Literal["auto", "day", "week", "month", "year"] = "auto") -> dict[str, Any]:
        """One actor: names and roles seen, its events over time, and its counterparts."""
        actor = fetch_one(cur, f"""
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
        actor["n_events"] = (fetch_one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where}",
                                       params) or {"n": 0})["n"]
        actor["timeline"] = timeline_counts(cur, where, params, interval)
        actor["counterparts"] = fetch_all(cur, f"""
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
            params += [speaker, like_pattern(speaker), like_pattern(speaker)]
        for word in (q or "").split()[:10]:
            clauses.append("qu.text ILIKE ? ESCAPE '\\'")
            params.append(like_pattern(word))
        for column, value in (("qu.kind", kind), ("qu.article_id", article)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        base = ("FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors x "
                f"ON x.article_id = qu.article_id AND x.actor_id = qu.speaker WHERE {' AND '.join(clauses)}")
        total = fetch_one(cur, f"SELECT count(*) AS n {base}", params)
        rows = fetch_all(cur, "SELECT qu.article_id, qu.quote_id AS id, qu.kind, qu.text, qu.cue, "
                              "qu.speaker_text, qu.start, qu.\"end\", x.name AS speaker_name, "
                              f"CASE WHEN x.actor_id IS NULL THEN NULL ELSE {KEY_X} END AS speaker_key, "
                              f"a.title, a.published {base} ORDER BY a.published DESC NULLS LAST, "
                              "qu.article_id, qu.start LIMIT ? OFFSET ?",
                         [*params, page_size, (page - 1) * page_size])
        return page_of(total["n"] if total else 0, page, page_size, rows)

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def get_article(article_id: str, cur: Cur) -> dict[str, Any]:
        """One article with every annotation found in it."""
        article = fetch_one(cur, "SELECT id, title, published, source, url, text, n_words FROM articles "
                                 "WHERE id = ?", [article_id])
        if not article:
            raise HTTPException(404, "no such article")
        actors = fetch_all(cur, f"SELECT x.actor_id AS id, {KEY_X} AS key, x.name, x.country, x.sector, "
                                "x.other_sectors, x.role, x.kind, x.cameo FROM actors x "
                                "WHERE x.article_id = ? ORDER BY x.actor_id", [article_id])
        mentions = fetch_all(cur, "SELECT actor_id, start, \"end\", text FROM mentions "
                                  "WHERE article_id = ? ORDER BY start", [article_id])
        for actor in actors:
            actor["mentions"] = [{k: m[k] for k in ("start", "end", "text")}
                                 for m in mentions if m["actor_id"] == actor["id"]]
        events = fetch_all(cur, f"SELECT {EVENT_COLUMNS}, e.evidence_start, e.evidence_end "
                                f"{FROM_EVENTS} WHERE e.article_id = ? ORDER BY e.evidence_start, "
                                "e.event_id", [article_id])
        return {
            "article": article, "actors": actors, "events": with_actors(cur, events),
            "quotes": fetch_all(cur, "SELECT quote_id AS id, kind, speaker, speaker_text, cue, start, "
                                     "\"end\", text FROM quotes WHERE article_id = ? ORDER BY start",
                                [article_id]),
            "times": fetch_all(cur, "SELECT start, \"end\", text, value FROM times WHERE article_id = ? "
                                    "ORDER BY start", [article_id]),
            "places": fetch_all(cur, "SELECT place_id AS id, start, \"end\", text, name, country, lat, "
                                     "lon, geonames_id, feature FROM places WHERE article_id = ? "
                                     "ORDER BY start", [article_id]),
        }

    @app.get("/api/stats", tags=["stats"])
    def stats(cur: Cur) -> dict[str, Any]:
        """What the database holds: counts, date range, and the busiest types and actors."""
        counts = fetch_one(cur, """SELECT (SELECT count(*) FROM articles) AS articles,
            (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM quotes) AS quotes,
            (SELECT count(*) FROM actors) AS actor_rows, (SELECT count(*) FROM stories) AS stories,
            (SELECT min(published) FROM articles) AS first_published,
            (SELECT max(published) FROM articles) AS last_published""")
        return {
            **(counts or {}),
            "by_type": fetch_all(cur, "SELECT type, count(*) AS n FROM events GROUP BY type "
                                      "ORDER BY n DESC, type"),
            "by_quad_class": fetch_all(cur, "SELECT quad_class, count(*) AS n FROM events "
                                            "GROUP BY quad_class ORDER BY quad_class"),
            "by_modality": fetch_all(cur, "SELECT modality, count(*) AS n FROM events "
                                          "GROUP BY modality ORDER BY n DESC, modality"),
            "top_countries": fetch_all(cur, f"SELECT country, count(DISTINCT article_id || chr(31) || "
                                            f"event_id) AS n FROM ({PARTICIPANTS}) p WHERE country IS "
                                            "NOT NULL GROUP BY country ORDER BY n DESC, country LIMIT 15"),
            "top_actors": fetch_all(cur, f"SELECT key, min(name) AS name, min(country) AS country, "
                                         "count(DISTINCT article_id || chr(31) || event_id) AS n "
                                         f"FROM ({PARTICIPANTS}) p GROUP BY key ORDER BY n DESC, key "
                                         "LIMIT 15"),
        }

    @app.post("/api/extract", tags=["extract"],
              responses={503: {"description": "every extraction slot is taken; see Retry-After"}})
    async def extract(body: ExtractRequest) -> dict[str, Any]:
        """Run the pipeline over one article's text and return its document (nothing is stored).

        Extractions run one at a time off the request threads; when too many wait, the
        answer is 503 with ``Retry-After``.
        """
        if not body.text.strip():
            raise HTTPException(422, "text is blank")
        article = Article(id=body.id, text=body.text, title=body.title, published=body.published,
                          source=body.source, url=body.url)
        try:
            document = await queue.extract(article)
        except QueueFull:
            raise HTTPException(503, "extraction queue is full; retry later",
                                headers={"Retry-After": str(RETRY_AFTER_S)}) from None
        return document.to_dict()

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
