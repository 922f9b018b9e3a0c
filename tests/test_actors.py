"""The actor stage on sentences written for the test: datelines, credits, names the model
cuts, counterparts and generic actors placed by their context. Rules over the parse are
tested on Docs built by hand; end-to-end cases carry the ``model`` marker."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.actors import PASSES, ActorTable, coref, mentions, quote_speakers
from eventwire.actors.infer import dateline_end
from eventwire.actors.mentions import _credit
from eventwire.lexicon import _joined_name
from eventwire.pipeline import extract_many
from eventwire.records import Actor, Article, Document, Mention, Quote

# ------------------------------------------------------------------ fast, no model


@pytest.mark.parametrize(("text", "place"), [
    ("NAIROBI, Kenya (AP) \u2014 Police said on Monday", "NAIROBI, Kenya"),
    ("BAGHDAD (Reuters) - Soldiers opened fire", "BAGHDAD"),
    ("Kabul, Afghanistan - Gunmen attacked a post", "Kabul, Afghanistan"),
])
def test_actors_dateline_is_found_with_its_agency_and_dash(text: str, place: str) -> None:
    end = dateline_end(text)
    assert end is not None
    assert text[:end].startswith(place)
    assert text[end:][:1].isupper()  # the story starts right after it


@pytest.mark.parametrize("text", [
    "President Obama - who visited Berlin - met the chancellor.",
    "The minister said: we will not resign.",
    "Talks went on late into the night - and failed.",
])
def test_actors_a_sentence_is_no_dateline(text: str) -> None:
    assert dateline_end(text) is None


VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_alpha, is_title), no model


def _doc(words: list[str], ents: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents)


def test_actors_picture_credits_and_bylines_are_no_actors() -> None:
    credit = _doc(["Reuters", "|", "Jane", "Doe", ":", "Protesters", "marched", "."],
                  ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    assert _credit(credit.ents[1])
    byline = _doc(["By", "Jane", "Doe", "\n", "Police", "said", "."],
                  ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    assert _credit(byline.ents[0])
    story = _doc(["Jane", "Doe", "said", "the", "army", "attacked", "the", "town", "."],
                 ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    assert not _credit(story.ents[0])
    agent = _doc(["Evidence", "was", "presented", "by", "the", "US", "."],
                 ["O", "O", "O", "O", "O", "B-GPE", "O"])
    assert not _credit(agent.ents[0])  # "by" inside a sentence is no byline


def test_actors_names_the_tokenizer_cut_are_joined() -> None:
    doc = _doc(["Minister", "Cho", "Tae", "-", "yul", "met", "Ursula", "von", "der", "Leyen", "."],
               ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"],
               [True, True, False, False, True, True, True, True, True, False, False])
    joined = [_joined_name(doc, e).text for e in doc.ents]
    assert joined == ["Cho Tae-yul", "Ursula von der Leyen"]
    spaced = _doc(["Kim", "Lee", "-", "the", "envoy"], ["B-PERSON", "I-PERSON", "O", "O", "O"])
    assert _joined_name(spaced, spaced.ents[0]).text == "Kim Lee"  # a dash between words


def test_actors_passes_run_in_their_declared_order() -> None:
    names = [p.__name__ for p in PASSES]
    assert names == ["people", "of_titles", "entities", "surnames", "pairs", "title_phrases",
                     "documents", "pronouns"]
    assert all(p.__module__ in (mentions.__name__, coref.__name__) for p in PASSES)


def test_actors_first_person_in_a_direct_quote_is_a_mention_of_its_speaker() -> None:
    text = 'Ana Torres said: "We will never accept this, and I mean it." Our view differs.'
    speaker = Actor(id="ac1", name="Ana Torres", kind="person",
                    mentions=(Mention(start=0, end=10, text="Ana Torres"),))
    table = ActorTable(actors=(speaker,), spans=((0, 10, "ac1"),))
    start = text.index('"')
    end = text.index('"', start + 1) + 1
    quote = Quote(id="q1", kind="direct", start=start, end=end, text=text[start:end], speaker="ac1")
    out = quote_speakers(table, (quote,), text)
    assert [m.text for m in out.actors[0].mentions] == ["Ana Torres", "We", "I"]
    assert out.resolve(text.index("We"), text.index("We") + 2) == "ac1"
    assert out.resolve(text.index("Our"), text.index("Our") + 3) is None  # outside the quote
    unspoken = Quote(id="q2", kind="direct", start=start, end=end, text=text[start:end])
    assert quote_speakers(table, (unspoken,), text) is table


# ------------------------------------------------------------------ with the model


def _docs(texts: list[str], nlp: object) -> list[Document]:
    arts = [Article(id=str(i), text=t, published=date(2015, 6, 10)) for i, t in enumerate(texts)]
    out = list(extract_many(arts, nlp=nlp))  # type: ignore[arg-type]
    assert all(isinstance(d, Document) for d in out)
    return out  # type: ignore[return-value]


def _country_of(doc: Document, mention: str) -> str | None:
    for actor in doc.actors:
        if any(mention.lower() in m.text.lower() for m in actor.mentions):
            return actor.country
    raise AssertionError(f"no actor mentions {mention!r} in {doc.article.text!r}")


@pytest.mark.model
def test_actors_generic_actors_take_the_country_their_context_names(nlp: object) -> None:
    cases = [
        ("Police arrested dozens of protesters in Khartoum on Monday.", "Police", "SDN"),
        ("BAGHDAD (Reuters) - Soldiers opened fire on villagers, residents said.", "Soldiers", "IRQ"),
        ("NAIROBI, Kenya (AP) \u2014 Police said they arrested ten people.", "Police", "KEN"),
        ("The Indian foreign minister met with his Chinese counterpart on Friday.",
         "Chinese counterpart", "CHN"),
    ]
    docs = _docs([c[0] for c in cases], nlp)
    for (text, mention, country), doc in zip(cases, docs, strict=True):
        assert _country_of(doc, mention) == country, text


@pytest.mark.model
def test_actors_a_state_that_takes_part_does_not_place_the_others(nlp: object) -> None:
    doc, = _docs(["The government demanded that Japan pay compensation."], nlp)
    assert all(a.country != "JPN" for a in doc.actors if a.kind != "country")


@pytest.mark.model
def test_actors_dateline_names_no_actor_and_credits_are_dropped(nlp: object) -> None:
    dateline, credit = _docs(["BAGHDAD (Reuters) - Soldiers opened fire on villagers.",
                              "Photo: John Roe/AFP\n\nPresident Maria Gonzalez said the army attacked."], nlp)
    assert not any(m.text in ("BAGHDAD", "Reuters", "(Reuters") for a in dateline.actors
                   for m in a.mentions)
    assert [a.name for a in credit.actors if a.kind == "person"] == ["Maria Gonzalez"]
