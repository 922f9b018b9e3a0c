"""The nouns of eventwire: plain frozen records that cross every stage boundary.

Nothing here knows spaCy. Each stage turns what it found in a ``Doc`` into these records,
so everything downstream (store, dedup, Dask, API) pickles and tests without a model.
``Document.to_dict`` produces exactly the contract of ``SCHEMA.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "Document",
    "Event",
    "Evidence",
    "Mention",
    "Place",
    "Quote",
    "Span",
    "Time",
    "stable_id",
]


def stable_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: the same inputs always give the same key."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:10]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A character range of the article text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input news article."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One textual mention of an actor."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A person, organisation, state or group, resolved to country, sector and role."""

    id: str
    name: str
    kind: str  # person | organization | country | group
    country: str | None = None
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    role: str | None = None
    cameo: str | None = None
    mentions: tuple[Mention, ...] = ()
    country_source: str | None = None  # where it came from: text, context, dictionary, registry
    # the cross-article key ("tony-blair@GBR"), set by the registry stage from the best evidence
    # (eventwire.registry.actor_key); not part of what the article itself says, so not compared
    actor_key: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "other_sectors": list(self.other_sectors),
            "role": self.role,
            "kind": self.kind,
            "cameo": self.cameo,
            "mentions": [m.to_dict() for m in self.mentions],
            "country_source": self.country_source,
            "actor_key": self.actor_key,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """The sentence an event comes from."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One coded PLOVER event."""

    id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    date: str | None = None  # TIMEX3 value at the text's precision: 2016, 2015-12, 2015-W52, a day
    date_text: str | None = None
    date_source: str | None = None  # where the date was read: "clause" or "sentence"
    place: str | None = None
    place_source: str | None = None  # where the place was read: "sentence" or "story"
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 0.5
    trigger: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "source": list(self.source),
            "target": list(self.target),
            "date": self.date,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "place": self.place,
            "place_source": self.place_source,
            "modality": self.modality,
            "attributed_to": self.attributed_to,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_dict() if self.trigger else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct or indirect quotation with its speaker and cue."""

    id: str
    kind: str  # direct | indirect
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue": self.cue,
            "cue_span": self.cue_span.to_dict() if self.cue_span else None,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Time:
    """A time expression normalised TIMEX3-style against the publication date."""

    start: int
    end: int
    text: str
    value: str | None = None
    type: str = "DATE"  # DATE | TIME | DURATION | SET

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "type": self.type,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A toponym resolved against the gazetteer."""

    id: str
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    feature: str = "other"  # country | admin | city | region | other

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "feature": self.feature,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Everything eventwire found in one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
        }
