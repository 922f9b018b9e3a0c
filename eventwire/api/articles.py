"""One article with every annotation: GET /api/articles/{article_id}."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from .ids import KEY_X
from .queries import (
    EVENT_COLUMNS,
    FROM_EVENTS,
    fetch_all,
    fetch_one,
    with_actors,
)
from .shapes import Cur


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
