"""Indirect speech: a cue with its reported content, and attitudes for find_attributions.

    cue verb + clause          "X said (that) ...", "X told Y (that) ..."
    cue verb + object          "X announced job cuts", "X reported a loss" (takes: object)
    cue verb + infinitive      "X urged Y to ...", "X vowed to ..." (takes: infinitive)
    clause + ", X said."       the attribution closes the sentence (parenthetical)
    according to X             the rest of the sentence; "according to X's statement": X
    noun cue                   "X's announcement that ...", "a warning by X of ..."
    attitude verb              "X expects/believes/plans ..." (find_attributions only)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..records import Quote
from .direct import SENT_END, make_quote
from .syntax import SUBJECTS, Attribution, DocIndex, attribution_of, np_span, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_attitudes", "find_indirect"]

_BALANCE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "``", "''", "`"})
_NP_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PART", "NUM", "ADP", "CCONJ", "PRON"})
_OBJECT_POS = frozenset({"NOUN", "PROPN", "NUM"})
_NOUN_OF = frozenset({"announcement", "declaration", "warning", "prediction", "denial",
                      "forecast", "admission"})


class _Inside:
    """Character ranges of direct quotations, asked per token."""

    __slots__ = ("ranges", "flags")

    def __init__(self, index: DocIndex, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self.flags = bytearray(len(index.starts))
        for s, e in ranges:
            i = index.token_at(s)
            while i is not None and i < len(index.starts) and index.starts[i] < e:
                self.flags[i] = 1
                i += 1

    def covered(self, start: int, end: int, direct: tuple[int, int] | None) -> bool:
        """Whether a reported clause is really the direct quotation (or lies in one)."""
        for s, e in self.ranges:
            overlap = min(end, e) - max(start, s)
            if overlap <= 0:
                continue
            if s <= start and end <= e:
                return True
            if direct == (s, e) and overlap >= 0.5 * (end - start):
                return True
        return False

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.ranges)


def _strip(index: DocIndex, first: int, last: int) -> tuple[int, int]:
    doc = index.doc
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return first, last


def _balance(index: DocIndex, first: int, last: int) -> int:
    """Extend a clause over the closing mark of a quotation opened inside it."""
    doc = index.doc
    marks = sum(1 for t in doc[first:last + 1] if t.text in _BALANCE_MARKS)
    nxt = last + 1
    if marks % 2 == 1 and nxt < len(doc) and doc[nxt].text in _BALANCE_MARKS:
        return nxt
    return last


def _clause(index: DocIndex, clause: Token, cue: Token) -> tuple[int, int] | None:
    """Token range of a reported clause, without "that", nested cues or final punctuation."""
    doc = index.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    if first <= cue.i <= last:
        return None
    for token in clause.subtree:  # "..., adding that ..." belongs to another quote
        if token.i > clause.i and token.dep_ == "advcl" and index.cue[token.i] is not None:
            last = min(last, token.left_edge.i - 1)
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")
                             or doc[first].is_punct or doc[first].is_space):
        if doc[first].lower_ in ("whether", "if"):
            break
        first += 1
    subj = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    for child in clause.lefts:  # "said on Monday it would": the adjunct is the cue's
        if subj is not None and child.i < subj.i and child.left_edge.i == first \
                and child.dep_ in ("prep", "npadvmod") and first == cue.i + 1:
            first = child.right_edge.i + 1
    first, last = _strip(index, first, last)
    if last - first < 1:
        return None
    if any(doc[i].text in SENT_END for i in range(first, last + 1)):
        return None  # a "clause" across a full stop is a parse of two sentences
    return first, _balance(index, first, last)


def _object(index: DocIndex, cue: Token, key: str) -> tuple[int, int] | None:
    """``announced job cuts``, ``called for a recount``: the object names what was reported."""
    if " " in key:  # "call for": the object of the preposition
        prep = next((c for c in cue.children if c.dep_ in ("prep", "prt") and c.i == cue.i + 1), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    else:
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.pos_ not in _OBJECT_POS or obj.ent_type_ in ("PERSON", "NORP"):
        return None
    first, last = _strip(index, obj.left_edge.i, obj.right_edge.i)
    if any(index.doc[i].text in SENT_END for i in range(first, last + 1)):
        return None
    return (first, last) if last >= first else None


def _infinitive(index: DocIndex, cue: Token) -> tuple[int, int] | None:
    """``urged the government to act``, ``vowed to fight``: addressee and infinitive."""
    xcomp = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if xcomp is None:
        return None
    first = xcomp.left_edge.i
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < xcomp.i), None)
    if obj is not None:
        first = obj.left_edge.i
    first, last = _strip(index, first, xcomp.right_edge.i)
    if last - first < 1 or any(index.doc[i].text in SENT_END for i in range(first, last + 1)):
        return None
    return first, last


def _content(index: DocIndex, cue: Token, key: str) -> tuple[int, int] | None:
    cues = index.cues
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is not None and cues.reports(key, "clause"):
        return _clause(index, clause, cue)
    if cues.reports(key, "infinitive"):
        found = _infinitive(index, cue)
        if found is not None:
            return found
    if cues.reports(key, "object"):
        return _object(index, cue, key)
    return None


def _passive(verb: Token) -> bool:
    """``it was reported that``, ``be told what``: no speaker to attribute the clause to."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _parenthetical(index: DocIndex, cue: Token, inside: _Inside) -> Quote | None:
    """``<clause>, the ministry said (in a statement).``: the attribution closes the sentence."""
    doc = index.doc
    if any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    sent_start, sent_end = index.sent_start[cue.i], index.sent_end[cue.i]
    comma = None
    for j in range(cue.i - 1, max(sent_start - 1, cue.i - 12), -1):
        token = doc[j]
        if token.text in (",", "--", "—"):
            comma = j
            break
        if token.pos_ not in _NP_POS and token.text not in ("'s", "’s", "'", "’"):
            return None
    if comma is None or comma == cue.i - 1:
        return None
    for token in doc[cue.i + 1:sent_end]:  # only adjuncts may follow: "in a statement", "on Monday"
        if token.pos_ == "VERB" or token.dep_ in ("ccomp", "dobj", "mark"):
            return None
    stretch = [doc[j] for j in range(comma + 1, cue.i)]
    heads = [t for t in stretch if t.pos_ in ("NOUN", "PROPN", "PRON")
             and not (comma < t.head.i < cue.i)]
    head = heads[-1] if heads else next(
        (t for t in reversed(stretch) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if head is None:
        return None
    first, last = _strip(index, sent_start, comma - 1)
    if last - first < 2:
        return None
    last = _balance(index, first, last)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if inside.overlaps(start, end):
        return None  # the clause is (partly) a direct quotation
    lo, hi = np_span(head)
    speaker = (max(lo, comma + 1), min(hi, cue.i - 1))
    return make_quote(index, "indirect", start, end, Attribution(cue.i, cue.i, speaker))


def _noun_speaker(noun: Token) -> Token | None:
    """The speaker of a noun cue: its possessor ("X's statement") or its agent ("by X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _according(index: DocIndex, token: Token, phrase: tuple[int, Token | None],
               inside: _Inside, direct_cues: dict[int, tuple[int, int]]) -> Quote | None:
    doc = index.doc
    last, head = phrase
    if token.i in direct_cues:
        return None
    sent_start, sent_end = index.sent_start[token.i], index.sent_end[token.i]
    phrase_last = head.right_edge.i if head is not None else last
    # the reported clause is the rest of the sentence, on the longer side of the phrase
    left = (sent_start, token.i - 1)
    right = (phrase_last + 1, sent_end - 1)
    first, final = _strip(index, *(left if left[1] - left[0] >= right[1] - right[0] else right))
    if final - first < 2:
        return None
    start, end = doc[first].idx, doc[final].idx + len(doc[final].text)
    if inside.covered(start, end, None):
        return None
    attribution = Attribution(token.i, last, np_span(head) if head is not None else None)
    if head is not None and head.lemma_.lower() in index.cues.nouns:
        speaker = _noun_speaker(head)  # "according to X's statement": the statement is the cue
        if speaker is not None:
            attribution = Attribution(head.i, head.i, np_span(speaker))
    return make_quote(index, "indirect", start, end, attribution)


def _noun_cue(index: DocIndex, noun: Token, inside: _Inside) -> Quote | None:
    """``X's announcement that ...``, ``the announcement by X of ...``."""
    speaker = _noun_speaker(noun)
    if speaker is None:
        return None
    rng: tuple[int, int] | None = None
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("acl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            rng = _clause(index, child, noun)
        elif child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in _NOUN_OF:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                rng = _strip(index, obj.left_edge.i, obj.right_edge.i)
        if rng is not None:
            break
    if rng is None or rng[1] < rng[0]:
        return None
    doc = index.doc
    start, end = doc[rng[0]].idx, doc[rng[1]].idx + len(doc[rng[1]].text)
    if inside.covered(start, end, None):
        return None
    return make_quote(index, "indirect", start, end,
                      Attribution(noun.i, noun.i, np_span(speaker)))


def find_indirect(index: DocIndex, direct: list[tuple[int, int]],
                  direct_cues: dict[int, tuple[int, int]]) -> Iterator[Quote]:
    """Reported speech outside the direct quotations ``direct`` (character ranges)."""
    doc, cues = index.doc, index.cues
    inside = _Inside(index, direct)
    used = set(direct_cues)
    parentheticals: dict[int, Quote] = {}
    for i, key in enumerate(index.cue):
        if key is not None and not inside.flags[i] and i not in used:
            quote = _parenthetical(index, doc[i], inside)
            if quote is not None:
                parentheticals[i] = quote
    used.update(parentheticals)
    first_words = {p[0] for p in cues.phrases}
    for i in range(len(index.starts)):  # token objects only where a cue may start
        if i in parentheticals:
            yield parentheticals[i]
            continue
        if inside.flags[i]:
            continue
        if index.lower[i] in first_words:
            phrase = index.phrase_at(i)
            if phrase is not None:
                quote = _according(index, doc[i], phrase, inside, direct_cues)
                if quote is not None:
                    yield quote
                continue
        if index.pos[i] == "NOUN" and index.lemma[i] in cues.nouns and i not in used:
            quote = _noun_cue(index, doc[i], inside)
            if quote is not None:
                yield quote
            continue
        key = index.cue[i]
        if key is None:
            continue
        token = doc[i]
        if _passive(token):
            continue
        rng = _content(index, token, key)
        if rng is None or any(rng[0] <= u <= rng[1] for u in used):
            continue  # the clause holds another attribution: not one reported clause
        start = doc[rng[0]].idx
        end = doc[rng[1]].idx + len(doc[rng[1]].text)
        if inside.covered(start, end, direct_cues.get(i)):
            continue
        attribution = attribution_of(token, index, after_quote=False)
        if attribution.speaker is None:
            continue  # "explain to me ...": a clause nobody is said to have reported
        yield make_quote(index, "indirect", start, end, attribution)


def find_attitudes(index: DocIndex) -> Iterator[Quote]:
    """``X expects/believes (that) ...``, ``X plans to ...``: kind ``belief`` or ``intent``.

    Not quotations: what a speaker thinks or means to do, reported by the writer. Inside
    quotations too ("We want to know ..."): the speaker is then the one inside the quote.
    """
    doc, cues = index.doc, index.cues
    for i, lemma in enumerate(index.lemma):
        if lemma not in cues.beliefs and lemma not in cues.intents:
            continue
        token = doc[i]
        kind = cues.attitude(token)
        if kind is None or _passive(token):
            continue
        rng: tuple[int, int] | None = None
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        if clause is not None:
            rng = _clause(index, clause, token)
        if rng is None:
            rng = _infinitive(index, token)
        if rng is None:
            continue
        head = subject(token, index)
        if head is None or head.lower_ == "it" and head.dep_ == "nsubj" and kind == "belief" \
                and not any(c.dep_ == "ccomp" for c in token.children):
            continue
        start = doc[rng[0]].idx
        end = doc[rng[1]].idx + len(doc[rng[1]].text)
        yield make_quote(index, kind, start, end, Attribution(token.i, token.i, np_span(head)))
