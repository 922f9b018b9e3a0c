"""Calendar arithmetic: months, ISO weeks, seasons and quarters around an anchor date."""

from __future__ import annotations

from datetime import date, timedelta

from .syntax import FUTURE, PAST

_UNIT_ORDER = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def iso_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def pick(candidates: list[tuple[date, date, str]], anchor: date, tense: str | None,
         strict: bool = False) -> str:
    """The candidate (start, end, value) the tense points to; the closest when it is open or
    far off, unless ``strict`` (a named past event: "the 11 September attacks")."""
    def distance(c: tuple[date, date, str]) -> tuple[int, int]:
        if c[0] <= anchor <= c[1]:
            return (0, 0)
        gap = (c[0] - anchor).days if c[0] > anchor else (anchor - c[1]).days
        return (gap, 1 if c[0] > anchor else 0)

    closest = min(candidates, key=distance)
    chosen = None
    if tense == PAST:
        chosen = max((c for c in candidates if c[0] <= anchor), default=None)
    elif tense == FUTURE:
        chosen = min((c for c in candidates if c[1] >= anchor), default=None)
    # the tense is a hint: a date a month away beats one nearly a year away
    if chosen is None or (not strict and distance(chosen)[0] > 180 and distance(closest)[0] <= 45):
        chosen = closest
    return chosen[2]


def month_candidates(month: int, day: int | None, anchor: date) -> list[tuple[date, date, str]]:
    out = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            y2, m2 = add_months(year, month, 1)
            out.append((date(year, month, 1), date(y2, m2, 1) - timedelta(days=1), f"{year}-{month:02d}"))
        else:
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            out.append((d, d, d.isoformat()))
    return out


def season_value(code: str, rel: str | None, anchor: date, tense: str | None) -> str:
    cands = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = date(year, _SEASON_START[code], 1)
        end_y, end_m = add_months(year, _SEASON_START[code], 3)
        cands.append((start, date(end_y, end_m, 1) - timedelta(days=1), f"{year}-{code}"))
    if rel in ("last", "past"):
        return max(c for c in cands if c[1] < anchor)[2]
    if rel in ("next", "coming"):
        return min(c for c in cands if c[0] > anchor)[2]
    if rel == "this":
        return f"{anchor.year}-{code}"
    return pick(cands, anchor, tense)


def shift(unit: str, k: int, anchor: date) -> str:
    """The value of the calendar unit ``k`` steps from the one holding ``anchor``."""
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=k))
    if unit == "weekend":
        return iso_week(anchor + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, m = add_months(anchor.year, anchor.month, k)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + k
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(anchor.year // 10 + k)
    if unit == "century":
        return str(anchor.year // 100 + k)
    return str(anchor.year + k)
