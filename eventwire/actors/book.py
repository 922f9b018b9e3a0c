"""The book of one article's actors while it is read: the drafts, the tokens each mention
claims, and the look-ups the passes share (``Book``)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..datelines import dateline_end, dateline_names_end
from ..lexicon import Organisation, Title, lexicon
from ..nlp import doc_text
from ..records import Place
from .phrases import FOREIGN_POSTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Book", "Draft"]

# prepositions whose phrase belongs to the noun phrase it follows ("ambassador to Israel")
PHRASE_PREPS = frozenset({"to", "at", "in", "from", "of", "for"})
# marks that close or separate what comes before them, and a possessive ending left when its
# owner is another actor's mention ("Hamas['s spokesman]"): never a mention's first word
OPENING_PUNCT = frozenset({")", "]", ",", ";", ":", "'s", "\u2019s"})


# offices whose holder is a state's leader ("Hungary's leader")
HEAD_ROLES = frozenset({"President", "Prime Minister", "Chancellor", "King", "Emir", "Premier",
                        "Supreme Leader", "Head of State"})


# offices named by other titles in some states: a "top diplomat" is the foreign minister, the
# foreign secretary or the secretary of state
ROLE_ALIASES = {"Foreign Minister": frozenset({"Foreign Minister", "Foreign Secretary",
                                               "Secretary of State"})}


@dataclass(slots=True)
class Draft:
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


class Book:
    """The drafts of one article and the tokens their mentions claim.

    The passes (``actors.PASSES``) add drafts and mentions in a declared
    order; a token claimed by one mention is ``covered`` and no later pass reads it again.
    """

    def __init__(self, doc: Doc, places: tuple[Place, ...] = ()) -> None:
        self.doc = doc
        self.places = places
        self.lex = lexicon()
        self.drafts: dict[str, Draft] = {}
        self.order: list[str] = []
        self.token_owner: dict[int, str] = {}
        self.covered: set[int] = set()
        self.acronyms: dict[str, str] = {}  # "RUF" -> the key of the body it abbreviates
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.tokens = list(doc)  # made once: every pass walks them (a Doc makes new ones each time)
        self.memo: dict[str, dict[int, object]] = {}  # answers a pass reads again and again
        self.dateline = dateline_names_end(doc_text(doc)) or 0  # "BAGHDAD" of "BAGHDAD (Reuters) -"
        self.covered.update(t.i for t in doc if t.idx < self.dateline)
        # token index -> its entity's token bounds, built once (doc.ents is rebuilt per access)
        self.entity_bounds: dict[int, tuple[int, int]] = {
            i: (e.start, e.end) for e in doc.ents for i in range(e.start, e.end)}

    def entity_at(self, token: Token) -> Span | None:
        """The entity the token lies in, if any."""
        bounds = self.entity_bounds.get(token.i)
        return None if bounds is None else self.doc[bounds[0]:bounds[1]]

    def draft(self, key: str, name: str, kind: str) -> Draft:
        if key not in self.drafts:
            self.drafts[key] = Draft(key=key, name=name, kind=kind)
            self.order.append(key)
        return self.drafts[key]

    def sentence_index(self, i: int) -> int:
        """The index in ``sents`` of the sentence holding token ``i``."""
        return max(bisect.bisect_right(self.sent_starts, i) - 1, 0)

    def sentences_back(self, i: int, back: int) -> int:
        """The first token of the sentence ``back`` sentences before token ``i``'s."""
        return self.sents[max(self.sentence_index(i) - back, 0)].start

    def mention(self, d: Draft, start_tok: int, end_tok: int, head: Token) -> None:
        while start_tok < head.i and (self.doc[start_tok].text in OPENING_PUNCT
                                      or self.doc[start_tok].pos_ == "CCONJ"):
            start_tok += 1  # ") walked out of parliament", "and national police officers": a
            # bracket or conjunction the parse hung on the phrase
        end_tok = self._closed(start_tok, end_tok)
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

    def _closed(self, start_tok: int, end_tok: int) -> int:
        """The end of a mention that takes the quotation mark or bracket closing one it
        opens ('a "criminal gang"', "the Trade Area (WATA)")."""
        if end_tok >= len(self.doc):
            return end_tok
        words = [t.text for t in self.doc[start_tok:end_tok]]
        after = self.doc[end_tok].text
        opened = (after == '"' and words.count('"') % 2 == 1) or (
            after == ")" and words.count("(") > words.count(")")) or (
            after == "\u201d" and words.count("\u201c") > words.count("\u201d"))
        return end_tok + 1 if opened else end_tok

    def phrase(self, d: Draft, head: Token, start_tok: int, end_tok: int) -> None:
        """The whole noun phrase, its place or affiliation included ("the Kenyan ambassador
        to Chile", "an official at the Interior Ministry"), as one more mention of ``d``
        that claims no token: "Israel" stays a mention of its own, and the span index prefers
        the shorter mention over it."""
        while start_tok < head.i and self.doc[start_tok].text in OPENING_PUNCT:
            start_tok += 1
        end = end_tok
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in PHRASE_PREPS and child.i == end \
                    and not any(c.dep_ == "pcomp" for c in child.children):
                end = child.right_edge.i + 1  # not "the party of inciting unrest": a charge
        if end > end_tok and end <= head.sent.end:
            span = self.doc[start_tok:end]
            text = span.text.strip()
            d.add(span.start_char, span.start_char + len(text), text)

    def person_key(self, name_tokens: list[str]) -> str:
        if len(name_tokens) == 1:
            surname = name_tokens[0].lower()
            for key, d in self.drafts.items():
                if d.kind == "person" and d.name.split()[-1].lower() == surname:
                    return key
            for key, d in self.drafts.items():  # "Liu" for Liu Yanping: family name first
                if d.kind == "person" and len(d.name.split()) == 2 \
                        and d.name.split()[0].lower() == surname:
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

    def place_country(self, head: Token, preps: tuple[str, ...] = ("in", "from")) -> str | None:
        """"demonstrators in Baghdad", "a missionary from Calgary": the country of the place;
        none for a post abroad ("the embassy in Tbilisi", "diplomats in Moscow")."""
        if head.lower_ in FOREIGN_POSTS:
            return None
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
            ent = self.entity_at(token)
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
        ent = self.entity_at(token)
        return ent is not None and self.lex.organisation(ent.text) is not None

    def holder(self, title: Title, country: str | None, at: int | None = None) -> Draft | None:
        """The person of the article last named with office ``title`` (of ``country`` when
        given): by role, else by a mention that puts the title before the name ("the
        military commander, Commodore X" is "the Commodore"); with ``at`` (the character offset
        of the descriptor), one named before it first, nearest first ("Secretary X said ... said the
        top diplomat": X, not a foreign minister the story names later)."""
        people = [d for key in reversed(self.order) if (d := self.drafts[key]).kind == "person"
                  and (country is None or d.country == country)]
        if at is not None:
            people.sort(key=lambda d: -max((s for s, _ in d.mentions if s < at), default=-1))
        roles = ROLE_ALIASES.get(title.role, frozenset({title.role}))
        found = next((d for d in people if d.role in roles), None)
        if found is None and title.role == "Leader" and country is not None:
            # "Hungary's leader": the head of that state's government the article names
            found = next((d for d in people if d.role in HEAD_ROLES), None)
        words = title.title.lower().split()
        if found is None:
            found = next((d for d in people if any(
                _titled(text.lower().split(), words, d.name) for text in d.mentions.values())),
                None)
        if found is None:  # "the military commander, Commodore X": either title is X's
            found = next((d for d in people if any(
                _described(text.lower().replace(",", " ").split(), words, d.name)
                for text in d.mentions.values())), None)
        return found

    def of_object(self, token: Token) -> Token | None:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    @cached_property
    def credit_end(self) -> int:
        """Where the dateline and its credit end ("BAGHDAD (Reuters) - "): what is named there
        is no antecedent of a pronoun in the story."""
        return dateline_end(doc_text(self.doc)) or 0

    @cached_property
    def title_heads(self) -> set[int]:
        """Tokens that are titles, and the heads they modify."""
        heads = set()
        titles = self.lex.titles
        for token in self.tokens:
            low = token.lower_
            if low in titles or low.rstrip("s") in titles:
                heads.add(token.i)
                if token.dep_ != "amod":  # "China's military pressure" is no title phrase
                    heads.add(token.head.i)
        return heads


def _described(mention: list[str], title: list[str], name: str) -> bool:
    """Whether a mention that holds the person's name also holds ``title`` before it."""
    last = name.lower().split()[-1] if name else ""
    n = len(title)
    return last in mention and any(mention[i:i + n] == title
                                   for i in range(mention.index(last) - n + 1))


def _titled(mention: list[str], title: list[str], name: str) -> bool:
    """Whether a mention's words put ``title`` right before the person's name."""
    first = name.lower().split()[0] if name else ""
    n = len(title)
    return any(mention[i:i + n] == title and mention[i + n:i + n + 1] == [first]
               for i in range(len(mention) - n))
