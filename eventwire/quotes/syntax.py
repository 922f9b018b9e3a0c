"""Reading a parsed Doc for attribution: the per-Doc index, speakers and cue phrases."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import doc_text
from .lexicon import SpeechCues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "DocIndex", "attribution_of", "np_span", "subject"]

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NP_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp"})
RELATIVE = frozenset({"which", "who", "that", "whom"})
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})
_INNER_PUNCT = frozenset({"'", "’", "-", "&", "."})
_RECEIVING = frozenset({"receive", "get", "obtain", "read", "see", "find", "cite", "quote"})


class DocIndex:
    """What every step asks of a Doc, computed in one pass: text, offsets, sentences, cues."""

    __slots__ = ("doc", "text", "starts", "sent_start", "sent_end", "cue", "direct_cue",
                 "lower", "pos", "lemma", "cues")

    def __init__(self, doc: Doc, cues: SpeechCues) -> None:
        self.doc = doc
        self.cues = cues
        self.text = doc_text(doc)
        n = len(doc)
        self.starts: list[int] = [0] * n
        self.lower: list[str] = [""] * n
        self.pos: list[str] = [""] * n
        self.lemma: list[str] = [""] * n
        self.cue: list[str | None] = [None] * n  # reporting verb entry (indirect speech)
        self.direct_cue: list[str | None] = [None] * n  # and manner verbs next to a quote
        for token in doc:  # one pass: every Token object spaCy builds costs
            i = token.i
            self.starts[i] = token.idx
            self.lower[i] = token.lower_
            self.pos[i] = pos = token.pos_
            self.lemma[i] = token.lemma_.lower()
            if pos in ("VERB", "AUX") or token.tag_ in _VERB_TAGS:
                key = cues.verb_key(token, direct=True)
                if key is not None:
                    self.direct_cue[i] = key
                    if key in cues.verbs:
                        self.cue[i] = key
        self.sent_start = [0] * n
        self.sent_end = [n] * n
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i] = sent.start
                self.sent_end[i] = sent.end

    def token_at(self, offset: int) -> int | None:
        """The index of the token covering or following a character offset."""
        i = bisect_left(self.starts, offset)
        if i > 0 and (i == len(self.starts) or self.starts[i] > offset):
            prev = self.doc[i - 1]
            if prev.idx + len(prev.text) > offset:
                return i - 1
        return i if i < len(self.starts) else None

    def phrase_at(self, i: int) -> tuple[int, Token | None] | None:
        """A phrase cue ("according to") starting at token ``i``: (last token, speaker head)."""
        doc = self.doc
        for phrase in self.cues.phrases:
            n = len(phrase)
            if self.lower[i] != phrase[0] or i + n > len(doc):
                continue
            if all(self.lower[i + k] == phrase[k] for k in range(1, n)):
                last = doc[i + n - 1]
                head = next((c for c in last.children if c.dep_ == "pobj"), None)
                if head is None and i + n < len(doc) and doc[i + n].pos_ in (
                        "PROPN", "NOUN", "DET", "PRON", "ADJ"):
                    head = doc[i + n]
                    while head.head.i > head.i and head.head.i < head.i + 6 and \
                            head.head.pos_ in ("PROPN", "NOUN"):
                        head = head.head
                return i + n - 1, head
        return None


def np_span(head: Token) -> tuple[int, int]:
    """Token range [first, last] of the maximal noun phrase around ``head``."""
    first = last = head.i
    for child in head.children:
        if child.dep_ in _NP_CUT:
            continue
        first = min(first, child.left_edge.i)
        last = max(last, child.right_edge.i)
    doc = head.doc
    for i in range(head.i - 1, first - 1, -1):  # never across a comma or a quotation mark
        if doc[i].is_punct and doc[i].text not in _INNER_PUNCT:
            first = i + 1
            break
    for i in range(head.i + 1, last + 1):
        if doc[i].is_punct and doc[i].text not in _INNER_PUNCT:
            last = i - 1
            break
    while last > first and doc[last].dep_ == "case":  # "the government's (announcement)"
        last -= 1
    return first, last


def _issuer(noun: Token) -> Token | None:
    """Who issued a document noun: "X issued a statement saying", "X resigned in a letter stating"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "in":
        verb = verb.head
    elif noun.dep_ != "dobj" or verb.lemma_.lower() in _RECEIVING:
        return None
    issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if issuer is None or issuer.lower_ in RELATIVE:
        return None
    return issuer


def subject(verb: Token, index: DocIndex) -> Token | None:
    """The speaker's head token: the subject of the cue, inherited when it has none."""
    seen = 0
    node = verb
    while seen < 6:
        seen += 1
        for child in node.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ in RELATIVE and node.dep_ == "relcl":
                    return node.head
                if child.lower_ == "it" and child.dep_ == "nsubjpass":
                    return None
                return child
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = node.head  # "a statement saying"; "issued a statement saying": the issuer
            return _issuer(noun) or noun
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head is not node.head:
            verb = node.head.head  # "by saying", "quoted X as saying"
            if verb.lemma_.lower() == "quote":
                return next((c for c in verb.children if c.dep_ == "dobj"), None)
            node = verb
            continue
        if node.dep_ in ("conj", "advcl", "xcomp") and node.head is not node:
            parent = node.head
            # a participle hanging inside the reported clause ("..., adding that"):
            # the speaker is the one of the cue that governs that clause
            for anc in [parent, *parent.ancestors] if node.dep_ == "advcl" else ():
                if index.cue[anc.i] is not None and any(c.dep_ in SUBJECTS for c in anc.children):
                    parent = anc
                    break
            node = parent
            continue
        return None
    return None


def inverted_subject(verb: Token) -> Token | None:
    """``"...," said the minister``: the noun phrase right after the cue, whatever its label."""
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 4)):
        token = doc[j]
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            head = token
            while head.head.i > head.i and head.head.i <= verb.i + 8 and \
                    head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head
            return head
        if token.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue (token range) and its speaker (token range, when found)."""

    cue_first: int
    cue_last: int
    speaker: tuple[int, int] | None


def attribution_of(cue: Token, index: DocIndex, *, after_quote: bool) -> Attribution:
    """The cue token with the noun phrase of its subject (or, after a quote, of what follows)."""
    head = subject(cue, index)
    if head is None and after_quote:
        head = inverted_subject(cue)
    return Attribution(cue.i, cue.i, np_span(head) if head is not None else None)
