"""Who did what to whom against PETRARCH's own unit-test records, with its validation actors.

``data/cameo_validation/records.jsonl`` holds the 283 sentences of PETRARCH's unit-test suite
with their (source, target, code) triples; its actors are fictional states ("Arnor" = ARN)
that only ``dictionaries/PETR.Validate.actors.txt`` defines, so every record is extracted
with that file as the user actor dictionary (``extract --actors``), published on the record's
date (the DATE section tests date-restricted codes). Records whose ``valid`` flag is false
(TABARI features PETRARCH never had) or that expect an error are skipped; where the
``<Text>`` differs from the parse the expectations follow, the parse's sentence is read.

The suite tests a dictionary coder's mechanics: a quarter of its records carry codes from a
WEIS-derived verb dictionary that are not CAMEO (``all_codes_in_cameo``), so a root right in
CAMEO terms can still disagree. Actor codes are compared as CAMEO writes them: a produced
actor's ``cameo`` code (country code + agent codes), its country code followed by all its
sectors, the bare country code of a state named as such (eventwire gives "Ethiopia" the
government sector, PETRARCH writes ``ETH``), ``---`` + sector for an agent no country owns,
its name in quotes for the suite's literal-text actors, and ``---`` for an event without
that side.

Per record (all records with expected events; per section of the suite as
``section.<name>.<measure>``):

- ``dyad_root``: some produced event has the source, target and CAMEO root of some
  expected event;
- ``root`` (``cameo_root_agreement``), ``source``, ``target``: the same for one part alone;
  ``dyad``: for source and target together, whatever the root;
- ``events_matched``: of the expected events, the share some produced event matches whole;
- ``no_event_share``: of the records that expect no event, the share left without one.

Each record that misses ``dyad_root`` is explained by the produced event closest to an
expected one (most parts right); the ``note:`` lines count the reasons.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..ontology import cameo_root
from ..records import Actor, Document, Event
from ..registry import name_key
from .cameo import RecordOutcome, record_articles, report_outcomes, score_record
from .gold import read_jsonl
from .scores import Report

__all__ = ["DICTIONARY", "PetrarchOutcome", "actor_codes", "event_dyads", "read_records",
           "report_petrarch", "run", "score_petrarch", "section_key"]

DATA = Path("data", "cameo_validation", "records.jsonl")
DICTIONARY = Path("data", "cameo_validation", "dictionaries", "PETR.Validate.actors.txt")
# the code PETRARCH writes for a side it leaves open ("officials said": no target)
NO_ACTOR = "---"
PARTS = ("dyad", "root", "source", "target")
# how many (expected, produced) root pairs of the misses the notes name
ROOT_PAIRS = 6


def actor_codes(actor: Actor) -> frozenset[str]:
    """The codes a CAMEO coder could have written for ``actor`` (see the module doc)."""
    codes = {f'"{actor.name.upper()}"'}
    sectors = "".join(s for s in (actor.sector, *actor.other_sectors) if s)
    if actor.cameo:
        codes.add(actor.cameo.upper())
        country = actor.cameo[:3].upper()
        codes.add(country + sectors)
        if actor.kind == "country":  # a state named as such: CAMEO writes its bare code
            codes.add(country)
    elif actor.country is None and sectors:
        codes.add(NO_ACTOR + sectors)
        codes.add(NO_ACTOR + sectors[:3])
    return frozenset(codes)


def event_dyads(event: Event, actors: dict[str, Actor]) -> tuple[frozenset[str], frozenset[str]]:
    """The source and target codes of a produced event (``---`` for an empty side)."""
    def side(ids: Iterable[str]) -> frozenset[str]:
        found = [actors[i] for i in ids if i in actors]
        return frozenset().union(*map(actor_codes, found)) if found else frozenset({NO_ACTOR})
    return side(event.source), side(event.target)


@dataclass(frozen=True, slots=True, kw_only=True)
class PetrarchOutcome:
    """One record: which parts of its expected events some produced event has, and why not."""

    id: str
    section: str
    cameo_codes: bool  # every expected code is a CAMEO code
    roots: RecordOutcome
    parts: frozenset[str] = frozenset()  # what some produced event gets right (PARTS)
    dyad_root: bool = False
    expected_events: int = 0
    matched_events: int = 0
    reasons: tuple[str, ...] = ()
    root_miss: tuple[str, str] | None = None  # (expected, produced) root of a miss on the root

    @property
    def expects_events(self) -> bool:
        return self.expected_events > 0


def _side_reason(side: str, code: str, produced: frozenset[str], doc_codes: frozenset[str],
                 uncoded_named: bool) -> str:
    if code.startswith(('"', "#")):
        return f"{side}: expects a literal or discard code"
    if code == NO_ACTOR:
        return f"{side}: expected none, the event has one"
    if NO_ACTOR in produced:
        return f"{side}: event has none" + ("" if code in doc_codes else ", no actor with the code")
    if code in doc_codes:
        return f"{side}: another actor of the sentence"
    if any(c[:3] == code[:3] for c in doc_codes):
        return f"{side}: the country's actor has other agent codes"
    if uncoded_named:
        return f"{side}: no actor with the code; one the actor file names is left uncoded"
    return f"{side}: no actor with the code"


# an expected (source, target, root) and a produced event's (source codes, target codes, root)
Expected = tuple[str, str, str | None]
Produced = tuple[frozenset[str], frozenset[str], str | None]


def _explain(exp: Expected, got: Produced, cameo_codes: bool, doc_codes: frozenset[str],
             uncoded_named: bool) -> tuple[list[str], tuple[str, str] | None]:
    """Why the closest produced event misses the expected one, and the roots if they differ."""
    reasons, root_miss = [], None
    if exp[2] != got[2]:
        root_miss = (exp[2] or "?", got[2] or "-")
        reasons.append("root: differs" if cameo_codes else "root: differs, gold codes not all CAMEO")
    if exp[0] not in got[0]:
        reasons.append(_side_reason("source", exp[0], got[0], doc_codes, uncoded_named))
    if exp[1] not in got[1]:
        reasons.append(_side_reason("target", exp[1], got[1], doc_codes, uncoded_named))
    return reasons, root_miss


def score_petrarch(record: dict[str, Any], doc: Document,
                   file_names: frozenset[str] = frozenset()) -> PetrarchOutcome:
    """Compare one record's expected triples with the events of its document; ``file_names``
    (the folded name forms of the actor file) tell a name the file knows but no code reached."""
    expected: list[Expected] = [
        (str(e["source"]).upper(), str(e["target"]).upper(), cameo_root(str(e["code"])))
        for e in record.get("events") or ()]
    actors = {a.id: a for a in doc.actors}
    doc_codes = frozenset().union(*map(actor_codes, doc.actors)) if doc.actors else frozenset()
    produced: list[Produced] = [(*event_dyads(e, actors), cameo_root(e.cameo)) for e in doc.events]
    parts: set[str] = set()
    matched, best, closest = 0, -1, None
    for exp in expected:
        whole = False
        for got in produced:
            hits = {"source": exp[0] in got[0], "target": exp[1] in got[1], "root": exp[2] == got[2]}
            parts.update(k for k, v in hits.items() if v)
            if hits["source"] and hits["target"]:
                parts.add("dyad")
            whole = whole or all(hits.values())
            if sum(hits.values()) > best:
                best, closest = sum(hits.values()), (exp, got)
        matched += whole
    cameo_codes = bool(record.get("all_codes_in_cameo", True))
    reasons: list[str] = []
    root_miss: tuple[str, str] | None = None
    if expected and not matched:
        if closest is None:
            reasons.append("no event produced")
        else:
            uncoded = any(a.cameo is None and name_key(a.name.strip(",. ")) in file_names
                          for a in doc.actors)
            reasons, root_miss = _explain(*closest, cameo_codes, doc_codes, uncoded)
    return PetrarchOutcome(id=str(record["id"]), section=str(record.get("section") or "?"),
                           cameo_codes=cameo_codes, roots=score_record(record, doc),
                           parts=frozenset(parts), dyad_root=matched > 0,
                           expected_events=len(expected), matched_events=matched,
                           reasons=tuple(reasons), root_miss=root_miss)


def section_key(section: str) -> str:
    """``MODIFICATIONS: PASSIVE VOICE ...`` -> ``modifications``: the banner before any colon
    or parenthesis, lower case, words joined by ``_``."""
    head = re.split(r"[:(]", section, maxsplit=1)[0]
    return "_".join(re.findall(r"[a-z0-9]+", head.lower())) or "none"


def _shares(outcomes: Sequence[PetrarchOutcome]) -> dict[str, float]:
    n = max(1, len(outcomes))
    out = {"dyad_root": sum(o.dyad_root for o in outcomes) / n}
    out.update({part: sum(part in o.parts for o in outcomes) / n for part in PARTS})
    return out


def report_petrarch(outcomes: Sequence[PetrarchOutcome]) -> Report:
    """The shares overall and per section, with the reasons of the misses as notes."""
    report = report_outcomes([o.roots for o in outcomes], gold_set="petrarch")
    coded = [o for o in outcomes if o.expects_events]
    report.measures.update(_shares(coded))
    report.measures["events_matched"] = sum(o.matched_events for o in coded) / max(
        1, sum(o.expected_events for o in coded))
    report.measures["dyad_root_cameo_codes"] = _shares([o for o in coded if o.cameo_codes])["dyad_root"]
    for name in sorted({o.section for o in outcomes}):
        mine = [o for o in coded if o.section == name]
        key = f"section.{section_key(name)}"
        report.measures[f"{key}.records"] = float(len(mine))
        report.measures.update({f"{key}.{k}": v for k, v in _shares(mine).items()})
    misses = [o for o in coded if not o.dyad_root]
    reasons = Counter(r for o in misses for r in o.reasons)
    report.notes = [
        "PETRARCH unit-test records with its validation actor dictionary; valid=false and "
        "expected_error records skipped; parse_text read where the text differs from the parse",
        "a quarter of the gold codes are WEIS-derived test codes, not CAMEO "
        "(dyad_root_cameo_codes: records whose codes all are CAMEO)",
        f"misses: {len(misses)} of {len(coded)} records with expected events; "
        "reasons, from the produced event closest to an expected one:",
        *(f"  {count:>3}  {reason}" for reason, count in reasons.most_common()),
        "records with no event produced, by section: " + ", ".join(
            f"{section_key(k)} {n}" for k, n in
            Counter(o.section for o in misses if "no event produced" in o.reasons).most_common()),
        "roots most often missed (expected -> produced): " + ", ".join(
            f"{g}->{p} {n}" for (g, p), n in
            Counter(o.root_miss for o in misses if o.root_miss).most_common(ROOT_PAIRS)),
    ]
    return report


def read_records(shared: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The valid records that expect no error, the parse's sentence where the text differs."""
    records = [r if r.get("text_matches_parse", True) else {**r, "text": r["parse_text"]}
               for r in read_jsonl(shared / DATA)
               if r.get("valid", True) and not r.get("expected_error")]
    return records[:limit] if limit is not None else records


def run(shared: Path, limit: int | None = None) -> Report:
    """Extract every record with the validation actor dictionary and score its triples."""
    from ..actors.dictionary import load_user_actors
    from ..pipeline import extract_many

    records = read_records(shared, limit)
    book = load_user_actors(shared / DICTIONARY)
    docs = list(extract_many(record_articles(records), dictionary=book))
    failed = [d for d in docs if not isinstance(d, Document)]
    if failed:
        raise EvaluationError(f"PETRARCH records: {failed[0]}")
    names = frozenset(book.user_names)
    return report_petrarch([score_petrarch(r, d, names) for r, d in zip(records, docs, strict=True)
                            if isinstance(d, Document)])
