"""The time words of ``data/times.tsv`` (months, weekdays, numbers, units, seasons, ...) by kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON_PATH = Path(__file__).parent.with_name("data") / "times.tsv"


@dataclass(frozen=True, slots=True)
class TimeWords:
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
    bound: dict[str, str]  # prepositions whose time bounds an act ("since 2012")
    together: dict[str, str]  # subordinators of a simultaneous clause ("as", "when")
    instant: dict[str, str]  # moments of a day ("before midnight on Sunday" is Sunday)


@cache
def time_words() -> TimeWords:
    kinds: dict[str, dict[str, str]] = {k: {} for k in TimeWords.__slots__}
    for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, value = line.split("\t")[:3]
        kinds[kind][word] = value
    def ints(kind: str) -> dict[str, int]:
        return {w: int(v) for w, v in kinds[kind].items()}

    return TimeWords(month=ints("month"), weekday=ints("weekday"), number=kinds["number"],
                     ordinal=ints("ordinal"), unit=kinds["unit"], season=kinds["season"],
                     daypart=kinds["daypart"], vague=kinds["vague"], set=kinds["set"],
                     bound=kinds["bound"], together=kinds["together"], instant=kinds["instant"])


def alternation(words: object) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]
