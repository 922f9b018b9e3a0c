"""The mention passes: named people, titles with "of", named entities (organisations, states,
capitals, demonyms), bare surnames and title phrases, run in the order of ``actors.PASSES``.

Each pass reads the parse and adds drafts and mentions to the ``Book``; a token an earlier
pass claimed is not read again, so the order is part of the rules: people first (their
titles must not become bodies of their own), then "Secretary of State" before the NER's
"State", then the other entities, then the surnames and title phrases left over.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import BODY_HEADS, MOVE_LEMMAS, Title, place_nouns, portfolio_words, state_regions
from ..nlp import doc_text
from ..quotes.lexicon import speech_cues
from ..registry import HONORIFICS
from .book import HEAD_ROLES, Book, Draft
from .phrases import (
    DOCUMENT_NOUNS,
    GROUPING_NOUNS,
    MARKED_SECTORS,
    NAME_TOKENS,
    NGO_WORDS,
    OFFICE_NOUNS,
    PEER_NOUNS,
    POSSESSIVE_PRONOUNS,
    RELATION_NOUNS,
    SECTOR_HINTS,
    _appositive,
    _clean,
    _country_in,
    _demonym_name,
    _descriptor_start,
    _destination,
    _left_edge,
    _of_country,
    _title_in,
    _words,
    title_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["crowds", "entities", "named_units", "of_titles", "people", "surnames", "title_phrases",
           "unlabelled_states"]

_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn|de|van|von)-[A-Z]")  # "el-Badawi", "al-Sadr"


def _entities(book: Book) -> list[Span]:
    """The entities after the dateline that are no byline or credit or a word's first half
    ("Trans-" of "the Trans-African Highway"), each without the portfolio words the NER took
    into a name."""
    return [_without_state(_without_portfolio(e, book), book) for e in book.doc.ents
            if e.start_char >= book.dateline and not _credit(e) and not e.text.endswith("-")]


STATE_WORDS = 4  # the longest state name, in tokens, that may begin inside a name


def _without_state(ent: Span, book: Book) -> Span:
    """"President [Museveni Sierra Leone]'s envoy", "[Mahama Côte] d'Ivoire": a person's
    name the NER ran into the state named after it ends where the state's name begins."""
    if ent.label_ != "PERSON" or len(ent) < 2:
        return ent
    doc = ent.doc
    for cut in range(ent.start + 1, ent.end):
        for end in range(ent.end, min(cut + STATE_WORDS, len(doc)) + 1):
            text = doc[cut:end].text
            if text and not text.islower() and book.lex.country_code(text):
                person = doc[ent.start:cut]
                person.label_ = "PERSON"
                return person
    return ent


PORTFOLIO_PREPS = frozenset({"of", "for"})


def _portfolio(token: Token) -> bool:
    """A word of a minister's portfolio, capitalised ("Trade"), or the "and" between two."""
    return token.lower_ in portfolio_words() and (token.is_title or token.lower_ == "and")


def _without_portfolio(ent: Span, book: Book) -> Span:
    """"Minister of [Trade and Industry Jane Doe]", "Secretary for Foreign [Policy Jane Doe]":
    the name after the portfolio, a person's (the NER often calls the whole an organisation),
    when a person's title stands before the "of" or "for" and at least a forename and a
    surname are left."""
    doc = ent.doc
    first = ent.start
    while first > ent.sent.start and _portfolio(doc[first - 1]):
        first -= 1
    if first < 2 or doc[first - 1].lower_ not in PORTFOLIO_PREPS:
        return ent
    title = book.lex.title(doc[first - 2].text)
    if title is None or title.kind != "person":
        return ent
    start = ent.start
    while start < ent.end and _portfolio(doc[start]):
        start += 1
    if (start == ent.start and first == ent.start) or ent.end - start < 2 \
            or doc[start - 1].lower_ == "and" or not doc[start].is_title \
            or not all(t.is_title or t.is_lower for t in doc[start:ent.end]):
        return ent
    if start == ent.start and ent.label_ == "PERSON":
        return ent
    cut = doc[start:ent.end]
    cut.label_ = "PERSON"
    return cut


def people(book: Book) -> None:
    """Named people, with the title, country and office their phrase gives them."""
    for ent in _entities(book):
        if ent.label_ == "PERSON" and not book.lex.country_code(ent.text) and not _medium(ent.root) \
                and not book.lex.capitals.get(_clean(ent.text).lower()) \
                and _clean(ent.text).split()[-1:] != [] \
                and _clean(ent.text).split()[-1].lower() not in BODY_HEADS:
            named_person(book, ent)
    for name in _unlabelled_names(book):
        named_person(book, name)


NAME_WORDS = (2, 4)  # words in a name the NER missed: a forename and a surname, or a few more


def _unlabelled_names(book: Book) -> list[Span]:
    """Names the NER left unlabelled that a person's title in apposition reveals: "Ama
    Owusu, a regional party spokeswoman in ..., urged": capitalised proper nouns set off before
    a title."""
    doc, out = book.doc, []
    for token in book.tokens:
        head = token.head
        if token.dep_ != "appos" or token.pos_ != "NOUN" or head.i >= token.i \
                or head.pos_ != "PROPN" or head.ent_type_ or head.idx < book.dateline:
            continue
        start = head.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == head.i and not doc[start - 1].ent_type_:
            start -= 1
        name = doc[start:head.i + 1]
        if not NAME_WORDS[0] <= len(name) <= NAME_WORDS[1] \
                or not all(t.is_title and t.is_alpha for t in name) \
                or any(t.i in book.covered for t in name) \
                or book.lex.title(name.text) or book.lex.organisation(name.text):
            continue
        title = _title_in(_words(list(doc[token.left_edge.i:token.i + 1])), book.lex)[0]
        if title is not None and title.kind == "person":
            out.append(name)
    return out + _titled_names(book)


NAME_LINKS = frozenset({"bin", "bint", "ibn", "al", "el", "de", "da", "van", "von", "der"})


def _titled_names(book: Book) -> list[Span]:
    """Names the NER left unlabelled right after a person's title: "UAE Minister of Economy
    Ahmed bin Saeed Al Nuaimi said": a run of two to five capitalised words (a name's
    particles inside it) after the title and its portfolio, ending the noun phrase."""
    doc, lex, out = book.doc, book.lex, []
    for token in book.tokens:
        title = lex.title(token.text)
        if title is None or title.kind != "person" or not token.is_title or token.idx < book.dateline:
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].lower_ in PORTFOLIO_PREPS:
            i += 1
            while i < len(doc) and _portfolio(doc[i]):
                i += 1
        start = i
        while i < len(doc) and i - start < NAME_WORDS[1] + 1 and (
                doc[i].is_title and doc[i].is_alpha or doc[i].lower_ in NAME_LINKS):
            i += 1
        name = doc[start:i]
        if len(name) < NAME_WORDS[0] or not name[-1].is_title or not name[0].is_title \
                or sum(t.is_title for t in name) > NAME_WORDS[1] \
                or any(t.ent_type_ or t.i in book.covered for t in name) \
                or any(t.pos_ != "PROPN" or t.is_stop for t in name if t.is_title) \
                or lex.title(name.text) or lex.organisation(name.text) or lex.country_code(name.text):
            continue  # "The Prime Minister Will Decide": a headline's words, no name
        out.append(name)
    return out


# lower-case time words the NER takes into a name ("arrived in [Kenya today]")
TIME_TAILS = frozenset({"today", "tonight", "yesterday", "tomorrow", "now"})


def _without_time_tail(ent: Span) -> Span:
    """"Kenya today" tagged as one name: the name without the lower-case time word."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].lower_ in TIME_TAILS \
            and ent.doc[end - 1].is_lower:
        end -= 1
    if end == ent.end:
        return ent
    cut = ent.doc[ent.start:end]
    cut.label_ = ent.label_  # the entity pass reads the label
    return cut


def entities(book: Book) -> None:
    """Organisations, states, capitals acting for their government, demonyms as groups."""
    for ent in map(_without_time_tail, _entities(book)):
        if acronym_of_neighbour(book, ent):
            continue
        title = book.lex.titles.get(_clean(ent.text).lower())
        if title is not None and title.kind == "person" and ent.start > 0 \
                and book.doc[ent.start - 1].lower_ == "the" \
                and not any(i in book.covered for i in range(ent.start, ent.end)):
            # "the Commodore", "the General" tagged as a name: the officeholder named before
            noun_phrase_actor(book, list(book.doc[ent.start - 1:ent.end]), ent.root,
                              default_kind="person")
            continue
        if ent.label_ == "PERSON" and _clean(ent.text).split()[-1:] != [] and \
                _clean(ent.text).split()[-1].lower() in BODY_HEADS:
            named_organisation(book, ent)  # "the Revolutionary United Front" is no person
            continue
        if ent.label_ in ("ORG", "FAC", "NORP") and not any(i in book.covered for i in range(ent.start, ent.end)):
            if _clean(ent.text).lower() in UNIT_NOUNS and (body := _unit_named_before(book, ent.root)):
                book.mention(body, ent.start, ent.end, ent.root)  # "the Authority": of the body
            elif ent.label_ == "NORP":
                demonym(book, ent)
            elif book.lex.country_code(ent.text):
                named_state(book, ent)
            else:
                named_organisation(book, ent)
        elif ent.label_ in ("GPE", "PERSON") and not any(i in book.covered for i in range(ent.start, ent.end)):
            if ent.label_ == "PERSON" or not surname_of_person(book, ent):
                named_state(book, ent)


def unlabelled_states(book: Book) -> None:
    """A state's name the NER left unlabelled ("to contain Iran's rising influence"): a run
    of capitalised words that is a country's name and that no other mention holds."""
    doc, lex = book.doc, book.lex
    i = 0
    while i < len(doc):
        found = 0
        token = doc[i]
        if token.is_title and not token.ent_type_ and i not in book.covered \
                and doc[i].idx >= book.dateline:
            for size in range(min(NAME_TOKENS, len(doc) - i), 0, -1):
                span = doc[i:i + size]
                if any(t.i in book.covered or t.ent_type_ for t in span) or not span[-1].is_title:
                    continue
                if lex.country_code(span.text) and not span.text.isupper():
                    named_state(book, span)
                    found = size
                    break
        i += max(found, 1)


def named_person(book: Book, ent: Span) -> None:
    lex, doc = book.lex, book.doc
    ent = _with_forenames(_with_numeral(ent), book)
    root = ent.root
    name = _clean(ent.text)
    name_tokens = name.split()
    if not name_tokens:
        return
    # a title NP with the name in apposition: "his Peruvian counterpart Ana Torres"
    start = _descriptor_start(doc, ent.start, ent.sent.start)
    head = root.head if root.dep_ == "appos" and root.head.i < ent.start \
        and root.head.ent_type_ != "PERSON" and root.head.lemma_.lower() not in place_nouns() else None
    # (not "... targeted the city, Ana Torres, the mayor, wrote": a place is no person's title)
    if head is not None:
        start = min(start, _descriptor_start(doc, head.i + 1, ent.sent.start))
    while start < ent.start and doc[start].idx < book.dateline:
        start += 1  # "Reuters - Libyan leader X": the credit is no part of the title
    descriptor = [t for t in doc[start:ent.start] if not book.inside_known_org(t)]
    words = _words(descriptor)
    title, _, _ = _title_in(words, lex)
    country = _office_country(book, list(doc[start:ent.start]), descriptor)
    of_country, end = _of_country(root, lex)
    country = country or of_country or book.place_country(root, ("from",)) or (
        lex.national_offices.get(title.role) if title is not None and title.role else None)
    apposed = _appositive(root)  # "Ana Torres, Peru's trade minister, said"
    if apposed is not None and apposed.lemma_.lower() not in RELATION_NOUNS:
        tokens = [t for t in doc[apposed.left_edge.i:apposed.i + 1] if t.text != ","]
        title = title or _title_in(_words(tokens), lex)[0]
        country = country or _office_country(
            book, list(doc[apposed.left_edge.i:apposed.right_edge.i + 1]),
            [t for t in doc[apposed.left_edge.i:apposed.right_edge.i + 1]
             if t.text != "," and not book.inside_known_org(t)]) \
            or _of_country(apposed, lex)[0]
    if any(w in PEER_NOUNS for w in words):
        title = title or book.peer_title(ent.sent, exclude=name)
    end = max(end, ent.end)
    key = book.person_key(name_tokens)
    d = book.draft(key, name, "person")
    if len(name_tokens) > len(d.name.split()):
        d.name = name
    d.absorb(title, country)
    if d.role and d.sector is None:
        # "Co-Chair of the Contact Group", "spokesman for the ministry": the body's sector
        org = book.organisation_in(list(doc[start:ent.start]))
        d.sector = org.sector if org is not None else None
    book.mention(d, start, end, root)


def _office_country(book: Book, tokens: list[Token], descriptor: list[Token]) -> str | None:
    """The country an officeholder's phrase names ("Peru's trade minister", "a spokeswoman for
    the Chilean consulate"), an organisation named before it ("the UN envoy for Yemen": UN),
    places the office is sent to aside ("ambassador to Israel")."""
    own = [t for t in descriptor if not _destination(t, descriptor)]
    country = _country_in(own, book.lex)
    org = book.organisation_in(tokens)
    if org is not None and org.country:
        first = next((t.i for t in own if _country_in([t], book.lex)), None)
        org_at = next((t.i for t in tokens if t.ent_type_ == "ORG"), None)
        if country is None or (first is not None and org_at is not None and org_at < first):
            return org.country
    if country is None and _regional_body(" ".join(t.text for t in own)):
        return "IGO"  # "Pacific Islands Forum Secretary General X"
    return country


_NUMERAL = re.compile(r"^(?!I$)[IVX]{1,5}$")  # not the pronoun "I"


def _with_numeral(ent: Span) -> Span:
    """"King Mohammed" + "VI", "Pope Benedict" + "XVI": a regnal number is part of the name."""
    doc = ent.doc
    if ent.end < len(doc) and _NUMERAL.match(doc[ent.end].text) and not doc[ent.end].ent_type_:
        return doc[ent.start:ent.end + 1]
    return ent


def _with_forenames(ent: Span, book: Book) -> Span:
    """"Warsame" + "Abu Yusuf": capitalised words the NER left out before a name, that the
    parse makes part of it (compounds of its head), are its first names; a title, a
    portfolio ("Secretary for Foreign Policy Jane Doe"), a state or a known body is not."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start:
        t = doc[start - 1]
        if t.pos_ != "PROPN" or t.dep_ != "compound" or t.head.i not in range(ent.start, ent.end) \
                or not t.is_title or not t.is_alpha or t.ent_type_ not in ("", "PERSON") \
                or t.lower_ in title_words() or t.lower_ in portfolio_words() \
                or book.lex.country_code(t.text) \
                or book.lex.organisation(t.text) or t.lower_ in HONORIFICS:
            break
        start -= 1
    return doc[start:ent.end] if start < ent.start else ent


def _through_demonym(ent: Span, book: Book) -> Span:
    """"the National Union of Kenyan" + "Teachers": a name the NER cut after the demonym
    of an "of" phrase goes on through the capitalised nouns that follow."""
    doc, end = ent.doc, ent.end
    if len(ent) < 3 or ent[-2].lower_ != "of" or book.lex.demonyms.get(ent[-1].lower_) is None:
        return ent
    while end < len(doc) and doc[end].is_title and doc[end].pos_ in ("NOUN", "PROPN") \
            and doc[end].ent_type_ in ("", "NORP", "ORG"):
        end += 1
    return doc[ent.start:end]


def _rejoin_of(ent: Span) -> Span:
    """"the National Bank of" + "Kenya": a name the NER cut before the place it is of."""
    doc = ent.doc
    if ent[-1].lower_ != "of" or ent.end >= len(doc) or not doc[ent.end].ent_type_ \
            or doc[ent.end].ent_iob_ != "B":
        return ent
    after = next((e for e in doc.ents if e.start == ent.end), None)
    return doc[ent.start:after.end] if after is not None else ent


def _body_country(book: Book, head: Token) -> str | None:
    """The country of the body or state an office serves, named after it: "a spokesman for
    the Sudanese Defence Ministry", "an official at the Interior Ministry", "the envoy of
    Ghana"."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at", "from"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            key = book.token_owner.get(obj.i)
            if key is not None and book.drafts[key].kind in ("organization", "country"):
                return book.drafts[key].country
            return _country_in(list(book.doc[obj.left_edge.i:obj.i + 1]), book.lex)
    return None


def _apposed_to_officeholder(book: Book, ent: Span) -> bool:
    """A name in apposition with a person's title ("X, Peru's trade minister," or "Peru's
    president, X,"), whatever the named-entity model called it."""
    root = ent.root
    if len(_clean(ent.text).split()) < 2 or not all(t.pos_ == "PROPN" for t in ent):
        return False
    heads = [c for c in root.rights if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        heads.append(root.head)
    for head in heads:
        title = _title_in(_words(list(book.doc[head.left_edge.i:head.i + 1])), book.lex)[0]
        if title is not None and title.kind == "person":
            return True
    return False


def surname_of_person(book: Book, ent: Span) -> bool:
    """A single capitalised word tagged ORG/GPE that is the surname of a known person."""
    text = _clean(ent.text)
    if " " in text or not (text[:1].isupper() or _PARTICLE.match(text)) or book.lex.country_code(text):
        return False
    for d in book.drafts.values():
        if d.kind == "person" and len(d.name.split()) > 1 and d.name.split()[-1] == text:
            book.mention(d, ent.start, ent.end, ent.root)
            return True
    return False


# heads of the names of texts states sign, which the NER often tags as bodies: "the
# Comprehensive Partnership Agreement", "the Oslo Accords", "the Treaty of Rome" are no actors
TREATY_HEADS = frozenset({"agreement", "agreements", "accord", "accords", "treaty", "pact",
                          "protocol", "memorandum"})


MEDIUM_PREPS = frozenset({"on", "via"})


def _medium(root: Token) -> bool:
    """Whether a named body is only the medium of a saying: "wrote on Twitter", "said in a
    post on Telegram", "announced via WhatsApp" (the platform says nothing itself)."""
    if root.dep_ != "pobj" or root.head.lower_ not in MEDIUM_PREPS:
        return False
    head = root.head.head
    if head.pos_ == "NOUN" and head.dep_ == "pobj":  # "in a post on X": the noun's verb
        head = head.head.head
    return speech_cues().is_cue(head, direct=True)


def named_organisation(book: Book, ent: Span) -> None:
    lex = book.lex
    ent = _through_demonym(_rejoin_of(ent), book)
    root = ent.root
    words = _clean(ent.text).lower().split()
    if words and (words[-1] in TREATY_HEADS or words[0] in TREATY_HEADS and "of" in words):
        return  # a treaty's name, not a body
    if _medium(root):
        return
    known = book.acronyms.get(_clean(ent.text))
    if known is not None:  # "the RUF", once "Revolutionary United Front (RUF)" was read
        book.mention(book.drafts[known], ent.start, ent.end, root)
        return
    org = lex.organisation(ent.text)
    start = _left_edge(root)
    if org is not None and org.country not in lex.countries and \
            _country_in(list(book.doc[start:ent.start]), lex):
        org = None  # "the Kenyan national defence council" is no UN body: the state's own
    if org is not None:
        d = book.draft("org:" + org.name.lower(), org.name, org.kind)
        d.country, d.sector, d.role = d.country or org.country, d.sector or org.sector, org.role
        d.cameo = org.cameo
        book.mention(d, min(start, ent.start), ent.end, root)
        _unit_of(book, d, root)
        return
    if surname_of_person(book, ent):
        return
    if _apposed_to_officeholder(book, ent):
        named_person(book, ent)  # "Felipe Montoya, Colombia's trade minister": a person
        return
    start = min(start, _described_by(book, ent.start))
    end = ent.end
    after = book.doc[end] if end < len(book.doc) else None
    if after is not None and after.pos_ == "NOUN" and after.lower_ in BODY_HEADS \
            and root.head.i == after.i and root.dep_ == "compound":
        end, root = end + 1, after  # "the Ghana Freedom League-B party": the party
    tokens = list(book.doc[start:end])
    body = noun_phrase_actor(book, tokens, root, default_kind="organization", named=_clean(ent.text))
    if body is not None and _regional_body(" ".join(t.text for t in tokens)) \
            and not _country_in(tokens, lex):  # "the Pacific Islands Forum", "the regional
        body.country, body.sector = "IGO", body.sector or "GOV"  # development bank X"


# words that name a body for a region of the world or for states together, not for one state:
# "the Pacific Islands Forum", "the Andean Community", "the Interparliamentary Assembly"
REGIONAL_WORDS = frozenset({"pacific", "african", "asian", "european", "arab", "caribbean",
                            "nordic", "baltic", "andean", "gulf", "atlantic", "americas",
                            "interparliamentary", "intergovernmental", "regional"})
REGIONAL_HEADS = frozenset({"forum", "community", "union", "league", "council", "assembly",
                            "bank", "organization", "organisation", "commission", "parliament",
                            "secretariat", "conference", "cooperation"})


def _regional_body(name: str) -> bool:
    """Whether a body's name says it is one of several states ("the Pacific Islands Forum")."""
    words = set(name.lower().replace("-", " ").split())
    return bool(REGIONAL_HEADS & words) and bool(REGIONAL_WORDS & words)


# parts of a body that act for it: "World Bank staff", "the AU Commission", "the board of
# the World Bank"
UNIT_NOUNS = frozenset({"staff", "board", "commission", "secretariat", "leadership", "council",
                        "delegation", "team", "mission", "presidency", "executive", "authority",
                        "members"})


def _unit_of(book: Book, d: Draft, root: Token) -> None:
    """The noun phrase of a part of the body ``d`` whose name ``root`` heads ("World Bank
    staff", "the board of the World Bank"), as one more mention of ``d`` that claims no token."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("compound", "nmod"):
        return
    if head.i == root.i or head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in UNIT_NOUNS:
        return
    doc = book.doc
    start = min(head.left_edge.i, root.i)
    end = max(head.i, root.right_edge.i) + 1
    if root.dep_ != "pobj":  # "the SADC Council of Ministers": the unit's own "of"
        end = max([end] + [c.right_edge.i + 1 for c in head.children
                           if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i])
    while start < head.i and doc[start].text in ("'s", "\u2019s", ",", "(", ")"):
        start += 1
    span = doc[start:end]
    d.add(span.start_char, span.end_char, span.text)


def _described_by(book: Book, start: int) -> int:
    """Where a body's name begins with the common noun that says what it is, when the parser
    did not hang that noun on it ("the opposition Ghana Democratic Renewal Party", "the
    rebel Liberation Front of the South"): that noun and its determiner; else ``start``."""
    doc = book.doc
    prev = start - 1
    if prev < 0 or doc[prev].pos_ != "NOUN" or prev in book.covered \
            or book.lex.titles.get(doc[prev].lower_) is None:
        return start
    if prev > 0 and doc[prev - 1].pos_ == "DET":
        prev -= 1
    return prev


def named_state(book: Book, ent: Span) -> None:
    lex = book.lex
    if ent.start_char < book.dateline:
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
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "Seoul and Bangkok agreed": the second capital as the first
        if capital is None or root.dep_ not in ("nsubj", "nsubjpass", "pobj", "poss", "dobj"):
            return
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ != "by" and not (
                prep.lower_ in ("to", "in", "into") and prep.head.lemma_.lower() in MOVE_LEMMAS):
            return  # "in Paris" is a place; "Paris said", "arrived in Paris" an actor
        if root.dep_ == "dobj" and root.head.lemma_.lower() not in MOVE_LEMMAS and not any(
                t.pos == "VERB" and t.type in ADDRESSED_TYPES
                for t in lex.triggers.get(root.head.lemma_.lower(), [])):
            return  # "visited Beijing", "warned Tehran", "urged Moscow": the government
        code = capital
    root = ent.root
    # a country inside a title phrase ("Armenia's Defense Minister") is not its own mention
    if root.dep_ in ("poss", "compound") and root.head.i in book.title_heads:
        return
    name = lex.countries[code].name if code in lex.countries else text
    d = book.draft("country:" + code, name, "country")
    d.country = code
    d.sector = d.sector or "GOV"
    book.mention(d, ent.start, ent.end, root)


def noun_phrase_actor(book: Book, tokens: list[Token], head: Token, *, default_kind: str,
                      named: str | None = None, hint: str | None = None) -> Draft | None:
    """An actor described by a noun phrase: "the French foreign ministry", "Azerbaijani forces"."""
    lex = book.lex
    words = _words(tokens)
    title, ti, tj = _title_in(words, lex)
    country = _country_in(tokens, lex)
    if country is None:
        country, _ = _of_country(head, lex)
    if country is None and named is None:
        country = book.organisation_code(tokens) or hint
    # "its ambassador from X": a possessive pronoun says whose (the envoy it recalls from X)
    owned = bool(tokens) and tokens[0].dep_ == "poss" and tokens[0].lower_ in POSSESSIVE_PRONOUNS
    if country is None and not owned:
        country = book.place_country(head)
    if country is None and named is None and not owned:
        country = _body_country(book, head)  # "a spokesman for the Sudanese Defence Ministry"
    if title is None and named is None:
        return None
    if title is not None and title.role == "Leader" and title.kind == "group" and named is None \
            and country is not None:
        # "the Kenyan and Ghanaian leaders": the heads of those states the article named
        heads = _state_heads(book, tokens, country)
        for leader in heads:
            book.mention(leader, tokens[0].i, tokens[-1].i + 1, head)
        if heads:
            return heads[0]
    if title is not None and title.kind == "person" and named is None:
        # "the French President": the person of the article holding that office
        d = book.holder(title, country, at=tokens[0].idx)
        if d is not None:
            book.mention(d, tokens[0].i, tokens[-1].i + 1, head)
            book.phrase(d, head, tokens[0].i, tokens[-1].i + 1)
            return d
    kind = title.kind if title else default_kind
    if named and kind == "person":
        kind = "organization"  # "the rebel Liberation Front of the South": a rebel body
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
    d = book.draft(key, name, kind)
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
        scope = head  # "the X Front coalition of tribal militias": the phrase the name modifies
        while scope.dep_ in ("compound", "det") and scope.head.i != scope.i:
            scope = scope.head
        if any(t.lower_ in ARMED_MARKS for t in scope.subtree):
            d.sector = d.sector or "REB"  # "the Eastern Front coalition of tribal militias"
        elif d.country is None and any(w in NGO_WORDS for w in low.split()):
            d.country, d.sector = "NGO", d.sector or "CVL"  # a civil-society body
    book.mention(d, tokens[0].i, tokens[-1].i + 1, head)
    book.phrase(d, head, tokens[0].i, tokens[-1].i + 1)
    if title is not None and title.kind in ("group", "organization") and named is None:
        coordinated_demonyms(book, tokens, title, d)
    return d


# words in a body's phrase that make it an armed group, not civil society
ARMED_MARKS = frozenset({"army", "armies", "militia", "militias", "rebels", "rebel", "insurgents",
                         "fighters", "armed", "guerrillas", "militants"})


def _state_heads(book: Book, tokens: list[Token], country: str) -> list[Draft]:
    """The heads of state or government named before, one per state the phrase's demonyms
    name ("the Kenyan and Ghanaian leaders"); none unless every state has one."""
    leader = book.lex.title("leader")
    if leader is None:
        return []
    codes = [country] + [c for t in tokens if t.dep_ == "conj" and t.ent_type_ == "NORP"
                         and (c := book.lex.country_code(t.text)) and c != country]
    heads = []
    for code in codes:
        found = book.holder(leader, code)
        if found is None or found.role not in HEAD_ROLES:
            return []
        heads.append(found)
    return heads


def coordinated_demonyms(book: Book, tokens: list[Token], title: Title, first: Draft) -> None:
    """"French and Egyptian warships", "Indian and Pakistani troops": one actor per country; each further
    country's mention is its demonym, which the event stage reads on the head noun."""
    for token in tokens:
        if token.dep_ != "conj" or token.ent_type_ != "NORP":
            continue
        code = book.lex.country_code(token.text)
        if code is None or code == first.country:
            continue
        d = book.draft(f"{first.kind}:{code}:{title.role.lower()}",
                       f"{_demonym_name(code, book.lex)} {first.name.split(' ', 1)[-1]}",
                       first.kind)
        d.absorb(title, code)
        book.mention(d, token.i, token.i + 1, token)


def title_phrases(book: Book) -> None:
    """Noun phrases headed by a title with no name: "the French President", "senators"."""
    lex, doc = book.lex, book.doc
    for token in book.tokens:
        if token.i in book.covered or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # not the head of its phrase
        if token.dep_ == "poss" and token.head.lower_ in OFFICE_NOUNS:
            continue  # "the president's office": read at "office"
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            continue  # "recognizing him as interim president": what another mention is called
        start = _left_edge(token)
        tokens = list(doc[start:token.i + 1])
        # "UN troops", "EU foreign ministers"; "Iraq's national security advisor"
        context = book.organisation_code(tokens) or _country_in(tokens, lex)
        if any(t.i in book.covered for t in tokens):
            tokens = [t for t in tokens if t.i not in book.covered and t.i > max(
                (c.i for c in tokens if c.i in book.covered), default=-1)]
            if not tokens:
                continue
        low = token.lower_
        # "a team of Kenyan lawmakers": the lawmakers act
        if low in GROUPING_NOUNS:
            inner = book.of_object(token)
            if inner is not None:
                inner_tokens = list(doc[_left_edge(inner):inner.i + 1])
                # "thousands of demonstrators in Nairobi": the place may hang off the count
                d = noun_phrase_actor(book, inner_tokens, inner, default_kind="group",
                                      hint=book.place_country(token))
                if d is not None:
                    book.mention(d, start, inner.i + 1, token)
                continue
        # "the Kenyan premier's office": the office of that person
        if low in OFFICE_NOUNS:
            poss = next((c for c in token.children if c.dep_ == "poss"), None)
            if poss is not None and poss.i not in book.covered:
                office(book, tokens, token, poss)
                continue
        if low in DOCUMENT_NOUNS:
            continue
        if low in PEER_NOUNS:
            peer(book, tokens, token)
            continue
        words = _words(tokens)
        title, _, tj = _title_in(words, lex)
        if title is None or tj != len(words) and not (
                words[tj:] and words[-1] in ("office", "ministry", "government")):
            continue
        named = (_described_person(book, token) or _become(book, token)) if title.kind == "person" else None
        if named is not None:
            # "X, a one-time police commander now turned activist, said": X, described
            book.mention(named, tokens[0].i, token.i + 1, token)
            continue
        if low in PEER_NOUNS or any(w in PEER_NOUNS for w in words):
            peer(book, tokens, token)
            continue
        states = _states_of_pair(book, token) if context is None else []
        if len(states) > 1:
            # "troops from the two countries", "officials of both states": those of each
            for code in states:
                noun_phrase_actor(book, tokens, token, default_kind="organization", hint=code)
            continue
        body = _described_body(book, doc[start:tokens[0].i], title) if start < tokens[0].i else None
        if body is not None:
            # "the Alliance for Progress (AFP) opposition party": the body, described
            book.mention(body, start, token.i + 1, token)
            continue
        d = noun_phrase_actor(book, tokens, token, default_kind="organization", hint=context)
        if d is not None and start < tokens[0].i and _named_by_body(book, doc[start:tokens[0].i]):
            # "G7 finance ministers": the phrase with the body that names it, as a mention
            # that claims no token ("G7" stays the body's own)
            span = doc[start:token.i + 1]
            d.add(span.start_char, span.end_char, span.text)


def _described_person(book: Book, token: Token) -> Draft | None:
    """The named person a title phrase describes, in an appositive set off after the name by a
    comma and opening with "a"/"an": "X, a singer and opposition politician", "X, a one-time
    police commander now turned activist" (through the coordination or the "turned" that
    joins the titles); "X, the Acme chief executive" names an office the text may also speak
    of on its own."""
    node = token
    for _ in range(4):
        if node.dep_ == "appos":
            head = node.head
            key = book.token_owner.get(head.i)
            if key is None or book.drafts[key].kind != "person" or head.i > node.i \
                    or book.doc[node.left_edge.i].lower_ not in ("a", "an") \
                    or not any(t.text == "," for t in book.doc[head.i + 1:node.left_edge.i + 1]):
                return None
            return book.drafts[key]
        if node.dep_ in ("conj", "oprd", "acl") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


BECOMING = frozenset({"turn", "become"})


def _become(book: Book, token: Token) -> Draft | None:
    """The person a title says they became: "X, a retired colonel turned party
    official", which the parser reads as "X ... turned [party official]"."""
    if token.dep_ not in ("dobj", "attr", "oprd") or token.head.lemma_.lower() not in BECOMING \
            or any(c.dep_ in ("det", "poss") for c in token.children):
        return None  # (a bare title: "turned party official", not "turned the minister away")
    for subject in token.head.children:
        key = book.token_owner.get(subject.i) if subject.dep_ == "nsubj" else None
        if key is not None and book.drafts[key].kind == "person":
            return book.drafts[key]
    return None


def _described_body(book: Book, words: Span, title: Title) -> Draft | None:
    """The one named body a descriptor of bodies ("opposition party", "militant group") is
    set after in its noun phrase ("the X (XP) opposition party"), or None."""
    if title.kind not in ("organization", "group") or title.sector in ("GOV", "MIL", "COP"):
        return None
    owners = {k for t in words if (k := book.token_owner.get(t.i)) is not None}
    if len(owners) != 1:
        return None
    owner = book.drafts[owners.pop()]
    return owner if owner.kind in ("organization", "group") else None


def _named_by_body(book: Book, words: Span) -> bool:
    """Whether the words before a title phrase's own name the one body or state it belongs
    to: a name set before it ("G7 [finance ministers]", "Toyota Motor [Corporation]") or a
    state's possessive ("Ethiopia's [security forces]"); not a person's ("Ruto's
    [administration]") nor several states ("both Kenyan and Ugandan [governments]")."""
    owners = {k for t in words if (k := book.token_owner.get(t.i)) is not None}
    if len(owners) != 1:
        return False
    owner = book.drafts[owners.pop()]
    links = {t.dep_ for t in words if t.head.i not in range(words.start, words.end)}
    return links <= {"compound", "nmod", "det"} or (owner.kind == "country"
                                                    and links <= {"poss", "det"})


def _states_of_pair(book: Book, token: Token) -> list[str]:
    """The countries of the states that a "from"/"of" object of ``token`` names together
    ("troops from the two countries": the two states named before), in text order."""
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in ("from", "of"):
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            span = (book.doc[pobj.left_edge.i].idx, pobj.idx + len(pobj.text))
            codes = [d.country for d in book.drafts.values()
                     if d.kind == "country" and d.country and span in d.mentions]
            return list(dict.fromkeys(c for c in codes if c))
    return []


def office(book: Book, tokens: list[Token], head: Token, poss: Token) -> None:
    """"the Kenyan premier's office": the office of that officeholder, an organisation."""
    lex = book.lex
    words = _words(tokens[: poss.i - tokens[0].i + 1])
    title, _, _ = _title_in(words, lex)
    country = _country_in(tokens, lex)
    if title is None or title.kind != "person":
        return
    key = f"organization:{country}:office of the {title.role.lower()}"
    seat = next((k for k, d in book.drafts.items() if d.kind == "organization"
                 and d.country == country and d.role and title.role.lower() in d.role.lower()), None)
    d = book.drafts[seat] if seat else book.draft(
        key, f"Office of the {_demonym_name(country, lex)} {title.role}".replace("  ", " "),
        "organization")
    d.country = d.country or country
    d.sector = d.sector or title.sector or "GOV"
    d.role = d.role or f"Office of the {title.role}"
    book.mention(d, tokens[0].i, head.i + 1, head)


def peer(book: Book, tokens: list[Token], head: Token) -> None:
    """"his Azerbaijani colleague": the person of that country in the article; else a
    person of that country holding the office of the other person of the sentence
    ("X met his Chinese counterpart": China's holder of X's office)."""
    country = _country_in(tokens, book.lex) or book.place_country(head, ("from", "of"))
    if country is None:
        return
    for key in reversed(book.order):
        d = book.drafts[key]
        if d.kind == "person" and d.country == country:
            book.mention(d, tokens[0].i, tokens[-1].i + 1, head)
            return
    title = book.peer_title(head.sent, exclude="")
    role = title.role if title is not None else "Counterpart"
    d = book.draft(f"person:{country}:{role.lower()}", f"{_demonym_name(country, book.lex)} {role}",
                   "person")
    d.absorb(title, country)
    d.country = d.country or country
    book.mention(d, tokens[0].i, tokens[-1].i + 1, head)


def acronym_of_neighbour(book: Book, ent: Span) -> bool:
    """"the Revolutionary United Front (RUF)": the bracketed acronym is one more mention
    of the body before it."""
    text = _clean(ent.text)
    root = ent.root
    if not (text.isupper() and 2 <= len(text) <= 8 and ent.start > 0
            and book.doc[ent.start - 1].text == "(" and root.dep_ == "appos"):
        return False
    owner = book.token_owner.get(root.head.i)
    if owner is None or book.drafts[owner].kind == "person":
        return False
    book.mention(book.drafts[owner], ent.start, ent.end, root)
    book.acronyms[text] = owner
    return True


def of_titles(book: Book) -> None:
    """Titles with "of" ("the Kenyan Secretary of State", "Chief of Staff"), whose last word the
    NER may take for an organisation of its own."""
    doc, titles = book.doc, book.lex.of_titles
    if not titles:
        return
    before = book.lex.of_title_heads
    for of in doc:
        if of.lower_ != "of" or of.i in book.covered or of.i == 0 \
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
        if any(i in book.covered for i in range(first, last + 1)):
            continue
        head = doc[of.i - 1]
        start = min(first, _left_edge(doc[first]), _left_edge(head))
        start = max((i + 1 for i in range(start, first) if i in book.covered), default=start)
        noun_phrase_actor(book, list(doc[start:last + 1]), head, default_kind="organization")


def surnames(book: Book) -> None:
    """A bare surname the NER missed ("Torres said"), once the full name is known."""
    known = {d.name.split()[-1]: d for d in book.drafts.values()
             if d.kind == "person" and len(d.name.split()) > 1}
    for token in book.tokens:
        d = known.get(token.text)
        if d is not None and token.i not in book.covered and token.pos_ == "PROPN":
            book.mention(d, token.i, token.i + 1, token)


def _object_of_act(noun: Token, book: Book) -> bool:
    """Whether a noun that is no title is what an act is done to ("attacked Russian
    positions", "seized a Ukrainian cargo ship", "banned Argentine websites"): its demonym
    then names the state whose thing it is."""
    if noun.i in book.title_heads or noun.lower_ in book.lex.titles or noun.lower_ in (
            PEER_NOUNS | GROUPING_NOUNS | OFFICE_NOUNS):
        return False  # "met his Chinese counterpart", "a French delegation": people
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    pos = "VERB" if verb.pos_ == "VERB" else "NOUN" if verb.pos_ == "NOUN" else None
    key = verb.lemma_.lower() if pos == "VERB" else verb.lower_  # "an attack on Russian positions"
    return pos is not None and any(t.pos == pos for t in book.lex.triggers.get(key, []))


def demonym(book: Book, ent: Span) -> None:
    """A demonym standing alone as a group ("Armenians"), or on an event noun, whose
    doer it names ("Palestinian riots", "French mediation"); not as a mere modifier."""
    code = book.lex.country_code(ent.text)
    head = ent.root.head
    if ent.root.dep_ in ("amod", "compound"):
        if code and head.pos_ == "NOUN" and (any(
                t.pos == "NOUN" for t in book.lex.triggers.get(head.lower_, []))
                or _object_of_act(head, book)):
            d = book.draft("country:" + code, book.lex.countries[code].name
                           if code in book.lex.countries else ent.text, "country")
            d.country, d.sector = code, d.sector or "GOV"
            book.mention(d, ent.start, ent.end, ent.root)
        return
    if head.i in book.title_heads:
        return
    if code is None and ent.text.endswith("s") and ent.text[:1].isupper():
        # an ethnic or religious group ("Kurds", "Iraqi Kurds")
        start = ent.start
        country = None
        if start > 0 and book.doc[start - 1].ent_type_ == "NORP":
            country = book.lex.country_code(book.doc[start - 1].text)
            start = start - 1 if country else start
        d = book.draft(f"group:{country}:{ent.text.lower()}", _clean(book.doc[start:ent.end].text), "group")
        d.country = d.country or country
        d.sector = d.sector or "CVL"
        book.mention(d, start, ent.end, ent.root)
        return
    if code and ent.text.endswith("s"):
        d = book.draft(f"group:{code}:people", _clean(ent.text), "group")
        d.country = code
        d.sector = d.sector or "CVL"
        book.mention(d, ent.start, ent.end, ent.root)




CREDIT_WORDS = frozenset({"photo", "photograph", "photos", "credit", "credits", "image", "images",
                          "file", "getty", "by", "reporting", "editing", "writing", "additional",
                          "video", "pictured", "caption", "source"})
CREDIT_LINE_WORDS = 8  # a byline or credit is a short line of its own


def _credit(ent: Span) -> bool:
    """A byline or picture credit: "Reuters | Jane Doe:", "Photo: John Roe/AFP",
    "By Jane Doe" on a line of its own, "(Reporting by John Roe; Editing by ...)"."""
    doc = ent.doc
    text = doc_text(doc)  # built once per Doc: spaCy rebuilds doc.text on every access
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    line_end = text.find("\n", ent.end_char)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if before is not None and before.text in ("|", "/") or after is not None and after.text in ("|", "/"):
        return True
    first = line.split()[0].strip("():;,.|").lower() if line.split() else ""
    lowered = line.lower()
    return first in CREDIT_WORDS and (len(line.split()) <= CREDIT_LINE_WORDS
                                      or "reporting by" in lowered or "editing by" in lowered)


# A body described instead of named ("the regional bloc", "the alliance"): the nouns, and
# the country slots of the bodies each may stand for
DESCRIBED_BODIES: dict[str, frozenset[str]] = {
    "bloc": frozenset({"IGO", "EUR"}), "organisation": frozenset({"IGO", "UNO", "EUR"}),
    "organization": frozenset({"IGO", "UNO", "EUR"}), "grouping": frozenset({"IGO", "EUR"}),
    "alliance": frozenset({"IGO"}), "union": frozenset({"EUR", "IGO"}),
    "body": frozenset({"IGO", "UNO", "EUR"}),
}


# An armed group described instead of named ("the militant group", "the rebel movement",
# "the militia"): the named armed group (sector REB or UAF) mentioned last before it
ARMED_WORDS = frozenset({"militant", "armed", "rebel", "jihadist", "insurgent", "islamist",
                         "extremist", "terrorist", "separatist", "paramilitary", "guerrilla"})
GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "faction",
                         "outfit", "militia"})
ARMED_SECTORS = frozenset({"REB", "UAF"})
# members of an armed group: "the militants", "the insurgents" after "Boko Haram" are its own
MEMBER_NOUNS = frozenset({"militants", "insurgents", "rebels", "jihadists", "guerrillas",
                          "extremists", "terrorists", "separatists", "fighters"})


def described_groups(book: Book) -> None:
    """"the militant group's attacks", "the rebel movement said", "the insurgents": the armed
    group the text named last before it (when it has named one; else the title phrase reads it as a generic
    group)."""
    for token in book.tokens:
        members = token.lower_ in MEMBER_NOUNS
        if not (token.lower_ in GROUP_NOUNS or members) or token.i in book.covered \
                or token.pos_ != "NOUN" or book.entity_at(token) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in token.children):
            continue  # "a militant group", "militants": any
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound")]
        if any((c.ent_type_ or c.pos_ == "PROPN") and c.lower_ not in ARMED_WORDS
               for c in modifiers) or not (
                members or token.lower_ == "militia"
                or any(c.lower_ in ARMED_WORDS for c in modifiers)):
            continue  # "the Kurdish militant group" is named otherwise
        before = [(start, d) for d in book.drafts.values()
                  if d.kind in ("organization", "group") and d.sector in ARMED_SECTORS
                  and not d.key.startswith(("group:", "organization:None", "person:None"))
                  for start, _ in d.mentions if start < token.idx]
        if before:
            book.mention(max(before, key=lambda sd: sd[0])[1], token.left_edge.i, token.i + 1,
                         token)


# acts done to a government in words or dealings: their object capital is the government
ADDRESSED_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "SANCTION",
                             "CONSULT", "AGREE", "AID", "COOPERATE", "CONCEDE"})
STATE_NOUNS = frozenset({"country", "nation", "kingdom", "state", "republic"})
DESCRIBED_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "pobj", "conj", "appos"})


def _region_of(words: str) -> frozenset[str] | None:
    """The states of the region a description names ("West African", "Gulf"), if any."""
    low = words.lower().replace("-", " ")
    regions = state_regions()
    found = [states for name, states in regions.items() if re.search(rf"\b{name}\b", low)]
    return min(found, key=len) if found else None


COMPASS = frozenset({"North", "South"})


def _the_north(book: Book) -> None:
    """"the North", "the South" standing alone: the state named before whose name starts
    so ("North Korea" ... "the North wants food first")."""
    for token in book.tokens:
        if token.text not in COMPASS or token.i in book.covered or token.i == 0 \
                or book.doc[token.i - 1].lower_ != "the" or token.dep_ == "compound" or (
                token.i + 1 < len(book.doc) and book.doc[token.i + 1].pos_ in ("PROPN", "NOUN")):
            continue
        states = [(start, d) for d in book.drafts.values() if d.kind == "country" and d.country
                  and d.name.startswith(token.text + " ") for start, _ in d.mentions
                  if start < token.idx]
        if states:
            book.mention(max(states, key=lambda sd: sd[0])[1], token.i - 1, token.i + 1, token)


def described_states(book: Book) -> None:
    """"the South American country", "the West African nation", "the Gulf kingdom": the
    state named last before it. The description must qualify the noun (not "the country",
    which is as often a place), and not by a demonym or a name ("the French state" is
    France's, read elsewhere)."""
    lex = book.lex
    _the_north(book)
    for token in book.tokens:
        if token.lower_ not in STATE_NOUNS or token.i in book.covered or token.pos_ != "NOUN" \
                or token.dep_ not in DESCRIBED_ROLES:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound")]
        words = book.doc[token.left_edge.i + 1:token.i].text
        if not modifiers or lex.country_code(words):
            continue  # "the French state", "the Kenyan nation": that state, read elsewhere
        if any(c.lower_ in ("neighbouring", "neighboring", "other", "same", "host", "first",
                            "second", "member", "rival") for c in modifiers):
            continue  # another state than the one named last
        states = [d for d in book.drafts.values() if d.kind == "country" and d.country]
        region = _region_of(words)
        if region is not None:  # "the West African nation": a state of West Africa
            states = [d for d in states if d.country in region]
        # the state last named as a subject, else the one last named
        before = [(i, d) for d in states for i in d.subject_at if i < token.i] or [
            (start, d) for d in states for start, _ in d.mentions if start < token.idx]
        # (token indices and character offsets are each compared only among themselves)
        if before:
            book.mention(max(before, key=lambda sd: sd[0])[1], token.left_edge.i, token.i + 1,
                         token)


def described_bodies(book: Book) -> None:
    """"the regional bloc", "the 15-member organisation", "the alliance": the international
    body of that kind named last before it (none when the text has named none)."""
    for token in book.tokens:
        slots = DESCRIBED_BODIES.get(token.lower_)
        if slots is None or token.i in book.covered or token.pos_ != "NOUN" \
                or book.entity_at(token) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
            continue  # "a trade bloc", "any alliance": not one already named
        if any(c.dep_ in ("compound", "amod") and (c.ent_type_ or c.pos_ == "PROPN")
               for c in token.children):
            continue  # "the Western alliance", "the Arab League body": named otherwise
        before = [(start, d) for d in book.drafts.values() if d.kind == "organization"
                  and d.country in slots for start, _ in d.mentions if start < token.idx]
        if before:
            book.mention(max(before, key=lambda sd: sd[0])[1], token.left_edge.i, token.i + 1,
                         token)


def named_units(book: Book) -> None:
    """"the commission", "the authority": the body whose unit of that name was named before
    ("the ECOWAS Commission ... The commission lifted sanctions"), not a new, countryless body."""
    for token in book.tokens:
        if token.lower_ not in UNIT_NOUNS or token.i in book.covered or token.pos_ not in ("NOUN", "PROPN") \
                or book.entity_at(token) is not None or token.tag_ in ("NNS", "NNPS"):
            continue
        if [c.lower_ for c in token.children if c.dep_ not in ("punct",)] != ["the"]:
            continue  # "a commission", "the electoral commission": not the unit named before
        body = _unit_named_before(book, token)
        if body is not None:
            book.mention(body, token.left_edge.i, token.i + 1, token)


def _unit_named_before(book: Book, token: Token) -> Draft | None:
    """The body last named with a unit of the noun ``token`` ("the ECOWAS Commission")."""
    before = [(start, d) for d in book.drafts.values() if d.kind == "organization"
              for (start, _), text in d.mentions.items()
              if start < token.idx and token.lower_ in text.lower().split()[1:]
              and _clean(d.name).lower() != token.lower_]
    return max(before, key=lambda sd: sd[0])[1] if before else None


NATIONAL_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")
# numbers that stand for a crowd of people when they are a clause's subject
CROWD_NUMBERS = frozenset({"dozens", "hundreds", "thousands", "tens", "scores", "millions"})


def crowds(book: Book) -> None:
    """A number standing alone as a clause's subject is a crowd of people: "Thousands
    protested in the capital", "Hundreds marched to parliament" (not "thousands of farmers",
    which the title phrases read)."""
    for token in book.tokens:
        if token.i in book.covered or token.lower_ not in CROWD_NUMBERS \
                or token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ != "VERB" \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue
        d = book.draft(f"group:crowd:{token.i}", "people", "group")
        d.sector = d.sector or "CVL"
        book.mention(d, token.left_edge.i, token.i + 1, token)




def nationals(book: Book) -> None:
    """A demonym standing as a noun for people of that state, whether or not the NER tagged
    it: "a Togolese trader, 30, was detained" (a person), "police beat two Togolese"
    (a group); never a modifier ("Togolese officials") or a state's name."""
    lex = book.lex
    for token in book.tokens:
        if token.i in book.covered or token.pos_ not in ("NOUN", "PROPN") \
                or token.dep_ not in NATIONAL_ROLES or not token.text[:1].isupper() \
                or token.lower_ in lex.country_names or token.ent_type_ not in ("", "NORP"):
            continue
        plural = token.tag_ in ("NNS", "NNPS") or token.lower_.endswith("s")
        code = lex.demonyms.get(token.lower_) or (
            lex.demonyms.get(token.lower_[:-1]) if plural else None)
        if code is None or code in lex.nonstate:
            continue
        if plural:
            d = book.draft(f"group:{code}:people", _clean(token.text), "group")
        elif any(c.dep_ in ("det", "nummod") or c.lower_ == "old" for c in token.subtree
                 if c.i < token.i):
            d = book.draft(f"person:{code}:{token.i}", _clean(token.text), "person")
        else:
            continue  # "Palestinian" alone may be the language or an adjective
        d.country = d.country or code
        d.sector = d.sector or "CVL"
        book.mention(d, token.left_edge.i if not plural else token.i, token.i + 1, token)

