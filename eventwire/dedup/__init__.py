"""One real-world event across many articles: event reports -> stories (pure matching).

Every stored event is a *report*. Reports of the same real-world event share one *story*.
This module only decides; the SQL that loads candidate stories and writes them back lives in
``store/stories.py``. Assignment is incremental and greedy, in article order: a new report
joins the best-fitting story or founds one, whose id is the deterministic hash of its first
report (``stable_id("story", article_id, event_id)``), so the same articles in the same order
always give the same stories.

Two reports *agree* (``agree``) when they report the same event:

- the same PLOVER type and modality, and the same mode where both have one;
- the same actors by a specific identity (``actor_keys``): the same person (full name, or a
  bare surname that no other full name contradicts), the same named organisation, the same
  office of one state (never two different offices), or for a state the same government
  acting (the state, its government, or a member of it when the other names no one). A
  shared country and sector alone ("British people", "ministers") is no identity, except
  at one site: police of one country in the same city are the same police. At least one
  side must share an identity, no side may name two different ones, and two reports that
  each name someone the other does not are two events;
- compatible dates at the precision each is known (``2005`` spans the year, ``2005-02`` the
  month, an ISO week its seven days; an undated event takes its publication day): the
  periods lie within ``window`` days of each other;
- compatible places: two cities, regions or sites must be the same one; else the countries;
- agreeing evidence: the two evidence sentences share content words beyond the words that
  name the actors and the trigger (``MIN_SHARED_WORDS`` and ``MIN_WORD_OVERLAP`` of the
  shorter sentence's; more when no one is named; fewer when both sides are named).

The same evidence sentence word for word (``MIN_COPIED_WORDS``), or nearly (``near_copy``:
an updated or edited version), is a reprint of the same report: it agrees at any date unless
both sentences date themselves differently, and a near copy needs no identity but must not
contradict one. A report joins a story (``fits``) only when it agrees with the story's
founding report, with more than half of its reports, or copies one of them; is date
compatible with every one of them (so a story never spans more than ``window`` days around
its reports, copies aside); and the story holds no report of its article yet: a story cannot
chain from one event to another through a series of near neighbours.
"""

from __future__ import annotations

from .keys import (
    actor_keys,
    content_words,
    evidence_key,
    near_keys,
    normalise_name,
    person_name,
    place_keys,
)
from .matching import DEFAULT_WINDOW_DAYS, MIN_SHARED_WORDS, MIN_WORD_OVERLAP, agree
from .reports import Report, reports_of
from .stories import Story, assign, fits

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "MIN_SHARED_WORDS",
    "MIN_WORD_OVERLAP",
    "Report",
    "Story",
    "actor_keys",
    "agree",
    "assign",
    "content_words",
    "evidence_key",
    "fits",
    "near_keys",
    "normalise_name",
    "person_name",
    "place_keys",
    "reports_of",
]
