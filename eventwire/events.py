"""Clauses -> PLOVER events (stub)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .records import Event, Place, Quote, Time

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .actors import ActorTable

__all__ = ["find_events"]


def find_events(doc: Doc, table: ActorTable, *, quotes: tuple[Quote, ...] = (),
                times: tuple[Time, ...] = (), places: tuple[Place, ...] = (),
                published: date | None = None) -> tuple[Event, ...]:
    return ()
