"""Quotations: marks pairing without a model, direct/indirect speech with it, MEANTIME floor."""

from __future__ import annotations

import pytest
from conftest import SHARED, require_shared

from eventwire.quotes import _segments, find_attributions, find_quotes, link_speakers, speech_cues
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


def test_quotes_lexicon_kinds_and_complements() -> None:
    cues = speech_cues()
    assert cues.reports("announce", "object") and cues.reports("announce", "clause")
    assert cues.reports("urge", "infinitive") and not cues.reports("say", "object")
    assert "announcement" in cues.nouns and "call for" in cues.verbs
    assert "expect" in cues.beliefs and "plan" in cues.intents
    assert not (cues.beliefs | cues.intents) & cues.verbs  # attitudes are not quotation cues


def test_quotes_segments_single_marks_delimit_a_quote() -> None:
    assert _texts("‘We will win the vote,’ the leader said.") == ["We will win the vote,"]
    assert _texts("'We will win the vote,' the leader said.") == ["We will win the vote,"]
    assert [c[0].single for c in _segments("'We will win,' he said.")] == [True]


def test_quotes_segments_apostrophes_are_not_single_marks() -> None:
    assert _texts("The players' union won't meet the club's owners.") == []
    text = "He called it the 'people's budget' at the unions' annual meeting."
    assert _texts(text) == ["people's budget"]


def test_quotes_segments_single_marks_inside_double_quotes_are_nested() -> None:
    text = '"She told me \'wait here\' and left," he said.'
    assert _texts(text) == ["She told me 'wait here' and left,"]


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


@pytest.mark.model
def test_quotes_multi_paragraph_quote_is_one_quote_per_paragraph(nlp) -> None:
    text = ('The mayor said: "The first part of the plan starts now.\n\n'
            '"The second part begins in spring, when the roads are dry."')
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The first part of the plan starts now.",
                                        "The second part begins in spring, when the roads are dry."]
    assert all(q.text == text[q.start:q.end] and '"' not in q.text for q in quotes)
    assert {q.speaker_text for q in quotes} == {"The mayor"}
    assert len({q.cue_span for q in quotes}) == 1


@pytest.mark.model
def test_quotes_split_quote_parts_share_the_cue_span(nlp) -> None:
    text = '"The bridge is safe," she said, "but the old road will stay closed for repairs."'
    first, second = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert first.cue_span == second.cue_span and first.id != second.id


@pytest.mark.model
def test_quotes_single_marks_with_a_cue_are_quotations(nlp) -> None:
    text = "‘We will not give up on this town,’ the minister told reporters."
    q = _one(_quotes(nlp, text), "direct")
    assert q.text == "We will not give up on this town," and q.speaker_text == "the minister"
    assert [q for q in _quotes(nlp, "Critics call it the 'people's budget' in the press.")
            if q.kind == "direct"] == []


@pytest.mark.model
def test_quotes_follow_up_quote_inherits_only_when_nothing_intervenes(nlp) -> None:
    text = '"The vote was fair," said Mr Jones.\n\n"We respect the result and will move on."'
    follow = [q for q in _quotes(nlp, text) if q.kind == "direct"][-1]
    assert follow.speaker_text == "Mr Jones" and follow.cue is None
    text = ('"The vote was fair," said Mr Jones.\n\nThe opposition leader disagreed with him.'
            '\n\n"We do not accept the result of this vote at all."')
    follow = [q for q in _quotes(nlp, text) if q.kind == "direct"][-1]
    assert follow.text.startswith("We do not accept") and follow.speaker_text is None


@pytest.mark.model
def test_quotes_indirect_object_of_announce_and_report(nlp) -> None:
    q = _one(_quotes(nlp, "The carmaker announced 2,000 job cuts at its German plants."), "indirect")
    assert q.text.startswith("2,000 job cuts") and q.speaker_text == "The carmaker"
    q = _one(_quotes(nlp, "The company announced plans to close three factories next year."),
             "indirect")
    assert q.text.startswith("plans to close three factories") and q.cue == "announced"


@pytest.mark.model
def test_quotes_indirect_infinitive_and_call_for(nlp) -> None:
    q = _one(_quotes(nlp, "The ministers urged the government to act quickly on the crisis."),
             "indirect")
    assert q.text == "the government to act quickly on the crisis" and q.cue == "urged"
    q = _one(_quotes(nlp, "The watchdog called for an inquiry into the deal."), "indirect")
    assert q.text == "an inquiry into the deal" and q.speaker_text == "The watchdog"


@pytest.mark.model
def test_quotes_noun_cues_with_a_possessor(nlp) -> None:
    text = "The cabinet's announcement that it would raise fuel prices angered drivers."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.cue == "announcement" and q.speaker_text == "The cabinet"
    assert q.text == "it would raise fuel prices"
    text = "According to the ministry's statement, the talks will resume next week."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.cue == "statement" and q.speaker_text == "the ministry"


@pytest.mark.model
def test_quotes_document_in_which_someone_wrote_gives_the_writer(nlp) -> None:
    text = "Smith resigned in a letter to the board saying he had lost confidence in the chairman."
    q = _one(_quotes(nlp, text), "indirect")
    assert q.speaker_text == "Smith" and q.text == "he had lost confidence in the chairman"


@pytest.mark.model
def test_quotes_beliefs_and_intents_are_attributions_not_quotes(nlp) -> None:
    text = "The analysts expect the economy to grow next year. The company plans to open ten stores."
    assert _quotes(nlp, text) == []
    kinds = {q.kind: q for q in find_attributions(nlp(text))}
    assert kinds["belief"].speaker_text == "The analysts" and kinds["belief"].cue == "expect"
    assert kinds["intent"].text == "to open ten stores"


# ------------------------------------------------------------------ gold


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
def test_quotes_meantime_cue_speaker_floor() -> None:
    require_shared("data", "meantime_en", "meantime_en_speech_attributions.jsonl")
    from eventwire.evaluate.speech import run_meantime

    report = run_meantime(SHARED, None)
    assert report.metric("cue_reporting.f1") >= 0.83
    assert report.metric("cue_speaker.f1") >= 0.87
    assert report.metric("cue_speaker_clausal.f1") >= 0.92
    assert report.metric("speaker_all.f1") >= 0.70


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
