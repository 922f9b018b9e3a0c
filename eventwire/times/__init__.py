"""Time expressions normalised TIMEX3-style against the publication date.

``find_times`` runs a small rule grammar (compiled once from ``data/times.tsv``) over the
text, keeps the longest non-overlapping matches, and normalises each one:

- absolute dates ("13 September 2022", "May 2010", "2022", "the 1990s") need no anchor;
- relative ones ("Monday", "Sept. 13", "last week", "three years ago") are resolved against
  the publication date, and where the direction is open (a bare weekday or month) the tense
  of the governing verb in the parse decides: past -> the latest one not after publication,
  future ("will", "to", modals, present tense) -> the earliest one not before it;
- durations give ``P3D``-style values, frequencies ``SET`` values, and vague references
  ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``.

Without a publication date relative expressions keep value ``None``.

Submodules, in the order a match goes through them:

- ``lexicon``: the time words of ``data/times.tsv`` by kind;
- ``patterns``: the rule grammar compiled from them;
- ``syntax``: reading the parse (token at an offset, tense of the governing verb);
- ``calendar``: calendar arithmetic around the anchor date;
- ``durations``: numbers in words and ``P3D``-style duration values;
- ``normalise``: one handler per rule, match -> (value, type);
- ``periods``: the first day and the precision of a TIMEX3 date value;
- this module: the stage (candidate matches, longest first), ``value_to_date`` and
  ``event_date``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from ..nlp import doc_text
from ..records import Time
from .calendar import add_months
from .durations import normalise_duration
from .lexicon import LEXICON_PATH as LEXICON_PATH  # where the time words are read from
from .lexicon import alternation, time_words
from .normalise import HANDLERS, Context
from .patterns import Rule, grammar
from .periods import period_start, precision

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["dates_meet", "event_date", "find_times", "normalise_duration", "period",
           "value_to_date"]


_WINDOW = 50  # characters around a trigger word in which the rules run


@cache
def _trigger() -> re.Pattern[str]:
    """Words without which no rule can match: the rules only run around these."""
    lex = time_words()
    words = {*lex.month, *lex.weekday, *lex.unit, *lex.season, *lex.daypart, *lex.set,
             *(w for phrase in lex.vague for w in phrase.split()[-1:]),
             "yesterday", "today", "tomorrow", "half", "centuries", "weekend", "utc", "gmt"}
    digits = r"\b(?:1[5-9]|20)\d\d\b|\d:\d\d|\d\s*[ap]\.?\s?m\b|\d0['’]?s\b|\d/\d|['’]\d\d\b"
    return re.compile(rf"{digits}|\b(?:{alternation(words)})s?\b|\b[QH][1-4]\b", re.IGNORECASE)


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _trigger().finditer(text):
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    found = []
    windows = _windows(text)
    for rule in grammar():
        for lo, hi in windows:
            for m in rule.pattern.finditer(text, lo, hi):
                if m.end() > m.start() and "\n" not in m.group(0):
                    found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda c: (c[0] - c[1], c[2].priority, c[0]))
    return found


def _split(m: re.Match[str], rule: Rule) -> list[tuple[int, int, str, str]]:
    """Two-part matches ('2009-10', 'between 12 and 18 months') as (start, end, value, type)."""
    if rule.name == "years":
        y1, y2 = m["y"], m["y2"]
        full = y1[:2] + y2 if len(y2) == 2 else y2
        if not (0 < int(full) - int(y1) <= 30):
            return []
        return [(m.start("y"), m.end("y"), y1, "DATE"), (m.start("y2"), m.end("y2"), full, "DATE")]
    first = normalise_duration(m["n1"], m["u"])
    second = normalise_duration(m["num"], m["u"])
    if first is None or second is None or "X" in first + second:
        return []
    return [(m.start("n1"), m.end("n1"), first, "DURATION"),
            (m.start("num"), m.end(), second, "DURATION")]


def find_times(doc: Doc, published: date | None) -> tuple[Time, ...]:
    """Every time expression of the article with its normalised value."""
    text = doc_text(doc)
    candidates = _candidates(text)
    rejected: set[int] = set()
    for _ in range(4):  # a rejected match frees its text for the shorter ones inside it
        taken = bytearray(len(text) + 1)
        chosen = []
        for index, (start, end, rule, m) in enumerate(candidates):
            if index in rejected or any(taken[start:end]):
                continue
            chosen.append((index, start, end, rule, m))
            taken[start:end] = b"\x01" * (end - start)
        chosen.sort(key=lambda c: c[1])
        ctx = Context(doc=doc, text=text, dct=published, last_day=published)
        out: list[Time] = []
        newly = set()
        for index, start, end, rule, m in chosen:
            if rule.name in ("years", "range"):
                parts = _split(m, rule)
                if not parts:
                    newly.add(index)
                for s, e, fixed, kind in parts:
                    out.append(Time(start=s, end=e, text=text[s:e], value=fixed, type=kind))
                continue
            try:
                result = HANDLERS[rule.name](m, ctx)
            except (OverflowError, ValueError):  # past year 1 or 9999: the calendar's edge
                result = None, "DATE"  # the expression stays, without a value
            if result is None:
                newly.add(index)
                continue
            out.append(Time(start=start, end=end, text=text[start:end], value=result[0],
                            type=result[1]))
        if not newly:
            break
        rejected |= newly
    return tuple(out)


def value_to_date(value: str | None) -> date | None:
    """A TIMEX3 value as a calendar date when it names one day, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


WEEKEND = re.compile(r"(\d{4}-W\d\d)-WE")  # "last weekend": the ISO week it ends


def event_date(value: str | None) -> str | None:
    """A time expression's value as an event's date, at the precision the text gives: a day
    (its time of day dropped: ``2021-12-01TEV`` -> ``2021-12-01``), an ISO week (a weekend is
    its week's), a month or a year; None for anything coarser, vaguer or unresolved (a season,
    a quarter, a decade, ``PAST_REF``, a duration)."""
    if not value:
        return None
    value = value.split("T")[0]
    if m := WEEKEND.fullmatch(value):
        value = m.group(1)
    return value if precision(value) is not None else None


def period(value: str) -> tuple[date, date] | None:
    """The first and last day of the period a TIMEX3 date value names."""
    start, kind = period_start(value), precision(value)
    if start is None or kind is None:
        return None
    if kind == "day":
        return start, start
    if kind == "week":
        return start, start + timedelta(days=6)
    if kind == "month":
        y, m = add_months(start.year, start.month, 1)
        return start, date(y, m, 1) - timedelta(days=1)
    return start, date(start.year, 12, 31)


def dates_meet(a: str, b: str) -> bool:
    """Whether two event dates may be one event's: their periods overlap ("2015-12" and
    "2015-12-03" do, "2015-12-03" and "2015-12-04" do not); values naming no period are
    compared as they are."""
    pa, pb = period(a), period(b)
    if pa is None or pb is None:
        return a == b
    return pa[0] <= pb[1] and pb[0] <= pa[1]
