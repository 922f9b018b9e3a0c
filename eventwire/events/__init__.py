"""Clauses -> PLOVER events: type, mode, CAMEO code, source, target, date, place, modality.

A trigger is a verb or noun of ``data/event_lexicon.tsv`` ("met with", "a phone call",
"the attack"). Its source and target come from the sentence's structure (subject, object,
passive agent, "with"/"to"/"on"/"against" partners, possessors, coordinated actors), read
through the actor stage's mention index, so pronouns and titles reach the actor they mean.
The date is the time expression attached to the trigger (never the publication date), the
place the toponym attached to it; the modality comes from auxiliaries, governing verbs and
conditionals; ``attributed_to`` is the speaker when the trigger lies inside a quotation.
One real event is one record: repeats inside the article are merged.

Submodules: ``vocabulary`` (closed word classes), ``triggers`` (lexicon matching),
``arguments`` (source and target), ``context`` (modality, date, place, speaker), ``rules``
(coding rules), ``candidates`` (merging and the final records).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..actors.phrases import STATE_SECTORS
from ..records import Event, Place, Quote, Time, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors import ActorTable

from .arguments import (
    _complement_partners,
    _noun_source,
    _np_actors,
    _partners,
    _prep_objects,
    _pronoun_subject,
    _specific,
    _subject_of,
    purpose_partners,
)
from .candidates import _Candidate, _merge, _to_event
from .context import (
    _denies_claim,
    _event_places,
    _event_time,
    _modality,
    _no_event,
    _sole_place,
    _speaker_at,
)
from .rules import (
    NON_EVENTS,
    _accused_acts,
    _allegations,
    _by_parties,
    _by_sector,
    _complement_tokens,
    _demand,
    _denied_acts,
    _deontic,
    _desire,
    _protest_aims,
    _specified,
)
from .triggers import _match, _phrase_tokens
from .vocabulary import (
    CONTENT_TYPES,
    FORCE_TYPES,
    HAZARDS,
    RECIPROCAL_LEMMAS,
    SPORTS_ARTICLE_WORDS,
    SPORTS_WORDS,
    UNKNOWN_SOURCE_TYPES,
    WEAPONS,
)

__all__ = ["find_events"]


# --- the stage ------------------------------------------------------------------------------

def _hosted(event: Event, place_country: dict[str, str | None], table: ActorTable) -> Event:
    """A meeting in one side's country is that side hosting the other's visit (PLOVER
    CONSULT visit: the visitor is the source)."""
    if event.type != "CONSULT" or event.mode is not None or not event.place:
        return event
    host = place_country.get(event.place)

    def countries(ids: tuple[str, ...]) -> set[str]:
        return {a.country for i in ids if (a := table.by_id(i)) is not None and a.country}

    src, tgt = countries(event.source), countries(event.target)
    if not host or not src or not tgt:
        return event
    # a code with the modality folded in (036 "intends to meet") stays; a meeting becomes a visit
    cameo = "042" if event.cameo is None or event.cameo.startswith("04") else event.cameo
    if host in tgt and host not in src:
        return replace(event, mode="visit", cameo=cameo)
    if host in src and host not in tgt:
        return replace(event, mode="visit", cameo=cameo, source=event.target,
                       target=event.source)
    return event


def _names_an_actor(token: Token, table: ActorTable) -> bool:
    """Whether a noun trigger heads the mention of an actor ("the opposition said")."""
    actor = table.by_id(table.resolve(token.idx, token.idx + len(token.text)))
    return actor is not None and any(m.start <= token.idx < m.end and m.end <= token.idx + len(
        token.text) + 1 for m in actor.mentions)


def _own_government(source: list[str], table: ActorTable) -> list[str]:
    """A protest that names no one it is aimed at is aimed at the protesters' own state
    (PLOVER's and ICEWS's reading of a domestic demonstration)."""
    countries = {a.country for i in source if (a := table.by_id(i)) is not None
                 and a.kind in ("group", "organization") and a.sector not in STATE_SECTORS}
    if len(countries) != 1:
        return []
    state = table.country_actor(countries.pop())
    return [state] if state and state not in source else []


def _own_forces(source: list[str], partners: list[str],
                table: ActorTable) -> tuple[list[str], list[str]]:
    """What is mobilised is the source's own force, not a target: "X deployed troops" is X's,
    "troops were deployed" the troops' own act."""
    forces = [a for a in partners if (actor := table.by_id(a)) is not None
              and actor.kind == "group" and actor.sector in ("MIL", "COP")]
    rest = [a for a in partners if a not in forces]
    return (source or forces), rest


def _means_actors(verb: Token, table: ActorTable) -> list[str]:
    """The doer named on the means of a passive act of violence: "killed in Israeli tank
    shelling", "wounded in a Russian airstrike" (but not "killed in Gaza")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            named = any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in pobj.children)
            if named or pobj.lemma_.lower() in WEAPONS or _match(pobj) is not None:
                found = _np_actors(pobj, table) or _noun_source(pobj, table)
                if found:
                    return found
    return []


def _hazard(token: Token) -> bool:
    """Whether the doer of a violent verb is a natural or accidental harm ("forest fires
    killed", "was hit by Tropical Storm X")."""
    if token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that")
                                     for c in token.children):
        head = token.head  # "Tropical Storm X, which killed twelve"
        if any(t.lower_ in HAZARDS for t in head.subtree if t.i <= head.i):
            return True
    for child in token.children:
        doers = [child] if child.dep_ == "nsubj" else [
            p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "agent" else []
        for doer in doers:
            if any(t.lower_ in HAZARDS for t in doer.subtree if t.i <= doer.i):
                return True
    return False


def _sports_sentences(doc: Doc) -> set[int]:
    """Starts of the sentences of a sports report that speak of the game."""
    words = {t.lower_ for t in doc if t.lower_ in SPORTS_WORDS}
    if len(words) < SPORTS_ARTICLE_WORDS:
        return set()
    return {s.start for s in doc.sents if any(t.lower_ in SPORTS_WORDS for t in s)}


def _reciprocal(event: Event, token: Token) -> Event:
    """Talks, signings, cooperation and clashes have parties, not a doer and a done-to: every
    party is a source and the target is empty ("X met Y" as "X and Y held talks"); a visit
    keeps its visitor and host."""
    if not event.target or not event.source:
        return event
    if (event.type == "CONSULT" and event.mode != "visit") or event.type == "COOPERATE" or (
            event.cameo == "057") or token.lemma_.lower() in RECIPROCAL_LEMMAS:
        parties = tuple(dict.fromkeys((*event.source, *event.target)))
        return replace(event, source=parties, target=())
    return event


def find_events(doc: Doc, table: ActorTable, *, quotes: tuple[Quote, ...] = (),
                times: tuple[Time, ...] = (), places: tuple[Place, ...] = (),
                published: date | None = None) -> tuple[Event, ...]:
    """Every political event the article states, once each."""
    place_by_country = {p.country: p for p in places if p.feature == "country"}
    candidates: list[_Candidate] = []
    suppressed: set[int] = set()
    games = _sports_sentences(doc)
    for token in doc:
        if token.i in suppressed or token.sent.start in games:
            continue
        trig = _match(token)
        if trig is None:
            desire = _desire(token, table)
            if desire is not None:
                d_trig, d_source, d_target = desire
                candidates.append(_Candidate(
                    trigger=d_trig, token=token, source=d_source, target=d_target,
                    modality=_modality(token, "REQUEST")[0],
                    attributed_to=_speaker_at(token.idx, quotes)))
                suppressed |= _complement_tokens(token)
            elif token.pos_ == "VERB" and _deontic(token):
                found, _ = _subject_of(token, table)
                speaker = _speaker_at(token.idx, quotes)
                demand = _demand(token, None, speaker, found, table)
                if demand is not None and found:
                    d_trig, reporter = demand
                    candidates.append(_Candidate(
                        trigger=d_trig, token=token, source=reporter, target=found,
                        modality="asserted", attributed_to=speaker))
            continue
        if trig.pos == "NOUN" and _names_an_actor(token, table):
            continue  # "the opposition", "the protesters": who acts, not an act
        phrase = _phrase_tokens(token, trig)
        suppressed |= phrase  # "hold talks": "talks" is this event, not another
        if _denies_claim(token) or _no_event(token):
            continue  # denials are not coded; rights, habits, non-reports state no event
        if trig.pos == "VERB":
            source, passive = _subject_of(token, table)
            partners = _partners(token, table, set(source), phrase)
            if passive:
                agent = [a for c in token.children if c.dep_ == "agent"
                         for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
                if not agent and any(c.dep_ == "agent" and not any(
                        p.dep_ == "pobj" and (_match(p) is not None or p.lemma_.lower() in WEAPONS)
                        for p in c.children) for c in token.children):
                    continue  # "killed by Hurricane Jeanne": no one acted ("by a bomb": someone)
                if not agent and trig.type == "ASSAULT":
                    agent = _means_actors(token, table)  # "killed in Israeli shelling"
                source, partners = agent, source
        else:
            source = _noun_source(token, table)
            partners = _partners(token, table, set(source), phrase)
        if "reversed" in trig.flags:
            # "received aid from X", "received assurances from X" ("from" on the object)
            givers = [a for i in sorted(phrase | {token.i})
                      for a in _prep_objects(doc[i], ("from",), table)]
            source, partners = givers, [a for a in source if a not in givers]
        if trig.type == "ASSAULT" and _hazard(token):
            continue
        trig = _by_sector(trig, source, table)
        speaker = _speaker_at(token.idx, quotes)
        if not source and not (trig.type in UNKNOWN_SOURCE_TYPES and partners) and not (
                _pronoun_subject(token) and _demand(token, trig, speaker, [], table)):
            continue  # PLOVER events need an actor; violence may have an unknown one; a
            # demand that an unresolved "it" or "they" act ("that it must cooperate") has its
            # reporter (but "the film should thank him" is no political demand)
        if "actor_object" in trig.flags and partners and not any(
                _specific(table.by_id(a)) for a in partners):
            continue  # "help people": no one in particular
        if not partners and trig.type in CONTENT_TYPES:
            partners = _complement_partners(token, table, set(source))
        if not partners and trig.type in FORCE_TYPES:
            partners = purpose_partners(token, table, set(source))
        if trig.type == "MOBILIZE":
            source, partners = _own_forces(source, partners, table)
        if trig.type == "PROTEST" and not partners:
            partners = _own_government(source, table)
        trig = _by_parties(trig, source, partners, table)
        trig = _specified(trig, token)
        modality, future = _modality(token, trig.type)
        demand = _demand(token, trig, speaker, source, table)
        if demand is not None:
            (trig, reporter), partners = demand, source
            source = reporter
            modality, future = ("negated", False) if modality == "negated" else ("asserted", False)
        if "actor_object" in trig.flags and not partners:
            continue
        if trig.type == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower() in NON_EVENTS
                                         for c in token.children):
            continue  # "declined to comment" is no rejection
        if trig.type in CONTENT_TYPES:
            suppressed |= _complement_tokens(token)
        when, when_text = _event_time(token, times, doc)
        for place in _event_places(token, trig, places, doc):
            if place is None and trig.type == "CONSULT" and trig.mode is None and partners:
                place = _sole_place(token, places)  # a meeting's place, for _hosted
            targets = partners
            if trig.type == "CONSULT" and place is not None and (
                    (trig.mode == "visit" and (not partners or len(
                        _event_places(token, trig, places, doc)) > 1))
                    or (trig.mode == "multilateral" and not partners)):
                # the host of a visit, or of a summit one attends abroad
                host = table.country_actor(place.country)
                targets = [host] if host and host not in source else partners
            if trig.type == "CONSULT" and not targets and len(source) < 2:
                continue
            if place is None and trig.type == "ASSAULT":
                for actor_id in targets:
                    actor = table.by_id(actor_id)
                    if actor and actor.kind == "country" and actor.country in place_by_country:
                        place = place_by_country[actor.country]
            if not targets and trig.type not in UNKNOWN_SOURCE_TYPES and not any(
                    _specific(table.by_id(a)) for a in source):
                continue  # "critics complained": no one in particular says something to no one
            candidates.append(_Candidate(
                trigger=trig, token=token, source=source, target=targets,
                modality=modality, future=future, date=when, date_text=when_text,
                place=place.id if place else None, attributed_to=speaker,
                place_key=f"{place.name}|{place.country}" if place else None,
            ))
    candidates += _allegations(candidates, table)
    candidates = _protest_aims(candidates)
    _accused_acts(candidates)
    _denied_acts(candidates, table)
    candidates = [c for c in candidates if c.token.i not in suppressed]
    merged = _merge(candidates, table)
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
    return tuple(events)
