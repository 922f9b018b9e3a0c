"""Matching a token against the event lexicon: phrases, particles, objects, requirements."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..lexicon import Need, Trigger, lexicon, linked

if TYPE_CHECKING:
    from spacy.tokens import Token

from .vocabulary import NOT_TRIGGER_ENTS, PARTITIVES

# --- trigger matching ---------------------------------------------------------------------

def _child_words(token: Token) -> set[str]:
    words: set[str] = set()
    for child in token.children:
        if child.dep_ == "ccomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                         for g in child.children):
            # "allowed observers to enter" is often parsed with "observers" the subject of
            # an infinitival ccomp: that subject is the verb's object
            for subj in child.children:
                if subj.dep_ == "nsubj":
                    words |= {subj.lower_, subj.lemma_.lower()}
                    words.update(g.lemma_.lower() for g in subj.children
                                 if g.dep_ in ("compound", "amod"))
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")
                                        for g in child.children):
            continue  # "agreed on Friday" is no "agree on", "met in March" no "meet in"
        if child.dep_ in ("prt", "prep", "dobj", "dative", "agent", "compound", "amod", "acomp",
                          "attr", "xcomp", "npadvmod", "advmod", "nsubjpass"):
            words.add(child.lower_)
            words.add(child.lemma_.lower())
            if child.dep_ in ("prep", "agent"):
                # "called for talks": the preposition's object, kept as a pair ("for talks");
                # "spoke by telephone", whose "by" the parser may take for a passive's agent
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        words.add(f"{child.lower_} {pobj.lemma_.lower()}")
                        words.add(f"{child.lower_} {pobj.lower_}")
            if child.dep_ == "dobj":
                # "used stun grenades and tear gas": every coordinated object is an object
                for conj in child.children:
                    if conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN"):
                        words |= {conj.lower_, conj.lemma_.lower()}
                        words.update(g.lemma_.lower() for g in conj.children
                                     if g.dep_ in ("compound", "amod"))
            if child.dep_ in ("dobj", "xcomp", "attr", "nsubjpass"):
                for grand in child.children:
                    if grand.dep_ in ("compound", "amod", "prep", "prt") or (
                            child.dep_ == "xcomp" and grand.dep_ == "dobj"):  # "stopped issuing visas"
                        words.add(grand.lower_)
                        words.add(grand.lemma_.lower())
                    # "suspended part of the aid programme": look through the partitive
                    if child.lemma_.lower() in PARTITIVES and grand.dep_ == "prep":
                        for pobj in grand.children:
                            words.add(pobj.lemma_.lower())
                            words.update(g.lemma_.lower() for g in pobj.children
                                         if g.dep_ in ("compound", "amod"))
    return words


def _unprefixed(lemma: str) -> str:
    """"reimpose" -> "impose", "re-open" -> "open": a known act done again; else ""."""
    for prefix in ("re-", "re"):
        if lemma.startswith(prefix) and len(lemma) - len(prefix) >= 4:
            return lemma[len(prefix):]
    return ""


def _has_word(word: str, words: set[str]) -> bool:
    """Phrase words match a child's form or lemma; plural phrase words match singulars."""
    if word in words:
        return True
    if word.endswith(("ses", "xes", "ches", "shes", "zes")) and word[:-2] in words:
        return True  # "taxes" -> "tax" (but "refugees" is not "refuge")
    return word.endswith("s") and word[:-1] in words


def _rest_met(rest: tuple[str, ...], words: set[str]) -> bool:
    """Every further word of a phrase is a child's; a word after a preposition may be that
    preposition's object ("call for talks")."""
    for k, word in enumerate(rest):
        if _has_word(word, words):
            continue
        if k > 0 and _has_word(f"{rest[k - 1]} {word}", words):
            continue
        return False
    return True


def _phrase_tokens(token: Token, trig: Trigger) -> set[int]:
    """Children (and grandchildren through "of") that spell the rest of the trigger phrase."""
    words = set(trig.phrase) - {token.lemma_.lower(), token.lower_}
    out: set[int] = set()
    for child in token.children:
        if child.pos_ in ("ADP", "PART", "ADV", "SCONJ") or child.dep_ in ("prep", "prt", "agent"):
            pass  # prepositions and particles spell the phrase but keep their objects
        elif child.lemma_.lower() in words or child.lower_ in words:
            out.add(child.i)
        if child.dep_ in ("prep", "agent"):
            for grand in child.children:
                if grand.lemma_.lower() in words or grand.lower_ in words:
                    out.add(grand.i)
    return out


@lru_cache(maxsize=1)
def idioms() -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """data/trigger_idioms.tsv: (head word, pos) -> the other words of each idiom it heads
    (a VERB idiom's head is its first word, a NOUN idiom's its last)."""
    text = resources.files("eventwire").joinpath("data", "trigger_idioms.tsv").read_text(
        encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        words, pos = tuple(row["phrase"].lower().split()), row["pos"].upper()
        head, rest = (words[0], words[1:]) if pos == "VERB" else (words[-1], words[:-1])
        out.setdefault((head, pos), []).append(rest)
    return out


def _idiom(token: Token, pos: str, words: set[str], length: int) -> bool:
    """An idiom on this token ("struck a hopeful note") at least ``length`` words long."""
    heads = {token.lemma_.lower(), token.lower_}
    return any(len(rest) >= length and _rest_met(rest, words)
               for head in heads for rest in idioms().get((head, pos), ()))


def _match(token: Token) -> Trigger | None:
    """The most specific lexicon entry that this token heads, or None."""
    lex = lexicon()
    if token.ent_type_ in NOT_TRIGGER_ENTS:
        return None  # "March 13", "Strike Force", a person called Rally
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        options = [t for t in lex.triggers.get(token.lemma_.lower(), []) if t.pos == "VERB"]
        options += [t for t in lex.triggers.get(token.lower_, []) if t.pos == "VERB"
                    and t not in options]
        if not options:
            options = [t for t in lex.triggers.get(_unprefixed(token.lemma_.lower()), [])
                       if t.pos == "VERB"]  # "reimposed a blockade": doing it again
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
    best_rank = (False, -1)
    for trig in options:
        link = linked(trig.phrase) if trig.pos == "NOUN" else None
        if link:
            rest = tuple(w for w in trig.phrase[1:] if w != link)
            if not any(c.dep_ == "prep" and c.lower_ == link and any(
                    _has_word(w, {g.lemma_.lower(), g.lower_}) for g in c.children for w in rest)
                    for c in token.children):
                continue
        else:
            rest = trig.phrase[rest_index:] if rest_index else trig.phrase[:-1]
        # a hand-written row beats an imported one; then the longest phrase wins
        rank = (trig.origin == "hand", len(rest))
        if (link or _rest_met(rest, words)) \
                and rank > best_rank:
            if trig.requires and not _requirement_met(trig, token):
                continue
            if "particle" in trig.flags and not _particle(token, trig.phrase[-1]):
                continue
            if "intransitive" in trig.flags and any(c.dep_ == "dobj" for c in token.children):
                continue  # "riot police" misread as "riot [the] police": no riot
            if "no_predicate" in trig.flags and any(c.dep_ == "oprd" and c.pos_ == "NOUN"
                                                    for c in token.children):
                continue  # "called him a giant": a description, not a phone call (a name the
                # parser took for a predicate, "called/VERB Museveni/oprd", is whom is called)
            best, best_rank = trig, rank
    if best is not None and _idiom(token, best.pos, words, best_rank[1]):
        return None  # "struck an upbeat tone", "a press conference": no event
    return best


def _particle(token: Token, word: str) -> bool:
    """Whether ``word`` stands by the verb as a particle ("gave in"), not as a preposition
    with an object of its own ("gave ... in the region")."""
    return any(c.lower_ == word and (c.dep_ == "prt" or not any(g.dep_ == "pobj" for g in c.children))
               for c in token.children)


def _has_to_infinitive(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "acl", "advcl") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return True
        if child.dep_ in ("dobj", "pobj", "prep") and _has_to_infinitive(child):
            return True
    return False


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# words that make a subject several parties acting together ("the two leaders", "both sides")
JOINT_WORDS = frozenset({"two", "three", "four", "both"})


def _need_met(need: Need, token: Token) -> bool:
    if need.kind == "to_inf":
        return _has_to_infinitive(token)
    if need.kind == "that_clause":
        return any(c.dep_ == "ccomp" for c in token.children)
    if need.kind == "joint":
        # "Kenya and Uganda discussed ...", "the two leaders discussed ...": parties together
        return any(c.dep_ == "nsubj" and (any(g.dep_ == "conj" for g in c.children) or any(
            g.lower_ in JOINT_WORDS for g in c.children)) for c in token.children)
    if need.kind == "prep":
        # "accused X of ...": the parser often hangs "of" on the object
        holders = [token, *(c for c in token.children if c.dep_ in ("dobj", "dative"))]
        if need.words[0] == "of":  # "accused the Alliance for Progress party of ..."
            holders += [t for c in token.children if c.dep_ in ("dobj", "dative", "prep")
                        for t in c.subtree if t.pos_ in ("NOUN", "PROPN") and t not in holders]
        preps = [c for h in holders for c in h.children
                 if c.dep_ in ("prep", "agent") and c.lower_ == need.words[0]]
        if need.place:  # "travelled to Kyiv", not "to the scene"
            return any(g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTS
                       for p in preps for g in p.children)
        return bool(preps)
    if not need.words:
        # "allowed X to run" is often parsed with X the subject of an infinitival ccomp
        return any(c.dep_ in ("dobj", "dative", "oprd", "nsubjpass") or c.dep_ == "prep" and any(
            g.dep_ == "pobj" for g in c.children) or c.dep_ == "ccomp" and any(
            g.dep_ == "nsubj" for g in c.children) and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in token.children)
    objects: set[str] = set()
    for c in token.children:
        if c.dep_ not in ("dobj", "pobj", "nsubjpass"):
            continue
        heads = [c, *(g for g in c.children if g.dep_ == "conj")]  # "photographs and intelligence"
        if c.lemma_.lower() in PARTITIVES or c.lower_ in PARTITIVES:
            # "5 million dollars of aid", "$50 million in emergency aid"
            heads += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                      for g in p.children if g.dep_ == "pobj"]
        for h in heads:
            objects |= {h.lemma_.lower(), h.lower_}
    return any(n in objects or n.rstrip("s") in objects for n in need.words)


def _requirement_met(trig: Trigger, token: Token) -> bool:
    """One of the trigger's ``requires`` alternatives holds: all of its needs are there."""
    return any(all(_need_met(need, token) for need in alt) for alt in trig.requires)
