"""General knowledge the project wrote itself, loaded from ``data/`` (stub)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["add_entity_patterns"]


def add_entity_patterns(nlp: Language) -> None:
    """Gazetteer patterns before the NER (stub)."""
