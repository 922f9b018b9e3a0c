"""Coreference inside the article: documents refer to whoever issued them ("the
statement"), pronouns to the actor they stand for, and first person inside a direct quote
to its speaker (``quote_speakers``, run once the quote stage has found the speakers)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..records import Mention, Quote
from ..registry import HONORIFICS, surname_form
from .book import Book, Draft
from .phrases import (
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    GROUP_SIZES,
    PAIR_EITHER,
    PAIR_PERSONS,
    PAIR_STATES,
    PERSON_PRONOUNS,
    _left_edge,
)
from .table import ActorTable

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["HONORIFICS", "documents", "fold_names", "pairs", "pronouns", "quote_speakers"]

# "the two leaders" refers back this many sentences at most
PAIR_SENTENCES = 3


def fold_names(book: Book) -> None:
    """"Mr Blair", "Ms Hewitt", "Sir Menzies Campbell", a bare "Blair": the person the article
    names in full with that surname ("Tony Blair"), when exactly one such person is named (two
    Blairs leave "Mr Blair" alone). The folded draft's mentions, subject positions and tokens
    pass to the full name, and its role or country where the full name has none."""
    people = [d for d in book.drafts.values() if d.kind == "person"]
    full: dict[str, list[Draft]] = {}
    for d in people:
        words = d.name.split()
        if len(words) > 1 and words[0].lower().rstrip(".") not in HONORIFICS:
            full.setdefault(words[-1].lower(), []).append(d)
    for d in people:
        surname = surname_form(d.name)
        if surname is None:
            found = _named_first(d, people)
        else:
            found = [f for f in full.get(surname.lower(), ()) if f is not d]
        if len(found) != 1 or d.name in (f.name for f in found):
            continue
        _merge(book, d, found[0])


def _named_first(short: Draft, people: list[Draft]) -> list[Draft]:
    """The people whose longer name begins with a two-word name written only after an
    honorific ("Mr Abdul Karim" for "Abdul Karim Hassan", as Arabic names are shortened)."""
    words = short.name.split()
    if len(words) < 2 or not short.mentions or not all(
            text.split()[0].lower().rstrip(".") in HONORIFICS for text in short.mentions.values()
            if text.endswith(short.name) and text != short.name):
        return []
    if not any(text.split()[0].lower().rstrip(".") in HONORIFICS for text in short.mentions.values()):
        return []
    return [f for f in people if f is not short and len(f.name.split()) > len(words)
            and f.name.split()[:len(words)] == words]


def _merge(book: Book, gone: Draft, into: Draft) -> None:
    """``gone`` becomes mentions of ``into``: one actor of the article."""
    for span, text in gone.mentions.items():
        into.mentions.setdefault(span, text)
    into.subject_at.extend(gone.subject_at)
    if into.role is None and gone.role is not None:
        into.role, into.sector, into.other_sectors = gone.role, gone.sector, gone.other_sectors
    if into.country is None and gone.country is not None:
        into.country, into.inferred = gone.country, gone.inferred
    for i, key in list(book.token_owner.items()):
        if key == gone.key:
            book.token_owner[i] = into.key
    for acronym, key in list(book.acronyms.items()):
        if key == gone.key:
            book.acronyms[acronym] = into.key
    del book.drafts[gone.key]
    book.order.remove(gone.key)


def pairs(book: Book) -> None:
    """"The two leaders", "both countries", "the two sides": a mention of each of the two
    persons (or states) the text named last before it, in its sentence or the few before."""
    _group_mentions(book, PAIR_PERSONS | PAIR_STATES | PAIR_EITHER, lambda low: (
        (("person",),) if low in PAIR_PERSONS else (("country",),) if low in PAIR_STATES
        else (("country",), ("person",))))


def sides(book: Book) -> None:
    """"Both warring sides" left unread by ``pairs``: the parties named last, a government,
    its forces or an armed group among them (read once every body and group is known)."""
    _group_mentions(book, PAIR_EITHER, lambda low: (PARTY_KINDS,))


def _group_mentions(book: Book, words: frozenset[str],
                    kinds_of: Callable[[str], tuple[tuple[str, ...], ...]]) -> None:
    for token in book.tokens:
        low = token.lower_
        if token.i in book.covered or token.pos_ != "NOUN" or low not in words:
            continue
        det = [t for t in token.lefts if t.lower_ in GROUP_SIZES]
        if not det and token.tag_ == "NNS" and [t.lower_ for t in token.lefts] == ["the"]:
            # "the countries also agreed": the states named together just before
            found = next((g for kind in kinds_of(low)
                          if len(g := _last_together(book, token, kind)) > 1), [])
            for d in found:
                book.mention(d, _left_edge(token), token.i + 1, token)
            continue
        if not det or any(t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ != "CARDINAL")
                          or (t.pos_ == "ADJ" and t.lower_ not in UNRESTRICTIVE)
                          for t in token.lefts if t.i > det[0].i):
            continue  # "two Chinese ministers", "two senior officials" are others
        size = GROUP_SIZES[det[0].lower_]
        if size > 2 and not any(t.lower_ in ("the", "all", "these", "those") for t in token.lefts):
            continue  # "three countries" may be any three; "the three countries" are known
        start = _left_edge(token)
        for kind in kinds_of(low):
            found = _last_n(book, token, kind, size)
            if found:
                for d in found:
                    book.mention(d, start, token.i + 1, token)
                break


# words that do not make "the two sides" others than the two named last ("both warring sides")
UNRESTRICTIVE = frozenset({"warring", "rival", "opposing", "feuding", "neighbouring",
                           "neighboring", "main"})
# "both sides" of a conflict may be a government and an armed group
PARTY_KINDS = ("country", "organization", "group")


def _last_together(book: Book, token: Token, kind: tuple[str, ...]) -> list[Draft]:
    """The drafts of a ``kind`` coordinated as a subject ("Japan and the Philippines held
    talks") in the sentence before ``token``'s or in its own, before it."""
    floor = book.sentences_back(token.i, 1)
    for i in range(token.i - 1, floor - 1, -1):
        key = book.token_owner.get(i)
        if key is None or book.drafts[key].kind not in kind or i not in book.drafts[key].subject_at:
            continue
        together = [book.drafts[key], *coordinated(book, book.drafts[key])]
        if len(together) > 1:
            return together
    return []


# group nouns for holders of an office, which a person of the elite sector does not hold
OFFICE_WORDS = frozenset({"leaders", "presidents", "ministers", "premiers", "heads", "counterparts"})


def _last_n(book: Book, token: Token, kind: tuple[str, ...], size: int) -> list[Draft]:
    """The ``size`` drafts of a ``kind`` mentioned last before ``token``, nearest first."""
    floor = book.sentences_back(token.i, PAIR_SENTENCES)
    found: list[Draft] = []
    for i in range(token.i - 1, floor - 1, -1):
        key = book.token_owner.get(i)
        if key is None or book.drafts[key].kind not in kind or book.drafts[key] in found:
            continue
        if token.lower_ in OFFICE_WORDS and book.drafts[key].sector == "ELI":
            continue  # "the two leaders" are no first lady, prince or former president
        found.append(book.drafts[key])
        if len(found) == size:
            return found
    return []


# an object pronoun ("him", "her", "them") is never the subject of its own clause: "X was
# quick in recognizing him", "he said X met him" (a reflexive is: "X declared himself")
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})
# how far up a pronoun's clause reaches for its subject: a verb without a subject of its own
# takes the one of the word it depends on ("quick in recognizing him", "wants to meet him")
CLAUSE_CLIMB = frozenset({"xcomp", "pcomp", "prep", "acomp", "conj", "agent"})
CLAUSE_HOPS = 4
# acts aimed at another party: their object is never the doer's own
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE"})
AIM_PREPS = frozenset({"into", "onto", "on", "at", "against", "toward", "towards"})


# object pronouns resolved to the actor of their kind named just before in their sentence
OBJECT_KINDS = {"them": "group", "him": "person", "her": "person"}


def _object_before(book: Book, token: Token) -> Draft | None:
    """For "them" ("him", "her") as an object, the group (person) its own sentence named just
    before, not as a subject ("police beat the opposition marchers and detained a dozen of
    them", "with the opposition blaming President X, urging him to resign"): not the
    clause's subject, who does not act on itself."""
    kind = OBJECT_KINDS.get(token.lower_)
    if kind is None or token.dep_ not in ("dobj", "pobj", "dative"):
        return None
    subjects = clause_subjects(book, token)
    sentence = token.sent
    for t in reversed([t for t in sentence if t.i < token.i]):
        key = book.token_owner.get(t.i)
        draft = book.drafts.get(key) if key else None
        if draft is None or draft in subjects or "poss" in (t.dep_, t.head.dep_):
            continue  # (nor a possessor: "barred him from X's swearing-in")
        if t.dep_ in ("nsubj", "nsubjpass"):
            return None  # a subject between: the usual antecedent rules decide
        return draft if draft.kind == kind else None
    return None


def clause_subjects(book: Book, token: Token) -> list[Draft]:
    """The actors that are the subject of an object pronoun's own clause (see
    ``OBJECT_PRONOUNS``): none they may stand for."""
    if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in OBJECT_DEPS:
        return []
    verb = token.head
    for _ in range(CLAUSE_HOPS):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i]
        if subjects:
            return [book.drafts[k] for c in subjects for t in c.subtree
                    if (k := book.token_owner.get(t.i)) is not None]
        if verb.dep_ not in CLAUSE_CLIMB or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def pronouns(book: Book) -> None:
    for token in book.tokens:
        low = token.lower_
        if token.i in book.covered or token.pos_ not in ("PRON", "DET"):
            continue
        if low in PERSON_PRONOUNS:
            target = _object_before(book, token) or antecedent(
                book, token, kinds=("person",), exclude=clause_subjects(book, token))
        elif low in GROUP_PRONOUNS:
            target = governing_subject(book, token, ("group", "organization", "country"))
            people = [] if target is not None else coordinated_people(book, token)
            if people:  # "Ruto and Museveni met on Monday. They agreed ...": both
                for person in people:
                    book.mention(person, token.i, token.i + 1, token)
                continue
            target = target or _object_before(book, token) or antecedent(
                book, token, kinds=("group", "organization", "country"), exclude=clause_subjects(book, token))
        elif low in ("it", "its") and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            target = governing_subject(book, token, ("organization", "country", "group")) \
                or antecedent(book, token, kinds=("organization", "country"),
                              exclude=attackers(book, token))
        else:
            continue
        if target is not None:
            book.mention(target, token.i, token.i + 1, token)
            if low in GROUP_PRONOUNS:
                # "Kenya and Tanzania said they will ...": "they" is both
                for other in coordinated(book, target):
                    book.mention(other, token.i, token.i + 1, token)


def attackers(book: Book, token: Token) -> list[Draft]:
    """The subject of the attack whose object or destination a possessive "its" names: "the
    army fired mortars at its border posts" fires at someone else's posts, so "its" is not
    the army ("detained soldiers in its region" and "withdrew its offer" keep their own
    "its": a place where, and an act, are no aim)."""
    if token.dep_ != "poss" or token.head.lower_ in book.lex.nouns:
        return []
    owned = token.head
    if owned.dep_ == "pobj" and owned.head.lower_ in AIM_PREPS:
        verb = owned.head.head
    elif owned.dep_ == "dobj":
        verb = owned.head
    else:
        return []
    if verb.pos_ != "VERB" or not any(
            t.type in HOSTILE_TYPES for t in book.lex.triggers.get(verb.lemma_.lower(), ())):
        return []
    return [book.drafts[k] for c in verb.children if c.dep_ == "nsubj"
            for t in c.subtree if (k := book.token_owner.get(t.i)) is not None]


def coordinated_people(book: Book, token: Token) -> list[Draft]:
    """The people named together last before a plural pronoun: in its own sentence ("blamed
    Karim and Mensah and demanded their arrest"), or as the subject of the one before ("Ruto
    and his host exchanged views. They stressed ..."); none when a group, body or state is a
    subject after them."""
    idx = book.sentence_index(token.i)
    for k in range(idx, max(idx - 2, -1), -1):
        s = book.sents[k]
        limit = token.i if k == idx else s.end
        for t in reversed([t for t in s if t.i < limit]):
            owner = book.token_owner.get(t.i)
            draft = book.drafts.get(owner) if owner else None
            if draft is None:
                continue
            if draft.kind != "person":
                if t.dep_ in ("nsubj", "nsubjpass"):
                    return []  # a group, body or state is the nearer subject
                continue
            first = t
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if k != idx and first.dep_ not in ("nsubj", "nsubjpass"):
                continue  # in the sentence before, only its subjects ("X met Y and Z. Their
                # meeting ..." is all three)
            people = [draft] + [d for c in t.conjuncts if (key := book.token_owner.get(c.i))
                                and (d := book.drafts[key]).kind == "person" and d is not draft]
            if len(people) > 1:
                return sorted(people, key=lambda d: min(d.mentions))
    return []


def coordinated(book: Book, draft: Draft) -> list[Draft]:
    """The drafts coordinated with ``draft`` where it is a subject ("Kenya and Tanzania said
    ..."): the parties a plural pronoun after it stands for."""
    doc = book.doc
    out: list[Draft] = []
    for i in draft.subject_at:
        head = doc[i]
        for conj in head.conjuncts:
            key = book.token_owner.get(conj.i)
            other = book.drafts.get(key) if key else None
            if other is not None and other is not draft and other not in out \
                    and other.kind == draft.kind:
                out.append(other)
    return out


def governing_subject(book: Book, token: Token, kinds: tuple[str, ...]) -> Draft | None:
    """"Switzerland said it had expelled ...": the subject of the verb that reports."""
    verb = token.head if token.dep_ != "poss" else token.head.head
    hops = 0
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp") and hops < 3:
        verb = verb.head
        hops += 1
        for child in verb.children:
            if child.dep_ == "nsubj" and child.i != token.i:
                owner = book.token_owner.get(child.i)
                if owner and book.drafts[owner].kind in kinds:
                    return book.drafts[owner]
                return None
    return None


def antecedent(book: Book, token: Token, kinds: tuple[str, ...],
               exclude: Sequence[Draft] = ()) -> Draft | None:
    """Prefer the subject of the current sentence, then of the previous ones; never one of
    ``exclude``."""
    sents = book.sents
    idx = book.sentence_index(token.i)
    for k in range(idx, max(idx - 4, -1), -1):
        s = sents[k]
        limit = token.i if k == idx else s.end
        subjects = [t for t in s if t.i < limit and t.dep_ in ("nsubj", "nsubjpass")
                    and t.i in book.token_owner and t.idx >= book.credit_end]
        # "One member, Norway, wants to ask its parliament": the subject named in apposition
        subjects += [c for t in s if t.i < limit and t.dep_ in ("nsubj", "nsubjpass")
                     for c in t.children
                     if c.dep_ == "appos" and c.i in book.token_owner and c.i < limit]
        for kind in kinds:
            for t in reversed(subjects):
                d = book.drafts[book.token_owner[t.i]]
                if d.kind == kind and d not in exclude:
                    return d
        others = [t for t in s if t.i < limit and t.i in book.token_owner
                  and t.idx >= book.credit_end]
        if k != idx:
            for kind in kinds:
                for t in reversed(others):
                    d = book.drafts[book.token_owner[t.i]]
                    if d.kind == kind and d not in exclude:
                        return d
    return None


def documents(book: Book) -> None:
    """"the statement" and "the X statement" refer to whoever issued it."""
    doc = book.doc
    for token in book.tokens:
        if token.lower_ not in DOCUMENT_NOUNS or token.i in book.covered:
            continue
        if token.lower_ == "release" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "the release of Ahmed Karim" frees someone; a press release is issued
        start = _left_edge(token)
        owner = next((book.token_owner[i] for i in range(start, token.i) if i in book.token_owner), None)
        if owner is None:
            if doc[start].lower_ not in ("the", "this", "that", "its"):
                continue
            owner = recent_issuer(book, token)
        if owner is not None:
            book.mention(book.drafts[owner], start, token.i + 1, token)


def recent_issuer(book: Book, token: Token) -> str | None:
    best = None
    for i in range(token.i - 1, max(token.i - 120, -1), -1):
        key = book.token_owner.get(i)
        if key and book.drafts[key].kind == "organization":
            return key
        if key and best is None and book.drafts[key].kind != "country":
            best = key
    return best



THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})
FIRST_PERSON = re.compile(r"\b(I|We|we|me|us|our|my|Our|My)\b")


def quote_speakers(table: ActorTable, quotes: tuple[Quote, ...], text: str) -> ActorTable:
    """First-person pronouns inside a direct quote are mentions of its speaker, and a
    third-person one ("He was riding a motorcycle," Khan said) is not: a speaker does not
    say "he" of himself."""
    extra: list[tuple[int, int, str]] = []
    wrong: set[tuple[int, int, str]] = set()
    for q in quotes:
        if q.kind != "direct" or q.speaker is None:
            continue
        for m in FIRST_PERSON.finditer(text[q.start:q.end]):
            extra.append((q.start + m.start(), q.start + m.end(), q.speaker))
        wrong |= {(s, e, a) for s, e, a in table.spans if a == q.speaker and q.start <= s < e <= q.end
                  and text[s:e].lower() in THIRD_PERSON}
    if not extra and not wrong:
        return table
    actors = []
    for actor in table.actors:
        new = [Mention(start=s, end=e, text=text[s:e]) for s, e, a in extra if a == actor.id]
        kept = [m for m in actor.mentions if (m.start, m.end, actor.id) not in wrong]
        if new or len(kept) < len(actor.mentions):
            merged = sorted((*kept, *new), key=lambda m: (m.start, m.end))
            actor = dataclasses.replace(actor, mentions=tuple(merged))
        actors.append(actor)
    spans = [span for span in table.spans if span not in wrong]
    return ActorTable(actors=tuple(actors), spans=tuple(sorted((*spans, *extra))))
