"""The frozen result of the actor stage: actors and the index from text spans to actor ids."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from ..records import Actor, Mention, Quote

__all__ = ["ActorTable"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorTable:
    """The actors of one article and the index from text spans to actor ids."""

    actors: tuple[Actor, ...] = ()
    spans: tuple[tuple[int, int, str], ...] = ()

    def resolve(self, start: int, end: int) -> str | None:
        """The actor whose mention best covers [start, end) (pronouns and titles included)."""
        best: tuple[int, int, str] | None = None
        best_overlap = 0
        i = bisect.bisect_left(self.spans, (start - 400, 0, ""))
        for s, e, actor_id in self.spans[i:]:
            if s >= end:
                break
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            if overlap > best_overlap or (overlap == best_overlap and best and e - s < best[1] - best[0]):
                best, best_overlap = (s, e, actor_id), overlap
        return best[2] if best else None

    def resolve_all(self, start: int, end: int) -> tuple[str, ...]:
        """Every actor with a mention inside [start, end), in text order."""
        out: list[str] = []
        for s, e, actor_id in self.spans:
            if s >= start and e <= end and actor_id not in out:
                out.append(actor_id)
        return tuple(out)

    def by_id(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def country_actor(self, iso3: str | None) -> str | None:
        """The id of the country actor for ``iso3`` when the article has one."""
        return next((a.id for a in self.actors if a.kind == "country" and a.country == iso3), None)

    def with_quote_speakers(self, quotes: tuple[Quote, ...], text: str) -> ActorTable:
        """First-person pronouns inside a direct quote refer to its speaker."""
        extra: list[tuple[int, int, str]] = []
        for q in quotes:
            if q.kind != "direct" or q.speaker is None:
                continue
            for m in re.finditer(r"\b(I|We|we|me|us|our|my|Our|My)\b", text[q.start:q.end]):
                extra.append((q.start + m.start(), q.start + m.end(), q.speaker))
        if not extra:
            return self
        actors = []
        for actor in self.actors:
            new = [Mention(start=s, end=e, text=text[s:e]) for s, e, a in extra if a == actor.id]
            if new:
                merged = sorted((*actor.mentions, *new), key=lambda m: (m.start, m.end))
                actor = dataclasses.replace(actor, mentions=tuple(merged))
            actors.append(actor)
        return ActorTable(actors=tuple(actors), spans=tuple(sorted((*self.spans, *extra))))
