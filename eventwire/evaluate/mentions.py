"""Person and organisation mention detection against MEANTIME (English).

MEANTIME annotates entity mentions (PER, ORG, LOC, ...) only inside each document's annotated
scope (title, dateline, first four body sentences: text before ``annotation_scope_end``), so
both sides are restricted to it: each document is extracted only up to that offset, since
nothing after it is scored (coreference looks back, so the scored text loses nothing). The
comparison:

- PER is compared with the mentions of actors of kind ``person``, ORG with those of kind
  ``organization``. Countries (MEANTIME calls them LOC) and groups ("workers", "officials",
  which MEANTIME files as common-noun PER mentions) are not scored.
- Gold: the named mentions, i.e. ``syntactic_type`` NAM, PRE.NAM or APP ("Apple CEO Steve
  Jobs"). MEANTIME also marks common nouns ("the company"), pronouns, conjunctions and mentions
  without a syntactic type; those are "don't care": a produced mention that overlaps one of
  them (of the same entity type) is neither right nor wrong. Produced pronouns are not scored
  either, the gold's named mentions never being pronouns.
- Nested named mentions of one entity ("Acme Risk security consultant Jane Roe" and "Jane
  Roe") are one gold item that accepts any of its spans. An item whose spans each contain a
  mention of another entity ("Boeing and Lockheed Martin") is a conjunction: don't care.
- Likewise, a produced mention and the extent nested around it (the noun phrase it heads,
  "Jane Roe, the union's leader") are one produced item, right when either span is.
- ``*_strict``: a produced mention is right when its span equals one of the item's spans
  (ignoring a leading "the" and a trailing possessive). ``*_overlap``: when it overlaps one.
  Matching is one to one; a further produced mention of an already matched item is not scored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Actor
from .gold import extract_documents, read_jsonl
from .scores import Report, Score

__all__ = ["GoldItem", "gold_items", "run", "score_mentions"]

DATA = Path("data", "meantime_en", "meantime_en.jsonl")
NAMED = frozenset({"NAM", "PRE.NAM", "APP"})
KINDS = {"PER": "person", "ORG": "organization"}
PRONOUNS = frozenset("""
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
it its itself we us our ours ourselves they them their theirs themselves who whom whose which
that this these those one
""".split())

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One named entity mention (the spans of its nested named mentions)."""

    spans: tuple[Span, ...]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _contains(outer: Span, inner: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TAIL = re.compile(r"(?:['’]s?|[\s,.;:()`'\"-])+$")


def _trim(text: str, span: Span) -> Span:
    """The span without a leading 'the' and trailing possessive or punctuation."""
    start, end = span
    piece = text[start:end]
    lead = _LEAD.match(piece)
    if lead:
        start += lead.end()
        piece = piece[lead.end():]
    tail = _TAIL.search(piece)
    if tail and tail.start() > 0:
        end = start + tail.start()
    return (start, end)


def gold_items(mentions: Iterable[dict[str, Any]], entity_type: str,
               scope_end: int) -> tuple[list[GoldItem], list[Span]]:
    """The named gold items of one type in scope, and the don't-care spans of that type."""
    named: list[tuple[str, Span]] = []
    dont_care: list[Span] = []
    for m in mentions:
        span = (int(m["start"]), int(m["end"]))
        if span[1] > scope_end:
            continue
        etype = m.get("entity_type")
        if etype is None:
            dont_care.append(span)  # no type given: may be either
        elif etype == entity_type:
            if m.get("syntactic_type") in NAMED:
                named.append((str(m.get("instance") or m.get("id")), span))
            else:
                dont_care.append(span)
    # cluster nested named mentions of one entity
    clusters: list[tuple[str, list[Span]]] = []
    for instance, span in sorted(named, key=lambda x: (x[1][0], -x[1][1])):
        for inst, spans in clusters:
            if inst == instance and any(_overlaps(span, s) for s in spans):
                spans.append(span)
                break
        else:
            clusters.append((instance, [span]))
    items: list[GoldItem] = []
    for instance, spans in clusters:
        others = [s for inst, ss in clusters if inst != instance for s in ss]
        if all(any(_contains(span, o) for o in others) for span in spans):
            dont_care.extend(spans)  # a conjunction of other entities
        else:
            items.append(GoldItem(spans=tuple(sorted(set(spans)))))
    return items, dont_care


def score_mentions(text: str, produced: Sequence[tuple[Span, ...]], items: Sequence[GoldItem],
                   dont_care: Sequence[Span], strict: Score, overlap: Score) -> None:
    """Add one document's counts of one entity type to its strict and overlap rows; each
    produced item is a mention with the extents nested around it, innermost first."""
    for score, exact in ((strict, True), (overlap, False)):
        matched: set[int] = set()
        for group in sorted(produced):
            hit = next((i for span in group for i, item in enumerate(items) if i not in matched
                        and any((_trim(text, s) == _trim(text, span)) if exact else _overlaps(s, span)
                                for s in item.spans)), None)
            if hit is not None:
                matched.add(hit)
                score.tp += 1
                continue
            span = group[0]
            if any(_overlaps(span, s) for i in matched for s in items[i].spans):
                continue  # a second mention of an entity already found
            if any(_overlaps(span, s) for s in dont_care):
                continue
            score.fp += 1
        score.fn += len(items) - len(matched)


def produced_spans(actors: Iterable[Actor], kind: str, text: str,
                   scope_end: int) -> list[tuple[Span, ...]]:
    """The mentions of actors of one kind in scope, pronouns left out, each with the extents
    of the same actor nested around it (innermost first)."""
    groups: set[tuple[Span, ...]] = set()
    for actor in actors:
        if actor.kind != kind:
            continue
        spans = sorted({(m.start, m.end) for m in actor.mentions if m.end <= scope_end
                        and text[m.start:m.end].strip().lower() not in PRONOUNS},
                       key=lambda s: s[1] - s[0])
        inner = sorted(s for s in spans if not any(_contains(s, o) for o in spans))
        taken: set[Span] = set()
        for span in inner:  # an extent around two mentions goes with the first
            outer = [o for o in spans if _contains(o, span) and o not in taken]
            taken.update(outer)
            groups.add((span, *outer))
    return sorted(groups)


def read_gold(shared: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The MEANTIME documents (the first ``limit`` when given)."""
    return read_jsonl(shared / DATA, limit)


def run(shared: Path, limit: int | None = None) -> Report:
    """Extract every MEANTIME document and score PER and ORG mentions in scope."""
    from datetime import date

    from ..records import Article

    records = read_gold(shared, limit)
    articles = []
    for r in records:
        try:
            published = date.fromisoformat(str(r.get("dct_iso")))
        except ValueError:
            published = None
        text = str(r["text"])[: int(r["annotation_scope_end"])]  # nothing after it is scored
        articles.append(Article(id=str(r["doc_id"]), text=text, published=published))
    scores = {f"{t.lower()}_{m}": Score(name=f"{t.lower()}_{m}")
              for t in KINDS for m in ("strict", "overlap")}
    for record, result in zip(records, extract_documents(articles, "MEANTIME"), strict=True):
        text = str(record["text"])
        scope_end = int(record["annotation_scope_end"])
        for etype, kind in KINDS.items():
            items, dont_care = gold_items(record["entity_mentions"], etype, scope_end)
            spans = produced_spans(result.actors, kind, text, scope_end)
            score_mentions(text, spans, items, dont_care,
                           scores[f"{etype.lower()}_strict"], scores[f"{etype.lower()}_overlap"])
    return Report(
        gold_set="meantime-mentions",
        scores=list(scores.values()),
        measures={"documents": float(len(records))},
        notes=["scored inside each document's annotated scope only (annotation_scope_end)",
               "gold: named PER/ORG mentions (NAM, PRE.NAM, APP); other gold mentions are don't care",
               "PER vs person actors' mentions, ORG vs organization actors' mentions"],
    )
