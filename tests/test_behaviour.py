"""Behavioural suites from templates (tests/behaviour/): events, negatives and actors, each with a floor.

`scripts/behaviour_report.py` prints the rates per type, form and frame and the failures.
"""

from __future__ import annotations

import pytest
from behaviour.generate import FRAMES, actor_cases, event_cases, negative_cases
from behaviour.score import SUITES, rates, run

from eventwire.ontology import EventType

# Floors: the pass rate measured (events: 0.984 when raised to 0.98), rounded down to 2 decimals. Raise a
# floor when the extractor improves; never lower it to let a change through.
# Targets (issues 14 and 13): events >= 0.95, negatives >= 0.95, actors >= 0.95.
FLOORS = {"events": 0.98, "negatives": 1.0, "actors": 1.0}


def test_behaviour_suites_have_their_size():
    events, negatives, actors = event_cases(), negative_cases(), actor_cases()
    assert len(events) >= 800 and len(negatives) >= 60 and len(actors) >= 300
    assert {c.type for c in events} == set(EventType)
    assert {c.frame for c in events} == {f.name for f in FRAMES}
    assert len({c.id for c in events}) == len(events)
    assert all(c.span.strip() == c.span and c.span for c in actors)


def test_behaviour_suites_are_deterministic():
    assert event_cases() == event_cases()
    assert actor_cases() == actor_cases()


@pytest.fixture(scope="module")
def results(nlp):
    return run(nlp)


@pytest.mark.model
@pytest.mark.parametrize("suite", SUITES)
def test_behaviour_pass_rate_keeps_its_floor(results, suite):
    rate = rates(results)[suite]
    assert rate >= FLOORS[suite], (
        f"{suite}: {rate:.3f} passed, floor {FLOORS[suite]:.2f}; "
        f"see .venv/bin/python scripts/behaviour_report.py --suite {suite}"
    )
