"""The PLOVER gold adapter's scoring, on hand-made documents (no model)."""

from __future__ import annotations

from eventwire.evaluate.plover import (
    country_table,
    gold_code,
    gold_sector,
    report_outcomes,
    score_sentence,
)
from eventwire.records import Actor, Article, Document, Event, Evidence

TABLE = {"FRA": "FRA", "DEU": "DEU", "TLS": "TLS", "TMP": "TLS", "JPN": "JPN"}


def _doc(types: list[str], actors: list[Actor]) -> Document:
    ev = Evidence(start=0, end=4, text="text")
    return Document(article=Article(id="a", text="text"), actors=tuple(actors),
                    events=tuple(Event(id=f"e{i}", type=t, evidence=ev) for i, t in enumerate(types)))


def test_evaluate_plover_gold_code_normalises():
    assert gold_code("TMP", TABLE) == "TLS"
    assert gold_code("JAP", TABLE) == "JPN"
    assert gold_code("igo", TABLE) == "IGO"
    assert gold_code("XYZ", TABLE) is None


def test_evaluate_plover_gold_sector_reads_prefix():
    assert gold_sector("CVLalb") == "CVL"
    assert gold_sector("CIV") == "CVL"
    assert gold_sector("***") is None
    assert gold_sector("") is None


def test_evaluate_plover_country_table_maps_cameo_codes():
    table = country_table()
    assert table["FRA"] == "FRA"
    assert table.get("TMP") == "TLS"


def test_evaluate_plover_types_and_actors():
    record = {"id": "r1", "event": "ASSAULT",
              "actor": [{"text": "French troops", "code": "FRA", "sector": "MIL"}],
              "recipient": [{"text": "Germany", "code": "DEU", "sector": ""},
                            {"text": "U.N.", "code": "IGO", "sector": ""}]}
    actors = [Actor(id="a1", name="France", kind="country", country="FRA", sector="GOV",
                    other_sectors=("MIL",)),
              Actor(id="a2", name="United Nations", kind="organization", country="UNO")]
    out = score_sentence(record, _doc(["ASSAULT", "THREATEN", "ASSAULT"], actors), TABLE)
    assert out.type_hit and out.produced_types == ("ASSAULT", "THREATEN")
    assert [a.found for a in out.actors] == [True, False, True]
    assert out.actors[0].sector_ok is True
    miss = score_sentence({"id": "r2", "event": "AGREE", "actor": [], "recipient": []},
                          _doc(["THREATEN"], []), TABLE)
    report = report_outcomes([out, miss])
    assert report.metric("type_hit_share") == 0.5
    assert report.metric("actor_country_recall") == 2 / 3
    assert report.metric("actor_sector_agreement") == 1.0
    rows = {s.name: s for s in report.scores}
    assert (rows["type_ASSAULT"].tp, rows["type_ASSAULT"].fp, rows["type_ASSAULT"].fn) == (1, 0, 0)
    assert (rows["type_THREATEN"].tp, rows["type_THREATEN"].fp) == (0, 2)
    assert rows["type_AGREE"].fn == 1
    assert abs(report.metric("type_macro_f1") - 1 / 16) < 1e-9
