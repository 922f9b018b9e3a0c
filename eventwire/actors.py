"""Mentions -> actors (country, sector, role), with coreference inside the article (stub)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .records import Actor, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorTable", "find_actors"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorTable:
    """The actors of one article and the index from text spans to actor ids."""

    actors: tuple[Actor, ...] = ()

    def resolve(self, start: int, end: int) -> str | None:
        return None


def find_actors(doc: Doc, places: tuple[Place, ...] = ()) -> ActorTable:
    return ActorTable()
