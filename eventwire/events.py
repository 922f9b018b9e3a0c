"""Clauses -> PLOVER events: type, mode, CAMEO code, source, target, date, place, modality.

A trigger is a verb or noun of ``data/event_lexicon.tsv`` ("met with", "a phone call",
"the attack"). Its source and target come from the sentence's structure (subject, object,
passive agent, "with"/"to"/"on"/"against" partners, possessors, coordinated actors), read
through the actor stage's mention index, so pronouns and titles reach the actor they mean.
The date is the time expression attached to the trigger (never the publication date), the
place the toponym attached to it; the modality comes from auxiliaries, governing verbs and
conditionals; ``attributed_to`` is the speaker when the trigger lies inside a quotation.
One real event is one record: repeats inside the article are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from .lexicon import MOVE_LEMMAS, Trigger, lexicon
from .records import Event, Evidence, Place, Quote, Span, Time, stable_id
from .times import value_to_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .actors import ActorTable

__all__ = ["find_events"]

PARTNER_PREPS = frozenset({"with", "to", "on", "against", "at", "toward", "towards", "into",
                           "upon", "for", "from"})
AGENT_PREPS = frozenset({"by"})
UNKNOWN_SOURCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
PARTITIVES = frozenset({"part", "most", "all", "some", "much", "rest", "portion", "half", "bulk",
                        "tons", "ton", "tonnes", "tonne", "kilograms", "kg", "shipment",
                        "consignment", "batch", "million", "billion", "worth", "lot", "number"})
NOT_TRIGGER_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "CARDINAL", "ORDINAL", "MONEY",
                              "PERCENT", "QUANTITY", "WORK_OF_ART", "LAW"})
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "PROTEST"})
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"})
MERGEABLE_EMPTY = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONSULT",
                             "AGREE", "AID", "COOPERATE", "ASSAULT", "COERCE", "SANCTION"})
PLACE_PREPS = frozenset({"in", "at", "to", "into", "near", "on", "outside", "inside", "across"})


@dataclass(slots=True)
class _Candidate:
    trigger: Trigger
    token: Token
    source: list[str]
    target: list[str]
    modality: str
    date: date | None = None
    date_text: str | None = None
    place: str | None = None
    attributed_to: str | None = None
    place_key: str | None = None
    covered: set[int] = field(default_factory=set)

    @property
    def fullness(self) -> int:
        return (2 * bool(self.target) + bool(self.date) + bool(self.place)
                + bool(self.source) + len(self.trigger.phrase))


# --- trigger matching ---------------------------------------------------------------------

def _child_words(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj", "dative", "agent", "compound", "amod", "acomp",
                          "attr", "xcomp", "npadvmod", "advmod", "nsubjpass"):
            words.add(child.lower_)
            words.add(child.lemma_.lower())
            if child.dep_ in ("dobj", "xcomp", "attr", "nsubjpass"):
                for grand in child.children:
                    if grand.dep_ in ("compound", "amod", "prep", "prt"):
                        words.add(grand.lower_)
                        words.add(grand.lemma_.lower())
                    # "suspended part of the aid programme": look through the partitive
                    if child.lemma_.lower() in PARTITIVES and grand.dep_ == "prep":
                        for pobj in grand.children:
                            words.add(pobj.lemma_.lower())
                            words.update(g.lemma_.lower() for g in pobj.children
                                         if g.dep_ in ("compound", "amod"))
    return words


def _has_word(word: str, words: set[str]) -> bool:
    """Phrase words match a child's form or lemma; plural phrase words match singulars."""
    return word in words or (word.endswith("s") and (word[:-1] in words or word[:-2] in words))


def _phrase_tokens(token: Token, trig: Trigger) -> set[int]:
    """Children (and grandchildren through "of") that spell the rest of the trigger phrase."""
    words = set(trig.phrase) - {token.lemma_.lower(), token.lower_}
    out: set[int] = set()
    for child in token.children:
        if child.pos_ in ("ADP", "PART", "ADV"):
            pass  # prepositions and particles spell the phrase but keep their objects
        elif child.lemma_.lower() in words or child.lower_ in words:
            out.add(child.i)
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.lemma_.lower() in words or grand.lower_ in words:
                    out.add(grand.i)
    return out


def _match(token: Token) -> Trigger | None:
    """The most specific lexicon entry that this token heads, or None."""
    lex = lexicon()
    if token.ent_type_ in NOT_TRIGGER_ENTS:
        return None  # "March 13", "Strike Force", a person called Rally
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        options = [t for t in lex.triggers.get(token.lemma_.lower(), []) if t.pos == "VERB"]
        options += [t for t in lex.triggers.get(token.lower_, []) if t.pos == "VERB"
                    and t not in options]
        rest_index = 1
    elif token.pos_ in ("NOUN", "PROPN"):
        options = [t for t in lex.triggers.get(token.lower_, []) if t.pos == "NOUN"]
        options += [t for t in lex.triggers.get(token.lemma_.lower(), []) if t.pos == "NOUN"
                    and t not in options]
        rest_index = 0
    else:
        return None
    if not options:
        return None
    words = _child_words(token)
    if token.pos_ != "VERB":
        words |= {token.head.lemma_.lower(), token.head.lower_}
    best: Trigger | None = None
    best_size = -1
    for trig in options:
        if trig.pos == "NOUN" and "of" in trig.phrase:
            rest = tuple(w for w in trig.phrase[1:] if w != "of")
            if not any(c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.lemma_.lower() in rest for g in c.children) for c in token.children):
                continue
        else:
            rest = trig.phrase[rest_index:] if rest_index else trig.phrase[:-1]
        if (trig.pos == "NOUN" and "of" in trig.phrase or all(_has_word(w, words) for w in rest)) \
                and len(rest) > best_size:
            if "requires" in trig.notes and not _requirement_met(trig, token):
                continue
            best, best_size = trig, len(rest)
    return best


def _has_to_infinitive(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "acl", "advcl") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return True
        if child.dep_ in ("dobj", "pobj", "prep") and _has_to_infinitive(child):
            return True
    return False


def _alternative_met(alt: str, token: Token) -> bool:
    alt = alt.strip().rstrip(".")
    if "+" in alt:
        return all(_alternative_met(part, token) for part in alt.split("+"))
    if alt == "to-infinitive":
        return _has_to_infinitive(token)
    if alt == "that-clause":
        return any(c.dep_ == "ccomp" for c in token.children)
    if alt == "NP":
        return any(c.dep_ in ("dobj", "dative", "oprd", "nsubjpass") or c.dep_ == "prep" and any(
            g.dep_ == "pobj" for g in c.children) for c in token.children)
    if alt.endswith("-NP"):
        word = alt[:-3]
        return any(c.dep_ in ("prep", "agent") and c.lower_ == word for c in token.children)
    nouns = {w.strip().split("/")[0] for w in re.split(r"[,/]", alt) if w.strip()}
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "pobj", "nsubjpass")}
    return bool(objects & nouns) if nouns else True


def _requirement_met(trig: Trigger, token: Token) -> bool:
    """Check a lexicon note such as "requires object: NP + to-infinitive or for-NP"."""
    match = re.search(r"requires (?:object|complement): ([^;(]*)", trig.notes)
    if match is None:
        return True
    return any(_alternative_met(alt, token) for alt in match.group(1).split(" or "))


# --- actors of a phrase ----------------------------------------------------------------

def _np_actors(token: Token, table: ActorTable, depth: int = 0) -> list[str]:
    """Actors named by the noun phrase headed by ``token``, coordinated ones included."""
    out: list[str] = []
    span_start, span_end = token.idx, token.idx + len(token.text)
    actor = table.resolve(span_start, span_end)
    if actor is None:
        # "Armenia's sovereign territory": the possessor; "a delegation of X": X
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("GPE", "ORG")):
                actor = table.resolve(child.idx, child.idx + len(child.text))
                if actor:
                    break
        if actor is None and token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ in ("amod", "compound") and child.ent_type_ == "NORP":
                    actor = table.resolve(child.idx, child.idx + len(child.text))
                    if actor:
                        break
        if actor is None and token.pos_ == "NOUN" and depth < 2:
            # "the convoy of X", "supporters of X": X
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = _np_actors(pobj, table, depth + 1)
                            if found:
                                return found
        if actor is None and token.pos_ == "PRON" and token.lower_ in ("whom", "who", "which", "that"):
            head = token.head
            while head.dep_ not in ("relcl",) and head.head.i != head.i:
                head = head.head
            if head.dep_ == "relcl":
                return _np_actors(head.head, table, depth + 1)
    if actor is not None:
        out.append(actor)
    if depth < 4:
        for child in token.children:
            if child.dep_ in ("conj", "appos") and child.pos_ in ("PROPN", "NOUN", "PRON"):
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


def _subject_of(verb: Token, table: ActorTable) -> tuple[list[str], bool]:
    """Actors of the clause subject of ``verb`` (climbing xcomp/conj chains); passive flag."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return _np_actors(child, table), False
            if child.dep_ == "nsubjpass":
                # "X has been indicted and will resign": the conjunct is active;
                # "X is opposed to", "X is committed to": adjectival, not passive
                active = (current.i != verb.i and not any(c.dep_ == "auxpass" for c in verb.children)
                          ) or (verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(
                              c.dep_ == "agent" for c in verb.children))
                return _np_actors(child, table), not active
        if current.dep_ in ("xcomp", "conj", "advcl", "acl", "acomp") and current.head.i != current.i:
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                return _noun_source(current.head, table), False
            current = current.head
        elif current.dep_ == "relcl":
            return _np_actors(current.head, table), False
        else:
            break
    return _preceding_actor(verb, table), False


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
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            found = _np_actors(child, table)
            if found:
                return found
    # the governing clause's subject, only for "X held talks", "X ... during a call":
    # the noun is the verb's object or hangs off it through one preposition
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "attr", "nsubjpass"):
        return []
    if head.pos_ in ("PROPN", "NOUN") and table.resolve(head.idx, head.idx + len(head.text)):
        return _np_actors(head, table)  # a caption: "X (left) during a meeting with Y"
    if head.pos_ not in ("VERB", "AUX"):
        return []
    if head.lemma_.lower() not in lexicon().support_verbs and noun.dep_ != "pobj":
        return []  # "X condemned the attack", "X avoided sanctions": X did not do it
    if noun.dep_ == "pobj" and _match(head) is not None:
        return []  # "X protested against the raid": the raid is someone else's
    found, passive = _subject_of(head, table)
    return [] if passive else found


ALLEGED_TYPES = frozenset({"ASSAULT", "COERCE"})
ALLEGATION = Trigger(phrase=("allege",), pos="VERB", type="ACCUSE", mode="allege", cameo="112",
                     context=(), notes="a state's claim that another actor used force")


def _allegations(candidates: list[_Candidate], table: ActorTable) -> list[_Candidate]:
    """"The US said/claimed that X attacked Y": besides the attack, reported on the US's word,
    the US accuses X (CAMEO 112), when the reporter is a state or government body."""
    out: list[_Candidate] = []
    for c in candidates:
        if c.trigger.type not in ALLEGED_TYPES or not c.source:
            continue
        reporter = _reporter(c.token, table)
        actors = [a for i in reporter if (a := table.by_id(i)) is not None]
        if not actors or any(a.kind not in ("country", "organization") or a.sector not in (
                "GOV", "MIL", None) for a in actors) or set(reporter) & set(c.source):
            continue
        c.attributed_to = c.attributed_to or reporter[0]
        out.append(_Candidate(trigger=ALLEGATION, token=c.token.head, source=reporter,
                              target=list(c.source), modality="asserted",
                              attributed_to=reporter[0]))
    return out


def _prep_objects(token: Token, preps: tuple[str, ...], table: ActorTable) -> list[str]:
    out: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(a for a in _np_actors(pobj, table) if a not in out)
    return out


STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate",
                                 "resolve", "poise", "set"})
NON_EVENTS = frozenset({"say", "comment", "confirm", "elaborate", "speculate", "discuss",
                        "reveal", "disclose", "specify", "answer", "respond", "name"})
CIVILIAN_SECTORS = frozenset({"LAB", "CVL", "EDU", "MED", "BUS", "JRN", "AGR", "SOC", "REL"})


def _by_sector(trig: Trigger, source: list[str], table: ActorTable) -> Trigger:
    """Armed forces that withdraw retreat; a government that withdraws from a body sanctions;
    workers who strike stop work, they do not attack."""
    sources = [a for i in source if (a := table.by_id(i)) is not None]
    if trig.type == "PROTEST" and trig.phrase == ("protest",) and sources and all(
            a.kind in ("country", "organization", "person") for a in sources):
        return Trigger(phrase=trig.phrase, pos=trig.pos, type="ACCUSE", mode="disapprove",
                       cameo="110", context=(), notes=trig.notes)  # a government protests verbally
    if trig.type == "ASSAULT" and trig.phrase[0] == "strike" and sources and all(
            a.sector in CIVILIAN_SECTORS for a in sources):
        return Trigger(phrase=trig.phrase, pos=trig.pos, type="PROTEST", mode="strike",
                       cameo="143", context=(), notes=trig.notes)
    if trig.type == "SANCTION" and trig.mode == "withdraw" and any(
            (a := table.by_id(i)) is not None and (a.sector == "MIL" or "MIL" in a.other_sectors)
            for i in source):
        return Trigger(phrase=trig.phrase, pos=trig.pos, type="RETREAT", mode="withdraw",
                       cameo="0874", context=("military",), notes=trig.notes)
    return trig


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
        if child.dep_ not in ("xcomp", "acl", "ccomp") or child.pos_ != "VERB":
            continue
        for grand in child.children:
            if grand.dep_ in ("dobj", "dative"):
                direct(grand)
                for prep in grand.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                        for pobj in prep.children:
                            direct(pobj)
            elif grand.dep_ == "prep" and grand.lower_ in ("with", "to", "on", "against"):
                for pobj in grand.children:
                    direct(pobj)
    return out


def _partners(token: Token, table: ActorTable, exclude: set[str],
              phrase: set[int] | None = None) -> list[str]:
    """Targets: direct objects, then "with"/"to"/"on"/"against" partners of the trigger.

    Words that spell the trigger phrase ("send a delegation") are not partners, but their
    own partners are ("a delegation to X")."""
    out: list[str] = []
    phrase = phrase or set()
    if phrase:
        doc = token.doc
        for i in sorted(phrase):
            for child in doc[i].children:
                if child.dep_ == "prep" and child.lower_ in ("to", "with"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out.extend(a for a in _np_actors(pobj, table)
                                       if a not in exclude and a not in out)

    def add(found: list[str]) -> None:
        for a in found:
            if a not in out and a not in exclude:
                out.append(a)

    for child in token.children:
        if child.dep_ in ("dobj", "dative", "iobj", "oprd") and child.i not in phrase:
            add(_np_actors(child, table))
    has_object = bool(out)
    for child in token.children:
        if child.i in phrase or any(g.i in phrase for g in child.children):
            continue
        if child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
            if has_object and child.lower_ in ("with", "from", "for"):
                continue  # "called X following ... with Y": Y belongs elsewhere
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    add(_np_actors(pobj, table))
        elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    add(_np_actors(pobj, table))
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
    if not out and token.pos_ in ("NOUN", "PROPN"):
        # "his meeting on Monday with X" where the parser hung "with X" on the verb
        after = token.right_edge.i + 1
        doc = token.doc
        if after < len(doc) and doc[after].lower_ == "with" and doc[after].sent.start == token.sent.start:
            for pobj in doc[after].children:
                if pobj.dep_ == "pobj":
                    add(_np_actors(pobj, table))
    return out


# --- modality, time, place, attribution ------------------------------------------------

def _modality(token: Token) -> str:
    """asserted, intended, hypothetical or negated, from the trigger's clause and what governs it.

    The chain climbs from the trigger to the verbs or nouns it is the complement of ("wants to
    meet", "readiness to contribute", "refused to sign"); a conjoined verb without its own
    auxiliaries shares its first conjunct's ("will meet and discuss") but not its governors."""
    cues = lexicon().modality_cues
    chain = [token]
    clause = token
    for _ in range(3):
        if clause.dep_ in ("xcomp", "acl", "pcomp", "pobj", "dobj", "prep", "ccomp") \
                and clause.head.i != clause.i:
            clause = clause.head
            chain.append(clause)
        else:
            break
    shared = token.head if token.dep_ == "conj" and not any(
        c.dep_ in ("aux", "nsubj", "neg") for c in token.children) else None
    # negation of the trigger, or of a verb it is the (non-finite) complement of
    for node in chain[: next((k + 1 for k, n in enumerate(chain) if n.dep_ == "ccomp"), len(chain))]:
        if any(c.dep_ == "neg" for c in node.children):
            return "negated"
    if shared is not None and any(c.dep_ == "neg" for c in shared.children):
        return "negated"
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return "intended"  # purpose: "... to hold talks"
    if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and cues.get((g.lower_, "mark")) ==
                                      "hypothetical" for g in c.children) for c in token.children):
        return "hypothetical"  # "will boycott the vote unless ...": a conditional act
    for position, node in enumerate(chain):
        for child in node.children:
            low = child.lower_
            if child.dep_ == "mark" and cues.get((low, "mark")) == "hypothetical":
                return "hypothetical"
            if child.dep_ in ("aux", "advmod", "amod") and cues.get((low, "aux")):
                return cues[(low, "aux")]
        if position > 0:
            cls = cues.get((node.lemma_.lower(), "governor"))
            if cls:
                return cls
        if node.dep_ == "ccomp":
            break  # "X said that Y will ...": the saying does not make Y's act intended
    if shared is not None:
        for child in shared.children:
            if child.dep_ in ("aux", "advmod") and cues.get((child.lower_, "aux")):
                return cues[(child.lower_, "aux")]
    # the trigger inside an "if" / "unless" clause
    for anc in token.ancestors:
        for child in anc.children:
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and cues.get((g.lower_, "mark"))
                                              for g in child.children) and token in child.subtree:
                return "hypothetical"
    return "asserted"


def _attached(token: Token, anchor: Token, max_hops: int = 5) -> bool:
    """Whether ``token`` hangs off ``anchor`` without passing through another verb."""
    current = token
    for _ in range(max_hops):
        if current.i == anchor.i:
            return True
        if current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ == "with" and any(
                c.dep_ in ("dobj", "oprd") for c in current.head.children):
            return False  # "called X ... with Y in Paris": Y's place, not the call's
        current = current.head
        if current.i == anchor.i:
            return True
        if current.pos_ == "VERB":
            return False
    return current.i == anchor.i


def _event_time(token: Token, times: tuple[Time, ...], doc: Doc) -> tuple[date | None, str | None]:
    sent = token.sent
    anchors = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.head.pos_ == "VERB":
        anchors.append(token.head)
    for t in times:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        if any(_attached(span.root, anchor) for anchor in anchors):
            return value_to_date(t.value), t.text
    return None, None


def _event_place(token: Token, places: tuple[Place, ...], doc: Doc) -> Place | None:
    sent = token.sent
    for p in places:
        if not (sent.start_char <= p.start < sent.end_char):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "poss":
            root = root.head
        prep = root.head
        movement = token.lemma_.lower() in MOVE_LEMMAS
        if root.dep_ == "dobj" and root.head.i == token.i and movement:
            return p
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS and _attached(root, token, 6):
            if prep.lower_ == "to" and not movement and token.pos_ == "VERB":
                continue
            return p
    return None


def _event_places(token: Token, trig: Trigger, places: tuple[Place, ...],
                  doc: Doc) -> list[Place | None]:
    """The place of the event; a visit to several places ("Baku, then Yerevan") gives each."""
    first = _event_place(token, places, doc)
    if first is None or trig.mode != "visit":
        return [first]
    out: list[Place | None] = [first]
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return out
    for other in span.root.children:
        if other.dep_ in ("conj", "appos"):
            for p in places:
                if p.start <= other.idx < p.end and p not in out:
                    out.append(p)
    return out


DEMAND_AUX = frozenset({"must", "should"})


def _deontic(token: Token) -> bool:
    """"X must withdraw", "X should stop", "X has to leave"."""
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in DEMAND_AUX:
            return True
        if child.dep_ == "aux" and child.lemma_ == "have" and token.i > child.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
    return False


def _reporter(token: Token, table: ActorTable) -> list[str]:
    """Who states the clause: the subject of the verb it is reported under ("X said that ...",
    "X declared that ...", "X issued a reminder that ...")."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("ccomp", "acl", "xcomp", "advcl", "conj", "dobj", "pobj", "prep",
                                "relcl", "parataxis"):
            return []
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
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


def _speaker_at(offset: int, quotes: tuple[Quote, ...]) -> str | None:
    for q in quotes:
        if q.start <= offset < q.end and q.speaker:
            return q.speaker
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


# --- the stage ------------------------------------------------------------------------------

def find_events(doc: Doc, table: ActorTable, *, quotes: tuple[Quote, ...] = (),
                times: tuple[Time, ...] = (), places: tuple[Place, ...] = (),
                published: date | None = None) -> tuple[Event, ...]:
    """Every political event the article states, once each."""
    if quotes:
        table = table.with_quote_speakers(quotes, doc.text)
    place_by_country = {p.country: p for p in places if p.feature == "country"}
    candidates: list[_Candidate] = []
    suppressed: set[int] = set()
    for token in doc:
        if token.i in suppressed:
            continue
        trig = _match(token)
        if trig is None:
            if token.pos_ == "VERB" and _deontic(token):
                found, _ = _subject_of(token, table)
                demand = _demand(token, None, _speaker_at(token.idx, quotes), found, table)
                if demand is not None and found:
                    d_trig, reporter = demand
                    candidates.append(_Candidate(
                        trigger=d_trig, token=token, source=reporter, target=found,
                        modality="asserted", attributed_to=_speaker_at(token.idx, quotes)))
            continue
        phrase = _phrase_tokens(token, trig)
        suppressed |= phrase  # "hold talks": "talks" is this event, not another
        if trig.pos == "VERB":
            source, passive = _subject_of(token, table)
            partners = _partners(token, table, set(source), phrase)
            if passive:
                agent = [a for c in token.children if c.dep_ == "agent"
                         for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
                source, partners = agent, source
        else:
            source = _noun_source(token, table)
            partners = _partners(token, table, set(source), phrase)
        if "reversed" in trig.notes:
            givers = _prep_objects(token, ("from",), table)
            source, partners = givers, [a for a in source if a not in givers]
        trig = _by_sector(trig, source, table)
        if not source and not (trig.type in UNKNOWN_SOURCE_TYPES and partners):
            continue  # PLOVER events need an actor; violence may have an unknown one
        if not partners and trig.type in CONTENT_TYPES:
            partners = _complement_partners(token, table, set(source))
        modality = _modality(token)
        speaker = _speaker_at(token.idx, quotes)
        demand = _demand(token, trig, speaker, source, table)
        if demand is not None:
            (trig, reporter), partners = demand, source
            source = reporter
        if "actor object" in trig.notes and not partners:
            continue
        if trig.type == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower() in NON_EVENTS
                                         for c in token.children):
            continue  # "declined to comment" is no rejection
        if trig.type in CONTENT_TYPES:
            suppressed |= _complement_tokens(token)
        when, when_text = _event_time(token, times, doc)
        for place in _event_places(token, trig, places, doc):
            targets = partners
            if trig.type == "CONSULT" and trig.mode == "visit" and place is not None and (
                    not partners or len(_event_places(token, trig, places, doc)) > 1):
                host = table.country_actor(place.country)
                targets = [host] if host and host not in source else partners
            if trig.type == "CONSULT" and not targets and len(source) < 2:
                continue
            if place is None and trig.type == "ASSAULT":
                for actor_id in targets:
                    actor = table.by_id(actor_id)
                    if actor and actor.kind == "country" and actor.country in place_by_country:
                        place = place_by_country[actor.country]
            candidates.append(_Candidate(
                trigger=trig, token=token, source=source, target=targets,
                modality=modality, date=when, date_text=when_text,
                place=place.id if place else None, attributed_to=speaker,
                place_key=f"{place.name}|{place.country}" if place else None,
            ))
    candidates += _allegations(candidates, table)
    candidates = [c for c in candidates if c.token.i not in suppressed or c.trigger.type in CONTENT_TYPES
                  and not _inside_other(c, candidates, suppressed)]
    merged = _merge(candidates, table)
    events: list[Event] = []
    seen: set[str] = set()
    for c in merged:
        event = _to_event(c, doc)
        n = 1
        while event.id in seen:  # one trigger, several events (a visit to two capitals)
            n += 1
            event = replace(event, id=stable_id("ev", event.id, n))
        seen.add(event.id)
        events.append(event)
    return tuple(events)


def _inside_other(c: _Candidate, candidates: list[_Candidate], suppressed: set[int]) -> bool:
    return c.token.i in suppressed


def _countries(ids: list[str], table: ActorTable) -> set[str]:
    out = set()
    for i in ids:
        actor = table.by_id(i)
        if actor and actor.country:
            out.add(actor.country)
    return out


def _same_event(a: _Candidate, b: _Candidate, table: ActorTable) -> bool:
    if a.trigger.type != b.trigger.type or a.modality != b.modality:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key and a.trigger.type == "CONSULT":
        return False
    sa, sb, ta, tb = set(a.source), set(b.source), set(a.target), set(b.target)
    if a.trigger.type == "CONSULT":
        pa, pb = sa | ta, sb | tb
        if pa == pb:
            return True
        if not ta or not tb:
            return bool(sa & sb) or _vaguer_same_country(a.source, b.source, table)
        return False
    if not (sa & sb or _vaguer_same_country(a.source, b.source, table)):
        return False
    return ta == tb or ((not ta or not tb) and a.trigger.type in MERGEABLE_EMPTY)


def _vaguer_same_country(a: list[str], b: list[str], table: ActorTable) -> bool:
    """"France" and "the French minister" as sources: the same state, one named vaguely."""
    kinds = {actor.kind for i in a + b if (actor := table.by_id(i))}
    return "country" in kinds and bool(_countries(a, table) & _countries(b, table))


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
            source=keep.source + [a for a in other.source if a not in keep.source
                                  and not _countries([a], table) <= _countries(keep.source, table)],
            target=keep.target + [a for a in other.target if a not in keep.target
                                  and a not in keep.source and not keep.target],
            date=keep.date or other.date, date_text=keep.date_text or other.date_text,
            place=keep.place or other.place, place_key=keep.place_key or other.place_key,
            attributed_to=keep.attributed_to or other.attributed_to,
        )
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
    return Event(
        id=event_id, type=trig.type, mode=trig.mode, context=trig.context, cameo=trig.cameo,
        source=tuple(c.source), target=tuple(c.target), date=c.date, date_text=c.date_text,
        place=c.place, modality=c.modality, attributed_to=c.attributed_to,
        evidence=Evidence(start=start, end=start + len(text), text=text),
        confidence=min(confidence, 0.95),
        trigger=Span(start=c.token.idx, end=c.token.idx + len(c.token.text)),
    )
