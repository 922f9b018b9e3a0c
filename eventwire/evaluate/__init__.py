"""Scoring eventwire against gold sets.

Each gold set has an adapter module with ``run(shared: Path, limit: int | None) -> Report``;
``GOLD_SETS`` maps the names ``eventwire evaluate --set NAME`` accepts to those modules.
``eval/baseline.json`` holds the floors that ``tests/test_eval_gate.py`` enforces.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import EvaluationError
from .scores import Report, Score

__all__ = ["GOLD_SETS", "Report", "Score", "run_gold_set", "shared_dir"]

# name -> "module:function" inside eventwire.evaluate
GOLD_SETS: dict[str, str] = {
    "seed": "seed:run",
    "geovirus": "toponyms:run_geovirus",
    "geowebnews": "toponyms:run_geowebnews",
    "trnews": "toponyms:run_trnews",
    "lgl": "toponyms:run_lgl",
    "te3": "timex:run_te3",
    "meantime-timex": "timex:run_meantime",
    "meantime-speech": "speech:run_meantime",
    "plover": "plover:run",
    "cameo": "cameo:run",
    "petrarch": "petrarch:run",
    "meantime-mentions": "mentions:run",
    "news-dev": "news_dev:run",
}


def shared_dir() -> Path:
    """``../shared`` next to the repository (or $EVENTWIRE_SHARED)."""
    import os

    env = os.environ.get("EVENTWIRE_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared"


def run_gold_set(name: str, shared: Path | None = None, limit: int | None = None) -> Report:
    """Score eventwire on one named gold set."""
    if name not in GOLD_SETS:
        raise EvaluationError(f"unknown gold set {name!r}; known: {', '.join(sorted(GOLD_SETS))}")
    module_name, _, func = GOLD_SETS[name].partition(":")
    module = importlib.import_module(f".{module_name}", __name__)
    shared = shared or shared_dir()
    if not shared.is_dir():
        raise EvaluationError(f"shared data not found at {shared} (set EVENTWIRE_SHARED)")
    report: Report = getattr(module, func)(shared, limit)
    return report
