"""A long article is parsed in segments of whole paragraphs and joined into one Doc."""

from __future__ import annotations

import re
from itertools import permutations

import pytest

from eventwire.pipeline import SEGMENT_CHARS, extract, parse, segments
from eventwire.records import Article

# ------------------------------------------------------------------ fast, no model


def _check_tiles(text: str, limit: int) -> list[str]:
    spans = segments(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(s < e for s, e in spans)
    return [text[s:e] for s, e in spans]


def test_pipeline_segments_short_text_is_one_segment() -> None:
    text = "One paragraph.\n\nAnother one."
    assert segments(text) == ((0, len(text)),)
    assert segments("x" * SEGMENT_CHARS) == ((0, SEGMENT_CHARS),)
    assert segments("") == ((0, 0),)


def test_pipeline_segments_group_whole_paragraphs() -> None:
    paragraphs = [f"Paragraph {i} says something. It ends here." for i in range(40)]
    text = "\n\n".join(paragraphs)
    parts = _check_tiles(text, 200)
    assert len(parts) > 1
    assert all(len(p) <= 200 for p in parts)
    for part in parts[:-1]:
        assert part.endswith("here.\n\n")  # the blank line stays with the paragraph before
    for part in parts:
        assert re.match(r"Paragraph \d+", part)
    assert "".join(parts) == text


def test_pipeline_segments_blank_lines_with_spaces_and_crlf() -> None:
    text = "\r\n \r\n".join(f"Line {i} of the text." for i in range(30))
    parts = _check_tiles(text, 100)
    assert all(p.startswith("Line") for p in parts)


def test_pipeline_segments_long_paragraph_cut_after_a_sentence() -> None:
    text = " ".join(f"Sentence number {i} is short." for i in range(100))
    parts = _check_tiles(text, 300)
    assert all(len(p) <= 300 for p in parts)
    assert all(p.rstrip().endswith("short.") for p in parts)


def test_pipeline_segments_never_inside_a_word() -> None:
    words = [f"word{i}" for i in range(500)]
    text = " ".join(words)  # no sentence end, no line break
    parts = _check_tiles(text, 120)
    assert all(len(p) <= 120 for p in parts)
    assert [w for p in parts for w in p.split()] == words


def test_pipeline_segments_a_word_longer_than_the_limit_runs_to_a_space() -> None:
    text = "short words here " + "x" * 500 + " and the rest of it"
    parts = _check_tiles(text, 100)
    assert any(p.strip() == "x" * 500 for p in parts)
    assert [w for p in parts for w in p.split()] == text.split()


def test_pipeline_segments_joined_doc_keeps_text_and_offsets() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "\n\n".join(f"Paragraph {i} has words. And a second sentence!" for i in range(50))
    with nlp.memory_zone():
        doc = parse(nlp, text, limit=300)
        assert doc.text == text
        assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
        sents = [s.text.strip() for s in doc.sents if s.text.strip()]
        assert sents.count("And a second sentence!") == 50


# ------------------------------------------------------------------ with the model

STATES = ("France", "Germany", "Japan", "Brazil", "Egypt", "Kenya", "India", "Mexico",
          "Canada", "Peru", "Norway", "Chile", "Turkey", "Vietnam", "Ghana", "Spain",
          "Poland", "Iran", "Sweden", "Nigeria")
ACTS = ("{a} criticised {b} on Monday.",
        "{a} imposed new sanctions on {b} last week.",
        "{a} signed a trade agreement with {b} on Friday.",
        "{a} sent humanitarian aid to {b} on Sunday.")
FILLER = (" It rained heavily all morning, and the traffic on the long coastal road was slow"
          " until well after noon.")


def _long_article() -> str:
    """About 60,000 characters: one act between two states a paragraph, each pair once."""
    paragraphs = [ACTS[n % len(ACTS)].format(a=a, b=b) + FILLER
                  for n, (a, b) in enumerate(permutations(STATES, 2))]
    return "\n\n".join(paragraphs)


@pytest.mark.model
def test_pipeline_segments_long_article_same_events_as_its_segments(nlp: object) -> None:
    text = _long_article()
    assert len(text) > 55_000
    spans = segments(text)
    assert len(spans) == 2
    whole = extract(Article(id="long", text=text), nlp)  # type: ignore[arg-type]
    for event in whole.events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    alone = set()
    for start, end in spans:
        part = extract(Article(id="part", text=text[start:end]), nlp)  # type: ignore[arg-type]
        alone |= {(e.type, e.evidence.start + start, e.evidence.end + start, e.evidence.text)
                  for e in part.events}
    together = {(e.type, e.evidence.start, e.evidence.end, e.evidence.text)
                for e in whole.events}
    assert len(together) > 100
    assert together == alone
