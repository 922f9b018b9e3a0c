"""The story's day: a news report tells its news on one day, named in its lead ("Police fired
tear gas at protesters on Friday"), and the acts it goes on to tell without a time of their
own ("They also arrested ten people.") happened that day.

An event left undated by its clause and sentence takes that day only when all of these hold:
- the report has a publication date, and the lead names a day at most ``NEWS_DAYS`` before
  it (a lead about a war's first day, months back, is history, not the news of the day);
- the lead is one of the first ``LEAD_SENTENCES`` sentences, and its day is the first day an
  event of the lead is dated to, else (no event of the lead is dated) the first day the lead
  names;
- the act is asserted or intended (a hypothetical or denied act has no day);
- its sentence names no time of its own, not even one that dates nothing ("since 2017",
  "last year"), and no span of time ("during the campaign");
- the sentence before it names no year (background: "after the 2020 election, ...").

The date keeps the lead's words as ``date_text`` and says ``story`` as its ``date_source``,
so a user who wants only dates read in the event's own sentence can leave these out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..records import Event, Time
from ..times import event_date
from .context import STORY

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["STORY", "story_days"]

LEAD_SENTENCES = 5  # the lead: a wire story's first paragraph or two
NEWS_DAYS = 7  # a report tells the news of its week; an older day in the lead is background
DATED_MODALITIES = frozenset({"asserted", "intended"})
SPAN_WORDS = frozenset({"during", "throughout"})  # "during the campaign": a time of its own
YEAR = re.compile(r"\b1[89]\d\d\b|\b2\d\d\d\b")


def story_days(events: tuple[Event, ...], text: str, sentence_starts: Sequence[int],
               times: tuple[Time, ...], published: date | None) -> tuple[Event, ...]:
    """The events, those told without a time of their own dated to the story's day."""
    if published is None:
        return events
    if isinstance(published, datetime):  # a library caller's datetime
        published = published.date()
    dated = [(e.evidence.start, e.date, e.date_text) for e in events if e.date and e.date_source != STORY]
    lead = _news_day(dated, sentence_starts, published) or _news_day(
        [(t.start, event_date(t.value), t.text) for t in times], sentence_starts, published)
    if lead is None:
        return events
    day, words = lead
    return tuple(replace(e, date=day, date_text=words, date_source=STORY)
                 if _carries(e, text, sentence_starts, times) else e for e in events)


def _news_day(dated: Sequence[tuple[int, str | None, str | None]], sentence_starts: Sequence[int],
              published: date) -> tuple[str, str | None] | None:
    """The first day the lead names (an event's date, else any time expression's), with its
    words, when it is a day of the news week."""
    for offset, day, words in sorted(dated, key=lambda d: d[0]):
        if _sentence_of(offset, sentence_starts) >= LEAD_SENTENCES:
            return None
        if day is not None and len(day) == 10:
            return (day, words) if 0 <= (published - date.fromisoformat(day)).days <= NEWS_DAYS else None
    return None


def _carries(event: Event, text: str, sentence_starts: Sequence[int],
             times: tuple[Time, ...]) -> bool:
    if event.date is not None or event.modality not in DATED_MODALITIES:
        return False
    start, end = event.evidence.start, event.evidence.end
    if any(start <= t.start < end for t in times):
        return False
    if any(w in SPAN_WORDS for w in re.findall(r"[a-z]+", text[start:end].lower())):
        return False
    n = _sentence_of(start, sentence_starts)
    before = sentence_starts[n - 1] if n > 0 else start
    return not any(before <= t.start < start and YEAR.search(t.text) and event_date(t.value)
                   for t in times)


def _sentence_of(offset: int, sentence_starts: Sequence[int]) -> int:
    return max(sum(1 for s in sentence_starts if s <= offset) - 1, 0)
