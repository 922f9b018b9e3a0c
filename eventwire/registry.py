"""A registry of actors learned across a corpus: who holds which role for which country,
and the one key each person goes by.

An article usually says who someone is the first time ("Chilean President Ana Torres");
a later article may only say "Torres" or "Ms Torres". The registry remembers what earlier
articles said about each named person (never what it supplied itself), with when they were
first and last seen and the sentence that said it, and fills in the people a later article
leaves bare. Roles change, so a later statement of a role replaces an earlier one and the
registry keeps the date it was seen.

Which country it spreads. Each person's entry counts, per country, the articles that gave it
from the actor dictionary, that stated it in the text, and that only placed the person by
context, and how many named them in full and said nothing ("Torres said" cannot place anyone,
so it is no silence). It spreads (``RegistryEntry.country``), best evidence
first: the dictionary's country, never another; else a country stated in two or more
articles and in more than all other stated countries together; else one stated in a single
article only when no other article disagrees or is silent; else a context placement shared
by at least ``CONTEXT_ARTICLES`` articles and two thirds of those that placed the person. A
country one article read wrongly ("a Brussels summit" as Belgium) thus stays in that article,
and where the articles place a person in several countries and none prevails, a country an
article only guessed from its context is dropped (``RegistryEntry.contested``).

Names. "Mr Blair", "Ms Hewitt", "Sir Menzies Campbell" are folded to the person's name
(``person_key``: honorifics dropped); a surname alone, or an honorific and a surname, is the
full name when the registry holds exactly one person with that surname (of that country, when
the actor's country was stated; of that gender, when an honorific says it). ``actor_key`` is
the cross-article key the store and the API use: the folded full name and the country from
the best evidence (dictionary, registry, text).

It works on records only (no model), so the single-process path and the Dask path apply it
the same way, in input order, on the client. With a store it is learned again from the
stored actors (``Registry.from_store``, reading ``store.registry_rows``), so it always
matches the database.

What a stored article was completed with depends on which articles came before it, so the
store fixes that order: publication date, then article id (``ARTICLE_ORDER``), never the order
in which articles happened to be stored. ``annotate`` keeps, beside each actor the registry
changed, its fields as extracted, and ``Store.settle`` applies the registry again to the
stored articles in that order: a run resumed after a failed batch, whose articles are stored
last, ends with the rows of a run that never failed.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .records import Actor, Article, Document, Mention

__all__ = ["ARTICLE_ORDER", "CONTEXT_ARTICLES", "ENRICHED_FIELDS", "HONORIFICS", "STATED_FIELDS",
           "Registry", "RegistryEntry", "actor_key", "annotate", "name_key", "person_key",
           "stub_actor", "surname_form"]

# The order in which stored articles teach the registry and found stories (SQL over the
# articles table): what is stored decides it, not when it was stored.
ARTICLE_ORDER = "published NULLS LAST, id"

# The actor fields ``Registry.enrich`` may change; ``annotate`` keeps their extracted values
# (``STATED_FIELDS``: ``actor_key`` is the registry's alone, no article states it).
STATED_FIELDS = ("name", "kind", "country", "country_source", "role", "sector",
                 "other_sectors", "cameo")
ENRICHED_FIELDS = (*STATED_FIELDS, "actor_key")

COLUMNS = ("key", "name", "kind", "country", "sector", "other_sectors", "role", "cameo",
           "first_seen", "last_seen", "role_since", "articles", "evidence_article",
           "evidence_text", "dictionary", "stated", "placed")

# Words before a name that are no part of it: "Mr Blair" is Blair. The gendered ones keep
# "Mrs Blair" from folding into a man the registry has only seen as "Mr".
MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "baron"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "lady", "baroness"})
HONORIFICS = MALE_HONORIFICS | FEMALE_HONORIFICS | frozenset({"mx", "dr", "prof"})
# a country only the context gave (the article's places) is spread when at least this many
# articles placed the person there, and two thirds of the articles that placed the person
# anywhere did: one article's context is as likely the story's as the person's
CONTEXT_ARTICLES = 2
CONTEXT_SHARE = 2 / 3


def name_key(name: str) -> str:
    """A person's name folded for look-up: case, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _honorifics(name: str) -> tuple[list[str], list[str]]:
    """(honorifics, the rest) of a folded name: "mr tony blair" -> (["mr"], ["tony", "blair"])."""
    words = name_key(name).split()
    i = 0
    while i < len(words) - 1 and words[i] in HONORIFICS:
        i += 1
    return words[:i], words[i:]


def person_key(name: str) -> str:
    """A person's name folded, honorifics dropped: "Sir Menzies Campbell" -> "menzies campbell"."""
    return " ".join(_honorifics(name)[1])


def surname_form(name: str) -> str | None:
    """The surname a short form stands for: "Mr Blair", "Blair", "Sir Menzies Campbell" ->
    its last word; None for a full name without honorific ("Tony Blair")."""
    titles, rest = _honorifics(name)
    if not rest or (len(rest) > 1 and not titles):
        return None
    return name.split()[-1].strip(".,") or None


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def actor_key(name: str, country: str | None) -> str:
    """The cross-article key of an actor: its name lower-cased, accents stripped, other
    characters folded to ``-``, then ``@`` and its country ("tony-blair@GBR"); the same
    shape as ``store.reads.KEY_X`` computes from a row."""
    import hashlib

    slug = _slug(name) or "x" + hashlib.md5(name.encode("utf-8")).hexdigest()[:8]
    return slug + (f"@{country.upper()}" if country else "")


def _named(actor: Actor) -> bool:
    """Whether the actor is somebody named in the text ("Chilean President Ana Torres"), not
    an office or role noun the actor stage named after its country ("Kenyan Police Officer"
    for "a Kenyan police officer", "Chinese President" for "his Chinese counterpart"): the
    name is written as such in a mention, and is not the role itself."""
    role = name_key(actor.role or "")
    if role and (name_key(actor.name) == role or name_key(actor.name).endswith(" " + role)):
        return False
    name = " ".join(actor.name.split())
    return any(name in " ".join(m.text.split()) for m in actor.mentions)


def _short(actor: Actor) -> bool:
    """A surname alone or after an honorific ("Lord Goldsmith"), which the dictionary does
    not name in full."""
    return len(person_key(actor.name).split()) < 2 and actor.country_source != "dictionary"


def _dictionary_name(actor: Actor, on: date | None) -> str | None:
    """The actor dictionary's name for a person it knows, from the actor's name or any of its
    mentions ("President Bush" -> "george w bush"), as of ``on``."""
    from .actors.dictionary import shipped

    book = shipped()
    forms = sorted({actor.name, *(m.text for m in actor.mentions)}, key=len, reverse=True)
    for form in forms:
        hit = book.lookup(form, on, ("person",))
        if hit is not None and hit.country == actor.country:
            return hit.name
    return None


def _gender(words: Iterable[str]) -> str | None:
    words = set(words)
    if words & MALE_HONORIFICS:
        return "m"
    if words & FEMALE_HONORIFICS:
        return "f"
    return None


@dataclass(slots=True, kw_only=True)
class RegistryEntry:
    """What the corpus has stated about one person."""

    key: str
    name: str
    kind: str
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    role: str | None = None
    cameo: str | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    role_since: date | None = None
    articles: int = 0
    evidence_article: str | None = None
    evidence_text: str | None = None
    dictionary: str | None = None  # the actor dictionary's country, last seen
    stated: dict[str, int] = field(default_factory=dict)  # country -> articles stating it
    placed: dict[str, int] = field(default_factory=dict)  # country -> articles placing by context
    gender: str | None = None  # "m" | "f" from the honorifics the articles used

    @property
    def country(self) -> str | None:
        """The country the registry spreads (see the module doc)."""
        if self.dictionary:
            return self.dictionary
        if self.stated:
            best = max(sorted(self.stated), key=lambda c: self.stated[c])
            n, others = self.stated[best], sum(self.stated.values()) - self.stated[best]
            if n >= 2 and n > others:
                return best
            if n == 1 and not others and self.articles == 1 + self.placed.get(best, 0):
                return best  # one article said it; any other only placed the person there
        if self.placed:
            best = max(sorted(self.placed), key=lambda c: self.placed[c])
            n = self.placed[best]
            if n >= CONTEXT_ARTICLES and n >= CONTEXT_SHARE * sum(self.placed.values()) \
                    and set(self.stated) <= {best}:  # no article stated another country
                return best
        return None

    @property
    def contested(self) -> bool:
        """No country prevails, and the articles placed or stated the person in several."""
        return self.country is None and len(set(self.stated) | set(self.placed)) > 1

    def to_dict(self) -> dict[str, Any]:
        out = {c: getattr(self, c) for c in COLUMNS}
        out["other_sectors"] = list(self.other_sectors)
        out["stated"], out["placed"] = dict(self.stated), dict(self.placed)
        for k in ("first_seen", "last_seen", "role_since"):
            out[k] = out[k].isoformat() if out[k] else None
        return out


class Registry:
    """People (and their roles) learned from earlier articles."""

    def __init__(self, entries: Iterable[RegistryEntry] = ()) -> None:
        self.entries: dict[str, RegistryEntry] = {e.key: e for e in entries}
        self._surnames: dict[str, set[str]] = {}
        for e in self.entries.values():
            self._index(e)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[RegistryEntry]:
        return iter(self.entries.values())

    def _index(self, entry: RegistryEntry) -> None:
        parts = entry.key.split()
        if len(parts) > 1:
            self._surnames.setdefault(parts[-1], set()).add(entry.key)

    # learning ------------------------------------------------------------------------
    def learn(self, doc: Document, *, short_forms: bool = True) -> None:
        """Remember what this article says about its named people: the country with where it
        came from (dictionary, text, context, or nothing), the role, the honorifics used.
        What the registry itself supplied teaches it nothing; role nouns ("a Kenyan police
        officer") are no one."""
        seen = doc.article.published
        counted: set[str] = set()
        for actor in doc.actors:
            if actor.kind != "person" or actor.country_source == "registry":
                continue
            if not short_forms and _short(actor):
                continue
            key, name = self._identify(actor, seen)
            if key is None or key in counted:
                continue
            if _short(actor) and actor.country is None:
                continue  # "Torres said" could not have placed anyone: no silence either
            counted.add(key)
            entry = self.entries.get(key)
            if entry is None:
                entry = RegistryEntry(key=key, name=name, kind=actor.kind, first_seen=seen)
                self.entries[key] = entry
                self._index(entry)
            entry.articles += 1
            if seen and (entry.last_seen is None or seen >= entry.last_seen):
                entry.last_seen = seen
            if entry.first_seen is None or (seen and seen < entry.first_seen):
                entry.first_seen = seen
            if actor.country and actor.country_source == "dictionary":
                entry.dictionary = actor.country
            elif actor.country and actor.country_source == "text":
                entry.stated[actor.country] = entry.stated.get(actor.country, 0) + 1
            elif actor.country:
                entry.placed[actor.country] = entry.placed.get(actor.country, 0) + 1
            entry.gender = entry.gender or _gender(
                w for m in actor.mentions for w in name_key(m.text).split()[:1])
            newer = seen is None or entry.role_since is None or seen >= entry.role_since
            if actor.role and (entry.role is None or newer):
                if entry.role != actor.role:
                    entry.role_since = seen
                entry.role, entry.sector = actor.role, actor.sector
                entry.other_sectors = actor.other_sectors
                entry.evidence_article = doc.article.id
                entry.evidence_text = min((m.text for m in actor.mentions if len(m.text) > len(
                    actor.name)), key=len, default=actor.mentions[0].text if actor.mentions else None)
                # (the title phrase, not a longer extent: "X and Y", "X, who ...")
            if actor.cameo and actor.country == entry.country:
                entry.cameo = actor.cameo

    def _identify(self, actor: Actor, on: date | None) -> tuple[str | None, str]:
        """The entry key and display name a person's actor teaches: the actor dictionary's
        entry for it ("President Bush" is George W Bush), else its full name (a named person,
        not a role noun), else the one entry a short form stands for ("Lord Goldsmith");
        (None, "") when it is none of these."""
        key = person_key(actor.name)
        if actor.country_source == "dictionary":
            known = _dictionary_name(actor, on)
            if known is not None and known != key:
                entry = self.entries.get(known)
                return known, entry.name if entry else " ".join(
                    w[:1].upper() + w[1:] for w in known.split())
        if len(key.split()) > 1:
            words = actor.name.split()
            return (key, " ".join(words[len(_honorifics(actor.name)[0]):])) \
                if _named(actor) else (None, "")
        stated = actor.country if actor.country_source in ("text", "dictionary") else None
        entry = self.lookup(actor.name, stated)
        return (entry.key, entry.name) if entry is not None else (None, "")

    # using -----------------------------------------------------------------------------
    def lookup(self, name: str, country: str | None = None) -> RegistryEntry | None:
        """The entry for a full name (honorifics aside), or for a surname, alone or after an
        honorific, that exactly one entry carries: of ``country`` when given, of the
        honorific's gender when it has one."""
        titles, rest = _honorifics(name)
        key = " ".join(rest)
        entry = self.entries.get(key)
        if entry is not None:
            return entry
        if not rest:
            return None
        candidates = [self.entries[c] for c in sorted(self._surnames.get(rest[-1], ()))]
        if len(rest) > 1:
            candidates = [c for c in candidates if c.key.split()[0][:1] == rest[0][:1]]
        if country is not None:
            candidates = [c for c in candidates if c.country in (None, country)]
        gender = _gender(titles)
        if gender is not None:
            candidates = [c for c in candidates if c.gender in (None, gender)]
        return candidates[0] if len(candidates) == 1 else None

    def enrich(self, doc: Document) -> Document:
        """The document with its people completed from the registry: a short name becomes
        the full one, a country the text did not state (none, or one placed by context)
        becomes the registry's, and every actor gets its ``actor_key``."""
        actors: list[Actor] = []
        for actor in doc.actors:
            # a person, or a bare name the NER took for an organisation ("Torres said")
            bare = actor.kind != "person" and actor.country is None and " " not in actor.name \
                and actor.name[:1].isupper()
            stated = actor.country if actor.country_source in ("text", "dictionary") else None
            entry = None
            if actor.kind == "person" and actor.country_source == "dictionary":
                known = _dictionary_name(actor, doc.article.published)
                entry = self.entries.get(known) if known else None
            if entry is None and (actor.kind == "person" or bare):
                entry = self.lookup(actor.name, stated)
            if entry is not None and (actor.kind == "person" or entry.country):
                name = entry.name if len(entry.name) >= len(person_key(actor.name)) \
                    else actor.name
                actor = dataclasses.replace(actor, name=name, kind="person")
                if entry.country and stated is None and actor.country != entry.country:
                    actor = dataclasses.replace(
                        actor, country=entry.country, country_source="registry",
                        role=actor.role or entry.role, sector=actor.sector or entry.sector,
                        other_sectors=actor.other_sectors or entry.other_sectors,
                        cameo=entry.cameo or actor.cameo)
                elif entry.country and stated is None:
                    actor = dataclasses.replace(actor, country_source="registry")
                elif entry.contested and actor.country_source == "context":
                    # the articles place the person in different countries and none prevails:
                    # this article's context is no better a guess than the others'
                    actor = dataclasses.replace(actor, country=None, country_source=None,
                                                cameo=None)
            actors.append(dataclasses.replace(actor, actor_key=self.key_of(actor, entry)))
        return dataclasses.replace(doc, actors=tuple(actors))

    @staticmethod
    def key_of(actor: Actor, entry: RegistryEntry | None = None) -> str:
        """``actor_key`` from the best evidence. A person the registry holds goes by its entry:
        the full name and the country it spreads (the dictionary's, else the one the articles
        agree on), or no country when they do not agree, so that every article naming the
        person gives one key; anyone else by the name (honorifics dropped) and the country
        of the article (the dictionary's or the text's)."""
        if actor.kind != "person":
            return actor_key(actor.name, actor.country)
        if entry is not None:
            return actor_key(entry.name, entry.country)
        return actor_key(person_key(actor.name) or actor.name, actor.country)

    def complete(self, doc: Document) -> Document:
        """The corpus stage: the document completed from what earlier articles stated, which
        it then teaches (``enrich`` then ``learn``). Used in input order by the library
        (``extract_many(..., registry=...)``) and by ``eventwire extract`` alike."""
        doc = self.enrich(doc)
        self.learn(doc)
        return doc

    def search(self, query: str = "", country: str | None = None,
               limit: int = 50) -> list[RegistryEntry]:
        """Entries whose name or role contains ``query``, most seen first."""
        q = name_key(query)
        hits = [e for e in self.entries.values()
                if (not q or q in e.key or (e.role and q in name_key(e.role)))
                and (country is None or e.country == country)]
        hits.sort(key=lambda e: (-e.articles, e.key))
        return hits[:limit]

    @classmethod
    def corpus(cls, docs: Iterable[Document]) -> Registry:
        """The registry every one of ``docs`` teaches, as extracted: what the whole corpus
        says (``Store.settle`` completes each stored article from it). Short forms ("Mr
        Blair") are learned last, once every full name is known."""
        registry = cls()
        later: list[Document] = []
        for doc in docs:  # the full names first: then every short form finds its person
            registry.learn(doc, short_forms=False)
            shorts = tuple(a for a in doc.actors if a.kind == "person" and _short(a))
            if shorts:
                later.append(_stub(doc.article.id, doc.article.published, list(shorts)))
        for doc in later:
            registry.learn(doc)
        return registry

    # persistence: the store's actors table is the registry's memory ---------------------
    @classmethod
    def from_store(cls, con: Any) -> Registry:
        """The registry the stored articles teach (as they were extracted), learned again
        over the whole stored corpus (``corpus``).

        Deriving it from the stored actors (rather than saving it apart) keeps it consistent
        with the database at every moment: it is the registry ``Store.settle`` completes the
        stored articles from. The rows come from ``store.registry_rows.stored_people``."""
        from .store.registry_rows import stored_people

        return cls.corpus(_stub(article_id, published, actors)
                          for article_id, published, actors in stored_people(con, ARTICLE_ORDER))


def annotate(extracted: Document, enriched: Document) -> dict[str, Any]:
    """``enriched.to_dict()``, each actor the registry changed carrying ``extracted``: its
    ``STATED_FIELDS`` as the article stated them (what ``Store.settle`` starts from)."""
    data = enriched.to_dict()
    for before, row in zip(extracted.actors, data["actors"], strict=True):
        was = before.to_dict()
        if any(was[k] != row[k] for k in STATED_FIELDS):
            row["extracted"] = {k: was[k] for k in STATED_FIELDS}
    return data


def _stub(article_id: str, published: date | None, actors: list[Actor]) -> Document:
    return Document(article=Article(id=article_id, text=" ", published=published),
                    actors=tuple(actors))


def stub_actor(*, actor_id: str, name: str, kind: str, country: str | None,
               sector: str | None, other_sectors: Iterable[str] | None, role: str | None,
               cameo: str | None, country_source: str | None,
               mentions: Iterable[str] | None = None) -> Actor:
    """An actor rebuilt from a stored row and its mentions' texts (what ``learn`` reads)."""
    texts = list(mentions or ()) or [name]
    return Actor(id=actor_id, name=name, kind=kind, country=country, sector=sector,
                 other_sectors=tuple(other_sectors or ()), role=role, cameo=cameo,
                 country_source=country_source,
                 mentions=tuple(Mention(start=0, end=len(t), text=t) for t in texts))
