"""Quotations: GET /api/quotes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query

from .ids import KEY_X
from .queries import (
    fetch_all,
    fetch_one,
    like_pattern,
    page_of,
)
from .shapes import Cur, PageNo, PageSize, Text


def list_quotes(cur: Cur, speaker: Text = None, q: Text = None,
                kind: Literal["direct", "indirect"] | None = None,
                article: Annotated[str | None, Query(max_length=500)] = None,
                page: PageNo = 1, page_size: PageSize = 50) -> dict[str, Any]:
    """Direct and indirect quotations with their speakers, newest first."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if speaker:
        clauses.append(f"({KEY_X} = ? OR x.name ILIKE ? ESCAPE '\\' "
                       "OR qu.speaker_text ILIKE ? ESCAPE '\\')")
        params += [speaker, like_pattern(speaker), like_pattern(speaker)]
    for word in (q or "").split()[:10]:
        clauses.append("qu.text ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(word))
    for column, value in (("qu.kind", kind), ("qu.article_id", article)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    base = ("FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors x "
            f"ON x.article_id = qu.article_id AND x.actor_id = qu.speaker WHERE {' AND '.join(clauses)}")
    total = fetch_one(cur, f"SELECT count(*) AS n {base}", params)
    rows = fetch_all(cur, "SELECT qu.article_id, qu.quote_id AS id, qu.kind, qu.text, qu.cue, "
                          "qu.speaker_text, qu.start, qu.\"end\", x.name AS speaker_name, "
                          f"CASE WHEN x.actor_id IS NULL THEN NULL ELSE {KEY_X} END AS speaker_key, "
                          f"a.title, a.published {base} ORDER BY a.published DESC NULLS LAST, "
                          "qu.article_id, qu.start LIMIT ? OFFSET ?",
                     [*params, page_size, (page - 1) * page_size])
    return page_of(total["n"] if total else 0, page, page_size, rows)
