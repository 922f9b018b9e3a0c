"""The recoding rules of data/coding_rules.tsv: the file keeps to its closed vocabularies,
and each rule recodes what it says on actors and triggers built by hand (no model)."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorTable
from eventwire.events.coding import CONDITIONS, STAGES, coding_rules, recode
from eventwire.lexicon import Trigger
from eventwire.ontology import CONTEXTS, MODES, EventType
from eventwire.records import Actor


def test_coding_rules_keep_to_the_closed_vocabularies() -> None:
    rules = coding_rules()
    assert rules, "data/coding_rules.tsv has no rows"
    types = {t.value for t in EventType}
    for rule in rules:
        assert rule.stage in STAGES, rule
        assert rule.types <= types and rule.then_type in types, rule
        for condition in (rule.source, rule.target):
            assert condition == "" or condition in CONDITIONS, rule
        known_modes = set().union(*(MODES.get(t, frozenset()) for t in rule.types)) | {None}
        assert rule.modes <= known_modes, rule
        assert rule.then_mode is None or rule.then_mode in MODES[rule.then_type], rule
        assert rule.then_cameo.isdigit() and 3 <= len(rule.then_cameo) <= 4, rule
        assert set(rule.then_context) <= CONTEXTS, rule
        assert rule.why, rule


def _trigger(phrase: str, event_type: str, mode: str | None = None) -> Trigger:
    return Trigger(phrase=tuple(phrase.split()), pos="VERB", type=event_type, mode=mode,
                   cameo="190", context=())


TABLE = ActorTable(actors=(
    Actor(id="gov", name="Kenya", kind="country", country="KEN", sector="GOV"),
    Actor(id="workers", name="dock workers", kind="group", country="KEN", sector="LAB"),
    Actor(id="army", name="the army", kind="group", country="KEN", sector="MIL"),
    Actor(id="police", name="riot police", kind="group", country="KEN", sector="COP"),
    Actor(id="crowd", name="protesters", kind="group", country="KEN", sector="CVL",
          role="Protester"),
    Actor(id="rebels", name="rebels", kind="group", country="KEN", sector="REB"),
))


@pytest.mark.parametrize(("trigger", "stage", "source", "target", "expected"), [
    (_trigger("protest", "PROTEST"), "source", ["gov"], [], ("ACCUSE", "disapprove", "110")),
    (_trigger("strike", "ASSAULT"), "source", ["workers"], [], ("PROTEST", "strike", "143")),
    (_trigger("strike", "ASSAULT"), "source", ["army"], [], ("ASSAULT", None, "190")),
    # an armed group's strike is an attack, whatever the trigger row said
    (_trigger("strike", "PROTEST", "strike"), "source", ["rebels"], [], ("ASSAULT", None, "190")),
    (_trigger("strike", "PROTEST", "strike"), "source", ["workers"], [], ("PROTEST", "strike", "190")),
    # police marching show force; teachers marching protest
    (_trigger("march", "PROTEST", "demo"), "source", ["police"], [], ("MOBILIZE", None, "150")),
    (_trigger("march", "PROTEST", "demo"), "source", ["workers"], [], ("PROTEST", "demo", "190")),
    (_trigger("withdraw", "SANCTION", "withdraw"), "source", ["army"], [],
     ("RETREAT", "withdraw", "0874")),
    (_trigger("attack", "ASSAULT"), "parties", ["crowd"], ["police"], ("PROTEST", "riot", "145")),
    (_trigger("fire", "ASSAULT", "firearms"), "parties", ["crowd"], [], ("ASSAULT", "firearms", "190")),
    (_trigger("attack", "ASSAULT"), "parties", ["police"], ["crowd"],
     ("ASSAULT", "crowd-control", "175")),
    (_trigger("attack", "ASSAULT"), "parties", ["police", "workers"], ["crowd"], ("ASSAULT", None, "190")),
    (_trigger("attack", "ASSAULT"), "source", ["police"], ["crowd"], ("ASSAULT", None, "190")),
])
def test_coding_rules_recode_by_the_parties(trigger: Trigger, stage: str, source: list[str],
                                            target: list[str], expected: tuple) -> None:
    out = recode(trigger, stage, source, target, TABLE)
    assert (out.type, out.mode, out.cameo) == expected
