"""The rule grammar: one regular expression per rule, compiled once from the time words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import alternation, time_words

_MODS = r"(?:(?P<mod>early|late|mid)[\s-]+)?"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int  # among equally long overlapping matches, the lower wins


@cache
def grammar() -> tuple[Rule, ...]:
    lex = time_words()
    full_months = [m for m in lex.month if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.month if m not in full_months]
    unit_plural = {u: (u[:-1] + "ies" if u.endswith("ry") else u + "s") for u in lex.unit}
    num_words = alternation(w for w in lex.number)
    tens = alternation(w for w, v in lex.number.items() if v.isdigit() and 20 <= int(v) <= 90)
    ones = alternation(w for w, v in lex.number.items() if v.isdigit() and 1 <= int(v) <= 9 and " " not in w
                       and w not in ("a", "an"))
    tokens = {
        "MON": rf"(?:{alternation(full_months)}|(?:{alternation(abbr_months)})\b\.?)",
        "MONF": alternation(full_months),
        "WDA": rf"(?:{alternation(lex.weekday)})",
        "WDF": alternation(w for w in lex.weekday if w.endswith("day")),
        "NUM": rf"(?:\d+(?:\.\d+)?|(?:{tens})[\s-](?:{ones})|(?:{num_words})(?:\s+and\s+a\s+half)?)",
        "UNITP": alternation([*lex.unit, *unit_plural.values()]),
        "UNITS": alternation(lex.unit),
        "PLURAL": alternation(unit_plural.values()),
        "SEASON": alternation(lex.season),
        "ORD": rf"(?:{alternation(lex.ordinal)}|\d{{1,2}}(?:st|nd|rd|th))",
        "PART": alternation(p for p in lex.daypart if p != "tonight"),
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
    tokens["SETWORDS"] = alternation(lex.set)
    tokens["VAGUE"] = alternation(lex.vague)
    compiled = []
    token_re = re.compile("|".join(sorted(tokens, key=len, reverse=True)))
    for priority, (name, pattern) in enumerate(rules):
        expanded = token_re.sub(lambda m: tokens[m.group(0)], pattern)
        compiled.append(Rule(name, re.compile(expanded, re.IGNORECASE), priority))
    return tuple(compiled)
