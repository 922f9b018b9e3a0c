"""PLOVER event types and actor countries against the PLOVER gold-standard records.

The gold (``data/plover/gold/plover_gsr_cameo.jsonl``, 322 CAMEO-manual example sentences
coded in PLOVER) gives each sentence one event type, its actors and recipients with a country
code and, for some, a sector. Every sentence is extracted as an article of its own
(``published=None``), all in one batch.

Events (each produced event read with the PLOVER codebook's convention for modality,
``ontology.plover_coded_type``: "will visit" counts as AGREE, "threatened to impose" as
THREATEN, "failed to agree" as REJECT):

- ``type_hit_share``: share of sentences where some produced event carries the gold type.
- ``type_<TYPE>`` rows: per sentence, a produced type equal to the gold type is a true
  positive, every other distinct produced type a false positive, a gold type that no produced
  event carries a false negative. ``type_macro_f1`` averages F1 over the 16 PLOVER types;
  ``types_micro`` pools the counts.

CAMEO (``data/cameo_validation/plover_gsr_cameo_codes.tsv``: the CAMEO code of the manual
section each sentence illustrates, recovered by matching the sentence against the CAMEO
manual's examples; human coding, unlike the PETRARCH-2 output of the ``cameo`` set):

- ``cameo_root_agreement``: of the sentences with a code, the share where some produced
  event's ``cameo`` has the same two-digit root. ``cameo_sentences`` counts them.

Actors:

- ``actor_country_recall``: share of gold actor and recipient codes found among the countries
  of the actors produced for that sentence. Gold codes are normalised to ISO alpha-3: ISO codes
  stay, CAMEO country codes map through ``data/countries.tsv``'s ``cameo`` column, and the
  gold's few legacy codes that are neither (``LEGACY_CODES``: JAP, ITL, VTN) map to the ISO
  code of the country their text names. PLOVER non-state codes compare as codes, except that the
  gold files every international body under IGO (the UN, the EU, NATO, but also the Red Cross
  and Amnesty International), so a gold IGO or NGO is found by any produced international code
  (IGO, UNO, EUR, NGO); IMG, ISM and MNC need their own code. A gold code that is still unknown
  after this is left out and counted in ``actor_codes_unscored``.
- ``actor_sector_agreement``: of the gold actors that give a sector and whose country was
  found, the share where a produced actor of that country has that sector as ``sector`` or in
  ``other_sectors``. Gold sectors are read on their first three letters (``CVLalb`` is CVL,
  ``REFKUR`` REF); ``***`` and codes that are not PLOVER sectors are not scored, except the
  misspelling ``CIV``, read as CVL.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ontology import SECTORS, EventType, cameo_root, plover_coded_type
from ..records import Document
from .gold import extract_documents, read_jsonl
from .scores import Report, Score

__all__ = [
    "LEGACY_CODES",
    "SentenceOutcome",
    "country_table",
    "gold_code",
    "gold_sector",
    "report_outcomes",
    "run",
    "score_sentence",
]

DATA = Path("data", "plover", "gold", "plover_gsr_cameo.jsonl")
CAMEO_CODES = Path("data", "cameo_validation", "plover_gsr_cameo_codes.tsv")
COUNTRIES = Path(__file__).resolve().parent.parent / "data" / "countries.tsv"

# Codes in the gold that are neither ISO alpha-3 nor CAMEO country codes (older coding habits).
LEGACY_CODES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO"})
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
SECTOR_MISSPELLINGS: dict[str, str] = {"CIV": "CVL"}


def country_table(path: Path = COUNTRIES) -> dict[str, str]:
    """ISO alpha-3 and CAMEO country code -> ISO alpha-3, from ``data/countries.tsv``."""
    table: dict[str, str] = {}
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        iso = row.get("iso3", "").strip()
        if not iso:
            continue
        table[iso] = iso
        cameo = row.get("cameo", "").strip()
        if cameo:
            table.setdefault(cameo, iso)
    return table


def gold_code(code: str, table: dict[str, str]) -> str | None:
    """The gold's country code as eventwire writes it, or None when it is unknown."""
    code = code.strip().upper()
    if code in NONSTATE:
        return code
    if code in table:
        return table[code]
    if code in LEGACY_CODES:
        return LEGACY_CODES[code]
    return None


def gold_sector(sector: str) -> str | None:
    """The PLOVER sector a gold sector string names, or None."""
    head = sector.strip()[:3].upper()
    head = SECTOR_MISSPELLINGS.get(head, head)
    return head if head in SECTORS else None


def _country_found(code: str, produced: set[str]) -> bool:
    if code in ("IGO", "NGO"):
        return bool(produced & INTERNATIONAL)
    return code in produced


@dataclass(slots=True, kw_only=True)
class ActorOutcome:
    """One gold actor or recipient: its normalised code, whether it was found, its sector."""

    text: str
    code: str | None
    found: bool
    sector: str | None
    sector_ok: bool | None  # None: not scored (no gold sector, or country not found)


@dataclass(slots=True, kw_only=True)
class SentenceOutcome:
    """What one gold sentence got: the produced types and the gold actors found."""

    id: str
    gold_type: str
    produced_types: tuple[str, ...]
    actors: list[ActorOutcome] = field(default_factory=list)
    gold_cameo_root: str | None = None
    produced_cameo_roots: frozenset[str] = frozenset()

    @property
    def type_hit(self) -> bool:
        return self.gold_type in self.produced_types


def score_sentence(record: dict[str, Any], doc: Document, table: dict[str, str],
                   cameo: str | None = None) -> SentenceOutcome:
    """The outcome of one gold sentence given the document produced for it (``cameo``: the
    sentence's CAMEO code, when known)."""
    types = tuple(dict.fromkeys(plover_coded_type(e.type, e.modality) for e in doc.events))
    produced = {a.country for a in doc.actors if a.country}
    outcome = SentenceOutcome(id=str(record["id"]), gold_type=str(record["event"]),
                              produced_types=types, gold_cameo_root=cameo_root(cameo or ""),
                              produced_cameo_roots=frozenset(
                                  r for e in doc.events if (r := cameo_root(e.cameo or ""))))
    for gold in list(record.get("actor") or ()) + list(record.get("recipient") or ()):
        code = gold_code(str(gold.get("code", "")), table)
        found = code is not None and _country_found(code, produced)
        sector = gold_sector(str(gold.get("sector", "")))
        sector_ok: bool | None = None
        if found and sector and code is not None:
            sector_ok = any(
                sector == a.sector or sector in a.other_sectors
                for a in doc.actors
                if a.country and _country_found(code, {a.country}))
        outcome.actors.append(ActorOutcome(text=str(gold.get("text", "")), code=code,
                                           found=found, sector=sector, sector_ok=sector_ok))
    return outcome


def report_outcomes(outcomes: Sequence[SentenceOutcome], gold_set: str = "plover") -> Report:
    """Type hits, per-type P/R/F1 and actor measures over many sentences."""
    rows = {t.value: Score(name=f"type_{t.value}") for t in EventType}
    for o in outcomes:
        if o.gold_type in rows:
            if o.type_hit:
                rows[o.gold_type].tp += 1
            else:
                rows[o.gold_type].fn += 1
        for t in o.produced_types:
            if t != o.gold_type and t in rows:
                rows[t].fp += 1
    micro = Score(name="types_micro", tp=sum(s.tp for s in rows.values()),
                  fp=sum(s.fp for s in rows.values()), fn=sum(s.fn for s in rows.values()))
    n = max(1, len(outcomes))
    actors = [a for o in outcomes for a in o.actors]
    scored = [a for a in actors if a.code is not None]
    sectors = [a for a in scored if a.sector_ok is not None]
    coded = [o for o in outcomes if o.gold_cameo_root]
    measures = {
        "sentences": float(len(outcomes)),
        "type_hit_share": sum(o.type_hit for o in outcomes) / n,
        "type_macro_f1": sum(s.f1 for s in rows.values()) / len(rows),
        "any_event_share": sum(bool(o.produced_types) for o in outcomes) / n,
        "actor_country_recall": sum(a.found for a in scored) / max(1, len(scored)),
        "actor_codes_unscored": float(len(actors) - len(scored)),
        "actor_sector_agreement": sum(bool(a.sector_ok) for a in sectors) / max(1, len(sectors)),
        "actor_sectors_scored": float(len(sectors)),
        "cameo_root_agreement": sum(o.gold_cameo_root in o.produced_cameo_roots for o in coded)
        / max(1, len(coded)),
        "cameo_sentences": float(len(coded)),
    }
    return Report(
        gold_set=gold_set,
        scores=[micro, *rows.values()],
        measures=measures,
        notes=["types: per sentence, the gold type found = TP, each other produced type = FP",
               "actor countries: gold codes normalised to ISO alpha-3; gold IGO/NGO accept any "
               "international code (IGO, UNO, EUR, NGO)"],
    )


def read_gold(shared: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold records, in file order (the first ``limit`` when given)."""
    return read_jsonl(shared / DATA, limit)


def cameo_codes(shared: Path, records: Sequence[dict[str, Any]]) -> list[str | None]:
    """The CAMEO code of each record, in record order (a duplicated id is told apart by its
    ``occurrence``); None where the table has none or the file is missing."""
    path = shared / CAMEO_CODES
    if not path.is_file():
        return [None] * len(records)
    by_key: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("cameo_code"):
                by_key[(row["plover_gsr_id"], row.get("occurrence") or "1")] = row["cameo_code"]
    seen: Counter[str] = Counter()
    out: list[str | None] = []
    for r in records:
        seen[str(r["id"])] += 1
        out.append(by_key.get((str(r["id"]), str(seen[str(r["id"])]))))
    return out


def extract_records(records: Iterable[dict[str, Any]]) -> list[Document]:
    """One document per record, extracted in one batch (published unknown)."""
    from ..records import Article

    articles = [Article(id=f"{i:04d}-{r['id']}", text=str(r["text"])) for i, r in enumerate(records)]
    return extract_documents(articles, "PLOVER gold")


def run(shared: Path, limit: int | None = None) -> Report:
    """Extract every gold sentence and score types, actor countries and sectors."""
    records = read_gold(shared, limit)
    table = country_table()
    docs = extract_records(records)
    codes = cameo_codes(shared, records)
    outcomes = [score_sentence(r, d, table, c)
                for r, d, c in zip(records, docs, codes, strict=True)]
    report = report_outcomes(outcomes)
    unknown = Counter(str(g.get("code")) for r in records
                      for g in list(r.get("actor") or ()) + list(r.get("recipient") or ())
                      if gold_code(str(g.get("code", "")), table) is None)
    if unknown:
        report.notes.append("gold codes left out: " + ", ".join(f"{c} x{n}" for c, n in unknown.items()))
    return report
