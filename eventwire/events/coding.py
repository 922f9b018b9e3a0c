"""Recoding by the parties: rows of ``data/coding_rules.tsv`` ("when type/mode/phrase and
the source/target are such, then type/mode/cameo/context", each with its reason).

A condition on a side is a word of the closed vocabulary ``CONDITIONS``; the file is
validated by ``tests/test_coding.py`` (types, modes, CAMEO codes and contexts are those of
``ontology``)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..lexicon import Trigger
from .vocabulary import ARMED_GROUP_SECTORS

if TYPE_CHECKING:
    from ..actors import ActorTable
    from ..records import Actor

__all__ = ["CONDITIONS", "STAGES", "CodingRule", "coding_rules", "recode"]

STAGES = frozenset({"source", "parties"})
CIVILIAN_SECTORS = frozenset({"LAB", "CVL", "EDU", "MED", "BUS", "JRN", "AGR", "SOC", "REL"})
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
# armed forces and armed groups (rebels, insurgents, militias)
ARMED_SECTORS = frozenset({"MIL"}) | ARMED_GROUP_SECTORS
PROTESTER_ROLES = frozenset({"Protester", "Rioter", "Crowd"})


def _sectors(actor: Actor) -> set[str]:
    return {s for s in (actor.sector, *actor.other_sectors) if s}


# condition name -> test on the actors of one side (every condition needs at least one actor)
CONDITIONS: dict[str, Callable[[Sequence[Actor]], bool]] = {
    "states": lambda side: all(a.kind in ("country", "organization", "person") for a in side),
    "civilians": lambda side: all(a.sector in CIVILIAN_SECTORS for a in side),
    "military": lambda side: any("MIL" in _sectors(a) for a in side),
    "armed": lambda side: any(_sectors(a) & ARMED_SECTORS for a in side),
    "forces": lambda side: all(_sectors(a) & FORCE_SECTORS for a in side),
    "protesters": lambda side: all(a.role in PROTESTER_ROLES for a in side),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingRule:
    """One row: when the trigger and its parties are such, code it so."""

    stage: str
    types: frozenset[str]
    modes: frozenset[str | None]  # empty: any mode
    modes_excluded: bool  # "!crowd-control": any mode but these
    phrase: tuple[str, ...]  # empty: any phrase
    phrase_prefix: bool  # "strike *": a phrase starting with these words
    source: str
    target: str
    then_type: str
    then_mode: str | None
    then_cameo: str
    then_context: tuple[str, ...]
    why: str

    def applies(self, trig: Trigger, source: Sequence[Actor], target: Sequence[Actor]) -> bool:
        if trig.type not in self.types:
            return False
        if self.modes and (trig.mode in self.modes) == self.modes_excluded:
            return False
        if self.phrase and (trig.phrase[:len(self.phrase)] if self.phrase_prefix
                            else trig.phrase) != self.phrase:
            return False
        for condition, side in ((self.source, source), (self.target, target)):
            if condition and not (side and CONDITIONS[condition](side)):
                return False
        return True


def _rule(row: dict[str, str]) -> CodingRule:
    mode = row["mode"]
    excluded = mode.startswith("!")
    phrase = row["phrase"].split()
    prefix = bool(phrase) and phrase[-1] == "*"
    return CodingRule(
        stage=row["stage"], types=frozenset(row["type"].split("|")),
        modes=frozenset(None if m == "none" else m for m in mode.lstrip("!").split("|") if m),
        modes_excluded=excluded, phrase=tuple(phrase[:-1] if prefix else phrase),
        phrase_prefix=prefix, source=row["source"], target=row["target"],
        then_type=row["then_type"], then_mode=row["then_mode"] or None,
        then_cameo=row["then_cameo"],
        then_context=tuple(c for c in row["then_context"].split("|") if c), why=row["why"])


@lru_cache(maxsize=1)
def coding_rules() -> tuple[CodingRule, ...]:
    """The rows of ``data/coding_rules.tsv``, in file order."""
    text = resources.files("eventwire").joinpath("data/coding_rules.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(_rule(row) for row in csv.DictReader(lines, delimiter="\t"))


def recode(trig: Trigger, stage: str, source: Sequence[str], target: Sequence[str],
           table: ActorTable) -> Trigger:
    """The trigger as the first rule of ``stage`` that holds codes it (else unchanged)."""
    src = [a for i in source if (a := table.by_id(i)) is not None]
    tgt = [a for i in target if (a := table.by_id(i)) is not None]
    for rule in coding_rules():
        if rule.stage == stage and rule.applies(trig, src, tgt):
            return replace(trig, type=rule.then_type, mode=rule.then_mode,
                           cameo=rule.then_cameo, context=rule.then_context)
    return trig
