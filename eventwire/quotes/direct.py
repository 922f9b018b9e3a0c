"""Direct speech: quoted stretches with the cue and speaker next to them.

A quotation over several paragraphs gives one Quote per paragraph, each an exact slice of the
text without the marks that reopen it, all with the same cue and speaker. A quotation the
attribution interrupts ("...," she said, "...") gives two Quotes with the same ``cue_span``
and speaker: the cue span links them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Quote, Span, stable_id
from .marks import Segment, segments, trim
from .syntax import Attribution, DocIndex, attribution_of, np_span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MARK_TOKENS", "find_direct", "make_quote"]

MARK_TOKENS = frozenset({'"', "“", "”", "„", "«", "»", "``", "''", "`", "‘", "’", "'"})
SENT_END = frozenset({".", "!", "?"})
_WORD_RE = re.compile(r"\w+")
_FINAL_PUNCT_RE = re.compile(r"[.!?,;:…]['’\"”)]*\s*$")
_SCARE_WORDS = 3
_TITLE_WORDS = 8
_WINDOW = 20
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with"})


def _is_boundary(token: Token) -> bool:
    return "\n" in token.text or (token.text in MARK_TOKENS and token.text not in ("'", "’")) \
        or (token.text in ("'", "’") and token.pos_ == "PUNCT")


def _cue_after(index: DocIndex, i: int) -> Attribution | None:
    """The attribution right after a closing mark at token ``i``."""
    doc = index.doc
    for j in range(i, min(len(doc), i + _WINDOW)):
        token = doc[j]
        if _is_boundary(token):
            return None
        found = _phrase_attribution(index, j)
        if found is not None:
            return found
        if index.direct_cue[j] is not None:
            return attribution_of(token, index, after_quote=True)
        if token.text in SENT_END or "\n" in token.whitespace_:
            return None
    return None


def _phrase_attribution(index: DocIndex, j: int) -> Attribution | None:
    """The attribution of a cue phrase starting at token ``j`` ("according to X")."""
    phrase = index.phrase_at(j)
    if phrase is None:
        return None
    last, head = phrase
    return Attribution(j, last, np_span(head) if head is not None else None)


def _cue_before(index: DocIndex, i: int) -> Attribution | None:
    """The attribution that introduces an opening mark at token ``i`` (``He said: "``)."""
    doc = index.doc
    for j in range(i - 1, max(-1, i - 1 - _WINDOW), -1):
        token = doc[j]
        if _is_boundary(token) or token.text in SENT_END or "\n" in token.whitespace_:
            return None
        found = _phrase_attribution(index, j)
        if found is not None:
            return found
        if index.direct_cue[j] is not None:
            return attribution_of(token, index, after_quote=False)
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


def _attribution(index: DocIndex, first: Segment, last: Segment,
                 quoted: str) -> tuple[Attribution | None, bool]:
    """The chain's attribution and whether it sits right at the quote (adjacent)."""
    attribution: Attribution | None = None
    after = None
    if last.close_mark is not None and not quoted.endswith("."):
        after = index.token_at(last.close_mark)
        if after is not None and index.starts[after] >= last.close_mark:
            attribution = _cue_after(index, after)
            if attribution is not None and quoted[-1] in "!?" and attribution.cue_first > after + 4:
                attribution = None
    if attribution is None and first.open_mark is not None:
        i = index.token_at(first.open_mark)
        if i is not None:
            attribution = _cue_before(index, i)
    adjacent = attribution is not None and (
        _introduces(index.text, first.open_mark) or after is not None
        and 0 <= attribution.cue_first - after <= 4)
    return attribution, adjacent


def find_direct(index: DocIndex) -> list[tuple[Quote, int | None]]:
    """Direct quotations with the token index of their cue (None when unattributed)."""
    text = index.text
    out: list[tuple[Quote, int | None]] = []
    for chain in segments(text):
        first, last = chain[0], chain[-1]
        start, end = trim(text, first.start, last.end)
        if start >= end:
            continue
        attribution, adjacent = _attribution(index, first, last, text[start:end])
        if _is_scare(text, start, end, attribution is not None, adjacent):
            continue
        if first.open_mark is None and attribution is None:
            continue  # a stray closing mark with nothing to attribute it to
        if first.single and (attribution is None or not adjacent):
            continue  # single marks delimit a quotation only where a cue claims it
        cue = attribution.cue_first if attribution else None
        for segment in chain:
            s, e = trim(text, segment.start, segment.end)
            if s < e:
                out.append((make_quote(index, "direct", s, e, attribution), cue))
    return out


def make_quote(index: DocIndex, kind: str, start: int, end: int,
               attribution: Attribution | None) -> Quote:
    """A Quote record over ``text[start:end]`` with the attribution's cue and speaker spans."""
    doc, text = index.doc, index.text
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
