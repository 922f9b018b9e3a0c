"""Reading gold files: every gold set ships as JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import EvaluationError

__all__ = ["read_jsonl"]


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
