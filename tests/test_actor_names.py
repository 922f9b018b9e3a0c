"""People's names on real news: spelling variants of dictionary names, pronoun binding,
officeholders whose country the office gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.actors import dictionary as D
from eventwire.actors import find_actors
from eventwire.actors.phrases import _sided
from eventwire.lexicon import _joined_name
from eventwire.pipeline import extract
from eventwire.records import Article

# fictional people, each a dated office of a fictional state
PEOPLE = """\
ELENDIL_AL_TELCONTAR_
\t[ARNGOV >200101]
ARAGORN_ELESSAR_TELCONTAR_
\t[ARNGOV >200101]
ELROND_AL_PEREDHIL_
\t[ARNGOV >200101]
ELROND_EL_PEREDHIL_
\t[GONGOV >200101]
ISIL_YILDIZ_
\t[ARNGOV >200101]
"""


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> D.ActorDictionary:
    path: Path = tmp_path_factory.mktemp("names") / "people.actors.txt"
    path.write_text(PEOPLE, encoding="utf-8")
    return D.load_user_actors(path)


def test_names_variant_key_drops_particles_after_the_first_word() -> None:
    assert D.variant_key("Elendil al-Telcontar") == ("elendil", "telcontar", frozenset())
    assert D.variant_key("Elendil bin Telcontar") == ("elendil", "telcontar", frozenset())
    assert D.variant_key("Al Telcontar") == ("al", "telcontar", frozenset())  # a first name
    assert D.variant_key("Aragorn Elessar Telcontar") == (
        "aragorn", "telcontar", frozenset({"elessar"}))
    assert D.variant_key("Işıl Yıldız") == ("isil", "yildiz", frozenset())
    assert D.variant_key("Telcontar") is None  # one word is no person's variant


def test_names_variant_without_particle_finds_the_entry(book: D.ActorDictionary) -> None:
    on = date(2021, 5, 1)
    for text in ("Elendil Telcontar", "Elendil el-Telcontar", "ELENDIL AL TELCONTAR"):
        found = book.lookup(text, on)
        assert found is not None and (found.country, found.sector) == ("ARN", "GOV"), text
    assert book.lookup("Elendil Telcontar", on, ("organization",)) is None  # people only
    assert book.lookup("Işıl Yıldız", on) is not None  # a dotless i is an i


def test_names_variant_needs_first_and_last_name(book: D.ActorDictionary) -> None:
    on = date(2021, 5, 1)
    assert book.lookup("Arathorn Telcontar", on) is None  # another man of the same family
    assert book.lookup("Elendil Peredhil", on) is None
    assert book.lookup("Aragorn Arathorn Telcontar", on) is None  # a different middle name


def test_names_shorter_variant_only_for_a_current_officeholder(book: D.ActorDictionary) -> None:
    now = book.lookup("Aragorn Telcontar", date(2021, 5, 1))
    assert now is not None and now.country == "ARN"
    assert book.lookup("Aragorn Telcontar", date(2019, 5, 1)) is None  # before the office
    assert book.lookup("Aragorn Elessar Telcontar", date(2019, 5, 1)) is not None  # exact


def test_names_variants_that_disagree_give_nothing(book: D.ActorDictionary) -> None:
    on = date(2021, 5, 1)
    assert book.lookup("Elrond al Peredhil", on).country == "ARN"  # type: ignore[union-attr]
    assert book.lookup("Elrond el Peredhil", on).country == "GON"  # type: ignore[union-attr]
    assert book.lookup("Elrond Peredhil", on) is None  # ARN or GON


def test_names_variant_on_the_shipped_dictionary() -> None:
    exact = D.lookup("Abdel Fattah el-Sisi", date(2019, 1, 1))
    variant = D.lookup("Abdel Fattah Sisi", date(2019, 1, 1))
    assert exact is not None and variant == exact and variant.country == "EGY"


@pytest.mark.model
def test_names_variant_gives_the_dictionary_country_over_context(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Abdel Fattah Sisi flew to Ankara on Monday. Turkish officials said he met "
            "Turkish ministers at the airport.")
    doc = extract(Article(id="v", text=text, published=date(2019, 1, 1)), nlp)
    got = {a.name: (a.country, a.country_source) for a in doc.actors}
    assert got["Abdel Fattah Sisi"] == ("EGY", "dictionary")


# ------------------------------------------------------------------ pronoun binding

VOCAB = spacy.blank("en").vocab


def _parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc with a hand-written parse: (word, head index, dep, pos, IOB entity) per token."""
    words, heads, deps, pos, ents = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def _mentions(doc: Doc) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions] for a in find_actors(doc).actors}


def test_names_an_object_pronoun_is_not_the_subject_of_its_clause() -> None:
    # "Ana Torres said Kenji Sato called her ."
    doc = _parsed([("Ana", 1, "compound", "PROPN", "B-PERSON"),
                   ("Torres", 2, "nsubj", "PROPN", "I-PERSON"), ("said", 2, "ROOT", "VERB", "O"),
                   ("Kenji", 4, "compound", "PROPN", "B-PERSON"),
                   ("Sato", 5, "nsubj", "PROPN", "I-PERSON"), ("called", 2, "ccomp", "VERB", "O"),
                   ("her", 5, "dobj", "PRON", "O"), (".", 2, "punct", "PUNCT", "O")])
    got = _mentions(doc)
    assert "her" in got["Ana Torres"] and "her" not in got["Kenji Sato"]


def test_names_an_object_pronoun_skips_the_subject_its_verb_borrows() -> None:
    # "Ana Torres spoke . Kenji Sato was quick in recognizing her ."
    doc = _parsed([("Ana", 1, "compound", "PROPN", "B-PERSON"),
                   ("Torres", 2, "nsubj", "PROPN", "I-PERSON"), ("spoke", 2, "ROOT", "VERB", "O"),
                   (".", 2, "punct", "PUNCT", "O"),
                   ("Kenji", 5, "compound", "PROPN", "B-PERSON"),
                   ("Sato", 6, "nsubj", "PROPN", "I-PERSON"), ("was", 6, "ROOT", "AUX", "O"),
                   ("quick", 6, "acomp", "ADJ", "O"), ("in", 7, "prep", "ADP", "O"),
                   ("recognizing", 8, "pcomp", "VERB", "O"), ("her", 9, "dobj", "PRON", "O"),
                   (".", 6, "punct", "PUNCT", "O")])
    got = _mentions(doc)
    assert "her" in got["Ana Torres"] and "her" not in got["Kenji Sato"]


def test_names_a_subject_pronoun_still_takes_the_subject() -> None:
    # "Ana Torres said she called Kenji Sato ."
    doc = _parsed([("Ana", 1, "compound", "PROPN", "B-PERSON"),
                   ("Torres", 2, "nsubj", "PROPN", "I-PERSON"), ("said", 2, "ROOT", "VERB", "O"),
                   ("she", 4, "nsubj", "PRON", "O"), ("called", 2, "ccomp", "VERB", "O"),
                   ("Kenji", 6, "compound", "PROPN", "B-PERSON"),
                   ("Sato", 4, "dobj", "PROPN", "I-PERSON"), (".", 2, "punct", "PUNCT", "O")])
    assert "she" in _mentions(doc)["Ana Torres"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "pronoun", "owner", "not_owner"), [
    ("Opposition leader Carlos Rivas proclaimed himself head of state. Ecuadorian President "
     "Luis Andrade promptly endorsed him as acting president.", "him", "Carlos Rivas",
     "Luis Andrade"),
    ("Mexican President Andres Lopez spoke on Monday. He said Canadian Prime Minister Justin "
     "Smith met him in Ottawa.", "him", "Andres Lopez", "Justin Smith"),
    ("German Chancellor Angela Merkel said Vladimir Putin had called her on Tuesday.", "her",
     "Angela Merkel", "Vladimir Putin"),
])
def test_names_object_pronouns_on_written_sentences(nlp, text: str, pronoun: str, owner: str,  # type: ignore[no-untyped-def]
                                                    not_owner: str) -> None:
    doc = extract(Article(id="p", text=text, published=date(2019, 1, 1)), nlp)
    got = {a.name: [m.text for m in a.mentions] for a in doc.actors}
    assert pronoun in got[owner] and pronoun not in got[not_owner]


@pytest.mark.model
def test_names_an_as_complement_is_no_mention_of_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Opposition leader Carlos Rivas proclaimed himself head of state. Ecuadorian "
            "President Luis Andrade promptly endorsed him as acting president.")
    doc = extract(Article(id="a", text=text, published=date(2019, 1, 1)), nlp)
    andrade = next(a for a in doc.actors if a.name == "Luis Andrade")
    assert "acting president" not in [m.text for m in andrade.mentions]


# ------------------------------------------------------------------ officeholders

@pytest.mark.model
def test_names_the_other_president_of_a_visit_is_of_the_other_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Ghanaian President Kofi Mensah landed in Lome on Monday to begin a three-day "
            "official visit. Ghana and Togo signed five agreements on trade. Host President Jean "
            "Kodjo received President Mensah at the palace. The two leaders held talks on "
            "security. Ghana wants more trade with its neighbours, and Ghana will host the next "
            "summit.")
    doc = extract(Article(id="h", text=text, published=date(2019, 1, 1)), nlp)
    got = {a.name: (a.country, a.country_source) for a in doc.actors}
    assert got["Kofi Mensah"] == ("GHA", "text")
    assert got["Jean Kodjo"] == ("TGO", "context")  # Ghana is named more, but its president is Mensah


def test_names_a_title_before_a_dictionary_name_form_is_no_first_name() -> None:
    assert D.variant_key("Prime Minister Elendil al-Telcontar") == ("elendil", "telcontar",
                                                                    frozenset())
    assert D.variant_key("Prince Elendil") == ("prince", "elendil", frozenset())  # two words stay


# ------------------------------------------------------------------ the state a phrase sides with

def test_names_a_state_the_phrase_sides_with_is_not_its_own() -> None:
    doc = Doc(VOCAB, words=["ousted", "pro", "-", "Russia", "President", "Ana", "Torres"])
    assert _sided(list(doc), 3, 4) and not _sided(list(doc), 5, 7)
    doc = Doc(VOCAB, words=["the", "Iran", "-", "backed", "rebels"])
    assert _sided(list(doc), 1, 2)
    doc = Doc(VOCAB, words=["the", "Russian", "-", "speaking", "Ana", "Torres"])
    assert not _sided(list(doc), 1, 2)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Protesters seized buildings on Sunday. They support pro-Russia President Ana Torres.",
    "Anti-American President Ana Torres spoke in the capital on Sunday.",
])
def test_names_a_pro_state_modifier_gives_no_country(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = extract(Article(id="s", text=text, published=date(2019, 1, 1)), nlp)
    torres = next(a for a in doc.actors if a.name == "Ana Torres")
    assert torres.country not in ("RUS", "USA")  # neither given by the text nor inferred


# ------------------------------------------------------------------ the reporter's seat

@pytest.mark.model
def test_names_a_dateline_named_nowhere_else_does_not_place_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("TALLINN, Estonia (AP) \u2014 Authorities in Belarus arrested a prominent journalist on "
            "Tuesday. The arrest came amid a harsh crackdown in Belarus. Human rights activists "
            "said hundreds of people were detained.")
    doc = extract(Article(id="t", text=text, published=date(2023, 1, 1)), nlp)
    activists = next(a for a in doc.actors if a.name.lower() == "human rights activists")
    assert (activists.country, activists.country_source) == ("BLR", "context")
    here = text.replace("a harsh crackdown in Belarus", "a crackdown that Estonia condemned")
    doc = extract(Article(id="t", text=here, published=date(2023, 1, 1)), nlp)
    activists = next(a for a in doc.actors if a.name.lower() == "human rights activists")
    assert activists.country == "EST"  # the dateline's country is named again: it places them


@pytest.mark.model
def test_names_his_government_is_the_government_of_his_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Yemeni President Ali Saleh flew to Riyadh on Monday. Saudi Arabia welcomed him "
            "warmly. He said his government would attend the talks. Saudi Arabia will host the "
            "talks next week.")
    doc = extract(Article(id="g", text=text, published=date(2019, 1, 1)), nlp)
    government = next(a for a in doc.actors if a.name == "Government")
    assert (government.country, government.country_source) == ("YEM", "context")


@pytest.mark.model
def test_names_a_post_abroad_is_not_of_the_place_it_sits_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia recalled its ambassador on Friday. Police surrounded the embassy in Tbilisi, "
            "officials said. Demonstrators in Tbilisi threw eggs.")
    doc = extract(Article(id="e", text=text, published=date(2006, 1, 1)), nlp)
    embassy = next(a for a in doc.actors if a.name.lower().endswith("embassy"))
    assert embassy.country_source != "text"
    crowd = next(a for a in doc.actors if a.name.lower().endswith("demonstrators"))
    assert (crowd.country, crowd.country_source) == ("GEO", "text")  # people in a place are its own


# ------------------------------------------------------------------ names the model cut

def test_names_a_given_name_before_bin_joins_the_name() -> None:
    doc = Doc(VOCAB, words=["Minister", "of", "Economy", "Ali", "bin", "Touq", "Al", "Marri", "said"],
              ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert _joined_name(doc, doc.ents[0]).text == "Ali bin Touq Al Marri"
    titled = Doc(VOCAB, words=["Crown", "Prince", "bin", "Salman", "said"],
                 ents=["O", "O", "B-PERSON", "I-PERSON", "O"])
    assert _joined_name(titled, titled.ents[0]).text == "bin Salman"  # a title is no given name
    inside = Doc(VOCAB, words=["Ali", "bin", "Touq", "said"],
                 ents=["B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert _joined_name(inside, inside.ents[0]) == inside.ents[0]
