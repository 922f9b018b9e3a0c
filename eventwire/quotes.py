"""Direct and indirect speech: quoted span, speaker and cue.

    text --quotation marks--> direct segments (paired, multi-paragraph, stray marks tolerated)
         --cue near a segment--> speaker = subject of the cue ("...," the ministry said)
    Doc  --cue verb + clausal complement--> indirect quotes ("X said (that) ...")
         --"according to X"--> indirect quotes with X as the speaker

``find_quotes`` leaves ``speaker`` empty and records the speaker as a text span; the actor
stage maps that span to an actor id through ``link_speakers``. The cue lexicon is
``data/speech_cues.tsv``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from .nlp import doc_text
from .records import Quote, Span, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SpeakerResolver", "SpeechCues", "find_quotes", "link_speakers", "speech_cues"]


class SpeakerResolver(Protocol):
    """What the actor stage offers: the actor id behind a span (pronouns included)."""

    def resolve(self, start: int, end: int) -> str | None: ...


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class SpeechCues:
    """The cue lexicon: reporting verbs, direct-only verbs and multi-word phrases."""

    verbs: frozenset[str]
    direct_only: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    def is_cue(self, token: Token, *, direct: bool) -> bool:
        """Whether a verb token cues speech (``direct``: next to a quotation)."""
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
            return False
        keys = [token.lemma_.lower(), token.lower_]
        keys.extend(f"{k} {c.lower_}" for k in keys[:1] for c in token.children if c.dep_ == "prt")
        return any(k in self.verbs or (direct and k in self.direct_only) for k in keys)


@lru_cache(maxsize=1)
def speech_cues() -> SpeechCues:
    """The cue lexicon from ``data/speech_cues.tsv`` (read once)."""
    text = resources.files("eventwire").joinpath("data/speech_cues.tsv").read_text("utf-8")
    verbs: set[str] = set()
    direct: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, _, kind = line.partition("\t")
        cue, kind = cue.strip().lower(), kind.strip()
        if kind == "phrase":
            phrases.append(tuple(cue.split()))
        elif kind == "direct":
            direct.add(cue)
        else:
            verbs.add(cue)
    return SpeechCues(frozenset(verbs), frozenset(direct), tuple(phrases))


# --------------------------------------------------------------------------- marks

_MARK_RE = re.compile(r"``|''|[\"“”„«»]")
_OPENERS = frozenset({"``", "“", "„", "«"})
_CLOSERS = frozenset({"''", "”", "»"})
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD_RE = re.compile(r"\w+")
_FINAL_PUNCT_RE = re.compile(r"[.!?,;:…]['’\"”)]*\s*$")
_SENT_END = frozenset({".", "!", "?"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NP_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp"})
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_SCARE_WORDS = 3
_TITLE_WORDS = 8
_SLOGAN_WORDS = 6
_WINDOW = 20
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with"})


@dataclass(slots=True)
class _Segment:
    """One quoted stretch between marks (content offsets, mark offsets)."""

    start: int
    end: int
    open_mark: int | None  # offset of the opening mark, None when the quote had none
    close_mark: int | None  # offset just past the closing mark, None when unclosed
    continues: bool = False  # a later paragraph reopens this quote


def _role(text: str, pos: int, mark: str) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or not before.isspace():
        return "close"
    return "open"


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _at_line_start(text: str, pos: int) -> bool:
    return not text[_line_start(text, pos):pos].strip()


def _segments(text: str) -> list[list[_Segment]]:
    """Quoted stretches, chained when a quote runs over several paragraphs."""
    chains: list[list[_Segment]] = []
    stack: list[tuple[int, int]] = []  # (mark offset, mark length)
    continuing = False
    last_closed_line = -1  # line start of the last quote closed

    def close_unclosed(upto_line_end: bool) -> None:
        nonlocal continuing
        pos, length = stack[0]
        seg = _Segment(pos + length, _line_end(text, pos), pos, None)
        if continuing and chains:
            chains[-1].append(seg)
        else:
            chains.append([seg])
        seg.continues = upto_line_end
        continuing = upto_line_end
        stack.clear()

    for match in _MARK_RE.finditer(text):
        pos, mark = match.start(), match.group()
        role = _role(text, pos, mark)
        if stack:
            first = stack[0][0]
            between = text[first:pos]
            reopens = role == "open" and _at_line_start(text, pos)
            if "\n" in between and (reopens or _BLANK_LINE_RE.search(between)):
                close_unclosed(upto_line_end=reopens)
        if role == "open":
            if stack:  # double marks do not nest: the open quote was never closed
                opened, length = stack[0]
                chains.append([_Segment(opened + length, pos, opened, None)])
                stack.clear()
                continuing = False
            stack.append((pos, len(mark)))
            continue
        if stack:
            opened, length = stack.pop()
            seg = _Segment(opened + length, pos, opened, pos + len(mark))
            if continuing and chains:
                chains[-1].append(seg)
            else:
                chains.append([seg])
            continuing = False
            last_closed_line = _line_start(text, pos)
        else:  # a closing mark with no opener
            line = _line_start(text, pos)
            if line != last_closed_line and not continuing:
                chains.append([_Segment(line, pos, None, pos + len(mark))])
                last_closed_line = line
    if stack:
        close_unclosed(upto_line_end=False)
    return chains


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------- syntax


def _token_at(doc: Doc, offset: int) -> int | None:
    """The index of the token covering or following a character offset."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return int(span.start)
    for token in doc:
        if token.idx >= offset:
            return int(token.i)
    return None


def _np_span(head: Token) -> tuple[int, int]:
    """Token range [first, last] of the maximal noun phrase around ``head``."""
    first = last = head.i
    for child in head.children:
        if child.dep_ in _NP_CUT:
            continue
        first = min(first, child.left_edge.i)
        last = max(last, child.right_edge.i)
    doc = head.doc
    for i in range(head.i - 1, first - 1, -1):  # never across a comma or a quotation mark
        if doc[i].is_punct and doc[i].text not in ("'", "’", "-", "&", "."):
            first = i + 1
            break
    for i in range(head.i + 1, last + 1):
        if doc[i].is_punct and doc[i].text not in ("'", "’", "-", "&", "."):
            last = i - 1
            break
    return first, last


def _subject(verb: Token, cues: SpeechCues) -> Token | None:
    """The speaker's head token: the subject of the cue, inherited when it has none."""
    seen = 0
    node = verb
    while seen < 6:
        seen += 1
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in _RELATIVE and node.dep_ == "relcl":
                    return node.head
                if child.lower_ == "it" and child.dep_ == "nsubjpass":
                    return None
                return child
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = node.head  # "a statement saying"; "issued a statement saying": the issuer
            if noun.dep_ == "dobj":
                issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                if issuer is not None and issuer.lower_ not in _RELATIVE:
                    return issuer
            return noun
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
                if cues.is_cue(anc, direct=False) and any(c.dep_ in _SUBJECTS for c in anc.children):
                    parent = anc
                    break
            node = parent
            continue
        return None
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """``"...," said the minister``: the noun phrase right after the cue, whatever its label."""
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 4)):
        token = doc[j]
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            head = token
            while head.head.i > head.i and head.head.i <= verb.i + 8 and head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head
            return head
        if token.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


@dataclass(frozen=True, slots=True)
class _Attribution:
    cue_first: int
    cue_last: int
    speaker: tuple[int, int] | None  # token range


def _attribution_of(cue: Token, cues: SpeechCues, *, after_quote: bool) -> _Attribution:
    head = _subject(cue, cues)
    if head is None and after_quote:
        head = _inverted_subject(cue)
    return _Attribution(cue.i, cue.i, _np_span(head) if head is not None else None)


def _phrase_at(doc: Doc, i: int, cues: SpeechCues) -> tuple[int, Token | None] | None:
    """A phrase cue ("according to") starting at token ``i``: (last token, speaker head)."""
    for phrase in cues.phrases:
        n = len(phrase)
        if i + n > len(doc):
            continue
        if all(doc[i + k].lower_ == phrase[k] for k in range(n)):
            last = doc[i + n - 1]
            head = next((c for c in last.children if c.dep_ == "pobj"), None)
            if head is None and i + n < len(doc) and doc[i + n].pos_ in ("PROPN", "NOUN", "DET", "PRON", "ADJ"):
                head = doc[i + n]
                while head.head.i > head.i and head.head.i < head.i + 6 and head.head.pos_ in ("PROPN", "NOUN"):
                    head = head.head
            return i + n - 1, head
    return None


# --------------------------------------------------------------------------- direct


def _is_boundary(token: Token) -> bool:
    return "\n" in token.text or token.text in _MARK_TOKENS


_MARK_TOKENS = frozenset({'"', "“", "”", "„", "«", "»", "``", "''", "`"})


def _cue_after(doc: Doc, i: int, cues: SpeechCues) -> _Attribution | None:
    """The attribution right after a closing mark at token ``i``."""
    for j in range(i, min(len(doc), i + _WINDOW)):
        token = doc[j]
        if _is_boundary(token):
            return None
        phrase = _phrase_at(doc, j, cues)
        if phrase is not None:
            last, head = phrase
            return _Attribution(j, last, _np_span(head) if head is not None else None)
        if cues.is_cue(token, direct=True):
            return _attribution_of(token, cues, after_quote=True)
        if token.text in _SENT_END or "\n" in token.whitespace_:
            return None
    return None


def _cue_before(doc: Doc, i: int, cues: SpeechCues) -> _Attribution | None:
    """The attribution that introduces an opening mark at token ``i`` (``He said: "``)."""
    for j in range(i - 1, max(-1, i - 1 - _WINDOW), -1):
        token = doc[j]
        if _is_boundary(token) or token.text in _SENT_END or "\n" in token.whitespace_:
            return None
        phrase = _phrase_at(doc, j, cues)
        if phrase is not None:
            last, head = phrase
            return _Attribution(j, last, _np_span(head) if head is not None else None)
        if cues.is_cue(token, direct=True):
            return _attribution_of(token, cues, after_quote=False)
    return None


def _introduces(text: str, open_mark: int | None) -> bool:
    """Whether an opening mark follows introductory punctuation (``said: "``, ``said, "``)."""
    if open_mark is None:
        return False
    before = text[max(0, open_mark - 3):open_mark].rstrip()
    return before.endswith((":", ","))


def _is_scare(text: str, start: int, end: int, attributed: bool, adjacent: bool) -> bool:
    """Scare quotes and titles: a few words, or a capitalised name, with no attribution."""
    words = _WORD_RE.findall(text[start:end])
    if len(words) <= _SCARE_WORDS:
        return not (adjacent and _FINAL_PUNCT_RE.search(text[start:end]))
    if attributed:
        return False
    if len(words) <= _TITLE_WORDS and not _FINAL_PUNCT_RE.search(text[start:end]):
        if all(w[0].isupper() or w.lower() in _SMALL or w[0].isdigit() for w in words):
            return True
    return False


def _direct(doc: Doc, cues: SpeechCues) -> list[tuple[Quote, int | None]]:
    text = doc_text(doc)
    out: list[tuple[Quote, int | None]] = []
    for chain in _segments(text):
        first, last = chain[0], chain[-1]
        start, end = _trim(text, first.start, last.end)
        if start >= end:
            continue
        attribution: _Attribution | None = None
        quoted = text[start:end]
        if last.close_mark is not None and not quoted.endswith("."):
            i = _token_at(doc, last.close_mark)
            if i is not None and doc[i].idx >= last.close_mark:
                attribution = _cue_after(doc, i, cues)
                if attribution is not None and quoted[-1] in "!?" and attribution.cue_first > i + 4:
                    attribution = None
        if attribution is None and first.open_mark is not None:
            i = _token_at(doc, first.open_mark)
            if i is not None:
                attribution = _cue_before(doc, i, cues)
        adjacent = attribution is not None and (
            _introduces(text, first.open_mark) or last.close_mark is not None
            and 0 <= attribution.cue_first - (_token_at(doc, last.close_mark) or 0) <= 4)
        if _is_scare(text, start, end, attribution is not None, adjacent):
            continue
        if first.open_mark is None and attribution is None:
            continue  # a stray closing mark with nothing to attribute it to
        out.append((_make_quote(doc, "direct", start, end, attribution),
                    attribution.cue_first if attribution else None))
    return out


def _make_quote(doc: Doc, kind: str, start: int, end: int,
                attribution: _Attribution | None) -> Quote:
    text = doc_text(doc)
    cue = cue_span = speaker_text = speaker_span = None
    if attribution is not None:
        c0, c1 = doc[attribution.cue_first], doc[attribution.cue_last]
        cue_span = Span(start=c0.idx, end=c1.idx + len(c1.text))
        cue = text[cue_span.start:cue_span.end]
        if attribution.speaker is not None:
            s0, s1 = doc[attribution.speaker[0]], doc[attribution.speaker[1]]
            speaker_span = Span(start=s0.idx, end=s1.idx + len(s1.text))
            speaker_text = text[speaker_span.start:speaker_span.end]
    return Quote(
        id=stable_id("q", kind, start, end, cue_span.start if cue_span else None),
        kind=kind, start=start, end=end, text=text[start:end],
        speaker_text=speaker_text, speaker_span=speaker_span, cue=cue, cue_span=cue_span,
    )


# --------------------------------------------------------------------------- indirect


def _content(doc: Doc, clause: Token, cues: SpeechCues, cue: Token) -> tuple[int, int] | None:
    """Token range of a reported clause, without "that", nested cues or final punctuation."""
    first, last = clause.left_edge.i, clause.right_edge.i
    if first <= cue.i <= last:
        return None
    for token in clause.subtree:  # "..., adding that ..." belongs to another quote
        if token.i > clause.i and token.dep_ == "advcl" and cues.is_cue(token, direct=False):
            last = min(last, token.left_edge.i - 1)
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in ("that", "whether", "if")
                             or doc[first].is_punct or doc[first].is_space):
        if doc[first].lower_ in ("whether", "if"):
            break
        first += 1
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    for child in clause.lefts:  # "said on Monday it would": the adjunct is the cue's
        if subject is not None and child.i < subject.i and child.left_edge.i == first \
                and child.dep_ in ("prep", "npadvmod") and first == cue.i + 1:
            first = child.right_edge.i + 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first < 1:
        return None
    if any(doc[i].text in _SENT_END for i in range(first, last + 1)):
        return None  # a "clause" across a full stop is a parse of two sentences
    return first, _balance(doc, first, last)


def _balance(doc: Doc, first: int, last: int) -> int:
    """Extend a clause over the closing mark of a quotation opened inside it."""
    marks = sum(1 for t in doc[first:last + 1] if t.text in _MARK_TOKENS)
    nxt = last + 1
    if marks % 2 == 1 and nxt < len(doc) and doc[nxt].text in _MARK_TOKENS:
        return nxt
    return last


def _indirect(doc: Doc, cues: SpeechCues, inside: list[tuple[int, int]],
              direct_cues: dict[int, tuple[int, int]]) -> Iterator[Quote]:
    def in_quote(offset: int) -> bool:
        return any(s <= offset < e for s, e in inside)

    used = {i for i in direct_cues}
    parentheticals: dict[int, Quote] = {}
    for token in doc:
        if not in_quote(token.idx) and token.i not in used and cues.is_cue(token, direct=False):
            quote = _parenthetical(doc, token, cues, inside)
            if quote is not None:
                parentheticals[token.i] = quote
    used.update(parentheticals)
    for token in doc:
        if token.i in parentheticals:
            yield parentheticals[token.i]
            continue
        if in_quote(token.idx):
            continue
        phrase = _phrase_at(doc, token.i, cues)
        if phrase is not None:
            quote = _according(doc, token, phrase, inside, direct_cues)
            if quote is not None:
                yield quote
            continue
        if not cues.is_cue(token, direct=False) or _passive(token):
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if clause is None or clause.i in used:
            continue
        rng = _content(doc, clause, cues, token)
        if rng is None or any(rng[0] <= i <= rng[1] for i in used):
            continue  # the clause holds another attribution: not one reported clause
        start = doc[rng[0]].idx
        end = doc[rng[1]].idx + len(doc[rng[1]].text)
        if _covered(start, end, inside, direct_cues.get(token.i)):
            continue
        attribution = _attribution_of(token, cues, after_quote=False)
        if attribution.speaker is None:
            continue  # "explain to me ...": a clause nobody is said to have reported
        yield _make_quote(doc, "indirect", start, end, attribution)


_NP_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PART", "NUM", "ADP", "CCONJ", "PRON"})


def _parenthetical(doc: Doc, cue: Token, cues: SpeechCues,
                   inside: list[tuple[int, int]]) -> Quote | None:
    """``<clause>, the ministry said (in a statement).``: the attribution closes the sentence."""
    if any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    if cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    sent = cue.sent
    comma = None
    for j in range(cue.i - 1, max(sent.start - 1, cue.i - 12), -1):
        token = doc[j]
        if token.text in (",", "--", "—"):
            comma = j
            break
        if token.pos_ not in _NP_POS and token.text not in ("'s", "’s", "'", "’"):
            return None
    if comma is None or comma == cue.i - 1:
        return None
    for token in doc[cue.i + 1:sent.end]:  # only adjuncts may follow: "in a statement", "on Monday"
        if token.pos_ == "VERB" or token.dep_ in ("ccomp", "dobj", "mark"):
            return None
    stretch = [doc[j] for j in range(comma + 1, cue.i)]
    heads = [t for t in stretch if t.pos_ in ("NOUN", "PROPN", "PRON")
             and not (comma < t.head.i < cue.i)]
    head = heads[-1] if heads else next((t for t in reversed(stretch) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if head is None:
        return None
    first, last = sent.start, comma - 1
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last - first < 2:
        return None
    last = _balance(doc, first, last)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if any(s < end and start < e for s, e in inside):
        return None  # the clause is (partly) a direct quotation
    lo, hi = _np_span(head)
    speaker = (max(lo, comma + 1), min(hi, cue.i - 1))
    return _make_quote(doc, "indirect", start, end, _Attribution(cue.i, cue.i, speaker))


def _passive(verb: Token) -> bool:
    """``it was reported that``, ``be told what``: no speaker to attribute the clause to."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _covered(start: int, end: int, inside: list[tuple[int, int]],
             direct: tuple[int, int] | None) -> bool:
    """Whether a reported clause is really the direct quotation (or lies in one)."""
    for s, e in inside:
        overlap = min(end, e) - max(start, s)
        if overlap <= 0:
            continue
        if s <= start and end <= e:
            return True
        if direct == (s, e) and overlap >= 0.5 * (end - start):
            return True
    return False


def _according(doc: Doc, token: Token, phrase: tuple[int, Token | None],
               inside: list[tuple[int, int]], direct_cues: dict[int, tuple[int, int]]) -> Quote | None:
    last, head = phrase
    if token.i in direct_cues:
        return None
    sent = token.sent
    phrase_first = token.i
    phrase_last = head.right_edge.i if head is not None else last
    # the reported clause is the rest of the sentence, on the longer side of the phrase
    left = (sent.start, phrase_first - 1)
    right = (phrase_last + 1, sent.end - 1)
    first, final = left if left[1] - left[0] >= right[1] - right[0] else right
    while first <= final and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while final >= first and (doc[final].is_punct or doc[final].is_space):
        final -= 1
    if final - first < 2:
        return None
    start, end = doc[first].idx, doc[final].idx + len(doc[final].text)
    if _covered(start, end, inside, None):
        return None
    speaker = _np_span(head) if head is not None else None
    return _make_quote(doc, "indirect", start, end, _Attribution(token.i, last, speaker))


# --------------------------------------------------------------------------- public


def _inherit(quotes: list[Quote], text: str) -> list[Quote]:
    """An unattributed direct quote goes on in the voice of the quote just before it."""
    out: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        if quote.kind == "direct" and quote.speaker_span is None and previous is not None:
            gap = text[previous.end:quote.start]
            if gap.count("\n\n") <= 1 and len(gap) < 400:
                quote = dataclasses.replace(quote, speaker_text=previous.speaker_text,
                                            speaker_span=previous.speaker_span)
        if quote.kind == "direct" and quote.speaker_span is not None:
            previous = quote
        if quote.kind == "direct" and quote.speaker_span is None and quote.cue_span is None and len(
                _WORD_RE.findall(quote.text)) <= _SLOGAN_WORDS:
            continue  # a slogan or a title nobody is said to have spoken
        out.append(quote)
    return out


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every quotation of the article, speakers as text spans."""
    cues = speech_cues()
    direct = _direct(doc, cues)
    inside = [(q.start, q.end) for q, _ in direct]
    direct_cues = {i: (q.start, q.end) for q, i in direct if i is not None}
    found = [q for q, _ in direct]
    found.extend(_indirect(doc, cues, inside, direct_cues))
    found.sort(key=lambda q: (q.start, q.end))
    return tuple(_dedupe(_inherit(found, doc_text(doc))))


def _dedupe(quotes: Iterable[Quote]) -> Iterator[Quote]:
    seen: set[str] = set()
    for quote in quotes:
        if quote.id not in seen:
            seen.add(quote.id)
            yield quote


def link_speakers(quotes: tuple[Quote, ...], resolver: SpeakerResolver) -> tuple[Quote, ...]:
    """Quotes with ``speaker`` set to the actor behind each speaker span."""
    out = []
    for quote in quotes:
        speaker = None
        if quote.speaker_span is not None:
            speaker = resolver.resolve(quote.speaker_span.start, quote.speaker_span.end)
        out.append(dataclasses.replace(quote, speaker=speaker))
    return tuple(out)
