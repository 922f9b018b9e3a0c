"""The quality gate: every gold set in eval/baseline.json must stay at or above its floors.

Floors may be raised by a change, never silently lowered: lowering one means editing the
checked-in baseline, which review sees.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require_shared

from eventwire.evaluate import GOLD_SETS, run_gold_set

BASELINE = json.loads((Path(__file__).resolve().parent.parent / "eval" / "baseline.json")
                      .read_text(encoding="utf-8"))

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_eval_gate_baseline_names_known_sets():
    assert set(BASELINE["gold_sets"]) <= set(GOLD_SETS)


@pytest.mark.parametrize("name", sorted(BASELINE["gold_sets"]))
def test_eval_gate(name, nlp):
    spec = BASELINE["gold_sets"][name]
    shared = require_shared()
    report = run_gold_set(name, shared=shared, limit=spec.get("limit"))
    failures = []
    for metric, floor in spec["floors"].items():
        value = report.metric(metric)
        if value + 1e-9 < floor:
            failures.append(f"{metric} = {value:.4f} < floor {floor}")
    assert not failures, f"{name}: " + "; ".join(failures) + "\n" + report.table()
