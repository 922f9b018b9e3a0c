"""Buffered writing: documents gathered into transactions of whole articles."""

from __future__ import annotations

import time
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..records import Document

if TYPE_CHECKING:
    from .database import Store


class StoreWriteError(StoreError):
    """The database file cannot be written (disk full, I/O error): no later article can be."""


class Writer:
    """Buffers documents and writes them in transactions of whole articles.

    A transaction holds at most ``batch_size`` documents and is committed at the latest
    ``max_seconds`` after its first document arrived, so a killed run loses little work.
    """

    def __init__(self, store: Store, *, batch_size: int = 64, max_seconds: float = 2.0) -> None:
        self.store = store
        self.batch_size = batch_size
        self.max_seconds = max_seconds
        self.written = 0
        self.errors: list[StoreError] = []  # documents that could not be stored
        self._buffer: list[Document | Mapping[str, Any]] = []
        self._since = 0.0

    def add(self, doc: Document | Mapping[str, Any]) -> None:
        if not self._buffer:
            self._since = time.monotonic()
        self._buffer.append(doc)
        if (len(self._buffer) >= self.batch_size
                or time.monotonic() - self._since >= self.max_seconds):
            self.flush()

    def flush(self) -> None:
        """Write what is buffered; a document that cannot be stored lands in ``errors``.

        A ``StoreWriteError`` (the disk is full) is raised once: every later write would fail
        alike, so the run stops with its cause instead of reporting each article.
        """
        if self._buffer:
            try:
                written, errors = self.store.write_each(self._buffer)
            except StoreWriteError:
                raise
            except StoreError as err:
                written, errors = 0, [err]
            finally:
                self._buffer.clear()
            self.written += written
            self.errors.extend(errors)

    def drain(self) -> list[StoreError]:
        """The errors since the last call."""
        errors, self.errors = self.errors, []
        return errors

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.flush()


