"""CAMEO root codes against the PETRARCH-2 validation records with real news text.

``data/cameo_validation/gsr_records.jsonl`` holds 78 sentences with (source, target, code)
triples. The codes are reviewed PETRARCH-2 output, not independent human coding, so they
favour PETRARCH's conventions; the scoring is therefore lenient, on the two-digit CAMEO root
only, and ignores the actors. Each record is extracted as an article of its own, published on
the record's ``date`` (None when that is not an ISO date), all in one batch. Records with an ``expected_error`` are skipped (they
test a dictionary coder's input checks).

- ``cameo_root_agreement``: of the records with gold events, the share where some produced
  event's CAMEO root (first two digits of ``cameo``, which already folds the modality in as a
  CAMEO coder does: ``ontology.cameo_coded``) equals the root of some gold code.
- ``no_event_share``: of the records that expect no event, the share where none is produced.
- ``roots`` row: precision, recall and F1 over distinct (record, root) pairs. A produced event
  without a CAMEO code counts nowhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..ontology import cameo_root
from ..records import Article, Document
from .gold import extract_documents, read_jsonl
from .scores import Report, Score

__all__ = ["RecordOutcome", "record_articles", "report_outcomes", "run", "score_record"]

DATA = Path("data", "cameo_validation", "gsr_records.jsonl")


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordOutcome:
    """The gold and produced CAMEO roots of one record."""

    id: str
    gold_roots: frozenset[str]
    produced_roots: frozenset[str]
    produced_events: int

    @property
    def agrees(self) -> bool:
        return bool(self.gold_roots & self.produced_roots)


def score_record(record: dict[str, Any], doc: Document) -> RecordOutcome:
    """The roots one record expects and the roots its produced document carries."""
    gold = frozenset(r for e in record.get("events") or () if (r := cameo_root(str(e.get("code") or ""))))
    produced = frozenset(r for e in doc.events
                         if (r := cameo_root(e.cameo)))
    return RecordOutcome(id=str(record["id"]), gold_roots=gold, produced_roots=produced,
                         produced_events=len(doc.events))


def report_outcomes(outcomes: Sequence[RecordOutcome], gold_set: str = "cameo") -> Report:
    """Root agreement, no-event share and (record, root) P/R/F1."""
    roots = Score(name="roots")
    with_events = [o for o in outcomes if o.gold_roots]
    without = [o for o in outcomes if not o.gold_roots]
    for o in outcomes:
        roots.tp += len(o.gold_roots & o.produced_roots)
        roots.fp += len(o.produced_roots - o.gold_roots)
        roots.fn += len(o.gold_roots - o.produced_roots)
    return Report(
        gold_set=gold_set,
        scores=[roots],
        measures={
            "records": float(len(outcomes)),
            "cameo_root_agreement": sum(o.agrees for o in with_events) / max(1, len(with_events)),
            "no_event_share": sum(o.produced_events == 0 for o in without) / max(1, len(without)),
            "any_event_share": sum(o.produced_events > 0 for o in with_events) / max(1, len(with_events)),
        },
        notes=["gold codes are reviewed PETRARCH-2 output; compared on the two-digit root only",
               "records with an expected_error are skipped"],
    )


def read_gold(shared: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records to score: those without an ``expected_error`` (the first ``limit``)."""
    records = [r for r in read_jsonl(shared / DATA) if not r.get("expected_error")]
    return records[:limit] if limit is not None else records


def _published(value: object) -> date | None:
    """The record's date, or None when it is not an ISO date (one record has ``121108``)."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def record_articles(records: Sequence[dict[str, Any]]) -> list[Article]:
    """One article per record (its ``text``), published on its date, ids in record order."""
    return [Article(id=f"{i:04d}-{r['id']}", text=str(r["text"]),
                    published=_published(r.get("date"))) for i, r in enumerate(records)]


def extract_records(records: Sequence[dict[str, Any]]) -> list[Document]:
    """One document per record, published on its date, extracted in one batch."""
    return extract_documents(record_articles(records), "CAMEO records")


def run(shared: Path, limit: int | None = None) -> Report:
    """Extract every record and compare CAMEO roots."""
    records = read_gold(shared, limit)
    docs = extract_records(records)
    return report_outcomes([score_record(r, d) for r, d in zip(records, docs, strict=True)])
