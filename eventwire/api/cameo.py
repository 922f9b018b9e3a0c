"""CAMEO event code names: GET /api/cameo, read from ``data/cameo_event_labels.tsv``."""

from __future__ import annotations

from typing import Any

from ..store.research import cameo_labels

__all__ = ["cameo_labels", "labels"]


def labels() -> dict[str, Any]:
    """Every CAMEO event code with its short name (CAMEO 1.1b3, via andybega/icews, MIT)."""
    return {"source": "CAMEO 1.1b3 event codes (andybega/icews, MIT)", "labels": cameo_labels()}
