"""What the database holds: GET /api/stats."""

from __future__ import annotations

from typing import Any

from ..store import reads
from .shapes import Cur


def stats(cur: Cur) -> dict[str, Any]:
    """What the database holds: counts, date range, and the busiest types and actors."""
    return {
        **reads.totals(cur),
        "by_type": reads.events_by_type(cur),
        "by_quad_class": reads.events_by_quad_class(cur),
        "by_modality": reads.events_by_modality(cur),
        "top_countries": reads.top_countries(cur),
        "top_actors": reads.top_actors(cur),
    }
