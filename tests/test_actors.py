"""The actor stage on sentences written for the test: datelines, credits, names the model
cuts, counterparts and generic actors placed by their context. Rules over the parse are
tested on Docs built by hand; end-to-end cases carry the ``model`` marker."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.actors import PASSES, ActorTable, coref, find_actors, mentions, quote_speakers
from eventwire.actors.extents import extents
from eventwire.actors.mentions import _credit, _rejoin_of, _with_numeral
from eventwire.actors.phrases import _appositive, _destination
from eventwire.datelines import dateline_end, dateline_name, dateline_names_end
from eventwire.lexicon import _joined_name
from eventwire.pipeline import extract_many
from eventwire.records import Actor, Article, Document, Mention, Quote

# ------------------------------------------------------------------ fast, no model


@pytest.mark.parametrize(("text", "place"), [
    ("NAIROBI, Kenya (AP) \u2014 Police said on Monday", "NAIROBI, Kenya"),
    ("BAGHDAD (Reuters) - Soldiers opened fire", "BAGHDAD"),
    ("Kabul, Afghanistan - Gunmen attacked a post", "Kabul, Afghanistan"),
    ("Reuters - Libyan leader Muammar Gaddafi said", "Reuters"),  # a credit standing alone
    ("KISUMU, May 5 (Reuters) - Police said", "KISUMU"),  # dated
    ("MBALE, Uganda, Jan. 29 (Xinhua) -- Police said", "MBALE, Uganda"),
    ("Nakuru/Eldoret, 7 December 2023 (dpa) - Police said", "Nakuru/Eldoret"),
    ("MINSK, June 21. /TASS/. Police said", "MINSK"),  # the agency between slashes
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
    "Mr Karim, May 5 - a date alone makes no dateline.",
])
def test_actors_a_sentence_is_no_dateline(text: str) -> None:
    assert dateline_end(text) is None


def test_actors_a_dated_datelines_names_end_before_its_date() -> None:
    text = "MBALE, Uganda, Jan. 29 (Xinhua) -- Police said"
    assert text[:dateline_names_end(text)] == "MBALE, Uganda"
    assert dateline_name(text) == (0, len("MBALE"))


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
    assert names == ["people", "of_titles", "entities", "unlabelled_states", "surnames", "fold_names", "pairs",
                     "described_groups", "named_units",
                     "title_phrases", "described_bodies", "described_states", "sides",
                     "nationals", "crowds", "documents", "pronouns"]
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


def _parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc with a hand-written parse: (word, head index, dep, pos, IOB entity) per token."""
    words, heads, deps, pos, ents = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def _by_name(doc: Doc) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(doc).actors}


# "Ana Torres, Peru's trade minister, said exports grew."
APPOSITION = [("Ana", 1, "compound", "PROPN", "B-PERSON"), ("Torres", 8, "nsubj", "PROPN", "I-PERSON"),
              (",", 1, "punct", "PUNCT", "O"), ("Peru", 6, "poss", "PROPN", "B-GPE"),
              ("'s", 3, "case", "PART", "O"), ("trade", 6, "compound", "NOUN", "O"),
              ("minister", 1, "appos", "NOUN", "O"), (",", 1, "punct", "PUNCT", "O"),
              ("said", 8, "ROOT", "VERB", "O"), ("exports", 10, "nsubj", "NOUN", "O"),
              ("grew", 8, "ccomp", "VERB", "O"), (".", 8, "punct", "PUNCT", "O")]


def test_actors_an_appositive_gives_the_person_country_and_title() -> None:
    doc = _parsed(APPOSITION)
    apposed = _appositive(doc[1])
    assert apposed is not None and apposed.i == 6
    torres = _by_name(doc)["Ana Torres"]
    assert (torres.country, torres.role, torres.country_source) == ("PER", "Trade Minister", "text")


def test_actors_a_name_the_ner_called_an_organisation_is_a_person_beside_a_title() -> None:
    rows = [(w, h, d, p, e.replace("PERSON", "ORG")) for w, h, d, p, e in APPOSITION]
    torres = _by_name(_parsed(rows))["Ana Torres"]
    assert torres.kind == "person" and torres.country == "PER"


def test_actors_the_place_an_office_is_sent_to_is_not_its_country() -> None:
    # "the UN envoy to Yemen"
    doc = _parsed([("the", 2, "det", "DET", "O"), ("UN", 2, "compound", "PROPN", "B-ORG"),
                   ("envoy", 2, "ROOT", "NOUN", "O"), ("to", 2, "prep", "ADP", "O"),
                   ("Yemen", 3, "pobj", "PROPN", "B-GPE")])
    phrase = list(doc)
    assert _destination(doc[4], phrase) and not _destination(doc[2], phrase)


def test_actors_a_second_capital_in_a_coordination_acts_for_its_government() -> None:
    # "Seoul and Bangkok agreed to resume talks."
    doc = _parsed([("Seoul", 3, "nsubj", "PROPN", "B-GPE"), ("and", 0, "cc", "CCONJ", "O"),
                   ("Bangkok", 0, "conj", "PROPN", "B-GPE"), ("agreed", 3, "ROOT", "VERB", "O"),
                   ("to", 5, "aux", "PART", "O"), ("resume", 3, "xcomp", "VERB", "O"),
                   ("talks", 5, "dobj", "NOUN", "O"), (".", 3, "punct", "PUNCT", "O")])
    assert {a.country for a in find_actors(doc).actors if a.kind == "country"} == {"KOR", "THA"}


def test_actors_the_two_leaders_are_the_two_persons_named_last() -> None:
    # "Ana Torres met Kenji Sato. The two leaders agreed."
    doc = _parsed([("Ana", 1, "compound", "PROPN", "B-PERSON"), ("Torres", 2, "nsubj", "PROPN", "I-PERSON"),
                   ("met", 2, "ROOT", "VERB", "O"), ("Kenji", 4, "compound", "PROPN", "B-PERSON"),
                   ("Sato", 2, "dobj", "PROPN", "I-PERSON"), (".", 2, "punct", "PUNCT", "O"),
                   ("The", 8, "det", "DET", "O"), ("two", 8, "nummod", "NUM", "O"),
                   ("leaders", 9, "nsubj", "NOUN", "O"), ("agreed", 9, "ROOT", "VERB", "O"),
                   (".", 9, "punct", "PUNCT", "O")])
    actors = _by_name(doc)
    for name in ("Ana Torres", "Kenji Sato"):
        assert "The two leaders" in [m.text for m in actors[name].mentions]
    assert not any(a.kind == "group" for a in actors.values())  # no group of "leaders"


def test_actors_they_after_coordinated_subjects_is_a_mention_of_each() -> None:
    # "Kenya and Tanzania said they will talk."
    doc = _parsed([("Kenya", 3, "nsubj", "PROPN", "B-GPE"), ("and", 0, "cc", "CCONJ", "O"),
                   ("Tanzania", 0, "conj", "PROPN", "B-GPE"), ("said", 3, "ROOT", "VERB", "O"),
                   ("they", 6, "nsubj", "PRON", "O"), ("will", 6, "aux", "AUX", "O"),
                   ("talk", 3, "ccomp", "VERB", "O"), (".", 3, "punct", "PUNCT", "O")])
    table = find_actors(doc)
    actors = {a.name: a for a in table.actors}
    for name in ("Kenya", "Tanzania"):
        assert "they" in [m.text for m in actors[name].mentions], name
    they = doc[4].idx
    found = table.resolve(they, they + 4)
    assert found is not None
    assert {found, *table.sharing(found, they, they + 4)} == {actors["Kenya"].id,
                                                              actors["Tanzania"].id}


def test_actors_the_three_countries_are_the_three_states_named_last() -> None:
    # "Kenya met Uganda and Tanzania. The three countries agreed." ("three countries" alone
    # may be any three)
    rows = [("Kenya", 1, "nsubj", "PROPN", "B-GPE"), ("met", 1, "ROOT", "VERB", "O"),
            ("Uganda", 1, "dobj", "PROPN", "B-GPE"), ("and", 2, "cc", "CCONJ", "O"),
            ("Tanzania", 2, "conj", "PROPN", "B-GPE"), (".", 1, "punct", "PUNCT", "O"),
            ("The", 8, "det", "DET", "O"), ("three", 8, "nummod", "NUM", "B-CARDINAL"),
            ("countries", 9, "nsubj", "NOUN", "O"), ("agreed", 9, "ROOT", "VERB", "O"),
            (".", 9, "punct", "PUNCT", "O")]
    holders = [a.name for a in find_actors(_parsed(rows)).actors
               if any(m.text == "The three countries" for m in a.mentions)]
    assert sorted(holders) == ["Kenya", "Tanzania", "Uganda"]
    # "Kenya met Uganda and Tanzania. Then three countries agreed."
    bare = [("Then", 9, "advmod", "ADV", "O") if r[0] == "The" else r for r in rows]
    assert not any(m.text.endswith("countries") for a in find_actors(_parsed(bare)).actors
                   for m in a.mentions)


def test_actors_an_office_takes_the_country_of_the_body_it_serves() -> None:
    # "A spokesman for the Sudanese Defence Ministry said."
    doc = _parsed([("A", 1, "det", "DET", "O"), ("spokesman", 7, "nsubj", "NOUN", "O"),
                   ("for", 1, "prep", "ADP", "O"), ("the", 6, "det", "DET", "O"),
                   ("Sudanese", 6, "amod", "ADJ", "B-NORP"), ("Defence", 6, "compound", "PROPN", "O"),
                   ("Ministry", 2, "pobj", "PROPN", "O"), ("said", 7, "ROOT", "VERB", "O"),
                   (".", 7, "punct", "PUNCT", "O")])
    spokesman = next(a for a in find_actors(doc).actors if a.kind == "person")
    assert (spokesman.country, spokesman.country_source) == ("SDN", "text")
    assert "A spokesman for the Sudanese Defence Ministry" in [m.text for m in spokesman.mentions]


def test_actors_its_police_belong_to_the_state_that_speaks() -> None:
    # "Kenya said its police would patrol."
    doc = _parsed([("Kenya", 1, "nsubj", "PROPN", "B-GPE"), ("said", 1, "ROOT", "VERB", "O"),
                   ("its", 3, "poss", "PRON", "O"), ("police", 5, "nsubj", "NOUN", "O"),
                   ("would", 5, "aux", "AUX", "O"), ("patrol", 1, "ccomp", "VERB", "O"),
                   (".", 1, "punct", "PUNCT", "O")])
    police = next(a for a in find_actors(doc).actors if a.kind != "country")
    assert (police.country, police.country_source) == ("KEN", "context")


def test_actors_a_title_put_before_a_name_marks_its_holder() -> None:
    from eventwire.actors.book import _titled
    words = "the military commander, commodore ana torres".split()
    assert _titled(words, ["commodore"], "Ana Torres")
    assert not _titled(words, ["admiral"], "Ana Torres")
    assert not _titled("commodore jo roe".split(), ["commodore"], "Ana Torres")


def test_actors_names_cut_before_a_regnal_number_or_an_of_place_are_rejoined() -> None:
    king = _doc(["King", "Mohammed", "VI", "spoke", "to", "Ana", "Torres", "I", "think"],
                ["O", "B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert _with_numeral(king.ents[0]).text == "Mohammed VI"
    assert _with_numeral(king.ents[1]).text == "Ana Torres"  # "I" is a pronoun
    bank = _doc(["the", "Central", "Bank", "of", "Egypt", "said"],
                ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-GPE", "O"])
    assert _rejoin_of(bank.ents[0]).text == "the Central Bank of Egypt"


# "Peru's Minister of Trade and Industry Ana Torres signed ." : the NER takes the portfolio
# into an organisation's name
PORTFOLIO = [("Peru", 2, "poss", "PROPN", "B-GPE"), ("'s", 0, "case", "PART", "O"),
             ("Minister", 8, "nmod", "PROPN", "O"), ("of", 2, "prep", "ADP", "O"),
             ("Trade", 3, "pobj", "PROPN", "B-ORG"), ("and", 4, "cc", "CCONJ", "I-ORG"),
             ("Industry", 4, "conj", "PROPN", "I-ORG"), ("Ana", 8, "compound", "PROPN", "I-ORG"),
             ("Torres", 9, "nsubj", "PROPN", "I-ORG"), ("signed", 9, "ROOT", "VERB", "O"),
             (".", 9, "punct", "PUNCT", "O")]


def test_actors_a_ministers_portfolio_is_no_part_of_the_name() -> None:
    torres = _by_name(_parsed(PORTFOLIO))["Ana Torres"]
    assert (torres.kind, torres.country, torres.role) == ("person", "PER", "Minister")
    assert [m.text for m in torres.mentions] == ["Peru 's Minister of Trade and Industry Ana Torres",
                                                 "Ana Torres"]  # (the name nested in it)
    # "for Foreign Policy": a portfolio the parse hangs on the name is no forename either
    rows = [("Peru", 2, "poss", "PROPN", "B-GPE"), ("'s", 0, "case", "PART", "O"),
            ("Undersecretary", 8, "nsubj", "PROPN", "O"), ("for", 2, "prep", "ADP", "O"),
            ("Foreign", 5, "compound", "PROPN", "O"), ("Policy", 7, "compound", "PROPN", "O"),
            ("Ana", 7, "compound", "PROPN", "B-PERSON"), ("Torres", 3, "pobj", "PROPN", "I-PERSON"),
            ("spoke", 8, "ROOT", "VERB", "O"), (".", 8, "punct", "PUNCT", "O")]
    torres = _by_name(_parsed(rows))["Ana Torres"]
    assert (torres.country, torres.role) == ("PER", "Undersecretary")
    # a name that is all portfolio words is no person's (the untagged name after it is)
    rows = [(w, h, d, p, "O" if w in ("Ana", "Torres") else e) for w, h, d, p, e in PORTFOLIO]
    people = {n for n, a in _by_name(_parsed(rows)).items() if a.kind == "person"}
    assert people <= {"Ana Torres"} and not any("Trade" in n for n in people)


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
def test_actors_both_warring_sides_are_the_parties_named_last(nlp: object) -> None:
    doc, = _docs(["Government troops and the M23 rebels agreed on a truce in March. The shaky "
                  "ceasefire has been violated repeatedly by both warring sides since then."], nlp)
    sides = {a.name for a in doc.actors for m in a.mentions if m.text == "both warring sides"}
    assert sides == {"M23", "Government Forces"}
    assert [e for e in doc.events if e.type == "ASSAULT" and len(e.source) == 2]


@pytest.mark.model
def test_actors_guards_and_political_parties_are_generic_actors(nlp: object) -> None:
    doc, = _docs(["Security guards fired on the crowd in Kisumu. The president urged "
                  "political parties in Kenya to sit down and talk."], nlp)
    assert _country_of(doc, "Security guards") == "KEN"
    assert any(m.text == "political parties" and a.sector == "PTY"
               for a in doc.actors for m in a.mentions)


@pytest.mark.model
def test_actors_the_militant_group_is_the_armed_group_named_last(nlp: object) -> None:
    named, unnamed = _docs(["Hamas fired rockets at Israel on Monday. Israel said the militant "
                            "group would pay a heavy price.",
                            "Gunmen attacked a village. The militant group was not named."], nlp)
    assert "the militant group" in [m.text for a in named.actors if a.name == "Hamas"
                                    for m in a.mentions]
    assert not any(a.country == "PSE" for a in unnamed.actors)


@pytest.mark.model
def test_actors_the_commodore_is_the_officer_named_with_that_rank(nlp: object) -> None:
    doc, = _docs(["Tonga's Prime Minister Sione Latu dismissed the ultimatum of the army chief. "
                  "The army chief, Commodore Viliami Fifita, is on leave in Australia. Speaking "
                  "to reporters, Latu said he would gladly sit down with the Commodore once he "
                  "returns."], nlp)
    officer = [a for a in doc.actors if a.name == "Viliami Fifita"]
    assert officer and {"the army chief", "the Commodore"} <= {
        m.text for m in officer[0].mentions}
    assert officer[0].country == "TON"


@pytest.mark.model
def test_actors_a_described_state_is_one_of_the_region_the_description_names(nlp: object) -> None:
    doc, = _docs(["Norway and Ghana signed six fisheries accords. Norwegian Prime Minister Erik "
                  "Dahl put his name to them in Accra on his first tour of the West African "
                  "nation."], nlp)
    assert _country_of(doc, "the West African nation") == "GHA"


@pytest.mark.model
def test_actors_an_alliance_of_armies_is_an_armed_group_not_civil_society(nlp: object) -> None:
    armed, civil = _docs(["Clashes went on near the Thai border. Myanmar's military rulers have "
                          "asked the Karenni Alliance of rebel militias to send delegates to a "
                          "peace meeting.",
                          "The Human Rights Coalition criticised the Kenyan police."], nlp)
    alliance = [a for a in armed.actors if "Alliance" in a.name]
    assert alliance and alliance[0].sector == "REB" and alliance[0].country != "NGO"
    assert [a.country for a in civil.actors if "Coalition" in a.name] == ["NGO"]


@pytest.mark.model
def test_actors_a_states_leader_is_its_head_of_government_named_before(nlp: object) -> None:
    doc, = _docs(["Estonian Prime Minister Kaja Tamm opposed the energy plan on Tuesday. "
                  "Estonia's leader said she would nonetheless sign the border treaty."], nlp)
    assert [a.name for a in doc.actors if any(m.text == "Estonia's leader" for m in a.mentions)] \
        == ["Kaja Tamm"]


@pytest.mark.model
def test_actors_the_north_is_the_state_named_before_whose_name_starts_so(nlp: object) -> None:
    doc, other = _docs(["South Korea offered aid to North Korea. On Monday, the North said it "
                        "wanted fuel rather than rice.",
                        "Winds from the North Atlantic hit the coast of Ireland."], nlp)
    assert _country_of(doc, "the North") == "PRK"
    assert not any(m.text.startswith("the North") for a in other.actors for m in a.mentions)


@pytest.mark.model
def test_actors_a_hyphenated_demonym_opening_a_sentence_is_no_dateline(nlp: object) -> None:
    doc, = _docs(["Kenyan-led forces recaptured a key hilltop town in southern Somalia "
                  "following heavy clashes with insurgents."], nlp)
    assert any(a.country == "KEN" for a in doc.actors if "Forces" in a.name)


@pytest.mark.model
def test_actors_a_body_name_after_a_or_an_is_a_common_noun(nlp: object) -> None:
    common, named = _docs(["The militants want to create an Islamic state in the south.",
                           "Islamic State claimed the attack on the checkpoint."], nlp)
    assert not any(a.country == "IMG" for a in common.actors)
    assert any(a.country == "IMG" for a in named.actors)


@pytest.mark.model
def test_actors_a_post_abroad_is_never_of_the_state_it_sits_in(nlp: object) -> None:
    doc, = _docs(["Norway recalled its envoy from Vietnam on Tuesday. The embassy in Hanoi "
                  "suspended work permits for Vietnamese applicants."], nlp)
    assert _country_of(doc, "The embassy in Hanoi") == "NOR"


@pytest.mark.model
def test_actors_a_described_body_is_the_international_body_named_before(nlp: object) -> None:
    named, unnamed = _docs(["ECOWAS leaders met in Abuja. The regional bloc lifted sanctions "
                            "on Guinea.", "The regional bloc lifted sanctions on Guinea."], nlp)
    body = [a for a in named.actors if a.name == "ECOWAS"]
    assert body and "The regional bloc" in [m.text for m in body[0].mentions]
    assert not any("bloc" in m.text for a in unnamed.actors for m in a.mentions)


@pytest.mark.model
def test_actors_a_described_state_is_the_state_last_named_as_a_subject(nlp: object) -> None:
    doc, place, demonym = _docs([
        "Chile reached an accord with Japan on Tuesday. The South American country will receive "
        "cheap credit.",
        "Kenya held elections. Troops patrolled across the country.",
        "Mali expelled the envoy. The French state protested."], nlp)
    assert _country_of(doc, "The South American country") == "CHL"
    assert not any(m.text.endswith("the country") for a in place.actors for m in a.mentions)
    assert not any(m.text == "The French state" and a.country == "MLI" for a in demonym.actors
                   for m in a.mentions)


@pytest.mark.model
def test_actors_security_sources_are_actors_placed_by_context(nlp: object) -> None:
    doc, = _docs(["Boko Haram fighters attacked Ngwom in Nigeria's Borno state on Saturday, "
                  "security sources said."], nlp)
    assert _country_of(doc, "security sources") == "NGA"


@pytest.mark.model
def test_actors_an_office_only_one_state_has_gives_its_state(nlp: object) -> None:
    doc, = _docs(["Iran warned its neighbours on Monday. Secretary of State Jane Roe said Iran "
                  "would pay a price."], nlp)
    assert _country_of(doc, "Secretary of State Jane Roe") == "USA"


@pytest.mark.model
def test_actors_a_geographic_name_names_no_state(nlp: object) -> None:
    doc, = _docs(["Two Navy destroyers from the US arrived in the Persian Gulf on Sunday."], nlp)
    assert _country_of(doc, "Navy") != "IRN"  # "the Persian Gulf" names a sea, not Iran


@pytest.mark.model
def test_actors_a_capital_addressed_is_its_government(nlp: object) -> None:
    warned, bombed = _docs(["The Kenyan foreign minister warned Kampala of tough measures.",
                            "Russian missiles hit Kyiv overnight."], nlp)
    assert _country_of(warned, "Kampala") == "UGA"
    assert not any(m.text == "Kyiv" for a in bombed.actors for m in a.mentions)  # a place


@pytest.mark.model
def test_actors_a_demonym_standing_as_a_noun_is_people_of_that_state(nlp: object) -> None:
    one, two, modifier = _docs(["Russian forces detained a Ukrainian in Kherson.",
                                "Israeli troops shot dead two Palestinians near Jenin.",
                                "Palestinian officials met in Ramallah."], nlp)
    assert _country_of(one, "a Ukrainian") == "UKR"
    assert _country_of(two, "Palestinians") == "PSE"
    assert not any(m.text == "Palestinian" for a in modifier.actors for m in a.mentions)


@pytest.mark.model
def test_actors_a_state_that_takes_part_does_not_place_the_others(nlp: object) -> None:
    doc, = _docs(["The government demanded that Japan pay compensation."], nlp)
    assert all(a.country != "JPN" for a in doc.actors if a.kind != "country")


@pytest.mark.model
def test_actors_a_datelines_place_names_no_actor_and_credits_are_dropped(nlp: object) -> None:
    dateline, credit = _docs(["BAGHDAD (Reuters) - Soldiers opened fire on villagers.",
                              "Photo: John Roe/AFP\n\nPresident Maria Gonzalez said the army attacked."], nlp)
    assert not any(m.text in ("BAGHDAD", "(Reuters") for a in dateline.actors
                   for m in a.mentions)
    assert all(a.sector == "JRN" for a in dateline.actors if a.name == "Reuters")  # the reporter
    assert [a.name for a in credit.actors if a.kind == "person"] == ["Maria Gonzalez"]


@pytest.mark.model
def test_actors_people_and_capitals_take_the_country_the_text_gives_them(nlp: object) -> None:
    cases = [
        ("Felipe Montoya, Colombia's trade minister, said exports had grown.", "Felipe Montoya", "COL"),
        ("Argentina's president, Valeria Quiroga, said elections would be held in March.",
         "Valeria Quiroga", "ARG"),
        ("Seoul and Bangkok agreed on Wednesday to resume talks.", "Bangkok", "THA"),
        ("Clashes broke out in northern Spain on Sunday. Police said five people were hurt.",
         "Police", "ESP"),
        ("A spokesman for the Sudanese Defence Ministry said the attack had been repelled.",
         "spokesman", "SDN"),
        ("LIMA, Peru (AP) \u2014 Interior Minister Rosa Quispe said the curfew would be lifted.",
         "Rosa Quispe", "PER"),
        ("KAMPALA, Uganda (AP) \u2014 The National Renewal Front said its members would march.",
         "National Renewal Front", "UGA"),  # a named body no table knows: placed by context
    ]
    docs = _docs([c[0] for c in cases], nlp)
    for (text, mention, country), doc in zip(cases, docs, strict=True):
        assert _country_of(doc, mention) == country, text


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "country", "sector"), [
    # a body's name that begins with its state's name or demonym is the body's name
    ("The opposition Kenyan Democratic Renewal Party disputed the count.",
     "Kenyan Democratic Renewal Party", "KEN", "OPP"),
    ("The Uganda Farmers League-B party gained four seats.",
     "Uganda Farmers League-B", "UGA", "PTY"),
    ("The Sudanese Armed Forces rejected the truce proposal on Thursday.",
     "Sudanese Armed Forces", "SDN", None),
    # a demonym before a title is still the state's office
    ("The Russian Foreign Ministry summoned the ambassador.", "Russian Foreign Ministry",
     "RUS", "GOV"),
    # a name the title introduces runs across its hyphens
    ("Former general Anne-Claire Bodo urged her supporters to boycott the vote.",
     "Anne-Claire Bodo", None, None),
])
def test_actors_names_of_bodies_and_people_are_kept_whole(
        text: str, name: str, country: str | None, sector: str | None, nlp: object) -> None:
    doc, = _docs([text], nlp)
    found = {a.name: a for a in doc.actors}
    assert name in found, sorted(found)
    if country:
        assert found[name].country == country
    if sector:
        assert found[name].sector == sector


@pytest.mark.model
def test_actors_an_office_named_again_is_its_holder(nlp: object) -> None:
    # "premier" is the prime minister's office, and a title put before a name is his
    doc, = _docs(["Peruvian President Ana Torres met Chilean Prime Minister Kenji Sato in "
                  "Lima. Torres asked the Chilean premier to come back in spring."], nlp)
    sato = next(a for a in doc.actors if a.name == "Kenji Sato")
    assert "the Chilean premier" in [m.text for m in sato.mentions]


@pytest.mark.model
def test_actors_a_region_named_by_a_demonym_is_no_state(nlp: object) -> None:
    doc, = _docs(["The minister flew to Lima at the start of a South American trip. "
                  "Latin American leaders met on Monday. The South African president spoke."], nlp)
    countries = {a.country for a in doc.actors}
    assert "USA" not in countries and "ZAF" in countries


@pytest.mark.model
def test_actors_the_two_leaders_are_mentions_of_both(nlp: object) -> None:
    doc, = _docs(["President Ana Torres met Prime Minister Kenji Sato in Lima on Monday. "
                  "The two leaders agreed to expand trade."], nlp)
    holders = [a.name for a in doc.actors if any(m.text == "The two leaders" for m in a.mentions)]
    assert sorted(holders) == ["Ana Torres", "Kenji Sato"]


@pytest.mark.model
def test_actors_first_person_in_a_quote_is_a_mention_every_event_can_cite(nlp: object) -> None:
    doc, = _docs(['President Ana Torres said: "We will never accept these sanctions."'], nlp)
    torres = next(a for a in doc.actors if a.name == "Ana Torres")
    assert "We" in [m.text for m in torres.mentions]  # in the document, not only in events
    ids = {a.id for a in doc.actors}
    assert all(cited in ids for event in doc.events for cited in (*event.source, *event.target))


@pytest.mark.model
def test_actors_a_visitor_is_not_placed_by_the_place_visited(nlp: object) -> None:
    doc, = _docs(["President Ana Torres will visit Addis Ababa next week, officials said."], nlp)
    assert next(a for a in doc.actors if a.name == "Ana Torres").country != "ETH"


def test_actors_a_state_name_is_read_whole_not_by_its_tail() -> None:
    """"the Democratic Republic of Congo border guards" serve Kinshasa (COD); the name's last
    three words alone would spell the Republic of the Congo (COG)."""
    from eventwire.actors.phrases import _country_in
    from eventwire.lexicon import lexicon
    doc = Doc(VOCAB, words=["the", "Democratic", "Republic", "of", "Congo", "border", "guards"])
    assert _country_in(list(doc), lexicon()) == "COD"
    doc = Doc(VOCAB, words=["the", "Republic", "of", "Congo", "'s", "army"])
    assert _country_in(list(doc), lexicon()) == "COG"


@pytest.mark.model
def test_actors_its_in_the_aim_of_an_attack_is_not_the_attacker(nlp: object) -> None:
    aimed, own_place, own_act = _docs([
        "Kenya's interior ministry said Somalia's army fired mortars at its border posts.",
        "Kenya reported holding two foreign soldiers in its northern region.",
        "Last year, Japan withdrew its offer of aid after the talks failed."], nlp)
    def its(doc: Document) -> set[str | None]:
        return {a.country for a in doc.actors for m in a.mentions if m.text == "its"}

    assert its(aimed) == {"KEN"}
    assert any(e.type == "ASSAULT" and {a.country for a in aimed.actors if a.id in e.target}
               == {"KEN"} for e in aimed.events)
    assert its(own_place) == {"KEN"}
    assert its(own_act) == {"JPN"}


@pytest.mark.model
def test_actors_a_generic_agency_name_is_no_foreign_service(nlp: object) -> None:
    doc, = _docs(["Protesters stormed the Security Service offices in Kharkiv."], nlp)
    assert not any(a.country == "GBR" for a in doc.actors)


def test_actors_a_mention_never_starts_with_a_closing_bracket() -> None:
    """A parse that hangs ")" on the next noun phrase ("... Party (XP) walked out of
    parliament") gives a mention from the noun phrase's first word, not from the bracket."""
    from eventwire.actors.book import Book
    doc = _parsed([("The", 1, "det", "DET", "O"), ("party", 6, "nsubj", "NOUN", "O"),
                   ("(", 1, "punct", "PUNCT", "O"), ("XP", 1, "appos", "PROPN", "B-ORG"),
                   (")", 5, "punct", "PUNCT", "O"), ("parliament", 6, "dobj", "NOUN", "O"),
                   ("left", 6, "ROOT", "VERB", "O")])
    book = Book(doc, ())
    d = book.draft("org:x", "Parliament", "organization")
    book.mention(d, 4, 6, doc[5])
    assert list(d.mentions.values()) == ["parliament"]


@pytest.mark.model
def test_actors_a_name_the_ner_missed_is_found_by_the_title_set_off_after_it(nlp: object) -> None:
    doc, = _docs(["Officials said the talks would go on. Dorji Wangmo, a government spokeswoman "
                  "from the east, told the strikers to return to work."], nlp)
    person = next((a for a in doc.actors if a.name == "Dorji Wangmo"), None)
    assert person is not None and person.kind == "person" and person.sector == "GOV"
    not_names, = _docs(["The United Nations, a global body, urged calm."], nlp)
    assert not any(a.kind == "person" for a in not_names.actors)


@pytest.mark.model
def test_actors_where_the_sentence_happens_outranks_whom_it_names(nlp: object) -> None:
    doc, = _docs(["Rallies spread in Tunisia over bread prices, with demonstrators demanding the "
                  "expulsion of the French envoy."], nlp)
    assert _country_of(doc, "demonstrators") == "TUN"
    thing, = _docs(["A Kenyan judge sentenced a Somali trader for recruiting fighters for a "
                    "militia based in Yemen."], nlp)
    assert _country_of(thing, "fighters") != "YEM"  # where a group is, not where an act is


@pytest.mark.model
def test_actors_people_of_a_dependent_territory_are_the_sovereigns(nlp: object) -> None:
    doc, = _docs(["Police in Papeete, French Polynesia, arrested dozens of protesters on "
                  "Monday."], nlp)
    assert _country_of(doc, "Police") == "FRA"
    assert {p.country for p in doc.places if p.text == "French Polynesia"} <= {"PYF"}


def test_actors_every_territory_names_a_state_of_the_country_table() -> None:
    from eventwire.lexicon import lexicon, sovereigns
    table = sovereigns()
    assert table["NCL"] == "FRA" and table["FLK"] == "GBR"
    assert set(table.values()) <= set(lexicon().countries)
    assert not set(table) & set(lexicon().countries)  # a territory is no sovereign state


@pytest.mark.model
def test_actors_the_army_is_the_force_named_before_it(nlp: object) -> None:
    doc, = _docs(["Rwanda's security forces crossed the border on Monday. The army used heavy "
                  "weapons against villagers in North Kivu, Congo, residents said."], nlp)
    assert _country_of(doc, "The army") == "RWA"
    plural, = _docs(["Rwanda's security forces crossed the border on Monday. The forces that "
                     "attacked villagers in North Kivu, Congo, were not identified."], nlp)
    assert _country_of(plural, "The forces") != "RWA"


def test_actors_first_names_the_ner_left_out_are_part_of_the_name() -> None:
    """"Warsame" + "Abu Yusuf": capitalised compounds of the name's head before it are its
    first names; a title word before a name ("Secretary X Y") is not; the spokesman's mention
    never starts with the possessive ending of another actor's name."""
    rows = [("Warsame", 2, "compound", "PROPN", "O"), ("Abu", 2, "compound", "PROPN", "B-PERSON"),
            ("Yusuf", 4, "nsubj", "PROPN", "I-PERSON"), (",", 2, "punct", "PUNCT", "O"),
            ("said", 4, "ROOT", "VERB", "O"), (".", 4, "punct", "PUNCT", "O")]
    assert "Warsame Abu Yusuf" in _by_name(_parsed(rows))
    titled = [("Secretary", 2, "compound", "PROPN", "O"), ("Ana", 2, "compound", "PROPN", "B-PERSON"),
              ("Ruiz", 3, "nsubj", "PROPN", "I-PERSON"), ("said", 3, "ROOT", "VERB", "O")]
    assert "Ana Ruiz" in _by_name(_parsed(titled))


@pytest.mark.model
def test_actors_a_bodys_parts_and_titled_members_are_mentions_with_its_name(nlp: object) -> None:
    staff, board, ministers = _docs([
        "World Bank staff met Kenyan officials in Nairobi in July.",
        "The board of the World Bank approved a loan to Ghana.",
        "Japan hosted G7 finance ministers in Tokyo on Friday."], nlp)

    def mentions_of(doc: Document, text: str) -> set[str | None]:
        return {a.country for a in doc.actors for m in a.mentions if m.text == text}

    assert mentions_of(staff, "World Bank staff") == {"UNO"}
    assert mentions_of(board, "The board of the World Bank") == {"UNO"}
    assert mentions_of(ministers, "G7 finance ministers") == {"IGO"}
    assert mentions_of(ministers, "G7") == {"IGO"}  # the body keeps its own name


@pytest.mark.model
def test_actors_a_name_cut_after_the_demonym_of_its_of_phrase_goes_on(nlp: object) -> None:
    doc, = _docs(["The Central Union of Ghanaian Teachers said the strike would go on."], nlp)
    names = {a.name for a in doc.actors}
    assert any(n.endswith("Union of Ghanaian Teachers") for n in names), names


@pytest.mark.model
def test_actors_the_militants_are_the_armed_group_named_before(nlp: object) -> None:
    doc, = _docs(["Al Shabaab stormed a police post in Somalia on Friday. The militants seized "
                  "weapons before the Islamist insurgents withdrew."], nlp)
    group = {m.text for a in doc.actors if a.name == "al-Shabaab" for m in a.mentions}
    assert {"The militants", "the Islamist insurgents"} <= group, group
    alone, = _docs(["The rebels attacked the town."], nlp)
    assert [a.sector for a in alone.actors] == ["REB"]


@pytest.mark.model
def test_actors_a_mention_closes_the_quote_or_bracket_it_opens(nlp: object) -> None:
    quoted, bracketed = _docs(['A "criminal gang" raided the village, police said.',
                               "The West African Trade Area (WATA) was praised by Kenya."], nlp)
    assert 'A "criminal gang"' in {m.text for a in quoted.actors for m in a.mentions}
    names = {a.name for a in bracketed.actors}
    assert not any(n.count("(") != n.count(")") for n in names), names


@pytest.mark.model
def test_actors_the_leaders_of_named_states_are_their_heads_named_before(nlp: object) -> None:
    doc, = _docs(["Kenyan President William Ruto met Ghanaian President John Mahama in Accra. "
                  "The Kenyan and Ghanaian leaders signed a trade pact."], nlp)
    leaders = {a.name for a in doc.actors for m in a.mentions
               if m.text == "The Kenyan and Ghanaian leaders"}
    assert leaders == {"William Ruto", "John Mahama"}, leaders


@pytest.mark.model
def test_actors_a_time_word_the_ner_took_into_a_name_is_left_out(nlp: object) -> None:
    doc, = _docs(["Ghana's trade minister toured Russia today, officials in Accra said."], nlp)
    assert "RUS" in {a.country for a in doc.actors}
    assert not any(a.sector == "JRN" for a in doc.actors)  # no "Russia Today" channel


@pytest.mark.model
def test_actors_an_envoys_post_and_a_bracketed_acronym_are_part_of_the_title(nlp: object) -> None:
    doc, = _docs(["The African Union (AU) Envoy to Libya Grace Mwangi held talks with militia "
                  "commanders in Tripoli on Thursday."], nlp)
    mwangi = next(a for a in doc.actors if a.name == "Grace Mwangi")
    # the body that sends the envoy is the envoy's, the state it is sent to is not
    assert mwangi.country == "IGO"
    assert [m.text for m in mwangi.mentions] == [
        "The African Union (AU) Envoy to Libya Grace Mwangi", "Grace Mwangi"]


@pytest.mark.model
def test_actors_the_commission_is_the_body_whose_commission_was_named(nlp: object) -> None:
    doc, = _docs(["The SADC Council of Ministers gathered in Gaborone on Tuesday. The council "
                  "eased its sanctions against Madagascar. The Council also urged Lesotho to "
                  "free the jailed opposition leader."], nlp)
    sadc = next(a for a in doc.actors if a.name == "Southern African Development Community")
    assert sadc.country == "IGO"
    assert {"The SADC Council of Ministers", "The council"} <= {m.text for m in sadc.mentions}
    assert any(m.text.endswith("Council") and m.start > 100 for m in sadc.mentions)
    assert [e.source for e in doc.events if e.type == "RETREAT"] == [(sadc.id,)]
    # a council no body was named with is not one named before
    doc, = _docs(["Kenya and Ghana met in Accra on Saturday. The council lifted the "
                  "sanctions."], nlp)
    assert not any("council" in m.text.lower() for a in doc.actors if a.kind != "organization"
                   for m in a.mentions)
    assert all(a.name != "Southern African Development Community" for a in doc.actors)


@pytest.mark.model
def test_actors_a_person_takes_the_country_of_kin_named_with_theirs(nlp: object) -> None:
    doc, = _docs(["Ghana and Togo signed a trade deal on Saturday. Host President John Mensah "
                  "received President Kofi Tetteh of Togo and First Lady Ama Tetteh in Accra. "
                  "Both leaders held talks."], nlp)
    people = {a.name: a for a in doc.actors if a.kind == "person"}
    assert people["Ama Tetteh"].country == "TGO"
    # the two leaders are the two presidents, not the first lady
    assert [a for a in people if any(m.text == "Both leaders" for m in people[a].mentions)] == [
        "John Mensah", "Kofi Tetteh"]
    # one meeting, whose host is never also among the guests
    (meeting,) = [e for e in doc.events if e.type == "CONSULT"]
    assert not set(meeting.source) & set(meeting.target)


@pytest.mark.model
def test_actors_a_state_in_a_state_of_affairs_is_the_scene_of_its_sentence(nlp: object) -> None:
    scene, talks = _docs([
        "Peru has been in political chaos for months, and the opposition holds the president "
        "responsible for the unrest.",
        "Chile and Argentina have been in negotiations for months, and the opposition holds the "
        "president responsible for the unrest."], nlp)
    assert _country_of(scene, "the opposition") == "PER"
    # states in talks are parties, and neither is the scene of the opposition's blame
    assert _country_of(talks, "the opposition") is None


@pytest.mark.model
def test_actors_the_phoenix_agent_nouns_name_groups_of_people(nlp: object) -> None:
    placed, abstract = _docs([
        "Kenyan police fired on the crowd in Kisumu. The local population fled the town.",
        "The insurance industry in Kenya sued the government."], nlp)
    population = next(a for a in placed.actors if a.name == "population")
    assert (population.kind, population.sector, population.country) == ("group", "CVL", "KEN")
    # an agent noun for no people ("industry") is no actor
    assert not any("industry" in m.text for a in abstract.actors for m in a.mentions)


def test_actors_agent_nouns_added_are_plural_people_outside_the_state() -> None:
    from eventwire.lexicon import lexicon

    titles = lexicon().titles
    # all of these are Phoenix agent nouns; only the collective of people is a title
    assert (titles["population"].kind, titles["population"].sector) == ("group", "CVL")
    # a singular person ("man"), an abstract or mass noun: no title
    for noun in ("man", "industry", "settlement", "uprising"):
        assert noun not in titles


@pytest.mark.model
def test_actors_a_description_set_off_after_a_name_is_that_person(nlp: object) -> None:
    doc, = _docs(["Retired colonel John Kamau, a one-time police commander now turned activist, "
                  "called for a boycott of the vote."], nlp)
    people = [a for a in doc.actors if a.kind == "person"]
    assert [a.name for a in people] == ["John Kamau"]
    assert "a one-time police commander" in {m.text for m in people[0].mentions}
    assert [e.source for e in doc.events if e.type == "REQUEST"] == [(people[0].id,)]


@pytest.mark.model
def test_actors_its_after_a_subject_named_in_apposition_is_that_state(nlp: object) -> None:
    doc, = _docs(["Most members backed the deal. One member, Norway, wants to ask its parliament "
                  "first."], nlp)
    assert _country_of(doc, "its parliament") == "NOR"


@pytest.mark.model
def test_actors_islanders_are_the_people_of_the_islands_of_that_name(nlp: object) -> None:
    doc, = _docs(["The Falkland Islanders voted in a referendum on Monday."], nlp)
    # a territory's people are coded as the sovereign state's actors
    assert _country_of(doc, "Falkland Islanders") == "GBR"


@pytest.mark.model
def test_actors_a_number_standing_as_a_subject_is_a_crowd(nlp: object) -> None:
    marched, counted = _docs(["Hundreds marched through Nairobi on Wednesday to demand lower "
                              "taxes.", "Thousands of farmers marched through Nairobi."], nlp)
    crowd = next(a for a in marched.actors if any(m.text == "Hundreds" for m in a.mentions))
    assert (crowd.kind, crowd.sector, crowd.country) == ("group", "CVL", "KEN")
    assert [e.source for e in marched.events if e.type == "PROTEST"] == [(crowd.id,)]
    # a number with its "of" is the people it counts
    assert any(m.text == "Thousands of farmers" for a in counted.actors for m in a.mentions
               if a.name == "farmers")


@pytest.mark.model
def test_actors_a_descriptor_set_after_a_named_body_is_that_body(nlp: object) -> None:
    doc, = _docs(["Kenyan troops clashed with the Abu Sayyaf terrorist group near the border."], nlp)
    sayyaf = [a for a in doc.actors if a.country == "PHL"]
    assert [a.name for a in sayyaf] == ["Abu Sayyaf"]
    assert "the Abu Sayyaf terrorist group" in {m.text for m in sayyaf[0].mentions}


@pytest.mark.model
def test_actors_the_charge_after_an_accused_is_no_part_of_its_mention(nlp: object) -> None:
    doc, = _docs(["The government accused the Alliance for Progress (AFP) opposition party of "
                  "inciting the unrest."], nlp)
    assert not any("inciting" in m.text for a in doc.actors for m in a.mentions)


@pytest.mark.model
def test_actors_a_body_named_for_a_region_is_international(nlp: object) -> None:
    body, officer = _docs(["The Andean Community of Nations urged Peru to reopen the border.",
                           "Pacific Islands Forum Secretary General, Jane Doe, met the Fijian "
                           "president."], nlp)
    assert _country_of(body, "Andean Community") == "IGO"
    assert _country_of(officer, "Jane Doe") == "IGO"
    # a state's own regional body is that state's
    own, = _docs(["The Kenyan Regional Assembly urged Nairobi to act."], nlp)
    assert _country_of(own, "Regional Assembly") != "IGO"


@pytest.mark.model
def test_actors_members_of_a_body_and_a_regional_bank_described_before_its_name(nlp: object) -> None:
    texts = ["Police arrested senior members of the Awami League on Tuesday.",
             "The regional development bank FONPLATA approved a loan to Paraguay."]
    league, bank = _docs(texts, nlp)
    body = next(a for a in league.actors if a.name == "Awami League")
    assert "senior members of the Awami League" in [m.text for m in body.mentions]
    lender = next(a for a in bank.actors if a.name == "FONPLATA")
    assert lender.country == "IGO"


def test_actors_a_body_tagged_with_the_person_it_has_is_split() -> None:
    from eventwire.lexicon import _possessed_person

    # "the Movement's Ahmed Karim" tagged one ORG: the body and the person
    rows = [("the", 1, "det", "DET", "B-ORG"), ("Movement", 3, "poss", "PROPN", "I-ORG"),
            ("'s", 1, "case", "PART", "I-ORG"), ("Ahmed", 4, "compound", "PROPN", "I-ORG"),
            ("Karim", 4, "ROOT", "PROPN", "I-ORG")]
    doc = _parsed(rows)
    assert [(e.text, e.label_) for e in _possessed_person(doc.ents[0])] == [
        ("Movement", "ORG"), ("Ahmed Karim", "PERSON")]
    body = _parsed([("the", 1, "det", "DET", "B-ORG"), ("Movement", 3, "poss", "PROPN", "I-ORG"),
                    ("'s", 1, "case", "PART", "I-ORG"), ("office", 3, "ROOT", "NOUN", "I-ORG")])
    assert _possessed_person(body.ents[0]) == [body.ents[0]]  # no name after it


def test_actors_a_name_after_of_takes_no_descriptor() -> None:
    from eventwire.actors.phrases import _descriptor_start

    # "after the ouster of Ahmed Karim": the ouster is no title of his
    rows = [("after", 2, "prep", "ADP", "O"), ("the", 2, "det", "DET", "O"),
            ("ouster", 0, "pobj", "NOUN", "O"), ("of", 2, "prep", "ADP", "O"),
            ("Ahmed", 5, "compound", "PROPN", "B-PERSON"), ("Karim", 3, "pobj", "PROPN", "I-PERSON")]
    doc = _parsed(rows)
    assert _descriptor_start(doc, 4, 0) == 4


@pytest.mark.model
def test_actors_an_ally_of_a_state_is_not_its_national(nlp: object) -> None:
    text = ("Relations soured after Egypt's army chief led the ouster of Ahmed Karim, an ally "
            "of Qatar, in 2019.")
    (doc,) = _docs([text], nlp)
    karim = next(a for a in doc.actors if a.name == "Ahmed Karim")
    assert karim.country != "QAT"
    assert [m.text for m in karim.mentions] == ["Ahmed Karim", "Ahmed Karim, an ally of Qatar"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("Kenya and Uganda signed the East African Trade Agreement on Monday.", "Kenya",
     "East African Trade Agreement"),
    ("The minister wrote on Twitter that the talks had failed.", "Minister", "Twitter"),
    ("Kenya banned Telegram on Monday.", "Telegram", None),  # a platform acted on is one
])
def test_actors_a_treaty_or_the_medium_of_a_saying_is_no_actor(text: str, kept: str,
                                                                 dropped: str | None,
                                                                 nlp: object) -> None:
    (doc,) = _docs([text], nlp)
    names = {a.name for a in doc.actors}
    assert kept in names and (dropped is None or not any(dropped in n for n in names))


# ------------------------------------------------------------------ extents


def _extents(rows: list[tuple[str, int, str, str, str]], mention: str) -> list[str]:
    doc = _parsed(rows)
    start = doc.text.index(mention)
    return [doc.text[s:e] for s, e in extents(doc, [(start, start + len(mention))])]


def test_actors_a_group_mention_keeps_the_phrase_it_heads_as_its_extent() -> None:
    coordinated = [("Police", 4, "nsubjpass", "NOUN", "O"), ("and", 0, "cc", "CCONJ", "O"),
                   ("soldiers", 0, "conj", "NOUN", "O"), ("were", 4, "auxpass", "AUX", "O"),
                   ("deployed", 4, "ROOT", "VERB", "O"), (".", 4, "punct", "PUNCT", "O")]
    assert _extents(coordinated, "Police") == ["Police and soldiers"]
    placed = [("Protesters", 3, "nsubj", "NOUN", "O"), ("across", 0, "prep", "ADP", "O"),
              ("Kenya", 1, "pobj", "PROPN", "B-GPE"), ("marched", 3, "ROOT", "VERB", "O"),
              (".", 3, "punct", "PUNCT", "O")]
    assert _extents(placed, "Protesters") == ["Protesters across Kenya"]


def test_actors_an_extent_stops_before_a_named_conjunct_and_a_charge() -> None:
    states = [("Seoul", 3, "nsubj", "PROPN", "B-GPE"), ("and", 0, "cc", "CCONJ", "O"),
              ("Bangkok", 0, "conj", "PROPN", "B-GPE"), ("agreed", 3, "ROOT", "VERB", "O"),
              (".", 3, "punct", "PUNCT", "O")]
    assert _extents(states, "Seoul") == []  # two actors, not one
    mixed = [("police", 4, "nsubj", "NOUN", "O"), ("and", 0, "cc", "CCONJ", "O"),
             ("Hamas", 3, "compound", "PROPN", "B-ORG"), ("fighters", 0, "conj", "NOUN", "O"),
             ("clashed", 4, "ROOT", "VERB", "O"), (".", 4, "punct", "PUNCT", "O")]
    assert _extents(mixed, "police") == []
    charged = [("Police", 1, "nsubj", "NOUN", "O"), ("accused", 1, "ROOT", "VERB", "O"),
               ("the", 3, "det", "DET", "O"), ("party", 1, "dobj", "NOUN", "O"),
               ("of", 3, "prep", "ADP", "O"), ("inciting", 4, "pcomp", "VERB", "O"),
               ("unrest", 5, "dobj", "NOUN", "O"), (".", 1, "punct", "PUNCT", "O")]
    assert _extents(charged, "the party") == []  # the parse hangs the charge on the party
    headline = [("Protesters", 0, "ROOT", "NOUN", "O"), ("in", 0, "prep", "ADP", "O"),
                ("Kisumu", 1, "pobj", "PROPN", "B-GPE")]
    assert _extents(headline, "Protesters") == []  # a fragment, not a phrase in a sentence


def test_actors_extents_join_the_record_but_not_the_span_index() -> None:
    doc = _parsed([("Police", 4, "nsubjpass", "NOUN", "O"), ("and", 0, "cc", "CCONJ", "O"),
                   ("soldiers", 0, "conj", "NOUN", "O"), ("were", 4, "auxpass", "AUX", "O"),
                   ("deployed", 4, "ROOT", "VERB", "O"), (".", 4, "punct", "PUNCT", "O")])
    table = find_actors(doc)
    texts = {a.name: [m.text for m in a.mentions] for a in table.actors}
    assert "Police and soldiers" in [t for ts in texts.values() for t in ts]
    soldiers = doc.text.index("soldiers")
    owner = table.by_id(table.resolve(soldiers, soldiers + len("soldiers")))
    assert owner is not None and "Police and soldiers" not in [m.text for m in owner.mentions]


@pytest.mark.model
def test_actors_no_mention_opens_with_a_conjunction_or_is_half_a_word(nlp: object) -> None:
    doc, = _docs(["The ministry cancelled leave for all the soldiers and national police officers "
                  "guarding the polls, while protesters blocked the Trans-African Highway."], nlp)
    texts = [m.text for a in doc.actors for m in a.mentions]
    assert "national police officers" in texts
    assert not any(t.split()[0] in ("and", "or") or t.endswith("-") for t in texts), texts


@pytest.mark.model
def test_actors_a_jet_fighter_is_the_air_force_not_a_rebel(nlp: object) -> None:
    doc, = _docs(["A military jet fighter circled above the village of Mbale."], nlp)
    assert [(a.sector, a.kind) for a in doc.actors if "fighter" in a.name.lower()] == [("MIL", "group")]


def test_actors_a_coordination_is_one_group_when_its_members_add_no_name_of_their_own() -> None:
    qualified = [("US", 1, "compound", "PROPN", "B-GPE"), ("diplomats", 5, "nsubjpass", "NOUN", "O"),
                 ("and", 1, "cc", "CCONJ", "O"), ("staff", 1, "conj", "NOUN", "O"),
                 ("were", 5, "auxpass", "AUX", "O"), ("expelled", 5, "ROOT", "VERB", "O"),
                 (".", 5, "punct", "PUNCT", "O")]
    assert _extents(qualified, "US diplomats") == ["US diplomats and staff"]
    people = [("Ana", 1, "compound", "PROPN", "B-PERSON"), ("Torres", 7, "nsubj", "PROPN", "I-PERSON"),
              (",", 1, "punct", "PUNCT", "O"), ("Jo", 4, "compound", "PROPN", "B-PERSON"),
              ("Roe", 1, "conj", "PROPN", "I-PERSON"), ("and", 4, "cc", "CCONJ", "O"),
              ("Li", 4, "conj", "PROPN", "B-PERSON"), ("resigned", 7, "ROOT", "VERB", "O"),
              (".", 7, "punct", "PUNCT", "O")]
    assert _extents(people, "Ana Torres") == ["Ana Torres , Jo Roe and Li"]  # (the words spaced)
    assert _extents(people, "Jo Roe") == []  # the group is the first name's extent only
    placed = [("Protesters", 5, "nsubj", "NOUN", "O"), ("in", 0, "prep", "ADP", "O"),
              ("Kisumu", 1, "pobj", "PROPN", "B-GPE"), ("and", 0, "cc", "CCONJ", "O"),
              ("traders", 0, "conj", "NOUN", "O"), ("marched", 5, "ROOT", "VERB", "O"),
              (".", 5, "punct", "PUNCT", "O")]
    assert _extents(placed, "Protesters") == ["Protesters in Kisumu", "Protesters in Kisumu and traders"]


def _owners_of(doc: Document, word: str) -> list[str]:
    """The names of the actors whose mention is the first ``word`` of the article."""
    at = doc.article.text.index(word)
    return sorted(a.name for a in doc.actors if any(m.start == at for m in a.mentions))


@pytest.mark.model
def test_actors_they_after_two_people_named_together_is_both(nlp: object) -> None:
    doc, = _docs(["Kenyan President William Ruto and Ugandan President Yoweri Museveni met in "
                  "Kampala. They signed five agreements."], nlp)
    owners = _owners_of(doc, "They")
    assert owners == ["William Ruto", "Yoweri Museveni"]
    signed = next(e for e in doc.events if e.type == "SUPPORT")
    names = {a.id: a.name for a in doc.actors}
    assert sorted(names[i] for i in signed.source) == ["William Ruto", "Yoweri Museveni"]


@pytest.mark.model
def test_actors_the_release_of_someone_is_no_document(nlp: object) -> None:
    doc, = _docs(["Protesters marched in Kisumu. They demanded the release of Ahmed Karim. The "
                  "ministry issued a press release. The release said the talks had failed."], nlp)
    texts = {a.name: [m.text for m in a.mentions] for a in doc.actors}
    assert not any("the release" in ts for name, ts in texts.items() if name != "Ministry")
    assert "The release" in texts["Ministry"]


@pytest.mark.model
def test_actors_no_title_reaches_across_an_acts_of_and_an_allys_state_places_no_one(nlp: object) -> None:
    doc, = _docs(["Ties worsened once the police chief ordered the dismissal of the union's Ahmed "
                  "Karim, an ally of Qatar."], nlp)
    karim = next(a for a in doc.actors if a.name == "Ahmed Karim")
    assert not any("dismissal" in m.text for m in karim.mentions)
    assert karim.country != "QAT"


@pytest.mark.model
def test_actors_their_after_two_people_named_in_its_sentence_is_both(nlp: object) -> None:
    doc, = _docs(["The speaker of parliament accused Ahmed Karim and John Mensah of inciting the "
                  "riots and called for their prosecution."], nlp)
    owners = _owners_of(doc, "their")
    assert owners == ["Ahmed Karim", "John Mensah"]


@pytest.mark.model
def test_actors_their_after_people_met_in_the_sentence_before_is_not_only_those_met(nlp: object) -> None:
    doc, = _docs(["Kenyan President William Ruto met Ugandan President Yoweri Museveni and "
                  "John Mensah. During their meeting, Ruto raised trade."], nlp)
    owners = _owners_of(doc, "their")
    assert owners != ["John Mensah", "Yoweri Museveni"]


def test_actors_a_persons_name_is_nested_in_its_longer_mentions() -> None:
    from eventwire.actors.extents import named_spans

    text = "the head of the traders' union, Ahmed Karim"
    assert named_spans("Ahmed Karim", {(10, 10 + len(text)): text}) == [(10 + text.index("Ahmed"), 10 + len(text))]
    assert named_spans("Ahmed Karim", {(0, 11): "Ahmed Karim"}) == []  # the name itself


@pytest.mark.model
def test_actors_an_honorific_before_the_first_two_words_of_a_longer_name_is_that_person(nlp: object) -> None:
    doc, = _docs(["The leader of the rebel council, Abdul Karim Hassan, discussed a truce. Mr Abdul "
                  "Karim, who resigned as trade minister in May, said the rebels would fight on."], nlp)
    people = {a.name: [m.text for m in a.mentions] for a in doc.actors if a.kind == "person"}
    assert list(people) == ["Abdul Karim Hassan"]
    assert "Abdul Karim Hassan" in people["Abdul Karim Hassan"] and "Mr Abdul Karim" in people["Abdul Karim Hassan"]


@pytest.mark.model
def test_actors_a_force_a_state_sends_is_that_states_wherever_it_goes(nlp: object) -> None:
    doc, = _docs(["Somali pirates threatened shipping near Mombasa. Kenya sent a Navy patrol group "
                  "and bombers to the coast."], nlp)
    countries = {a.name: a.country for a in doc.actors}
    assert countries["Navy"] == "KEN" and countries["bombers"] == "KEN"


def test_actors_a_third_person_pronoun_in_a_direct_quote_is_not_its_speaker() -> None:
    text = '"He rode a motorbike packed with explosives into the gate," Ahmed Khan said.'
    khan_at = text.index("Ahmed Khan")
    speaker = Actor(id="ac1", name="Ahmed Khan", kind="person", mentions=(
        Mention(start=1, end=3, text="He"), Mention(start=khan_at, end=khan_at + 10, text="Ahmed Khan")))
    table = ActorTable(actors=(speaker,), spans=((1, 3, "ac1"), (khan_at, khan_at + 10, "ac1")))
    end = text.index('"', 1) + 1
    quote = Quote(id="q1", kind="direct", start=0, end=end, text=text[:end], speaker="ac1")
    out = quote_speakers(table, (quote,), text)
    assert [m.text for m in out.actors[0].mentions] == ["Ahmed Khan"]
    assert out.resolve(1, 3) is None


@pytest.mark.model
def test_actors_a_descriptor_is_the_officeholder_named_before_it(nlp: object) -> None:
    doc, = _docs(["Secretary of State John Mensah said on Wednesday that Ghana did not want war. "
                  '"Togo should understand that any attack will be answered," said the top diplomat, '
                  "who cut short a trip. Foreign Minister Robert Dussey has said Togo wants peace."], nlp)
    owners = {m.text: a.name for a in doc.actors for m in a.mentions}
    assert owners["the top diplomat"] == "John Mensah"
    # with no holder named before it, the one named after is still the holder
    doc, = _docs(['"Togo should understand that any attack will be answered," said the foreign '
                  "minister. Foreign Minister Robert Dussey has said Togo wants peace."], nlp)
    owners = {m.text: a.name for a in doc.actors for m in a.mentions}
    assert owners["the foreign minister"] == "Robert Dussey"


@pytest.mark.model
def test_actors_a_place_is_no_persons_title(nlp: object) -> None:
    doc, = _docs(["Ugandan aircraft fired missiles at the Kenyan capital while a drone also targeted "
                  "the city, John Mensah, head of the Nairobi city administration, wrote on Telegram."],
                 nlp)
    mensah = next(a for a in doc.actors if a.name == "John Mensah")
    assert not any(m.text.startswith("the city") for m in mensah.mentions)
    events = [(e.type, [a.name for a in doc.actors if a.id in e.target]) for e in doc.events]
    assert events == [("ASSAULT", ["Kenya"])]


@pytest.mark.model
def test_actors_a_possessive_says_whose_envoy_a_from_phrase_does_not(nlp: object) -> None:
    doc, = _docs(["Ghana recalled its ambassador from Togo on Monday."], nlp)
    envoy = next(a for a in doc.actors if a.role == "Ambassador")
    assert envoy.country == "GHA"
    assert [(e.type, [a.name for a in doc.actors if a.id in e.target]) for e in doc.events] == [
        ("SANCTION", ["Togo"])]


@pytest.mark.model
def test_actors_a_demonym_on_an_act_names_the_doer_not_where_others_are(nlp: object) -> None:
    # "Russian" says who struck; it does not place the wounded in Russia
    doc, = _docs(["Five people were wounded in an Ethiopian airstrike."], nlp)
    assert _country_of(doc, "people") != "ETH"
    doc, = _docs(["Five people were wounded in Ethiopian towns on Sunday."], nlp)
    assert _country_of(doc, "people") == "ETH"


@pytest.mark.model
def test_actors_the_credit_of_a_dateline_is_no_antecedent(nlp: object) -> None:
    doc, = _docs(["NAIROBI (Reuters) - Kenya's interior minister told elders in Garissa on Wednesday "
                  "it would close the border crossing."], nlp)
    owners = {m.text: a.name for a in doc.actors for m in a.mentions}
    assert owners.get("it") != "Reuters"


@pytest.mark.model
def test_actors_an_object_him_is_the_person_just_acted_on_not_a_possessor(nlp: object) -> None:
    doc, = _docs(["Uganda has been in turmoil, with the opposition blaming President Yoweri Museveni "
                  "over the economy, urging him to resign."], nlp)
    assert _owners_of(doc, "him") == ["Yoweri Museveni"]
    doc, = _docs(["Yoweri Museveni missed William Ruto's swearing-in after Raila Odinga had barred "
                  "him from travelling to Nairobi."], nlp)
    assert _owners_of(doc, "him") != ["William Ruto"]


@pytest.mark.model
def test_actors_a_title_someone_turned_is_theirs(nlp: object) -> None:
    doc, = _docs(["Colonel John Mensah, a retired air force officer turned party official who came "
                  "second in the vote, called for a national boycott of the polls."], nlp)
    assert _owners_of(doc, "party official") == ["John Mensah"]
    assert [[a.name for a in doc.actors if a.id in e.source] for e in doc.events] == [["John Mensah"]]
