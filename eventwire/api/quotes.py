"""Quotations: GET /api/quotes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query

from ..store import reads
from .queries import page_of
from .shapes import Cur, PageNo, PageSize, Text


def list_quotes(cur: Cur, speaker: Text = None, q: Text = None,
                kind: Literal["direct", "indirect"] | None = None,
                article: Annotated[str | None, Query(max_length=500)] = None,
                page: PageNo = 1, page_size: PageSize = 50) -> dict[str, Any]:
    """Direct and indirect quotations with their speakers, newest first."""
    rows, total = reads.quotes_page(cur, speaker=speaker, q=q, kind=kind, article=article,
                                    limit=page_size, offset=(page - 1) * page_size)
    return page_of(total, page, page_size, rows)
