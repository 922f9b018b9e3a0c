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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .records import Time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_times", "normalise_duration", "value_to_date"]

LEXICON_PATH = Path(__file__).with_name("data") / "times.tsv"

PAST, PRESENT, FUTURE = "past", "present", "future"
_UNIT_ORDER = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# words after which a bare month name or a bare year is a date, not a verb or a count
_DATE_PREPS = frozenset(
    "in since until till by of from to through throughout during before after between and "
    "early late mid last next this or end beginning start on around circa".split())
_MODS = r"(?:(?P<mod>early|late|mid)[\s-]+)?"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The word lists of ``data/times.tsv`` by kind."""

    month: dict[str, int]
    weekday: dict[str, int]
    number: dict[str, str]
    ordinal: dict[str, int]
    unit: dict[str, str]
    season: dict[str, str]
    daypart: dict[str, str]
    vague: dict[str, str]
    set: dict[str, str]


@cache
def _lexicon() -> _Lexicon:
    kinds: dict[str, dict[str, str]] = {k: {} for k in _Lexicon.__slots__}
    for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, value = line.split("\t")[:3]
        kinds[kind][word] = value
    def ints(kind: str) -> dict[str, int]:
        return {w: int(v) for w, v in kinds[kind].items()}

    return _Lexicon(month=ints("month"), weekday=ints("weekday"), number=kinds["number"],
                    ordinal=ints("ordinal"), unit=kinds["unit"], season=kinds["season"],
                    daypart=kinds["daypart"], vague=kinds["vague"], set=kinds["set"])


def _alt(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


# -- the grammar -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int  # among equally long overlapping matches, the lower wins


@cache
def _grammar() -> tuple[_Rule, ...]:
    lex = _lexicon()
    full_months = [m for m in lex.month if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.month if m not in full_months]
    unit_plural = {u: (u[:-1] + "ies" if u.endswith("ry") else u + "s") for u in lex.unit}
    num_words = _alt(w for w in lex.number)
    tens = _alt(w for w, v in lex.number.items() if v.isdigit() and 20 <= int(v) <= 90)
    ones = _alt(w for w, v in lex.number.items() if v.isdigit() and 1 <= int(v) <= 9 and " " not in w
                and w not in ("a", "an"))
    tokens = {
        "MON": rf"(?:{_alt(full_months)}|(?:{_alt(abbr_months)})\b\.?)",
        "MONF": _alt(full_months),
        "WDA": rf"(?:{_alt(lex.weekday)})",
        "WDF": _alt(w for w in lex.weekday if w.endswith("day")),
        "NUM": rf"(?:\d+(?:\.\d+)?|(?:{tens})[\s-](?:{ones})|(?:{num_words})(?:\s+and\s+a\s+half)?)",
        "UNITP": _alt([*lex.unit, *unit_plural.values()]),
        "UNITS": _alt(lex.unit),
        "PLURAL": _alt(unit_plural.values()),
        "SEASON": _alt(lex.season),
        "ORD": rf"(?:{_alt(lex.ordinal)}|\d{{1,2}}(?:st|nd|rd|th))",
        "PART": _alt(p for p in lex.daypart if p != "tonight"),
        "YEAR": r"(?:1[5-9]|20)\d\d",
        "TZ": r"UTC|GMT|EST|EDT|CET|CEST|BST|PST|PDT|ET",
    }
    rules = [
        ("time", r"\b(?P<h>[012]?\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?"
                 r"(?:\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b))?(?:\s*\(?(?P<tz>TZ)(?:\s*[+-]\s*\d{1,2})?\)?)?"
                 r"(?:,?\s+(?P<day>WDF|today|yesterday|tomorrow))?"),
        ("time", r"\b(?P<h>[01]?\d)\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b)(?:\s*\(?(?P<tz>TZ)\)?)?"
                 r"(?:,?\s+(?P<day>WDF|today|yesterday|tomorrow))?"),
        ("time", r"\b(?P<h>[012]\d)(?P<mi>[0-5]\d)\s*(?P<tz>UTC|GMT)\b"),
        ("date", r"\b(?:(?P<wd>WDA)\.?,?\s+)?(?P<mon>MON)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>YEAR)\b"),
        ("date", r"\b(?:(?P<wd>WDA)\.?,?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+"
                 r"(?P<mon>MON),?\s+(?P<y>YEAR)\b"),
        ("date", r"\b(?P<y>YEAR)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("date", r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)\b"),
        ("monthday", r"\b(?:(?P<wd>WDA)\.?,?\s+)?(?P<mon>MON)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,]?\d|\s*%)"),
        ("monthday", r"\b(?:(?P<wd>WDA)\.?,?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>MON)"),
        ("month", rf"\b{_MODS}(?P<mon>MON),?\s+(?:of\s+)?(?P<y>YEAR)\b"),
        ("month", rf"\b{_MODS}(?P<rel>last|next|this|past|coming)\s+(?P<mon>MONF)\b"),
        ("month", rf"\b{_MODS}(?P<mon>MONF)\b"),
        ("years", r"\b(?P<y>YEAR)\s*[-–]\s*(?P<y2>\d\d(?:\d\d)?)\b(?!-)"),
        ("year", r"\b(?:(?P<mod>early|late|mid)[\s-]+|fiscal\s+|FY\s?)?(?P<y>YEAR)\b(?![-–/]?\d|\s*%|,\d|\.\d)"),
        ("year", r"(?<![\w$])['’](?P<yy>\d\d)\b(?!['’]?s)"),
        ("decade", rf"\b{_MODS}(?P<dec>(?:1[5-9]|20)\d0|['’]\d0)['’]?s\b"),
        ("decade", rf"(?<=\bthe\s){_MODS}(?P<dec>\d0)['’]?s\b"),
        ("century", rf"\b{_MODS}(?P<ord>ORD)[\s-]+century\b"),
        ("relday", r"\b(?:(?P<pre>earlier|later)\s+)?(?P<rd>yesterday|today|tomorrow|tonight)"
                   r"(?:\s+(?P<part>PART))?\b"),
        ("relday", r"\b(?P<rd>this|last)\s+(?P<part>PART)\b"),
        ("weekday", r"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>WDF)(?:\s+(?P<part>PART))?\b"),
        ("relunit", r"\b(?:(?P<pre>earlier|later|early|late|mid)[\s-]+)?(?:(?P<the>the)\s+)?"
                    r"(?P<rel>last|past|previous|this|next|coming|following|current)\s+"
                    r"(?:fiscal\s+|calendar\s+|financial\s+)?(?P<u>week|weekend|month|year|quarter|decade|century|SEASON)\b(?!s)"),
        ("partof", r"\b(?:(?P<by>by)\s+)?the\s+(?:very\s+)?(?P<pos>end|beginning|start|middle|close|(?P<wk>first|second|third|fourth|last|final)\s+week)\s+of\s+"
                   r"(?:the\s+|this\s+|(?P<rel>last|next|this)\s+)?(?:(?P<u>week|month|year|quarter|decade|century)|"
                   r"(?P<mon>MONF)|(?P<y>YEAR))\b(?:\s+(?P<y2>YEAR)\b)?"),
        ("quarter", r"\b(?:the\s+)?(?P<ord>ORD)[\s-]+(?P<q>quarter|half)(?:\s+(?:of\s+)?(?:(?P<y>YEAR)\b|"
                    r"(?P<rel>this|last|next)\s+year\b|the\s+year\b))?(?![\s-]+(?:of\s+(?:a|the)\s+)?(?:centur|point|goal|inning))"),
        ("quarter", r"\b(?P<qn>Q[1-4]|H[12])(?:\s+(?P<y>YEAR))?\b"),
        ("quarter", r"\b(?P<y>YEAR)\s+(?P<qn>Q[1-4]|H[12])\b"),
        ("season", rf"\b{_MODS}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<s>SEASON)(?:\s+(?:of\s+)?(?P<y>YEAR))?\b(?!-)"),
        ("ago", r"\b(?P<num>NUM)\s+(?P<u>UNITP)\s+ago\b"),
        ("ago", r"\b(?P<u>PLURAL)\s+ago\b"),
        ("duration", r"\b(?:(?P<approx>almost|nearly|a\s+mere|roughly|approximately)\s+)?"
                     r"(?:(?P<the>the)\s+(?:(?P<rel>past|last|next|previous|first|coming|following|final|remaining)\s+)?)?"
                     r"(?P<num>NUM)(?:\s+|-)(?:more\s+|full\s+|straight\s+|consecutive\s+|trading\s+|"
                     r"business\s+|working\s+|calendar\s+)?(?P<u>UNITP)\b(?!-old|\s+old\b)"),
        ("duration", r"\b(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|recent)\s+)?(?P<u>PLURAL)(?:-long)?\b"),
        ("range", r"\b(?P<n1>NUM)\s*(?:and|to|or|-|–)\s*(?P<num>NUM)(?:\s+|-)(?P<u>UNITP)\b(?!-old)"),
        ("set", r"\b(?:every|each|per)\s+(?:other\s+)?(?P<u>day|week|month|year|morning|afternoon|evening|night|"
                r"WDF|season|quarter|decade)\b"),
        ("set", r"\b(?P<w>SETWORDS)\b"),
        ("anaphor", r"\b(?P<det>the\s+same|that|the)\s+(?P<u>day|week|month|year)\b"),
        ("anaphor", r"\b(?:the\s+)?(?P<rel>previous|following|next)\s+(?P<u>day)\b"),
        ("vague", r"\b(?P<v>VAGUE)\b"),
    ]
    tokens["SETWORDS"] = _alt(lex.set)
    tokens["VAGUE"] = _alt(lex.vague)
    compiled = []
    token_re = re.compile("|".join(sorted(tokens, key=len, reverse=True)))
    for priority, (name, pattern) in enumerate(rules):
        expanded = token_re.sub(lambda m: tokens[m.group(0)], pattern)
        compiled.append(_Rule(name, re.compile(expanded, re.IGNORECASE), priority))
    return tuple(compiled)


# -- calendar arithmetic ---------------------------------------------------------------

def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + k
    return index // 12, index % 12 + 1


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _pick(candidates: list[tuple[date, date, str]], anchor: date, tense: str | None) -> str:
    """The candidate (start, end, value) the tense points to; the closest when it is open."""
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
    if chosen is None or (distance(chosen)[0] > 180 and distance(closest)[0] <= 45):
        chosen = closest
    return chosen[2]


def _month_candidates(month: int, day: int | None, anchor: date) -> list[tuple[date, date, str]]:
    out = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            y2, m2 = _add_months(year, month, 1)
            out.append((date(year, month, 1), date(y2, m2, 1) - timedelta(days=1), f"{year}-{month:02d}"))
        else:
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            out.append((d, d, d.isoformat()))
    return out


def _season_value(code: str, rel: str | None, anchor: date, tense: str | None) -> str:
    cands = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        start = date(year, _SEASON_START[code], 1)
        end_y, end_m = _add_months(year, _SEASON_START[code], 3)
        cands.append((start, date(end_y, end_m, 1) - timedelta(days=1), f"{year}-{code}"))
    if rel in ("last", "past"):
        return max(c for c in cands if c[1] < anchor)[2]
    if rel in ("next", "coming"):
        return min(c for c in cands if c[0] > anchor)[2]
    if rel == "this":
        return f"{anchor.year}-{code}"
    return _pick(cands, anchor, tense)


def _shift(unit: str, k: int, anchor: date) -> str:
    """The value of the calendar unit ``k`` steps from the one holding ``anchor``."""
    if unit == "week":
        return _week(anchor + timedelta(weeks=k))
    if unit == "weekend":
        return _week(anchor + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, k)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + k
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(anchor.year // 10 + k)
    if unit == "century":
        return str(anchor.year // 100 + k)
    return str(anchor.year + k)


def _number(text: str) -> str | None:
    """'three' -> '3', 'twenty-five' -> '25', 'two and a half' -> '2.5', 'several' -> 'X'."""
    words = _lexicon().number
    text = re.sub(r"\s+", " ", text.lower().strip())
    half = text.endswith(" and a half")
    text = text.removesuffix(" and a half")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        value = float(text)
    elif text in words:
        if words[text] == "X":
            return "X"
        value = float(words[text])
    else:
        parts = re.split(r"[\s-]", text)
        if not all(p in words and words[p] != "X" for p in parts):
            return None
        nums = [float(words[p]) for p in parts]
        value = nums[0] * nums[1] if nums[-1] == 100 else sum(nums)
    value += 0.5 if half else 0.0
    return str(int(value)) if value == int(value) else str(value)


def normalise_duration(number: str, unit: str) -> str | None:
    """A TIMEX3 duration value: ('three', 'days') -> 'P3D', ('several', 'hours') -> 'PTXH'."""
    lex = _lexicon()
    unit = unit.lower()
    base = lex.unit.get(unit) or lex.unit.get(unit[:-1]) or lex.unit.get(unit[:-3] + "y")
    n = _number(number)
    if base is None or n is None:
        return None
    prefix = "PT" if base.startswith("T") else "P"
    code = base.removeprefix("T")
    factor = re.match(r"\d*", code).group(0)  # type: ignore[union-attr]
    code = code[len(factor):]
    if n == "X":
        code = {"10Y": "DE", "100Y": "CE"}.get(base, code)
        return f"{prefix}X{code}"
    if factor:
        value = float(n) * int(factor)
        n = str(int(value)) if value == int(value) else str(value)
    return f"{prefix}{n}{code}"


# -- reading the parse -----------------------------------------------------------------

def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tense(token: Token | None) -> str | None:
    """PAST or FUTURE from the verb governing ``token`` (None when no finite verb is found)."""
    node = token
    for _ in range(8):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX"):
            aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in aux}
            if "to" in words and node.dep_ == "xcomp" and node.head.tag_ == "VBD":
                return None  # "agreed to sell in October": either side of publication
            if words & {"will", "shall", "'ll", "wo", "would", "to", "going"}:
                return FUTURE
            if words & {"can", "could", "may", "might", "must", "should"}:
                return FUTURE
            if words & {"has", "have", "had", "'ve", "did"} or any(c.tag_ == "VBD" for c in aux):
                return PAST
            if node.tag_ in ("VBD", "VBN"):
                return PAST
            if node.tag_ == "VBG" and aux:
                return FUTURE
            if node.tag_ in ("VBZ", "VBP"):
                return PRESENT
            if node.tag_ == "MD":
                return FUTURE
        if node.head is node:
            return None
        node = node.head
    return None


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z\n]{0,2}$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


# -- normalisation -----------------------------------------------------------------------

@dataclass(slots=True)
class _Context:
    doc: Doc
    text: str
    dct: date | None
    last_day: date | None  # the latest day-precise date mentioned (for "the same day")

    def tense(self, start: int) -> str | None:
        before = _prev_word(self.text, start)
        if before in ("since", "ago"):
            return PAST
        if before in ("until", "till", "till"):
            return FUTURE
        return _tense(_token_at(self.doc, start))


# a handler returns (value, type) or None to reject the match; "" value = keep, no value
_Result = tuple[str | None, str] | None


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _h_time(m: re.Match[str], ctx: _Context) -> _Result:
    hour, minute, second = int(m["h"]), int(_group(m, "mi") or 0), _group(m, "s")
    ap, tz, day = _group(m, "ap"), _group(m, "tz"), _group(m, "day")
    if second and not (ap or tz):
        return f"PT{hour}H{minute}M{int(second)}S", "DURATION"
    if ap:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ap.lower().startswith("p") else 0)
    if hour > 24:
        return None
    clock = f"T{hour:02d}:{minute:02d}" + ("Z" if tz and tz.upper() == "UTC" else "")
    anchor: str | None = None
    if day:
        found = _relative_day(day, ctx, m.start())
        anchor = found
    elif ctx.last_day:
        anchor = ctx.last_day.isoformat()
    return (anchor + clock if anchor else None), "TIME"


def _relative_day(word: str, ctx: _Context, start: int, rel: str | None = None) -> str | None:
    if ctx.dct is None:
        return None
    lex = _lexicon()
    word = word.lower()
    if word in ("today", "tonight"):
        return ctx.dct.isoformat()
    if word in ("yesterday", "tomorrow"):
        return (ctx.dct + timedelta(days=-1 if word == "yesterday" else 1)).isoformat()
    target = lex.weekday[word]
    ahead = (target - ctx.dct.isoweekday()) % 7
    if rel in ("last", "past"):
        d = ctx.dct - timedelta(days=(7 - ahead) % 7 or 7)
    elif rel in ("next", "coming"):
        d = ctx.dct + timedelta(days=ahead or 7)
    else:
        tense = ctx.tense(start)
        d = ctx.dct + timedelta(days=ahead) if tense == FUTURE else \
            ctx.dct - timedelta(days=(7 - ahead) % 7)
    ctx.last_day = d
    return d.isoformat()


def _h_date(m: re.Match[str], ctx: _Context) -> _Result:
    lex = _lexicon()
    year = int(m["y"])
    if year < 100:
        year += 2000 if year <= (ctx.dct.year % 100 if ctx.dct else 30) + 1 else 1900
    mon = _group(m, "mon")
    if mon and not _capitalised(mon):
        return None
    month = lex.month[mon.lower().rstrip(".")] if mon else int(m["m"])
    try:
        d = date(year, month, int(m["d"]))
    except ValueError:
        return None
    ctx.last_day = d
    return d.isoformat(), "DATE"


def _h_monthday(m: re.Match[str], ctx: _Context) -> _Result:
    mon = m["mon"]
    if not _capitalised(mon) or int(m["d"]) == 0 or int(m["d"]) > 31:
        return None
    if mon.lower() == "may" and not _group(m, "wd"):
        tok = _token_at(ctx.doc, m.start("mon"))
        if tok is not None and tok.tag_ == "MD":
            return None
    if ctx.dct is None:
        return None, "DATE"
    month = _lexicon().month[mon.lower().rstrip(".")]
    cands = _month_candidates(month, int(m["d"]), ctx.dct)
    if not cands:
        return None
    value = _pick(cands, ctx.dct, ctx.tense(m.start("mon")))
    ctx.last_day = date.fromisoformat(value)
    return value, "DATE"


def _h_month(m: re.Match[str], ctx: _Context) -> _Result:
    mon = m["mon"]
    if not _capitalised(mon):
        return None
    month = _lexicon().month[mon.lower().rstrip(".")]
    if _group(m, "y"):
        return f"{m['y']}-{month:02d}", "DATE"
    rel = _group(m, "rel")
    if not rel and not _group(m, "mod"):
        tok = _token_at(ctx.doc, m.start("mon"))
        if tok is None or tok.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD"):
            return None
        if _prev_word(ctx.text, m.start()) not in _DATE_PREPS and tok.ent_type_ != "DATE":
            return None
    if ctx.dct is None:
        return None, "DATE"
    cands = _month_candidates(month, None, ctx.dct)
    if rel in ("last", "past"):
        cands = [c for c in cands if c[1] < ctx.dct.replace(day=1)]
        return max(cands)[2], "DATE"
    if rel in ("next", "coming"):
        cands = [c for c in cands if c[0] > ctx.dct]
        return min(cands)[2], "DATE"
    if rel == "this":
        return f"{ctx.dct.year}-{month:02d}", "DATE"
    return _pick(cands, ctx.dct, ctx.tense(m.start("mon")) or PAST), "DATE"


def _year_ok(m: re.Match[str], ctx: _Context, start: int) -> bool:
    """A bare four-digit number is a year unless the parse says it counts something."""
    if m.group(0)[:1].isalpha():  # "early 2011", "fiscal 2012", "FY2012"
        return True
    if ctx.text[max(0, start - 1):start] in ("$", "€", "£", "#") or _prev_word(ctx.text, start) == "no":
        return False
    if _prev_word(ctx.text, start) in _DATE_PREPS:
        return True
    tok = _token_at(ctx.doc, start)
    if tok is None:
        return False
    if tok.ent_type_ == "DATE":
        return True
    if tok.i > 0 and tok.nbor(-1).pos_ == "PROPN" and tok.nbor(-1).lower_ not in _lexicon().month:
        return False
    if tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT"):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return not (nxt is not None and nxt.tag_ == "NNS")


def _h_year(m: re.Match[str], ctx: _Context) -> _Result:
    if _group(m, "yy"):
        yy = int(m["yy"])
        if ctx.dct is None or _prev_word(ctx.text, m.start()) not in _DATE_PREPS | {"the", "class"}:
            return None
        century = ctx.dct.year // 100 * 100
        year = century + yy if century + yy <= ctx.dct.year + 10 else century - 100 + yy
        return str(year), "DATE"
    if not _year_ok(m, ctx, m.start("y")):
        return None
    return m["y"], "DATE"


def _h_decade(m: re.Match[str], ctx: _Context) -> _Result:
    dec = m["dec"].lstrip("'’")
    if len(dec) == 4:
        return dec[:3], "DATE"
    anchor = ctx.dct.year if ctx.dct else 2000
    century = anchor // 100
    if century * 100 + int(dec) > anchor:
        century -= 1
    return f"{century}{dec[0]}", "DATE"


def _ordinal(word: str) -> int | None:
    word = word.lower()
    found = _lexicon().ordinal.get(word)
    if found is None and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", word):
        found = int(word[:-2])
    return found


def _h_century(m: re.Match[str], ctx: _Context) -> _Result:
    n = _ordinal(m["ord"])
    return (f"{n - 1:02d}", "DATE") if n else None


def _h_relday(m: re.Match[str], ctx: _Context) -> _Result:
    rd, part = m["rd"].lower(), _group(m, "part")
    if ctx.dct is None:
        return None, ("TIME" if part or rd == "tonight" else "DATE")
    if rd in ("this", "last"):
        d = ctx.dct - timedelta(days=1 if rd == "last" else 0)
        code = _lexicon().daypart[part.lower()]  # type: ignore[union-attr]
        return f"{d.isoformat()}T{code}", "TIME"
    value = _relative_day(rd, ctx, m.start("rd"))
    if part or rd == "tonight":
        code = _lexicon().daypart[(part or rd).lower()]
        return f"{value}T{code}", "TIME"
    return value, "DATE"


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Result:
    if not _capitalised(m["wd"]):
        return None
    rel = (_group(m, "rel") or "").lower() or None
    value = _relative_day(m["wd"], ctx, m.start("wd"), rel)
    part = _group(m, "part")
    if part:
        code = _lexicon().daypart[part.lower()]
        return (f"{value}T{code}" if value else None), "TIME"
    return value, "DATE"


_REL_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
             "next": 1, "coming": 1, "following": 1}


def _h_relunit(m: re.Match[str], ctx: _Context) -> _Result:
    unit, rel = m["u"].lower(), m["rel"].lower()
    if unit in ("decade", "century") and _group(m, "the") and rel != "this":
        return normalise_duration("1", unit), "DURATION"
    if ctx.dct is None:
        return None, "DATE"
    if unit in _lexicon().season:
        return _season_value(_lexicon().season[unit], rel, ctx.dct, ctx.tense(m.start())), "DATE"
    return _shift(unit, _REL_STEP[rel], ctx.dct), "DATE"


def _h_partof(m: re.Match[str], ctx: _Context) -> _Result:
    if _group(m, "by") and m["pos"].lower() != "end":
        return None
    if _group(m, "y"):
        return m["y"], "DATE"
    if ctx.dct is None:
        return None, "DATE"
    if _group(m, "mon"):
        month = _lexicon().month[m["mon"].lower()]
        if _group(m, "y2"):
            value = f"{m['y2']}-{month:02d}"
        else:
            value = _pick(_month_candidates(month, None, ctx.dct), ctx.dct, ctx.tense(m.start()))
        wk = (_group(m, "wk") or "").lower()
        if wk:
            first = date.fromisoformat(value + "-01")
            y, mo = _add_months(first.year, first.month, 1)
            day = date(y, mo, 1) - timedelta(days=4) if wk in ("last", "final") else \
                first + timedelta(days=7 * (_ordinal(wk) or 1) - 4)
            return _week(day), "DATE"
        return value, "DATE"
    if _group(m, "wk"):
        return None
    unit, rel = m["u"].lower(), (_group(m, "rel") or "").lower()
    step = _REL_STEP[rel or "this"]
    if unit == "year" and not rel and m["pos"].lower() in ("end", "close") and ctx.dct.month <= 3 \
            and ctx.tense(m.start()) == PAST:
        step = -1  # "the season peaked by the end of the year", said in January
    return _shift(unit, step, ctx.dct), "DATE"


def _h_quarter(m: re.Match[str], ctx: _Context) -> _Result:
    qn = _group(m, "qn")
    if qn:
        kind, n = qn[0].upper(), int(qn[1])
        if kind == "H" and not _group(m, "y"):
            return None
    else:
        kind = "Q" if m["q"].lower() == "quarter" else "H"
        n = _ordinal(m["ord"]) or 0
        if not 1 <= n <= (4 if kind == "Q" else 2):
            return None
    if _group(m, "y"):
        return f"{m['y']}-{kind}{n}", "DATE"
    if ctx.dct is None:
        return None, "DATE"
    rel = _group(m, "rel")
    if rel or m.group(0).lower().endswith("the year"):
        return f"{ctx.dct.year + _REL_STEP[(rel or 'this').lower()]}-{kind}{n}", "DATE"
    if kind == "H":
        return f"{ctx.dct.year}-H{n}", "DATE"
    cands = []
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        start = date(year, 3 * n - 2, 1)
        end_y, end_m = _add_months(year, 3 * n - 2, 3)
        cands.append((start, date(end_y, end_m, 1) - timedelta(days=1), f"{year}-Q{n}"))
    return _pick(cands, ctx.dct, ctx.tense(m.start())), "DATE"


def _h_season(m: re.Match[str], ctx: _Context) -> _Result:
    word, rel, year = m["s"].lower(), _group(m, "rel"), _group(m, "y")
    tok = _token_at(ctx.doc, m.start("s"))
    if tok is not None and tok.pos_ == "VERB":
        return None
    if not (rel or year or _group(m, "mod")):
        if word == "fall" or _prev_word(ctx.text, m.start()) not in _DATE_PREPS | {"the"}:
            return None
        nxt = ctx.text[m.end():m.end() + 4].lower()
        if nxt.startswith(" of") or (tok is not None and tok.dep_ == "compound"):
            return None
    code = _lexicon().season[word]
    if year:
        return f"{year}-{code}", "DATE"
    if ctx.dct is None:
        return None, "DATE"
    return _season_value(code, rel.lower() if rel else None, ctx.dct, ctx.tense(m.start())), "DATE"


def _h_ago(m: re.Match[str], ctx: _Context) -> _Result:
    unit = m["u"].lower()
    num = _number(_group(m, "num") or "several")
    if ctx.dct is None:
        return None, "DATE"
    if num in (None, "X"):
        return "PAST_REF", "DATE"
    n = float(num)  # type: ignore[arg-type]
    if "T" in (normalise_duration("1", unit) or ""):
        return None, "DATE"
    if unit.startswith(("day", "night", "week", "fortnight")):
        step = {"d": 1, "n": 1, "w": 7, "f": 14}[unit[0]]
        d = ctx.dct - timedelta(days=int(n * step))
        return d.isoformat(), "DATE"
    if unit.startswith("month"):
        return _shift("month", -int(n), ctx.dct), "DATE"
    if unit.startswith("quarter"):
        return _shift("quarter", -int(n), ctx.dct), "DATE"
    if unit.startswith("decade"):
        return str(ctx.dct.year - int(n) * 10), "DATE"
    if unit.startswith("centur"):
        return str(ctx.dct.year - int(n) * 100), "DATE"
    return str(ctx.dct.year - int(n)), "DATE"


def _h_duration(m: re.Match[str], ctx: _Context) -> _Result:
    num, unit, rel = _group(m, "num"), m["u"], (_group(m, "rel") or "").lower()
    if _prev_word(ctx.text, m.start()) in ("age", "ages", "aged"):
        return None
    if num is None:
        if rel == "recent" and _group(m, "the"):
            return "PAST_REF", "DATE"
        if rel == "coming" and _group(m, "the"):
            return "FUTURE_REF", "DATE"
        if _prev_word(ctx.text, m.start()) in ("these", "those", "old", "early"):
            return None
        num = "several"
    elif num.lower() in ("a", "an", "one") and (
            (unit.lower() == "second" and not re.match(r"\s*(?:[.,;:)]|$|later|earlier|ago|before|after)",
                                                        ctx.text[m.end():m.end() + 8]))
            or ctx.text[m.end():m.end() + 4] == " of "):
        return None
    elif num.lower() in ("a", "an") and re.search(r"(?:\d|times)\s+$", ctx.text[max(0, m.start() - 8):m.start()]):
        return normalise_duration("1", unit), "SET"
    value = normalise_duration(num, unit)
    return (value, "DURATION") if value else None


def _h_set(m: re.Match[str], ctx: _Context) -> _Result:
    lex = _lexicon()
    if _group(m, "w"):
        return lex.set[m["w"].lower()], "SET"
    unit = m["u"].lower()
    if unit in lex.daypart:
        return f"XXXX-XX-XXT{lex.daypart[unit]}", "SET"
    if unit in lex.weekday:
        return f"XXXX-WXX-{lex.weekday[unit]}", "SET"
    if unit == "season":
        return "XXXX-XX", "SET"
    return normalise_duration("1", unit), "SET"


def _h_anaphor(m: re.Match[str], ctx: _Context) -> _Result:
    unit = m["u"].lower()
    det = (_group(m, "det") or "").lower()
    after = ctx.text[m.end():m.end() + 12].lower()
    if re.match(r"\s*(?:after|before|of|when|that|which|in|to|'s|’s|-)", after):
        return None
    if unit != "day" and det == "the":
        return None
    if det == "the" and _prev_word(ctx.text, m.start()) not in (
            "end", "ended", "ending", "finish", "finished", "finishing", "close", "closed",
            "closing", "during", "for", "on", "in", "throughout"):
        return None
    ref = ctx.last_day or ctx.dct
    if ref is None:
        return None, "DATE"
    rel = (_group(m, "rel") or "").lower()
    if rel:
        ref = ref + timedelta(days=-1 if rel == "previous" else 1)
        return ref.isoformat(), "DATE"
    if unit == "day":
        return ref.isoformat(), "DATE"
    return _shift(unit, 0, ref), "DATE"


def _h_vague(m: re.Match[str], ctx: _Context) -> _Result:
    phrase = re.sub(r"\s+", " ", m["v"].lower())
    value = _lexicon().vague[phrase]
    if phrase.endswith("soon"):
        before = ctx.text[max(0, m.start() - 3):m.start()].lower()
        after = ctx.text[m.end():m.end() + 6].lower()
        if before.endswith("as ") or after.startswith((" as", " after", " afterwards")):
            return None
        if ctx.tense(m.start()) == PAST:
            return None
    if phrase == "now" and ctx.text[m.end():m.end() + 1] == "-":
        return None
    return value, "DATE"


_HANDLERS: dict[str, Callable[[re.Match[str], _Context], _Result]] = {
    "time": _h_time, "date": _h_date, "monthday": _h_monthday, "month": _h_month,
    "year": _h_year, "decade": _h_decade, "century": _h_century, "relday": _h_relday,
    "weekday": _h_weekday, "relunit": _h_relunit, "partof": _h_partof,
    "quarter": _h_quarter, "season": _h_season, "ago": _h_ago, "duration": _h_duration,
    "set": _h_set, "anaphor": _h_anaphor, "vague": _h_vague,
}


# -- the stage ---------------------------------------------------------------------------

_WINDOW = 50  # characters around a trigger word in which the rules run


@cache
def _trigger() -> re.Pattern[str]:
    """Words without which no rule can match: the rules only run around these."""
    lex = _lexicon()
    words = {*lex.month, *lex.weekday, *lex.unit, *lex.season, *lex.daypart, *lex.set,
             *(w for phrase in lex.vague for w in phrase.split()[-1:]),
             "yesterday", "today", "tomorrow", "half", "centuries", "weekend", "utc", "gmt"}
    digits = r"\b(?:1[5-9]|20)\d\d\b|\d:\d\d|\d\s*[ap]\.?\s?m\b|\d0['’]?s\b|\d/\d|['’]\d\d\b"
    return re.compile(rf"{digits}|\b(?:{_alt(words)})s?\b|\b[QH][1-4]\b", re.IGNORECASE)


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _trigger().finditer(text):
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _candidates(text: str) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    found = []
    windows = _windows(text)
    for rule in _grammar():
        for lo, hi in windows:
            for m in rule.pattern.finditer(text, lo, hi):
                if m.end() > m.start() and "\n" not in m.group(0):
                    found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda c: (c[0] - c[1], c[2].priority, c[0]))
    return found


def _split(m: re.Match[str], rule: _Rule) -> list[tuple[int, int, str, str]]:
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
    text = doc.text
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
        ctx = _Context(doc=doc, text=text, dct=published, last_day=published)
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
            result = _HANDLERS[rule.name](m, ctx)
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
