"""The lexicons are data reviewed like code: every row must use valid codes."""

from __future__ import annotations

import re

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
