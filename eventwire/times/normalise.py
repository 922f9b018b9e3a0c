"""One handler per rule: a match and its context -> a TIMEX3 value and type, or a rejection."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .calendar import add_months, iso_week, month_candidates, pick, season_value, shift
from .durations import normalise_duration, parse_number
from .lexicon import time_words
from .syntax import FUTURE, PAST, finite_past, names_a_past_event, prev_word, token_at, verb_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

# words after which a bare month name or a bare year is a date, not a verb or a count
_DATE_PREPS = frozenset(
    "in since until till by of from to through throughout during before after between and "
    "early late mid last next this or end beginning start on around circa".split())


@dataclass(slots=True)
class Context:
    doc: Doc
    text: str
    dct: date | None
    last_day: date | None  # the latest day-precise date mentioned (for "the same day")

    def named(self, start: int) -> bool:
        """Whether the date at ``start`` names a past event ("the 11 September attacks")."""
        return names_a_past_event(token_at(self.doc, start))

    def past(self, start: int) -> bool:
        """Whether the date at ``start`` is in a clause of finite past tense ("attacked on 13
        September"): it is then the last such date before publication, however far back."""
        return finite_past(token_at(self.doc, start))

    def tense(self, start: int) -> str | None:
        if self.named(start):
            return PAST
        before = prev_word(self.text, start)
        if before in ("since", "ago"):
            return PAST
        if before in ("until", "till", "till"):
            return FUTURE
        return verb_tense(token_at(self.doc, start))


# a handler returns (value, type) or None to reject the match; "" value = keep, no value
_Result = tuple[str | None, str] | None


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _h_time(m: re.Match[str], ctx: Context) -> _Result:
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


def _relative_day(word: str, ctx: Context, start: int, rel: str | None = None) -> str | None:
    if ctx.dct is None:
        return None
    lex = time_words()
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


def _h_date(m: re.Match[str], ctx: Context) -> _Result:
    lex = time_words()
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


def _h_monthday(m: re.Match[str], ctx: Context) -> _Result:
    mon = m["mon"]
    if not _capitalised(mon) or int(m["d"]) == 0 or int(m["d"]) > 31:
        return None
    if mon.lower() == "may" and not _group(m, "wd"):
        tok = token_at(ctx.doc, m.start("mon"))
        if tok is not None and tok.tag_ == "MD":
            return None
    if ctx.dct is None:
        return None, "DATE"
    month = time_words().month[mon.lower().rstrip(".")]
    cands = month_candidates(month, int(m["d"]), ctx.dct)
    if not cands:
        return None
    at = m.start("mon")
    tense = ctx.tense(at)
    # a day of a past act or of a named event is the last one before publication, however far
    value = pick(cands, ctx.dct, tense,
                 strict=ctx.past(at) or ctx.named(at) or ctx.named(m.start("d")))
    ctx.last_day = date.fromisoformat(value)
    return value, "DATE"


def _h_month(m: re.Match[str], ctx: Context) -> _Result:
    mon = m["mon"]
    if not _capitalised(mon):
        return None
    month = time_words().month[mon.lower().rstrip(".")]
    if _group(m, "y"):
        return f"{m['y']}-{month:02d}", "DATE"
    rel = _group(m, "rel")
    if not rel and not _group(m, "mod"):
        tok = token_at(ctx.doc, m.start("mon"))
        if tok is None or tok.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD"):
            return None
        if prev_word(ctx.text, m.start()) not in _DATE_PREPS and tok.ent_type_ != "DATE":
            return None
    if ctx.dct is None:
        return None, "DATE"
    cands = month_candidates(month, None, ctx.dct)
    if rel in ("last", "past"):
        cands = [c for c in cands if c[1] < ctx.dct.replace(day=1)]
        return max(cands)[2], "DATE"
    if rel in ("next", "coming"):
        cands = [c for c in cands if c[0] > ctx.dct]
        return min(cands)[2], "DATE"
    if rel == "this":
        return f"{ctx.dct.year}-{month:02d}", "DATE"
    at = m.start("mon")
    tense = ctx.tense(at)
    return pick(cands, ctx.dct, tense or PAST, strict=ctx.past(at) or ctx.named(at)), "DATE"


def _year_ok(m: re.Match[str], ctx: Context, start: int) -> bool:
    """A bare four-digit number is a year unless the parse says it counts something."""
    if m.group(0)[:1].isalpha():  # "early 2011", "fiscal 2012", "FY2012"
        return True
    if ctx.text[max(0, start - 1):start] in ("$", "€", "£", "#") or prev_word(ctx.text, start) == "no":
        return False
    if prev_word(ctx.text, start) in _DATE_PREPS:
        return True
    tok = token_at(ctx.doc, start)
    if tok is None:
        return False
    if tok.ent_type_ == "DATE":
        return True
    if tok.i > 0 and tok.nbor(-1).pos_ == "PROPN" and tok.nbor(-1).lower_ not in time_words().month:
        return False
    if tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT"):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return not (nxt is not None and nxt.tag_ == "NNS")


def _h_year(m: re.Match[str], ctx: Context) -> _Result:
    if _group(m, "yy"):
        yy = int(m["yy"])
        if ctx.dct is None or prev_word(ctx.text, m.start()) not in _DATE_PREPS | {"the", "class"}:
            return None
        century = ctx.dct.year // 100 * 100
        year = century + yy if century + yy <= ctx.dct.year + 10 else century - 100 + yy
        return str(year), "DATE"
    if not _year_ok(m, ctx, m.start("y")):
        return None
    return m["y"], "DATE"


def _h_decade(m: re.Match[str], ctx: Context) -> _Result:
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
    found = time_words().ordinal.get(word)
    if found is None and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", word):
        found = int(word[:-2])
    return found


def _h_century(m: re.Match[str], ctx: Context) -> _Result:
    n = _ordinal(m["ord"])
    return (f"{n - 1:02d}", "DATE") if n else None


def _h_relday(m: re.Match[str], ctx: Context) -> _Result:
    rd, part = m["rd"].lower(), _group(m, "part")
    if ctx.dct is None:
        return None, ("TIME" if part or rd == "tonight" else "DATE")
    if rd in ("this", "last"):
        d = ctx.dct - timedelta(days=1 if rd == "last" else 0)
        code = time_words().daypart[part.lower()]  # type: ignore[union-attr]
        return f"{d.isoformat()}T{code}", "TIME"
    value = _relative_day(rd, ctx, m.start("rd"))
    if part or rd == "tonight":
        code = time_words().daypart[(part or rd).lower()]
        return f"{value}T{code}", "TIME"
    return value, "DATE"


def _h_weekday(m: re.Match[str], ctx: Context) -> _Result:
    if not _capitalised(m["wd"]):
        return None
    rel = (_group(m, "rel") or "").lower() or None
    value = _relative_day(m["wd"], ctx, m.start("wd"), rel)
    part = _group(m, "part")
    if part:
        code = time_words().daypart[part.lower()]
        return (f"{value}T{code}" if value else None), "TIME"
    return value, "DATE"


_REL_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
             "next": 1, "coming": 1, "following": 1}


def _h_relunit(m: re.Match[str], ctx: Context) -> _Result:
    unit, rel = m["u"].lower(), m["rel"].lower()
    if unit in ("decade", "century") and _group(m, "the") and rel != "this":
        return normalise_duration("1", unit), "DURATION"
    if ctx.dct is None:
        return None, "DATE"
    if unit in time_words().season:
        return season_value(time_words().season[unit], rel, ctx.dct, ctx.tense(m.start())), "DATE"
    return shift(unit, _REL_STEP[rel], ctx.dct), "DATE"


def _h_partof(m: re.Match[str], ctx: Context) -> _Result:
    if _group(m, "by") and m["pos"].lower() != "end":
        return None
    if _group(m, "y"):
        return m["y"], "DATE"
    if ctx.dct is None:
        return None, "DATE"
    if _group(m, "mon"):
        month = time_words().month[m["mon"].lower()]
        if _group(m, "y2"):
            value = f"{m['y2']}-{month:02d}"
        else:
            value = pick(month_candidates(month, None, ctx.dct), ctx.dct, ctx.tense(m.start()))
        wk = (_group(m, "wk") or "").lower()
        if wk:
            first = date.fromisoformat(value + "-01")
            y, mo = add_months(first.year, first.month, 1)
            day = date(y, mo, 1) - timedelta(days=4) if wk in ("last", "final") else \
                first + timedelta(days=7 * (_ordinal(wk) or 1) - 4)
            return iso_week(day), "DATE"
        return value, "DATE"
    if _group(m, "wk"):
        return None
    unit, rel = m["u"].lower(), (_group(m, "rel") or "").lower()
    step = _REL_STEP[rel or "this"]
    if unit == "year" and not rel and m["pos"].lower() in ("end", "close") and ctx.dct.month <= 3 \
            and ctx.tense(m.start()) == PAST:
        step = -1  # "sales rose by the close of the year", said in January
    return shift(unit, step, ctx.dct), "DATE"


def _h_quarter(m: re.Match[str], ctx: Context) -> _Result:
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
        end_y, end_m = add_months(year, 3 * n - 2, 3)
        cands.append((start, date(end_y, end_m, 1) - timedelta(days=1), f"{year}-Q{n}"))
    return pick(cands, ctx.dct, ctx.tense(m.start())), "DATE"


def _h_season(m: re.Match[str], ctx: Context) -> _Result:
    word, rel, year = m["s"].lower(), _group(m, "rel"), _group(m, "y")
    tok = token_at(ctx.doc, m.start("s"))
    if tok is not None and tok.pos_ == "VERB":
        return None
    if not (rel or year or _group(m, "mod")):
        if word == "fall" or prev_word(ctx.text, m.start()) not in _DATE_PREPS | {"the"}:
            return None
        nxt = ctx.text[m.end():m.end() + 4].lower()
        if nxt.startswith(" of") or (tok is not None and tok.dep_ == "compound"):
            return None
    code = time_words().season[word]
    if year:
        return f"{year}-{code}", "DATE"
    if ctx.dct is None:
        return None, "DATE"
    return season_value(code, rel.lower() if rel else None, ctx.dct, ctx.tense(m.start())), "DATE"


def _h_ago(m: re.Match[str], ctx: Context) -> _Result:
    unit = m["u"].lower()
    num = parse_number(_group(m, "num") or "several")
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
        return shift("month", -int(n), ctx.dct), "DATE"
    if unit.startswith("quarter"):
        return shift("quarter", -int(n), ctx.dct), "DATE"
    if unit.startswith("decade"):
        return str(ctx.dct.year - int(n) * 10), "DATE"
    if unit.startswith("centur"):
        return str(ctx.dct.year - int(n) * 100), "DATE"
    return str(ctx.dct.year - int(n)), "DATE"


def _h_duration(m: re.Match[str], ctx: Context) -> _Result:
    num, unit, rel = _group(m, "num"), m["u"], (_group(m, "rel") or "").lower()
    if prev_word(ctx.text, m.start()) in ("age", "ages", "aged"):
        return None
    if num is None:
        if rel == "recent" and _group(m, "the"):
            return "PAST_REF", "DATE"
        if rel == "coming" and _group(m, "the"):
            return "FUTURE_REF", "DATE"
        if prev_word(ctx.text, m.start()) in ("these", "those", "old", "early"):
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


def _h_set(m: re.Match[str], ctx: Context) -> _Result:
    lex = time_words()
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


def _h_anaphor(m: re.Match[str], ctx: Context) -> _Result:
    unit = m["u"].lower()
    det = (_group(m, "det") or "").lower()
    after = ctx.text[m.end():m.end() + 12].lower()
    if re.match(r"\s*(?:after|before|of|when|that|which|in|to|'s|’s|-)", after):
        return None
    if unit != "day" and det == "the":
        return None
    if det == "the" and prev_word(ctx.text, m.start()) not in (
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
    return shift(unit, 0, ref), "DATE"


def _h_vague(m: re.Match[str], ctx: Context) -> _Result:
    phrase = re.sub(r"\s+", " ", m["v"].lower())
    value = time_words().vague[phrase]
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


HANDLERS: dict[str, Callable[[re.Match[str], Context], _Result]] = {
    "time": _h_time, "date": _h_date, "monthday": _h_monthday, "month": _h_month,
    "year": _h_year, "decade": _h_decade, "century": _h_century, "relday": _h_relday,
    "weekday": _h_weekday, "relunit": _h_relunit, "partof": _h_partof,
    "quarter": _h_quarter, "season": _h_season, "ago": _h_ago, "duration": _h_duration,
    "set": _h_set, "anaphor": _h_anaphor, "vague": _h_vague,
}
