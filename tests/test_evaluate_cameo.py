"""The CAMEO validation adapter's scoring, on hand-made documents (no model)."""

from __future__ import annotations

from eventwire.evaluate.cameo import report_outcomes, score_record
from eventwire.records import Article, Document, Event, Evidence


def _doc(codes: list[str | None]) -> Document:
    ev = Evidence(start=0, end=4, text="text")
    return Document(article=Article(id="a", text="text"),
                    events=tuple(Event(id=f"e{i}", type="CONSULT", cameo=c, evidence=ev)
                                 for i, c in enumerate(codes)))


def test_evaluate_cameo_roots_agreement_and_no_event():
    hit = score_record({"id": "1", "events": [{"code": "042"}, {"code": "1123"}]}, _doc(["043", "190"]))
    assert hit.agrees and hit.gold_roots == {"04", "11"} and hit.produced_roots == {"04", "19"}
    miss = score_record({"id": "2", "events": [{"code": "173"}]}, _doc([None]))
    quiet = score_record({"id": "3", "events": []}, _doc([]))
    noisy = score_record({"id": "4", "events": []}, _doc(["010"]))
    report = report_outcomes([hit, miss, quiet, noisy])
    assert report.metric("cameo_root_agreement") == 0.5
    assert report.metric("no_event_share") == 0.5
    roots = report.scores[0]
    assert (roots.tp, roots.fp, roots.fn) == (1, 2, 2)
