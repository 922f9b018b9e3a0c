"""Coreference inside the article: documents refer to whoever issued them ("the
statement"), pronouns to the actor they stand for, and first person inside a direct quote
to its speaker (``quote_speakers``, run once the quote stage has found the speakers)."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import Mention, Quote
from .book import Book, Draft
from .phrases import DOCUMENT_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, _left_edge
from .table import ActorTable

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PASSES", "quote_speakers"]


def pronouns(book: Book) -> None:
    doc = book.doc
    for token in doc:
        low = token.lower_
        if token.i in book.covered or token.pos_ not in ("PRON", "DET"):
            continue
        if low in PERSON_PRONOUNS:
            target = antecedent(book, token, kinds=("person",))
        elif low in GROUP_PRONOUNS:
            target = governing_subject(book, token, ("group", "organization", "country")) \
                or antecedent(book, token, kinds=("group", "organization", "country"))
        elif low in ("it", "its") and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            target = governing_subject(book, token, ("organization", "country", "group")) \
                or antecedent(book, token, kinds=("organization", "country"))
        else:
            continue
        if target is not None:
            book.mention(target, token.i, token.i + 1, token)


def governing_subject(book: Book, token: Token, kinds: tuple[str, ...]) -> Draft | None:
    """"Switzerland said it had expelled ...": the subject of the verb that reports."""
    verb = token.head if token.dep_ != "poss" else token.head.head
    hops = 0
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp") and hops < 3:
        verb = verb.head
        hops += 1
        for child in verb.children:
            if child.dep_ == "nsubj" and child.i != token.i:
                owner = book.token_owner.get(child.i)
                if owner and book.drafts[owner].kind in kinds:
                    return book.drafts[owner]
                return None
    return None


def antecedent(book: Book, token: Token, kinds: tuple[str, ...]) -> Draft | None:
    """Prefer the subject of the current sentence, then of the previous ones."""
    sents = book.sents
    starts = [s.start for s in sents]
    idx = bisect.bisect_right(starts, token.i) - 1
    for k in range(idx, max(idx - 4, -1), -1):
        s = sents[k]
        limit = token.i if k == idx else s.end
        subjects = [t for t in s if t.i < limit and t.dep_ in ("nsubj", "nsubjpass")
                    and t.i in book.token_owner]
        for kind in kinds:
            for t in reversed(subjects):
                d = book.drafts[book.token_owner[t.i]]
                if d.kind == kind:
                    return d
        others = [t for t in s if t.i < limit and t.i in book.token_owner]
        if k != idx:
            for kind in kinds:
                for t in reversed(others):
                    d = book.drafts[book.token_owner[t.i]]
                    if d.kind == kind:
                        return d
    return None


def documents(book: Book) -> None:
    """"the statement" and "the X statement" refer to whoever issued it."""
    doc = book.doc
    for token in doc:
        if token.lower_ not in DOCUMENT_NOUNS or token.i in book.covered:
            continue
        start = _left_edge(token)
        owner = next((book.token_owner[i] for i in range(start, token.i) if i in book.token_owner), None)
        if owner is None:
            if doc[start].lower_ not in ("the", "this", "that", "its"):
                continue
            owner = recent_issuer(book, token)
        if owner is not None:
            book.mention(book.drafts[owner], start, token.i + 1, token)


def recent_issuer(book: Book, token: Token) -> str | None:
    best = None
    for i in range(token.i - 1, max(token.i - 120, -1), -1):
        key = book.token_owner.get(i)
        if key and book.drafts[key].kind == "organization":
            return key
        if key and best is None and book.drafts[key].kind != "country":
            best = key
    return best


PASSES: tuple[Callable[[Book], None], ...] = (documents, pronouns)
"""The coreference passes, in the order they run (after ``mentions.PASSES``)."""

FIRST_PERSON = re.compile(r"\b(I|We|we|me|us|our|my|Our|My)\b")


def quote_speakers(table: ActorTable, quotes: tuple[Quote, ...], text: str) -> ActorTable:
    """First-person pronouns inside a direct quote are mentions of its speaker."""
    extra: list[tuple[int, int, str]] = []
    for q in quotes:
        if q.kind != "direct" or q.speaker is None:
            continue
        for m in FIRST_PERSON.finditer(text[q.start:q.end]):
            extra.append((q.start + m.start(), q.start + m.end(), q.speaker))
    if not extra:
        return table
    actors = []
    for actor in table.actors:
        new = [Mention(start=s, end=e, text=text[s:e]) for s, e, a in extra if a == actor.id]
        if new:
            merged = sorted((*actor.mentions, *new), key=lambda m: (m.start, m.end))
            actor = dataclasses.replace(actor, mentions=tuple(merged))
        actors.append(actor)
    return ActorTable(actors=tuple(actors), spans=tuple(sorted((*table.spans, *extra))))
