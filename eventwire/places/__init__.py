"""Toponyms resolved to gazetteer entries (coordinates, country, GeoNames id).

    Doc --toponyms()--> spans (NER GPE/LOC/FAC, metonymic country names, gazetteer scan)
        --resolve()---> one Location per distinct name (one sense per discourse), chosen by
                        feature and population priors plus the article's other places
        ==> Place records

Submodules: ``gazetteer`` (the offline gazetteer, loaded once per process), ``spans``
(detection), ``resolution`` (choosing among a name's locations).
Demonyms (NORP: "French") are never places; the actors stage handles them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp import doc_text
from ..records import Place, stable_id
from .gazetteer import Gazetteer, Location, gazetteer, norm
from .resolution import country_of, resolve, resolve_name
from .spans import SUFFIXES, spans_of, within_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Gazetteer", "Location", "country_of", "find_places", "gazetteer", "norm", "resolve",
           "resolve_name"]


def _unsupported(spans: list[tuple[int, int, str]], keys: list[str],
                 chosen: dict[str, Location | None]) -> set[tuple[int, int, str]]:
    """Names the NER called an organisation ("Toyota"), read as towns of a country that no
    other place of the article is in: the company, not the town."""
    countries = {loc.country for (_, _, how), key in zip(spans, keys, strict=True)
                 if how != "misread" and (loc := chosen.get(norm(key))) is not None}
    return {sp for sp, key in zip(spans, keys, strict=True) if sp[2] == "misread"
            and (loc := chosen.get(norm(key))) is not None and loc.country not in countries}


def find_places(doc: Doc) -> tuple[Place, ...]:
    """Every toponym of the article, resolved."""
    gaz = gazetteer()
    spans = spans_of(doc)
    texts = [doc_text(doc)[s:e] for s, e, _ in spans]
    within, fixed = within_of(doc, spans)
    # unresolvable '<Name> County' etc.: fall back to the bare name
    lookup: list[str] = []
    for text in texts:
        if not gaz.candidates(text):
            for suffix in SUFFIXES:
                if text.endswith(" " + suffix) and gaz.candidates(text[: -len(suffix) - 1]):
                    text = text[: -len(suffix) - 1]
                    break
        lookup.append(text)
    chosen = resolve(lookup, within=within, fixed=fixed)
    unsure = _unsupported(spans, lookup, chosen)
    if unsure:
        chosen = resolve([k for k, sp in zip(lookup, spans, strict=True) if sp not in unsure],
                         within=within, fixed=fixed)
    places: list[Place] = []
    for (s, e, how), text, key in zip(spans, texts, lookup, strict=True):
        loc = chosen.get(norm(key))
        if loc is None or (s, e, how) in unsure:
            continue
        places.append(Place(
            id=stable_id("pl", s, e, loc.geonames_id or loc.name), start=s, end=e, text=text,
            name=loc.name, country=loc.country, lat=loc.lat, lon=loc.lon,
            geonames_id=loc.geonames_id,
            feature="admin" if loc.feature == "division" else loc.feature))
    return tuple(places)
