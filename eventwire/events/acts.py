"""One trigger read into candidate events: is it an act, who did it to whom, how is it
coded, when, where and how sure. ``read_token`` is the whole decision for one token; the
stage (``find_events``) runs it over the article and merges what it finds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..lexicon import Trigger, lexicon
from ..nlp import doc_text
from ..ontology import CONCESSIVE_ACTS, COOPERATIVE_ACTS, REFUSAL_CAMEO
from ..ontology import STATE_SECTORS as OFFICIAL_SECTORS
from ..quotes.lexicon import speech_cues
from ..records import Place, Quote, Time
from .arguments import (
    _complement_partners,
    _noun_source,
    _np_actors,
    _partners,
    _prep_objects,
    _pronoun_subject,
    _specific,
    _subject_of,
    content_partners,
    countries_of,
    credited_partners,
    crowd_partners,
    facing_partners,
    means_actors,
    object_partners,
    own_envoys,
    own_forces,
    own_government,
    purpose_partners,
    threatened_party,
    weapon_doer,
)
from .candidates import _Candidate
from .coding import recode
from .context import (
    _denier,
    _denies_claim,
    _event_places,
    _event_time,
    _modality,
    _no_event,
    _sole_place,
    _speaker_at,
)
from .evaluations import FRIENDSHIP, befriended, described
from .rules import (
    NON_EVENTS,
    _complement_tokens,
    _demand,
    _deontic,
    _desire,
    _specified,
)
from .triggers import _match, _phrase_tokens
from .vocabulary import (
    AIMS,
    ASKING_FOR,
    ATTITUDE_HEADS,
    CHECKING,
    CONTENT_TYPES,
    EFFORTS,
    ENDING,
    FORCE_TYPES,
    HAZARDS,
    HEARSAY,
    INSTRUMENTS,
    PRESS_SECTORS,
    PROSPECTS,
    REACTION_TYPES,
    REFERENCE_HEADS,
    SPORTS_ARTICLE_WORDS,
    SPORTS_WORDS,
    UNKNOWN_SOURCE_TYPES,
    WEAPONS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors import ActorTable
    from ..records import Actor

__all__ = ["Reading", "read_token"]


@dataclass(slots=True)
class Reading:
    """What the reading of one article shares: its parse, actors, quotations, times and
    places, and the tokens already taken by an earlier trigger ("talks" in "hold talks")."""

    doc: Doc
    table: ActorTable
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    suppressed: set[int] = field(default_factory=set)
    games: set[int] = field(default_factory=set)
    place_by_country: dict[str | None, Place] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.games = _sports_sentences(self.doc)
        self.place_by_country = {p.country: p for p in self.places if p.feature == "country"}


# A warning threatens only when what it warns of is an act ("warned that it would strike").
WARNINGS = frozenset({"warn", "caution"})
THREAT_MODALS = frozenset({"will", "would", "'ll", "shall"})


def _warns_of_an_act(token: Token) -> bool:
    """Whether a warning's complement names an act (a trigger of the lexicon)."""
    subjects = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if any(t.i != token.i and t.i not in subjects and _match(t) is not None
           for t in token.subtree):
        return True
    # "warned that more strikes would not be allowed": a clause of what will be done
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in THREAT_MODALS
                                         for a in c.children) for c in token.children)


def _addressee(token: Token, table: ActorTable) -> bool:
    """Whether a warning is addressed to a state, body or person ("warned X of serious
    consequences"), not to the public ("warned residents")."""
    return any(c.dep_ in ("dobj", "dative") and (actor := table.by_id(table.resolve(
        c.idx, c.idx + len(c.text)))) is not None and actor.kind in ("country", "organization", "person")
        for c in token.children)


# Acts that face whoever is where they happen ("massed near the border with X").
FACING_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST"})
# Verbs of refusing: what is refused must itself be an act ("refused to withdraw"), not
# "asked not to be named".
REFUSALS = frozenset({"decline", "refuse"})
# what a crowd gathers for that is no protest: "took to the streets to celebrate"
FESTIVE = frozenset({"celebrate", "commemorate", "welcome", "cheer", "greet", "watch",
                     "enjoy", "party", "dance"})


def _things_only(verb: Token, table: ActorTable) -> bool:
    """Whether a verb's direct objects name no actor and no one is named beside them (an
    indirect object, a prepositional object): "captured a bigger market share", not
    "provided refuge to X" nor "helped the dissidents asylum"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(_np_actors(c, table) for c in objects):
        return False
    return not any((c.dep_ in ("dative", "iobj") and _np_actors(c, table)) or (
        c.dep_ in ("prep", "dative") and any(g.dep_ == "pobj" and _np_actors(g, table)
                                             for g in c.children)) for c in verb.children)


def _festive(token: Token) -> bool:
    """Whether a gathering's purpose clause is a celebration or a welcome, and only that
    (not "marched to honour the dead and demand justice")."""
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in FESTIVE
               and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               and all(g.lemma_.lower() in FESTIVE for g in c.children if g.dep_ == "conj")
               for c in token.children)


def read_token(token: Token, r: Reading) -> list[_Candidate]:
    """The candidate events one token states (none for most tokens)."""
    if token.i in r.suppressed or token.sent.start in r.games:
        return []
    found = described(token, r.table, r.quotes)
    if found is not None:  # "described the ruling as an unfriendly act": an accusation
        coding, source, partners, description = found
        r.suppressed |= description
        return _decided(token, coding, source, partners, r)
    bond = befriended(token, r.table)
    if bond is not None:  # "her country is a true friend of the Kenyan people"
        return _decided(token, FRIENDSHIP, *bond, r)
    trig = _match(token)
    if trig is None:
        return _untriggered(token, r)
    if trig.pos == "NOUN" and (_names_an_actor(token, r.table)
                               or _describes_someone(token, r.table)):
        return []  # "the opposition", "the protesters": who acts, not an act
    if trig.type == "PROTEST" and _festive(token):
        return []  # "thousands took to the streets to celebrate the victory": no protest
    if token.dep_ == "amod" and token.tag_ == "VBG" and token.head.dep_ != "attr":
        # (not "has been dispatching units", which the parser reads as "been [dispatching units]")
        return []  # "its withdrawing member states", "the attacking forces": who, not an act
    phrase = _phrase_tokens(token, trig)
    r.suppressed |= phrase  # "hold talks": "talks" is this event, not another
    if trig.type in CONTENT_TYPES:  # "gave the rebels an ultimatum to surrender": its content
        r.suppressed |= {c.i for p in phrase for c in token.doc[p].children
                         if c.dep_ == "acl" and c.pos_ == "VERB"}
    if trig.type == "THREATEN" and token.pos_ == "VERB":
        # "threatened to kill the cricketers": the killing is what is threatened, no act
        r.suppressed |= {c.i for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"}
    if trig.type == "REQUEST" and token.pos_ == "VERB":
        # "demanding an inquiry into the killings": what is asked for is no act yet
        r.suppressed |= {c.i for c in token.children
                         if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in phrase}
    if _purpose(token, trig):
        return []  # "deposited $3 billion to support the economy": the aim of an act told
    if _denies_claim(token) or _no_event(token):
        return []  # denials are not coded; rights, habits, non-reports state no event
    parties = _parties(token, trig, phrase, r)
    if parties is None:
        return []
    source, partners = parties
    if trig.type == "ASSAULT" and _hazard(token):
        return []
    if trig.pos == "NOUN" and not source and token.dep_ == "pobj" and token.head.lower_ in FRAMES:
        return []  # "abuses committed during the war with the rebels": when, not what is told
    if _unconfirmed(token):
        return []  # "the UN is looking into claims that five villagers died"
    if trig.pos == "NOUN" and token.lemma_.lower() in EFFORTS and any(
            c.dep_ in ("acl", "prep") and (c.lower_ == "against" or any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children) or c.lower_ == "for" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in AIMS for g in c.children))
            for c in token.children) and not _armed(token, r.table):
        return []  # "its battle to stop a referendum", "a war against corruption", "a fight
        # for the right to settle": an effort
    if trig.pos == "NOUN" and trig.type == "AGREE" and _reacted_to(token):
        r.suppressed |= _complement_tokens(token)  # "a proposal to end the fighting"
        return []  # "turned down Chile's bid", "accepted a Norwegian plan": the
        # reaction is the event; the offer was made before
    if _since(token):
        return []  # "her first trip there since the two states signed a treaty in 2019": a past
        # point that the report counts from, not an act it tells
    if trig.pos == "NOUN" and token.dep_ == "attr" and any(
            c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it")
            for c in token.head.children):
        return []  # "This is X's second trip to Y this year": the act told before, described
    if trig.pos == "NOUN" and _spoken_of(token):
        return []  # "once the six-week truce expired", "the talks were a failure": the act
        # is what is spoken of, not told here
    if _serves(token, trig):
        return []  # "used water cannon to scatter the marchers": one act, with its aim
    if _allowed_by_an_act(token):
        return []  # "a security accord that would let either state station troops": what
        # the pact would let be done, not an act
    if trig.type == "THREATEN" and token.lemma_.lower() in WARNINGS and not (
            _warns_of_an_act(token) or _addressee(token, r.table)):
        return []  # "warned of lower growth", "warned that a storm was near": no threat
    return _decided(token, trig, source, partners, r)


# --- read: tokens that are no trigger, and triggers that state no act ------------------------

def _clause_verb(node: Token) -> Token:
    """The verb whose clause ``node`` belongs to, through infinitive complements and
    conjoined verbs ("refused to meet", "met and signed")."""
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    return node


def _since(token: Token) -> bool:
    """Whether the trigger's clause is a "since" clause: the time something is counted from."""
    node = _clause_verb(token)
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                        for c in node.children)


def _referred_to(noun: Token) -> bool:
    """Whether a noun act is named only as what something else concerns: the implementation
    or collapse of it, an attitude to it, an appeal for it, or a time after it ended."""
    prep = noun.head
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ENDING for c in noun.children):
        return True
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    owner = prep.head
    if prep.lower_ == "of" and owner.lemma_.lower() in REFERENCE_HEADS:
        return True
    if owner.pos_ == "NOUN" and owner.lower_ in ATTITUDE_HEADS:
        return True
    return prep.lower_ == "for" and owner.pos_ == "VERB" and owner.lemma_.lower() in ASKING_FOR \
        and _match(owner) is None


def _spoken_of(noun: Token) -> bool:
    """Whether a noun act is the subject of a clause that says something of it rather than
    that it happened ("the ceasefire ended", "the sanctions hurt the economy"), and names no
    doer ("Russia's attack killed ten" tells the attack)."""
    if _referred_to(noun):
        return True
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_.lower() in OCCURRENCE:
        return False
    if any(c.dep_ == "aux" and c.lower_ in PROSPECTS for c in noun.head.children):
        return True  # "the pact will boost trade": what it will do, not that it was
    return not any(c.dep_ in ("poss", "prep") and (c.dep_ == "poss" or c.lower_ == "by")
                   or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
                   for c in noun.children)


def _allowed_by_an_act(token: Token) -> bool:
    """Whether the trigger is what an act or agreement will or would bring about or allow:
    the infinitive of a verb whose subject is an act noun ("the accord would let them
    station ships") or a relative pronoun standing for one ("an accord that would let ...")."""
    verb = token
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if not any(c.dep_ == "aux" and c.lower_ in PROSPECTS for c in verb.children):
            continue
        for subj in verb.children:
            if subj.dep_ != "nsubj":
                continue
            thing = verb.head if subj.lower_ in ("that", "which") and verb.dep_ == "relcl" \
                else subj
            if thing.pos_ == "NOUN" and (thing.lemma_.lower() in INSTRUMENTS
                                         or thing.lemma_.lower() in lexicon().nouns):
                return True
        return False
    return False


def _reacted_to(noun: Token) -> bool:
    """Whether an offer, proposal or agreement is what another act is done to: the object
    of an event verb ("rejected X's offer", "welcomed the plan", "committed to the deal")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    found = _match(verb) if verb.pos_ == "VERB" and verb.i != noun.i else None
    return found is not None


def _purpose(token: Token, trig: Trigger) -> bool:
    """Whether a verb act is the purpose of another act of another type ("deposited $3
    billion to support the economy"): what it is for, not a second event ("will visit Lima
    to hold talks" is one event, merged)."""
    if token.dep_ != "advcl" or token.head.i == token.i or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = _match(token.head)
    return head is not None and head.type != trig.type


def _serves(token: Token, trig: Trigger) -> bool:
    """Whether a use of force is the aim or manner of another of the same type, whose event
    it is part of: "used water cannon to scatter the marchers", "opened fire, wounding three"
    (the head's event takes the target from it: ``purpose_partners``)."""
    if trig.type not in FORCE_TYPES or token.dep_ != "advcl" or token.head.i == token.i:
        return False
    if not (token.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        return False
    head = _match(token.head)
    return head is not None and head.type == trig.type


def _untriggered(token: Token, r: Reading) -> list[_Candidate]:
    """"X wants Y to withdraw" (an appeal) and "Y must withdraw", said by X (a demand)."""
    table = r.table
    desire = _desire(token, table)
    if desire is not None:
        d_trig, d_source, d_target = desire
        r.suppressed |= _complement_tokens(token)
        return [_Candidate(trigger=d_trig, token=token, source=d_source, target=d_target,
                           modality=_modality(token, "REQUEST")[0],
                           attributed_to=_speaker_at(token.idx, r.quotes))]
    if token.pos_ == "VERB" and _deontic(token):
        found, _ = _subject_of(token, table)
        speaker = _speaker_at(token.idx, r.quotes)
        demand = _demand(token, None, speaker, found, table)
        if demand is not None and found:
            d_trig, reporter = demand
            return [_Candidate(trigger=d_trig, token=token, source=reporter, target=found,
                               modality="asserted", attributed_to=speaker)]
    return []


# prepositions that make a noun act the time frame of another ("during the war")
FRAMES = frozenset({"during", "amid", "amidst", "throughout"})


def _names_an_actor(token: Token, table: ActorTable) -> bool:
    """Whether a noun trigger heads the mention of an actor ("the opposition said")."""
    actor = table.by_id(table.resolve(token.idx, token.idx + len(token.text)))
    return actor is not None and any(m.start <= token.idx < m.end and m.end <= token.idx + len(
        token.text) + 1 for m in actor.mentions)


def _describes_someone(token: Token, table: ActorTable) -> bool:
    """Whether a noun act is a modifier in the name of who someone is ("the ceasefire
    monitoring chief X", "a sanctions envoy"): the compound's head is an actor's mention."""
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i != token.i and head.pos_ in ("NOUN", "PROPN") and table.resolve(
        head.idx, head.idx + len(head.text)) is not None and _match(head) is None


def _unconfirmed(token: Token) -> bool:
    """Whether the act is what a report says that is being checked."""
    node = _clause_verb(token)
    if node.dep_ not in ("acl", "ccomp", "relcl") or node.head.lower_ not in HEARSAY:
        return False
    verb = node.head.head
    if node.head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "looking into reports that ..."
    return verb.lemma_.lower() in CHECKING or (verb.lemma_.lower() == "look" and any(
        c.lower_ == "into" for c in verb.children))


def _armed(token: Token, table: ActorTable) -> bool:
    """Whether a fight's "against" names an armed actor ("the war against the rebels")."""
    return any(actor is not None and actor.sector in ("MIL", "REB", "UAF", "COP")
               for c in token.children if c.dep_ == "prep" and c.lower_ == "against"
               for p in c.children if p.dep_ == "pobj"
               for actor in (table.by_id(table.resolve(p.idx, p.idx + len(p.text))),))


def _hazard(token: Token) -> bool:
    """Whether the doer of a violent verb is a natural or accidental harm ("forest fires
    killed", "was struck by Cyclone X"); a conjoined verb shares its first verb's doer
    ("fires burned forests and killed 90 people")."""
    while token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        token = token.head
    if token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that")
                                     for c in token.children):
        head = token.head  # "Tropical Storm X, which killed twelve"
        if any(t.lower_ in HAZARDS for t in head.subtree if t.i <= head.i):
            return True
        if head.ent_type_ in ("DATE", "TIME") and head.dep_ == "pobj":
            # "was struck by Cyclone X in May, which left forty dead": the clause the
            # date belongs to says what did it
            token = head.head.head
    for child in token.children:
        doers = [child] if child.dep_ == "nsubj" else [
            p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "agent" else []
        for doer in doers:
            if any(t.lower_ in HAZARDS for t in doer.subtree if t.i <= doer.i):
                return True
    return False


_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _sports_sentences(doc: Doc) -> set[int]:
    """Starts of the sentences of a sports report that speak of the game."""
    words = set(_WORDS.findall(doc_text(doc).lower())) & SPORTS_WORDS  # cheap: most are not
    if len(words) < SPORTS_ARTICLE_WORDS:
        return set()
    # read as the article was ("Tri-Nations" is one word, though the tokenizer cut it)
    return {s.start for s in doc.sents if set(_WORDS.findall(s.text.lower())) & SPORTS_WORDS}



# --- decide: who did it to whom ---------------------------------------------------------------

def _reported_by(token: Token, source: list[str], table: ActorTable) -> bool:
    """Whether the source is the subject of a verb of reporting the trigger's clause hangs on
    ("..., the AP reported"), not of the trigger or a verb that controls it ("the paper was
    about to publish the list")."""
    node = token
    for _ in range(5):
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and set(_np_actors(c, table)) & set(source):
                return node.i != token.i and speech_cues().is_cue(node, direct=False)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# verbs of getting ready: the force they ready is shown, not yet used
READYING = frozenset({"prepare", "ready", "gear", "brace"})


def _readied(token: Token) -> bool:
    """Whether a use of force is what its subject is getting ready for ("prepared to bomb the
    camps", "readied troops to attack") rather than announced or promised."""
    node = token
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in READYING:
            return True
    return False


# what a refusal to respond answers: an appeal, whose refusal is a rejection
APPEAL_NOUNS = frozenset({"demand", "call", "request", "appeal", "ultimatum", "offer",
                          "proposal", "invitation", "plea"})
ANSWERING = frozenset({"respond", "answer", "reply", "react"})


def _answered_appeal(token: Token, table: ActorTable) -> list[str] | None:
    """Who made the appeal a refusal declines to answer ("would not answer an appeal from
    Chile": Chile), or None when the refusal answers no appeal ("declined to comment")."""
    if token.lemma_.lower() not in REFUSALS:
        return None
    for xcomp in (c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in ANSWERING):
        appeals = [c for c in xcomp.children if c.dep_ == "dobj"]  # "to answer an appeal"
        appeals += [p for c in xcomp.children if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children if p.dep_ == "pobj"]  # "to respond to a demand"
        for appeal in appeals:
            if appeal.lemma_.lower() in APPEAL_NOUNS:
                return object_partners(appeal, table, preps=frozenset({"from", "by"}), author=True)
    return None


def _late_agent(verb: Token, table: ActorTable) -> list[str]:
    """The agent of a passive the parser hung at the end of its active gerund complement:
    "was accused of misusing funds by the government" (the government accuses); never the
    agent of a passive gerund ("accused of being paid by X")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "with", "for"):
            continue
        for gerund in prep.children:
            if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or any(
                    c.dep_ == "auxpass" for c in gerund.children):
                continue
            return [a for c in gerund.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
    return []


def _parties(token: Token, trig: Trigger, phrase: set[int],
             r: Reading) -> tuple[list[str], list[str]] | None:
    """Source and partners by the trigger's frame: subject and objects; a passive's agent
    (or the means it was done with); a noun's possessor or "by" agent; the giver of what is
    received. None when a passive names a doer that is no one ("killed by Hurricane X")."""
    table = r.table
    if trig.pos == "VERB":
        source, passive = _subject_of(token, table)
        partners = _partners(token, table, set(source), phrase,
                             author=trig.type in REACTION_TYPES,
                             people=trig.type == "SANCTION", patients=trig.type in PATIENT_TYPES)
        if passive:
            agent = [a for c in token.children if c.dep_ == "agent"
                     for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
            if not agent and any(c.dep_ == "agent" and not any(
                    p.dep_ == "pobj" and (_match(p) is not None or p.lemma_.lower() in WEAPONS)
                    for p in c.children) for c in token.children):
                return None  # "killed by Hurricane Jeanne": no one acted ("by a bomb": someone)
            if not agent and trig.type == "ASSAULT":
                agent = means_actors(token, table)  # "killed in Israeli shelling"
            if not agent:
                agent = _late_agent(token, table)  # "accused of misusing funds by X"
            source, partners = agent, source
        elif not source and trig.type == "ASSAULT":
            source = weapon_doer(token, table)  # "a missile fired by X hit ..."
        elif not source and trig.type == "PROTEST" and token.dep_ == "acl" and token.tag_ == "VBG":
            source = _np_actors(token.head, table)  # "demonstrators protesting the results"
    else:
        source = _noun_source(token, table)
        partners = _partners(token, table, set(source), phrase,
                             author=trig.type in REACTION_TYPES,
                             people=trig.type == "SANCTION", patients=trig.type in PATIENT_TYPES)
        if not source:
            # "talks between X and Y", "clashes between troops and rebels": all are its doers
            between = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                       for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
            if len(between) > 1:
                source, partners = between, [a for a in partners if a not in between]
    if trig.pos == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in UNDERGOING:
        # "Iran faces new sanctions from the EU": the one who faces the act undergoes it
        undergoer, passive = _subject_of(token.head, table)
        if undergoer and not passive:
            return _prep_objects(token, ("from", "by"), table), undergoer
    if trig.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "under" \
            and token.head.head.lemma_.lower() in COMING_UNDER:
        # "the convoy came under fire from rebels", "the capital was under attack": the
        # subject undergoes it; its doer is the "from"/"by" party, if any
        verb = token.head.head
        undergoer, passive = _subject_of(verb, table)
        if undergoer and not passive:
            return (_prep_objects(token, ("from", "by"), table)
                    or _prep_objects(verb, ("from", "by"), table)), undergoer
    if "reversed" in trig.flags:
        # "received aid from X", "received assurances from X" ("from" on the object); a
        # loan agreed "with" its lender
        givers = [a for i in sorted(phrase | {token.i})
                  for a in _prep_objects(token.doc[i], ("from", "with"), table)]
        source, partners = givers, [a for a in source if a not in givers]
    return source, partners


def _own_force(actor_id: str, own: set[str], table: ActorTable) -> bool:
    """Whether a partner is an armed force or police of the source's countries ``own``."""
    actor = table.by_id(actor_id)
    return actor is not None and actor.sector in ("MIL", "COP") and actor.country in own


def _completed(token: Token, trig: Trigger, source: list[str], partners: list[str],
               table: ActorTable) -> tuple[list[str], list[str]]:
    """Partners the frame's own slots left empty: the content's ("offered talks with X"),
    the purpose's ("to disperse the protesters"); a mobilised force is its source's own; a
    protest aimed at no one is aimed at its own state."""
    if not partners and trig.type in CONTENT_TYPES:
        partners = _complement_partners(token, table, set(source)) or (
            content_partners(token, table, set(source)) if trig.type == "REQUEST" else [])
    if not partners and trig.type in FORCE_TYPES:
        partners = purpose_partners(token, table, set(source))
    if not partners and trig.type == "SUPPORT":
        partners = credited_partners(token, table, set(source))
    if not partners and trig.type in ("ASSAULT", "COERCE"):
        partners = crowd_partners(token, table, source)
    if trig.type == "THREATEN":
        own = countries_of(source, table)
        aimed = [a for a in partners if (actor := table.by_id(a)) is None
                 or actor.country not in own]  # "warned that Israel would ...": its own side
        partners = aimed or threatened_party(token, table, source) or [
            a for a in partners if not _same_side(source, a, table)]  # (but at home, the state
        # threatens protesters or rebels: "would not allow protesters to block roads")
    if trig.type in ("SANCTION", "RETREAT"):
        partners = own_envoys(source, partners, table)  # "recalled its ambassador to X"
    if trig.type in ("MOBILIZE", "RETREAT"):  # a withdrawal's "its troops" are its own too
        source, partners = own_forces(source, partners, table, named=True)
    if trig.type in FACING_TYPES:
        own = countries_of(source, table)
        if all(_own_force(a, own, table) for a in partners):
            # "put its forces on high alert near X", "mobilised reservists near the border with X"
            partners = facing_partners(token, table, set(source)) or partners
    if trig.type == "PROTEST" and not partners:
        partners = own_government(source, table, token.idx)
    return source, partners


# acts whose refusal is a rejection ("will not accept refugees": REJECT, CAMEO 12x)
REFUSABLE = COOPERATIVE_ACTS | CONCESSIVE_ACTS | {"AGREE"}
ORDERS = frozenset({"order", "instruct", "tell", "direct", "ask", "urge", "advise", "warn"})
REFUSING = frozenset({"refuse", "fail", "decline"})
COMMANDS = frozenset({"order", "instruct", "direct", "command"})
# what an appeal to no one may ask for that is no one's act ("called for peace")
GENERIC_ASKS = frozenset({"peace", "calm", "restraint", "dialogue", "de-escalation", "unity",
                          "stability", "tolerance", "patience", "moderation", "reconciliation",
                          "escalation", "harmony", "justice"})
# verbs that say a noun act happened ("clashes broke out", "the attack took place")
OCCURRENCE = frozenset({"take", "happen", "occur", "begin", "start", "erupt", "break", "continue",
                        "resume", "come", "escalate", "kill", "wound", "injure", "leave", "hit",
                        "target", "destroy", "damage", "spread", "intensify"})
STATE_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY", "OPP", "REB", "PTY"})

def _generic_appeal(token: Token) -> bool:
    """Whether an appeal asks for a state of things rather than an act of someone's ("called
    for peace", "urged calm", "appealed for dialogue to ease the dispute")."""
    asked = [g for c in token.children
             if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "for")
             for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in ("pobj", "dobj")]
    return bool(asked) and all(g.lemma_.lower() in GENERIC_ASKS for g in asked)


# what a state orders a body outside it to stop: its activity, restricted by that order
STOPPING = frozenset({"suspend", "stop", "cease", "halt", "close", "shut", "end"})


def _silenced(token: Token, source: list[str], partners: list[str], table: ActorTable) -> bool:
    """Whether an order of the state tells a body outside it (a newspaper, a party, a
    charity) to stop its activity ("ordered the newspaper to suspend publication")."""
    doers = [table.by_id(a) for a in source]
    bodies = [table.by_id(a) for a in partners]
    return bool(doers) and bool(bodies) and all(
        d is not None and d.sector in ("GOV", "JUD", "COP") for d in doers) and all(
        b is not None and (b.kind in ("organization", "group") or b.sector in PRESS_SECTORS)
        and b.sector not in ("GOV", "MIL", "COP", "SPY") for b in bodies) and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in STOPPING for c in token.children)


def _subordinates(source: list[str], partners: list[str], table: ActorTable) -> bool:
    """Whether everyone given an order serves the state that gives it: its own forces,
    police or officials."""
    own = countries_of(source, table)
    actors = [table.by_id(a) for a in partners]
    return bool(own) and bool(actors) and all(
        a is not None and a.country in own and a.kind != "country"
        and a.sector in ("GOV", "MIL", "COP", "SPY") for a in actors)


def _refusal(token: Token, source: list[str], table: ActorTable) -> bool:
    """Whether a cooperative act said not to be done is a refusal by its source: a state,
    body, person or force declining it ("will not accept refugees", "failed to reach an
    agreement", "refused to meet"), not a condition ("if Tokyo does not withdraw"), an order
    ("was ordered not to comment"), a description ("not making loans directly") or a
    statement about talk ("we are not talking about ...")."""
    if token.tag_ in ("VBG", "VBN") and not (token.dep_ == "xcomp" and token.head.lemma_.lower()
                                            in REFUSING):
        return False
    node = _clause_verb(token.head if token.pos_ == "NOUN" and token.dep_ == "dobj"
                        else token)  # "not provide support"
    if node.lemma_.lower() in ORDERS or node.tag_ in ("VBG", "VBN") or (
            node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children)):
        return False
    if not (any(c.dep_ == "neg" for c in node.children) or node.lemma_.lower() in REFUSING):
        return False  # "I don't rule out that X may return": the negation is another verb's
    actors = [table.by_id(a) for a in source]
    return bool(actors) and all(a is not None and (
        a.kind in ("country", "organization", "person") or a.sector in STATE_SECTORS
        or (a.kind == "group" and a.role is None and a.country)) for a in actors)  # "Israelis"


# verbs whose subject undergoes the act their object names ("faces sanctions", "suffered attacks")
UNDERGOING = frozenset({"face", "risk", "suffer", "endure", "undergo"})
# acts done to whom their noun's "of" names ("ordered the expulsion of five diplomats", "the
# arrest of X"); not "announced the withdrawal of troops", whose troops are the doer's own
PATIENT_TYPES = frozenset({"COERCE", "SANCTION", "ASSAULT"})
# verbs whose subject is "under" an act: "came under attack", "was under fire"
COMING_UNDER = frozenset({"come", "be", "remain", "fall"})
# acts of moving people out of harm's way: aid when they are others, not when they are one's own
EVACUATIONS = frozenset({"evacuate", "evacuation", "airlift", "repatriate", "repatriation"})
POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})


def _own_people_moved(token: Token, source: list[str], partners: list[str],
                      table: ActorTable) -> bool:
    """A state evacuating its own nationals or staff ("Ottawa launched an evacuation of
    Canadian staff", "evacuated 300 Canadian nationals"): no aid to another party."""
    if token.lemma_.lower() not in EVACUATIONS or not source:
        return False
    own = countries_of(source, table)
    if partners and countries_of(partners, table) and countries_of(partners, table) <= own:
        return True
    moved = [c for c in token.children if c.dep_ == "dobj"] + [
        p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj"]
    for noun in moved:
        for mod in noun.children:
            if mod.dep_ == "poss" and mod.lower_ in POSSESSIVES:
                return True
            if mod.dep_ in ("amod", "compound") and lexicon().country_code(mod.text) in own:
                return True
    return False


def _same_side(source: list[str], other: str, table: ActorTable) -> bool:
    """Whether ``other`` is of the source's own state and, like it, that state (its
    government, officials, forces): a state does not threaten itself."""
    actor = table.by_id(other)
    doers = [a for i in source if (a := table.by_id(i)) is not None]
    if actor is None or not doers:
        return False

    def official(a: Actor) -> bool:
        return a.kind == "country" or a.sector in OFFICIAL_SECTORS

    return actor.country in {d.country for d in doers} and official(actor) and official(doers[0])


def _figurative_doer(token: Token) -> bool:
    """Whether an active verb's subject is a thing that does the act only in a figure of
    speech: no weapon ("a bomb hit the bus") and no act ("fighting hit the town"); the actor
    stage found no actor in it."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in WEAPONS and s.lemma_.lower() not in lexicon().nouns
        for s in subjects)


def _decided(token: Token, trig: Trigger, source: list[str], partners: list[str],
             r: Reading) -> list[_Candidate]:
    """Coding (by the parties, by what is asked), modality, reporter, then one candidate per
    place (a visit to two capitals is two visits)."""
    table = r.table
    trig = recode(trig, "source", source, [], table)
    speaker = _speaker_at(token.idx, r.quotes)
    if not source and not (trig.type in UNKNOWN_SOURCE_TYPES and partners) and not (
            _pronoun_subject(token) and _demand(token, trig, speaker, [], table)):
        return []  # PLOVER events need an actor; violence may have an unknown one; a demand
        # that an unresolved "it" or "they" act ("that it must cooperate") has its reporter
        # (but "the film should thank him" is no political demand)
    if "needs_doer" in trig.flags and not source and _figurative_doer(token):
        return []  # "a slump in demand hit the airline": no one hit anyone
    if "actor_object" in trig.flags and partners and not any(
            _specific(table.by_id(a)) for a in partners):
        return []  # "help people": no one in particular
    if "actor_object" in trig.flags and trig.pos == "VERB" and _things_only(token, table):
        return []  # "captured a bigger market share": what is acted on is no one
    source, partners = _completed(token, trig, source, partners, table)
    trig = recode(trig, "parties", source, partners, table)
    if trig.type == "PROTEST" and not partners:
        partners = own_government(source, table, token.idx)  # recoded: "protesters blocked the road"
    trig = _specified(trig, token)
    modality, future = _modality(token, trig.type)
    if trig.type == "ASSAULT" and modality == "intended" and _readied(token):
        # "the navy prepared to bomb the camps": readying force is a show of it (CAMEO 15)
        trig, modality, future = replace(trig, type="MOBILIZE", mode=None, cameo="150"), "asserted", False
    demand = _demand(token, trig, speaker, source, table)
    if demand is not None:
        (trig, reporter), partners = demand, source
        source = reporter
        modality, future = ("negated", False) if modality == "negated" else ("asserted", False)
    elif modality == "negated" and _denier(token) is None:
        # an act said not to be done: refused cooperation or concession is a rejection, as
        # PLOVER and CAMEO code it ("will not accept refugees" 12x); any other act not done
        # ("decided not to veto", "will not respond") is no event. A claim that is denied
        # ("denied that its forces had fired") stays, negated.
        if trig.type not in REFUSABLE or not _refusal(token, source, table):
            return []
        trig = replace(trig, type="REJECT", mode=None, cameo=REFUSAL_CAMEO.get(trig.type, "120"))
        modality, future = "asserted", False
    if "actor_object" in trig.flags and not partners:
        return []
    if trig.type == "CONSULT" and partners and all(
            (a := table.by_id(p)) is not None and a.sector in PRESS_SECTORS for p in partners):
        return []  # "spoke to reporters", "briefed journalists": a statement, not a meeting
    if source and all((a := table.by_id(p)) is not None and a.sector in PRESS_SECTORS
                      for p in source) and _reported_by(token, source, table):
        return []  # "..., allowing protesters in, the AP reported": a reporter reports, it
        # does not do what it reports ("a newspaper defied the ban" is its own act)
    if trig.type == "AID" and _own_people_moved(token, source, partners, table):
        return []  # "evacuation of Canadian staff" by Ottawa: no aid to anyone
    if trig.type == "REQUEST" and not partners and _generic_appeal(token):
        return []  # "called for peace", "urged calm": an appeal to no one for no one's act
    if trig.type == "REQUEST" and token.lemma_.lower() in COMMANDS and _subordinates(
            source, partners, table):
        return []  # "the president ordered the army to ...": an instruction inside one state
    if trig.type == "REQUEST" and token.lemma_.lower() in COMMANDS and _silenced(token, source, partners, table):
        # "the government ordered the newspaper to suspend publication": a restriction imposed
        trig = replace(trig, type="COERCE", mode="restrict", cameo="1721")
    answered = _answered_appeal(token, table)
    if answered is not None:
        partners = partners or answered  # "would not answer an appeal from X": X's appeal
    elif trig.type == "REJECT" and any(c.dep_ == "xcomp" and (c.lemma_.lower() in NON_EVENTS or (
            token.lemma_.lower() in REFUSALS and _match(c) is None)) for c in token.children):
        return []  # "declined to comment" is no rejection
    if trig.type in CONTENT_TYPES:
        r.suppressed |= _complement_tokens(token)
    when = _event_time(token, r.times, r.doc)
    out: list[_Candidate] = []
    for place in _event_places(token, trig, r.places, r.doc):
        targets, place = _hosted_by(token, trig, source, partners, place, r)
        if trig.type == "CONSULT" and not targets and len(source) < 2 and not (
                modality == "intended" and not future):
            continue  # a meeting has two parties; the wish for one ("ready to talks") has one
        if not targets and trig.type not in UNKNOWN_SOURCE_TYPES and not any(
                _specific(table.by_id(a)) for a in source):
            continue  # "critics complained": no one in particular says something to no one
        out.append(_Candidate(
            trigger=trig, token=token, source=source, target=targets,
            modality=modality, future=future, date=when.date, date_text=when.text,
            date_source=when.source,
            place=place.id if place else None, attributed_to=speaker,
            place_key=f"{place.name}|{place.country}" if place else None,
        ))
    return out


def _hosted_by(token: Token, trig: Trigger, source: list[str], partners: list[str],
               place: Place | None, r: Reading) -> tuple[list[str], Place | None]:
    """Targets and place of one reading: the host of a visit or of a summit abroad; the
    place of an attack on a state."""
    table = r.table
    if place is None and trig.type == "CONSULT" and trig.mode is None and partners:
        place = _sole_place(token, r.places)  # a meeting's place, for _hosted
        if place is not None and table.resolve(place.start, place.end) in (*source, *partners):
            place = None  # "Ethiopia held talks with X": a party named, not where they met
    targets = partners
    if trig.type == "CONSULT" and place is not None and (
            (trig.mode == "visit" and (not partners or len(
                _event_places(token, trig, r.places, r.doc)) > 1))
            or (trig.mode == "multilateral" and not partners)):
        host = table.country_actor(place.country)
        targets = [host] if host and host not in source else partners
    if place is None and trig.type == "ASSAULT":
        for actor_id in targets:
            actor = table.by_id(actor_id)
            if actor and actor.kind == "country" and actor.country in r.place_by_country:
                place = r.place_by_country[actor.country]
    return targets, place
