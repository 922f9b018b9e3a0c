"""Quotations: marks pairing without a model, direct/indirect speech with it, MEANTIME floor."""

from __future__ import annotations

import pytest
from conftest import SHARED, require_shared

from eventwire.quotes import _segments, find_quotes, link_speakers, speech_cues
from eventwire.records import Quote, Span

# ------------------------------------------------------------------ fast, no model


def _texts(text: str) -> list[str]:
    return [text[c[0].start:c[-1].end] for c in _segments(text)]


def test_quotes_lexicon_has_reporting_verbs_and_phrases() -> None:
    cues = speech_cues()
    assert {"say", "tell", "add", "warn", "stress"} <= cues.verbs
    assert ("according", "to") in cues.phrases
    assert "continue" in cues.direct_only and "continue" not in cues.verbs


def test_quotes_segments_straight_and_curly_marks() -> None:
    assert _texts('"Rain is coming," the forecaster said.') == ["Rain is coming,"]
    assert _texts("“Rain is coming,” the forecaster said.") == ["Rain is coming,"]
    assert _texts("`` Rain is coming , '' the forecaster said .") == [" Rain is coming , "]


def test_quotes_segments_multi_paragraph_quote_is_one_chain() -> None:
    text = '"The first part goes on.\n\n"The second part ends here," the mayor said.'
    chains = _segments(text)
    assert len(chains) == 1 and len(chains[0]) == 2
    assert text[chains[0][0].start:chains[0][-1].end].endswith("ends here,")


def test_quotes_segments_stray_closing_mark_after_a_closed_quote_is_ignored() -> None:
    text = '“We will talk,” the envoy said, adding that talks may start soon,” the note said.'
    assert _texts(text) == ["We will talk,"]


def test_quotes_segments_unopened_quote_starts_at_the_paragraph() -> None:
    text = 'Intro line.\nThe deal is off for now," the agent said.'
    assert _texts(text) == ["The deal is off for now,"]


def test_quotes_segments_unclosed_opener_ends_before_the_next_opener() -> None:
    text = '"One thing is clear. "Another thing is too," she said.'
    assert _texts(text) == ["One thing is clear. ", "Another thing is too,"]


class _Table:
    def resolve(self, start: int, end: int) -> str | None:
        return "actor_1" if (start, end) == (0, 5) else None


def test_quotes_link_speakers_uses_the_speaker_span() -> None:
    quote = Quote(id="q_1", kind="direct", start=10, end=20, text="x",
                  speaker_text="Jones", speaker_span=Span(start=0, end=5))
    assert link_speakers((quote,), _Table())[0].speaker == "actor_1"


# ------------------------------------------------------------------ with the model


def _quotes(nlp, text: str) -> list[Quote]:
    return list(find_quotes(nlp(text)))


def _one(quotes: list[Quote], kind: str) -> Quote:
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, quotes
    return found[0]


@pytest.mark.model
def test_quotes_direct_speaker_after(nlp) -> None:
    text = '"We will not reopen the port until the storm passes," the harbour master said on Friday.'
    q = _one(_quotes(nlp, text), "direct")
    assert q.text == "We will not reopen the port until the storm passes,"
    assert q.text == text[q.start:q.end]
    assert q.speaker_text == "the harbour master" and q.cue == "said"
    assert q.cue_span is not None and text[q.cue_span.start:q.cue_span.end] == "said"


@pytest.mark.model
def test_quotes_direct_speaker_before_with_colon(nlp) -> None:
    text = "The coach told reporters: “Our players gave everything tonight and I am proud of them.”"
    q = _one(_quotes(nlp, text), "direct")
    assert q.text.startswith("Our players gave everything")
    assert q.speaker_text == "The coach" and q.cue == "told"


@pytest.mark.model
def test_quotes_direct_speaker_in_the_middle(nlp) -> None:
    text = '"The bridge is safe," she said, "but the old road will stay closed for repairs."'
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The bridge is safe,",
                                        "but the old road will stay closed for repairs."]
    assert all(q.speaker_text == "she" and q.cue == "said" for q in quotes)


@pytest.mark.model
def test_quotes_document_speaker_is_the_whole_noun_phrase(nlp) -> None:
    text = ("“The council will meet again next week to discuss the budget,” "
            "the city hall statement said.")
    q = _one(_quotes(nlp, text), "direct")
    assert q.speaker_text == "the city hall statement"


@pytest.mark.model
def test_quotes_scare_quotes_and_titles_are_not_quotations(nlp) -> None:
    text = ('Critics called the scheme a "disaster" on Monday. '
            'She starred in "The Long Road Home" last year.')
    assert [q for q in _quotes(nlp, text) if q.kind == "direct"] == []


@pytest.mark.model
def test_quotes_indirect_said_that(nlp) -> None:
    text = "The farmers' union said that prices would rise sharply after the drought."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.text == "prices would rise sharply after the drought"
    assert q.speaker_text == "The farmers' union" and q.cue == "said"


@pytest.mark.model
def test_quotes_indirect_told_someone(nlp) -> None:
    text = "The mayor told residents the water supply would be restored by the evening."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.text.startswith("the water supply would be restored")
    assert q.speaker_text == "The mayor" and q.cue == "told"


@pytest.mark.model
def test_quotes_indirect_according_to_at_the_end(nlp) -> None:
    text = "The museum will close for two months, according to the culture ministry."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.text == "The museum will close for two months"
    assert q.cue == "according to" and q.speaker_text == "the culture ministry"


@pytest.mark.model
def test_quotes_indirect_reported_in_a_statement(nlp) -> None:
    text = "The airline cancelled forty flights because of the strike, the company reported in a statement."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.text.startswith("The airline cancelled forty flights")
    assert q.cue == "reported" and q.speaker_text == "the company"


@pytest.mark.model
def test_quotes_indirect_adding_keeps_the_first_speaker(nlp) -> None:
    text = "The bank said on Tuesday it would cut rates, adding that inflation had slowed."
    quotes = [q for q in _quotes(nlp, text) if q.kind == "indirect"]
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["said"].text == "it would cut rates"
    assert by_cue["adding"].text == "inflation had slowed"
    assert by_cue["adding"].speaker_text == "The bank"


@pytest.mark.model
def test_quotes_ids_are_stable_and_offsets_exact(nlp) -> None:
    text = ('The senator said the vote would be close. "We need every member here," he added.')
    first, second = _quotes(nlp, text), _quotes(nlp, text)
    assert [q.id for q in first] == [q.id for q in second]
    for q in first:
        assert q.text == text[q.start:q.end]
        if q.speaker_span is not None:
            assert q.speaker_text == text[q.speaker_span.start:q.speaker_span.end]


# ------------------------------------------------------------------ gold


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
def test_quotes_meantime_cue_speaker_floor() -> None:
    require_shared("data", "meantime_en", "meantime_en_speech_attributions.jsonl")
    from eventwire.evaluate.speech import run_meantime

    report = run_meantime(SHARED, None)
    assert report.metric("cue_reporting.f1") >= 0.74
    assert report.metric("cue_speaker.f1") >= 0.76
    assert report.metric("cue_speaker_clausal.f1") >= 0.88


@pytest.mark.model
@pytest.mark.shared
def test_quotes_seed_article_quotes_and_speakers(nlp) -> None:
    import json

    folder = require_shared("seed")
    text = (folder / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    mentions = {a["id"]: [a["name"], *a.get("mentions", ())] for a in gold["actors"]}
    found = _quotes(nlp, text)

    def norm(s: str) -> str:
        return s.replace("’", "'").lower()

    for g in gold["quotes"]:
        hits = [q for q in found if q.kind == g["kind"] and q.cue == g["cue"]
                and norm(q.text).startswith(norm(g["starts_with"]))]
        assert hits, g
        speaker = norm(hits[0].speaker_text or "")
        assert speaker and any(norm(m) in speaker or speaker in norm(m)
                               for m in mentions[g["speaker"]]), (g, hits[0])
