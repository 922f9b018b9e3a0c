"""Targets a directed act leaves to its context (eventwire.events.implied), on records built
by hand: no model, no parse."""

from __future__ import annotations

from dataclasses import replace

from eventwire.actors import ActorTable
from eventwire.events.implied import IMPLIED_CONFIDENCE_COST, implied_parties
from eventwire.records import Actor, Event, Evidence

# three sentences of 100 characters each: [0, 100), [100, 200), [200, 300)
STARTS = (0, 100, 200)

STATE = Actor(id="bdi", name="Burundi", kind="country", country="BDI")
MINISTER = Actor(id="min", name="Interior Minister", kind="person", country="BDI", sector="GOV")
OPPOSITION = Actor(id="opp", name="opposition party", kind="organization", country="BDI",
                   sector="OPP")
POLICE = Actor(id="pol", name="police", kind="group", country="BDI", sector="COP")
STUDENTS = Actor(id="stu", name="students", kind="group", country="BDI", sector="EDU")
NEIGHBOUR = Actor(id="rwa", name="Rwanda", kind="country", country="RWA")
REPORTERS = Actor(id="jrn", name="reporters", kind="group", country="RWA", sector="JRN")
TOWN = Actor(id="twn", name="Gitega", kind="organization", country="BDI")  # a place read as a name
UN = Actor(id="un", name="United Nations", kind="organization", country="IGO", sector="GOV")


def _table(*mentions: tuple[Actor, int]) -> ActorTable:
    actors = tuple(dict.fromkeys(a for a, _ in mentions))
    spans = tuple(sorted((at, at + 5, a.id) for a, at in mentions))
    return ActorTable(actors=actors, spans=spans)


def _event(etype: str, source: tuple[str, ...], sentence: int = 2,
           target: tuple[str, ...] = (), attributed_to: str | None = None) -> Event:
    start = STARTS[sentence]
    return Event(id=f"ev-{etype}", type=etype, source=source, target=target,
                 attributed_to=attributed_to, confidence=0.6,
                 evidence=Evidence(start=start, end=start + 100, text="x" * 100))


def _target(event: Event, table: ActorTable) -> tuple[str, ...]:
    return implied_parties((event,), table, STARTS)[0].target


def test_implied_non_state_doer_aims_at_its_own_state_official_nearest_first() -> None:
    table = _table((OPPOSITION, 210), (MINISTER, 120), (STATE, 20))
    assert _target(_event("ACCUSE", ("opp",)), table) == ("min",)


def test_implied_non_state_doer_falls_back_on_its_own_state() -> None:
    table = _table((OPPOSITION, 210), (STATE, 20), (NEIGHBOUR, 150))
    assert _target(_event("PROTEST", ("opp",)), table) == ("bdi",)


def test_implied_state_doer_aims_abroad_when_another_state_is_named_there() -> None:
    table = _table((POLICE, 210), (STUDENTS, 220), (NEIGHBOUR, 130))
    assert _target(_event("THREATEN", ("pol",)), table) == ("rwa",)


def test_implied_state_doer_at_home_aims_at_its_own_non_state_group() -> None:
    # "police scattered the students ... and detained a dozen of them"
    table = _table((POLICE, 210), (STUDENTS, 150), (STATE, 20))
    assert _target(_event("COERCE", ("pol",)), table) == ("stu",)


def test_implied_state_doer_with_nothing_near_falls_back_on_its_state() -> None:
    table = _table((POLICE, 210), (STATE, 20))
    assert _target(_event("COERCE", ("pol",)), table) == ("bdi",)


def test_implied_a_government_body_never_aims_at_its_own_state() -> None:
    # "Burundi's interior minister condemned the drills": the aim is not told, and is not Burundi
    table = _table((MINISTER, 210), (STATE, 20))
    assert _target(_event("ACCUSE", ("min",)), table) == ()
    assert _target(_event("REQUEST", ("min",)), table) == ()


def test_implied_state_forces_never_attack_their_own_state() -> None:
    # "police opened fire" with nothing near: whom they fired at is not told
    table = _table((POLICE, 210), (STATE, 20))
    assert _target(_event("ASSAULT", ("pol",)), table) == ()


def test_implied_window_is_the_sentence_and_the_one_before() -> None:
    # the students are two sentences back: out of reach; nothing else fits
    table = _table((POLICE, 210), (STUDENTS, 50))
    assert _target(_event("COERCE", ("pol",)), table) == ()


def test_implied_never_the_press_a_place_read_as_a_name_nor_the_reporter() -> None:
    table = _table((POLICE, 210), (REPORTERS, 150), (TOWN, 160), (MINISTER, 170), (STATE, 20))
    # reporters (press), Gitega (no sector) and the minister who reports the act are left out
    assert _target(_event("COERCE", ("pol",), attributed_to="min"), table) == ("bdi",)


def test_implied_leaves_stated_targets_undirected_types_and_several_doers() -> None:
    table = _table((OPPOSITION, 210), (POLICE, 220), (MINISTER, 150), (STATE, 20))
    assert _target(_event("ACCUSE", ("opp",), target=("pol",)), table) == ("pol",)
    assert _target(_event("CONSULT", ("opp",)), table) == ()
    assert _target(_event("AGREE", ("opp",)), table) == ()
    # "police clashed with the opposition": parties of one fight, no target
    assert _target(_event("ASSAULT", ("opp", "pol")), table) == ()


def test_implied_international_body_acts_on_the_state_named_there() -> None:
    table = _table((UN, 210), (MINISTER, 150), (STUDENTS, 160), (STATE, 20))
    assert _target(_event("REQUEST", ("un",)), table) == ("min",)
    # no state named in the window: nobody in particular
    table = _table((UN, 210), (STUDENTS, 160), (STATE, 20))
    assert _target(_event("REQUEST", ("un",)), table) == ()


def test_implied_target_costs_confidence() -> None:
    table = _table((OPPOSITION, 210), (MINISTER, 150))
    stated = _event("ACCUSE", ("opp",))
    implied = implied_parties((stated,), table, STARTS)[0]
    assert implied.target == ("min",)
    assert implied.confidence == round(stated.confidence - IMPLIED_CONFIDENCE_COST, 3)


def test_implied_a_state_is_never_the_target_of_its_own_act() -> None:
    # "Burundi beefed up security": nothing near, and the state itself is the doer
    table = _table((STATE, 210), (OPPOSITION, 20))
    assert _target(_event("MOBILIZE", ("bdi",)), table) == ()


def test_implied_non_state_doer_without_its_state_named_takes_its_nearest_official() -> None:
    # the article names no actor for the state itself, but a state official elsewhere
    table = _table((OPPOSITION, 210), (MINISTER, 40), (POLICE, 5))
    assert _target(_event("PROTEST", ("opp",)), table) == ("min",)
    # a name the article does not place (no sector) is not aimed at an official far away
    unplaced = Actor(id="unk", name="Jo Doe", kind="person", country="BDI")
    table = _table((unplaced, 210), (MINISTER, 40))
    assert _target(_event("PROTEST", ("unk",)), table) == ()


def _source(event: Event, table: ActorTable) -> tuple[str, ...]:
    return implied_parties((event,), table, STARTS)[0].source


REBELS = Actor(id="reb", name="rebels", kind="group", country="BDI", sector="REB")


def test_implied_force_on_civilians_is_their_states_security_forces() -> None:
    # "Police blocked the march. Tear gas was fired at the students."
    table = _table((POLICE, 120), (STUDENTS, 230), (STATE, 20))
    assert _source(_event("ASSAULT", (), target=("stu",)), table) == ("pol",)


def test_implied_force_on_state_forces_is_an_armed_group_or_another_state() -> None:
    table = _table((REBELS, 130), (POLICE, 230), (STUDENTS, 150))
    assert _source(_event("ASSAULT", (), target=("pol",)), table) == ("reb",)
    table = _table((NEIGHBOUR, 130), (POLICE, 230), (STUDENTS, 150))
    assert _source(_event("ASSAULT", (), target=("pol",)), table) == ()  # a state is no force
    army = Actor(id="rwa-mil", name="Rwandan army", kind="group", country="RWA", sector="MIL")
    table = _table((army, 130), (POLICE, 230))
    assert _source(_event("ASSAULT", (), target=("pol",)), table) == ("rwa-mil",)


def test_implied_doer_only_for_force_and_only_from_the_window() -> None:
    table = _table((POLICE, 20), (STUDENTS, 230))  # police two sentences back
    assert _source(_event("ASSAULT", (), target=("stu",)), table) == ()
    table = _table((POLICE, 120), (STUDENTS, 230))
    assert _source(_event("ACCUSE", (), target=("stu",)), table) == ()
    found = implied_parties((_event("COERCE", (), target=("stu",)),), table, STARTS)[0]
    assert found.source == ("pol",) and found.confidence < 0.6


def test_implied_doer_is_a_force_not_an_office_or_a_state() -> None:
    # "A bomb went off outside the ministry, killing students": the ministry is no doer
    table = _table((MINISTER, 120), (STATE, 130), (STUDENTS, 230))
    assert _source(_event("ASSAULT", (), target=("stu",)), table) == ()


def test_implied_a_sanction_on_the_doers_own_envoy_is_aimed_at_the_host_state() -> None:
    # "Rwanda complained of Burundi. Rwanda recalled its ambassador."
    envoy = Actor(id="amb", name="Jo Doe", kind="person", country="RWA", sector="GOV",
                  role="Ambassador")
    table = _table((STATE, 110), (NEIGHBOUR, 210), (envoy, 230))
    assert _target(_event("SANCTION", ("rwa",), target=("amb",)), table) == ("bdi",)
    # a sanction on one's own minister is a domestic act and stays as told
    own_minister = Actor(id="rmin", name="Ann Roe", kind="person", country="RWA", sector="GOV",
                         role="Interior Minister")
    table = _table((STATE, 110), (NEIGHBOUR, 210), (own_minister, 230))
    assert _target(_event("SANCTION", ("rwa",), target=("rmin",)), table) == ("rmin",)


def test_implied_an_unspecified_promise_is_made_to_another_state() -> None:
    table = _table((MINISTER, 210), (NEIGHBOUR, 130), (STATE, 20))
    promise = replace(_event("AGREE", ("min",)), cameo="030")
    assert _target(promise, table) == ("rwa",)
    # never to its own state, and an intent to meet (036) keeps no target
    assert _target(promise, _table((MINISTER, 210), (STATE, 150))) == ()
    assert _target(replace(promise, cameo="036"), table) == ()


def test_implied_forces_are_not_mobilised_against_their_own_state() -> None:
    army = Actor(id="arm", name="army", kind="organization", country="BDI", sector="MIL")
    assert _target(_event("MOBILIZE", ("arm",)), _table((army, 210), (STATE, 20))) == ()


def test_implied_officials_and_forces_of_one_state_are_one_doer_but_two_sides_are_not() -> None:
    army = Actor(id="army", name="army", kind="organization", country="BDI", sector="MIL")
    crowd = Actor(id="cro", name="protesters", kind="group", country="BDI", sector="CVL",
                  role="Protester")
    table = _table((POLICE, 210), (army, 220), (crowd, 120))
    assert _target(_event("MOBILIZE", ("pol", "army")), table) == ("cro",)
    rebels = Actor(id="reb", name="rebels", kind="group", country="BDI", sector="REB")
    table = _table((army, 210), (rebels, 220), (STUDENTS, 120))
    assert _target(_event("ASSAULT", ("army", "reb")), table) == ()  # a clash: parties
    table = _table((STUDENTS, 210), (OPPOSITION, 220), (MINISTER, 120))
    assert _target(_event("PROTEST", ("stu", "opp")), table) == ()  # groups may be two sides


def test_implied_forces_sent_in_at_home_face_a_crowd_or_who_protests_not_any_party() -> None:
    army = Actor(id="arm", name="army", kind="organization", country="BDI", sector="MIL")
    crowd = Actor(id="cro", name="demonstrators", kind="group", country="BDI", sector="CVL",
                  role="Protester")
    table = _table((army, 210), (crowd, 230), (OPPOSITION, 260))
    assert _target(_event("MOBILIZE", ("arm",)), table) == ("cro",)
    # a party named nearby (whose leader's arrest set off the unrest) is not what troops face
    assert _target(_event("MOBILIZE", ("arm",)), _table((army, 210), (OPPOSITION, 260))) == ()
    # but those who protest in the article are, whatever their role
    marching = replace(_event("PROTEST", ("stu",), sentence=1), target=("bdi",))
    table = _table((STATE, 20), (STUDENTS, 120), (army, 210))
    out = implied_parties((marching, _event("MOBILIZE", ("arm",))), table, STARTS)
    assert out[1].target == ("stu",)
    # another act than a deployment still aims at the party
    assert _target(_event("COERCE", ("arm",)), _table((army, 210), (OPPOSITION, 260))) == ("opp",)


def test_implied_forces_used_abroad_face_the_other_state_not_its_official() -> None:
    army = Actor(id="arm", name="army", kind="organization", country="BDI", sector="MIL")
    envoy = Actor(id="env", name="Jean Habimana", kind="person", country="RWA", sector="GOV")
    table = _table((NEIGHBOUR, 20), (envoy, 150), (army, 210))
    assert _target(_event("MOBILIZE", ("arm",)), table) == ("rwa",)
    # with no actor for that state, the official still says whom
    assert _target(_event("MOBILIZE", ("arm",)), _table((envoy, 150), (army, 210))) == ("env",)
    # other acts keep the official named nearest
    assert _target(_event("ACCUSE", ("arm",)), table) == ("env",)


def test_implied_forces_do_not_withdraw_from_their_own_state() -> None:
    army = Actor(id="arm", name="army", kind="organization", country="BDI", sector="MIL")
    assert _target(_event("RETREAT", ("arm",)), _table((army, 210), (STATE, 20))) == ()
