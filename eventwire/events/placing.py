"""The story's place: a news report is set somewhere ("Police fired tear gas at protesters in
Kisumu"), and the acts it goes on to tell without a place of their own ("They also arrested
ten people.") happened there, when they are acts of that place's state.

A visit or meeting its sentence places in a country whose capital the article names is in
that capital (its ``place_source`` then says ``story``). An event left without a place by its clause and sentence takes, nearest first:

1. the story's seat: the town the article names most often, at least ``SEAT_MENTIONS`` times
   and more often than any other (the dateline counts as a mention);
2. the nearest town named before the act, its own sentence included ("were hurt in Kisumu,
   where police detained six people", which the clause rules leave), not in the
   dateline (where the reporter filed from, which may be far from the acts reported) nor as
   an actor ("the reply from Nairobi": the government, not the place).

Either only when it lies in the country of one of the event's parties (a source or target of
that state; the seat also for an international body): a visit abroad told after a report from
the capital is not at the capital. Only towns are carried: a country, a province or a region
tells no more than the parties' countries do (tried on news_dev, provinces carried were never
the coder's place). Nor is a town carried that is named in a compound word ("a Mosul-style
siege", "Kabul-based") or in a body's name ("the Kabul Bank"). Only asserted and intended
acts are placed: a hypothetical or denied act happened nowhere.

The place keeps its record; the event says ``story`` as its ``place_source`` (``sentence``
for a place read in its own sentence), so a user who wants only places the event's sentence
names can leave these out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..datelines import dateline_end
from ..lexicon import lexicon
from ..nlp import doc_text
from ..ontology import NONSTATE_CODES
from ..records import Event, Place

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc

    from ..actors import ActorTable

__all__ = ["SENTENCE", "STORY", "story_places"]

SENTENCE = "sentence"
STORY = "story"
SEAT_MENTIONS = 2  # a town named twice, more than any other, is where the story is set
CARRIED_FEATURES = frozenset({"city", "other"})  # a country or region tells no more
PLACED_MODALITIES = frozenset({"asserted", "intended"})


def story_places(events: tuple[Event, ...], doc: Doc, places: Sequence[Place],
                 table: ActorTable) -> tuple[Event, ...]:
    """The events, those told without a place of their own placed where the story is set."""
    if not events:
        return events
    by_id = {p.id: p for p in places}
    cities = [p for p in places if p.feature == "city"]
    events = tuple(_in_capital(e, by_id, cities) for e in events)
    text = doc_text(doc)
    dateline = dateline_end(text) or 0
    named = [(s, e) for s, e, _ in table.spans]
    towns = sorted((p for p in places if p.feature in CARRIED_FEATURES
                    and not _names_a_thing(text, p, named)), key=lambda p: p.start)
    if not towns:
        return events
    seat = _seat(towns)
    told = [p for p in towns if p.start >= dateline
            and not any(s < p.end and p.start < e for s, e in named)]
    return tuple(_placed(e, seat, told, table) for e in events)


def _in_capital(event: Event, places: dict[str, Place], towns: Sequence[Place]) -> Event:
    """A visit or meeting placed in a country the article names the capital of is in that
    capital ("arrived in Egypt" in a report that names Cairo): where such meetings are held."""
    place = places.get(event.place or "")
    if event.type != "CONSULT" or place is None or place.feature != "country":
        return event
    capitals = lexicon().capitals
    capital = next((t for t in towns if t.country == place.country
                    and capitals.get(" ".join(t.text.lower().split())) == place.country), None)
    return replace(event, place=capital.id, place_source=STORY) if capital is not None else event


def _names_a_thing(text: str, place: Place, named: Sequence[tuple[int, int]]) -> bool:
    """Whether a town's name is part of a word or of a longer name: "a Mosul-style siege",
    "Kabul-based", "the Kabul Bank" (an actor's name). A town named on a noun still places it
    ("the Arusha summit", "the capital's Kibera district")."""
    return text[place.end:place.end + 1] == "-" or any(
        s <= place.start and place.end <= e and e - s > place.end - place.start
        for s, e in named)


def _seat(towns: Sequence[Place]) -> Place | None:
    """The town named most often, at least ``SEAT_MENTIONS`` times and more than
    any other; its first mention."""
    counts = Counter((p.name, p.country) for p in towns).most_common(2)
    (key, n), rest = counts[0], counts[1:]
    if n < SEAT_MENTIONS or (rest and rest[0][1] == n):
        return None
    return next(p for p in towns if (p.name, p.country) == key)


def _placed(event: Event, seat: Place | None, towns: Sequence[Place],
            table: ActorTable) -> Event:
    """``event`` with the story's place, when it has none and the place is its parties'."""
    if event.place is not None or event.modality not in PLACED_MODALITIES:
        return event
    parties = [a for i in (*event.source, *event.target) if (a := table.by_id(i)) is not None]
    countries = {a.country for a in parties if a.country}
    body = bool(countries & NONSTATE_CODES)  # an international body acts where the story is set
    act = event.trigger.end if event.trigger else event.evidence.start
    before = next((p for p in reversed(towns) if p.start < act and p.country in countries), None)
    place = seat if seat is not None and (seat.country in countries or body) else before
    return replace(event, place=place.id, place_source=STORY) if place else event
