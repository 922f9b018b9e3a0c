"""The calendar period a TIMEX3 date value names: its first day and its precision.

An event's ``date`` is a TIMEX3 value that may name a day (``2015-12-24``), an ISO week
(``2015-W52``), a month (``2015-12``) or a year (``2016``). The store keeps that value as text
and, beside it, the first day of the period (``date_start``, a SQL DATE that sorts and filters)
and the precision (``date_precision``). A value naming no such period (``PAST_REF``, a
season, a decade, a duration, ``None``) has neither.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

__all__ = ["Precision", "period_start", "precision"]

Precision = Literal["day", "week", "month", "year"]

# A day may carry a time of day ("2015-12-24T10:00", "2015-12-24TMO"): still that day.
_PATTERNS: tuple[tuple[Precision, re.Pattern[str]], ...] = (
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")),
    ("week", re.compile(r"(\d{4})-W(\d{2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("year", re.compile(r"(\d{4})")),
)


def _parse(value: str | None) -> tuple[Precision, date] | None:
    if not value:
        return None
    for kind, pattern in _PATTERNS:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        parts = [int(g) for g in m.groups()]
        try:
            if kind == "day":
                return kind, date(parts[0], parts[1], parts[2])
            if kind == "week":
                return kind, date.fromisocalendar(parts[0], parts[1], 1)
            if kind == "month":
                return kind, date(parts[0], parts[1], 1)
            return kind, date(parts[0], 1, 1)
        except ValueError:
            return None
    return None


def period_start(value: str | None) -> date | None:
    """The first day of the period a TIMEX3 date value names, else None.

    ``2016`` -> 2016-01-01, ``2015-12`` -> 2015-12-01, ``2015-W52`` -> the Monday of that
    ISO week, ``2015-12-24`` -> itself; ``PAST_REF``, ``None`` or junk -> None.
    """
    parsed = _parse(value)
    return None if parsed is None else parsed[1]


def precision(value: str | None) -> Precision | None:
    """``"day"``, ``"week"``, ``"month"`` or ``"year"`` for a TIMEX3 date value, else None."""
    parsed = _parse(value)
    return None if parsed is None else parsed[0]
