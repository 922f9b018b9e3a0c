"""Progress on a terminal (articles done, rate, ETA); silent otherwise."""

from __future__ import annotations

import sys
import time

__all__ = ["Progress"]


class Progress:
    """A one-line progress meter on standard error, redrawn at most every half second."""

    def __init__(self, *, enabled: bool, total: int | None = None, label: str = "articles") -> None:
        self.enabled = enabled
        self.total = total
        self.label = label
        self.done_count = 0
        self.started = time.monotonic()
        self._last = 0.0

    def tick(self, n: int = 1) -> None:
        self.done_count += n
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.5:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done_count / elapsed
        text = f"\r{self.done_count} {self.label}, {rate:.1f}/s"
        if self.total:
            left = max(self.total - self.done_count, 0)
            eta = left / rate if rate else 0.0
            text += f", {100 * self.done_count / self.total:.0f}%, ETA {eta:.0f}s"
        sys.stderr.write(text + "   ")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 70 + "\r")

    def done(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            sys.stderr.write("\n")
