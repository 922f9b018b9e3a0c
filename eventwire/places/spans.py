"""Detection: character spans of toponym candidates in a parsed article."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..datelines import dateline_name
from ..lexicon import BODY_HEADS, place_nouns
from ..nlp import doc_text
from ..registry import HONORIFICS
from .gazetteer import Location, gazetteer, norm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["SUFFIXES", "lists_of", "spans_of", "within_of"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCAN_LABELS = frozenset({"", "GPE", "LOC", "FAC", "NORP"})  # tokens a gazetteer name may cover
NEVER_LABELS = frozenset({"NORP", "PERSON", "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT",
                          "QUANTITY", "ORDINAL", "CARDINAL"})
# labels the small NER gives a town's name that a place noun shows to be a place ("the Landi
# Kotal area" PERSON, "Uraba municipality" NORP, "the town of X" PERSON)
CUED_LABELS = frozenset({"LANGUAGE", "PERSON", "NORP", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
# the label the small NER often gives a well-known city's name alone ("Krasnodar" ORG)
MISREAD_LABELS = frozenset({"ORG"})
SUFFIXES = ("County", "Parish", "Province", "Region", "State", "City", "District", "Oblast",
            "Governorate", "Prefecture", "Municipality", "Township", "Borough")
# "the", and lower-case directions before the name: "east Africa" is part of Africa
_PREFIX = re.compile(r"^(?:(?:the|The|THE)\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?"
                     r"|east|west)(?:ern)?\s+|central\s+)*(?=[A-Z])")
_TRAIL = re.compile(r"(?:['’]s|['’]|[\s.,;:!?\"”“)(-])+$")
_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+ $")
# a name that only names a street ("East Washington Street", "Lafayette Ave.")
_STREET = re.compile(r"\s+(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.?"
                     r"|Lane|Ln\.|Parkway|Pkwy\.?|Pike|Terrace)(?!\w)(?!\s+(?:Department|Superintendent))")
_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w]*\.?(?:\s|-)?){1,3})")


def _clean(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc_text(doc)[start:end]
    m = _PREFIX.match(text)
    if m:
        start += m.end()
        text = text[m.end():]
    t = _TRAIL.search(text)
    if t and t.start() > 0 and not re.search(r"\b[A-Z]\.$", text[: t.end()]):
        end = start + t.start()
    return start, end


def _spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Character spans of toponym candidates, with how they were found.

    Multi-word gazetteer names first (the small NER splits "New South Wales"), then the NER's
    GPE/LOC/FAC entities and country names it labelled otherwise (metonymy: "France said"),
    then single known names the NER missed.
    """
    gaz = gazetteer()
    found: list[tuple[int, int, str]] = []
    labels = [tok.ent_type_ for tok in doc]
    taken = [False] * len(doc)

    def scan(width: range) -> None:
        i = 0
        while i < len(doc):
            tok = doc[i]
            if taken[i] or not tok.text[:1].isupper() or labels[i] not in SCAN_LABELS:
                i += 1
                continue
            hit = 0
            for n in width:
                j = i + n
                if j > len(doc) or any(taken[i:j]) or any(lb not in SCAN_LABELS
                                                          for lb in labels[i:j]):
                    continue
                text = doc_text(doc)[tok.idx:doc[j - 1].idx + len(doc[j - 1])]
                if text in gaz.scan and not (n == 1 and (labels[i] == "NORP" or (
                        tok.is_sent_start and text not in _country_names()))):
                    found.append((tok.idx, tok.idx + len(text), "scan"))
                    taken[i:j] = [True] * n
                    hit = n
                    break
            i += max(hit, 1)

    scan(range(5, 1, -1))
    for ent in doc.ents:
        if ent.label_ in CUED_LABELS and not any(taken[ent.start:ent.end]) \
                and _place_cued(doc, ent) and gaz.candidates(ent.text):
            found.append((ent.start_char, ent.end_char, "cued"))  # "the Odesa region",
            taken[ent.start:ent.end] = [True] * (ent.end - ent.start)  # "the town of X"
            continue
        if any(taken[ent.start:ent.end]) or ent.label_ in NEVER_LABELS:
            continue
        if _not_a_place(doc, ent):
            taken[ent.start:ent.end] = [True] * (ent.end - ent.start)
            continue
        start, end = _clean(doc, ent.start_char, ent.end_char)
        if end <= start:
            continue
        text = doc_text(doc)[start:end]
        if ent.label_ in PLACE_LABELS:
            parts = list(re.finditer(r"[^,]+", text)) if "," in text else []
            for p in parts:
                s, e = _clean(doc, start + p.start(), start + p.end())
                s += len(doc_text(doc)[s:e]) - len(doc_text(doc)[s:e].lstrip())
                if e > s:
                    found.append((s, e, ent.label_))
            if not parts:
                found.append((start, end, ent.label_))
        elif any(loc.feature == "country" for loc in gaz.lookup(text)):
            found.append((start, end, "metonym"))
        elif ent.label_ == "ORG" and (lead := _leading_country(doc, ent)) is not None:
            found.append(lead)  # "the Pakistan Muslim League": Pakistan is named
            taken[ent.start:ent.end] = [True] * (ent.end - ent.start)
            continue
        elif ent.label_ in MISREAD_LABELS and text in gaz.scan and any(
                loc.feature == "city" for loc in gaz.lookup(text)):
            found.append((start, end, "misread"))
        else:
            continue
        taken[ent.start:ent.end] = [True] * (ent.end - ent.start)
    labels = ["" if lb in PLACE_LABELS else lb for lb in labels]
    scan(range(1, 2))
    return found


def _not_a_place(doc: Doc, ent: Span) -> bool:
    """A name the NER called a place that its words show is not one: a person's after an
    honorific ("Mr Lincoln", "Dr Jordan"), an adjective on a noun ("Olympic athletes")."""
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and before.lower_.rstrip(".") in HONORIFICS:
        return True
    return len(ent) == 1 and ent[0].pos_ == "ADJ" and ent[0].dep_ == "amod"


# prepositions that put what follows them on a map: "a post near X", "fighting around X"
NEAR_PREPS = frozenset({"near", "outside", "around"})


def _place_cued(doc: Doc, ent: Span) -> bool:
    """Whether the words around ``ent`` name it a place whatever the NER's label: a place
    noun after it ("the X region", "X province", "the X area") or before it ("the town of X",
    "the island province of X"); a preposition of nearness before it ("a post near X"), or
    "in"/"at" before a name the NER took for a product, a work or an event ("in X")."""
    nouns = place_nouns()
    after = ent.end < len(doc) and doc[ent.end].lower_ in nouns and doc[ent.end].pos_ != "PROPN"
    before = ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
        and doc[ent.start - 2].lower_ in nouns and doc[ent.start - 2].pos_ != "PROPN"
    prep = doc[ent.start - 1].lower_ if ent.start else ""
    located = prep in NEAR_PREPS or prep in ("in", "at") and ent.label_ not in ("PERSON", "ORG")
    return after or before or located


def _leading_country(doc: Doc, ent: Span) -> tuple[int, int, str] | None:
    """The state a body's name begins with ("the Uganda Development Bank", "the Chad
    Liberation Front"), as a toponym span; not the state a newspaper or a department is
    named after ("China Daily", "the United States Department of Justice")."""
    names = _country_names()
    first = next((t.i for t in ent if t.pos_ != "DET"), ent.end)
    for n in (3, 2, 1):
        if first + n >= ent.end:
            continue
        words = doc[first:first + n]
        if words.text in names and any(t.lower_ in BODY_HEADS for t in doc[first + n:ent.end]):
            return (words.start_char, words.end_char, "metonym")
    return None


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(n for n in gaz.scan
                     if any(loc.feature == "country" for loc in gaz.lookup(n)))


def _qualifiers(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Paris, Texas': the state or country after a comma, added when the NER missed it."""
    gaz = gazetteer()
    starts = {s for s, _, _ in spans}
    extra = []
    for _, end, _ in spans:
        m = _QUALIFIER.match(doc_text(doc), end)
        if not m:
            continue
        words = m.group(1).rstrip()
        for cut in range(len(words), 0, -1):
            piece = words[:cut].rstrip(" -")
            if piece != words[:cut] and cut != len(words):
                continue
            if gaz.divisions(piece):
                s = m.start(1)
                if s not in starts:
                    extra.append((s, s + len(piece), "qualifier"))
                break
    return extra


def _inside(loc: Location, division: Location) -> bool:
    return loc != division and loc.country == division.country and (
        division.feature != "admin" or loc.admin1 == division.admin1)


def within_of(doc: Doc, spans: list[tuple[int, int, str]]
            ) -> tuple[dict[str, Location], dict[str, Location]]:
    """'X, Y' where Y is a state or country: X narrowed to Y, and Y read as that division
    when X has a namesake inside it ('Buffalo, New York'; not 'West Palm Beach, New York')."""
    gaz = gazetteer()
    within: dict[str, Location] = {}
    fixed: dict[str, Location] = {}
    by_start = {s: (s, e) for s, e, _ in spans}
    for s, e, _ in spans:
        m = re.match(r"\s*,\s*", doc_text(doc)[e:e + 4])
        nxt = by_start.get(e + m.end()) if m else None
        if nxt is None:
            continue
        outer = doc_text(doc)[nxt[0]:nxt[1]]
        quals = gaz.divisions(outer)
        inner = doc_text(doc)[s:e]
        if not quals or any(loc.feature in ("country", "region", "admin")
                            for loc in gaz.lookup(inner)):  # "China, Japan", "Ohio, Texas"
            continue
        holding = [q for q in quals if any(_inside(c, q) for c, primary
                                           in gaz.candidates(inner) if primary)]
        if holding:
            within[norm(inner)] = max(holding, key=lambda q: q.prior)
            fixed.setdefault(norm(outer), within[norm(inner)])
        elif plain := [q for q in quals if q is not gaz.qualifiers.get(norm(outer))]:
            within[norm(inner)] = max(plain, key=lambda q: q.prior)
    return within, fixed


def _widen(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A capitalised word just before a span that makes a longer gazetteer name with it:
    'New London' where the NER found 'London'."""
    gaz = gazetteer()
    text = doc_text(doc)
    ends = {e for _, e, _ in spans}
    out = []
    for s, e, how in spans:
        m = _BEFORE.search(text, max(0, s - 16), s)
        wider = text[m.start():e] if m and m.start() not in ends else ""
        if wider and norm(wider) != norm(text[s:e]) and gaz.lookup(wider):  # not "The X"
            s = e - len(wider)
        out.append((s, e, how))
    return out


def spans_of(doc: Doc) -> list[tuple[int, int, str]]:
    """The article's toponym spans, sorted: (start, end, how found)."""
    text = doc_text(doc)
    spans = [sp for sp in _widen(doc, _spans(doc))  # not a street's name; a county's may be
             if text[sp[0]:sp[1]].endswith((" County", " Parish")) or not _STREET.match(text, sp[1])]
    spans += _qualifiers(doc, spans)
    spans += _dateline(text, spans)
    return sorted(set(spans))


def _dateline(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The dateline's place ("BRAZZAVILLE (Reuters) -", "PHNOM PENH -"), which the small NER
    does not read in capitals, when the gazetteer knows it and no span covers it."""
    found = dateline_name(text)
    if found is None or any(s < found[1] and found[0] < e for s, e, _ in spans):
        return []
    start, end = found
    return [(start, end, "dateline")] if gazetteer().candidates(text[start:end]) else []


_ABBREVIATED = re.compile(r"[A-Z][A-Za-z]?\.(?:[A-Z]\.)?|[A-Z]{2}")
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


def lists_of(doc: Doc, spans: list[tuple[int, int, str]]) -> list[list[int]]:
    """Runs of spans (indices) joined only by commas, "and" and "or": "Ohio, New York and
    Texas", "Ohio or Texas"; not two names and a comma, which is a place and its state
    ("Rockville, Maryland"), nor a name and an abbreviated state ("Washington, D.C.")."""
    text = doc_text(doc)
    gaps = [i > 0 and _LISTED.fullmatch(text, spans[i - 1][1], spans[i][0]) is not None
            for i in range(len(spans))]
    paired = {j for i, (s, e, _) in enumerate(spans)
              if gaps[i] and _ABBREVIATED.fullmatch(text, s, e) for j in (i - 1, i)}
    runs: list[list[int]] = []
    for i in range(len(spans)):
        if i in paired:
            continue
        if gaps[i] and runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 2
            or len(run) == 2 and "," not in text[spans[run[0]][1]:spans[run[1]][0]]]
