"""Time expressions normalised TIMEX3-style against the publication date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .records import Time

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_times", "value_to_date"]


def find_times(doc: Doc, published: date | None) -> tuple[Time, ...]:
    """Every time expression of the article with its normalised value (stub)."""
    return ()


def value_to_date(value: str | None) -> date | None:
    """A TIMEX3 value as a calendar date when it names one day, else None."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
