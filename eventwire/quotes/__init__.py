"""Direct and indirect speech: quoted span, speaker and cue.

    text --quotation marks--> direct segments (paired, multi-paragraph, stray marks tolerated;
         single marks where a cue claims them)
         --cue near a segment--> speaker = subject of the cue ("...," the ministry said)
    Doc  --cue verb + clause, object or infinitive--> indirect quotes ("X said (that) ...",
         "X announced job cuts", "X urged Y to ...")
         --"according to X", "X's announcement that ..."--> indirect quotes
         --verbs of belief and intent--> attitudes (``find_attributions`` only)

``find_quotes`` returns what a speaker said, as ``direct`` and ``indirect`` Quotes; each is an
exact slice of the text (``quote.text == text[quote.start:quote.end]``). A quotation over
several paragraphs is one Quote per paragraph, and one the attribution interrupts
("...," she said, "...") is two: they share ``cue_span`` and speaker. An unattributed quote
takes the speaker of the quote (direct or indirect) just before it only when nothing but that
quote's attribution lies between them. ``find_attributions`` adds what a speaker believes or intends ("X expects ...",
"X plans to ...") as Quotes of kind ``belief`` and ``intent``: attributed content, but not
speech.

Speakers are text spans; the actor stage maps them to actor ids through ``link_speakers``.
The cue lexicon is ``data/speech_cues.tsv``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from ..records import Quote
from .direct import find_direct
from .indirect import find_attitudes, find_indirect
from .lexicon import SpeechCues, speech_cues
from .marks import segments as _segments  # noqa: F401  (the tests read the marks pass)
from .syntax import DocIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["SpeakerResolver", "SpeechCues", "find_attributions", "find_quotes", "link_speakers",
           "speech_cues"]

_WORD_RE = re.compile(r"\w")
_SLOGAN_WORDS = 6
_FOLLOW_GAP = 400


class SpeakerResolver(Protocol):
    """What the actor stage offers: the actor id behind a span (pronouns included)."""

    def resolve(self, start: int, end: int) -> str | None: ...


def _attribution_end(quote: Quote, index: DocIndex) -> int:
    """Where the attribution of a quote ends: its cue's sentence when that follows the quote."""
    end = quote.end
    if quote.cue_span is not None and quote.cue_span.start >= quote.end:
        i = index.token_at(quote.cue_span.start)
        if i is not None:
            last = index.doc[index.sent_end[i] - 1]
            end = max(end, last.idx + len(last.text))
    return end


def _inherit(quotes: list[Quote], index: DocIndex) -> list[Quote]:
    """An unattributed direct quote goes on in the voice of the quote just before it (direct,
    or reported: 'He said X. "..."'), when only that quote's attribution, white space and
    marks lie between them, and its own cue, if any, has no subject ('And added: "..."')."""
    text = index.text
    out: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        if quote.kind == "direct" and quote.speaker_span is None and previous is not None \
                and previous.end <= quote.start:
            boundary = min(_attribution_end(previous, index), quote.start)
            until = quote.start
            if quote.cue_span is not None and quote.cue_span.end <= quote.start:
                i = index.token_at(quote.cue_span.start)
                if i is not None:  # the quote's own subjectless cue clause
                    until = max(boundary, min(until, index.starts[index.sent_start[i]]))
            gap = text[boundary:until]
            if quote.start - previous.end < _FOLLOW_GAP and gap.count("\n\n") <= 1 \
                    and not _WORD_RE.search(gap):
                quote = dataclasses.replace(quote, speaker_text=previous.speaker_text,
                                            speaker_span=previous.speaker_span)
        if quote.speaker_span is not None and (previous is None or quote.start >= previous.start):
            previous = quote
        if quote.kind == "direct" and quote.speaker_span is None and quote.cue_span is None and len(
                re.findall(r"\w+", quote.text)) <= _SLOGAN_WORDS:
            continue  # a slogan or a title nobody is said to have spoken
        out.append(quote)
    return out


def _quotes(index: DocIndex) -> list[Quote]:
    direct = find_direct(index)
    ranges = [(q.start, q.end) for q, _ in direct]
    direct_cues = {i: (q.start, q.end) for q, i in direct if i is not None}
    found = [q for q, _ in direct]
    found.extend(find_indirect(index, ranges, direct_cues))
    found.sort(key=lambda q: (q.start, q.end))
    return list(_dedupe(_inherit(found, index)))


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every quotation of the article (direct and indirect), speakers as text spans."""
    return tuple(_quotes(DocIndex(doc, speech_cues())))


def find_attributions(doc: Doc) -> tuple[Quote, ...]:
    """The quotations and what speakers believe or intend (kinds ``belief``, ``intent``)."""
    index = DocIndex(doc, speech_cues())
    found = _quotes(index)
    cues = {q.cue_span.start for q in found if q.cue_span is not None}
    found.extend(q for q in find_attitudes(index)
                 if q.cue_span is not None and q.cue_span.start not in cues)
    found.sort(key=lambda q: (q.start, q.end))
    return tuple(_dedupe(found))


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
