"""The fixed SQL behind the endpoints: event filters, sort orders, participants, timelines.

Every query is parameterised; the only SQL text built at run time comes from the fixed tables
here (sort orders, filter clauses), never from a request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import duckdb

from .ids import KEY_X, event_key

Cursor = duckdb.DuckDBPyConnection

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


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, wildcards in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


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
            params += [like_pattern(self.actor), country, self.actor]
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
            params += [like_pattern(self.place), self.place]
        for word in (self.q or "").split()[:10]:
            clauses.append("e.evidence_text ILIKE ? ESCAPE '\\'")
            params.append(like_pattern(word))
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        return " AND ".join(clauses), params


def fetch_all(cur: Cursor, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description or ()]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def fetch_one(cur: Cursor, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
    rows = fetch_all(cur, sql, params)
    return rows[0] if rows else None


EVENT_COLUMNS = f"""e.article_id, e.event_id, e.type, e.mode, e.quad_class, e.modality, e.cameo,
  e.date, e.date_text, a.published, {DAY} AS day, e.confidence, e.evidence_text AS evidence,
  a.title, a.source AS outlet, pl.name AS place, pl.country AS place_country, e.story_id,
  e.source AS source_ids, e.target AS target_ids"""


def actor_refs(cur: Cursor, article_ids: set[str]) -> dict[tuple[str, str], dict[str, Any]]:
    rows = fetch_all(cur, f"SELECT x.article_id, x.actor_id AS id, {KEY_X} AS key, x.name, x.country, "
                          "x.sector, x.kind FROM actors x WHERE list_contains(?::VARCHAR[], "
                          "x.article_id)", [sorted(article_ids)])
    return {(r.pop("article_id"), r["id"]): r for r in rows}


def with_actors(cur: Cursor, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with ``id`` and their source and target ids resolved to actor references."""
    refs = actor_refs(cur, {e["article_id"] for e in events}) if events else {}
    for ev in events:
        art = ev["article_id"]
        ev["id"] = event_key(art, ev["event_id"])
        for side in ("source", "target"):
            ids = ev.pop(f"{side}_ids") or []
            ev[side] = [refs.get((art, i)) or {"id": i, "key": "", "name": None, "country": None}
                        for i in ids]
    return events


def page_of(total: int, page: int, page_size: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "page": page, "page_size": page_size, "items": items}


# The timeline's default window opens this long before the first article: news reports what
# happened in the days before, and "on Tuesday" in a Thursday article is no outlier.
WINDOW_LEAD = timedelta(days=7)


def _interval(lo: date | None, hi: date | None) -> str:
    if lo is None or hi is None:
        return "month"
    days = (hi - lo).days
    return "month" if days > 730 else "week" if days > 120 else "day"


def timeline_counts(cur: Cursor, where: str, params: list[Any], interval: str) -> dict[str, Any]:
    """Counts per period and quad class, the publication window of the events' articles, and
    how many events have no date of their own (placed at publication) or none at all."""
    span = fetch_one(cur, f"""SELECT min(a.published) AS first_published,
        max(a.published) AS last_published, min({DAY}) AS lo, max({DAY}) AS hi,
        count(*) FILTER (WHERE e.date IS NULL AND a.published IS NOT NULL) AS dated_by_publication,
        count(*) FILTER (WHERE {DAY} IS NULL) AS undated {FROM_EVENTS} WHERE {where}""", params)
    span = span or {}
    first, last = span.get("first_published"), span.get("last_published")
    first = first - WINDOW_LEAD if first else None
    if interval == "auto":
        # the window the articles were published in, not a stray reference to 1945
        interval = _interval(first, last) if first else _interval(span.get("lo"), span.get("hi"))
    rows = fetch_all(cur, f"SELECT CAST(date_trunc('{interval}', {DAY}) AS DATE) AS period, "
                          f"e.quad_class, count(*) AS n {FROM_EVENTS} WHERE {where} AND {DAY} IS NOT NULL "
                          "GROUP BY ALL ORDER BY period, e.quad_class", params)
    outside = 0
    if first and last:
        found = fetch_one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where} AND "
                               f"({DAY} < ? OR {DAY} > ?)", [*params, first, last])
        outside = found["n"] if found else 0
    return {"interval": interval, "buckets": rows, "undated": span.get("undated") or 0,
            "dated_by_publication": span.get("dated_by_publication") or 0,
            "window": {"from": first, "to": last, "outside": outside}}
