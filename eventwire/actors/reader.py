"""The reader: builds the actors of one article from entities, titles, demonyms, seats of
power, surnames, pronouns and documents, then infers what the text leaves implicit."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..lexicon import MOVE_LEMMAS, Organisation, Title, lexicon
from ..records import Place
from .infer import dateline_end
from .phrases import (
    BODY_HEADS,
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    GROUPING_NOUNS,
    MARKED_SECTORS,
    NGO_WORDS,
    OFFICE_NOUNS,
    PEER_NOUNS,
    PERSON_PRONOUNS,
    SECTOR_HINTS,
    _clean,
    _country_in,
    _demonym_name,
    _descriptor_start,
    _left_edge,
    _of_country,
    _title_in,
    _words,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(slots=True)
class _Draft:
    """An actor while the article is being read (mutable; frozen into ``Actor`` at the end)."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    role: str | None = None
    cameo: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    subject_at: list[int] = field(default_factory=list)
    inferred: bool = False

    def add(self, start: int, end: int, text: str) -> None:
        self.mentions.setdefault((start, end), text)

    def absorb(self, title: Title | None, country: str | None) -> None:
        if title is not None and self.role is None:
            self.role, self.sector, self.other_sectors = title.role, title.sector, title.other_sectors
        if country and not self.country:
            self.country = country


class _Reader:
    """Builds the drafts of one article."""

    def __init__(self, doc: Doc, places: tuple[Place, ...] = ()) -> None:
        self.doc = doc
        self.places = places
        self.lex = lexicon()
        self.drafts: dict[str, _Draft] = {}
        self.order: list[str] = []
        self.token_owner: dict[int, str] = {}
        self.covered: set[int] = set()
        self.acronyms: dict[str, str] = {}  # "RUF" -> the key of the body it abbreviates
        self.sents = list(doc.sents)
        self.dateline = dateline_end(doc.text) or 0  # "BAGHDAD (Reuters) -" names no actor
        self.covered.update(t.i for t in doc if t.idx < self.dateline)

    # drafts ------------------------------------------------------------------------------
    def draft(self, key: str, name: str, kind: str) -> _Draft:
        if key not in self.drafts:
            self.drafts[key] = _Draft(key=key, name=name, kind=kind)
            self.order.append(key)
        return self.drafts[key]

    def mention(self, d: _Draft, start_tok: int, end_tok: int, head: Token) -> None:
        span = self.doc[start_tok:end_tok]
        text = span.text.strip()
        if not text:
            return
        d.add(span.start_char, span.start_char + len(text), text)
        for i in range(start_tok, end_tok):
            self.token_owner.setdefault(i, d.key)
            self.covered.add(i)
        if head.dep_ in ("nsubj", "nsubjpass"):
            d.subject_at.append(head.i)

    # persons ---------------------------------------------------------------------------
    def person(self, ent: Span) -> None:
        lex, doc = self.lex, self.doc
        root = ent.root
        name = _clean(ent.text)
        name_tokens = name.split()
        if not name_tokens:
            return
        # a title NP with the name in apposition: "his Peruvian counterpart Ana Torres"
        start = _descriptor_start(doc, ent.start, ent.sent.start)
        head = root.head if root.dep_ == "appos" and root.head.i < ent.start \
            and root.head.ent_type_ != "PERSON" else None
        if head is not None:
            start = min(start, _descriptor_start(doc, head.i + 1, ent.sent.start))
        descriptor = [t for t in doc[start:ent.start] if not self.inside_known_org(t)]
        words = _words(descriptor)
        title, _, _ = _title_in(words, lex)
        country = _country_in(descriptor, lex)
        of_country, end = _of_country(root, lex)
        country = country or of_country or self.organisation_code(list(doc[start:ent.start])) \
            or self.place_country(root, ("from",))
        if any(w in PEER_NOUNS for w in words):
            title = title or self.peer_title(ent.sent, exclude=name)
        end = max(end, ent.end)
        key = self.person_key(name_tokens)
        d = self.draft(key, name, "person")
        if len(name_tokens) > len(d.name.split()):
            d.name = name
        d.absorb(title, country)
        if d.role and d.sector is None:
            # "Co-Chair of the Contact Group", "spokesman for the ministry": the body's sector
            org = self.organisation_in(list(doc[start:ent.start]))
            d.sector = org.sector if org is not None else None
        self.mention(d, start, end, root)

    def person_key(self, name_tokens: list[str]) -> str:
        if len(name_tokens) == 1:
            surname = name_tokens[0].lower()
            for key, d in self.drafts.items():
                if d.kind == "person" and d.name.split()[-1].lower() == surname:
                    return key
        return "person:" + " ".join(name_tokens).lower()

    def peer_title(self, sent: Span, exclude: str) -> Title | None:
        """A counterpart holds the same office as the other person of the sentence."""
        for key in self.order:
            d = self.drafts[key]
            if d.kind == "person" and d.role and d.name != exclude:
                if any(sent.start_char <= s < sent.end_char for s, _ in d.mentions):
                    return self.lex.titles.get(d.role.lower())
        return None

    # organisations, countries, groups ---------------------------------------------------
    def organisation(self, ent: Span) -> None:
        lex = self.lex
        root = ent.root
        known = self.acronyms.get(_clean(ent.text))
        if known is not None:  # "the RUF", once "Revolutionary United Front (RUF)" was read
            self.mention(self.drafts[known], ent.start, ent.end, root)
            return
        org = lex.organisation(ent.text)
        start = _left_edge(root)
        if org is not None:
            d = self.draft("org:" + org.name.lower(), org.name, org.kind)
            d.country, d.sector, d.role = d.country or org.country, d.sector or org.sector, org.role
            d.cameo = org.cameo
            self.mention(d, min(start, ent.start), ent.end, root)
            return
        if self.surname_of_person(ent):
            return
        tokens = list(self.doc[min(start, ent.start):ent.end])
        self.noun_phrase_actor(tokens, root, default_kind="organization", named=_clean(ent.text))

    def place_country(self, head: Token, preps: tuple[str, ...] = ("in", "from")) -> str | None:
        """"demonstrators in Baghdad", "a missionary from Calgary": the country of the place."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps or (
                    child.dep_ == "acl" and child.lemma_ in ("base", "station")):
                for obj in child.subtree:
                    if obj.dep_ != "pobj":
                        continue
                    for place in self.places:
                        if place.start <= obj.idx < place.end and place.country and \
                                place.country not in self.lex.nonstate:
                            return place.country
        return None

    def organisation_in(self, tokens: list[Token]) -> Organisation | None:
        """The first organisation of the lexicon named in the phrase ("U.N." in the entity
        "U.N. Secretary-General" too: the longest known start of an entity counts)."""
        seen: set[int] = set()
        for token in tokens:
            if token.ent_type_ != "ORG" or token.i in seen:
                continue
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if ent is None:
                continue
            seen.update(range(ent.start, ent.end))
            for end in range(ent.end, ent.start, -1):
                org = self.lex.organisation(token.doc[ent.start:end].text)
                if org is not None:
                    return org
        return None

    def organisation_code(self, tokens: list[Token]) -> str | None:
        """"UN troops", "NATO Secretary-General": the country code of a known organisation
        named in the phrase (IGO, UNO, EUR ... or its state)."""
        org = self.organisation_in(tokens)
        return org.country if org is not None else None

    def inside_known_org(self, token: Token) -> bool:
        """Whether the token lies inside an organisation the lexicon knows ("Contact Group")."""
        if token.ent_type_ != "ORG":
            return False
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        return ent is not None and self.lex.organisation(ent.text) is not None

    def surname_of_person(self, ent: Span) -> bool:
        """A single capitalised word tagged ORG/GPE that is the surname of a known person."""
        text = _clean(ent.text)
        if " " in text or not text[:1].isupper() or self.lex.country_code(text):
            return False
        for d in self.drafts.values():
            if d.kind == "person" and len(d.name.split()) > 1 and d.name.split()[-1] == text:
                self.mention(d, ent.start, ent.end, ent.root)
                return True
        return False

    def country(self, ent: Span) -> None:
        lex = self.lex
        if ent.start_char < self.dateline:
            return
        text = _clean(ent.text)
        code = lex.country_code(text)
        capital = None
        if code is None:
            capital = lex.capitals.get(text.lower())
            root = ent.root
            if capital is not None and root.dep_ == "compound" and root.head.dep_ == "dobj" \
                    and root.head.head.lemma_.lower() in MOVE_LEMMAS:
                root = root.head  # "to attend the Beijing Olympics": the host, as "visit Beijing"
            if capital is None or root.dep_ not in ("nsubj", "nsubjpass", "pobj", "poss", "dobj"):
                return
            prep = root.head
            if root.dep_ == "pobj" and prep.lower_ != "by" and not (
                    prep.lower_ in ("to", "in", "into") and prep.head.lemma_.lower() in MOVE_LEMMAS):
                return  # "in Paris" is a place; "Paris said", "arrived in Paris" an actor
            if root.dep_ == "dobj" and root.head.lemma_.lower() not in MOVE_LEMMAS:
                return
            code = capital
        root = ent.root
        # a country inside a title phrase ("Armenia's Defense Minister") is not its own mention
        if root.dep_ in ("poss", "compound") and root.head.i in self.title_heads:
            return
        name = lex.countries[code].name if code in lex.countries else text
        d = self.draft("country:" + code, name, "country")
        d.country = code
        d.sector = d.sector or "GOV"
        self.mention(d, ent.start, ent.end, root)

    def noun_phrase_actor(self, tokens: list[Token], head: Token, *, default_kind: str,
                          named: str | None = None, hint: str | None = None) -> _Draft | None:
        """An actor described by a noun phrase: "the French foreign ministry", "Azerbaijani forces"."""
        lex = self.lex
        words = _words(tokens)
        title, ti, tj = _title_in(words, lex)
        country = _country_in(tokens, lex)
        if country is None:
            country, _ = _of_country(head, lex)
        if country is None and named is None:
            country = self.organisation_code(tokens) or hint
        if country is None:
            country = self.place_country(head)
        if title is None and named is None:
            return None
        if title is not None and title.kind == "person" and named is None:
            # "the French President": the person of the article holding that office
            d = self.holder(title, country)
            if d is not None:
                self.mention(d, tokens[0].i, tokens[-1].i + 1, head)
                return d
        kind = title.kind if title else default_kind
        if named and kind == "person":
            kind = "organization"  # "the rebel Revolutionary United Front": a rebel body
        if named:
            name = named
            key = "org:" + named.lower()
        else:
            assert title is not None
            role_words = " ".join(words[ti:tj])
            base = title.role if title.kind != "group" else role_words
            name = f"{_demonym_name(country, lex)} {base}".strip()
            key = f"{kind}:{country}:{title.role.lower()}"
            if title.kind == "group":
                name = f"{_demonym_name(country, lex)} {role_words}".strip()
        d = self.draft(key, name, kind)
        if title is not None:
            modifier = _title_in(words[:ti], lex)[0] if ti else None
            if modifier is not None and modifier.sector in MARKED_SECTORS and \
                    modifier.sector != title.sector:
                d.absorb(modifier, country)
                d.other_sectors = tuple(x for x in (title.sector, *title.other_sectors) if x)
            d.absorb(title, country)
        else:
            d.country = d.country or country
            low = name.lower()
            d.sector = d.sector or next((s for w, s in SECTOR_HINTS if w in low.split()), None)
            if d.country is None and any(w in NGO_WORDS for w in low.split()):
                d.country, d.sector = "NGO", d.sector or "CVL"  # a civil-society body
        self.mention(d, tokens[0].i, tokens[-1].i + 1, head)
        if title is not None and title.kind == "group" and named is None:
            self.coordinated_demonyms(tokens, title, d)
        return d

    def coordinated_demonyms(self, tokens: list[Token], title: Title, first: _Draft) -> None:
        """"French and Egyptian warships": one group actor per country; each further
        country's mention is its demonym, which the event stage reads on the head noun."""
        for token in tokens:
            if token.dep_ != "conj" or token.ent_type_ != "NORP":
                continue
            code = self.lex.country_code(token.text)
            if code is None or code == first.country:
                continue
            d = self.draft(f"group:{code}:{title.role.lower()}",
                           f"{_demonym_name(code, self.lex)} {first.name.split(' ', 1)[-1]}",
                           "group")
            d.absorb(title, code)
            self.mention(d, token.i, token.i + 1, token)

    def holder(self, title: Title, country: str | None) -> _Draft | None:
        for key in reversed(self.order):
            d = self.drafts[key]
            if d.kind == "person" and d.role == title.role and (country is None or d.country == country):
                return d
        return None

    def title_phrases(self) -> None:
        """Noun phrases headed by a title with no name: "the French President", "senators"."""
        lex, doc = self.lex, self.doc
        for token in doc:
            if token.i in self.covered or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
                continue  # not the head of its phrase
            if token.dep_ == "poss" and token.head.lower_ in OFFICE_NOUNS:
                continue  # "the president's office": read at "office"
            start = _left_edge(token)
            tokens = list(doc[start:token.i + 1])
            # "UN troops", "EU foreign ministers"; "Iraq's national security advisor"
            context = self.organisation_code(tokens) or _country_in(tokens, lex)
            if any(t.i in self.covered for t in tokens):
                tokens = [t for t in tokens if t.i not in self.covered and t.i > max(
                    (c.i for c in tokens if c.i in self.covered), default=-1)]
                if not tokens:
                    continue
            low = token.lower_
            # "a delegation of French senators": the senators act
            if low in GROUPING_NOUNS:
                inner = self.of_object(token)
                if inner is not None:
                    inner_tokens = list(doc[_left_edge(inner):inner.i + 1])
                    d = self.noun_phrase_actor(inner_tokens, inner, default_kind="group")
                    if d is not None:
                        self.mention(d, start, inner.i + 1, token)
                    continue
            # "the French president's office": the office of that person
            if low in OFFICE_NOUNS:
                poss = next((c for c in token.children if c.dep_ == "poss"), None)
                if poss is not None and poss.i not in self.covered:
                    self.office(tokens, token, poss)
                    continue
            if low in DOCUMENT_NOUNS:
                continue
            if low in PEER_NOUNS:
                self.peer(tokens, token)
                continue
            words = _words(tokens)
            title, _, tj = _title_in(words, lex)
            if title is None or tj != len(words) and not (
                    words[tj:] and words[-1] in ("office", "ministry", "government")):
                continue
            if low in PEER_NOUNS or any(w in PEER_NOUNS for w in words):
                self.peer(tokens, token)
                continue
            self.noun_phrase_actor(tokens, token, default_kind="organization", hint=context)

    def office(self, tokens: list[Token], head: Token, poss: Token) -> None:
        """"the French president's office": the office of that officeholder, an organisation."""
        lex = self.lex
        words = _words(tokens[: poss.i - tokens[0].i + 1])
        title, _, _ = _title_in(words, lex)
        country = _country_in(tokens, lex)
        if title is None or title.kind != "person":
            return
        key = f"organization:{country}:office of the {title.role.lower()}"
        seat = next((k for k, d in self.drafts.items() if d.kind == "organization"
                     and d.country == country and d.role and title.role.lower() in d.role.lower()), None)
        d = self.drafts[seat] if seat else self.draft(
            key, f"Office of the {_demonym_name(country, lex)} {title.role}".replace("  ", " "),
            "organization")
        d.country = d.country or country
        d.sector = d.sector or title.sector or "GOV"
        d.role = d.role or f"Office of the {title.role}"
        self.mention(d, tokens[0].i, head.i + 1, head)

    def of_object(self, token: Token) -> Token | None:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    def peer(self, tokens: list[Token], head: Token) -> None:
        """"his Azerbaijani colleague": the person of that country in the article; else a
        person of that country holding the office of the other person of the sentence
        ("X met his Chinese counterpart": China's holder of X's office)."""
        country = _country_in(tokens, self.lex) or self.place_country(head, ("from", "of"))
        if country is None:
            return
        for key in reversed(self.order):
            d = self.drafts[key]
            if d.kind == "person" and d.country == country:
                self.mention(d, tokens[0].i, tokens[-1].i + 1, head)
                return
        title = self.peer_title(head.sent, exclude="")
        role = title.role if title is not None else "Counterpart"
        d = self.draft(f"person:{country}:{role.lower()}", f"{_demonym_name(country, self.lex)} {role}",
                       "person")
        d.absorb(title, country)
        d.country = d.country or country
        self.mention(d, tokens[0].i, tokens[-1].i + 1, head)

    # coreference ------------------------------------------------------------------------
    def pronouns(self) -> None:
        doc = self.doc
        for token in doc:
            low = token.lower_
            if token.i in self.covered or token.pos_ not in ("PRON", "DET"):
                continue
            if low in PERSON_PRONOUNS:
                target = self.antecedent(token, kinds=("person",))
            elif low in GROUP_PRONOUNS:
                target = self.governing_subject(token, ("group", "organization", "country")) \
                    or self.antecedent(token, kinds=("group", "organization", "country"))
            elif low in ("it", "its") and token.dep_ in ("nsubj", "nsubjpass", "poss"):
                target = self.governing_subject(token, ("organization", "country", "group")) \
                    or self.antecedent(token, kinds=("organization", "country"))
            else:
                continue
            if target is not None:
                self.mention(target, token.i, token.i + 1, token)

    def governing_subject(self, token: Token, kinds: tuple[str, ...]) -> _Draft | None:
        """"Switzerland said it had expelled ...": the subject of the verb that reports."""
        verb = token.head if token.dep_ != "poss" else token.head.head
        hops = 0
        while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp") and hops < 3:
            verb = verb.head
            hops += 1
            for child in verb.children:
                if child.dep_ == "nsubj" and child.i != token.i:
                    owner = self.token_owner.get(child.i)
                    if owner and self.drafts[owner].kind in kinds:
                        return self.drafts[owner]
                    return None
        return None

    def antecedent(self, token: Token, kinds: tuple[str, ...]) -> _Draft | None:
        """Prefer the subject of the current sentence, then of the previous ones."""
        sents = self.sents
        starts = [s.start for s in sents]
        idx = bisect.bisect_right(starts, token.i) - 1
        for k in range(idx, max(idx - 4, -1), -1):
            s = sents[k]
            limit = token.i if k == idx else s.end
            subjects = [t for t in s if t.i < limit and t.dep_ in ("nsubj", "nsubjpass")
                        and t.i in self.token_owner]
            for kind in kinds:
                for t in reversed(subjects):
                    d = self.drafts[self.token_owner[t.i]]
                    if d.kind == kind:
                        return d
            others = [t for t in s if t.i < limit and t.i in self.token_owner]
            if k != idx:
                for kind in kinds:
                    for t in reversed(others):
                        d = self.drafts[self.token_owner[t.i]]
                        if d.kind == kind:
                            return d
        return None

    def documents(self) -> None:
        """"the statement" and "the X statement" refer to whoever issued it."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in DOCUMENT_NOUNS or token.i in self.covered:
                continue
            start = _left_edge(token)
            owner = next((self.token_owner[i] for i in range(start, token.i) if i in self.token_owner), None)
            if owner is None:
                if doc[start].lower_ not in ("the", "this", "that", "its"):
                    continue
                owner = self.recent_issuer(token)
            if owner is not None:
                self.mention(self.drafts[owner], start, token.i + 1, token)

    def recent_issuer(self, token: Token) -> str | None:
        best = None
        for i in range(token.i - 1, max(token.i - 120, -1), -1):
            key = self.token_owner.get(i)
            if key and self.drafts[key].kind == "organization":
                return key
            if key and best is None and self.drafts[key].kind != "country":
                best = key
        return best

    # ---------------------------------------------------------------------------------
    @cached_property
    def title_heads(self) -> set[int]:
        """Tokens that are titles, and the heads they modify."""
        heads = set()
        for token in self.doc:
            if token.lower_ in self.lex.titles or token.lower_.rstrip("s") in self.lex.titles:
                heads.add(token.i)
                heads.add(token.head.i)
        return heads

    def read(self) -> None:
        doc = self.doc
        ents = [e for e in doc.ents if e.start_char >= self.dateline and not _credit(e)]
        for ent in ents:
            if ent.label_ == "PERSON" and not self.lex.country_code(ent.text) \
                    and not self.lex.capitals.get(_clean(ent.text).lower()) \
                    and _clean(ent.text).split()[-1:] != [] \
                    and _clean(ent.text).split()[-1].lower() not in BODY_HEADS:
                self.person(ent)
        self.of_titles()
        for ent in ents:
            if self.acronym_of_neighbour(ent):
                continue
            if ent.label_ == "PERSON" and _clean(ent.text).split()[-1:] != [] and \
                    _clean(ent.text).split()[-1].lower() in BODY_HEADS:
                self.organisation(ent)  # "the Revolutionary United Front" is no person
                continue
            if ent.label_ in ("ORG", "FAC", "NORP") and not any(i in self.covered for i in range(ent.start, ent.end)):
                if ent.label_ == "NORP":
                    self.norp(ent)
                elif self.lex.country_code(ent.text):
                    self.country(ent)
                else:
                    self.organisation(ent)
            elif ent.label_ in ("GPE", "PERSON") and not any(i in self.covered for i in range(ent.start, ent.end)):
                if ent.label_ == "PERSON" or not self.surname_of_person(ent):
                    self.country(ent)
        self.surnames()
        self.title_phrases()
        self.documents()
        self.pronouns()

    def acronym_of_neighbour(self, ent: Span) -> bool:
        """"the Revolutionary United Front (RUF)": the bracketed acronym is one more mention
        of the body before it."""
        text = _clean(ent.text)
        root = ent.root
        if not (text.isupper() and 2 <= len(text) <= 8 and ent.start > 0
                and self.doc[ent.start - 1].text == "(" and root.dep_ == "appos"):
            return False
        owner = self.token_owner.get(root.head.i)
        if owner is None or self.drafts[owner].kind == "person":
            return False
        self.mention(self.drafts[owner], ent.start, ent.end, root)
        self.acronyms[text] = owner
        return True

    def of_titles(self) -> None:
        """Titles with "of" ("the US Secretary of State", "Chief of Staff"), whose last word the
        NER may take for an organisation of its own."""
        doc, titles = self.doc, self.lex.of_titles
        if not titles:
            return
        before = self.lex.of_title_heads
        for of in doc:
            if of.lower_ != "of" or of.i in self.covered or of.i == 0 \
                    or doc[of.i - 1].lower_ not in before:
                continue
            best = None
            for k in range(1, 4):
                for m in range(1, 4):
                    if of.i - k < 0 or of.i + m >= len(doc):
                        continue
                    words = doc[of.i - k:of.i + m + 1].text.lower()
                    if words in titles and (best is None or k + m > best[0] + best[1]):
                        best = (k, m)
            if best is None:
                continue
            k, m = best
            first, last = of.i - k, of.i + m
            if any(i in self.covered for i in range(first, last + 1)):
                continue
            head = doc[of.i - 1]
            start = min(first, _left_edge(doc[first]), _left_edge(head))
            start = max((i + 1 for i in range(start, first) if i in self.covered), default=start)
            self.noun_phrase_actor(list(doc[start:last + 1]), head, default_kind="organization")

    def surnames(self) -> None:
        """A bare surname the NER missed ("Torres said"), once the full name is known."""
        known = {d.name.split()[-1]: d for d in self.drafts.values()
                 if d.kind == "person" and len(d.name.split()) > 1}
        for token in self.doc:
            d = known.get(token.text)
            if d is not None and token.i not in self.covered and token.pos_ == "PROPN":
                self.mention(d, token.i, token.i + 1, token)

    def norp(self, ent: Span) -> None:
        """A demonym standing alone as a group ("Armenians"), or on an event noun, whose
        doer it names ("Palestinian riots", "French mediation"); not as a mere modifier."""
        code = self.lex.country_code(ent.text)
        head = ent.root.head
        if ent.root.dep_ in ("amod", "compound"):
            if code and head.pos_ == "NOUN" and any(
                    t.pos == "NOUN" for t in self.lex.triggers.get(head.lower_, [])):
                d = self.draft("country:" + code, self.lex.countries[code].name
                               if code in self.lex.countries else ent.text, "country")
                d.country, d.sector = code, d.sector or "GOV"
                self.mention(d, ent.start, ent.end, ent.root)
            return
        if head.i in self.title_heads:
            return
        if code is None and ent.text.endswith("s") and ent.text[:1].isupper():
            # an ethnic or religious group ("Kurds", "Iraqi Kurds")
            start = ent.start
            country = None
            if start > 0 and self.doc[start - 1].ent_type_ == "NORP":
                country = self.lex.country_code(self.doc[start - 1].text)
                start = start - 1 if country else start
            d = self.draft(f"group:{country}:{ent.text.lower()}", _clean(self.doc[start:ent.end].text), "group")
            d.country = d.country or country
            d.sector = d.sector or "CVL"
            self.mention(d, start, ent.end, ent.root)
            return
        if code and ent.text.endswith("s"):
            d = self.draft(f"group:{code}:people", _clean(ent.text), "group")
            d.country = code
            d.sector = d.sector or "CVL"
            self.mention(d, ent.start, ent.end, ent.root)


CREDIT_WORDS = frozenset({"photo", "photograph", "photos", "credit", "credits", "image", "images",
                          "file", "getty", "by", "reporting", "editing", "writing", "additional",
                          "video", "pictured", "caption", "source"})
CREDIT_LINE_WORDS = 8  # a byline or credit is a short line of its own


def _credit(ent: Span) -> bool:
    """A byline or picture credit: "Reuters | Jane Doe:", "Photo: John Roe/AFP",
    "By Jane Doe" on a line of its own, "(Reporting by John Roe; Editing by ...)"."""
    doc = ent.doc
    line_start = doc.text.rfind("\n", 0, ent.start_char) + 1
    line_end = doc.text.find("\n", ent.end_char)
    line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.text in ("|", "/") or after is not None and after.text in ("|", "/"):
        return True
    first = line.split()[0].strip("():;,.|").lower() if line.split() else ""
    lowered = line.lower()
    return first in CREDIT_WORDS and (len(line.split()) <= CREDIT_LINE_WORDS
                                      or "reporting by" in lowered or "editing by" in lowered)
