"""The MEANTIME mention adapter's scoring, on hand-made spans (no model)."""

from __future__ import annotations

from eventwire.evaluate.mentions import gold_items, produced_spans, score_mentions
from eventwire.evaluate.scores import Score
from eventwire.records import Actor, Mention

TEXT = "Acme analyst Jo Bloggs said Acme and Beta Corp met the company. He left. Later text"


def _m(start: int, end: int, etype: str | None, syn: str | None, inst: str) -> dict[str, object]:
    out: dict[str, object] = {"start": start, "end": end, "text": TEXT[start:end],
                              "syntactic_type": syn, "instance": inst}
    if etype:
        out["entity_type"] = etype
    return out


def _span(s: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(s, i + 1)
    return (i, i + len(s))


def test_evaluate_mentions_gold_items_nest_and_conjunction():
    mentions = [
        _m(*_span("Acme analyst Jo Bloggs"), "PER", "NAM", "jo"),
        _m(*_span("Jo Bloggs"), "PER", "NAM", "jo"),
        _m(*_span("He"), "PER", "PRO", "jo"),
        _m(*_span("Acme"), "ORG", "PRE.NAM", "acme"),
        _m(*_span("Acme", 1), "ORG", "NAM", "acme"),
        _m(*_span("Beta Corp"), "ORG", "NAM", "beta"),
        _m(*_span("Acme and Beta Corp"), "ORG", "NAM", "acme+beta"),
        _m(*_span("the company"), "ORG", "NOM", "beta"),
        _m(*_span("Later"), "ORG", "NAM", "out"),
    ]
    scope = TEXT.index("Later")
    per, per_dc = gold_items(mentions, "PER", scope)
    assert len(per) == 1 and len(per[0].spans) == 2 and per_dc == [_span("He")]
    org, org_dc = gold_items(mentions, "ORG", scope)
    assert len(org) == 3
    assert _span("Acme and Beta Corp") in org_dc and _span("the company") in org_dc


def test_evaluate_mentions_score_strict_and_overlap():
    scope = TEXT.index("Later")
    mentions = [_m(*_span("Jo Bloggs"), "PER", "NAM", "jo"),
                _m(*_span("Beta Corp"), "ORG", "NAM", "beta"),
                _m(*_span("the company"), "ORG", "NOM", "beta"),
                _m(*_span("Acme", 1), "ORG", "NAM", "acme")]
    items, dont_care = gold_items(mentions, "ORG", scope)
    strict, overlap = Score(name="s"), Score(name="o")
    # "the Beta Corp"-like trimming is not needed here; "Beta" overlaps but is not exact
    produced = [((_span("Beta Corp")[0], _span("Beta Corp")[0] + 4),), (_span("the company"),),
                (_span("met"),)]
    score_mentions(TEXT, produced, items, dont_care, strict, overlap)
    assert (strict.tp, strict.fp, strict.fn) == (0, 2, 2)
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 1, 1)


def test_evaluate_mentions_produced_spans_skip_pronouns_and_scope():
    actor = Actor(id="a", name="Jo Bloggs", kind="person", mentions=(
        Mention(start=13, end=22, text="Jo Bloggs"), Mention(start=64, end=66, text="He"),
        Mention(start=74, end=79, text="Later")))
    assert produced_spans([actor], "person", TEXT, 73) == [((13, 22),)]
    assert produced_spans([actor], "organization", TEXT, 73) == []


def test_evaluate_mentions_a_mention_and_its_extent_are_one_produced_item():
    jo, extent = _span("Jo Bloggs"), _span("Jo Bloggs said Acme")  # an extent, however odd
    actor = Actor(id="a", name="Jo Bloggs", kind="person", mentions=(
        Mention(start=jo[0], end=jo[1], text="Jo Bloggs"),
        Mention(start=extent[0], end=extent[1], text=TEXT[extent[0]:extent[1]])))
    produced = produced_spans([actor], "person", TEXT, 73)
    assert produced == [(jo, extent)]
    items, dont_care = gold_items([_m(*_span("Acme analyst Jo Bloggs"), "PER", "NAM", "jo")], "PER", 73)
    strict, overlap = Score(name="s"), Score(name="o")
    score_mentions(TEXT, produced, items, dont_care, strict, overlap)
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)  # one miss, not two
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 0, 0)
    wide, = gold_items([_m(*extent, "PER", "NAM", "jo")], "PER", 73)[:1]
    strict = Score(name="s")
    score_mentions(TEXT, produced, wide, [], strict, Score(name="o"))
    assert (strict.tp, strict.fp, strict.fn) == (1, 0, 0)  # the extent is right
