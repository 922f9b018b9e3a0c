"""Actors across articles: GET /api/actors and /api/actors/{key}."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query
from fastapi import Path as PathParam

from .ids import ACTOR_KEY_PATTERN, KEY_X
from .queries import (
    FROM_EVENTS,
    PARTICIPANTS,
    EventFilters,
    fetch_all,
    fetch_one,
    like_pattern,
    page_of,
    timeline_counts,
)
from .shapes import Cur, PageNo, PageSize, Text


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
