"""Clauses -> PLOVER events: type, mode, CAMEO code, source, target, date, place, modality.

A trigger is a verb or noun of ``data/event_lexicon.tsv`` ("met with", "a phone call",
"the attack"). Its source and target come from the sentence's structure (subject, object,
passive agent, "with"/"to"/"on"/"against" partners, possessors, coordinated actors), read
through the actor stage's mention index, so pronouns and titles reach the actor they mean.
The date is the time expression attached to the trigger, else the sentence's, else the day
the story's lead names (never the publication date); the place the toponym attached to it,
else the sentence's, else the town where the story is set when the act is its state's;
the modality comes from auxiliaries, governing verbs and conditionals; ``attributed_to`` is the speaker when the trigger lies inside a quotation.
One real event is one record: repeats inside the article are merged.

The stage reads, decides, emits: ``acts.read_token`` reads one trigger and decides its
arguments, coding and context; ``rules`` adds the acts other events imply (a state's
allegation, a protest's aim) and attributes the acts reported under an accusation or a
denial; ``candidates`` merges repeats and emits the records; ``implied`` gives a directed act that
names no target, or force told without its doer, the party its context implies.

Submodules: ``vocabulary`` (closed word classes), ``triggers`` (lexicon matching),
``arguments`` (the argument frames: source and target), ``context`` (modality, date, place,
speaker, non-events), ``rules`` (coding rules), ``acts`` (one trigger, read and decided),
``candidates`` (merging and the final records), ``implied`` (parties left to the context),
``evaluations`` (accusations told as descriptions: "described the ruling as an unfriendly act"),
``dating`` (the story's day, for the acts told after the lead without a time of their own),
``placing`` (the story's place, for the acts told without a place of their own).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..records import Event, Place, Quote, Time
from .acts import Reading, read_token
from .candidates import _merge, emit
from .dating import story_days
from .implied import implied_parties
from .placing import story_places
from .rules import implied_acts

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..actors import ActorTable

__all__ = ["find_events"]


def find_events(doc: Doc, table: ActorTable, *, quotes: tuple[Quote, ...] = (),
                times: tuple[Time, ...] = (), places: tuple[Place, ...] = (),
                published: date | None = None) -> tuple[Event, ...]:
    """Every political event the article states, once each."""
    reading = Reading(doc=doc, table=table, quotes=quotes, times=times, places=places)
    candidates = [c for token in doc for c in read_token(token, reading)]
    candidates = [c for c in implied_acts(candidates, table, times) if c.token.i not in reading.suppressed]
    events = emit(_merge(candidates, table), doc, places, table)
    events = implied_parties(events, table, [s.start_char for s in doc.sents])
    events = story_places(events, doc, places, table)
    return story_days(events, doc, times, published)
