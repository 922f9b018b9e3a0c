"""Reading gold files (every gold set ships as JSON Lines) and extracting their texts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationError

if TYPE_CHECKING:
    from ..records import Article, Document

__all__ = ["extract_documents", "read_jsonl"]


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a JSON Lines gold file in file order (the first ``limit`` when given)."""
    if not path.is_file():
        raise EvaluationError(f"gold file not found: {path}")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def extract_documents(articles: Sequence[Article], label: str) -> list[Document]:
    """One document per gold article, in order, extracted in one batch; an article that fails
    stops the evaluation with ``label`` and the reason."""
    from ..pipeline import extract_many
    from ..records import Document

    docs: list[Document] = []
    for result in extract_many(articles):
        if not isinstance(result, Document):
            raise EvaluationError(f"{label}: {result}")
        docs.append(result)
    return docs
