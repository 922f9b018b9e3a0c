"""Events before they are final: candidates, merging repeats of one event, the records."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..lexicon import Trigger
from ..ontology import cameo_coded
from ..records import Event, Evidence, Place, Span, stable_id
from ..times import dates_meet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors import ActorTable
from .arguments import countries_of
from .placing import SENTENCE
from .vocabulary import MERGEABLE_EMPTY, RECIPROCAL_LEMMAS, UNKNOWN_SOURCE_TYPES

# How far apart (in tokens) two reports of violence may be and still be one event when one of
# them names no perpetrator ("militants raided a base ... Three soldiers were killed").
NEAR_TOKENS = 150


@dataclass(slots=True)
class _Candidate:
    trigger: Trigger
    token: Token
    source: list[str]
    target: list[str]
    modality: str
    future: bool = False  # intended as mere future ("will visit"), not as expressed intent
    date: str | None = None  # a TIMEX3 value (2016, 2015-12, 2015-W52, a day)
    date_text: str | None = None
    date_source: str | None = None
    place: str | None = None
    attributed_to: str | None = None
    place_key: str | None = None
    covered: set[int] = field(default_factory=set)

    @property
    def fullness(self) -> int:
        return (2 * bool(self.target) + bool(self.date) + bool(self.place)
                + bool(self.source) + len(self.trigger.phrase))


def _same_event(a: _Candidate, b: _Candidate, table: ActorTable) -> bool:
    if a.trigger.type != b.trigger.type or a.modality != b.modality:
        return False
    if a.trigger.type in DISTINCT_BY_CODE and a.trigger.cameo and b.trigger.cameo \
            and a.trigger.cameo[:3] != b.trigger.cameo[:3]:
        return False  # "exchanged agreements" (057) and "commended her efforts" (051): two acts
    if a.date and b.date and not dates_meet(a.date, b.date):
        return False
    if a.date and b.date and {len(a.date), len(b.date)} == {4, 10} \
            and a.token.sent.start != b.token.sent.start:
        return False  # "on Thursday" and, in another sentence, "earlier this year": two acts
    if a.place_key and b.place_key and a.place_key.split("|")[-1] != b.place_key.split("|")[-1] \
            and a.trigger.type == "CONSULT":
        return False  # meetings in two states are two meetings (Athens and Greece are one place)
    sa, sb, ta, tb = set(a.source), set(b.source), set(a.target), set(b.target)
    if a.trigger.type in UNKNOWN_SOURCE_TYPES and a.token.sent.start == b.token.sent.start and (
            (sa | ta) & (sb | tb) or countries_of(a.source + a.target, table)
            & countries_of(b.source + b.target, table)):
        return True  # "troops clashed with rebels, killing a fighter": one fight, told twice
    if a.trigger.type in UNKNOWN_SOURCE_TYPES and (not sa or not sb) \
            and abs(a.token.i - b.token.i) <= NEAR_TOKENS:
        # a casualty report without a doer repeats the nearby act that has one
        return not ta or not tb or bool(ta & tb) or bool(
            countries_of(a.target, table) & countries_of(b.target, table))
    if a.trigger.type == "CONSULT":
        pa, pb = sa | ta, sb | tb
        if pa == pb:
            return True
        if a.place_key and a.place_key == b.place_key and sa & sb and ta and tb and \
                countries_of(a.target, table) & countries_of(b.target, table):
            return True  # "will visit X to hold talks with X's president": one trip
        if "visit" in (a.trigger.mode, b.trigger.mode) and sa & sb and ta and tb and \
                countries_of(a.target, table) & countries_of(b.target, table):
            return True  # "X's first trip to Chile", "X met Chile's president": one trip
        if not ta or not tb:
            return bool(sa & sb) or _vaguer_same_country(a.source, b.source, table)
        return False
    if not (sa & sb or _vaguer_same_country(a.source, b.source, table)):
        return False
    if (sa | sb) & (ta | tb):
        return False  # "X and Y signed a declaration" and "X praised Y": two acts, since one
        # would have Y act on itself
    if a.token.sent.start == b.token.sent.start and ta & tb:
        return True  # "We ask the police to ..., she said, calling on X and the police"
    return ta == tb or ((not ta or not tb) and a.trigger.type in MERGEABLE_EMPTY)


# types whose CAMEO codes name different acts, never one act told twice: signing an
# agreement (057), praising (051), recognising (054)
DISTINCT_BY_CODE = frozenset({"SUPPORT"})


def _vaguer_same_country(a: list[str], b: list[str], table: ActorTable) -> bool:
    """"France" and "the French minister" as sources: the same state, one named vaguely."""
    kinds = {actor.kind for i in a + b if (actor := table.by_id(i))}
    return "country" in kinds and bool(countries_of(a, table) & countries_of(b, table))


def _named_closer(kept: list[str], other: list[str], table: ActorTable) -> list[str]:
    """The other telling's target when it names more closely whom the act hit: people or a
    body of the state the kept one names only as a state ("an attack on the capital, killing
    residents": the residents)."""
    states = [a for i in kept if (a := table.by_id(i)) is not None and a.kind == "country"]
    closer = [a for i in other if (a := table.by_id(i)) is not None and a.kind != "country"]
    if not kept or len(states) != len(kept) or not other or len(closer) != len(other):
        return []
    return list(other) if {a.country for a in closer} <= {a.country for a in states} else []


def _merge(candidates: list[_Candidate], table: ActorTable) -> list[_Candidate]:
    out: list[_Candidate] = []
    for c in candidates:
        twin = next((o for o in out if _same_event(o, c, table)), None)
        if twin is None:
            out.append(c)
            continue
        keep, other = (twin, c) if twin.fullness >= c.fullness else (c, twin)
        merged = replace(
            keep,
            source=keep.source + [a for a in other.source if a not in keep.source and a not in keep.target
                                  and not countries_of([a], table) <= countries_of(keep.source, table)],
            target=_named_closer(keep.target, other.target, table) or keep.target + [
                a for a in other.target if a not in keep.target and a not in keep.source and not keep.target],
            date=keep.date or other.date, date_text=keep.date_text if keep.date else other.date_text,
            date_source=keep.date_source if keep.date else other.date_source,
            place=keep.place or other.place, place_key=keep.place_key or other.place_key,
            attributed_to=keep.attributed_to or other.attributed_to,
        )
        if merged.trigger.type == "CONSULT" and merged.trigger.mode is None and \
                other.trigger.mode == "visit":
            # talks held during a visit: the visit, with the person met as its target
            merged.trigger = replace(merged.trigger, mode="visit", cameo=other.trigger.cameo)
        if merged.trigger.type == "REQUEST" and (merged.trigger.cameo or "").startswith("02") \
                and (other.trigger.cameo or "").startswith("10"):
            # one request told as a call and as a demand: a demand (CAMEO root 10)
            merged.trigger = replace(merged.trigger, cameo="10" + (merged.trigger.cameo or "")[2:])
        out[out.index(twin)] = merged
    return out


def _to_event(c: _Candidate, doc: Doc) -> Event:
    sent = c.token.sent
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    trig = c.trigger
    confidence = 0.4 + 0.2 * bool(c.target) + 0.1 * (len(trig.phrase) > 1) + 0.1 * bool(c.date) \
        + 0.1 * (c.trigger.pos == "VERB")
    event_id = stable_id("ev", trig.type, c.token.idx, ",".join(c.source), ",".join(c.target),
                         c.place_key or "")
    cameo = cameo_coded(trig.type, c.modality, trig.cameo,
                        future=c.future and "intent_when_future" not in trig.flags)
    event_type, mode = trig.type, trig.mode
    if c.modality == "intended" and (cameo or "").startswith("03") and trig.type != "AGREE" \
            and c.token.pos_ == "VERB":
        # intent its source states ("plans to reestablish ties", "said it would send aid") is
        # a promise, AGREE, as PLOVER and CAMEO (03x) code it; a merely scheduled act ("will
        # visit on Monday") and an announced one ("announced the dispatch of a delegation")
        # keep their type
        event_type, mode = "AGREE", None
    return Event(
        id=event_id, type=event_type, mode=mode, context=trig.context,
        cameo=cameo,
        source=tuple(c.source), target=tuple(c.target), date=c.date, date_text=c.date_text,
        date_source=c.date_source,
        place=c.place, place_source=SENTENCE if c.place else None, modality=c.modality,
        attributed_to=c.attributed_to, evidence=Evidence(start=start, end=start + len(text), text=text),
        confidence=min(confidence, 0.95),
        trigger=Span(start=c.token.idx, end=c.token.idx + len(c.token.text)),
    )


def _hosted(event: Event, place_country: dict[str, str | None], table: ActorTable) -> Event:
    """A meeting in one side's country is that side hosting the other's visit (PLOVER
    CONSULT visit: the visitor is the source)."""
    if event.type != "CONSULT" or event.mode is not None or not event.place:
        return event
    host = place_country.get(event.place)

    src, tgt = countries_of(event.source, table), countries_of(event.target, table)
    # a code with the modality folded in (036 "intends to meet") stays; a meeting becomes a visit
    cameo = "042" if event.cameo is None or event.cameo.startswith("04") else event.cameo
    if host and not event.target and host in src and len(src) > 1:
        # "Greek and Turkish leaders met in Athens": the Greeks host the Turks' visit
        hosts = tuple(a for a in event.source if countries_of([a], table) == {host})
        guests = tuple(a for a in event.source if a not in hosts and countries_of([a], table))
        if hosts and guests and len(guests) + len(hosts) == len(event.source):
            return replace(event, mode="visit", cameo=cameo, source=guests, target=hosts)
    if not host or not src or not tgt:
        return event
    if host in tgt and host not in src:
        return replace(event, mode="visit", cameo=cameo)
    if host in src and host not in tgt:
        return replace(event, mode="visit", cameo=cameo, source=event.target,
                       target=event.source)
    return event


def _reciprocal(event: Event, token: Token) -> Event:
    """Talks, signings, cooperation and clashes have parties, not a doer and a done-to: every
    party is a source and the target is empty ("X met Y" as "X and Y held talks"); a visit
    keeps its visitor and host."""
    if not event.target or not event.source:
        return event
    if (event.type == "CONSULT" and event.mode != "visit") or event.type == "COOPERATE" or (
            event.cameo == "057") or (event.type == "ASSAULT" and token.lemma_.lower() in RECIPROCAL_LEMMAS
                                      and not any(c.dep_ == "prep" and c.lower_ == "against"
                                                  for c in token.children)):  # (a fight
        # against X is aimed at X)
        parties = tuple(dict.fromkeys((*event.source, *event.target)))
        return replace(event, source=parties, target=())
    return event


def emit(merged: list[_Candidate], doc: Doc, places: tuple[Place, ...],
         table: ActorTable) -> tuple[Event, ...]:
    """The records, in text order: visits told as meetings made visits, reciprocal acts
    listed by their parties, one id each."""
    events: list[Event] = []
    seen: set[str] = set()
    place_country = {p.id: p.country for p in places}
    for c in merged:
        event = _reciprocal(_hosted(_to_event(c, doc), place_country, table), c.token)
        n = 1
        while event.id in seen:  # one trigger, several events (a visit to two capitals)
            n += 1
            event = replace(event, id=stable_id("ev", event.id, n))
        seen.add(event.id)
        events.append(event)
    # an act told again with less: "seven civilians were killed" in a report of an attack by
    # X is that attack, not one by no one; "X condemned the move" after "X condemned Y's move"
    told = {e.type for e in events if e.source}
    aimed = {(e.type, frozenset(e.source)) for e in events if e.target}
    return tuple(e for e in events if (e.source or e.type not in told)
                 and (e.target or (e.type, frozenset(e.source)) not in aimed)
                 and not _home_visit(e, table))


def _home_visit(event: Event, table: ActorTable) -> bool:
    """Whether a visit is to the visitor's own state ("stopped over in Hamilton", a territory
    of the visitor's country): a journey at home, no meeting between actors."""
    if event.type != "CONSULT" or event.mode != "visit" or not event.target:
        return False
    hosts = [table.by_id(a) for a in event.target]
    home = countries_of(list(event.target), table)
    return all(h is not None and h.kind == "country" for h in hosts) and bool(home) \
        and home == countries_of(list(event.source), table)
