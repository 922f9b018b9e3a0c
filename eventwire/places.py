"""Toponyms resolved to gazetteer entries (coordinates, country, GeoNames id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_places"]


def find_places(doc: Doc) -> tuple[Place, ...]:
    """Every toponym of the article, resolved (stub)."""
    return ()
