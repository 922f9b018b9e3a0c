"""eventwire: political event data from news, with provenance."""

from __future__ import annotations

from .errors import ArticleError, EventwireError, StageError, StoreError
from .frames import read_events, read_stories
from .pipeline import extract, extract_many
from .records import Actor, Article, Document, Event, Mention, Place, Quote, Time

__all__ = [
    "Actor",
    "Article",
    "ArticleError",
    "Document",
    "Event",
    "EventwireError",
    "Mention",
    "Place",
    "Quote",
    "StageError",
    "StoreError",
    "Time",
    "extract",
    "extract_many",
    "read_events",
    "read_stories",
]
__version__ = "0.1.0"
