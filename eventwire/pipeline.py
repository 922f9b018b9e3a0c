"""extract(article) and extract_many(articles): the one place where the stages are wired.

    text --spaCy--> Doc --times----> Time records
                        --places---> Place records
                        --actors---> Actor records (+ mention index for coreference)
                        --quotes---> Quote records (speaker linked through the actors)
                        --actors---> first person inside a quote joins its speaker
                        --events---> Event records (source/target/date/place/modality)
                    ==> Document
"""

from __future__ import annotations

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

__all__ = ["BATCH_SIZE", "annotate", "extract", "extract_many"]

BATCH_SIZE = 32


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
    return annotate(article, nlp(article.text), dictionary)


def extract_many(items: Iterable[Article | ArticleError], nlp: Language | None = None,
                 batch_size: int = BATCH_SIZE,
                 dictionary: ActorDictionary | str | Path | None = None,
                 ) -> Iterator[Document | ArticleError | StageError]:
    """Documents in input order; unusable articles and failed stages pass through as errors."""
    from .nlp import load_pipeline

    nlp = nlp or load_pipeline()
    batch: list[Article | ArticleError] = []

    def flush() -> Iterator[Document | ArticleError | StageError]:
        good = [a for a in batch if isinstance(a, Article)]
        results: list[Document | ArticleError | StageError] = []
        # the records hold plain strings, so spaCy may forget this batch's words afterwards:
        # memory stays flat over a corpus of any size
        with nlp.memory_zone():
            parsed = iter(nlp.pipe((a.text for a in good), batch_size=batch_size))
            for item in batch:
                if isinstance(item, ArticleError):
                    results.append(item)
                    continue
                try:
                    results.append(annotate(item, next(parsed), dictionary))
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
