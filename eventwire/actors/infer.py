"""Countries the text leaves implicit, read from where the article places an actor.

A generic actor ("police", "soldiers", "the ministry", "protesters", "gunmen") takes the
country the text places it in, nearest first:

1. its own modifier ("Sudanese police", "police in Khartoum"): read when the actor is made;
2. its sentence, when the sentence names one country only (as a state, a demonym or a
   place): "Police fired tear gas in Khartoum";
3. the dateline ("NAIROBI, Kenya (AP) -", "BAGHDAD (Reuters) -"), unless the text names its
   country nowhere else while another country dominates (the reporter's seat, not the story's);
4. the article's dominant country: the one named at least ``DOMINANT_SHARE`` of the times
   any country is named, and at least ``DOMINANT_MIN`` times; or the only country it names,
   when not only as a participant.

A possessive comes first: "its police" belong to the state "its" refers to. A named
organisation or group the text, the dictionary and the lexicon give no country (a party,
an agency, a movement) is placed the same way. A person named without a country (and
unknown to the dictionary) is placed, when an officeholder, by elimination (below); else,
or failing that, like a generic actor: the one country of the sentences that name them,
the dateline, the dominant country. Every country found here is marked ``context`` so
that the registry never learns it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..datelines import dateline_names_end
from ..lexicon import MOVE_LEMMAS, territory_names
from ..nlp import doc_text
from ..ontology import STATE_SECTORS
from ..records import Place
from . import coref  # the pronoun resolution (imported as a module: coref needs book, book infer)
from .phrases import FOREIGN_POSTS, POSSESSIVE_PRONOUNS, RELATION_NOUNS, _sided

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .book import Book, Draft

__all__ = ["dateline_country", "infer_countries", "sentence_countries"]

# The dominant country must hold half of all the article's country mentions (so a report
# about one state, with a neighbour named in passing, places its police), and be named twice.
DOMINANT_SHARE = 0.5
DOMINANT_MIN = 2
# nouns of a geographic name a demonym makes ("the Persian Gulf"): no state is named
GEOGRAPHY = frozenset({"gulf", "sea", "ocean", "peninsula", "strait", "straits", "desert",
                       "mountains", "plateau", "basin", "coast", "riviera", "archipelago"})
# Generic actors whose country the context may give: groups and unnamed bodies or officials.
GENERIC_KEYS = ("group:", "organization:None", "person:None")


def sentence_countries(reader: Book, places: tuple[Place, ...]) -> list[tuple[int, str]]:
    """(character offset, country) of every state the text names: country actors' mentions,
    demonyms and places."""
    lex = reader.lex
    found: list[tuple[int, str]] = []
    acts = {t.idx for t in reader.tokens if t.dep_ in ("amod", "compound")
            and t.head.lemma_.lower() in lex.nouns}  # "an Ethiopian airstrike": who, not where
    for d in reader.drafts.values():
        if d.kind == "country" and d.country:
            found.extend((s, d.country) for s, _ in d.mentions if s not in acts)
    for ent in reader.doc.ents:
        if ent.label_ == "NORP" and (code := lex.country_code(ent.text)) \
                and ent.root.head.lower_ not in GEOGRAPHY and ent.start_char not in acts:
            # (not "the Persian Gulf", "the Arabian Sea"; nor "an Ethiopian airstrike", which names
            # who struck, not where those it hit are)
            found.append((ent.start_char, code))
    found.extend((p.start, p.country) for p in places  # (the dateline's place has a rule of
                 if p.country and p.country not in lex.nonstate and p.start >= reader.dateline)  # its own)
    tokens = list(reader.doc)
    return sorted({(pos, c) for pos, c in set(found) if not _sided_at(reader, tokens, pos)})


def _sided_at(reader: Book, tokens: list[Token], offset: int) -> bool:
    """Whether the state named at ``offset`` is one a phrase sides with ("pro-Russia", "an
    ally of Qatar"): someone's party, not where anyone is."""
    span = reader.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    start = end = span[0].i
    named = span[0] if span[0].dep_ == "pobj" else next(
        (t for t in tokens[start:start + 4] if t.dep_ == "pobj"), span[0])
    if named.dep_ == "pobj" and named.head.lower_ == "of" and named.head.head.lemma_.lower() in RELATION_NOUNS:
        return True
    end += 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    return _sided(tokens, start, end)


def dateline_country(reader: Book, places: tuple[Place, ...]) -> str | None:
    """The country of a dateline's place."""
    text = doc_text(reader.doc)  # spaCy rebuilds doc.text on every access
    end = dateline_names_end(text)
    if end is None:
        return None
    lex = reader.lex
    for place in places:
        if place.end <= end and place.country and place.country not in lex.nonstate:
            return place.country
    for part in reversed(text[:end].split(",")):
        name = part.strip()
        code = lex.country_code(name) or lex.capitals.get(name.lower())
        if code:
            return code
    return None


def _dominant(counts: Counter[str]) -> str | None:
    """The country named most, when it holds the share and count above."""
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * sum(counts.values()):
        return country
    return None


def _only(reader: Book, named: list[tuple[int, str]]) -> str | None:
    """The only country the article names, once is enough, unless it is named only as a
    participant ("Clashes broke out in Spain. Police said ..." places the police; "The
    government demanded that Japan pay" does not make the government Japanese)."""
    if len({c for _, c in named}) != 1 or all(_participant(reader, pos) for pos, _ in named):
        return None
    return named[0][1]


def _possessor(reader: Book, d: Draft) -> str | None:
    """"its police", "their army", "his government": the country of the actor the possessive
    refers to."""
    for start, end in sorted(d.mentions):
        for token in reader.doc.char_span(start, end, alignment_mode="expand") or ():
            if token.dep_ != "poss" or token.pos_ != "PRON" or token.lower_ not in POSSESSIVE_PRONOUNS:
                continue
            kinds = ("person",) if token.lower_ in ("his", "her") else ("country", "organization")
            owner = coref.governing_subject(reader, token, kinds) or coref.antecedent(reader, token, kinds)
            if owner is not None and owner is not d and owner.country:
                return owner.country
    return None


FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})


# verbs whose object is the subject's own force ("Kenya sent a naval task force")
SENDING_LEMMAS = frozenset({"send", "deploy", "dispatch", "station", "mobilise", "mobilize",
                            "move", "despatch", "redeploy"})


def _sender(reader: Book, d: Draft) -> str | None:
    """A force that a state sends or deploys is that state's ("Kenya deployed troops", "Kenya
    sent a naval task force"), wherever it is sent."""
    if d.sector not in FORCE_SECTORS:
        return None
    for start, end in sorted(d.mentions):
        span = reader.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        node = span.root
        while node.dep_ in ("compound", "nmod", "conj") and node.head.i != node.i:
            node = node.head  # "a naval task force", "a task force and bombers"
        if node.dep_ != "dobj" or node.head.lemma_.lower() not in SENDING_LEMMAS:
            continue
        for subject in node.head.children:
            owner = reader.token_owner.get(subject.i) if subject.dep_ == "nsubj" else None
            sender = reader.drafts.get(owner) if owner else None
            if sender is not None and sender is not d and sender.country and not sender.inferred:
                return sender.country
    return None


def _force_named_before(reader: Book, d: Draft) -> str | None:
    """"The army" after "Ethiopia's security forces": a state's armed force or police, in the
    singular and definite, with no country of its own, is the force of the country named for
    one before it (the nearest)."""
    if d.sector not in FORCE_SECTORS or not d.mentions:
        return None
    start, end = min(d.mentions)
    first = reader.doc.char_span(start, end, alignment_mode="expand")
    if first is None or not len(first) or first[0].lower_ != "the" \
            or first.root.tag_ != "NN":
        return None  # "the forces that have encircled ..." may be anyone's
    before = [(min(o.mentions)[0], o.country) for o in reader.drafts.values()
              if o is not d and o.sector in FORCE_SECTORS and o.country and not o.inferred
              and o.mentions and min(o.mentions)[0] < start]
    return max(before)[1] if before else None


def _destinations(reader: Book, d: Draft) -> set[str]:
    """Countries of the places this person travels to ("X will visit Addis Ababa")."""
    out: set[str] = set()
    for i in d.subject_at:
        verb = reader.doc[i].head
        if verb.lemma_.lower() not in MOVE_LEMMAS:
            continue
        for child in verb.subtree:
            if child.dep_ in ("dobj", "pobj") and child.head.i in (verb.i, *(
                    c.i for c in verb.children if c.dep_ == "prep")):
                for place in reader.places:
                    if place.start <= child.idx < place.end and place.country:
                        out.add(place.country)
    return out


def _by_elimination(reader: Book, d: Draft, counts: dict[str, int]) -> str | None:
    """An officeholder: countries whose office of the same name is held by someone else are
    excluded (and those the person travels to); when that leaves one state the article
    names, that one; else, of the rest, the state named most often."""
    taken = {o.country for o in reader.drafts.values()
             if o is not d and o.kind == "person" and o.role == d.role and o.country}
    excluded = bool(taken & set(counts))
    taken |= _destinations(reader, d)
    rest = [c for c in counts if c not in taken]
    if excluded and len(rest) == 1:  # "Host President X received President Y": the other state
        return rest[0]
    options = [c for c in rest if counts[c] >= 3]
    return max(options, key=lambda c: counts.get(c, 0)) if options else None


def _islanders(reader: Book, d: Draft) -> str | None:
    """"The Falkland Islanders", "Cook Islanders": the people of the islands of that name."""
    words = [w for w in d.name.split() if w.lower() != "the"]
    if len(words) < 2 or words[-1].lower().rstrip("’'s") not in ("islander", "islanders"):
        return None
    islands = " ".join(words[:-1]) + " Islands"
    return reader.lex.country_code(islands) or territory_names().get(islands.lower())


def _kin(reader: Book, d: Draft) -> str | None:
    """The country of the people of the article who bear the person's surname, when the text
    gives it them and it is one ("President Kofi Tetteh and First Lady Ama Tetteh")."""
    words = d.name.split()
    if len(words) < 2:
        return None
    found = {o.country for o in reader.drafts.values()
             if o is not d and o.kind == "person" and o.country and not o.inferred
             and len(o.name.split()) >= 2 and o.name.split()[-1] == words[-1] and o.name != d.name}
    return found.pop() if len(found) == 1 else None


def _generic(d: Draft) -> bool:
    """Police, soldiers, "the ministry", protesters; or a named state body ("the Interior
    Ministry") whose name carries no country."""
    return d.key.startswith(GENERIC_KEYS) or (
        d.kind in ("organization", "group") and d.sector in STATE_SECTORS)


# A state that is itself a participant ("demanded that Japan pay", "attacked Syria",
# "talks with Iran") does not place the other actors of its sentence; "in Khartoum",
# "Sudanese", "Sudan's police" do.
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "appos", "conj"})
PARTICIPANT_PREPS = frozenset({"to", "with", "against", "on", "from", "by", "between"})


def _participant(reader: Book, offset: int) -> bool:
    span = reader.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    head = token
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and not any(
            c.dep_ == "conj" for c in head.children) and not any(
            c.dep_ in ("acomp", "attr") and c.pos_ == "NOUN" or c.dep_ == "prep" and any(
                t.type == "CONSULT" for o in c.children if o.dep_ == "pobj"
                for t in reader.lex.triggers.get(o.lemma_.lower(), ()))
            for c in head.head.children):
        return False  # "Kenya has been in turmoil, with the opposition ...": a scene, not a
        # party ("Kenya has been in talks with ..." is one)
    if head.dep_ in PARTICIPANT_DEPS:
        return True
    if head.dep_ == "amod" and (head.head.dep_ in ("dobj", "dative", "nsubjpass") or (
            head.head.dep_ == "pobj" and head.head.head.lower_ in PARTICIPANT_PREPS)):
        return True  # "seized a Ukrainian ship", "tariffs on Mexican goods": whose thing
    return head.dep_ == "pobj" and head.head.lower_ in PARTICIPANT_PREPS


def _from_sentences(reader: Book, d: Draft, named: list[tuple[int, str]]) -> str | None:
    """The one country named in the sentences of the actor's mentions (first mention first),
    participants aside."""
    named = [(pos, c) for pos, c in named if not _participant(reader, pos)]
    bounds = [(s.start_char, s.end_char) for s in reader.sents]
    for start, _ in sorted(d.mentions):
        sent = next(((a, b) for a, b in bounds if a <= start < b), None)
        if sent is None:
            continue
        inside = {c for pos, c in named if sent[0] <= pos < sent[1]}
        if len(inside) > 1:
            # "rallies in Tunisia, with demonstrators demanding the expulsion of a foreign
            # envoy": where the sentence happens outranks whom it names
            inside = {c for pos, c in named if sent[0] <= pos < sent[1]
                      and _locative(reader, pos)} or inside
        if len(inside) == 1:
            return inside.pop()
    return None


LOCATIVE_PREPS = frozenset({"in", "across", "throughout", "inside", "around"})
# participles that say where a thing is, not where something happens
WHERE_THINGS_ARE = frozenset({"base", "locate", "situate", "headquarter", "station", "head"})


def _locative(reader: Book, offset: int) -> bool:
    """Whether the country named at ``offset`` is where something happens (see
    ``_where_it_happens``), read once per offset."""
    cache = reader.memo.setdefault("locative", {})
    if offset not in cache:
        cache[offset] = _where_it_happens(reader, offset)
    return bool(cache[offset])


def _where_it_happens(reader: Book, offset: int) -> bool:
    """Whether the country named at ``offset`` is where something happens ("rallies in
    Tunisia", "spread in Tunisia"; not "a militia based in Chad")."""
    span = reader.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span[0]
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPS:
        return False
    at = head.head.head  # what happens there: an act ("rallies in Tunisia"), not a thing
    if at.lemma_.lower() in WHERE_THINGS_ARE:
        return False  # "a militia based in Chad"
    return at.pos_ in ("VERB", "AUX") or at.lemma_.lower() in reader.lex.nouns


def _hosts(reader: Book, d: Draft) -> set[str]:
    """The countries a state's post abroad sits in ("the embassy in Tbilisi", "diplomats in
    Moscow"): never its own."""
    out: set[str] = set()
    for start, end in d.mentions:
        span = reader.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.lower_ not in FOREIGN_POSTS:
            continue
        for prep in span.root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for obj in prep.subtree:
                    out.update(p.country for p in reader.places
                               if p.start <= obj.idx < p.end and p.country)
    return out


def infer_countries(reader: Book, places: tuple[Place, ...]) -> None:
    """Give the drafts without a country the one their context names (see the module doc)."""
    named = sentence_countries(reader, places)
    counts: Counter[str] = Counter(c for _, c in named)
    state_counts: dict[str, int] = {}
    for d in reader.drafts.values():
        if d.kind == "country" and d.country:
            state_counts[d.country] = state_counts.get(d.country, 0) + len(d.mentions)
    dateline = dateline_country(reader, places)
    dominant = _dominant(counts) or _only(reader, named)
    if dateline and dominant and dominant != dateline and counts.get(dateline, 0) <= 1:
        dateline = None  # "TALLINN, Estonia (AP)" over a story about Belarus: where the reporter is
    for d in reader.drafts.values():
        if d.country or d.kind == "country":
            continue
        country: str | None = None
        if d.kind in ("group", "person", "organization") and (found := _islanders(reader, d)):
            d.country, d.inferred = found, False  # named by the islands, not inferred
            continue
        if _generic(d) or d.kind in ("organization", "group"):
            hosts = _hosts(reader, d)
            country = _possessor(reader, d) or _sender(reader, d) or _force_named_before(reader, d) or _from_sentences(
                reader, d, [(pos, c) for pos, c in named if c not in hosts]) or next(
                (c for c in (dateline, dominant) if c and c not in hosts), None)
            if country is None and hosts:  # the state the article names most, its host aside
                country = max((c for c in state_counts if c not in hosts),
                              key=lambda c: state_counts[c], default=None)
        elif d.kind == "person":
            country = _kin(reader, d)
            if country is None and d.role and len(reader.sents) >= 4 and state_counts:
                country = _by_elimination(reader, d, state_counts)
            away = _destinations(reader, d)  # "X will visit Addis Ababa": not Ethiopia's
            country = country or _from_sentences(
                reader, d, [(pos, c) for pos, c in named if c not in away]) or dateline or dominant
        if country:
            d.country = country
            d.inferred = True
