"""The actor dictionary: the Phoenix format, look-up by date, user files, the actor stage."""

from __future__ import annotations

import gzip
import importlib.util
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, require_shared

from eventwire.actors import dictionary as D
from eventwire.ontology import NONSTATE_CODES, SECTORS
from eventwire.pipeline import extract
from eventwire.records import Article

SNIPPET = """\
# a comment line
ARNOR_  [ARN]
+NORTH_KINGDOM_

ELENDIL_THE_TALL_  # CountryInfo.txt
+KING_ELENDIL
+ELENDIL
\t[ARNELI 720101-991231]
\t[ARNGOV >000101]
\t[ARNGOVMIL <711231] # before
ISILDUR_HEIR_
ISILDUR_SON_
\t[ARNGOV]
RANGERS_OF_THE_NORTH_ [ARNREB] # group
+DUNEDAIN_RANGERS_
---STOP---
IGNORED_ [XXX]
"""


def _states() -> frozenset[str]:
    return frozenset(D.code_tables().states) | {"ARN"}


def test_dictionary_parse_entries_synonyms_and_dates() -> None:
    entries = D.parse_phoenix(SNIPPET.splitlines(), states=_states())
    names = [e.names for e in entries]
    assert names[0] == ("arnor", "north kingdom")
    assert entries[0].kind == "country"
    elendil = entries[1]
    assert elendil.names == ("elendil the tall", "king elendil", "elendil")
    assert elendil.kind == "person" and elendil.comment == "CountryInfo.txt"
    assert [c.compact() for c in elendil.codes] == [
        "ARNELI>19720101<19991231", "ARNGOV>20000101", "ARNGOVMIL<19711231"]
    # an entry line without codes shares the next entry line's codes (as in PETRARCH)
    assert entries[2].names == ("isildur heir", "isildur son")
    assert [c.code for c in entries[2].codes] == ["ARNGOV"]
    assert entries[3].names == ("rangers of the north", "dunedain rangers")
    assert len(entries) == 4  # nothing after ---STOP---


def test_dictionary_parse_codes() -> None:
    assert D.parse_code("USAGOV >090120") == D.PhoenixCode("USAGOV", since=date(2009, 1, 20))
    assert D.parse_code("EGYGOV > 140608") == D.PhoenixCode("EGYGOV", since=date(2014, 6, 8))
    assert D.parse_code("DEUGOV 20030304-20100630") == D.PhoenixCode(
        "DEUGOV", since=date(2003, 3, 4), until=date(2010, 6, 30))
    assert D.parse_code("USAELI 780101-000101").until == date(2000, 1, 1)  # 00-30 is 20YY
    assert D.parse_code("KORGOVBUS 2004017-20061201") is None  # ends before it starts: skipped
    assert D.parse_code("---") is None
    assert D.read_code("DEUGOVEDU") == ("DEU", "GOV", ("EDU",))
    assert D.read_code("IGOUNOHLHWHO") == ("UNO", "MED", ())
    assert D.read_code("TMP") == ("TLS", None, ())
    assert D.read_code("~GOVMED") == (None, "GOV", ("JRN",))


def test_dictionary_code_table_uses_closed_vocabularies() -> None:
    t = D.code_tables()
    assert set(t.sectors.values()) - {""} <= SECTORS
    assert {c for c, _ in t.nonstate.values()} | set(t.bodies.values()) <= NONSTATE_CODES
    assert all(len(c) == 3 for c in t.states.values())


def test_dictionary_lookup_by_date() -> None:
    obama = D.lookup("Barack Obama", date(2014, 5, 1))
    assert obama is not None and (obama.country, obama.sector) == ("USA", "GOV")
    assert D.lookup("President Obama", date(2014, 5, 1)).country == "USA"  # type: ignore[union-attr]
    assert D.lookup("Barack Obama", None).sector == "GOV"  # type: ignore[union-attr]
    before = D.lookup("Barack Obama", date(2005, 1, 1))  # between his dated roles
    assert before is not None and before.former and before.sector == "ELI"
    merkel = D.lookup("Angela Merkel", date(2014, 5, 1))
    assert merkel is not None and (merkel.country, merkel.sector) == ("DEU", "GOV")
    un = D.lookup("United Nations")
    assert un is not None and un.country == "UNO"


def test_dictionary_lookup_refuses_common_and_ambiguous_words() -> None:
    assert D.lookup("police") is None
    assert D.lookup("the") is None
    assert D.shipped().lookup("Jordan", None, ("person",)) is None


def test_dictionary_agents() -> None:
    assert D.agent("soldiers") == "MIL"
    assert D.agent("police") == "COP"
    assert D.agent("villagers") == "CVL"
    assert D.agent("gunmen") == "UAF"
    assert D.agent("florp") is None


def test_dictionary_user_tsv_overrides_shipped(tmp_path: Path) -> None:
    user = tmp_path / "actors.tsv"
    user.write_text("name\tcountry\tsector\trole\tfrom\tuntil\n"
                    "Barack Obama\tUSA\tELI\tFormer President\t2017-01-20\t\n"
                    "Ana Torres\tCHL\tGOV\tPresident\t2024-03-11\t\n", encoding="utf-8")
    book = D.load_user_actors(user)
    later = book.lookup("Barack Obama", date(2018, 1, 1))
    assert later is not None and later.sector == "ELI" and later.role == "Former President"
    assert later.source == "user"
    assert book.lookup("President Obama", date(2018, 1, 1)).sector == "ELI"  # type: ignore[union-attr]
    assert book.lookup("Barack Obama", date(2014, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    torres = book.lookup("Ana Torres", date(2025, 1, 1))
    assert torres is not None and (torres.country, torres.sector) == ("CHL", "GOV")
    assert D.lookup("Ana Torres") is None  # the shipped dictionary is untouched


def test_dictionary_user_phoenix_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.actors.txt"
    user.write_text("ANA_TORRES_\n+PRESIDENT_TORRES_\n\t[CHLGOV >240311]\n", encoding="utf-8")
    book = D.load_user_actors(user)
    assert book.lookup("President Torres", date(2025, 1, 1)).country == "CHL"  # type: ignore[union-attr]
    assert book.lookup("Ana Torres", date(2020, 1, 1)).sector is None  # type: ignore[union-attr]


def test_dictionary_user_tsv_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Ana Torres\tCHL\tPRESIDENT\t\t\t\n", encoding="utf-8")
    with pytest.raises(D.DictionaryError, match="sector"):
        D.load_user_actors(bad)


def test_dictionary_build_reproduces_shipped_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source = require_shared("data", "cameo", "phoenix_dictionaries")
    spec = importlib.util.spec_from_file_location("build_actors", ROOT / "scripts" / "build_actors.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    monkeypatch.setattr(build, "DATA", tmp_path)
    assert build.main(["build_actors.py", str(source)]) == 0
    data = ROOT / "eventwire" / "data"
    for name in (D.ACTORS_FILE, D.AGENTS_FILE):
        fresh, shipped = (tmp_path / name).read_bytes(), (data / name).read_bytes()
        if name.endswith(".gz"):
            fresh, shipped = gzip.decompress(fresh), gzip.decompress(shipped)
        assert fresh == shipped, f"{name} is stale: run scripts/build_actors.py"


@pytest.mark.model
def test_dictionary_gives_leaders_their_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Barack Obama met Chancellor Angela Merkel in Berlin."
    doc = extract(Article(id="d", text=text, published=date(2014, 5, 1)), nlp)
    got = {a.name: (a.country, a.sector, a.country_source) for a in doc.actors}
    assert got["Barack Obama"] == ("USA", "GOV", "dictionary")
    assert got["Angela Merkel"] == ("DEU", "GOV", "dictionary")


@pytest.mark.model
def test_dictionary_user_file_defines_new_actors(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    user = tmp_path / "fiction.actors.txt"
    user.write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n+MINAS_TIRITH_\n", encoding="utf-8")
    text = "Arnor accused Gondor of massing troops on the border."
    doc = extract(Article(id="f", text=text, published=date(1995, 1, 1)), nlp, dictionary=user)
    got = {a.name: (a.country, a.kind, a.country_source) for a in doc.actors}
    assert got["Arnor"] == ("ARN", "country", "dictionary")
    assert got["Gondor"] == ("GON", "country", "dictionary")
    plain = extract(Article(id="f", text=text, published=date(1995, 1, 1)), nlp)
    assert all(a.country not in ("ARN", "GON") for a in plain.actors)


@pytest.mark.model
def test_dictionary_an_elite_of_no_dated_office_needs_its_state_named(nlp) -> None:  # type: ignore[no-untyped-def]
    # the shipped dictionary's John Turner held office in Canada in 1984 and is an elite of no
    # dated office after it: in a story that names Canada he is that man, in another a namesake
    def turner(text: str) -> str | None:
        doc = extract(Article(id="e", text=text, published=date(2024, 3, 14)), nlp)
        return next(a.country for a in doc.actors if a.name == "John Turner")

    assert turner("Canada's opposition met on Monday. John Turner called for calm.") == "CAN"
    assert turner("Peru's opposition met on Monday. John Turner called for calm.") != "CAN"
