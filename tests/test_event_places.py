"""The story's place (eventwire.events.placing) on records built by hand: no model, no parse;
and end to end, the place an act told without one takes (``model``)."""

from __future__ import annotations

import pytest
import spacy

from eventwire.actors import ActorTable
from eventwire.events.placing import SENTENCE, STORY, story_places
from eventwire.records import Actor, Event, Evidence, Place, Span

BLANK = spacy.blank("en")
# a text of four 100-character sentences: [0, 100), [100, 200), [200, 300), [300, 400)
TEXT = "x" * 400
POLICE = Actor(id="pol", name="police", kind="group", country="KEN", sector="COP")
CROWD = Actor(id="pro", name="protesters", kind="group", country="KEN", sector="CVL")
ENVOY = Actor(id="env", name="envoy", kind="person", country="TZA", sector="GOV")
BLOC = Actor(id="bloc", name="East African Community", kind="organization", country="IGO")
CAPITAL = Actor(id="gov", name="Kenya", kind="country", country="KEN")


def _place(pid: str, name: str, at: int, country: str = "KEN", feature: str = "city") -> Place:
    return Place(id=pid, start=at, end=at + len(name), text=name, name=name, country=country,
                 lat=0.0, lon=0.0, feature=feature)


def _event(source: tuple[str, ...], sentence: int, target: tuple[str, ...] = (),
           modality: str = "asserted", place: str | None = None, trigger: int | None = None
           ) -> Event:
    start = 100 * sentence
    return Event(id=f"ev{sentence}{source}", type="ASSAULT", source=source, target=target,
                 modality=modality, place=place, place_source=SENTENCE if place else None,
                 trigger=Span(start=trigger, end=trigger + 5) if trigger is not None else None,
                 evidence=Evidence(start=start, end=start + 100, text=TEXT[start:start + 100]))


def _table(*mentions: tuple[Actor, int]) -> ActorTable:
    actors = tuple(dict.fromkeys(a for a, _ in mentions))
    return ActorTable(actors=actors, spans=tuple(sorted((at, at + 5, a.id) for a, at in mentions)))


def _placed(events: tuple[Event, ...], places: tuple[Place, ...], table: ActorTable,
            text: str = TEXT) -> list[tuple[str | None, str | None]]:
    doc = BLANK(text)  # tokens only: the rule reads no parse
    return [(e.place, e.place_source) for e in story_places(events, doc, places, table)]


TABLE = _table((POLICE, 110), (CROWD, 130), (ENVOY, 310), (BLOC, 320))


def test_event_places_an_act_without_a_place_takes_the_town_named_twice() -> None:
    places = (_place("k1", "Kisumu", 50), _place("k2", "Kisumu", 250), _place("n", "Nakuru", 150))
    events = (_event(("pol",), 3, ("pro",)),)
    assert _placed(events, places, TABLE) == [("k1", STORY)]


def test_event_places_else_the_nearest_town_named_before_it() -> None:
    places = (_place("n", "Nakuru", 150), _place("m", "Mombasa", 250), _place("e", "Eldoret", 350))
    events = (_event(("pol",), 3, ("pro",)), _event(("pol",), 1))
    assert _placed(events, places, TABLE) == [("m", STORY), (None, None)]  # none before 100


def test_event_places_a_town_of_its_own_sentence_before_the_act_counts() -> None:
    places = (_place("n", "Nakuru", 150), _place("m", "Mombasa", 330), _place("e", "Eldoret", 370))
    events = (_event(("pol",), 3, ("pro",), trigger=350),)  # Mombasa before, Eldoret after
    assert _placed(events, places, TABLE) == [("m", STORY)]


def test_event_places_a_town_of_another_state_is_not_carried() -> None:
    places = (_place("d1", "Dodoma", 50, "TZA"), _place("d2", "Dodoma", 250, "TZA"))
    events = (_event(("pol",), 3, ("pro",)), _event(("env",), 3))
    assert _placed(events, places, TABLE) == [(None, None), ("d1", STORY)]


def test_event_places_an_international_body_acts_at_the_seat_only() -> None:
    seat = (_place("a1", "Arusha", 50, "TZA"), _place("a2", "Arusha", 150, "TZA"))
    assert _placed((_event(("bloc",), 3),), seat, TABLE) == [("a1", STORY)]
    once = (_place("a1", "Arusha", 50, "TZA"),)
    assert _placed((_event(("bloc",), 3),), once, TABLE) == [(None, None)]


def test_event_places_countries_provinces_regions_and_tied_towns_are_no_seat() -> None:
    places = (_place("c1", "Kenya", 20, feature="country"), _place("c2", "Kenya", 60, feature="country"),
              _place("r", "Rift Valley", 150, feature="region"),
              _place("p1", "Nyanza", 160, feature="admin"), _place("p2", "Nyanza", 170, feature="admin"),
              _place("k1", "Kisumu", 210), _place("n1", "Nakuru", 220), _place("k2", "Kisumu", 230),
              _place("n2", "Nakuru", 240))
    events = (_event(("pol",), 2, ("pro",)),)  # Kisumu and Nakuru tie; none before sentence 2
    assert _placed(events, places, TABLE) == [(None, None)]


def test_event_places_a_placed_denied_or_hypothetical_act_keeps_what_it_has() -> None:
    places = (_place("k1", "Kisumu", 50), _place("k2", "Kisumu", 150), _place("m", "Mombasa", 250))
    events = (_event(("pol",), 3, place="m"), _event(("pol",), 3, modality="negated"),
              _event(("pol",), 3, modality="hypothetical"), _event(("pol",), 3, modality="intended"))
    assert _placed(events, places, TABLE) == [("m", SENTENCE), (None, None), (None, None),
                                              ("k1", STORY)]


def test_event_places_the_dateline_counts_for_the_seat_but_is_not_the_nearest_town() -> None:
    text = "NAKURU (Reuters) - " + "x" * 381
    dateline = Place(id="d", start=0, end=6, text="NAKURU", name="Nakuru", country="KEN",
                     lat=0.0, lon=0.0, feature="city")
    places = (dateline, _place("m", "Mombasa", 150))
    seat = (dateline, _place("n", "Nakuru", 250))
    events = (_event(("pol",), 1, ("pro",)), _event(("pol",), 3, ("pro",)))
    assert _placed(events, places, TABLE, text) == [(None, None), ("m", STORY)]
    assert _placed(events, seat, TABLE, text) == [("d", STORY), ("d", STORY)]


def test_event_places_a_town_in_a_compound_word_or_a_body_name_is_not_carried() -> None:
    text = "x" * 50 + "Nairobi-based" + "x" * 87 + "the Nairobi Bank" + "x" * 234
    places = (_place("s", "Nairobi", 50), _place("b", "Nairobi", 154))
    bank = Actor(id="bank", name="Nairobi Bank", kind="organization", country="KEN")
    table = ActorTable(actors=(POLICE, bank), spans=((150, 166, "bank"), (310, 315, "pol")))
    assert _placed((_event(("pol",), 3),), places, table, text) == [(None, None)]


def test_event_places_a_capital_acting_for_its_state_is_no_nearest_town() -> None:
    places = (_place("n", "Nairobi", 150),)
    table = _table((CAPITAL, 150), (POLICE, 310))
    assert _placed((_event(("pol",), 3),), places, table) == [(None, None)]


@pytest.mark.model
def test_event_places_end_to_end_a_later_act_happens_where_the_story_is() -> None:
    from eventwire.pipeline import extract
    from eventwire.records import Article

    text = ("Police fired tear gas at hundreds of protesters in Kisumu on Tuesday. The crowd "
            "had gathered outside the governor's office in Kisumu since dawn. Officers later "
            "arrested twelve demonstrators, a police spokesman said.")
    doc = extract(Article(id="kis", text=text))
    places = {p.id: p.name for p in doc.places}
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert (places.get(arrest.place), arrest.place_source) == ("Kisumu", STORY)
    first = next(e for e in doc.events if e.type == "ASSAULT")
    assert first.place_source == SENTENCE
