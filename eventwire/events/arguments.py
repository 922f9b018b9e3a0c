"""Who does what to whom: sources and targets from subjects, objects, agents, possessors
and partner prepositions, read through the actor stage's span index."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..lexicon import lexicon, place_nouns
from ..ontology import STATE_SECTORS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors import ActorTable
    from ..records import Actor
from .triggers import _match
from .vocabulary import (
    AGENT_PREPS,
    FORCE_MEANS,
    PARTNER_PREPS,
    QUANTIFIERS,
    STATIVE_PARTICIPLES,
    WEAPONS,
)

# --- actors of a phrase ----------------------------------------------------------------

# what belongs to a state, whoever of it is named as the owner ("the ministry ... its territory")
TERRITORY_NOUNS = frozenset({"territory", "soil", "airspace", "waters", "border", "borders"})


def _state_of(actor_id: str, table: ActorTable) -> str:
    """The state an official body stands for, when the article names it; else the body."""
    actor = table.by_id(actor_id)
    if actor is None or actor.kind == "country" or actor.sector not in ("GOV", "MIL", "COP", "LEG"):
        return actor_id
    return table.country_actor(actor.country) or actor_id


def _np_actors(token: Token, table: ActorTable, depth: int = 0) -> list[str]:
    """Actors named by the noun phrase headed by ``token``, coordinated ones included."""
    out: list[str] = []
    span_start, span_end = token.idx, token.idx + len(token.text)
    actor = table.resolve(span_start, span_end)
    if actor is None:
        # "Armenia's sovereign territory": the possessor; "a delegation of X": X
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.ent_type_ in (
                    "GPE", "ORG")):
                actor = table.resolve(child.idx, child.idx + len(child.text))
                if actor and token.lemma_.lower() in TERRITORY_NOUNS:
                    actor = _state_of(actor, table)  # "its territory": the ministry's state's
                if actor:
                    break
        if actor is None and token.pos_ == "PROPN":
            # "Zia-Ul-Haq", "F.W. de Klerk": the NER took part of the name; its other words
            # hang off the head as compounds
            for child in token.lefts:
                if child.dep_ == "compound" and child.pos_ == "PROPN":
                    actor = table.resolve(child.idx, child.idx + len(child.text))
                    if actor:
                        break
        if actor is None and token.ent_type_ in ("DATE", "TIME"):
            # "met with President X Tuesday": the parser made the day the head of the name
            for child in token.children:
                if child.dep_ == "compound":
                    actor = table.resolve(child.idx, child.idx + len(child.text))
                    if actor:
                        break
        if actor is None and token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP":
                    # "the Russian moves": the demonym's state, when the article has it as an actor
                    actor = table.resolve(child.idx, child.idx + len(child.text)) or \
                        table.country_actor(lexicon().country_code(child.text))
                    if actor:
                        break
        if actor is None and (token.pos_ == "NOUN" or token.lower_ in QUANTIFIERS or token.pos_ == "NUM") \
                and depth < 2:
            # "the convoy of X", "supporters of X", "some of the protesters": X
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = _np_actors(pobj, table, depth + 1)
                            if found:
                                return found
        if actor is None and token.pos_ == "NOUN" and depth < 2:
            # "flood victims in Australia", "refugees from Syria": the people of that state
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from"):
                    for pobj in child.children:
                        found_id = table.resolve(pobj.idx, pobj.idx + len(pobj.text))
                        state = table.by_id(found_id)
                        if pobj.dep_ == "pobj" and state is not None and state.kind == "country":
                            actor = found_id
        if actor is None and token.pos_ == "PRON" and token.lower_ in ("whom", "who", "which", "that"):
            head = token.head
            while head.dep_ not in ("relcl",) and head.head.i != head.i:
                head = head.head
            if head.dep_ == "relcl":
                return _np_actors(head.head, table, depth + 1)
    if actor is not None:
        out.append(actor)
        # "the two leaders", a plural "they": one mention of several actors
        out.extend(a for a in table.sharing(actor, span_start, span_end) if a not in out)
        # "French and Egyptian warships": the coordinated demonyms name further actors
        for child in token.children:
            if child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP":
                for conj in child.children:
                    if conj.dep_ == "conj" and conj.ent_type_ == "NORP":
                        other = table.resolve(conj.idx, conj.idx + len(conj.text))
                        if other and other not in out:
                            out.append(other)
    if depth < 4:
        for child in token.children:
            if child.dep_ == "pobj" and actor is not None and \
                    table.resolve(child.idx, child.idx + len(child.text)) == actor:
                # a first name parsed as a preposition ("Barack/ADP Obama/pobj and ..."):
                # the coordination hangs off the rest of the same name
                for a in _np_actors(child, table, depth + 1):
                    if a not in out:
                        out.append(a)
            elif child.dep_ == "appos" and actor is not None and child.pos_ in ("PROPN", "NOUN"):
                # "al-Shabaab, the militant group in Somalia": the same actor described; only an
                # actor the apposition itself names is another ("X, Y's envoy, and ...")
                other = table.resolve(child.idx, child.idx + len(child.text))
                if other and other not in out:
                    out.append(other)
            elif child.dep_ == "appos" and child.ent_type_ == "PERSON" \
                    and token.lemma_.lower() in place_nouns():
                continue  # "targeted the city, Ana Torres, its mayor, said": no person is a city
            elif (child.dep_ in ("conj", "appos") and child.pos_ in ("PROPN", "NOUN", "PRON")) or (
                    child.dep_ == "nmod" and any(c.dep_ == "cc" and c.lower_ == "and"
                                                 for c in child.children)):
                # "X and Y"; and "President X and President Y" that the parser hung as a
                # modifier of the second name ("X/nmod and/cc President/conj Y")
                for a in _np_actors(child, table, depth + 1):
                    if a not in out:
                        out.append(a)
            elif child.dep_ == "prep" and child.lower_ in ("as", "along") and depth < 3:
                for grand in child.subtree:
                    if grand.dep_ == "pobj" or grand.dep_ == "conj":
                        for a in _np_actors(grand, table, depth + 1):
                            if a not in out:
                                out.append(a)
    return out


def countries_of(ids: Iterable[str], table: ActorTable) -> set[str]:
    """The countries of the actors ``ids`` names (those that have one)."""
    return {a.country for i in ids if (a := table.by_id(i)) is not None and a.country}


def _specific(actor: Actor | None) -> bool:
    """An actor that is someone in particular: a country, body or named person, or a group
    with a country ("Kenyan protesters"), not "people" or "critics"."""
    return actor is not None and (actor.country is not None
                                  or actor.kind in ("country", "organization", "person"))


def _pronoun_subject(verb: Token) -> bool:
    """Whether the clause subject of ``verb`` is a pronoun ("that it must cooperate")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def _subject_of(verb: Token, table: ActorTable) -> tuple[list[str], bool]:
    """Actors of the clause subject of ``verb`` (climbing xcomp/conj chains); passive flag."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                # "X ... and were released by Y": a passive conjunct's inherited subject is
                # what the act was done to
                inherited_passive = current.i != verb.i and any(
                    c.dep_ == "auxpass" for c in verb.children)
                return _np_actors(child, table), inherited_passive
            if child.dep_ == "nsubjpass":
                # "X has been indicted and will resign": the conjunct is active;
                # "X is opposed to", "X is committed to": adjectival, not passive
                active = (current.i != verb.i and not any(c.dep_ == "auxpass" for c in verb.children)
                          ) or (verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(
                              c.dep_ == "agent" for c in verb.children))
                return _np_actors(child, table), not active
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in (
                "VERB", "AUX"):
            governor = current.head.head
            # "accused X of violating", "blamed X for attacking", "stopped X from entering": X;
            # not an adjunct ("closed the border after accusing Y": the subject accused)
            controller = next((c for c in governor.children if c.dep_ == "dobj"), None) \
                if current.head.lower_ in CONTROLLED_PREPS else None
            if controller is not None:
                return _np_actors(controller, table), False
            current = governor  # "X resorted to throwing stones"
            continue
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in OBJECT_CONTROL:
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if controller is not None and (found := _np_actors(controller, table)):
                return found, False  # "made the cabinet send soldiers": the cabinet
        if current.dep_ == "amod" and current.tag_ == "VBG" and current.head.dep_ == "attr":
            current = current.head.head  # "has been dispatching units", read as "been [units]"
            continue
        if current.dep_ == "advcl" and current.tag_ == "VBG" and current.head.lemma_ == "be" \
                and (absolute := _absolute_before(current)) is not None \
                and (named := _np_actors(absolute, table)):
            return named, False  # "X has been in turmoil, with the opposition blaming Y,
            # urging him to resign": the participle goes on with the opposition, not X's state
        if current.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp") and current.head.i != current.i:
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                if current.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in current.children):
                    return _np_actors(current.head, table), True  # "a hostage being held"
                if current.tag_ == "VBD":  # a finite clause the parser hung off its subject
                    return _np_actors(current.head, table), False
                if current.tag_ == "VBG" and _absolute(current.head) \
                        and (named := _np_actors(current.head, table)):
                    return named, False  # "..., with the opposition blaming X": the opposition
                    # (not "a truce with rebels trying to seize power": who the rebels are)
                return _noun_source(current.head, table), False
            current = current.head
        elif current.dep_ == "relcl":
            return _np_actors(current.head, table), False
        else:
            break
    return _preceding_actor(verb, table), False


# prepositions whose gerund the governing verb's object does ("accused X of spying")
CONTROLLED_PREPS = frozenset({"of", "for", "from", "into"})
# verbs whose object does what their infinitive says ("forced X to withdraw", "allowed X to")
OBJECT_CONTROL = frozenset({"force", "compel", "oblige", "allow", "permit", "enable", "prompt",
                            "lead", "push", "pressure", "cause", "help", "order", "instruct",
                            "command", "direct"})


def _preceding_actor(verb: Token, table: ActorTable) -> list[str]:
    """When the parser lost the subject: the actor mentioned right before the verb group."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod")
                            and c.i < verb.i])
    i = first - 1
    if i < verb.sent.start or doc[i].is_punct:
        return []
    actor = table.resolve(doc[i].idx, doc[i].idx + len(doc[i].text))
    return [actor] if actor else []


# nouns that measure out an act named in their "of" ("two rounds of talks", "three days of
# war games", "a series of air strikes"): the act is done by whoever does the measure
MEASURES = frozenset({"round", "day", "week", "month", "hour", "year", "series", "wave", "spate",
                      "string", "flurry", "barrage", "volley", "salvo", "campaign", "bout"})


# Prepositions that give a clause's cause or what it went on despite: the act they name is
# not done by the clause's subject ("fled amid shelling", "stayed despite the air strikes").
CAUSE_PREPS = frozenset({"because", "due", "owing", "amid", "amidst", "despite", "notwithstanding"})


def _noun_source(noun: Token, table: ActorTable) -> list[str]:
    """Who does what a noun names: possessor, "by" agent, else the governing clause's subject."""
    for child in noun.children:
        if child.dep_ == "poss":
            found = _np_actors(child, table)
            if found:
                return found
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _np_actors(pobj, table)
                    if found:
                        return found
    where = _where_named(noun)
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and (child.ent_type_ == "NORP" or (
                child.ent_type_ == "GPE" and not where) or (
                child.pos_ == "NOUN" and table.resolve(child.idx, child.idx + len(child.text)))):
            found = _np_actors(child, table)  # "Israeli shelling", "Israeli tank shelling"
            if found:
                return _voiced_by(noun, found, table) or found
    found = _answerable(noun, table)
    if found:
        return found
    if any(c.dep_ == "prep" and c.lower_ == "between" and any(
            g.dep_ == "pobj" and _np_actors(g, table) for g in c.children) for c in noun.children):
        return []  # "amid clashes between police and protesters": they are its parties
    # the governing clause's subject, only for "X held talks", "X ... during a call":
    # the noun is the verb's object or hangs off it through one preposition
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MEASURES:
        noun = noun.head.head  # "held two rounds of talks", "launched a series of air strikes"
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in CAUSE_PREPS:
            return []  # "X closed shops because of tear gas": what befell X, not what X did
        head = head.head
    elif noun.dep_ not in ("dobj", "attr", "nsubjpass"):
        return []
    if head.pos_ in ("PROPN", "NOUN") and table.resolve(head.idx, head.idx + len(head.text)):
        return _np_actors(head, table)  # a caption: "X (right) at talks with Y"
    if _shared_with(noun):
        head = _clause_of(head)  # "X reaffirmed his support for the truce in a call with Y",
        # however the parse hangs the call: X is on it
    if head.pos_ not in ("VERB", "AUX"):
        return []
    if head.lemma_.lower() not in lexicon().support_verbs and noun.dep_ != "pobj":
        return []  # "X condemned the attack", "X avoided sanctions": X did not do it
    if noun.dep_ == "pobj" and _match(head) is not None and not _shared_with(noun):
        return []  # "X protested against the raid": the raid is someone else's (but "X, in a
        # call with Y, agreed to ...": X is on the call)
    found, passive = _subject_of(head, table)
    return [] if passive else found


def _absolute_before(verb: Token) -> Token | None:
    """The subject of an absolute "with X V-ing" phrase of ``verb``'s head, before ``verb``."""
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < verb.i:
            for noun in prep.children:
                if noun.dep_ == "pobj" and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in noun.children):
                    return noun
    return None


def _where_named(noun: Token) -> bool:
    """Whether a place's name before an act of violence says where it was ("killed in a
    Somalia attack", "the Kabul bombing"), not who did it: so unless the act's aim is named
    ("a Russia attack on Kyiv"); "UK aid", "US sanctions" name the giver."""
    if not any(c.dep_ == "compound" and c.ent_type_ == "GPE" for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ in ("on", "against") for c in noun.children):
        return False
    trig = _match(noun)
    return trig is not None and trig.type == "ASSAULT"


def _absolute(noun: Token) -> bool:
    """Whether a noun is the subject of an absolute "with" phrase, set off from its clause or
    hung on a main verb that is no act ("..., with the opposition blaming X", "clashes
    went on with rebels shelling the town"), not a partner ("a truce with rebels
    trying to seize power", "met with rebels fighting in the north")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("with", "without"):
        return False
    if prep.i == prep.sent.start or prep.doc[prep.i - 1].text == ",":
        return True
    return prep.head.dep_ == "ROOT" and prep.head.pos_ in ("VERB", "AUX") and _match(prep.head) is None


def _clause_of(token: Token, steps: int = 4) -> Token:
    """The verb whose clause a noun phrase lies in, up through its objects and prepositions
    (at most ``steps``); the token itself when there is none."""
    node = token
    for _ in range(steps):
        if node.pos_ in ("VERB", "AUX") or node.dep_ not in ("dobj", "pobj", "prep", "nsubj", "nsubjpass"):
            break
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else token


def _shared_with(noun: Token) -> bool:
    """Whether a noun after "in", "during" or "at" is an act done with a partner ("in a
    phone call with X", "during talks with X", "at a meeting with X"): the clause's subject
    takes part in it."""
    return noun.head.lower_ in ("in", "during", "at") and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)


# verbs by which someone states their state's stance ("reaffirmed Kenyan support for X")
VOICING_VERBS = frozenset({"stress", "reaffirm", "express", "voice", "reiterate", "underline",
                           "emphasise", "emphasize", "convey", "extend", "pledge", "restate"})


def _voiced_by(noun: Token, state: list[str], table: ActorTable) -> list[str]:
    """The official who states a state's stance ("she reaffirmed Kenyan backing for X", "the
    minister reaffirmed Kenya's commitment"): the stance is that person's act, of that state."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in VOICING_VERBS:
        return []
    countries = countries_of(state, table)
    speakers = [a for c in verb.children if c.dep_ == "nsubj" for a in _np_actors(c, table)]
    return [a for a in speakers if (actor := table.by_id(a)) is not None and actor.kind == "person"
            and actor.country in countries]


# Words that make someone answerable for an act named after "for": "X claimed responsibility
# for the attack", "X was blamed for the killing", "X is responsible for the bombing".
ANSWERABLE = frozenset({"responsibility", "responsible", "blame", "credit"})


def _answerable(noun: Token, table: ActorTable) -> list[str]:
    """Who is said to have done the act a noun names, by being blamed or claiming
    responsibility for it: the blamed ("X was blamed for", "blamed X for"), the claimant
    ("X claimed responsibility for", "X is responsible for")."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "claim":
        found, passive = _subject_of(noun.head, table)  # "X claimed the attack"
        return [] if passive else found
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "for" \
            or prep.head.lemma_.lower() not in ANSWERABLE:
        return []
    word = prep.head
    if word.pos_ == "VERB":  # "blame": the blamed is its object, or a passive's subject
        found, passive = _subject_of(word, table)
        if passive:
            return found
        return [a for c in word.children if c.dep_ == "dobj" for a in _np_actors(c, table)]
    # "claimed/took/bears responsibility for", "is responsible for": the clause's subject
    verb = word.head if word.dep_ in ("dobj", "acomp", "attr") else word
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    found, passive = _subject_of(verb, table)
    return [] if passive else found


# Prepositions whose object is the partner of a noun that spells or carries an act:
# "sanctions on X", "aid to X", "talks with X", "an offer from X", "a package of loans for X".
OBJECT_PREPS = frozenset({"on", "to", "with", "against", "from", "for", "over", "toward",
                          "towards", "between", "into", "at", "behind"})  # "support behind X"


# An act named as the object of another ("rejected an offer from X", "proposed talks with
# X", "condemned X's attack"): its doer and its partners, not whom it was done to ("condemned
# the attack on X" does not accuse X).
EVENT_OBJECT_PREPS = frozenset({"from", "by", "with", "between", "to"})  # "granted a loan to X"


def object_partners(noun: Token, table: ActorTable, depth: int = 0,
                    preps: frozenset[str] = OBJECT_PREPS, possessor: bool = True,
                    author: bool = False) -> list[str]:
    """Who a noun's act concerns: its possessor ("X's proposal"), its partner prepositions
    ("sanctions on X", "an offer from X"), through "of" ("an offer of talks from X"); with
    ``author``, who made it: "an Indian proposal", "calls by X"."""
    out: list[str] = []
    if author:
        preps = preps | AGENT_PREPS
    for child in noun.children:
        found: list[str] = []
        if child.dep_ == "poss":
            found = _np_actors(child, table) if possessor else []
        elif author and child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP":
            found = _np_actors(child, table)
        elif author and child.dep_ == "compound" and child.ent_type_ == "GPE":
            # "the Cairo initiative", "the Egypt plan": the state, or its capital's government
            lex = lexicon()
            code = lex.country_code(child.text) or lex.capitals.get(child.lower_)
            state = table.country_actor(code) if code else None
            found = [state] if state else []
        elif child.dep_ == "prep" and child.lower_ in preps:
            found = [a for p in child.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
        elif child.dep_ == "prep" and child.lower_ == "of" and depth < 2:
            found = [a for p in child.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "NUM")
                     for a in object_partners(p, table, depth + 1, preps, possessor)]
        elif child.dep_ == "conj" and child.pos_ == "NOUN" and depth < 2:
            found = object_partners(child, table, depth + 1, preps, possessor)
        elif child.dep_ == "acl" and "by" in preps:  # "the offer made by X"
            found = [a for agent in child.children if agent.dep_ == "agent"
                     for p in agent.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
        out.extend(a for a in found if a not in out)
    return out


def credited_partners(token: Token, table: ActorTable, exclude: set[str]) -> list[str]:
    """Whom praise or thanks is for, named as the giver of what it is for: "conveyed
    gratitude for the assistance provided by India", "praised the support from X"."""
    holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
    out: list[str] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for p in prep.children:
                    if p.dep_ == "pobj":
                        out += [a for a in object_partners(p, table, preps=frozenset({"from"}),
                                                           author=True)
                                if a not in exclude and a not in out]
    return out


def purpose_partners(token: Token, table: ActorTable, exclude: set[str]) -> list[str]:
    """Whom a use of force is aimed at, named in its purpose or manner clause: "used water
    cannon to scatter the marchers", "answered with batons, driving back the crowd"."""
    out: list[str] = []
    verb = token
    while verb.pos_ in ("NOUN", "PROPN", "ADP") and verb.dep_ in ("dobj", "pobj", "prep") \
            and verb.head.i != verb.i:
        verb = verb.head  # "responded with tear gas, pushing back the crowd": the clause's verb
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and (child.tag_ == "VBG" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
            for obj in child.children:
                if obj.dep_ in ("dobj", "dative"):
                    out.extend(a for a in _np_actors(obj, table) if a not in exclude and a not in out)
    return out


def _prep_objects(token: Token, preps: tuple[str, ...], table: ActorTable) -> list[str]:
    out: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(a for a in _np_actors(pobj, table) if a not in out)
    return out


def _complement_partners(token: Token, table: ActorTable, exclude: set[str]) -> list[str]:
    """"offered to start talks with X", "agreed to meet X": the partner of the content
    (named directly, not through a possessor: "respect X's integrity" does not address X)."""
    out: list[str] = []

    def direct(t: Token) -> None:
        for node in [t, *(c for c in t.children if c.dep_ == "conj")]:
            actor = table.resolve(node.idx, node.idx + len(node.text))
            if actor and actor not in exclude and actor not in out:
                out.append(actor)

    for child in token.children:
        if child.dep_ not in ("xcomp", "acl", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        for grand in child.children:
            if grand.dep_ == "nsubj" and child.dep_ == "ccomp":
                direct(grand)  # "demanded that X pay", "warned that X would face"
            elif grand.dep_ == "ccomp" and child.dep_ == "xcomp":  # "offered to help X rebuild"
                for subj in grand.children:
                    if subj.dep_ == "nsubj":
                        direct(subj)
            elif grand.dep_ == "dative" and grand.pos_ == "ADP":  # "to send aid to X"
                for pobj in grand.children:
                    direct(pobj)
            elif grand.dep_ in ("dobj", "dative") and _own_forces_moved(child, grand, table, exclude):
                continue  # "agreed to withdraw troops from the border": their own troops
            elif grand.dep_ in ("dobj", "dative"):
                direct(grand)
                if grand.pos_ == "NOUN":  # "to impose sanctions on X", "to send aid to X"
                    out.extend(a for a in object_partners(grand, table, possessor=False)
                               if a not in exclude and a not in out)
            elif grand.dep_ == "prep" and grand.lower_ in ("with", "to", "on", "against", "into", "at"):
                for pobj in grand.children:
                    if not _instrument(grand, pobj):
                        direct(pobj)
    return out


# verbs that move or stand down forces: their object is the mover's own force
MOVING_FORCES = frozenset({"withdraw", "deploy", "send", "pull", "station", "move", "redeploy",
                           "dispatch", "mobilize", "mobilise", "demobilize", "demobilise", "reduce",
                           "cut", "recall"})


def _own_forces_moved(verb: Token, obj: Token, table: ActorTable, doers: set[str]) -> bool:
    """Whether ``obj`` is forces that ``verb`` moves and that are the doers' own or of no
    country ("agreed to withdraw troops", "pledged to send its soldiers")."""
    if verb.lemma_.lower() not in MOVING_FORCES:
        return False
    own = countries_of(doers, table)
    forces = [f for a in _np_actors(obj, table) if (f := table.by_id(a)) is not None]
    return bool(forces) and all(f.sector in ("MIL", "COP") and (f.country is None or f.country in own)
                                for f in forces)


def _instrument(prep: Token, noun: Token) -> bool:
    """Whether "with" brings what an act is done with ("encircle the city with tanks"), not
    whom it is done with."""
    return prep.lower_ == "with" and noun.lemma_.lower() in FORCE_MEANS


# gatherings held by a body, where an act happens ("at the AU summit", "at the UN General
# Assembly"): the body is the venue's, not a party to the act
GATHERINGS = frozenset({"summit", "forum", "conference", "meeting", "session", "assembly",
                        "gathering", "congress", "convention", "talks", "ceremony"})


# words before a number that the parser takes for prepositions ("detained about 20 of them")
APPROXIMATIONS = frozenset({"around", "about", "nearly", "some", "over", "roughly"})


def _partners(token: Token, table: ActorTable, exclude: set[str],
              phrase: set[int] | None = None, author: bool = False,
              people: bool = False, patients: bool = False) -> list[str]:
    """Targets: direct objects, then "with"/"to"/"on"/"against" partners of the trigger.

    Words that spell the trigger phrase ("send a delegation") are not partners, but their
    own partners are ("a delegation to X"); for a reaction (``author``: "rejected an Indian
    proposal", "rejected calls by X") the author of the act reacted to is one too; with
    ``patients``, whom an act noun of the phrase is done to ("ordered the expulsion of X")."""
    out: list[str] = []
    phrase = phrase or set()
    if phrase:
        # the nouns that spell the phrase carry its partners: "imposed sanctions on X",
        # "held talks with X", "rejected X's proposal", "rejected an offer of talks from X";
        # with ``people``, a phrase noun naming people of another state is one ("expelled 12
        # Russian diplomats", "released two Thai prisoners")
        doc = token.doc
        own = countries_of(exclude, table)
        for i in sorted(phrase - {token.i}):
            named = table.resolve(doc[i].idx, doc[i].idx + len(doc[i].text))
            actor = table.by_id(named)
            if people and named and named not in exclude and named not in out \
                    and actor is not None and actor.country and actor.country not in own:
                out.append(named)
            out.extend(a for a in object_partners(doc[i], table, author=author)
                       if a not in exclude and a not in out)
            if patients and doc[i].pos_ == "NOUN" and _match(doc[i]) is not None:
                # an act noun's "of" names whom it is done to: "ordered the expulsion of
                # five diplomats", "signed orders for the arrest of X"
                out.extend(a for c in doc[i].children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"
                           for a in _np_actors(p, table) if a not in exclude and a not in out)

    def add(found: list[str]) -> None:
        for a in found:
            if a not in out and a not in exclude:
                out.append(a)

    for child in token.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "provided X to the bank"
            add([a for p in child.children if p.dep_ == "pobj" for a in _np_actors(p, table)])
        elif child.dep_ == "prep" and child.lower_ in APPROXIMATIONS and child.i == token.i + 1:
            # "detained about 20 of them", parsed as "about" with "20" its object
            add([a for p in child.children if p.dep_ == "pobj" and p.pos_ == "NUM"
                 for a in _np_actors(p, table)])
        elif child.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            # "allowed observers to enter", parsed with "observers" the subject of an
            # infinitival ccomp: that subject is the verb's object
            add([a for g in child.children if g.dep_ == "nsubj" for a in _np_actors(g, table)])
        elif child.dep_ in ("dobj", "dative", "iobj", "oprd") and child.i not in phrase:
            add(_np_actors(child, table) or (object_partners(child, table, preps=(
                OBJECT_PREPS if _match(child) is None else EVENT_OBJECT_PREPS), author=author)
                if child.pos_ == "NOUN" else []))
    has_object = bool(out)
    for child in token.children:
        if child.i in phrase or any(g.i in phrase for g in child.children):
            continue
        if child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
            if has_object and child.lower_ in ("with", "from", "for"):
                continue  # "called X following ... with Y": Y belongs elsewhere
            for pobj in child.children:
                if pobj.dep_ == "pobj" and not (child.lower_ == "at" and pobj.lemma_.lower() in GATHERINGS) \
                        and not _instrument(child, pobj):
                    add(_np_actors(pobj, table))  # "met X at the AU summit": where, not whom
        elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN":
            for pobj in child.children:
                if pobj.dep_ == "pobj":  # "a halt to rail links with X": X
                    add(_np_actors(pobj, table) or (object_partners(pobj, table, possessor=False)
                                                    if pobj.pos_ == "NOUN" else []))
    if not out:
        for child in token.children:
            # "met on Wednesday with X": the partner may hang off the time phrase
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.ent_type_ not in ("DATE", "TIME"):
                        continue
                    for grand in pobj.children:
                        if grand.dep_ == "prep" and grand.lower_ == "with":
                            for p2 in grand.children:
                                if p2.dep_ == "pobj":
                                    add(_np_actors(p2, table))
    if not out and token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.pos_ == "VERB":
        # "gave the rebels an ultimatum", "issued a warning to X": the light verb's recipient
        for child in token.head.children:
            if child.dep_ in ("dative", "iobj"):
                add(_np_actors(child, table))
            elif child.dep_ == "prep" and child.lower_ in ("to", "behind"):  # "threw its
                # support behind X"
                add([a for p in child.children if p.dep_ == "pobj" for a in _np_actors(p, table)])
    if not out and token.pos_ in ("NOUN", "PROPN"):
        # "her talks on Friday with X" where the parser hung "with X" on the verb
        after = token.right_edge.i + 1
        doc = token.doc
        if after < len(doc) and doc[after].lower_ == "with" and doc[after].sent.start == token.sent.start:
            for pobj in doc[after].children:
                if pobj.dep_ == "pobj":
                    add(_np_actors(pobj, table))
    return out


def means_actors(verb: Token, table: ActorTable) -> list[str]:
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
                found = (_noun_source(pobj, table) if _where_named(pobj)
                         else _np_actors(pobj, table) or _noun_source(pobj, table))
                if found:
                    return found
    return []


def weapon_doer(verb: Token, table: ActorTable) -> list[str]:
    """The doer named on the weapon that is the subject of an act of violence: "a missile
    fired by the rebels hit the port", "a bomb planted by militants killed two"."""
    for subj in verb.children:
        if subj.dep_ != "nsubj" or subj.lemma_.lower() not in WEAPONS:
            continue
        for acl in subj.children:
            if acl.dep_ != "acl":
                continue
            found = [a for c in acl.children if c.dep_ == "agent"
                     for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
            if found:
                return found
    return []


def own_forces(source: list[str], partners: list[str], table: ActorTable,
               named: bool = False) -> tuple[list[str], list[str]]:
    """What is mobilised is the source's own force, not a target: "X deployed troops" is X's,
    "troops were deployed" the troops' own act."""
    own = countries_of(source, table)
    forces = [a for a in partners if (actor := table.by_id(a)) is not None
              and actor.kind in ("group", "organization") and actor.sector in ("MIL", "COP")
              and (actor.kind == "group" or actor.country is None
                   or (named and (not own or actor.country in own)))]
    rest = [a for a in partners if a not in forces]
    return (source or forces), rest


def own_envoys(source: list[str], partners: list[str], table: ActorTable) -> list[str]:
    """A state's own officials recalled or withdrawn are not whom the act is aimed at when
    another state is named: "recalled its ambassador to X" is aimed at X."""
    own = countries_of(source, table)
    envoys = [a for a in partners if (actor := table.by_id(a)) is not None
              and actor.kind in ("person", "group") and actor.country in own]
    rest = [a for a in partners if a not in envoys]
    return rest if rest and envoys and not countries_of(rest, table) & own else partners


# the heads of a name for a state's government as a whole (not one ministry: "the Health Ministry")
GOVERNMENT_HEADS = frozenset({"government", "authorities", "administration", "regime", "cabinet"})


def own_government(source: list[str], table: ActorTable, at: int | None = None) -> list[str]:
    """A protest that names no one it is aimed at is aimed at the protesters' own state
    (PLOVER's and ICEWS's reading of a domestic demonstration): its government or its
    authorities when the article names them (named nearest ``at``, the trigger's offset),
    as the most specific actor the text gives, else the state."""
    countries = {a.country for i in source if (a := table.by_id(i)) is not None
                 and a.kind in ("group", "organization") and a.sector not in STATE_SECTORS}
    if len(countries) != 1:
        return []
    country = countries.pop()
    organs = {a.id for a in table.actors if a.country == country and a.sector == "GOV"
              and a.kind in ("organization", "group")
              and a.name.split()[-1].lower() in GOVERNMENT_HEADS} - set(source)
    if organs and at is not None:
        _, organ = min((abs(start - at), actor_id) for start, _end, actor_id in table.spans
                       if actor_id in organs)
        return [organ]
    state = table.country_actor(country)
    return [state] if state and state not in source else []


def content_partners(token: Token, table: ActorTable, exclude: set[str]) -> list[str]:
    """Whom a demand or appeal concerns, named inside what is asked: "called for new
    polls in Peru", "demand the resignation of the interior minister"."""
    out: list[str] = []
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                for p in c.children if p.dep_ == "pobj"]
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.lemma_ == "be":
        objects += [c for c in token.head.children if c.dep_ == "attr"]  # "their one
        # demand is the resignation of X": what is asked is the copula's complement
    for noun in objects:
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = [a for a in _np_actors(pobj, table) if a not in exclude and a not in out
                         and _specific(table.by_id(a))]
                out.extend(found)
    return out


CONDITION_MARKS = frozenset({"if", "unless", "until"})


def threatened_party(token: Token, table: ActorTable, source: list[str]) -> list[str]:
    """Whom a threat is aimed at when no other slot names them: the subject of its
    condition ("warned that Kenya would widen its campaign if the rebels turned down the
    offer": the rebels; "tariffs unless Mexico does more": Mexico)."""
    own = countries_of(source, table)
    for node in token.subtree:
        if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                           for c in node.children):
            continue
        for subj in node.children:
            if subj.dep_ in ("nsubj", "nsubjpass"):
                found = [a for a in _np_actors(subj, table) if a not in source and (
                    (actor := table.by_id(a)) is None or actor.country not in own)]
                if found:
                    return found
    return []


# Where a force is moved to, withdrawn from or a protest is held: the state it faces.
TOWARD_PREPS = frozenset({"near", "along", "to", "toward", "towards", "from", "outside", "at",
                          "into", "on"})
FRONTIER_NOUNS = frozenset({"border", "frontier", "boundary", "coast", "waters"})


def facing_partners(token: Token, table: ActorTable, exclude: set[str]) -> list[str]:
    """Whom a move of forces or a protest faces, named by where it happens: "massed near
    the border with X", "withdrew its troops from X", "rallied outside the X embassy"."""
    out: list[str] = []
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for child in [*token.children, *(g for o in objects for g in o.children)]:
        if child.dep_ != "prep" or child.lower_ not in TOWARD_PREPS:
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            found = _np_actors(pobj, table)
            if not found and pobj.lemma_.lower() in FRONTIER_NOUNS:
                found = [a for p in pobj.children if p.dep_ == "prep" and p.lower_ in ("with", "of")
                         for g in p.children if g.dep_ == "pobj" for a in _np_actors(g, table)]
            out.extend(a for a in found if a not in exclude and a not in out)
    return out


CROWD_ROLES = frozenset({"Protester", "Rioter", "Crowd"})


def crowd_partners(token: Token, table: ActorTable, source: list[str]) -> list[str]:
    """Whom police or troops use force on when the clause names no one: the protesters or
    crowd of their own state named in the sentence, else in the one before ("Thousands
    marched on parliament. Police fired tear gas.")."""
    forces = [a for a in (table.by_id(i) for i in source) if a is not None
              and a.sector in ("COP", "MIL")]
    if not forces:
        return []
    own = {a.country for a in forces}
    sent = token.sent
    spans = [(sent.start_char, sent.end_char)]
    if sent.start > 0:
        before = token.doc[sent.start - 1].sent
        spans.append((before.start_char, before.end_char))
    for start, end in spans:
        found = [i for i in table.resolve_all(start, end) if i not in source
                 and (a := table.by_id(i)) is not None and a.role in CROWD_ROLES
                 and (a.country is None or a.country in own)]
        if found:
            return found
    return []

