"""Reading the parse: the token at an offset, the tense of its governing verb, the word before."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PAST, PRESENT, FUTURE = "past", "present", "future"


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def verb_tense(token: Token | None) -> str | None:
    """PAST or FUTURE from the verb governing ``token`` (None when no finite verb is found)."""
    node = token
    for _ in range(8):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX"):
            aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in aux}
            if "to" in words and node.dep_ == "xcomp" and node.head.tag_ == "VBD":
                return None  # "agreed to sell in October": either side of publication
            if words & {"will", "shall", "'ll", "wo", "would", "to", "going"}:
                return FUTURE
            if words & {"can", "could", "may", "might", "must", "should"}:
                return FUTURE
            if words & {"has", "have", "had", "'ve", "did"} or any(c.tag_ == "VBD" for c in aux):
                return PAST
            if node.tag_ in ("VBD", "VBN"):
                return PAST
            if node.tag_ == "VBG" and aux:
                return FUTURE
            if node.tag_ in ("VBZ", "VBP"):
                return PRESENT
            if node.tag_ == "MD":
                return FUTURE
        if node.head is node:
            return None
        node = node.head
    return None


def finite_past(token: Token | None) -> bool:
    """Whether the verb governing ``token`` is a finite past ("attacked", "had attacked", "was
    attacked"), not a participle that qualifies a noun ("a strike earmarked for 23 March")."""
    node = token
    for _ in range(8):
        if node is None or node.head is node and node.pos_ not in ("VERB", "AUX"):
            return False
        if node.pos_ in ("VERB", "AUX"):
            if node.dep_ in ("acl", "amod", "relcl") and node.tag_ == "VBN" and not any(
                    c.dep_ in ("aux", "auxpass") for c in node.children):
                return False
            return verb_tense(node) == PAST and (node.tag_ == "VBD" or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" or c.lower_ in ("has", "have", "had")
                for c in node.children))
        node = node.head
    return False


NAMING_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})


def names_a_past_event(token: Token | None) -> bool:
    """Whether a date word modifies a noun as its name ("the 11 September attacks", "the
    Sept. 13 raid"): a named event is one that has happened."""
    if token is None or token.dep_ not in NAMING_DEPS or token.head.i == token.i:
        return False
    head = token.head
    return head.pos_ == "NOUN" and head.ent_type_ not in ("DATE", "TIME") and any(
        c.dep_ in ("det", "poss") for c in head.children)


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z\n]{0,2}$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


