"""The parties an act leaves to its context: the target of "the opposition alliance decried
the vote count", "police detained a dozen of them", "warning of a military response"; the
doer of "rubber bullets were fired at marchers".

A coder of event data never leaves such an act without a target: an accusation, a demand, a
threat, a use of force or a sanction is aimed at someone, and when the clause does not say
whom, the story around it does. ICEWS and POLECAT coders read it from there; PETRARCH leaves
the event out. eventwire reads it from the act's own sentence and the sentence before, with
one rule per kind of doer:

- a doer outside the state (protesters, an opposition party, rebels, a crowd) acts at its own
  state: the nearest official or body of that state named there, else the state itself when
  the article names it;
- a state acts abroad when another state's actor is named there (the nearest one; for forces
  moved or used, that state itself rather than an official of it who spoke), else at
  home: the nearest non-state group of its own country named there ("police scattered the
  party's supporters and detained a dozen of them"), else its own state; but a government
  body does not condemn, ask or reject its own state ("the foreign ministry condemned the
  drills" has no target).

An act of several doers on two sides ("troops clashed with rebels") has parties, not a
target, and is left as it is; several officials and forces of one state ("troops and police were
sent in") are one doer.

Force told without its doer ("tear gas was used against demonstrators", "two officers were
arrested") takes the doer its context implies, from the same window: force on civilians,
protesters or prisoners is the nearest security force of their state named there; force on
a state's forces is the nearest armed group, or the nearest other state's forces. A
sanction on the doer's own envoy ("recalled its ambassador") is aimed at the state named
there that hosts the envoy.

Only actors the article already has are chosen; when none fits, the slot stays empty. An
event whose target or source came from here has a lower ``confidence``
(``IMPLIED_CONFIDENCE_COST``), so users can tell it from one the clause states.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from ..ontology import STATE_SECTORS
from ..records import Event
from .arguments import CROWD_ROLES, countries_of
from .vocabulary import ARMED_GROUP_SECTORS as ARMED_SECTORS
from .vocabulary import PRESS_SECTORS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..actors import ActorTable
    from ..records import Actor

__all__ = ["DIRECTED_TYPES", "FORCE_TYPES", "implied_parties"]

# PLOVER types that are always aimed at someone (news_dev's coders and PLOVER's own examples
# give every one of them a target); CONSULT, COOPERATE, AGREE and SUPPORT may be reciprocal
# or general ("X pledged to cut emissions") and keep an empty target.
DIRECTED_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST", "SANCTION",
                            "COERCE", "ASSAULT", "MOBILIZE", "AID", "RETREAT"})
# an unspecified promise (CAMEO 030, "pledged close ties", "made the offer")
# is made to someone too, of another state; intent to meet (036) or to aid (033) may not be
DIRECTED_CODES = frozenset({"030"})
# codes that are no state: an international body is never "the other state"
NON_STATE_CODES = frozenset({"IGO", "NGO", "UNO", "EUR", "ISM", "IMG", "MNC"})
# force whose doer the context may give
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# who uses force on a state's people, and who on its forces
SECURITY_SECTORS = frozenset({"MIL", "COP", "SPY"})
# how much less sure an event is when its target was read from the context
IMPLIED_CONFIDENCE_COST = 0.15


def implied_parties(events: tuple[Event, ...], table: ActorTable,
                    sentence_starts: Sequence[int]) -> tuple[Event, ...]:
    """Each directed event of one doer without a target given the target its context
    implies, and each use of force without a doer the doer (when the context names them);
    ``sentence_starts`` are the article's sentence offsets, in order."""
    out = []
    # who protests in the article: whom a state's forces may be sent against at home
    protesters = frozenset(i for e in events if e.type == "PROTEST" for i in e.source)
    for event in events:
        window = _window_start(sentence_starts, event.evidence.start)
        if not event.target and _one_side(event.source, table) and (
                event.type in DIRECTED_TYPES or event.cameo in DIRECTED_CODES):
            if (target := _implied(event, table, window, protesters)) is not None and not (
                    event.cameo in DIRECTED_CODES and _one_country([target], table)
                    == _one_country(event.source, table)):  # a promise to another party
                event = replace(event, target=(target,), confidence=_less_sure(event))
        elif event.type == "SANCTION" and _own_envoys(event, table):
            if (host := _envoys_host(event, table, window)) is not None:
                event = replace(event, target=(host,), confidence=_less_sure(event))
        elif not event.source and event.target and event.type in FORCE_TYPES:
            if (doer := _implied_doer(event, table, window)) is not None:
                event = replace(event, source=(doer,), confidence=_less_sure(event))
        out.append(event)
    return tuple(out)



# roles of a state's envoys abroad: a sanction aimed at them is aimed at their host
ENVOY_WORDS = frozenset({"ambassador", "envoy", "diplomat", "diplomats", "consul", "chargé"})


def _own_envoys(event: Event, table: ActorTable) -> bool:
    """Whether every target is an envoy of the doer's own state ("recalled its ambassador")."""
    own = countries_of(event.source, table)
    targets = [a for i in event.target if (a := table.by_id(i)) is not None]
    return bool(own) and bool(targets) and all(
        a.country in own and any(w in ENVOY_WORDS for w in f"{a.role or ''} {a.name}".lower().split())
        for a in targets)


def _envoys_host(event: Event, table: ActorTable, window_start: int) -> str | None:
    """The other state (or its official) named in the window: where the envoys serve."""
    own = countries_of(event.source, table)
    named = _named(event, table, window_start, {*event.source, *event.target,
                                                 event.attributed_to})
    return _first(a for a in named if a.country and a.country not in NON_STATE_CODES
                  and a.country not in own and (a.kind == "country" or a.sector in STATE_SECTORS))


def _one_country(ids: Iterable[str], table: ActorTable) -> str | None:
    """The country of the actors ``ids`` names, when they have exactly one."""
    countries = countries_of(ids, table)
    return countries.pop() if len(countries) == 1 else None


def _one_side(ids: Sequence[str], table: ActorTable) -> bool:
    """Whether the doers are one party: a single actor, or several officials and forces of
    one state ("troops and police were sent in"), not the two sides of a clash ("troops
    clashed with rebels") nor groups that may be two ("militants and the group")."""
    if len(ids) == 1:
        return True
    doers = [a for i in ids if (a := table.by_id(i)) is not None]
    return len(doers) == len(ids) and _one_country(ids, table) is not None and all(
        a.sector in STATE_SECTORS for a in doers)


def _less_sure(event: Event) -> float:
    return round(max(0.05, event.confidence - IMPLIED_CONFIDENCE_COST), 3)


def _named(event: Event, table: ActorTable, window_start: int,
           left_out: set[str | None]) -> list[Actor]:
    """The actors named from ``window_start`` to the end of the event's sentence, latest
    mention first, those of ``left_out`` aside."""
    seen: dict[str, int] = {}
    for start, _end, actor_id in table.spans:
        if window_start <= start < event.evidence.end and actor_id not in left_out:
            seen[actor_id] = start
    return [a for i in sorted(seen, key=seen.__getitem__, reverse=True)
            if (a := table.by_id(i)) is not None and _aimable(a)]


def _implied_doer(event: Event, table: ActorTable, window_start: int) -> str | None:
    own = _one_country(event.target, table)
    if own is None:
        return None
    done_to = [a for i in event.target if (a := table.by_id(i)) is not None]
    named = _named(event, table, window_start, {*event.target, event.attributed_to})
    if any(a.sector in STATE_SECTORS for a in done_to):
        # "two soldiers were killed": an armed group, or another state's forces
        return _first(a for a in named if a.sector in ARMED_SECTORS or (
            a.country and a.country != own and a.country not in NON_STATE_CODES
            and a.sector in SECURITY_SECTORS))
    # "tear gas was fired at demonstrators": their state's security forces
    return _first(a for a in named if a.country == own and a.sector in SECURITY_SECTORS
                  and a.kind != "country")


def _window_start(sentence_starts: Sequence[int], evidence_start: int) -> int:
    """Where the sentence before the event's own begins (its own when it is the first)."""
    k = bisect.bisect_left(sentence_starts, evidence_start)
    return sentence_starts[k - 1] if k > 0 else evidence_start


def _implied(event: Event, table: ActorTable, window_start: int,
             protesters: frozenset[str] = frozenset()) -> str | None:
    own = _one_country(event.source, table)
    if own is None:
        return None
    doers = [a for i in event.source if (a := table.by_id(i)) is not None]
    # the actors named in the window, latest mention first; never the doer, nor its reporter
    left_out = {*event.source, event.attributed_to}
    named = _named(event, table, window_start, left_out)
    if own in NON_STATE_CODES:
        # an international body acts on the state named there ("the Fund approved the
        # disbursement", after a sentence on Argentina's program)
        return _first(a for a in named if a.country and a.country not in NON_STATE_CODES
                      and (a.kind == "country" or a.sector in STATE_SECTORS))
    state = table.country_actor(own)
    if state in event.source:
        state = None  # a state is not the target of its own act
    if not any(a.sector in STATE_SECTORS for a in doers):
        return _first(a for a in named if a.country == own and a.sector in STATE_SECTORS) \
            or state or (_nearest_official(event, table, own, left_out)
                         if all(a.sector is not None for a in doers) else None)
    abroad = [a for a in named if a.country and a.country != own and a.country not in NON_STATE_CODES]
    if event.type in ("MOBILIZE", "ASSAULT") and abroad and abroad[0].kind == "person":
        # forces moved or used abroad face the other state, not the official who spoke of
        # them: the state's own actor when the article has one
        other = table.by_id(table.country_actor(abroad[0].country) or "")
        abroad = [other] if other is not None else abroad
    return (_first(abroad)
            or _first(a for a in named if a.country == own and a.kind != "country"
                      and a.sector not in STATE_SECTORS
                      and (event.type != "MOBILIZE" or _faced_at_home(a, protesters)))
            or (state if event.type not in ("MOBILIZE", "ASSAULT", "RETREAT")
                and not all(a.sector == "GOV" for a in doers) else None))  # forces are not mobilised against their own state, nor attack it, nor withdraw from it; nor does a
    # government body condemn, ask or reject its own ("China's foreign ministry condemned the
    # drills": an act aimed at the state is told without its aim)


def _faced_at_home(actor: Actor, protesters: frozenset[str]) -> bool:
    """Whom a state's forces are sent against at home: a crowd, an armed group or those
    who protest ("troops were deployed as demonstrators clashed with police", "residents
    took to the streets as police were put on alert"), not any party or person of the
    state named nearby (the leader whose arrest set off the protest)."""
    return actor.role in CROWD_ROLES or actor.sector in ARMED_SECTORS or actor.id in protesters


def _nearest_official(event: Event, table: ActorTable, own: str,
                      left_out: set[str | None]) -> str | None:
    """The official or body of state ``own`` named nearest the event anywhere in the
    article, when the article names no actor for the state itself ("a regional party
    spokeswoman said"); only for doers whose sector is known (a party, protesters, a
    union), not for a name the article does not place."""
    officials = {a.id for a in table.actors if a.country == own
                 and a.sector in STATE_SECTORS} - left_out
    best: tuple[int, str] | None = None
    for start, _end, actor_id in table.spans:
        if actor_id not in officials:
            continue
        distance = abs(start - event.evidence.start)
        if best is None or distance < best[0]:
            best = (distance, actor_id)
    return best[1] if best else None


def _aimable(actor: Actor) -> bool:
    """A state, or an actor whose sector is known and is not the press: not a place read as a
    name ("Basilan"), a competition or a reporter."""
    return actor.kind == "country" or (actor.sector is not None
                                        and actor.sector not in PRESS_SECTORS)


def _first(actors: Iterable[Actor]) -> str | None:
    return next((a.id for a in actors), None)
