"""General knowledge the project wrote itself, read from ``data/``.

- ``countries.tsv``: states with aliases, demonyms and capitals;
- ``organisations.tsv``: international organisations and well-known groups;
- ``seats.tsv``: seats of power and agencies that stand for a government ("the Kremlin");
- ``titles.tsv``: titles and offices with their PLOVER sector and role;
- ``event_lexicon.tsv``: verbs and nouns that state PLOVER events, with CAMEO codes;
- ``modality_cues.tsv``: words that make an event intended, negated or hypothetical.

Also the spaCy components that put this knowledge in front of the statistical NER.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MOVE_LEMMAS",
    "Country",
    "Lexicon",
    "Organisation",
    "Title",
    "Trigger",
    "add_entity_patterns",
    "lexicon",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    """A state: ISO alpha-3 code, name, CAMEO code."""

    iso3: str
    name: str
    cameo: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """An organisation or seat of power with its country code, sector and kind."""

    name: str
    country: str | None
    sector: str | None
    kind: str
    cameo: str | None
    role: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    """A title or office: sector(s), kind and canonical role."""

    title: str
    sector: str | None
    other_sectors: tuple[str, ...]
    kind: str
    role: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """A word or phrase that states an event."""

    phrase: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    context: tuple[str, ...]
    notes: str


ARTICLES = frozenset({"a", "an", "the"})
# verbs of going somewhere: their destination hosts the visit ("arrived in Amman")
MOVE_LEMMAS = frozenset({"visit", "travel", "fly", "arrive", "go", "come", "send", "dispatch",
                         "trip", "tour", "head", "deploy", "return", "land", "attend"})


def _rows(name: str) -> list[dict[str, str]]:
    try:
        text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("\u2019", "'").lower().split())


class Lexicon:
    """Every lexicon table, indexed by lower-cased surface form."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.organisations: dict[str, Organisation] = {}
        self.seats: dict[str, Organisation] = {}
        self.titles: dict[str, Title] = {}
        self.triggers: dict[str, list[Trigger]] = {}
        self.modality_cues: dict[tuple[str, str], str] = {}
        self.future_cues: frozenset[tuple[str, str]] = frozenset()
        self.support_verbs: frozenset[str] = frozenset()
        self.verbs: frozenset[str] = frozenset()  # every verb the event lexicon knows
        self.of_titles: frozenset[str] = frozenset()  # "secretary of state"
        self.of_title_heads: frozenset[str] = frozenset()  # "secretary"
        self.nonstate: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
        self.surfaces: dict[str, set[str]] = {"country": set(), "capital": set(),
                                              "demonym": set(), "org": set()}
        self._load()

    def _load(self) -> None:
        for row in _rows("countries.tsv"):
            iso3 = row.get("iso3", "")
            if not iso3:
                continue
            self.countries[iso3] = Country(iso3=iso3, name=row["name"],
                                           cameo=row.get("cameo") or iso3)
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                self.country_names.setdefault(_key(name), iso3)
                self.surfaces["country"].add(name)
            for dem in _split(row.get("demonyms", "")):
                self.demonyms.setdefault(_key(dem), iso3)
                self.surfaces["demonym"].add(dem)
            for cap in _split(row.get("capitals", "")):
                self.capitals.setdefault(_key(cap), iso3)
                self.surfaces["capital"].add(cap)
        for row in _rows("organisations.tsv"):
            org = Organisation(name=row["name"], country=row.get("country") or None,
                               sector=row.get("sector") or None, kind=row.get("kind") or "organization",
                               cameo=row.get("cameo") or None)
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                self.organisations.setdefault(_key(name), org)
                self.surfaces["org"].add(name)
        for row in _rows("seats.tsv"):
            org = Organisation(name=row["name"], country=row.get("country") or None,
                               sector=row.get("sector") or None, kind=row.get("kind") or "organization",
                               cameo=None, role=row.get("canonical") or None)
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                self.seats.setdefault(_key(name), org)
                self.surfaces["org"].add(name)
        for row in _rows("titles.tsv"):
            title = Title(title=_key(row["title"]), sector=row.get("sector") or None,
                          other_sectors=tuple(_split(row.get("other_sectors", ""))),
                          kind=row.get("kind") or "person", role=row.get("role") or row["title"].title())
            self.titles.setdefault(title.title, title)
        self.of_titles = frozenset(t for t in self.titles if " of " in t)
        self.of_title_heads = frozenset(t.split(" of ")[0].split()[-1] for t in self.of_titles)
        for row in _rows("event_lexicon.tsv"):
            words = tuple(w for w in _key(row["phrase"]).split() if w not in ARTICLES)
            if not words or not row.get("type"):
                continue
            trig = Trigger(phrase=words, pos=(row.get("pos") or "VERB").upper(), type=row["type"],
                           mode=row.get("mode") or None, cameo=row.get("cameo") or None,
                           context=tuple(_split(row.get("context", ""))), notes=row.get("notes", ""))
            head = words[0] if trig.pos == "VERB" or "of" in words else words[-1]
            self.triggers.setdefault(head, []).append(trig)
        self.support_verbs = frozenset(r["verb"].lower() for r in _rows("support_verbs.tsv") if r.get("verb"))
        self.verbs = frozenset(
            {h for h, ts in self.triggers.items() if any(t.pos == "VERB" for t in ts)}
            | self.support_verbs)
        future = set()
        for row in _rows("modality_cues.tsv"):
            cue = (_key(row.get("cue", "")), row.get("where", "aux"))
            self.modality_cues.setdefault(cue, row.get("class", ""))
            if row.get("coded") == "act":
                future.add(cue)
        self.future_cues = frozenset(future)

    # look-ups -------------------------------------------------------------------------
    def country_code(self, text: str) -> str | None:
        """ISO alpha-3 of a country name, alias, demonym or possessive ("France's")."""
        key = _key(text)
        if key.endswith("'s"):
            key = key[:-2]
        if key.startswith("the "):
            key = key[4:]
        return self.country_names.get(key) or self.demonyms.get(key)

    def title(self, text: str) -> Title | None:
        return self.titles.get(_key(text))

    def organisation(self, text: str) -> Organisation | None:
        key = _key(text)
        if key.startswith("the "):
            key = key[4:]
        return self.organisations.get(key) or self.seats.get(key)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return Lexicon()


def _paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence (captions and headlines carry no full stop)."""
    starts = [0]
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text and not token.is_space:
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:
        _dateline(doc, start)
    return doc


DATELINE_DASHES = frozenset({"-", "--", "—", "–"})


def _dateline(doc: Doc, start: int) -> None:
    """"PARIS, March 3 (Agency) - Text": the dateline is not part of the first sentence."""
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) > 1):
        return
    for i in range(start + 1, min(start + 16, len(doc) - 1)):
        if doc[i].text in DATELINE_DASHES:
            doc[i + 1].is_sent_start = True
            for j in range(start + 1, i + 1):
                doc[j].is_sent_start = False
            return
        if doc[i].is_space or doc[i].text == ".":
            return


def entity_surfaces() -> list[tuple[str, str]]:
    """(label, surface) for countries, capitals, demonyms and organisations, exact case."""
    lex = lexicon()
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for label, surfaces in (("GPE", lex.surfaces["country"]), ("GPE", lex.surfaces["capital"]),
                            ("NORP", lex.surfaces["demonym"]), ("ORG", lex.surfaces["org"])):
        for surface in sorted(surfaces):
            if (label, surface) not in seen:
                seen.add((label, surface))
                out.append((label, surface))
    return out


def _gazetteer_factory(nlp: Language, name: str) -> object:
    """A component before the NER: the lexicon's names as entities, which the NER keeps.

    A PhraseMatcher on exact token text (the EntityRuler would run the whole pipeline over
    every entry at start-up, and its token patterns are slow on long documents)."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    # names of bodies of several words also match in any case ("the State department")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, surface in entity_surfaces():
        matcher.add(label, [nlp.make_doc(surface)])
        if label == "ORG" and " " in surface and not surface.isupper():
            folded.add(label, [nlp.make_doc(surface)])

    def component(doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id)
                 for match_id, start, end in (*matcher(doc), *folded(doc))]
        if spans:
            doc.set_ents(filter_spans(spans), default="unmodified")
        return doc

    return component


def _verb_lemma(lower: str, lemma: str, verbs: frozenset[str]) -> str:
    """The lemma of an inflected verb the lexicon knows, where the model's lemmatizer cut off
    a final "e" ("staged" -> "stag", "waged" -> "wag"); else the model's lemma."""
    if lemma in verbs:
        return lemma
    for stem in (lower[:-1] if lower.endswith("ed") else "", lower[:-3] + "e"
                 if lower.endswith("ing") else "", lower[:-1] if lower.endswith("es") else ""):
        if stem and stem in verbs and stem.startswith(lemma):
            return stem
    return lemma


def _lemma_repair(doc: Doc) -> Doc:
    """Component after the lemmatizer: repairs lemmas of known verbs (see ``_verb_lemma``)."""
    verbs = lexicon().verbs
    for token in doc:
        if token.pos_ == "VERB" and token.lower_.endswith(("ed", "ing", "es")):
            fixed = _verb_lemma(token.lower_, token.lemma_, verbs)
            if fixed != token.lemma_:
                token.lemma_ = fixed
    return doc


def add_entity_patterns(nlp: Language) -> None:
    """Paragraph-aware sentence starts before the parser; repaired verb lemmas after the
    lemmatizer; lexicon entities before the NER."""
    from spacy.language import Language as _Language

    if "eventwire_lemmas" not in _Language.factories:
        _Language.component("eventwire_lemmas", func=_lemma_repair)
    if "eventwire_lemmas" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("eventwire_lemmas", after="lemmatizer")

    if "eventwire_paragraphs" not in _Language.factories:
        _Language.component("eventwire_paragraphs", func=_paragraph_breaks)
    if "eventwire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    if "eventwire_gazetteer" not in _Language.factories:
        _Language.factory("eventwire_gazetteer")(_gazetteer_factory)
    if "eventwire_gazetteer" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_gazetteer", before="ner")
    add_titled_names(nlp)


def _titled_names_factory(nlp: Language, name: str) -> object:
    """A component after the NER: capitalised words right after a title are a person's name.

    "Co-Chair of the Contact Group Jane Doe", "rebel commander John Roe": the small model often
    tags such names ORG or misses them; the title says they are people.
    """
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    lex = lexicon()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    person_titles = [t for t, v in lex.titles.items() if v.kind == "person"]
    matcher.add("TITLE", [nlp.make_doc(t) for t in person_titles])
    known = set(lex.country_names) | set(lex.demonyms) | set(lex.capitals) | set(lex.titles)

    def component(doc: Doc) -> Doc:
        new: list[Span] = []
        for _, _start, end in matcher(doc):
            i = end
            # skip "of the Contact Group" between the title and the name
            if i < len(doc) and doc[i].lower_ == "of":
                j = i + 1
                if j < len(doc) and doc[j].lower_ == "the":
                    j += 1
                k = j
                while k < len(doc) and doc[k].is_title or (k < len(doc) and doc[k].is_upper and len(doc[k]) > 1):
                    k += 1
                if k - j >= 3:  # the organisation took at least one word and the name two
                    i = k - 2
                else:
                    continue
            k = i
            while k < len(doc) and k - i < 4 and doc[k].pos_ == "PROPN" and doc[k].is_title \
                    and doc[k].lower_ not in known and doc[k].ent_type_ not in ("NORP", "DATE"):
                k += 1
            if k - i >= 1 and (k - i >= 2 or doc[i].ent_type_ in ("", "PERSON", "ORG")):
                new.append(Span(doc, i, k, label="PERSON"))
        if new:
            kept = [e for e in doc.ents if not any(e.start < n.end and n.start < e.end for n in new)]
            doc.ents = filter_spans(kept + new)
        return doc

    return component


def add_titled_names(nlp: Language) -> None:
    """Register and add the titled-names component after the NER."""
    from spacy.language import Language as _Language

    if "eventwire_titled_names" not in _Language.factories:
        _Language.factory("eventwire_titled_names")(_titled_names_factory)
    if "eventwire_titled_names" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_titled_names", after="ner")
