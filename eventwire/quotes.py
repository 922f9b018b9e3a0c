"""Direct and indirect speech: quoted span, speaker and cue."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol

from .records import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["SpeakerResolver", "find_quotes", "link_speakers"]


class SpeakerResolver(Protocol):
    """What the actor stage offers: the actor id behind a span (pronouns included)."""

    def resolve(self, start: int, end: int) -> str | None: ...


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every quotation of the article, speakers as text spans (stub)."""
    return ()


def link_speakers(quotes: tuple[Quote, ...], resolver: SpeakerResolver) -> tuple[Quote, ...]:
    """Quotes with ``speaker`` set to the actor behind each speaker span."""
    out = []
    for quote in quotes:
        speaker = None
        if quote.speaker_span is not None:
            speaker = resolver.resolve(quote.speaker_span.start, quote.speaker_span.end)
        out.append(dataclasses.replace(quote, speaker=speaker))
    return tuple(out)
