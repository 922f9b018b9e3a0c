"""The lexicons are data reviewed like code: every row must use valid codes."""

from __future__ import annotations

import re

import pytest
from conftest import require_shared

from eventwire.lexicon import Lexicon, lexicon
from eventwire.ontology import CONTEXTS, MODES, NONSTATE_CODES, SECTORS, EventType


def test_lexicon_event_rows_use_plover_and_cameo_codes():
    lex: Lexicon = lexicon()
    rows = [t for triggers in lex.triggers.values() for t in triggers]
    assert len(rows) > 1000
    types = {t.value for t in EventType}
    for trig in rows:
        assert trig.type in types, trig
        assert trig.mode is None or trig.mode in MODES.get(trig.type, frozenset()) or \
            trig.mode in {"return", "political"}, trig  # two crosswalk-era modes kept
        assert all(c in CONTEXTS for c in trig.context), trig
        assert trig.cameo is None or re.fullmatch(r"\d{3,4}", trig.cameo), trig
    assert {t.type for t in rows} == types  # all 16 types have triggers


def test_lexicon_titles_and_organisations_use_plover_sectors():
    lex = lexicon()
    for title in lex.titles.values():
        assert title.sector is None or title.sector in SECTORS, title
        assert all(s in SECTORS for s in title.other_sectors), title
        assert title.kind in ("person", "group", "organization"), title
    for org in list(lex.organisations.values()) + list(lex.seats.values()):
        assert org.country is None or org.country in NONSTATE_CODES or org.country in lex.countries, org
        assert org.sector is None or org.sector in SECTORS, org


def test_lexicon_country_lookups():
    lex = lexicon()
    assert lex.country_code("France's") == "FRA"
    assert lex.country_code("Azerbaijani") == "AZE"
    assert lex.capitals["yerevan"] == "ARM"
    assert lex.country_code("Georgia") == "GEO"
    assert lex.organisation("the United Nations").country == "UNO"


def test_lexicon_requires_and_flags_are_a_closed_vocabulary():
    """Every flag is known; every requirement parses and can take effect on its row."""
    from eventwire.lexicon import NEED_KINDS, TRIGGER_FLAGS, parse_flags, parse_requires
    from eventwire.ontology import INTENT_CAMEO

    rows = [t for triggers in lexicon().triggers.values() for t in triggers]
    assert any(t.requires for t in rows) and any(t.flags for t in rows)
    for trig in rows:
        assert trig.flags <= TRIGGER_FLAGS, trig
        assert trig.origin in ("hand", "cameo"), trig
        for alt in trig.requires:
            for need in alt:
                assert need.kind in NEED_KINDS, trig
                # one word each: the matcher compares one head word (a phrase never matches)
                assert all(re.fullmatch(r"[a-z-]+", w) for w in need.words), trig
                # a noun's objects are its prepositions' objects, never its own dobj
                assert not (need.kind == "object" and need.words and trig.pos == "NOUN"), trig
        if "reversed" in trig.flags:
            assert trig.pos == "VERB", trig  # the giver is the verb's "from" object
        if "intent_when_future" in trig.flags:
            assert trig.type in INTENT_CAMEO, trig  # only these recode a future act
    assert parse_requires("object+to_inf or prep:for")[0][1].kind == "to_inf"
    assert parse_requires("prep:to=place")[0][0].place
    assert parse_requires("prep:with or joint")[1][0].kind == "joint"
    for bad in ("NP", "object:", "prep", "to_inf:x", "object=place", "requires object: aid", "joint:x"):
        with pytest.raises(ValueError):
            parse_requires(bad)
    with pytest.raises(ValueError):
        parse_flags("reversed,actor object")


def test_lexicon_hand_rows_win_over_imported_ones():
    lex = lexicon()
    phrases = {(t.phrase, t.pos): t for ts in lex.triggers.values() for t in ts if t.origin == "hand"}
    imported = [t for ts in lex.triggers.values() for t in ts if t.origin == "cameo"]
    assert imported
    assert not any((t.phrase, t.pos) in phrases for t in imported)


def test_build_event_verbs_reproduces_the_shipped_file():
    require_shared("data", "cameo", "phoenix_dictionaries", "CAMEO.2.0.txt")
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_event_verbs.py"
    spec = importlib.util.spec_from_file_location("build_event_verbs", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(module.build()) == module.OUT.read_text(encoding="utf-8")


def _doc(words, heads, deps, pos, lemmas):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_imported_trigger_fires_and_hand_row_wins():
    from eventwire.events.triggers import _match

    # "The minister mocked the president": "mock" + target is an imported CAMEO pattern only
    doc = _doc(["The", "minister", "mocked", "the", "president"], [1, 2, 2, 4, 2],
               ["det", "nsubj", "ROOT", "det", "dobj"], ["DET", "NOUN", "VERB", "DET", "NOUN"],
               ["the", "minister", "mock", "the", "president"])
    trig = _match(doc[2])
    assert trig is not None and trig.origin == "cameo" and trig.type == "ACCUSE"
    assert "actor_object" in trig.flags
    # "They attacked the army": a hand row for "attack" wins over any imported attack pattern
    doc = _doc(["They", "attacked", "the", "army"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "det", "dobj"], ["PRON", "VERB", "DET", "NOUN"],
               ["they", "attack", "the", "army"])
    trig = _match(doc[1])
    assert trig is not None and trig.origin == "hand"


def _trigger_types(text: str, nlp: object) -> dict[str, tuple[str, str | None]]:
    """Each matched token's text -> (type, cameo) of its trigger row."""
    from eventwire.events.triggers import _match

    out = {}
    for tok in nlp(text):  # type: ignore[operator]
        trig = _match(tok)
        if trig is not None:
            out[tok.text] = (trig.type, trig.cameo)
    return out


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Chile expanded trade with Vietnam last year.", "expanded", ("COOPERATE", "061")),
    ("The president inaugurated projects built with Korean loans.", "inaugurated",
     ("COOPERATE", "061")),
    ("Japan sent warships toward the disputed islands.", "sent", ("MOBILIZE", "154")),
    ("Tanks massed along the border with Armenia.", "massed", ("MOBILIZE", "154")),
    ("The navy cancelled leave for all sailors.", "cancelled", ("MOBILIZE", "154")),
    ("The army moved missiles closer to the frontier.", "moved", ("MOBILIZE", "150")),
    ("Soldiers took up positions around the airport.", "took", ("MOBILIZE", "154")),
    ("Sudan allowed monitors to enter Darfur.", "allowed", ("RETREAT", "086")),
    ("Ukraine allowed foreign observers to visit the plant.", "allowed", ("RETREAT", "086")),
    ("Both sides said they would respect the truce.", "respect", ("RETREAT", "0871")),
    ("Qatar and Egypt appointed ambassadors after a long rift.", "appointed",
     ("SUPPORT", "050")),
    ("The kingdom provided a deposit to Pakistan's central bank.", "provided", ("AID", "071")),
    ("The bank's board approved a loan for Jordan.", "approved", ("AID", "071")),
    ("The ministry will deliver flour to the border towns.", "deliver", ("AID", "070")),
    ("Farmers gathered outside the ministry in Lima.", "gathered", ("PROTEST", "141")),
    ("Dockers started a strike at the port.", "started", ("PROTEST", "143")),
    ("Two prisoners began a hunger strike.", "began", ("PROTEST", "142")),
    ("Taxi drivers blocked the main avenue for hours.", "blocked", ("PROTEST", "144")),
    ("Mali left the bloc in January.", "left", ("SANCTION", "166")),
    ("Ankara suspended a grain deal with Moscow.", "suspended", ("SANCTION", "160")),
    ("The two rivals struck a pact on water sharing.", "struck", ("AGREE", "030")),
    ("Police held the journalist for two days.", "held", ("COERCE", "173")),
    ("Police carried out searches in three towns.", "carried", ("COERCE", "1711")),
    ("Riot police used stun grenades and tear gas on the crowd.", "used", ("ASSAULT", "175")),
    ("Gunmen burnt houses in the village.", "burnt", ("ASSAULT", "1712")),
])
def test_lexicon_rows_by_type_fire(text: str, word: str, expected: tuple[str, str],
                                   nlp: object) -> None:
    assert _trigger_types(text, nlp).get(word) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), [
    ("The fund holds deposits worth two billion dollars.", "holds"),
    ("The ministers held a joint press conference.", "held"),
    ("Brazil beat Peru 3-1 on Sunday.", "beat"),
    ("Thousands of tourists left the country after the storm.", "left"),
])
def test_lexicon_general_verbs_need_their_political_objects(text: str, word: str,
                                                            nlp: object) -> None:
    assert word not in _trigger_types(text, nlp)


def test_build_event_verbs_keeps_into_for_moving_forces():
    from eventwire.lexicon import lexicon

    moves = [t for t in lexicon().triggers.get("move", []) if t.origin == "cameo"
             and t.cameo == "192" and len(t.phrase) > 1 and t.phrase[1] != "into"]
    assert moves and all(any(n.kind == "prep" and n.words == ("into",) for alt in t.requires
                             for n in alt) for t in moves)


def test_trigger_idioms_are_built_on_trigger_words():
    from eventwire.events.triggers import idioms

    table = idioms()
    assert table
    lex = lexicon()
    for (head, pos), rests in table.items():
        assert pos in ("VERB", "NOUN"), (head, pos)
        assert all(rests), head  # an idiom is longer than its trigger word
        assert any(t.pos == pos for t in lex.triggers.get(head, [])), (head, pos)


@pytest.mark.model
@pytest.mark.parametrize(("text", "word"), [
    ("The two ministers struck a conciliatory tone after the vote.", "struck"),
    ("The general spoke at a press conference in the capital.", "conference"),
    ("The currency hit a ten-year low against the euro.", "hit"),
    ("The band released a live album in March.", "released"),
    ("The senator launched her reelection campaign on Monday.", "launched"),
    ("Leaders gathered in the square for a photograph, then left.", "left"),
    ("The group is well funded and heavily armed.", "funded"),
    ("Exports are expected to grow as farmers export more grain this season.", "export"),
])
def test_lexicon_idioms_and_loose_senses_give_no_trigger(text: str, word: str,
                                                        nlp: object) -> None:
    assert word not in _trigger_types(text, nlp)


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Iran released two French prisoners on Friday.", "released", ("RETREAT", "0841")),
    ("Fighter jets struck targets near the border.", "struck", ("ASSAULT", "190")),
    ("Regional leaders gathered for an emergency summit.", "gathered", ("CONSULT", "040")),
    ("Brazil exports soya to China.", "exports", ("COOPERATE", "061")),
])
def test_lexicon_idioms_leave_the_political_sense(text: str, word: str,
                                                  expected: tuple[str, str],
                                                  nlp: object) -> None:
    assert _trigger_types(text, nlp).get(word) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Rwanda broke diplomatic relations with Belgium.", "broke", ("SANCTION", "161")),
    ("France will provide Chad with armoured vehicles.", "provide", ("AID", "070")),
    ("The emirate deposited two billion dollars in Egypt's central bank.", "deposited",
     ("AID", "071")),
    ("The authorities blocked the internet across the province.", "blocked",
     ("COERCE", "1721")),
    ("Rebel fighters occupied the town after a week of shelling.", "occupied",
     ("COERCE", "192")),
    ("Militiamen burned down a mosque in the district.", "burned", ("ASSAULT", "1712")),
])
def test_lexicon_rows_relations_deposits_internet_occupation(text: str, word: str,
                                                             expected: tuple[str, str],
                                                             nlp: object) -> None:
    assert _trigger_types(text, nlp).get(word) == expected


@pytest.mark.model
def test_lexicon_departure_ordered_and_needs_recognised(nlp: object) -> None:
    assert _trigger_types("The junta ordered the departure of the French envoy.", nlp).get(
        "ordered") == ("SANCTION", "166")
    assert "recognised" not in _trigger_types(
        "The ministers recognised the need for closer ties.", nlp)
    assert _trigger_types("Ghana recognised the new government in Niamey.", nlp).get(
        "recognised") == ("SUPPORT", "054")


@pytest.mark.model
def test_lexicon_insisting_on_is_a_demand_insisting_that_an_assertion(nlp: object) -> None:
    assert _trigger_types("The union insisted on the release of its leader.", nlp).get(
        "insisted") == ("REQUEST", "100")
    assert "insisted" not in _trigger_types(
        "The minister insisted the strikes would end soon.", nlp)
