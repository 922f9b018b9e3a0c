"""Mentions -> actors (country, sector, role), with coreference inside the article.

The text usually says who someone is, so the actor stage reads it: titles and offices give
the sector and role ("Defense Minister"), demonyms, possessives and "of France" give the
country, seats of power and capitals stand for their government, and a later surname,
title phrase ("the French President") or pronoun joins the actor it refers to.

``find_actors`` returns an ``ActorTable``: the frozen ``Actor`` records plus the index from
character spans to actor ids that the quote and event stages use (``resolve``).

The stage, in order: ``book`` holds the drafts and the tokens their mentions claim;
``mentions.PASSES`` read named people, titles, entities, surnames and title phrases;
``coref.PASSES`` join documents and pronouns to their actors; ``dictionary`` gives known
people and organisations their country and adds a user file's own actors; ``infer`` places
the rest by their context; ``table`` is the frozen result and its span index. Once the
quote stage has found the speakers, ``quote_speakers`` adds first person inside a direct
quote to its speaker's mentions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..lexicon import sovereigns
from ..nlp import doc_text
from ..records import Actor, Mention, Place, stable_id
from . import coref, mentions
from .book import Book
from .coref import quote_speakers
from .dictionary import ActorDictionary, add_user_actors, fill_from_dictionary
from .extents import extents, named_spans
from .infer import infer_countries
from .phrases import _cameo
from .table import ActorTable

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from spacy.tokens import Doc

__all__ = ["PASSES", "ActorTable", "find_actors", "quote_speakers"]

PASSES: tuple[Callable[[Book], None], ...] = (
    mentions.people,         # named people, with their titles (before these become bodies)
    mentions.of_titles,      # "Secretary of State" before the NER's "State"
    mentions.entities,       # organisations, states, capitals, demonyms
    mentions.unlabelled_states,  # "to contain Iran's rising influence": a state the NER missed
    mentions.surnames,       # "Torres said", once the full name is known
    coref.fold_names,        # "Mr Blair", "Ms Hewitt": the one full name with that surname
    coref.pairs,             # "the two leaders", before title phrases read "leaders"
    mentions.described_groups,  # "the militant group": the armed group named last
    mentions.named_units,    # "the commission": the body whose commission was named before
    mentions.title_phrases,  # "the French President", "Azerbaijani forces"
    mentions.described_bodies,  # "the regional bloc": the body named last
    mentions.described_states,  # "the South American country": the state named last
    coref.sides,             # "both warring sides": the parties named last, bodies included
    mentions.nationals,      # "a Palestinian was arrested", "two Israelis": people of a state
    mentions.crowds,         # "Thousands protested": a crowd of people
    coref.documents,         # "the statement": whoever issued it
    coref.pronouns,          # he, she, they, it
)
"""Every pass over the article, in the order it runs; a token one pass claims is not read
again by the later ones."""


def find_actors(doc: Doc, places: tuple[Place, ...] = (), published: date | None = None,
                dictionary: ActorDictionary | str | Path | None = None) -> ActorTable:
    """Every actor of the article with all its mentions.

    People and organisations the text gives no country take it from the actor dictionary
    (the Phoenix dictionaries, plus ``dictionary``: a user file or one already loaded), as
    it stood on ``published``.
    """
    reader = Book(doc, places)
    for read in PASSES:
        read(reader)
    known = fill_from_dictionary(reader.drafts.values(), doc, published, dictionary)
    known |= add_user_actors(reader, published, dictionary)
    lex = reader.lex
    infer_countries(reader, places)
    actors: list[Actor] = []
    spans: list[tuple[int, int, str]] = []
    text = doc_text(doc)
    for key in reader.order:
        d = reader.drafts[key]
        if not d.mentions or (d.kind != "person" and d.country is None and d.sector in (None, "GOV")
                              and d.key.startswith(("group:", "organization:None"))):
            continue  # "the ministry", "a delegation": nobody in particular
        d.country = sovereigns().get(d.country or "", d.country)  # "police in Papeete": French
        actor_id = stable_id("ac", key)
        nested = set(extents(doc, d.mentions)) | (set(named_spans(d.name, d.mentions)) if d.kind == "person"
                                                   else set())
        mentions = tuple(sorted([Mention(start=s, end=e, text=t) for (s, e), t in d.mentions.items()]
                                + [Mention(start=s, end=e, text=text[s:e])
                                   for s, e in nested - set(d.mentions)],
                                key=lambda m: (m.start, m.end)))
        cameo = d.cameo or _cameo(d.country, d.sector, lex)
        source = None if d.country is None else "context" if d.inferred \
            else "dictionary" if key in known else "text"
        actors.append(Actor(id=actor_id, name=d.name, kind=d.kind, country=d.country,
                            sector=d.sector, other_sectors=d.other_sectors, role=d.role,
                            cameo=cameo, mentions=mentions, country_source=source))
        spans.extend((s, e, actor_id) for s, e in d.mentions)
    return ActorTable(actors=tuple(actors), spans=tuple(sorted(spans)))
