"""The story's day: a news report tells its news on one day, named in its lead ("Police fired
tear gas at protesters on Friday"), and the acts it goes on to tell without a time of their
own ("They also arrested ten people.") happened that day.

The lead's day is the first day named in the article's first ``LEAD_SENTENCES`` sentences: the
date of an event of the lead, else (no event of the lead is dated) a time expression of the
lead. It must be a day at most ``NEWS_DAYS`` before the publication date (a lead about a war's
first day, months back, is history, not the news of the day), stated in a clause (a dateline's
"June 21" is the day of filing) and not in a bounding phrase ("phoned X following her talks
on Friday": Friday is background to the call).

An event left undated by its clause and sentence takes that day only when it is asserted or
intended (a hypothetical or denied act has no day), its sentence names no time of its own, not
even one that dates nothing ("since 2017", "last year"), nor a span ("during the campaign"),
and the sentence before it names no year (background: "after the 2020 election, ...").

The date keeps the lead's words as ``date_text`` and says ``story`` as its ``date_source``,
so a user who wants only dates read in the event's own sentence can leave these out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..nlp import doc_text
from ..records import Event, Time
from ..times import event_date
from ..times.lexicon import time_words
from .context import STORY

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc

__all__ = ["story_days"]

LEAD_SENTENCES = 5  # the lead: a wire story's first paragraph or two
NEWS_DAYS = 7  # a report tells the news of its week; an older day in the lead is background
DATED_MODALITIES = frozenset({"asserted", "intended"})
SPAN_WORDS = frozenset({"during", "throughout"})  # "during the campaign": a time of its own
YEAR = re.compile(r"\b1[89]\d\d\b|\b2\d\d\d\b")


def story_days(events: tuple[Event, ...], doc: Doc, times: tuple[Time, ...],
               published: date | None) -> tuple[Event, ...]:
    """The events, those told without a time of their own dated to the story's day."""
    if published is None or not events:
        return events
    if isinstance(published, datetime):  # a library caller's datetime
        published = published.date()
    starts = [s.start_char for s in doc.sents]
    dated = [(e.trigger.start if e.trigger else e.evidence.start, e.date, e.date_text)
             for e in events if e.date and e.date_source != STORY]
    lead = _news_day(doc, dated, starts, published) or _news_day(
        doc, [(t.start, event_date(t.value), t.text) for t in times], starts, published)
    if lead is None:
        return events
    day, words = lead
    text = doc_text(doc)
    return tuple(replace(e, date=day, date_text=words, date_source=STORY)
                 if _carries(e, text, starts, times) else e for e in events)


def _news_day(doc: Doc, dated: Sequence[tuple[int, str | None, str | None]],
              sentence_starts: Sequence[int], published: date) -> tuple[str, str | None] | None:
    """The first day the lead states in a clause, outside a bounding phrase, with its words,
    when it is a day of the news week."""
    for offset, day, words in sorted(dated, key=lambda d: d[0]):
        if _sentence_of(offset, sentence_starts) >= LEAD_SENTENCES:
            return None
        if day is None or len(day) != 10 or _background(doc, offset):
            continue
        return (day, words) if 0 <= (published - date.fromisoformat(day)).days <= NEWS_DAYS else None
    return None


def _background(doc: Doc, offset: int) -> bool:
    """Whether the words at ``offset`` stand outside a clause (a dateline) or inside a bounding
    phrase or clause ("following her talks on Friday", "after she returned on Friday")."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return True
    token, bound = span.root, time_words().bound
    if not any(t.pos_ in ("VERB", "AUX") for t in token.sent):
        return True
    for node in (token, *token.ancestors):
        if node.dep_ == "prep" and node.lower_ in bound:
            return True
        if any(c.dep_ == "mark" and c.lower_ in bound for c in node.children):
            return True
    return False


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
    return max(bisect.bisect_right(sentence_starts, offset) - 1, 0)
