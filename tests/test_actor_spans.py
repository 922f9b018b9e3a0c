"""Where a name the NER found begins and ends (eventwire.actors.mentions), on Docs built by
hand: no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.actors import find_actors

VOCAB = spacy.blank("en").vocab


def _names(words: list[str], ents: list[str]) -> dict[str, str | None]:
    doc = Doc(VOCAB, words=words, ents=ents, sent_starts=[i == 0 for i in range(len(words))])
    return {a.name: a.country for a in find_actors(doc).actors}


def test_actor_spans_a_name_ends_where_the_state_named_after_it_begins() -> None:
    # "President Ruto thanked President Museveni Sierra Leone 's envoy": the NER's
    # "Museveni Sierra Leone" is a person and a state
    words = ["President", "Ruto", "thanked", "President", "Museveni", "Sierra", "Leone", "'s",
             "envoy"]
    ents = ["O", "B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"]
    names = _names(words, ents)
    assert "Museveni" in names and "Museveni Sierra Leone" not in names
    # "Mahama Côte" + "d'Ivoire": the state's name runs past the NER's span
    words = ["President", "Mahama", "Côte", "d'Ivoire", "'s", "envoy", "spoke"]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    assert "Mahama" in _names(words, ents)
    # a surname that is no state's name stays whole
    words = ["President", "Ana", "Torres", "spoke"]
    assert "Ana Torres" in _names(words, ["O", "B-PERSON", "I-PERSON", "O"])


def test_actor_spans_a_state_the_ner_left_unlabelled_is_found_by_its_name() -> None:
    words = ["Kenya", "accused", "the", "Central", "African", "Republic", "of", "spying", "."]
    names = _names(words, ["O"] * len(words))
    assert names.get("Kenya") == "KEN" and names.get("Central African Republic") == "CAF"
    # a lower-case word is no name, and an upper-case one is an acronym, not a state
    words = ["kenya", "and", "CHAD", "talks"]
    assert _names(words, ["O"] * len(words)) == {}


def test_actor_spans_a_state_possessing_a_title_word_used_as_an_adjective_is_named() -> None:
    # "to counter China 's military pressure": "military" describes the pressure; no title phrase
    from spacy.tokens import Doc

    from eventwire.actors import find_actors
    words = ["Kenya", "seeks", "to", "counter", "China", "'s", "military", "pressure", "."]
    heads = [1, 1, 3, 1, 7, 4, 7, 3, 1]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "poss", "case", "amod", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PART", "VERB", "PROPN", "PART", "ADJ", "NOUN", "PUNCT"]
    ents = ["B-GPE", "O", "O", "O", "B-GPE", "O", "O", "O", "O"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert "China" in {a.name for a in find_actors(doc).actors}


def test_actor_spans_a_name_the_ner_missed_after_a_title_is_a_person() -> None:
    from spacy.tokens import Doc

    from eventwire.actors import find_actors
    # "Peru 's Minister of Trade Ana Lucia Torres signed ." with no name tagged
    words = ["Peru", "'s", "Minister", "of", "Trade", "Ana", "Lucia", "Torres", "signed", "."]
    heads = [2, 0, 7, 2, 3, 7, 7, 8, 8, 8]
    deps = ["poss", "case", "compound", "prep", "pobj", "compound", "compound", "nsubj", "ROOT",
            "punct"]
    pos = ["PROPN", "PART", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-GPE"] + ["O"] * 9
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    people = {a.name: a.country for a in find_actors(doc).actors if a.kind == "person"}
    assert people == {"Ana Lucia Torres": "PER"}
