"""CAMEO event code names: GET /api/cameo, read from ``data/cameo_event_labels.tsv``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

LABELS_FILE = "cameo_event_labels.tsv"


@cache
def cameo_labels() -> dict[str, str]:
    """CAMEO code ("042") -> its CAMEO 1.1b3 name ("Make a visit")."""
    text = (resources.files("eventwire") / "data" / LABELS_FILE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {code: name for code, name in rows[1:]}


def labels() -> dict[str, Any]:
    """Every CAMEO event code with its short name (CAMEO 1.1b3, via andybega/icews, MIT)."""
    return {"source": "CAMEO 1.1b3 event codes (andybega/icews, MIT)", "labels": cameo_labels()}
