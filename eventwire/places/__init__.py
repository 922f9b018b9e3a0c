"""Toponyms resolved to gazetteer entries (coordinates, country, GeoNames id).

    Doc --spans_of()--> spans (NER GPE/LOC/FAC, metonymic country names, gazetteer scan;
                        not street names)
        --_cues()-----> what the words around a name show it to be: a town ("the Athens
                        City Council", "a Lebanon man"), a state ("New York state", a list
                        of states)
        --resolve()---> one Location per distinct name (one sense per discourse), chosen by
                        feature and population priors plus the article's other places and
                        its local-news wording (a sheriff's office: the US)
        --_placed()---> a county or province without a point of its own moved amid the
                        article's towns inside it
        ==> Place records

Submodules: ``gazetteer`` (the offline gazetteer, loaded once per process), ``spans``
(detection), ``resolution`` (choosing among a name's locations), ``locale`` (the country
whose local-news wording the article carries; the words around a name that show what it
denotes).
Demonyms (NORP: "French") are never places (the actors stage handles them), but their
countries vote like the article's places.
"""

from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

from ..lexicon import lexicon
from ..nlp import doc_text
from ..records import Place, stable_id
from .gazetteer import Gazetteer, Location, gazetteer, norm
from .locale import STRENGTH, NameCue, local_countries, name_cues
from .resolution import country_of, resolve, resolve_name
from .spans import SUFFIXES, lists_of, spans_of, within_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Gazetteer", "Location", "country_of", "find_places", "gazetteer", "norm", "resolve",
           "resolve_name"]



# nouns after a name that make it a division ("Sagaing Region", "Kandahar province"): when the
# gazetteer knows only the town of that name, the place keeps the town's point (the division's
# seat) but is a division, which no act of the story is carried to
DIVISION_NOUNS = frozenset({"region", "province", "state", "oblast", "governorate", "prefecture",
                            "district", "county", "department", "territory"})

def _unsupported(spans: list[tuple[int, int, str]], keys: list[str],
                 chosen: dict[str, Location | None]) -> set[tuple[int, int, str]]:
    """Names the NER called an organisation ("Toyota"), read as towns of a country that no
    other place of the article is in: the company, not the town."""
    countries = {loc.country for (_, _, how), key in zip(spans, keys, strict=True)
                 if how != "misread" and (loc := chosen.get(norm(key))) is not None}
    return {sp for sp, key in zip(spans, keys, strict=True) if sp[2] == "misread"
            and (loc := chosen.get(norm(key))) is not None and loc.country not in countries}


def _placed(loc: Location, towns: list[Location]) -> Location:
    """A division without a point of its own (a county, a province whose towns the gazetteer
    does not know: it puts it at a namesake town or its state's or country's centre) sits
    amid the article's towns inside it, when there are any: those of its state for a county,
    those of its country for a province the gazetteer knows no state code of."""
    if loc.feature != "division" or loc.geonames_id or loc.population:
        return loc
    inside = [t for t in towns
              if t.country == loc.country and (t.admin1 == loc.admin1 or not loc.admin1)]
    if not inside:
        return loc
    return loc._replace(lat=statistics.median(t.lat for t in inside),
                        lon=statistics.median(t.lon for t in inside))


def _cues(doc: Doc, spans: list[tuple[int, int, str]], keys: list[str]) -> dict[str, NameCue]:
    """What the text shows each name to denote, the strongest cue over its mentions; a name
    listed beside a state ("Ohio, New York and Texas") is read as a state of that country
    too."""
    by_span = name_cues(doc_text(doc), [(s, e) for s, e, _ in spans])
    for group in lists_of(doc, spans):
        countries = {c for i in group if (c := _state_of(keys[i]))}
        for i in group:
            if any(loc.country in countries for loc in _divisions(keys[i])):
                by_span.setdefault(spans[i][:2], NameCue.STATE)
    cues: dict[str, NameCue] = {}
    for (s, e, _), key in zip(spans, keys, strict=True):
        cue, held = by_span.get((s, e)), cues.get(norm(key))
        if cue is not None and (held is None or STRENGTH[cue] > STRENGTH[held]):
            cues[norm(key)] = cue
    return cues


_NOT_LOCAL_BODY = re.compile(r"\b(?:University|College|Institute|School|Times|Post|Journal|News"
                             r"|Press|Tribune|Herald|Gazette|Review|Magazine)\b")


def _named_in_bodies(doc: Doc) -> tuple[list[Location], list[str]]:
    """States and countries named inside the names of public bodies ("the Texas Department
    of Transportation", "the Ohio National Guard"), and counties ("the Edgar County
    Community Foundation"): not toponyms, but the article's whereabouts. Not universities,
    whose studies travel, nor newspapers."""
    gaz = gazetteer()
    found: list[Location] = []
    counties: list[str] = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or _NOT_LOCAL_BODY.search(ent.text):
            continue
        words = [t.text for t in ent]
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                text = " ".join(words[i:i + size])
                if not text[:1].isupper():
                    continue
                if size > 1 and words[i + size - 1] in ("County", "Parish"):
                    if any(loc.feature == "division" for loc, _ in gaz.candidates(text)):
                        counties.append(text)
                    continue
                best = max(gaz.candidates(text), key=lambda c: c[0].prior, default=None)
                if best is not None and best[1] and best[0].feature in ("admin", "country"):
                    found.append(best[0])
    return found, counties


def _demonym_countries(doc: Doc) -> list[Location]:
    """Countries the article's demonyms name ("a French woman" flying to Paris): each votes
    once, as a place of that country would."""
    lex, gaz = lexicon(), gazetteer()
    found = {lex.demonyms.get(ent.text.lower()) for ent in doc.ents if ent.label_ == "NORP"}
    return [gaz.countries[c] for c in found if c and c in gaz.countries]


def _state_of(name: str) -> str | None:
    """The country of a name whose likeliest reading is a state or province ("Ontario")."""
    found = gazetteer().candidates(name)
    best = max(found, key=lambda c: c[0].prior)[0] if found else None
    return best.country if best is not None and best.feature == "admin" else None


def _divisions(name: str) -> list[Location]:
    """The states and provinces a name may denote, "New York" the state included."""
    gaz = gazetteer()
    found = [loc for loc, _ in gaz.candidates(name) if loc.feature in ("admin", "division")]
    qualifier = gaz.qualifiers.get(norm(name))
    return found + [qualifier] if qualifier is not None else found


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
                if text.lower().endswith(" " + suffix.lower()) \
                        and gaz.candidates(text[: -len(suffix) - 1]):
                    text = text[: -len(suffix) - 1]
                    break
        lookup.append(text)
    context = local_countries(doc_text(doc))
    cues = _cues(doc, spans, lookup)
    named, counties = _named_in_bodies(doc)  # counties take part, but are not toponyms
    named += _demonym_countries(doc)
    chosen = resolve(lookup + counties, context, within=within, fixed=fixed, cues=cues,
                     named=named)
    unsure = _unsupported(spans, lookup, chosen)
    if unsure:
        chosen = resolve([k for k, sp in zip(lookup, spans, strict=True) if sp not in unsure]
                         + counties,
                         context, within=within, fixed=fixed, cues=cues, named=named)
    towns = [loc for loc in set(chosen.values()) if loc is not None and loc.feature == "city"]
    places: list[Place] = []
    for (s, e, how), text, key in zip(spans, texts, lookup, strict=True):
        loc = chosen.get(norm(key))
        if loc is None or (s, e, how) in unsure:
            continue
        loc = _placed(loc, towns)
        feature = "admin" if loc.feature == "division" else loc.feature
        if feature == "city" and text.lower().split()[-1] in DIVISION_NOUNS:
            feature = "admin"  # "Sagaing Region", "Kandahar province": the division its town names
        places.append(Place(
            id=stable_id("pl", s, e, loc.geonames_id or loc.name), start=s, end=e, text=text,
            name=loc.name, country=loc.country, lat=loc.lat, lon=loc.lon,
            geonames_id=loc.geonames_id, feature=feature))
    return tuple(places)
