"""Coding rules on top of the lexicon: demands with must/should, allegations, senses that
depend on who acts, contents of agreements and demands that are not events of their own."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import Trigger
from ..ontology import (
    APPEAL_SUBCODE,
    DE_ESCALATION_CAMEO,
    PROMISE_CAMEO,
    STATE_SECTORS,
    THREAT_CAMEO,
)
from ..quotes.lexicon import speech_cues

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors import ActorTable
    from ..records import Time
from .arguments import _np_actors, _specific, _subject_of
from .candidates import _Candidate
from .context import _denier, _event_time
from .triggers import _match

ALLEGED_TYPES = frozenset({"ASSAULT", "COERCE"})
ALLEGATION = Trigger(phrase=("allege",), pos="VERB", type="ACCUSE", mode="allege", cameo="112",
                     context=(), notes="a state's claim that another actor used force")


def _allegations(candidates: list[_Candidate], table: ActorTable,
                 times: tuple[Time, ...]) -> list[_Candidate]:
    """"The US said/claimed that X attacked Y": besides the attack, reported on the US's word,
    the US accuses X (CAMEO 112), when the reporter is a state or government body. The
    allegation is the saying, dated by the saying's own time ("on Friday said that ...")."""
    out: list[_Candidate] = []
    for c in candidates:
        if c.trigger.type not in ALLEGED_TYPES or not c.source or c.modality != "asserted":
            continue  # "argued that the president can detain": no act is claimed
        reporter = _reporter(c.token, table, speech_only=True)
        actors = [a for i in reporter if (a := table.by_id(i)) is not None]
        if not actors or any(a.kind not in ("country", "organization") or a.sector not in (
                "GOV", "MIL", None) for a in actors) or set(reporter) & set(c.source):
            continue
        if _own_side(reporter, c.source, table):
            continue  # "the army said its troops killed 15 rebels": its own act, told
        c.attributed_to = c.attributed_to or reporter[0]
        when = _event_time(c.token.head, times, c.token.doc)
        out.append(_Candidate(trigger=ALLEGATION, token=c.token.head, source=reporter,
                              target=list(c.source), modality="asserted",
                              attributed_to=reporter[0], date=when.date, date_text=when.text,
                              date_source=when.source))
    return out


ORGAN_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})


def _own_side(reporter: list[str], doers: list[str], table: ActorTable) -> bool:
    """Whether the doers are the reporter's own state or its forces and officials, the
    reporter being that state or one of its organs (an opposition party accuses its army)."""
    tellers = [a for i in reporter if (a := table.by_id(i)) is not None]
    if not all(a.kind == "country" or a.sector in ORGAN_SECTORS for a in tellers):
        return False
    own = {a.country for a in tellers if a.country}
    done = [a for i in doers if (a := table.by_id(i)) is not None]
    return bool(own) and bool(done) and all(
        a.country in own and (a.kind == "country" or a.sector in STATE_SECTORS) for a in done)


# an arrest or jailing "on charges of" / "for" a wrong alleges that wrong (CAMEO 112): the
# jailer accuses the jailed ("arrested two journalists on charges of spying")
CHARGED = Trigger(phrase=("arrest",), pos="VERB", type="ACCUSE", mode="allege", cameo="112",
                  context=("legal",), notes="a wrong alleged by an arrest on its charge")
CHARGE_NOUNS = frozenset({"charge", "allegation", "accusation", "suspicion"})
DETAINING_CODES = frozenset({"173"})  # arrest, detain, jail


def _charged(candidates: list[_Candidate], table: ActorTable) -> list[_Candidate]:
    """An arrest told with its charge ("jailed twelve members on allegations of treason",
    "detained five officers for collaborating with the rebels") is also the jailer's
    allegation against the jailed."""
    out: list[_Candidate] = []
    for c in candidates:
        if c.trigger.type != "COERCE" or (c.trigger.cameo or "")[:3] not in DETAINING_CODES \
                or not c.source or not c.target or c.modality != "asserted":
            continue
        charged = False
        holders = [c.token, *(o for o in c.token.children if o.dep_ == "dobj")]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ != "prep":
                continue
            objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
            if prep.lower_ in ("on", "over") and any(o.lemma_.lower() in CHARGE_NOUNS for o in objects):
                charged = True  # "on charges of spying", "on spying charges"
            elif prep.lower_ == "for" and any(o.dep_ == "pcomp" and o.tag_ == "VBG" for o in objects):
                charged = True  # "for collaborating with the rebels"
        if charged:
            out.append(_Candidate(trigger=CHARGED, token=c.token, source=list(c.source),
                                  target=list(c.target), modality="asserted", date=c.date,
                                  date_text=c.date_text, date_source=c.date_source,
                                  place=c.place, place_key=c.place_key))
    return out


NON_EVENTS = frozenset({"say", "comment", "confirm", "elaborate", "speculate", "discuss",
                        "reveal", "disclose", "specify", "answer", "respond", "name"})
def _accused_acts(candidates: list[_Candidate]) -> None:
    """"X accused Y of violating the ceasefire": Y's violation is reported on X's word (the
    innermost accusation's, when one accusation holds another)."""
    contents: list[tuple[set[int], _Candidate]] = []
    for accusation in candidates:
        if accusation.trigger.type != "ACCUSE" or not accusation.source:
            continue
        token = accusation.token
        holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
        content = {t.i for h in holders for child in h.children
                   if child.dep_ == "prep" and child.lower_ in ("of", "for") for t in child.subtree}
        if token.pos_ == "VERB":
            content |= {t.i for child in token.children if child.dep_ == "ccomp"
                        for t in child.subtree}  # "alleging (that) Paris played a role"
        if content:
            contents.append((content, accusation))
    for c in candidates:
        if c.attributed_to is not None:
            continue
        holding = [(len(content), a) for content, a in contents if c is not a and c.token.i in content]
        if holding:
            c.attributed_to = min(holding, key=lambda pair: pair[0])[1].source[0]


def _denied_acts(candidates: list[_Candidate], table: ActorTable) -> None:
    """"X denied that it had attacked Y", "X rejected claims that Y had ...": the act is
    negated on the word of X, the denier (its reporter, whoever wrote the report)."""
    for c in candidates:
        verb = _denier(c.token)
        if verb is None:
            continue
        deniers, passive = _subject_of(verb, table)
        if deniers and not passive:
            c.attributed_to = deniers[0]


def _protest_aims(candidates: list[_Candidate]) -> list[_Candidate]:
    """"Students staged demonstrations to demand reforms": the demand is what the protest is
    for (PLOVER codes the protest alone; CAMEO 141x folds the aim in), not a REQUEST of its own."""
    protests = [c for c in candidates if c.trigger.type == "PROTEST"]
    if not protests:
        return candidates
    anchors = {i for p in protests for i in (p.token.i, p.token.head.i)}
    out = []
    for c in candidates:
        if c.trigger.type == "REQUEST":
            node, hops = c.token, 0
            while node.head.i != node.i and hops < 4 and node.head.i not in anchors:
                node, hops = node.head, hops + 1
            if node.head.i in anchors and node.head.i != node.i:
                continue
        out.append(c)
    return out


DEMAND_AUX = frozenset({"must", "should"})


def _deontic(token: Token) -> bool:
    """"X must withdraw", "X should stop", "X has to leave", "X must be willing to help"."""
    if token.dep_ == "xcomp" and token.head.dep_ == "acomp" and token.head.head.lemma_ == "be":
        token = token.head.head
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in DEMAND_AUX:
            return True
        if child.dep_ == "aux" and child.lemma_ == "have" and token.i > child.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
    return False


def _reporter(token: Token, table: ActorTable, speech_only: bool = False) -> list[str]:
    """Who states the clause: the subject of the verb it is reported under ("X said that ...",
    "X declared that ...", "X issued a reminder that ..."); with ``speech_only``, only a verb of
    saying or believing reports ("X suspended links after Y shot down a jet" reports nothing)."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("ccomp", "acl", "xcomp", "advcl", "conj", "dobj", "pobj", "prep",
                                "relcl", "parataxis"):
            return []
        below, current = current, current.head
        if current.pos_ in ("VERB", "AUX"):
            if speech_only and not (below.dep_ in ("ccomp", "parataxis") and (
                    speech_cues().is_cue(current, direct=False)
                    or speech_cues().attitude(current) == "belief")):
                return []  # what is said is its complement, not an "after ..." clause
            found, passive = _subject_of(current, table)
            if found and not passive:
                return found
    return []


def _demand(token: Token, trig: Trigger | None, speaker: str | None, source: list[str],
            table: ActorTable) -> tuple[Trigger, list[str]] | None:
    """"X must withdraw", said or quoted: the reporter demands it of X (REQUEST, CAMEO 10x)."""
    if token.pos_ != "VERB" or not _deontic(token):
        return None
    reporter = [speaker] if speaker else _reporter(token, table)
    if not reporter or set(reporter) & set(source):
        return None
    yielding = trig is not None and trig.type in ("RETREAT", "CONCEDE")
    demand = Trigger(phrase=trig.phrase if trig else (token.lemma_.lower(),), pos="VERB",
                     type="REQUEST", mode="yield" if yielding else "change",
                     cameo="1056" if yielding else "100",
                     context=trig.context if trig else (), notes="demand with must/should")
    return demand, reporter


DESIRE_LEMMAS = frozenset({"want", "wish"})
VOWS = frozenset({"vow", "pledge", "promise", "swear", "willingness", "readiness"})
# verbs whose object is an act brought to an end ("vowed to end the conflict": no threat)
ENDING_VERBS = frozenset({"end", "stop", "halt", "resolve", "settle", "prevent", "avoid", "cease"})
HEDGES = frozenset({"might", "may", "could", "would", "not", "n't", "never"})
def _asked_code(root: str, asked: Trigger | None,
                others: tuple[Trigger, ...] = ()) -> tuple[str, str | None]:
    """The CAMEO code and mode of an appeal (``root`` "02") or demand ("10") by what it asks:
    "to withdraw" 025/105, "to return to the ceasefire" 0256/1056, "to hold talks" 026/106."""
    if asked is None or asked.type not in APPEAL_SUBCODE:
        return root + "0", None
    digit, mode = APPEAL_SUBCODE[asked.type]
    code = root + digit
    if digit == "5" and any((t.cameo or "").startswith(DE_ESCALATION_CAMEO) for t in (asked, *others)):
        code += "6"  # de-escalation: a ceasefire, a withdrawal of forces
    return code, mode


def _content_acts(token: Token) -> list[tuple[Token, Trigger]]:
    """The lexicon acts inside the content of a request or promise ("called on X to
    withdraw", "willingness to continue negotiations"), in text order, with their tokens."""
    out = []
    for i in sorted(_complement_tokens(token)):
        found = _match(token.doc[i])
        if found is not None and found.type not in ("REQUEST", "AGREE"):
            out.append((token.doc[i], found))
    return out


def _ended(act: Token) -> bool:
    """Whether a promised act is named as what is to be ended ("vowed to end the conflict")."""
    return act.pos_ == "NOUN" and act.head.lemma_.lower() in ENDING_VERBS


def _specified(trig: Trigger, token: Token) -> Trigger:
    """An unspecified appeal, demand (020, 100) or promise (030) coded by its content."""
    if not (trig.type == "REQUEST" and trig.cameo in ("020", "100")
            or trig.type == "AGREE" and trig.cameo == "030"):
        return trig
    acts = _content_acts(token)
    if not acts:
        return trig
    content = tuple(found for _, found in acts)
    mode: str | None = None
    if trig.type == "AGREE" and content[0].type in THREAT_CAMEO and token.lemma_.lower() in VOWS \
            and not _ended(acts[0][0]):
        # "vowed to crack down on the protesters": a promise of force or penalty is a threat
        # (not "accepted a proposal to end the conflict")
        return replace(trig, type="THREATEN", mode=None, cameo=THREAT_CAMEO[content[0].type],
                       context=trig.context or content[0].context)
    if trig.type == "AGREE":
        code = PROMISE_CAMEO.get(content[0].type)
        if code == "036" and (content[0].cameo or "").startswith("045"):
            code = "039"  # intent to mediate
    else:
        code, mode = _asked_code(trig.cameo[:2], content[0], content[1:])
    if code is None:
        return trig
    return replace(trig, mode=trig.mode or mode, cameo=code,
                   context=trig.context or content[0].context)


def _desire(token: Token, table: ActorTable) -> tuple[Trigger, list[str], list[str]] | None:
    """"X wants Y to withdraw": X appeals to Y (REQUEST, CAMEO 02x by what is asked), and
    Y's act is the appeal's content, not an event. (trigger, source, target) or None."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in DESIRE_LEMMAS or any(
            c.dep_ in ("aux", "neg") and c.lower_ in HEDGES for c in token.children):
        return None  # "might want", "does not want": no appeal made
    source, passive = _subject_of(token, table)
    if not source or passive:
        return None
    for child in token.children:
        if child.dep_ not in ("ccomp", "xcomp") or not any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            continue
        addressee = next((g for g in child.children if g.dep_ == "nsubj"), None)
        if addressee is None:
            addressee = next((g for g in token.children if g.dep_ == "dobj"), None)
        if addressee is None:
            return None
        target = [a for a in _np_actors(addressee, table) if a not in source]
        if not any(_specific(table.by_id(a)) for a in target):
            return None  # "we wanted people who ...": no one in particular is asked
        asked = _match(child)
        cameo, mode = _asked_code("02", asked)
        trig = Trigger(phrase=(token.lemma_.lower(),), pos="VERB", type="REQUEST", mode=mode,
                       cameo=cameo, context=asked.context if asked else (),
                       notes="X wants Y to act: an appeal")
        return trig, source, target
    return None


def _complement_tokens(token: Token) -> set[int]:
    """Tokens of the content of an agreement, demand, threat ... (not events of their own)."""
    out: set[int] = set()
    for child in token.children:
        if child.dep_ in ("xcomp", "acl", "ccomp", "advcl") or (
                child.dep_ == "prep" and child.lower_ in ("on", "for", "about", "over", "to")
                and token.pos_ == "NOUN"):
            if child.dep_ == "prep":
                # "call to X on returning ...": keep the addressee, drop the content
                if any(g.dep_ == "pobj" and g.pos_ in ("PROPN",) for g in child.children):
                    continue
            out.update(t.i for t in child.subtree)
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "nsubj", "pobj"):
        # "repeated his call to X on returning to ...": the content hangs off the verb
        for sibling in token.head.children:
            if sibling.i > token.i and sibling.dep_ in ("prep", "xcomp", "advcl") and \
                    sibling.lower_ in ("on", "for", "about", "over", "to"):
                out.update(t.i for t in sibling.subtree)
    return out


def implied_acts(candidates: list[_Candidate], table: ActorTable,
                 times: tuple[Time, ...] = ()) -> list[_Candidate]:
    """What the events imply: a state's allegation, the aims of a protest; and who reports
    the acts held in an accusation or a denial."""
    candidates = candidates + _allegations(candidates, table, times) + _charged(candidates, table)
    candidates = _protest_aims(candidates)
    _accused_acts(candidates)
    _denied_acts(candidates, table)
    return candidates
