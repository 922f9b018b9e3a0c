"""extract(article) and extract_many(articles): the one place where the stages are wired.

    text --spaCy--> Doc --times----> Time records
                        --places---> Place records
                        --actors---> Actor records (+ mention index for coreference)
                        --quotes---> Quote records (speaker linked through the actors)
                        --actors---> first person inside a quote joins its speaker
                        --events---> Event records (source/target/date/place/modality)
                    ==> Document

A text longer than ``SEGMENT_CHARS`` is parsed in segments of whole paragraphs (``segments``)
and the segment Docs are joined back into one Doc over the whole text (``parse``), so the
stages see the article as one and every offset stays an index into ``article.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import actors, events, places, quotes, times
from .errors import ArticleError, StageError
from .records import Article, Document

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors.dictionary import ActorDictionary
    from .registry import Registry

__all__ = ["BATCH_SIZE", "SEGMENT_CHARS", "annotate", "extract", "extract_many", "parse",
           "segments"]

BATCH_SIZE = 32

# Longest text parsed as one Doc. Above every real article we evaluate (news-dev, and the
# 2,225 BBC texts, whose longest has 25,452 characters), so their output is exactly what a
# single parse gives; well below the size at which one parse gets costly: spaCy's parser and
# NER hold a whole Doc's activations at once, 999,000 characters in one Doc took 3.1 GB.
SEGMENT_CHARS = 40_000

# where a segment may end: after a blank-line run (a paragraph), else after a sentence's end
# mark, else after a line break, else after any space; never inside a word
_PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_BREAKS = (
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"\n\s*"),
    re.compile(r"\s+"),
)


def segments(text: str, limit: int = SEGMENT_CHARS) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` spans that tile ``text`` end to end, each at most ``limit`` long.

    A segment is a run of whole paragraphs (split after blank lines, the blank lines kept
    with the paragraph before); a paragraph longer than ``limit`` is cut after a sentence's
    end, else a line break, else a space. Only a single word longer than ``limit`` makes a
    longer segment: it runs to the next space.
    """
    if len(text) <= limit:
        return ((0, len(text)),)
    cuts = [m.end() for m in _PARAGRAPH_END.finditer(text) if 0 < m.end() < len(text)]
    pieces: list[tuple[int, int]] = []
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        pieces.extend(_split_long(text, start, end, limit))
    spans: list[tuple[int, int]] = []
    start, end = pieces[0]
    for piece_start, piece_end in pieces[1:]:
        if piece_end - start <= limit:
            end = piece_end
        else:
            spans.append((start, end))
            start, end = piece_start, piece_end
    spans.append((start, end))
    return tuple(spans)


def _split_long(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``limit``, cut at the best break in reach."""
    while end - start > limit:
        cut = 0
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, start, start + limit)]
            if found and found[-1] > start:
                cut = found[-1]
                break
        if not cut:  # one word longer than the limit: it ends at the next space
            space = re.compile(r"\s").search(text, start + limit, end)
            cut = space.end() if space else end
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def parse(nlp: Language, text: str, limit: int = SEGMENT_CHARS) -> Doc:
    """One Doc over ``text``: parsed whole, or by ``segments`` and joined.

    A joined Doc must be used inside the caller's ``nlp.memory_zone()``.
    """
    spans = segments(text, limit)
    if len(spans) == 1:
        return nlp(text)
    # one segment at a time: a batch of segments would cost what the whole text costs
    return _join(list(nlp.pipe((text[s:e] for s, e in spans), batch_size=1)))


def _join(docs: list[Doc]) -> Doc:
    """The segment Docs as one: tokens, heads, labels, entities and sentences kept.

    Each segment ends where the next begins in the text, so no space is added between them
    and the joined text is the article's text to the character.
    """
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    # the tensor is left out: no stage reads it (spaCy's stub does not know ``exclude``)
    joined = Doc.from_docs(docs, ensure_whitespace=False,
                           exclude=["tensor"])  # type: ignore[call-arg]
    if joined is None:  # pragma: no cover - docs is never empty
        raise StageError("no segment to join")
    return joined


def annotate(article: Article, doc: Doc,
             dictionary: ActorDictionary | str | Path | None = None) -> Document:
    """Run every stage over an already parsed article.

    ``dictionary`` adds a user actor file (or a loaded ``ActorDictionary``) to the shipped
    Phoenix dictionaries (``eventwire.actors.dictionary``).
    """
    try:
        found_times = times.find_times(doc, article.published)
        found_places = places.find_places(doc)
        table = actors.find_actors(doc, found_places, published=article.published,
                                   dictionary=dictionary)
        found_quotes = quotes.link_speakers(quotes.find_quotes(doc), table)
        table = actors.quote_speakers(table, found_quotes, doc.text)  # "we" in a quote: its speaker
        found_events = events.find_events(
            doc, table, quotes=found_quotes, times=found_times, places=found_places,
            published=article.published,
        )
    except Exception as exc:  # a stage bug must name the article, not kill the batch
        raise StageError(f"{article.id}: {type(exc).__name__}: {exc}") from exc
    return Document(
        article=article,
        actors=table.actors,
        events=found_events,
        quotes=found_quotes,
        times=found_times,
        places=found_places,
    )


def extract(article: Article, nlp: Language | None = None,
            dictionary: ActorDictionary | str | Path | None = None) -> Document:
    """The document for one article (``dictionary``: a user actor file, see ``annotate``)."""
    from .nlp import load_pipeline

    nlp = nlp or load_pipeline()
    if len(article.text) <= SEGMENT_CHARS:
        return annotate(article, nlp(article.text), dictionary)
    with nlp.memory_zone():
        return annotate(article, parse(nlp, article.text), dictionary)


def extract_many(items: Iterable[Article | ArticleError], nlp: Language | None = None,
                 batch_size: int = BATCH_SIZE,
                 dictionary: ActorDictionary | str | Path | None = None,
                 registry: Registry | None = None,
                 ) -> Iterator[Document | ArticleError | StageError]:
    """Documents in input order; unusable articles and failed stages pass through as errors.

    With a ``registry`` (``eventwire.registry.Registry()``, or ``Registry.from_store`` for a
    database), each document is completed from the articles before it and teaches the next
    ones: the corpus stage ``eventwire extract`` runs, so both give the same actors."""
    if registry is not None:
        for result in extract_many(items, nlp, batch_size, dictionary):
            yield registry.complete(result) if isinstance(result, Document) else result
        return
    from .nlp import load_pipeline

    nlp = nlp or load_pipeline()
    batch: list[Article | ArticleError] = []

    def flush() -> Iterator[Document | ArticleError | StageError]:
        good = [a for a in batch if isinstance(a, Article)]
        results: list[Document | ArticleError | StageError] = []
        # the records hold plain strings, so spaCy may forget this batch's words afterwards:
        # memory stays flat over a corpus of any size
        with nlp.memory_zone():
            # a long article is parsed on its own, in segments (``parse``), when its turn comes
            short = (a.text for a in good if len(a.text) <= SEGMENT_CHARS)
            parsed = iter(nlp.pipe(short, batch_size=batch_size))
            for item in batch:
                if isinstance(item, ArticleError):
                    results.append(item)
                    continue
                doc = next(parsed) if len(item.text) <= SEGMENT_CHARS else parse(nlp, item.text)
                try:
                    results.append(annotate(item, doc, dictionary))
                except StageError as err:
                    results.append(err)
        batch.clear()
        yield from results

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
