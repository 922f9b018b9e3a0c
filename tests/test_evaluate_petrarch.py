"""The PETRARCH unit-test adapter's scoring, on hand-made documents (no model), and the real run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require_shared

from eventwire.evaluate import GOLD_SETS, run_gold_set
from eventwire.evaluate.petrarch import (
    DATA,
    actor_codes,
    read_records,
    report_petrarch,
    score_petrarch,
    section_key,
)
from eventwire.records import Actor, Article, Document, Event, Evidence

EV = Evidence(start=0, end=4, text="text")
ARNOR = Actor(id="a1", name="Arnor", kind="country", country="ARN", cameo="ARN")
GONDOR = Actor(id="a2", name="Gondor", kind="country", country="GON", cameo="GON")
ETHIOPIA = Actor(id="a3", name="Ethiopia", kind="country", country="ETH", sector="GOV",
                 cameo="ETHGOV")
OFFICIALS = Actor(id="a4", name="officials", kind="group", sector="GOV")
ERIADOR = Actor(id="a5", name="Eriador", kind="organization")  # a name the file knows, uncoded


def _doc(actors: tuple[Actor, ...], *events: tuple[str | None, tuple[str, ...], tuple[str, ...]]
         ) -> Document:
    return Document(article=Article(id="a", text="text"), actors=actors,
                    events=tuple(Event(id=f"e{i}", type="CONSULT", cameo=c, source=s, target=t,
                                       evidence=EV) for i, (c, s, t) in enumerate(events)))


def _record(rid: str, *events: tuple[str, str, str], section: str = "BASIC TESTS",
            cameo: bool = True) -> dict[str, object]:
    return {"id": rid, "section": section, "all_codes_in_cameo": cameo,
            "events": [{"source": s, "target": t, "code": c} for s, t, c in events]}


def test_evaluate_petrarch_actor_codes_as_cameo_writes_them():
    assert actor_codes(ARNOR) == {"ARN", '"ARNOR"'}
    assert {"ETH", "ETHGOV"} <= actor_codes(ETHIOPIA)  # a state named as such: its bare code
    assert {"---GOV"} <= actor_codes(OFFICIALS)
    agency = Actor(id="x", name="Gondor police", kind="organization", country="GON", sector="COP",
                   other_sectors=("MIL",), cameo="GONCOP")
    assert {"GONCOP", "GONCOPMIL"} <= actor_codes(agency) and "GON" not in actor_codes(agency)


def test_evaluate_petrarch_dyad_and_root_of_one_event():
    actors = (ARNOR, GONDOR)
    hit = score_petrarch(_record("1", ("ARN", "GON", "064")), _doc(actors, ("0641", ("a1",), ("a2",))))
    assert hit.dyad_root and hit.parts == {"dyad", "root", "source", "target"} and not hit.reasons
    # right dyad, other root: the closest event explains the miss
    root = score_petrarch(_record("2", ("ARN", "GON", "064")), _doc(actors, ("050", ("a1",), ("a2",))))
    assert not root.dyad_root and root.parts == {"dyad", "source", "target"}
    assert root.reasons == ("root: differs",) and root.root_miss == ("06", "05")
    # the parts must come together in one event
    split = score_petrarch(_record("3", ("ARN", "GON", "064")),
                           _doc(actors, ("064", ("a1",), ()), ("190", (), ("a2",))))
    assert not split.dyad_root and split.parts == {"root", "source", "target"}


def test_evaluate_petrarch_open_sides_and_miss_reasons():
    # require_dyad=false: "officials said" is ---GOV with no target
    said = score_petrarch(_record("1", ("---GOV", "---", "023")),
                          _doc((OFFICIALS,), ("023", ("a4",), ())))
    assert said.dyad_root
    nothing = score_petrarch(_record("2", ("ARN", "GON", "064")), _doc((ARNOR, GONDOR)))
    assert nothing.reasons == ("no event produced",)
    uncoded = score_petrarch(_record("3", ("ERI", "GON", "064"), cameo=False),
                             _doc((ERIADOR, GONDOR), ("064", ("a5",), ())),
                             frozenset({"eriador"}))
    assert uncoded.reasons == (
        "source: no actor with the code; one the actor file names is left uncoded",
        "target: event has none")
    other_agent = score_petrarch(_record("4", ("ETHMIL", "GON", "190")),
                                 _doc((ETHIOPIA, GONDOR), ("190", ("a3",), ("a2",))))
    assert other_agent.reasons == ("source: the country's actor has other agent codes",)


def test_evaluate_petrarch_report_per_section_and_no_event():
    actors = (ARNOR, GONDOR)
    outcomes = [
        score_petrarch(_record("1", ("ARN", "GON", "064")), _doc(actors, ("064", ("a1",), ("a2",)))),
        score_petrarch(_record("2", ("ARN", "GON", "064")), _doc(actors, ("050", ("a1",), ("a2",)))),
        score_petrarch(_record("3", ("GON", "ARN", "901"), section="SYNSETS", cameo=False),
                       _doc(actors)),
        score_petrarch(_record("4", section="SYNSETS"), _doc(actors)),
        score_petrarch(_record("5", section="SYNSETS"), _doc(actors, ("010", ("a1",), ()))),
    ]
    report = report_petrarch(outcomes)
    assert report.gold_set == "petrarch"
    assert report.metric("dyad_root") == pytest.approx(1 / 3)
    assert report.metric("root") == pytest.approx(1 / 3)  # cameo.py's root agreement
    assert report.metric("source") == pytest.approx(2 / 3)
    assert report.metric("dyad_root_cameo_codes") == 0.5
    assert report.metric("no_event_share") == 0.5
    assert report.metric("section.basic_tests.dyad_root") == 0.5
    assert report.metric("section.basic_tests.records") == 2
    assert report.metric("section.synsets.records") == 1  # records that expect events
    assert report.metric("section.synsets.target") == 0.0
    assert "misses: 2 of 3 records with expected events" in " ".join(report.notes)
    assert any("06->05 1" in n for n in report.notes)
    assert any("no event produced, by section: synsets 1" in n for n in report.notes)


def test_evaluate_petrarch_section_key():
    assert section_key("MODIFICATIONS: PASSIVE VOICE AND COMMA-DELIMITED CLAUSES") == "modifications"
    assert section_key("EARLIER ACTOR SYNONYMS (TABARI version 0.7.5)") == "earlier_actor_synonyms"


def test_evaluate_petrarch_reads_valid_records_and_the_parse(tmp_path: Path):
    rows = [
        {"id": "1", "text": "T", "valid": True, "expected_error": None, "text_matches_parse": True},
        {"id": "2", "text": "T", "valid": False, "expected_error": None},
        {"id": "3", "text": "T", "valid": True, "expected_error": "dateline"},
        {"id": "4", "text": "government", "parse_text": "Congresses", "valid": True,
         "expected_error": None, "text_matches_parse": False},
    ]
    path = tmp_path / DATA
    path.parent.mkdir(parents=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    records = read_records(tmp_path)
    assert [(r["id"], r["text"]) for r in records] == [("1", "T"), ("4", "Congresses")]
    assert "petrarch" in GOLD_SETS


@pytest.mark.model
@pytest.mark.shared
def test_evaluate_petrarch_suite_with_the_validation_actors(nlp):
    shared = require_shared("data", "cameo_validation", "records.jsonl").parents[2]
    report = run_gold_set("petrarch", shared=shared)
    assert report.metric("records") == 271  # 283 less 5 invalid and 7 that expect an error
    sections = {k.split(".")[1] for k in report.measures if k.startswith("section.")}
    assert len(sections) == 12
    # the fictional states are found through the user file: some records come out whole
    assert report.metric("dyad_root") > 0 and report.metric("source") > report.metric("dyad_root")
    assert any(n.startswith("misses:") for n in report.notes)
