"""Toponyms resolved to gazetteer entries (coordinates, country, GeoNames id).

    Doc --toponyms()--> spans (NER GPE/LOC/FAC, metonymic country names, gazetteer scan)
        --resolve()---> one Location per distinct name (one sense per discourse), chosen by
                        feature and population priors plus the article's other places and
                        its local-news wording (a sheriff's office: the US)
        --_placed()---> a county or province without a point of its own moved amid the
                        article's towns inside it
        ==> Place records

Submodules: ``gazetteer`` (the offline gazetteer, loaded once per process), ``spans``
(detection), ``resolution`` (choosing among a name's locations), ``locale`` (the country
whose local-news wording the article carries).
Demonyms (NORP: "French") are never places; the actors stage handles them.
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from ..nlp import doc_text
from ..records import Place, stable_id
from .gazetteer import Gazetteer, Location, gazetteer, norm
from .locale import local_countries
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


def _placed(loc: Location, towns: list[Location]) -> Location:
    """A division without a GeoNames point of its own (a county, a province: the gazetteer
    puts it at a namesake town or its state's or country's centre) sits amid the article's
    towns inside it, when there are any: those of its state for a county, those of its country
    for a province the gazetteer knows no state code of."""
    if loc.feature != "division" or loc.geonames_id:
        return loc
    inside = [t for t in towns
              if t.country == loc.country and (t.admin1 == loc.admin1 or not loc.admin1)]
    if not inside:
        return loc
    return loc._replace(lat=statistics.median(t.lat for t in inside),
                        lon=statistics.median(t.lon for t in inside))


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
    context = local_countries(doc_text(doc))
    chosen = resolve(lookup, context, within=within, fixed=fixed)
    unsure = _unsupported(spans, lookup, chosen)
    if unsure:
        chosen = resolve([k for k, sp in zip(lookup, spans, strict=True) if sp not in unsure],
                         context, within=within, fixed=fixed)
    towns = [loc for loc in set(chosen.values()) if loc is not None and loc.feature == "city"]
    places: list[Place] = []
    for (s, e, how), text, key in zip(spans, texts, lookup, strict=True):
        loc = chosen.get(norm(key))
        if loc is None or (s, e, how) in unsure:
            continue
        loc = _placed(loc, towns)
        places.append(Place(
            id=stable_id("pl", s, e, loc.geonames_id or loc.name), start=s, end=e, text=text,
            name=loc.name, country=loc.country, lat=loc.lat, lon=loc.lon,
            geonames_id=loc.geonames_id,
            feature="admin" if loc.feature == "division" else loc.feature))
    return tuple(places)
