"""Extents: the whole noun phrase a mention heads, kept beside the mention itself.

A mention is the words that name the actor ("protesters", "Ahmed Karim"); the noun phrase
it heads often says more: who exactly ("protesters across the region", "six people held on
terrorism charges"), that the actor is a group acting together ("police and soldiers"), or
what the person is ("Ahmed Karim, the head of the traders' union"). As in MEANTIME and ACE,
which annotate such nested mentions, the actor keeps both: the mention and, nested around
it, its extent. Only the actor's record carries the extent; the span index the quote and
event stages resolve tokens with keeps the mentions alone, so "soldiers" in "police and
soldiers" still resolves to the soldiers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extents"]

MAX_EXTENT_TOKENS = 25
"""A longer phrase is a misparse taking in a clause, or a list no reader takes for one actor."""

_NOMINAL = frozenset({"NOUN", "PROPN"})
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def extents(doc: Doc, mentions: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character spans of the noun phrases the mentions head, where a phrase is more than
    its mention: with its modifiers after the noun, its conjuncts, an apposition, a number
    before it."""
    found: set[tuple[int, int]] = set()
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        bounds = _phrase(span.root)
        if bounds is None:
            continue
        lo, hi = bounds
        if lo > span.start or hi < span.end - 1 or (lo, hi) == (span.start, span.end - 1):
            continue  # the phrase must hold the mention and say more
        phrase = (doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if phrase != (start, end):
            found.add(phrase)
    return sorted(found - {tuple(m) for m in mentions})


def _phrase(root: Token) -> tuple[int, int] | None:
    """The first and last token of the noun phrase ``root`` heads, without a conjunction or
    punctuation at its edges or a possessive ending; None where ``root`` is no noun or heads
    the sentence (a headline's fragment). The phrase stops before what is no part of one
    actor: a named conjunct ("Seoul and Bangkok" are two) and a clause after "of" ("accused
    the party of inciting", where the parse hangs the charge on the party)."""
    if root.pos_ not in _NOMINAL or root.dep_ == "ROOT":
        return None
    doc = root.doc
    lo, hi = root.left_edge.i, root.right_edge.i
    for child in root.rights:
        if _named_conjunct(root, child):
            hi = min(hi, child.left_edge.i - 1)
    for token in root.subtree:
        if token.i > root.i and token.dep_ == "prep" and any(
                c.dep_ == "pcomp" and c.pos_ == "VERB" for c in token.children):
            hi = min(hi, token.i - 1)
    while lo < hi and (doc[lo].is_punct or doc[lo].pos_ == "CCONJ"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "case" or doc[hi].pos_ == "CCONJ"):
        hi -= 1
    if hi - lo + 1 > MAX_EXTENT_TOKENS:
        return None
    return lo, hi


def _named_conjunct(root: Token, child: Token) -> bool:
    """Whether the dependent joins a conjunct that is an actor of its own: a name, or a noun
    a name qualifies ("police and Hamas fighters")."""
    if child.dep_ not in ("conj", "cc"):
        return False
    conjuncts = [c for c in root.conjuncts if c.i > root.i]
    return root.pos_ == "PROPN" or any(t.pos_ == "PROPN" or t.ent_type_ in _NAMES
                                       for c in conjuncts for t in c.subtree)
