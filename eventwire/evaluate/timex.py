"""TIMEX3 gold sets: TempEval-3 platinum and MEANTIME (English), scored like TempEval-3.

Each document is parsed, ``find_times`` runs with the document's own creation time as the
publication date, and predictions are matched one-to-one against the gold expressions:

- ``timex_strict``: the same character span;
- ``timex_relaxed``: overlapping spans;
- ``timex_value``: overlapping spans *and* the same value (TempEval-3's "value F1":
  correct values over all predicted and over all gold expressions);
- ``timex_type`` (a measure): the share of relaxed matches with the same type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..records import Time
from .gold import read_jsonl
from .scores import Report, Score

__all__ = ["GoldTimex", "match_timexes", "run_meantime", "run_te3", "score_timexes"]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    """One gold TIMEX3 with character offsets into the scored text."""

    start: int
    end: int
    value: str | None
    type: str = "DATE"


def match_timexes(gold: Sequence[GoldTimex], predicted: Sequence[Time],
                  strict: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: equal spans, or overlapping ones."""
    pairs: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            exact = (g.start, g.end) == (p.start, p.end)
            if strict:
                if exact:
                    pairs.append((0, 0, gi, pi))
            elif g.start < p.end and p.start < g.end:
                overlap = min(g.end, p.end) - max(g.start, p.start)
                pairs.append((0 if exact else 1, -overlap, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score_timexes(gold: Sequence[GoldTimex], predicted: Sequence[Time],
                  scores: dict[str, Score], types: list[int]) -> None:
    """Add one document's counts to the strict, relaxed and value scores."""
    for name, strict in (("timex_strict", True), ("timex_relaxed", False)):
        tp = len(match_timexes(gold, predicted, strict))
        scores[name].tp += tp
        scores[name].fp += len(predicted) - tp
        scores[name].fn += len(gold) - tp
    relaxed = match_timexes(gold, predicted, strict=False)
    correct = sum(1 for gi, pi in relaxed if gold[gi].value == predicted[pi].value)
    scores["timex_value"].tp += correct
    scores["timex_value"].fp += len(predicted) - correct
    scores["timex_value"].fn += len(gold) - correct
    types[0] += sum(1 for gi, pi in relaxed if gold[gi].type == predicted[pi].type)
    types[1] += len(relaxed)


def _run(name: str, docs: list[tuple[str, date | None, list[GoldTimex]]],
         details: list[str] | None = None) -> Report:
    from ..nlp import load_pipeline
    from ..times import find_times

    nlp = load_pipeline()
    scores = {n: Score(name=n) for n in ("timex_strict", "timex_relaxed", "timex_value")}
    types = [0, 0]
    texts = [text for text, _, _ in docs]
    for (text, dct, gold), doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        predicted = find_times(doc, dct)
        score_timexes(gold, predicted, scores, types)
        if details is not None:
            _explain(text, gold, predicted, details)
    report = Report(gold_set=name, scores=list(scores.values()))
    report.measures["timex_type.accuracy"] = types[0] / types[1] if types[1] else 0.0
    report.notes.append(f"{len(docs)} documents, {scores['timex_value'].tp + scores['timex_value'].fn}"
                        " gold expressions; publication date = each document's creation time")
    return report


def _explain(text: str, gold: Sequence[GoldTimex], predicted: Sequence[Time],
             out: list[str]) -> None:
    """Lines naming each value error, miss and false alarm (for development)."""
    matched = dict(match_timexes(gold, predicted, strict=False))
    hit = set(matched.values())
    for gi, g in enumerate(gold):
        if gi in matched:
            p = predicted[matched[gi]]
            if p.value != g.value or (p.start, p.end) != (g.start, g.end):
                out.append(f"DIFF  {text[g.start:g.end]!r}={g.value}  vs  {p.text!r}={p.value}")
        else:
            out.append(f"MISS  {text[g.start:g.end]!r}={g.value}  | ...{text[max(0, g.start - 40):g.start]!r}")
    for pi, p in enumerate(predicted):
        if pi not in hit:
            out.append(f"FALSE {p.text!r}={p.value}  | ...{text[max(0, p.start - 40):p.start]!r}")


def _gold(items: list[dict[str, Any]], scope_end: int | None = None) -> list[GoldTimex]:
    out = []
    for t in items:
        if t.get("empty") or t.get("start") is None:
            continue
        if scope_end is not None and t["start"] >= scope_end:
            continue
        out.append(GoldTimex(start=t["start"], end=t["end"], value=t.get("value"),
                             type=t.get("type", "DATE")))
    return out


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _te3_docs(shared: Path, limit: int | None) -> list[tuple[str, date | None, list[GoldTimex]]]:
    path = shared / "data" / "te3_platinum" / "te3_platinum.jsonl"
    return [(d["text"], _iso(d.get("dct")), _gold(d["timexes"])) for d in read_jsonl(path, limit)]


def _meantime_docs(shared: Path, limit: int | None) -> list[tuple[str, date | None, list[GoldTimex]]]:
    path = shared / "data" / "meantime_en" / "meantime_en.jsonl"
    docs = []
    for d in read_jsonl(path, limit):
        end = d.get("annotation_scope_end") or len(d["text"])
        docs.append((d["text"][:end], _iso(d.get("dct_iso") or d.get("dct")),
                     _gold(d["timexes"], end)))
    return docs


def run_te3(shared: Path, limit: int | None = None, details: list[str] | None = None) -> Report:
    """TempEval-3 platinum: 20 news documents, 138 TIMEX3."""
    return _run("te3", _te3_docs(shared, limit), details)


def run_meantime(shared: Path, limit: int | None = None,
                 details: list[str] | None = None) -> Report:
    """MEANTIME English: 120 Wikinews articles, scored inside the annotated scope."""
    return _run("meantime-timex", _meantime_docs(shared, limit), details)
