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

__all__ = ["extents", "named_spans"]

MAX_EXTENT_TOKENS = 25
"""A longer phrase is a misparse taking in a clause, or a list no reader takes for one actor."""

_NOMINAL = frozenset({"NOUN", "PROPN"})
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def extents(doc: Doc, mentions: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character spans of the noun phrases the mentions head, where a phrase is more than
    its mention: with its modifiers after the noun, an apposition, a number before it; and,
    around that, the coordination it opens where the conjuncts make one group ("police and
    soldiers", "Ana Torres, Jo Roe and Li Wei")."""
    found: set[tuple[int, int]] = set()
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for lo, hi in _phrases(span.root):
            if lo > span.start or hi < span.end - 1 or (lo, hi) == (span.start, span.end - 1):
                continue  # the phrase must hold the mention and say more
            found.add((doc[lo].idx, doc[hi].idx + len(doc[hi].text)))
    return sorted(found - {tuple(m) for m in mentions})


def _phrases(root: Token) -> list[tuple[int, int]]:
    """The first and last token of the noun phrase ``root`` heads without its conjuncts, and
    of the whole coordination where that is one group; no conjunction or punctuation at
    their edges, no possessive ending; none where ``root`` is no noun or heads the sentence
    (a headline's fragment). A phrase stops before a clause after "of" ("accused the party
    of inciting", where the parse hangs the charge on the party)."""
    if root.pos_ not in _NOMINAL or root.dep_ == "ROOT":
        return []
    doc = root.doc
    lo, hi = root.left_edge.i, root.right_edge.i
    for token in root.subtree:
        if token.i > root.i and token.dep_ == "prep" and any(
                c.dep_ == "pcomp" and c.pos_ == "VERB" for c in token.children) and not any(
                a.pos_ in ("VERB", "AUX") for a in token.ancestors if a.i != root.i and root in a.ancestors):
            hi = min(hi, token.i - 1)  # (a clause's own "barred from running" stays)
    joined = [c for c in root.rights if c.dep_ in ("cc", "conj") and c.i <= hi]
    bounds = [(lo, min([hi] + [c.left_edge.i - 1 for c in joined]))]
    if joined and root.dep_ != "conj" and _one_group(root):
        bounds.append((lo, hi))
    out = []
    for first, last in bounds:
        while first < last and (doc[first].is_punct or doc[first].pos_ == "CCONJ"):
            first += 1
        while last > first and (doc[last].is_punct or doc[last].dep_ == "case"
                                or doc[last].pos_ == "CCONJ"):
            last -= 1
        if last - first + 1 <= MAX_EXTENT_TOKENS and (first, last) not in out:
            out.append((first, last))
    return out


def _one_group(root: Token) -> bool:
    """Whether a noun and its conjuncts make one group: common nouns whose conjuncts add no
    name of their own ("police and soldiers", "US diplomats and staff", not "police and Hamas
    fighters"), or people's names ("Ana Torres, Jo Roe and Li Wei"); states and bodies named
    together ("Seoul and Bangkok") are each an actor of their own."""
    members = [root] + [c for c in root.conjuncts if c.i > root.i]
    if all(m.ent_type_ == "PERSON" for m in members):
        return True
    named = {t.lower_ for t in _own_tokens(root) if t.pos_ == "PROPN" or t.ent_type_ in _NAMES}
    return all(m.pos_ == "NOUN" for m in members) and all(
        t.lower_ in named for m in members[1:] for t in _own_tokens(m)
        if t.pos_ == "PROPN" or t.ent_type_ in _NAMES)


def _own_tokens(member: Token) -> list[Token]:
    """A conjunct's words without the conjuncts that hang from it."""
    joined = [c for c in member.children if c.dep_ in ("conj", "cc")]
    return [t for t in member.subtree if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in joined)]


def named_spans(name: str, mentions: dict[tuple[int, int], str]) -> list[tuple[int, int]]:
    """The person's name inside each longer mention, as a mention nested in it ("Ahmed
    Karim" in "the head of the traders' union, Ahmed Karim"): the name as the text writes it,
    which is how readers and other annotations name the person."""
    out: list[tuple[int, int]] = []
    for (start, _end), text in mentions.items():
        at = text.rfind(name)
        if name and at >= 0 and len(text) > len(name):
            out.append((start + at, start + at + len(name)))
    return out
