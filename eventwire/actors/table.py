"""The frozen result of the actor stage: actors and the index from text spans to actor ids."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..records import Actor

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

    def sharing(self, actor_id: str, start: int, end: int) -> tuple[str, ...]:
        """The other actors whose mention is the very span of ``actor_id``'s that covers
        [start, end): "the two leaders", "they" for "Kenya and Tanzania"."""
        i = bisect.bisect_left(self.spans, (start - 400, 0, ""))  # as ``resolve`` reads them
        near = []
        for s, e, a in self.spans[i:]:
            if s > start:
                break
            near.append((s, e, a))
        spans = {(s, e) for s, e, a in near if a == actor_id and end <= e}
        return tuple(dict.fromkeys(a for s, e, a in near if (s, e) in spans and a != actor_id))

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
