"""Reports: the events of stored documents, as deduplication compares them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..records import stable_id
from ..times import period
from .keys import (
    actor_keys,
    content_words,
    evidence_key,
    naming_words,
    near_keys,
    place_keys,
)

__all__ = ["Report", "reports_of"]


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _period(value: object) -> tuple[date, date] | None:
    """The first and last day of the period a TIMEX3 value (or a date) names."""
    if isinstance(value, date):
        return value, value
    return None if value is None else period(str(value))


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One event of one article, as deduplication sees it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None = None
    modality: str = "asserted"
    start: dt.date | None = None  # the period of the event (else its publication day)
    end: dt.date | None = None
    dated: bool = False  # the period comes from the text, not the publication date
    published: dt.date | None = None
    outlet: str | None = None  # the article's ``source``
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    evidence: str = ""
    source_name: str | None = None
    source_country: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    place_name: str | None = None

    @property
    def story_id(self) -> str:
        """The id of the story this report founds."""
        return stable_id("story", self.article_id, self.event_id)

    def keys(self) -> list[tuple[str, str]]:
        """What matching reads of this report, as (side, key) rows (``story_keys``)."""
        out = [(side, k) for side in ("source", "target") for k in sorted(getattr(self, side))]
        out += [("place", k) for k in sorted(self.places)]
        out += [("word", k) for k in sorted(self.words)]
        if self.evidence:
            out.append(("evidence", self.evidence))
        if self.start is not None and self.end is not None:
            out.append(("date", f"{self.start.isoformat()}/{self.end.isoformat()}"))
        if self.dated:
            out.append(("dated", "text"))
        out += [("near", k) for k in near_keys(self.words)]
        if self.mode:
            out.append(("mode", self.mode))
        if self.outlet:
            out.append(("outlet", self.outlet))
        return out

    def lookup_keys(self) -> list[tuple[str, str]]:
        """The keys under which candidate stories are looked up: identities and evidence."""
        return [(s, k) for s, k in self.keys()
                if (s in ("source", "target") and k[:2] not in ("c:", "m:", "f:"))
                or s in ("evidence", "near")]

    @classmethod
    def from_keys(cls, article_id: str, event_id: str, type_: str, modality: str,
                  keys: Iterable[tuple[str, str]]) -> Report:
        """A stored report back from its ``keys()`` rows."""
        sides: dict[str, set[str]] = {}
        for side, key in keys:
            sides.setdefault(side, set()).add(key)
        start = end = None
        if "date" in sides:
            first, last = min(sides["date"]).split("/")
            start, end = date.fromisoformat(first), date.fromisoformat(last)
        return cls(article_id=article_id, event_id=event_id, type=type_, modality=modality,
                   mode=min(sides["mode"]) if "mode" in sides else None, start=start, end=end,
                   dated="dated" in sides,
                   outlet=min(sides["outlet"]) if "outlet" in sides else None,
                   source=frozenset(sides.get("source", ())),
                   target=frozenset(sides.get("target", ())),
                   places=frozenset(sides.get("place", ())),
                   words=frozenset(sides.get("word", ())),
                   evidence=min(sides["evidence"]) if "evidence" in sides else "")


def reports_of(doc: Mapping[str, Any]) -> list[Report]:
    """The reports of one document in ``Document.to_dict()`` shape, in event order."""
    article = doc["article"]
    published = _as_date(article.get("published"))
    actors = {a["id"]: a for a in doc.get("actors", ())}
    places = {p["id"]: p for p in doc.get("places", ())}
    out = []
    for event in doc.get("events", ()):
        sources = [actors[i] for i in event.get("source", ()) if i in actors]
        targets = [actors[i] for i in event.get("target", ()) if i in actors]
        place = places.get(event.get("place") or "")
        dated = _period(event.get("date"))
        period = dated or ((published, published) if published is not None else None)
        names = [str(a.get("name") or "") for a in (*sources, *targets)]
        evidence = event.get("evidence") or {}
        text = evidence.get("text")
        first = evidence.get("start") or 0
        for mention in (m for a in (*sources, *targets) for m in a.get("mentions") or ()):
            names.append(mention["text"])
            if text and first <= mention["start"] <= first + len(text):
                names += naming_words(text, mention["start"] - first)
        trigger = event.get("trigger") or {}
        if trigger.get("end"):  # the verb says the type, already compared
            names.append(str(article.get("text") or "")[trigger["start"]:trigger["end"]])
        out.append(Report(
            article_id=str(article["id"]),
            event_id=str(event["id"]),
            type=str(event["type"]),
            mode=event.get("mode"),
            modality=str(event.get("modality") or "asserted"),
            start=period[0] if period else None,
            end=period[1] if period else None,
            dated=dated is not None,
            published=published,
            outlet=article.get("source"),
            source=frozenset().union(*(actor_keys(a) for a in sources)),
            target=frozenset().union(*(actor_keys(a) for a in targets)),
            places=place_keys(place) if place else frozenset(),
            words=content_words(text, names),
            evidence=evidence_key(text),
            source_name=sources[0]["name"] if sources else None,
            source_country=sources[0].get("country") if sources else None,
            target_name=targets[0]["name"] if targets else None,
            target_country=targets[0].get("country") if targets else None,
            place_name=place.get("name") if place else None,
        ))
    return out
