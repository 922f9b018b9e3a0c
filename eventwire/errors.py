"""The exception tree of eventwire.

::

    EventwireError
    ├── ArticleError      one input article cannot be read or is unusable
    ├── StageError        a pipeline stage failed on an article
    ├── StoreError        the database cannot be opened, written or queried
    └── EvaluationError   a gold set is missing or malformed
"""

from __future__ import annotations

__all__ = ["ArticleError", "EvaluationError", "EventwireError", "StageError", "StoreError"]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ArticleError(EventwireError):
    """One input article cannot be read or is unusable (empty, binary, too large, bad date)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class StageError(EventwireError):
    """A pipeline stage failed on an article."""


class StoreError(EventwireError):
    """The database cannot be opened, written or queried."""


class EvaluationError(EventwireError):
    """A gold set is missing or malformed."""
