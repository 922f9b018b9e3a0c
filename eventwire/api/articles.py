"""One article with every annotation: GET /api/articles/{article_id}."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from ..store import reads
from .queries import with_actors
from .shapes import Cur


def get_article(article_id: str, cur: Cur) -> dict[str, Any]:
    """One article with every annotation found in it."""
    article = reads.article(cur, article_id)
    if not article:
        raise HTTPException(404, "no such article")
    actors = reads.article_actors(cur, article_id)
    mentions = reads.article_mentions(cur, article_id)
    for actor in actors:
        actor["mentions"] = [{k: m[k] for k in ("start", "end", "text")}
                             for m in mentions if m["actor_id"] == actor["id"]]
    events = reads.article_events(cur, article_id)
    return {
        "article": article, "actors": actors, "events": with_actors(cur, events),
        "quotes": reads.article_quotes(cur, article_id),
        "times": reads.article_times(cur, article_id),
        "places": reads.article_places(cur, article_id),
    }
