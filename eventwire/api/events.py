"""Events: GET /api/events, /api/events.csv, /api/events/{id}, /api/timeline, /api/network,
/api/map."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import Response

from .cameo import cameo_labels
from .ids import event_key, parse_event_key
from .queries import (
    DAY,
    EVENT_COLUMNS,
    EVENT_SORTS,
    FROM_EVENTS,
    PARTICIPANTS,
    EventSort,
    actor_refs,
    fetch_all,
    fetch_one,
    page_of,
    timeline_counts,
    with_actors,
)
from .shapes import Cur, Filters, PageNo, PageSize


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


# One download holds at most this many rows: a filtered view, not a dump (``eventwire export``).
MAX_CSV_ROWS = 100_000
CSV_SQL = f"""e.article_id || '/' || e.event_id AS id, {DAY} AS day, e.date, e.date_text,
  a.published, e.type, e.mode, e.quad_class, e.modality, e.cameo, e.confidence,
  {{source}} AS source, {{source_cc}} AS source_countries, {{target}} AS target,
  {{target_cc}} AS target_countries, pl.name AS place, pl.country AS place_country,
  pl.lat, pl.lon, e.evidence_text AS evidence, a.title, a.source AS outlet, a.url,
  e.article_id, e.event_id, e.story_id"""
ACTOR_LIST = ("(SELECT string_agg(x.{column}, '; ' ORDER BY list_position(e.{side}, x.actor_id)) "
              "FROM actors x WHERE x.article_id = e.article_id "
              "AND list_contains(e.{side}, x.actor_id))")
CSV_COLUMNS = ("id", "day", "date", "date_text", "published", "type", "mode", "quad_class",
               "modality", "cameo", "cameo_label", "confidence", "source", "source_countries",
               "target", "target_countries", "place", "place_country", "lat", "lon", "evidence",
               "title", "outlet", "url", "article_id", "event_id", "story_id")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str):
        return f"'{value}" if value.startswith(FORMULA_STARTS) else value
    return "" if value is None else value


def events_csv(cur: Cur, f: Filters, sort: EventSort = "-date") -> Response:
    """The filtered events as CSV (UTF-8, one row per event, the CAMEO code as quoted text)."""
    where, params = f.where()
    select = CSV_SQL.format(**{
        f"{side}{suffix}": ACTOR_LIST.format(column=column, side=side)
        for side in ("source", "target") for suffix, column in (("", "name"), ("_cc", "country"))})
    result = cur.execute(f"SELECT {select} {FROM_EVENTS} WHERE {where} ORDER BY "
                         f"{EVENT_SORTS[sort]}, e.article_id, e.event_id LIMIT ?",
                         [*params, MAX_CSV_ROWS])
    names = [d[0] for d in result.description or ()]
    labels = cameo_labels()
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    while chunk := result.fetchmany(5000):
        for row in chunk:
            rec = dict(zip(names, row, strict=True))
            rec["cameo_label"] = labels.get(rec["cameo"] or "")
            writer.writerow([_cell(str(v) if hasattr(v, "isoformat") else v)
                             for v in (rec[c] for c in CSV_COLUMNS)])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


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


def timeline(cur: Cur, f: Filters, interval: Literal["auto", "day", "week", "month",
                                                     "year"] = "auto") -> dict[str, Any]:
    """Counts of the filtered events per period and quad class."""
    where, params = f.where()
    return timeline_counts(cur, where, params, interval)


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


def event_map(cur: Cur, f: Filters) -> dict[str, Any]:
    """The places of the filtered events with coordinates, and how many events have none."""
    where, params = f.where()
    places = fetch_all(cur, f"""SELECT pl.name, pl.country, pl.lat, pl.lon, count(*) AS n,
        count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
        count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict {FROM_EVENTS}
        WHERE {where} AND pl.lat IS NOT NULL AND pl.lon IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, pl.name""", params)
    found = fetch_one(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where} AND "
                           "(pl.lat IS NULL OR pl.lon IS NULL)", params)
    return {"places": places, "unplaced": found["n"] if found else 0}
