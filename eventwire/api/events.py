"""Events: GET /api/events, /api/events.csv, /api/events/{id}, /api/timeline, /api/network,
/api/map."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import Response

from ..store import reads
from ..store.reads import EventSort
from .cameo import cameo_labels
from .ids import event_key, parse_event_key
from .queries import page_of, timeline_counts, with_actors
from .shapes import Cur, Filters, PageNo, PageSize


def list_events(cur: Cur, f: Filters, sort: EventSort = "-date", page: PageNo = 1,
                page_size: PageSize = 50) -> dict[str, Any]:
    """Events matching every given filter, one page at a time."""
    rows, total = reads.events_page(cur, f, sort, page_size, (page - 1) * page_size)
    return page_of(total, page, page_size, with_actors(cur, rows))


# One download holds at most this many rows: a filtered view, not a dump (``eventwire export``).
MAX_CSV_ROWS = 100_000
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
    labels = cameo_labels()
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in reads.flat_events(cur, f, sort, MAX_CSV_ROWS):
        rec["cameo_label"] = labels.get(rec["cameo"] or "")
        writer.writerow([_cell(str(v) if hasattr(v, "isoformat") else v)
                         for v in (rec[c] for c in CSV_COLUMNS)])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


def get_event(id: Annotated[str, PathParam(max_length=2000)], cur: Cur) -> dict[str, Any]:
    """One event with its evidence, its article and every article reporting the same story."""
    ids = parse_event_key(id)
    found = None if ids is None else reads.event(cur, *ids)
    if found is None:
        raise HTTPException(404, "no such event")
    ev = with_actors(cur, [found])[0]
    ev["evidence"] = {"start": ev.pop("evidence_start"), "end": ev.pop("evidence_end"),
                      "text": ev["evidence"]}
    attributed = ev.pop("attributed_to")
    refs = reads.actor_refs(cur, {ev["article_id"]})
    ev["attributed_to"] = refs.get((ev["article_id"], attributed)) if attributed else None
    ev["article"] = reads.article_head(cur, ev["article_id"])
    ev["story"] = None
    reports = [{"article_id": ev["article_id"], "event_id": ev["event_id"]}]
    if ev["story_id"]:
        ev["story"] = reads.story(cur, ev["story_id"])
        reports = reads.story_reports(cur, ev["story_id"]) or reports
    ev["reports"] = [
        {**r, "id": event_key(r["article_id"], r["event_id"])}
        for r in reads.reports(cur, [r["article_id"] for r in reports],
                               [r["event_id"] for r in reports])]
    return ev


def timeline(cur: Cur, f: Filters, interval: Literal["auto", "day", "week", "month",
                                                     "year"] = "auto") -> dict[str, Any]:
    """Counts of the filtered events per period and quad class."""
    return timeline_counts(cur, f, interval)


def network(cur: Cur, f: Filters,
            limit: Annotated[int, Query(ge=1, le=500)] = 80) -> dict[str, Any]:
    """Who acts on whom among the filtered events: the heaviest source->target edges."""
    edges = reads.network_edges(cur, f, limit)
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for end in ("source", "target"):
            node = nodes.setdefault(e[end], {"key": e[end], "name": e[f"{end}_name"],
                                             "country": e[f"{end}_country"], "n": 0})
            node["n"] += e["n"]
    return {"nodes": list(nodes.values()), "edges": edges}


def event_map(cur: Cur, f: Filters) -> dict[str, Any]:
    """The places of the filtered events with coordinates, and how many events have none."""
    return {"places": reads.event_places(cur, f), "unplaced": reads.count_unplaced(cur, f)}
