"""Speech attribution against MEANTIME (English): cue, and cue + speaker.

MEANTIME marks every SPEECH_COGNITIVE event (the cue) with its Arg0 speaker, but only inside
each document's annotated scope (title, dateline, first four body sentences), and it does not
mark the reported content. So a produced quote is scored on its cue and speaker, and only when
its cue lies before ``annotation_scope_end``.

Rows:

- ``cue``: every gold SPEECH_COGNITIVE cue in scope. Recall here is bounded: the class also
  holds cognition ("fears", "expects", "plans") and nouns ("statement", "speech") that are not
  quotations.
- ``cue_reporting``: gold restricted to reporting cues, i.e. cues whose lemma is a speech cue
  of ``data/speech_cues.tsv`` (a speech act with a speaker, what ``find_quotes`` reports).
- ``cue_speaker``: the reporting cues that have a gold speaker; a produced quote counts when
  its cue overlaps the gold cue and its ``speaker_span`` overlaps the gold speaker mention.
- ``cue_speaker_clausal``: of those, the ones whose gold content is anchored on a verb (a
  reported clause or a quotation), leaving out announcements of a noun ("X announced job
  cuts").
- ``speaker_all``: every gold cue with a gold speaker, whatever its lemma: the row that does
  not move with the lexicon. It holds cognition and intention ("expects", "plans", "wants"),
  and non-speech events the corpus files under the class ("saw a drop", "posted gains").
- ``attribution`` and ``attribution_speaker``: ``find_attributions`` (quotations plus verbs of
  belief and intent) against every gold cue, and every gold cue with a gold speaker.

The reporting subset (``cue_reporting`` and the rows under it) follows the lexicon: a lemma
added to ``data/speech_cues.tsv`` as a quotation cue (verb, direct, phrase, noun) adds its
gold cues to those rows, found or not; ``speaker_all`` is the fixed yardstick.

A produced cue that matches no gold cue at all is a false positive in every row; one that
matches a gold cue outside a row's subset is left out of that row. Produced "according to"
cues are not scored: MEANTIME marks events, never prepositional cues.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Quote
from .gold import read_jsonl
from .scores import Report, Score

__all__ = ["run_meantime", "score_quotes"]

DATA = Path("data", "meantime_en")


@dataclass(frozen=True, slots=True)
class _Gold:
    cue: tuple[int, int]
    speakers: tuple[tuple[int, int], ...]
    reporting: bool
    clausal: bool


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_SUBSETS: dict[str, Callable[[_Gold], bool]] = {
    "cue": lambda g: True,
    "cue_reporting": lambda g: g.reporting,
    "cue_speaker": lambda g: g.reporting and bool(g.speakers),
    "cue_speaker_clausal": lambda g: g.reporting and bool(g.speakers) and g.clausal,
    "speaker_all": lambda g: bool(g.speakers),
    "attribution": lambda g: True,
    "attribution_speaker": lambda g: bool(g.speakers),
}
_WITH_SPEAKER = frozenset({"cue_speaker", "cue_speaker_clausal", "speaker_all",
                           "attribution_speaker"})


def score_quotes(quotes: Iterable[Quote], gold: Iterable[_Gold], scope_end: int,
                 scores: dict[str, Score]) -> None:
    """Add one document's counts to the rows of ``scores`` (names from the module docstring)."""
    golds = list(gold)
    matched: dict[str, set[int]] = {name: set() for name in scores}
    subsets = _SUBSETS
    seen_cues: set[tuple[int, int]] = set()
    for quote in quotes:
        if quote.cue_span is None or quote.cue_span.end > scope_end:
            continue
        if " " in quote.cue.strip() if quote.cue else False:
            continue  # "according to": MEANTIME marks events, never prepositional cues
        cue = (quote.cue_span.start, quote.cue_span.end)
        if cue in seen_cues:
            continue  # a split quote ("A," he said, "B") has one attribution
        seen_cues.add(cue)
        hits = [i for i, g in enumerate(golds) if _overlaps(cue, g.cue)]
        if not hits:
            for score in scores.values():
                score.fp += 1
            continue
        g = golds[hits[0]]
        speaker_ok = quote.speaker_span is not None and any(
            _overlaps((quote.speaker_span.start, quote.speaker_span.end), s) for s in g.speakers)
        for name, score in scores.items():
            if not subsets[name](g):
                continue
            if name in _WITH_SPEAKER and not speaker_ok:
                score.fp += 1
                continue
            score.tp += 1
            matched[name].add(hits[0])
    for i, g in enumerate(golds):
        for name, score in scores.items():
            if subsets[name](g) and i not in matched[name]:
                score.fn += 1


def _clausal(doc: Any, record: dict[str, Any]) -> bool:
    """Whether the gold content is a clause or a quotation (a verb anchors it), as in a quote."""
    for anchor in record.get("content_anchor_events") or ():
        span = doc.char_span(int(anchor["start"]), int(anchor["end"]), alignment_mode="expand")
        if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span):
            return True
    return False


def run_meantime(shared: Path, limit: int | None) -> Report:
    """Score ``find_quotes`` on the annotated scope of the 120 MEANTIME documents."""
    from ..nlp import load_pipeline
    from ..quotes import find_attributions, find_quotes, speech_cues

    base = shared / DATA
    docs = read_jsonl(base / "meantime_en.jsonl")
    attributions = read_jsonl(base / "meantime_en_speech_attributions.jsonl")
    if limit is not None:
        docs = docs[:limit]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for record in attributions:
        if record.get("in_full_scope"):
            by_doc.setdefault(str(record["doc_id"]), []).append(record)

    cues = speech_cues()
    reporting_lemmas = cues.verbs | cues.direct_only | cues.nouns | {" ".join(p) for p in cues.phrases}
    nlp = load_pipeline()
    names = ("cue", "cue_reporting", "cue_speaker", "cue_speaker_clausal", "speaker_all")
    scores = {name: Score(name=name) for name in names}
    layer = {name: Score(name=name) for name in ("attribution", "attribution_speaker")}
    n_quotes = 0
    for doc_record, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        gold: list[_Gold] = []
        for record in by_doc.get(str(doc_record["doc_id"]), []):
            cue = (int(record["cue"]["start"]), int(record["cue"]["end"]))
            span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
            lemma = " ".join(t.lemma_.lower() for t in span) if span is not None else ""
            gold.append(_Gold(
                cue=cue,
                speakers=tuple((int(s["start"]), int(s["end"])) for s in record["speakers"]),
                reporting=lemma in reporting_lemmas,
                clausal=_clausal(doc, record),
            ))
        quotes = find_quotes(doc)
        n_quotes += len(quotes)
        score_quotes(quotes, gold, int(doc_record["annotation_scope_end"]), scores)
        score_quotes(find_attributions(doc), gold, int(doc_record["annotation_scope_end"]), layer)
    return Report(
        gold_set="meantime-speech",
        scores=[*scores.values(), *layer.values()],
        measures={"documents": float(len(docs)), "quotes_per_document": n_quotes / max(1, len(docs))},
        notes=["scored inside each document's annotated scope only (annotation_scope_end)",
               "cue_reporting/cue_speaker: gold cues whose lemma is a quotation cue of data/speech_cues.tsv",
               "speaker_all: every gold cue with a gold speaker (does not follow the lexicon)",
               "attribution*: find_attributions (quotes + belief/intent verbs) on all gold cues",
               "cue_speaker_clausal: and whose gold content is anchored on a verb",
               "produced 'according to' cues are not scored (MEANTIME has no such cue)"],
    )
