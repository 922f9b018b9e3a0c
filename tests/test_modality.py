"""Modality by construction: denials, reports, negation, plans and conditions, and clauses that
state no event at all (rights, abilities, habits, reports not made, questions). The rules are
tested on parses built by hand, so a model update cannot move them; the end-to-end sentences,
all written for these tests, load the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Token

from eventwire.events.context import _denier, _denies_claim, _modality, _no_event, _speaker_at
from eventwire.pipeline import extract
from eventwire.records import Article, Document, Quote

VOCAB = spacy.blank("en").vocab

# (word, head index, dep, pos, lemma, tag); a head equal to its own index is the root
Row = tuple[str, int, str, str, str, str]


def _parse(rows: list[Row]) -> Doc:
    words, heads, deps, pos, lemmas, tags = (list(c) for c in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)


def _token(rows: list[Row], word: str) -> Token:
    doc = _parse(rows)
    return next(t for t in doc if t.text == word)


DENIED_THAT: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("denied", 1, "ROOT", "VERB", "deny", "VBD"),
    ("that", 5, "mark", "SCONJ", "that", "IN"),
    ("it", 5, "nsubj", "PRON", "it", "PRP"),
    ("had", 5, "aux", "AUX", "have", "VBD"),
    ("attacked", 1, "ccomp", "VERB", "attack", "VBN"),
    ("Borduria", 5, "dobj", "PROPN", "Borduria", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

DENIED_ATTACKING: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("denied", 1, "ROOT", "VERB", "deny", "VBD"),
    ("attacking", 1, "xcomp", "VERB", "attack", "VBG"),
    ("Borduria", 2, "dobj", "PROPN", "Borduria", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

REJECTED_CLAIMS: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("rejected", 1, "ROOT", "VERB", "reject", "VBD"),
    ("claims", 1, "dobj", "NOUN", "claim", "NNS"),
    ("that", 6, "mark", "SCONJ", "that", "IN"),
    ("its", 5, "poss", "PRON", "its", "PRP$"),
    ("jets", 6, "nsubj", "NOUN", "jet", "NNS"),
    ("bombed", 2, "acl", "VERB", "bomb", "VBD"),
    ("villages", 6, "dobj", "NOUN", "village", "NNS"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

NOT_DENIED: list[Row] = [
    ("Ruritania", 3, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("did", 3, "aux", "AUX", "do", "VBD"),
    ("not", 3, "neg", "PART", "not", "RB"),
    ("deny", 3, "ROOT", "VERB", "deny", "VB"),
    ("that", 6, "mark", "SCONJ", "that", "IN"),
    ("it", 6, "nsubj", "PRON", "it", "PRP"),
    ("attacked", 3, "ccomp", "VERB", "attack", "VBD"),
    ("Borduria", 6, "dobj", "PROPN", "Borduria", "NNP"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

SAID_THAT: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("said", 1, "ROOT", "VERB", "say", "VBD"),
    ("Borduria", 3, "nsubj", "PROPN", "Borduria", "NNP"),
    ("attacked", 1, "ccomp", "VERB", "attack", "VBD"),
    ("its", 5, "poss", "PRON", "its", "PRP$"),
    ("border", 3, "dobj", "NOUN", "border", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

REFUSED_TO: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("refused", 1, "ROOT", "VERB", "refuse", "VBD"),
    ("to", 3, "aux", "PART", "to", "TO"),
    ("attack", 1, "xcomp", "VERB", "attack", "VB"),
    ("Borduria", 3, "dobj", "PROPN", "Borduria", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def _infinitive(governor: tuple[str, str, str], verb: str = "sign",
                adverb: str | None = None) -> list[Row]:
    """ "Ruritania <governor> [adverb] to <verb> the treaty ." with the governor as root."""
    word, lemma, tag = governor
    rows: list[Row] = [("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
                       (word, 1, "ROOT", "VERB", lemma, tag)]
    if adverb:
        rows.append((adverb, 1, "advmod", "ADV", adverb, "RB"))
    n = len(rows)
    rows += [("to", n + 1, "aux", "PART", "to", "TO"),
             (verb, 1, "xcomp", "VERB", verb, "VB"),
             ("the", n + 3, "det", "DET", "the", "DT"),
             ("treaty", n + 1, "dobj", "NOUN", "treaty", "NN"),
             (".", 1, "punct", "PUNCT", ".", ".")]
    return rows


def _auxiliary(aux: str, dep: str = "aux", verb: str = "sign") -> list[Row]:
    """ "Ruritania <aux> <verb> the treaty ."."""
    return [("Ruritania", 2, "nsubj", "PROPN", "Ruritania", "NNP"),
            (aux, 2, dep, "AUX" if dep == "aux" else "ADV", aux, "MD" if dep == "aux" else "RB"),
            (verb, 2, "ROOT", "VERB", verb, "VBP" if dep != "aux" else "VB"),
            ("the", 4, "det", "DET", "the", "DT"),
            ("treaty", 2, "dobj", "NOUN", "treaty", "NN"),
            (".", 2, "punct", "PUNCT", ".", ".")]


def _conditional(aux: str, verb: str) -> list[Row]:
    """ "Ruritania <aux> <verb> Borduria if the talks fail ."."""
    return [("Ruritania", 2, "nsubj", "PROPN", "Ruritania", "NNP"),
            (aux, 2, "aux", "AUX", aux, "MD"),
            (verb, 2, "ROOT", "VERB", verb, "VB"),
            ("Borduria", 2, "dobj", "PROPN", "Borduria", "NNP"),
            ("if", 7, "mark", "SCONJ", "if", "IN"),
            ("the", 6, "det", "DET", "the", "DT"),
            ("talks", 7, "nsubj", "NOUN", "talk", "NNS"),
            ("fail", 2, "advcl", "VERB", "fail", "VBP"),
            (".", 2, "punct", "PUNCT", ".", ".")]


THREATENED_IF: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("threatened", 1, "ROOT", "VERB", "threaten", "VBD"),
    ("to", 3, "aux", "PART", "to", "TO"),
    ("strike", 1, "xcomp", "VERB", "strike", "VB"),
    ("if", 7, "mark", "SCONJ", "if", "IN"),
    ("the", 6, "det", "DET", "the", "DT"),
    ("talks", 7, "nsubj", "NOUN", "talk", "NNS"),
    ("fail", 1, "advcl", "VERB", "fail", "VBP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

RIGHT_TO: list[Row] = [
    ("Citizens", 1, "nsubj", "NOUN", "citizen", "NNS"),
    ("have", 1, "ROOT", "VERB", "have", "VBP"),
    ("a", 3, "det", "DET", "a", "DT"),
    ("right", 1, "dobj", "NOUN", "right", "NN"),
    ("to", 5, "aux", "PART", "to", "TO"),
    ("demonstrate", 3, "acl", "VERB", "demonstrate", "VB"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

NOT_REPORTED: list[Row] = [
    ("State", 1, "compound", "NOUN", "state", "NN"),
    ("media", 5, "nsubj", "NOUN", "medium", "NNS"),
    ("did", 5, "aux", "AUX", "do", "VBD"),
    ("not", 5, "neg", "PART", "not", "RB"),
    ("immediately", 5, "advmod", "ADV", "immediately", "RB"),
    ("report", 5, "ROOT", "VERB", "report", "VB"),
    ("the", 7, "det", "DET", "the", "DT"),
    ("attack", 5, "dobj", "NOUN", "attack", "NN"),
    (".", 5, "punct", "PUNCT", ".", "."),
]

DECLINED_TO_CONFIRM: list[Row] = [
    ("Officials", 1, "nsubj", "NOUN", "official", "NNS"),
    ("declined", 1, "ROOT", "VERB", "decline", "VBD"),
    ("to", 3, "aux", "PART", "to", "TO"),
    ("confirm", 1, "xcomp", "VERB", "confirm", "VB"),
    ("the", 5, "det", "DET", "the", "DT"),
    ("strike", 3, "dobj", "NOUN", "strike", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

REPORTED: list[Row] = [
    ("State", 1, "compound", "NOUN", "state", "NN"),
    ("media", 2, "nsubj", "NOUN", "medium", "NNS"),
    ("reported", 2, "ROOT", "VERB", "report", "VBD"),
    ("the", 4, "det", "DET", "the", "DT"),
    ("attack", 2, "dobj", "NOUN", "attack", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

REQUEST_FOR_COMMENT: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("ignored", 1, "ROOT", "VERB", "ignore", "VBD"),
    ("a", 3, "det", "DET", "a", "DT"),
    ("request", 1, "dobj", "NOUN", "request", "NN"),
    ("for", 3, "prep", "ADP", "for", "IN"),
    ("comment", 4, "pobj", "NOUN", "comment", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

QUESTION: list[Row] = [
    ("Will", 2, "aux", "AUX", "will", "MD"),
    ("Ruritania", 2, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("attack", 2, "ROOT", "VERB", "attack", "VB"),
    ("Borduria", 2, "dobj", "PROPN", "Borduria", "NNP"),
    ("?", 2, "punct", "PUNCT", "?", "."),
]


# ------------------------------------------------------------------ fast, no model

@pytest.mark.parametrize("rows", [DENIED_THAT, REJECTED_CLAIMS])
def test_modality_a_denied_claim_is_negated_on_the_deniers_word(rows: list[Row]) -> None:
    doc = _parse(rows)
    act = next(t for t in doc if t.lemma_ in ("attack", "bomb"))
    assert _modality(act, "ASSAULT") == ("negated", False)
    denier = _denier(act)
    assert denier is not None and denier.lemma_ in ("deny", "reject")
    assert _denies_claim(denier)  # the denial itself is not coded


def test_modality_a_denied_gerund_is_negated() -> None:
    doc = _parse(DENIED_ATTACKING)
    assert _modality(doc[2], "ASSAULT") == ("negated", False)
    assert _denies_claim(doc[1])


def test_modality_a_denial_denied_and_a_claim_reported_stand() -> None:
    assert _denier(_token(NOT_DENIED, "attacked")) is None
    assert _modality(_token(NOT_DENIED, "attacked"), "ASSAULT")[0] == "asserted"
    assert not _denies_claim(_token(NOT_DENIED, "deny"))
    assert _modality(_token(SAID_THAT, "attacked"), "ASSAULT")[0] == "asserted"
    assert not _denies_claim(_token(SAID_THAT, "said"))


def test_modality_a_refusal_is_no_denial_of_a_claim() -> None:
    assert not _denies_claim(_token(REFUSED_TO, "refused"))
    assert _modality(_token(REFUSED_TO, "attack"), "ASSAULT")[0] == "negated"


@pytest.mark.parametrize(("governor", "adverb", "modality"), [
    (("plans", "plan", "VBZ"), None, "intended"),
    (("intends", "intend", "VBZ"), None, "intended"),
    (("failed", "fail", "VBD"), None, "negated"),
    (("refused", "refuse", "VBD"), None, "negated"),
    (("has", "have", "VBZ"), "yet", "negated"),
])
def test_modality_of_an_infinitive_comes_from_its_governor(
        governor: tuple[str, str, str], adverb: str | None, modality: str) -> None:
    assert _modality(_token(_infinitive(governor, adverb=adverb), "sign"), "AGREE")[0] == modality


@pytest.mark.parametrize(("aux", "dep", "modality"), [
    ("will", "aux", "intended"),
    ("never", "neg", "negated"),
    ("not", "neg", "negated"),
])
def test_modality_of_an_auxiliary_or_negation(aux: str, dep: str, modality: str) -> None:
    assert _modality(_token(_auxiliary(aux, dep), "sign"), "AGREE")[0] == modality


def test_modality_a_conditional_act_is_hypothetical_a_conditional_threat_asserted() -> None:
    assert _modality(_token(_conditional("could", "attack"), "attack"), "ASSAULT")[0] == \
        "hypothetical"
    assert _modality(_token(THREATENED_IF, "threatened"), "THREATEN")[0] == "asserted"
    assert not _no_event(_token(_conditional("can", "attack"), "attack"))


@pytest.mark.parametrize(("rows", "word"), [
    (RIGHT_TO, "demonstrate"),
    (_auxiliary("can"), "sign"),
    (_auxiliary("usually", "advmod"), "sign"),
    (NOT_REPORTED, "attack"),
    (DECLINED_TO_CONFIRM, "strike"),
    (REQUEST_FOR_COMMENT, "request"),
    (QUESTION, "attack"),
])
def test_no_event_in_rights_abilities_habits_reports_not_made_and_questions(
        rows: list[Row], word: str) -> None:
    assert _no_event(_token(rows, word))


@pytest.mark.parametrize(("rows", "word"), [
    (REPORTED, "attack"),
    (SAID_THAT, "attacked"),
    (_auxiliary("will"), "sign"),
    (DENIED_THAT, "attacked"),
])
def test_events_reported_planned_or_denied_are_still_events(rows: list[Row], word: str) -> None:
    assert not _no_event(_token(rows, word))


# ------------------------------------------------------------------ with the model

def _events(text: str, nlp: object) -> list[tuple[str, str, list[str], str | None]]:
    doc: Document = extract(Article(id="t", text=text), nlp=nlp)  # type: ignore[arg-type]
    names = {a.id: a.name for a in doc.actors}
    return [(e.type, e.modality, [names[i] for i in e.source],
             names.get(e.attributed_to) if e.attributed_to else None) for e in doc.events]


def _cameos(text: str, nlp: object) -> list[str | None]:
    doc: Document = extract(Article(id="t", text=text), nlp=nlp)  # type: ignore[arg-type]
    return [e.cameo for e in doc.events]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chile denied that it had attacked Peruvian fishing boats.",
    "Chile denied attacking Peruvian fishing boats.",
    "Chile rejected claims that it had attacked Peruvian fishing boats.",
])
def test_modality_denied_acts_end_to_end(text: str, nlp: object) -> None:
    events = _events(text, nlp)
    assert [(e[0], e[1], e[2], e[3]) for e in events] == [("ASSAULT", "negated", ["Chile"], "Chile")]


@pytest.mark.model
def test_modality_an_act_set_as_a_condition_is_hypothetical(nlp: object) -> None:
    text = ('"We will accept a truce, but only on condition that the Ethiopian troops who are '
            'encircling our towns pull back," the militia commander told journalists.')
    assert [e[1] for e in _events(text, nlp) if e[0] == "RETREAT"] == ["hypothetical"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "modality"), [
    ("Norway will impose sanctions on Iceland.", "intended"),
    ("Norway plans to impose sanctions on Iceland.", "intended"),
    ("Norway is expected to impose sanctions on Iceland.", "intended"),
    ("Norway could impose sanctions on Iceland if the talks fail.", "hypothetical"),
    ("Norway imposed sanctions on Iceland, according to the Danish foreign ministry.",
     "asserted"),
])
def test_modality_by_construction_end_to_end(text: str, modality: str, nlp: object) -> None:
    assert [(e[0], e[1]) for e in _events(text, nlp) if e[0] == "SANCTION"] == [
        ("SANCTION", modality)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Norway did not impose sanctions on Iceland.",
    "Norway failed to impose sanctions on Iceland.",
    "Norway has yet to impose sanctions on Iceland.",
    "Norway never imposed sanctions on Iceland.",
    "Norway decided not to attack Iceland.",
    "Norway refrained from attacking Iceland.",
    "Norway avoided imposing sanctions on Iceland.",
])
def test_modality_an_act_not_done_is_no_event(text: str, nlp: object) -> None:
    # news_dev's convention: only a claim that is denied is coded (negated); an act said not to
    # be done is no act
    assert _events(text, nlp) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Rebels threatened to kill the hostage if Japan does not withdraw its troops from Iraq.",
    "The minister said he had been ordered not to meet the Iranian envoy.",
    "Although not making loans to buyers, the bank is the largest player in the market.",
    "\"I don't rule out the possibility that Norway may withdraw its troops,\" he said.",
])
def test_modality_not_every_act_not_done_is_a_refusal(text: str, nlp: object) -> None:
    # a condition, an order, a description, another verb's negation: no REJECT
    assert "REJECT" not in [e[0] for e in _events(text, nlp)], _events(text, nlp)


@pytest.mark.model
@pytest.mark.parametrize(("text", "cameo"), [
    ("Norway said it would not provide support to Iceland.", "120"),
])
def test_modality_a_refused_noun_act_is_a_rejection(text: str, cameo: str, nlp: object) -> None:
    assert _cameos(text, nlp) == [cameo]


@pytest.mark.model
@pytest.mark.parametrize(("text", "cameo"), [
    ("Norway will not accept refugees from Iceland.", "122"),
    ("Norway did not meet the Icelandic foreign minister.", "125"),
    ("Norway failed to reach an agreement with Iceland.", "120"),
])
def test_modality_refused_cooperation_is_a_rejection(text: str, cameo: str, nlp: object) -> None:
    events = _events(text, nlp)
    assert [(e[0], e[1]) for e in events] == [("REJECT", "asserted")]
    assert _cameos(text, nlp) == [cameo]


@pytest.mark.model
def test_modality_a_conditional_threat_is_asserted_end_to_end(nlp: object) -> None:
    events = _events("Norway threatened to impose sanctions on Iceland if the talks fail.", nlp)
    assert [(e[0], e[1]) for e in events] == [("THREATEN", "asserted")]


@pytest.mark.model
def test_modality_the_reporter_is_attributed_not_the_source(nlp: object) -> None:
    events = _events("Chilean troops attacked Peruvian fishing boats, according to the "
                     "Peruvian defence ministry.", nlp)
    assault = [e for e in events if e[0] == "ASSAULT"]
    assert len(assault) == 1 and "Peruvian Defense Ministry" not in assault[0][2]
    assert assault[0][3] == "Peruvian Defense Ministry"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Citizens have a constitutional right to demonstrate against the Chilean government.",
    "The Security Council can impose sanctions on Iceland.",
    "The Chilean embassy did not immediately reply to emailed questions.",
    "The Chilean embassy declined to comment.",
    "Peruvian state media did not immediately report the attack on Chile.",
    "Will Norway impose sanctions on Iceland?",
    "Farmers usually protest against the Chilean government in March.",
    "Chilean police often arrest opposition activists in Santiago.",
    "Peruvian farmers regularly protest against the government in Lima.",
])
def test_no_event_end_to_end(text: str, nlp: object) -> None:
    assert _events(text, nlp) == []


DENIED_LIGHT_VERB: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("denied", 1, "ROOT", "VERB", "deny", "VBD"),
    ("that", 5, "mark", "SCONJ", "that", "IN"),
    ("it", 5, "nsubj", "PRON", "it", "PRP"),
    ("had", 5, "aux", "AUX", "have", "VBD"),
    ("made", 1, "ccomp", "VERB", "make", "VBN"),
    ("a", 7, "det", "DET", "a", "DT"),
    ("pledge", 5, "dobj", "NOUN", "pledge", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def _object_of(verb: tuple[str, str], noun: tuple[str, str]) -> list[Row]:
    """ "Ruritania <verb> the <noun> ."."""
    return [("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
            (verb[0], 1, "ROOT", "VERB", verb[1], "VBD"),
            ("the", 3, "det", "DET", "the", "DT"),
            (noun[0], 1, "dobj", "NOUN", noun[1], "NN"),
            (".", 1, "punct", "PUNCT", ".", ".")]


def test_modality_a_noun_act_inside_a_denied_clause_is_negated() -> None:
    assert _modality(_token(DENIED_LIGHT_VERB, "pledge"), "AGREE")[0] == "negated"


def test_no_event_in_a_denial_of_an_alleged_act_or_claim_but_a_rejection_stands() -> None:
    denied, rejected = ("denied", "deny"), ("rejected", "reject")
    assert _denies_claim(_token(_object_of(denied, ("attack", "attack")), "denied"))
    assert _denies_claim(_token(_object_of(denied, ("allegations", "allegation")), "denied"))
    assert not _denies_claim(_token(_object_of(rejected, ("aid", "aid")), "rejected"))
    assert not _denies_claim(_token(_object_of(rejected, ("ultimatum", "ultimatum")), "rejected"))


def test_speaker_is_the_innermost_reporter() -> None:
    outer = Quote(id="q1", kind="indirect", start=0, end=40, text="x" * 40, speaker="a1")
    inner = Quote(id="q2", kind="indirect", start=10, end=40, text="x" * 30, speaker="a2")
    assert _speaker_at(20, (outer, inner)) == "a2"
    assert _speaker_at(5, (outer, inner)) == "a1"
    assert _speaker_at(45, (outer, inner)) is None


@pytest.mark.model
def test_modality_a_claim_reported_then_denied_is_on_the_reporters_word(nlp: object) -> None:
    events = _events("Peru said Chile had attacked its fishing boats, a claim Chile denied.", nlp)
    assert ("ASSAULT", "asserted", ["Chile"], "Peru") in events
    assert not [e for e in events if e[0] == "REJECT"]


ANY_ATTACK: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("condemned", 1, "ROOT", "VERB", "condemn", "VBD"),
    ("any", 3, "det", "DET", "any", "DT"),
    ("attack", 1, "dobj", "NOUN", "attack", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

TALK_ABOUT: list[Row] = [
    ("They", 2, "nsubj", "PRON", "they", "PRP"),
    ("will", 2, "aux", "AUX", "will", "MD"),
    ("talk", 2, "ROOT", "VERB", "talk", "VB"),
    ("about", 2, "prep", "ADP", "about", "IN"),
    ("the", 5, "det", "DET", "the", "DT"),
    ("offensive", 3, "pobj", "NOUN", "offensive", "NN"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_no_event_in_an_act_in_general() -> None:
    assert _no_event(_token(ANY_ATTACK, "attack"))


def test_modality_a_topic_spoken_of_takes_no_modality_from_the_speaking() -> None:
    assert _modality(_token(TALK_ABOUT, "offensive"), "ASSAULT")[0] == "asserted"
    assert _modality(_token(TALK_ABOUT, "talk"), "CONSULT")[0] == "intended"


@pytest.mark.model
@pytest.mark.parametrize(("text", "modality"), [
    ("The Peruvian foreign ministry said Chilean troops attacked Peruvian fishing boats.",
     "asserted"),
    ("The Peruvian foreign ministry claimed that Chilean troops had attacked Peruvian fishing "
     "boats.", "asserted"),
    ("The Peruvian foreign ministry said Chilean troops will attack Peruvian fishing boats.",
     "intended"),
])
def test_modality_a_reported_act_is_on_the_claimants_word_not_theirs_to_do(
        text: str, modality: str, nlp: object) -> None:
    assault = [e for e in _events(text, nlp) if e[0] == "ASSAULT"]
    assert len(assault) == 1
    assert assault[0][1] == modality and assault[0][3] == "Peruvian Foreign Ministry"
    assert "Peruvian Foreign Ministry" not in assault[0][2]  # the reporter does not attack


DENIED_NESTED: list[Row] = [
    ("She", 1, "nsubj", "PRON", "she", "PRP"),
    ("denied", 1, "ROOT", "VERB", "deny", "VBD"),
    ("her", 3, "poss", "PRON", "her", "PRP$"),
    ("faith", 4, "nsubj", "NOUN", "faith", "NN"),
    ("meant", 1, "ccomp", "VERB", "mean", "VBD"),
    ("she", 7, "nsubj", "PRON", "she", "PRP"),
    ("would", 7, "aux", "AUX", "would", "MD"),
    ("refuse", 4, "ccomp", "VERB", "refuse", "VB"),
    ("the", 9, "det", "DET", "the", "DT"),
    ("post", 7, "dobj", "NOUN", "post", "NN"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_no_event_in_a_clause_nested_inside_a_denied_claim() -> None:
    assert _no_event(_token(DENIED_NESTED, "refuse"))
    assert not _no_event(_token(DENIED_NESTED, "meant"))  # the claim denied itself


# "Ruritania looks forward to meeting Borduria."
LOOKS_FORWARD: list[Row] = [
    ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
    ("looks", 1, "ROOT", "VERB", "look", "VBZ"),
    ("forward", 1, "advmod", "ADV", "forward", "RB"),
    ("to", 1, "prep", "ADP", "to", "IN"),
    ("meeting", 3, "pcomp", "VERB", "meet", "VBG"),
    ("Borduria", 4, "dobj", "PROPN", "Borduria", "NNP"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_modality_a_phrasal_governor_states_intent() -> None:
    assert _modality(_token(LOOKS_FORWARD, "meeting"), "CONSULT") == ("intended", False)
    looks_at = [("looks", *r[1:]) if r[0] == "looks" else
                ("at", *r[1:]) if r[0] == "forward" else r for r in LOOKS_FORWARD]
    assert _modality(_token(looks_at, "meeting"), "CONSULT")[0] == "asserted"


def _said_would(subject: str) -> list[Row]:
    """'Ruritania said <subject> would send aid.'"""
    return [
        ("Ruritania", 1, "nsubj", "PROPN", "Ruritania", "NNP"),
        ("said", 1, "ROOT", "VERB", "say", "VBD"),
        (subject, 4, "nsubj", "PRON" if subject == "it" else "NOUN", subject, "PRP"),
        ("would", 4, "aux", "AUX", "would", "MD"),
        ("send", 1, "ccomp", "VERB", "send", "VB"),
        ("aid", 4, "dobj", "NOUN", "aid", "NN"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_modality_what_a_speaker_says_it_would_do_is_its_intent_not_a_mere_future() -> None:
    assert _modality(_token(_said_would("it"), "send"), "AID") == ("intended", False)
    # of another party, a reported future act
    assert _modality(_token(_said_would("army"), "send"), "AID") == ("intended", True)
