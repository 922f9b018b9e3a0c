"""Actors across articles: GET /api/actors and /api/actors/{key}."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query
from fastapi import Path as PathParam

from ..store import reads
from ..store.reads import EventFilters
from .ids import ACTOR_KEY_PATTERN
from .queries import page_of, timeline_counts
from .shapes import Cur, PageNo, PageSize, Text


def list_actors(cur: Cur, q: Text = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                kind: Annotated[Literal["person", "organization", "country", "group"] | None,
                                Query()] = None,
                sector: Annotated[str | None, Query(max_length=10)] = None,
                page: PageNo = 1, page_size: PageSize = 50) -> dict[str, Any]:
    """Actors across articles, most active first; ``q`` searches names."""
    rows, total = reads.actors_page(cur, q=q, country=country.upper() if country else None,
                                    kind=kind, sector=sector, limit=page_size,
                                    offset=(page - 1) * page_size)
    return page_of(total, page, page_size, rows)


def get_actor(key: Annotated[str, PathParam(pattern=ACTOR_KEY_PATTERN)], cur: Cur,
              interval: Literal["auto", "day", "week", "month", "year"] = "auto") -> dict[str, Any]:
    """One actor: names and roles seen, its events over time, and its counterparts."""
    actor = reads.actor(cur, key)
    if not actor:
        raise HTTPException(404, "no such actor")
    actor["roles"] = actor["roles"] or []
    f = EventFilters(actor=key)
    actor["n_events"] = reads.count_events(cur, f)
    actor["timeline"] = timeline_counts(cur, f, interval)
    actor["counterparts"] = reads.counterparts(cur, key)
    return actor
