"""What the endpoints share over the store's reads: actor references, pages, timelines.

The SQL itself lives in ``eventwire.store.reads``; this module only shapes its rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..store import reads
from ..store.reads import Cursor, EventFilters
from .ids import event_key


def with_actors(cur: Cursor, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with ``id`` and their source and target ids resolved to actor references."""
    refs = reads.actor_refs(cur, {e["article_id"] for e in events}) if events else {}
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


def timeline_counts(cur: Cursor, f: EventFilters, interval: str) -> dict[str, Any]:
    """Counts per period and quad class, the publication window of the events' articles, and
    how many events have no date of their own (placed at publication) or none at all."""
    span = reads.timeline_span(cur, f)
    first, last = span.get("first_published"), span.get("last_published")
    first = first - WINDOW_LEAD if first else None
    if interval == "auto":
        # the window the articles were published in, not a stray reference to 1945
        interval = _interval(first, last) if first else _interval(span.get("lo"), span.get("hi"))
    rows = reads.timeline_buckets(cur, f, interval)
    outside = reads.count_outside(cur, f, first, last) if first and last else 0
    return {"interval": interval, "buckets": rows, "undated": span.get("undated") or 0,
            "dated_by_publication": span.get("dated_by_publication") or 0,
            "window": {"from": first, "to": last, "outside": outside}}
