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
