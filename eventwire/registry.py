"""A registry of actors learned across a corpus: who holds which role for which country.

An article usually says who someone is the first time ("Chilean President Ana Torres");
a later article may only say "Torres". The registry remembers what earlier articles stated
(never what eventwire merely guessed), with when it was first and last seen and the sentence
that said it, and fills in the actors a later article leaves bare. Roles change, so a later
statement of a role replaces an earlier one and the registry keeps the date it was seen.

It works on records only (no model), so the single-process path and the Dask path apply it
the same way, in input order, on the client. With a store it is learned again from the
stored actors (``Registry.from_store``), so it always matches the database.

What a stored article was completed with depends on which articles came before it, so the
store fixes that order: publication date, then article id (``ARTICLE_ORDER``), never the order
in which articles happened to be stored. ``annotate`` keeps, beside each actor the registry
changed, its fields as extracted, and ``Store.settle`` applies the registry again to the
stored articles in that order: a run resumed after a failed batch, whose articles are stored
last, ends with the rows of a run that never failed.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from .records import Actor, Article, Document, Mention

__all__ = ["ARTICLE_ORDER", "ENRICHED_FIELDS", "Registry", "RegistryEntry", "annotate",
           "name_key"]

# The order in which stored articles teach the registry and found stories (SQL over the
# articles table): what is stored decides it, not when it was stored.
ARTICLE_ORDER = "published NULLS LAST, id"

# The actor fields ``Registry.enrich`` may change; ``annotate`` keeps their extracted values.
ENRICHED_FIELDS = ("name", "kind", "country", "country_source", "role", "sector",
                   "other_sectors", "cameo")

COLUMNS = ("key", "name", "kind", "country", "sector", "other_sectors", "role", "cameo",
           "first_seen", "last_seen", "role_since", "articles", "evidence_article",
           "evidence_text")


def name_key(name: str) -> str:
    """A person's name folded for look-up: case, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


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


@dataclass(slots=True, kw_only=True)
class RegistryEntry:
    """What the corpus has stated about one actor."""

    key: str
    name: str
    kind: str
    country: str | None = None
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

    def to_dict(self) -> dict[str, Any]:
        out = {c: getattr(self, c) for c in COLUMNS}
        out["other_sectors"] = list(self.other_sectors)
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
    def learn(self, doc: Document) -> None:
        """Remember what this article states about its named people with a role: the role,
        and the country only where the text states it (never one inferred from context or
        taken from a dictionary)."""
        seen = doc.article.published
        for actor in doc.actors:
            if actor.kind != "person" or len(actor.name.split()) < 2 or not _named(actor):
                continue  # "a Kenyan police officer" is an office, not somebody
            stated = actor.country_source == "text"
            if actor.country_source == "registry" or not actor.role:
                continue  # what the registry itself supplied teaches it nothing
            key = name_key(actor.name)
            entry = self.entries.get(key)
            if entry is None:
                entry = RegistryEntry(key=key, name=actor.name, kind=actor.kind, first_seen=seen)
                self.entries[key] = entry
                self._index(entry)
            entry.articles += 1
            if seen and (entry.last_seen is None or seen >= entry.last_seen):
                entry.last_seen = seen
            if entry.first_seen is None or (seen and seen < entry.first_seen):
                entry.first_seen = seen
            newer = seen is None or entry.role_since is None or seen >= entry.role_since
            if stated and actor.country and (entry.country is None or newer):
                entry.country = actor.country
            if actor.role and (entry.role is None or newer):
                if entry.role != actor.role:
                    entry.role_since = seen
                entry.role, entry.sector = actor.role, actor.sector
                entry.other_sectors = actor.other_sectors
                entry.evidence_article = doc.article.id
                entry.evidence_text = next((m.text for m in actor.mentions if len(m.text) > len(
                    actor.name)), actor.mentions[0].text if actor.mentions else None)
            entry.cameo = actor.cameo if entry.country == actor.country else entry.cameo

    # using -----------------------------------------------------------------------------
    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry for a full name, or for a surname that only one entry carries."""
        key = name_key(name)
        entry = self.entries.get(key)
        if entry is not None:
            return entry
        parts = key.split()
        if not parts:
            return None
        candidates = self._surnames.get(parts[-1], set())
        if len(parts) > 1:
            candidates = {c for c in candidates if c.split()[0][:1] == parts[0][:1]}
        return self.entries[next(iter(candidates))] if len(candidates) == 1 else None

    def enrich(self, doc: Document) -> Document:
        """The document with bare or guessed people completed from the registry."""
        changed = False
        actors: list[Actor] = []
        for actor in doc.actors:
            # a person, or a bare name the NER took for an organisation ("Torres said")
            bare = actor.kind != "person" and actor.country is None and " " not in actor.name \
                and actor.name[:1].isupper()
            entry = self.lookup(actor.name) if actor.kind == "person" or bare else None
            if entry is not None and entry.country and actor.country_source != "text":
                actor = dataclasses.replace(
                    actor, country=entry.country, country_source="registry",
                    role=actor.role or entry.role, sector=actor.sector or entry.sector,
                    other_sectors=actor.other_sectors or entry.other_sectors,
                    cameo=entry.cameo or actor.cameo, kind="person",
                    name=entry.name if len(entry.name) > len(actor.name) else actor.name)
                changed = True
            actors.append(actor)
        return dataclasses.replace(doc, actors=tuple(actors)) if changed else doc

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

    # persistence: the store's actors table is the registry's memory ---------------------
    @classmethod
    def from_store(cls, con: Any) -> Registry:
        """The registry the stored articles teach, learned again in storage order.

        Deriving it from the stored actors (rather than saving it apart) keeps it consistent
        with the database at every moment: a run killed and resumed sees exactly the registry
        an uninterrupted run had at that article."""
        registry = cls()
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if "actors" not in tables or "articles" not in tables:
            return registry
        rows = con.execute(
            "SELECT a.id, a.published, x.actor_id, x.name, x.country, x.sector, x.other_sectors,"
            " x.role, x.kind, x.cameo, x.country_source,"
            " (SELECT m.text FROM mentions m WHERE m.article_id = x.article_id"
            "  AND m.actor_id = x.actor_id ORDER BY length(m.text) DESC LIMIT 1)"
            " FROM actors x JOIN articles a ON a.id = x.article_id"
            " WHERE x.kind = 'person' AND (x.country_source = 'text' OR x.role IS NOT NULL)"
            f" ORDER BY {', '.join('a.' + k for k in ARTICLE_ORDER.split(', '))}, x.ord"
        ).fetchall()
        current: str | None = None
        actors: list[Actor] = []
        published: date | None = None
        for (aid, pub, actor_id, name, country, sector, others, role, kind, cameo, source,
             mention) in rows:
            if aid != current:
                if current is not None:
                    registry.learn(_stub(current, published, actors))
                current, published, actors = aid, pub, []
            actors.append(Actor(id=actor_id, name=name, kind=kind, country=country,
                                sector=sector, other_sectors=tuple(others or ()), role=role,
                                cameo=cameo, country_source=source,
                                mentions=(Mention(start=0, end=len(mention or name),
                                                  text=mention or name),)))
        if current is not None:
            registry.learn(_stub(current, published, actors))
        return registry


def annotate(extracted: Document, enriched: Document) -> dict[str, Any]:
    """``enriched.to_dict()``, each actor the registry changed carrying ``extracted``: its
    ``ENRICHED_FIELDS`` as the article stated them (what ``Store.settle`` starts from)."""
    data = enriched.to_dict()
    for before, after, row in zip(extracted.actors, enriched.actors, data["actors"],
                                  strict=True):
        if before != after:
            row["extracted"] = {k: before.to_dict()[k] for k in ENRICHED_FIELDS}
    return data


def _stub(article_id: str, published: date | None, actors: list[Actor]) -> Document:
    return Document(article=Article(id=article_id, text=" ", published=published),
                    actors=tuple(actors))
