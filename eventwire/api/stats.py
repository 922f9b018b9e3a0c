"""What the database holds: GET /api/stats."""

from __future__ import annotations

from typing import Any

from .queries import (
    PARTICIPANTS,
    fetch_all,
    fetch_one,
)
from .shapes import Cur


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
