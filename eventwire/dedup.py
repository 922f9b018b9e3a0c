"""One real-world event across many articles: event reports -> stories (pure matching).

Every stored event is a *report*. Reports of the same real-world event share one *story*.
This module only decides; the SQL that loads candidate stories and writes them back lives in
``store/stories.py``. Assignment is incremental and greedy, in article order: a new report
joins the best-fitting story or founds one, whose id is the deterministic hash of its first
report (``stable_id("story", article_id, event_id)``), so the same articles in the same order
always give the same stories.

Two reports *agree* (``agree``) when they report the same event:

- the same PLOVER type and modality, and the same mode where both have one;
- the same actors by a specific identity (``actor_keys``): the same person (full name, or a
  bare surname that no other full name contradicts), the same named organisation, the same
  office of one state (never two different offices), or for a state the same government
  acting (the state, its government, or a member of it when the other names no one). A
  shared country and sector alone ("British people", "ministers") is no identity, except
  at one site: police of one country in the same city are the same police. At least one
  side must share an identity, no side may name two different ones, and two reports that
  each name someone the other does not are two events;
- compatible dates at the precision each is known (``2005`` spans the year, ``2005-02`` the
  month, an ISO week its seven days; an undated event takes its publication day): the
  periods lie within ``window`` days of each other;
- compatible places: two cities, regions or sites must be the same one; else the countries;
- agreeing evidence: the two evidence sentences share content words beyond the words that
  name the actors and the trigger (``MIN_SHARED_WORDS`` and ``MIN_WORD_OVERLAP`` of the
  shorter sentence's; more when no one is named; fewer when both sides are named).

The same evidence sentence word for word (``MIN_COPIED_WORDS``), or nearly (``_near_copy``:
an updated or edited version), is a reprint of the same report: it agrees at any date unless
both sentences date themselves differently, and a near copy needs no identity but must not
contradict one. A report joins a story (``fits``) only when it agrees with the story's
founding report, with more than half of its reports, or copies one of them; is date
compatible with every one of them (so a story never spans more than ``window`` days around
its reports, copies aside); and the story holds no report of its article yet: a story cannot
chain from one event to another through a series of near neighbours.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .records import stable_id
from .registry import FEMALE_HONORIFICS, HONORIFICS, MALE_HONORIFICS
from .times.periods import period_start, precision

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "MIN_SHARED_WORDS",
    "MIN_WORD_OVERLAP",
    "Report",
    "Story",
    "actor_keys",
    "agree",
    "assign",
    "content_words",
    "evidence_key",
    "fits",
    "near_keys",
    "normalise_name",
    "place_keys",
    "reports_of",
]

DEFAULT_WINDOW_DAYS = 3
# Two evidence sentences of one event share at least this many content words ("terror" and
# "bill", "rebate" and "EU"); fewer only when both sides name the same actors.
MIN_SHARED_WORDS = 2
# ... and at least this share of the shorter sentence's content words: two long sentences
# about different things share a couple of words by chance.
MIN_WORD_OVERLAP = 0.3
# When the actors agree only on an office or a government acting, no one named, the sentences
# must say more of the same: a Welsh and a Scottish finance minister both urge councils.
MIN_SHARED_WORDS_UNNAMED = 3
MIN_WORD_OVERLAP_UNNAMED = 0.5
# A near copy (an updated or edited version of the same sentence) shares at least this many
# content words and this share of all the content words of the two.
NEAR_COPY_WORDS = 4
NEAR_COPY_SHARE = 0.7
# MinHash bands that find near copies: with 4 bands of 2 rows two sentences sharing 70% of
# their words share a band key with probability 1 - (1 - 0.7**2)**4 = 0.93.
NEAR_BANDS = 4
NEAR_ROWS = 2
# A content word is compared on its first letters: "elections", "election" and "electoral"
# are one word; so are "proposals" and "proposed".
STEM_LENGTH = 6
# A sentence copied word for word is a reprint of the same report, whatever the gap between
# the publication dates, when it has at least this many words ("He said it was wrong." recurs
# by chance; "Other public sector unions have pledged to follow." hardly).
MIN_COPIED_WORDS = 8

_NON_WORD = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"[^\W\d_]{3,}")
_GOVERNING_SECTORS = frozenset({"GOV"})
_SPECIFIC_PLACES = frozenset({"city", "admin", "region", "other"})


def normalise_name(name: str | None) -> str:
    """Lower case, accents and punctuation removed, a leading 'the' dropped."""
    if not name:
        return ""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", text.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _data_lines(name: str) -> list[str]:
    text = resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def _function_words() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _data_lines("story_function_words.txt"))


@cache
def _generic_names() -> tuple[frozenset[str], frozenset[str]]:
    """Titles and generic nouns (``data/titles.tsv``: "government", "prime minister",
    "spokesperson") and demonyms (``data/countries.tsv``: "british"), normalised."""
    titles: set[str] = set()
    for row in csv.DictReader(_data_lines("titles.tsv"), delimiter="\t", quoting=csv.QUOTE_NONE):
        titles.add(normalise_name(row["title"]))
        titles.add(normalise_name(row.get("role")))
    demonyms: set[str] = set()
    for row in csv.DictReader(_data_lines("countries.tsv"), delimiter="\t",
                              quoting=csv.QUOTE_NONE):
        for value in (row.get("demonyms") or "").split("|"):
            demonyms.add(normalise_name(value))
    titles.discard("")
    demonyms.discard("")
    return frozenset(titles), frozenset(demonyms)


@cache
def _title_words() -> frozenset[str]:
    """Every word of a title or generic noun ("leader", "minister", "shadow", "party"): who
    acted, which actor matching compares, not what was done."""
    titles, _ = _generic_names()
    return frozenset(w for t in titles for w in t.split())


def _modifiers(text: str, end: int) -> list[str]:
    """The capitalised words and titles right before a mention ("Lib Dem leader" of "Lib Dem
    leader Charles Kennedy"): part of how the actor is named."""
    out = []
    for word in reversed(text[:end].split()[-6:]):
        bare = word.strip(".,;:'\"()").removesuffix("'s")
        if not bare or not (bare[0].isupper() or bare.lower() in _title_words()):
            break
        out.append(bare)
    return out


def _is_generic(name: str, kind: str | None) -> bool:
    """A title or generic noun ("Prime Minister", "British Government", "ministers"), not a
    proper name."""
    if kind == "group" or not name:
        return True
    titles, demonyms = _generic_names()
    words = name.split()
    while len(words) > 1 and words[0] in demonyms:
        words = words[1:]
    return " ".join(words) in titles


def actor_keys(actor: Mapping[str, Any]) -> frozenset[str]:
    """The keys under which an actor matches another article's actor.

    ``n:`` a proper name (a person's without "Mr"; an organisation's), ``s:`` a person's
    surname, ``g:`` a state's government acting (the state, or a governing body with no proper
    name) -- these are identities; ``c:`` the bare country is no identity, only a check.
    """
    keys: set[str] = set()
    kind = actor.get("kind")
    country, sector = actor.get("country"), actor.get("sector")
    name = normalise_name(actor.get("name"))
    words = name.split()
    gender = ""
    if kind == "person":
        while len(words) > 1 and words[0] in HONORIFICS:
            gender = gender or ("m" if words[0] in MALE_HONORIFICS else
                                "f" if words[0] in FEMALE_HONORIFICS else "")
            words = words[1:]
        name = " ".join(words)
    if country:
        keys.add(f"c:{country}")
    if kind == "country":
        if country:
            keys.add(f"g:{country}")
        return frozenset(keys)
    if country and sector in _GOVERNING_SECTORS:  # the government, or a member of it, acting
        keys.add(f"g:{country}")
    role = normalise_name(actor.get("role"))
    if kind == "person" and country and role:  # "the prime minister" of a country
        keys.add(f"r:{country}/{role}")
    if not _is_generic(name, kind):
        keys.add("n:" + name)
        if kind == "person":
            keys.add("s:" + words[-1])
            if gender:  # "Mrs Blair" is not "Mr Blair"
                keys.add(f"{gender}:{words[-1]}")
    elif country and sector:  # "police", "protesters": an identity only at one site
        keys.add(f"k:{country}/{sector}")
    return frozenset(keys)


def place_keys(place: Mapping[str, Any]) -> frozenset[str]:
    """``s:`` a city, region or site (GeoNames id, else name), ``t:`` the same for a city
    (a town is where a local group is one group); ``c:`` its country."""
    keys = set()
    if place.get("country"):
        keys.add("c:" + str(place["country"]))
    if place.get("feature") in _SPECIFIC_PLACES:
        gid = place.get("geonames_id")
        name = normalise_name(place.get("name"))
        site = str(gid) if gid is not None else name
        if site:
            keys.add("s:" + site)
            if place.get("feature") == "city":
                keys.add("t:" + site)
    return frozenset(keys)


def evidence_key(text: str | None) -> str:
    """A hash of the evidence sentence, insensitive to case, spacing and punctuation; empty
    for a sentence shorter than ``MIN_COPIED_WORDS`` words (a stock phrase recurs by chance)."""
    norm = normalise_name(text)
    if len(norm.split()) < MIN_COPIED_WORDS:
        return ""
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def content_words(text: str | None, names: Iterable[str] = ()) -> frozenset[str]:
    """The stems of a sentence's content words, without function words and the words of
    ``names`` (the event's actors: agreeing on them is what actor matching checks)."""
    if not text:
        return frozenset()
    skip = set(_function_words()) | _title_words()
    for name in names:
        skip.update(w.lower() for w in _WORD.findall(name))
    return frozenset(w[:STEM_LENGTH] for w in (m.lower() for m in _WORD.findall(text))
                     if w not in skip)


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _period(value: object) -> tuple[date, date] | None:
    """The first and last day of the period a TIMEX3 value (or a date) names."""
    if isinstance(value, date):
        return value, value
    text = None if value is None else str(value)
    start, kind = period_start(text), precision(text)
    if start is None or kind is None:
        return None
    if kind == "day":
        return start, start
    if kind == "week":
        return start, start + timedelta(days=6)
    if kind == "month":
        nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, nxt - timedelta(days=1)
    return start, date(start.year, 12, 31)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One event of one article, as deduplication sees it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None = None
    modality: str = "asserted"
    start: dt.date | None = None  # the period of the event (else its publication day)
    end: dt.date | None = None
    dated: bool = False  # the period comes from the text, not the publication date
    published: dt.date | None = None
    outlet: str | None = None  # the article's ``source``
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    evidence: str = ""
    source_name: str | None = None
    source_country: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    place_name: str | None = None

    @property
    def story_id(self) -> str:
        """The id of the story this report founds."""
        return stable_id("story", self.article_id, self.event_id)

    def keys(self) -> list[tuple[str, str]]:
        """What matching reads of this report, as (side, key) rows (``story_keys``)."""
        out = [(side, k) for side in ("source", "target") for k in sorted(getattr(self, side))]
        out += [("place", k) for k in sorted(self.places)]
        out += [("word", k) for k in sorted(self.words)]
        if self.evidence:
            out.append(("evidence", self.evidence))
        if self.start is not None and self.end is not None:
            out.append(("date", f"{self.start.isoformat()}/{self.end.isoformat()}"))
        if self.dated:
            out.append(("dated", "text"))
        out += [("near", k) for k in near_keys(self.words)]
        if self.mode:
            out.append(("mode", self.mode))
        if self.outlet:
            out.append(("outlet", self.outlet))
        return out

    def lookup_keys(self) -> list[tuple[str, str]]:
        """The keys under which candidate stories are looked up: identities and evidence."""
        return [(s, k) for s, k in self.keys()
                if (s in ("source", "target") and k[:2] not in ("c:", "m:", "f:"))
                or s in ("evidence", "near")]

    @classmethod
    def from_keys(cls, article_id: str, event_id: str, type_: str, modality: str,
                  keys: Iterable[tuple[str, str]]) -> Report:
        """A stored report back from its ``keys()`` rows."""
        sides: dict[str, set[str]] = {}
        for side, key in keys:
            sides.setdefault(side, set()).add(key)
        start = end = None
        if "date" in sides:
            first, last = min(sides["date"]).split("/")
            start, end = date.fromisoformat(first), date.fromisoformat(last)
        return cls(article_id=article_id, event_id=event_id, type=type_, modality=modality,
                   mode=min(sides["mode"]) if "mode" in sides else None, start=start, end=end,
                   dated="dated" in sides,
                   outlet=min(sides["outlet"]) if "outlet" in sides else None,
                   source=frozenset(sides.get("source", ())),
                   target=frozenset(sides.get("target", ())),
                   places=frozenset(sides.get("place", ())),
                   words=frozenset(sides.get("word", ())),
                   evidence=min(sides["evidence"]) if "evidence" in sides else "")


def reports_of(doc: Mapping[str, Any]) -> list[Report]:
    """The reports of one document in ``Document.to_dict()`` shape, in event order."""
    article = doc["article"]
    published = _as_date(article.get("published"))
    actors = {a["id"]: a for a in doc.get("actors", ())}
    places = {p["id"]: p for p in doc.get("places", ())}
    out = []
    for event in doc.get("events", ()):
        sources = [actors[i] for i in event.get("source", ()) if i in actors]
        targets = [actors[i] for i in event.get("target", ()) if i in actors]
        place = places.get(event.get("place") or "")
        dated = _period(event.get("date"))
        period = dated or ((published, published) if published is not None else None)
        names = [str(a.get("name") or "") for a in (*sources, *targets)]
        evidence = event.get("evidence") or {}
        text = evidence.get("text")
        first = evidence.get("start") or 0
        for mention in (m for a in (*sources, *targets) for m in a.get("mentions") or ()):
            names.append(mention["text"])
            if text and first <= mention["start"] <= first + len(text):
                names += _modifiers(text, mention["start"] - first)
        trigger = event.get("trigger") or {}
        if trigger.get("end"):  # the verb says the type, already compared
            names.append(str(article.get("text") or "")[trigger["start"]:trigger["end"]])
        out.append(Report(
            article_id=str(article["id"]),
            event_id=str(event["id"]),
            type=str(event["type"]),
            mode=event.get("mode"),
            modality=str(event.get("modality") or "asserted"),
            start=period[0] if period else None,
            end=period[1] if period else None,
            dated=dated is not None,
            published=published,
            outlet=article.get("source"),
            source=frozenset().union(*(actor_keys(a) for a in sources)),
            target=frozenset().union(*(actor_keys(a) for a in targets)),
            places=place_keys(place) if place else frozenset(),
            words=content_words(text, names),
            evidence=evidence_key(text),
            source_name=sources[0]["name"] if sources else None,
            source_country=sources[0].get("country") if sources else None,
            target_name=targets[0]["name"] if targets else None,
            target_country=targets[0].get("country") if targets else None,
            place_name=place.get("name") if place else None,
        ))
    return out


def _names_by_surname(keys: frozenset[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key in keys:
        if key.startswith("n:") and " " in key:
            out.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
    return out


def _prefixed(keys: frozenset[str], prefix: str) -> set[str]:
    return {k for k in keys if k.startswith(prefix)}


def _side(mine: frozenset[str], theirs: frozenset[str]) -> str | bool | None:
    """``"name"``: one named identity on this side; ``"office"``: the same office or
    government acting, no name on one side; False: they contradict; None: nothing to compare.

    Named on both sides: the same name, or a bare surname no full name contradicts. Else the
    same office ("r:", "the chancellor" and Gordon Brown, the chancellor), never two
    different ones; else the same government acting ("g:").
    """
    ids_a = mine - _prefixed(mine, "c:") - _prefixed(mine, "k:")
    ids_b = theirs - _prefixed(theirs, "c:") - _prefixed(theirs, "k:")
    if ids_a and ids_b:
        shared = ids_a & ids_b
        for surname in {k[2:] for k in _prefixed(mine, "m:") if "f:" + k[2:] in theirs} | {
                k[2:] for k in _prefixed(mine, "f:") if "m:" + k[2:] in theirs}:
            shared -= {"n:" + surname, "s:" + surname}  # "Mr Blair" is not "Mrs Blair"
        if _prefixed(shared, "n:"):
            return "name"
        if _prefixed(ids_a, "n:") and _prefixed(ids_b, "n:"):
            full_a, full_b = _names_by_surname(mine), _names_by_surname(theirs)
            for key in _prefixed(shared, "s:"):  # a bare surname, unless two full names differ
                surname = key[2:]
                if full_a.get(surname) and full_b.get(surname):
                    continue
                return "name"
            return False
        if _prefixed(shared, "r:"):
            return "office"
        if _prefixed(ids_a, "r:") and _prefixed(ids_b, "r:"):
            return False  # two different offices
        return "office" if _prefixed(shared, "g:") else False
    countries_a, countries_b = _prefixed(mine, "c:"), _prefixed(theirs, "c:")
    if countries_a and countries_b and countries_a.isdisjoint(countries_b):
        return False
    if not ids_a and not ids_b and _prefixed(mine & theirs, "k:"):
        return "local"  # the same kind of group of one country: the same one at one site
    return None


def _participants(report: Report) -> set[str]:
    """The people (by surname) and named organisations a report names, on either side."""
    keys = report.source | report.target
    surnames = _prefixed(keys, "s:")
    return surnames | {k for k in _prefixed(keys, "n:")
                       if "s:" + k[2:].rsplit(" ", 1)[-1] not in surnames}


def _copied(a: Report, b: Report) -> bool:
    """The same evidence sentence, word for word, long enough not to be a stock phrase."""
    return bool(a.evidence) and a.evidence == b.evidence


def _near_copy(a: Report, b: Report) -> bool:
    """The sentence of an updated or lightly edited version of the same report: nearly all
    content words the same ("Up to 1.4m workers could take part in a strike" and "Up to 1.4
    million workers could take part in strikes")."""
    shared = len(a.words & b.words)
    union = len(a.words | b.words)
    return shared >= NEAR_COPY_WORDS and shared >= NEAR_COPY_SHARE * union


@lru_cache(maxsize=1 << 16)
def near_keys(words: frozenset[str]) -> tuple[str, ...]:
    """Locality-sensitive keys of a sentence's content words (MinHash, in bands): two
    sentences that are near copies share one with high probability, so the store finds them
    at any date without comparing every pair. One BLAKE2 digest of each word gives its
    ``NEAR_BANDS * NEAR_ROWS`` hash values, four bytes each."""
    if len(words) < NEAR_COPY_WORDS:
        return ()
    digests = [hashlib.blake2b(w.encode("utf-8"), digest_size=4 * NEAR_BANDS * NEAR_ROWS)
               .hexdigest() for w in words]
    minima = [min(d[8 * i:8 * i + 8] for d in digests) for i in range(NEAR_BANDS * NEAR_ROWS)]
    return tuple(f"{b}:" + "".join(minima[b * NEAR_ROWS:(b + 1) * NEAR_ROWS])
                 for b in range(NEAR_BANDS))


def _in_time(a: Report, b: Report, window: int) -> bool:
    """Whether the two reports' dates allow one event (see ``agree``): within ``window`` days,
    the same day when both sentences name their day."""
    if _copied(a, b):
        # a reprint, however much later (its own "on Monday" was read against another
        # publication date)
        return True
    gap = _gap(a, b)
    if _near_copy(a, b):  # an edited reprint: the same unless both date it far apart
        return not (a.dated and b.dated) or (gap is not None and gap <= window)
    days = a.dated and b.dated and a.start == a.end and b.start == b.end
    return gap is not None and gap <= (0 if days else window)


def _gap(a: Report, b: Report) -> int | None:
    """Days between the two reports' periods (0 when they overlap); None when one is undated."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return None
    if a.end < b.start:
        return (b.start - a.end).days
    if b.end < a.start:
        return (a.start - b.end).days
    return 0


def _places(a: frozenset[str], b: frozenset[str]) -> bool | None:
    if not a or not b:
        return None
    specific_a = {k for k in a if k.startswith("s:")}
    specific_b = {k for k in b if k.startswith("s:")}
    if specific_a and specific_b:
        return not specific_a.isdisjoint(specific_b)
    return not a.isdisjoint(b)


def _words(a: frozenset[str], b: frozenset[str], place: bool = False,
           named: int = 1) -> float | None:
    """The share of the shorter sentence's content words the other shares, when enough.

    ``named``: on how many sides (0-2) the reports name the same actor. With none named
    (``"the government"`` and ``"the finance minister"``) the sentences must say more of the
    same; with both sides named ("Blair met Bush") a short sentence may say less. The same
    city or site (``place``) counts as one more shared word."""
    shorter = min(len(a), len(b)) + place
    shared = len(a & b) + place
    least, share = ((MIN_SHARED_WORDS, MIN_WORD_OVERLAP) if named
                    else (MIN_SHARED_WORDS_UNNAMED, MIN_WORD_OVERLAP_UNNAMED))
    if named == 2:
        least = min(least, shorter)
    if shorter == 0:
        return 0.0 if least == 0 else None
    if shared < least or shared / shorter < share:
        return None
    return shared / shorter


def agree(a: Report, b: Report, window: int = DEFAULT_WINDOW_DAYS) -> float | None:
    """How surely two reports report one event; None when they do not (module docstring)."""
    if a.type != b.type or a.modality != b.modality:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    same_text = _copied(a, b)
    gap = _gap(a, b)
    if not _in_time(a, b, window):
        return None
    score = 1.0 - min(gap, window + 1) / (window + 1) if gap is not None else 0.0
    if same_text:
        return score + 7.0
    near = _near_copy(a, b)
    mine, theirs = _participants(a), _participants(b)
    if len(mine) > 1 and len(theirs) > 1 and mine - theirs and theirs - mine:
        return None  # each names someone the other does not: another meeting, another deal
    place = _places(a.places, b.places)
    if place is False:
        return None
    same_site = bool(place) and not _prefixed(a.places, "s:").isdisjoint(
        _prefixed(b.places, "s:"))
    same_town = not _prefixed(a.places, "t:").isdisjoint(_prefixed(b.places, "t:"))
    found = [_side(a.source, b.source), _side(a.target, b.target)]
    if False in found:
        return None
    # the police of one country acting in the same city are the same police; not the target
    # (its actors: the victims of two bombings in one city are not thereby one group)
    found[0] = ("name" if same_town else None) if found[0] == "local" else found[0]
    found[1] = None if found[1] == "local" else found[1]
    matched = sum(f is not None for f in found)
    if near:  # the same sentence, lightly edited: no identity needed, none contradicts
        for f, side in zip(found, ("source", "target"), strict=True):
            ids = [bool(k - _prefixed(k, "c:") - _prefixed(k, "k:"))
                   for k in (getattr(a, side), getattr(b, side))]
            if f is None and getattr(a, side) and getattr(b, side) and ids[0] != ids[1]:
                return None  # "Tony Blair" and "British people" in the same words
        return score + 5.0 + 2.0 * matched
    if matched == 0:
        return None
    named = found.count("name")
    overlap = _words(a.words, b.words, same_site, named)
    if overlap is None:
        return None
    return score + 2.0 * matched + 2.0 * overlap + (1.0 if place else 0.0)


@dataclass(slots=True, kw_only=True)
class Story:
    """A story while reports are assigned: its row (``STORY_COLUMNS``) and its reports."""

    story_id: str
    type: str
    mode: str | None
    modality: str
    source_name: str | None
    source_country: str | None
    target_name: str | None
    target_country: str | None
    date: dt.date | None
    last_date: dt.date | None
    place_name: str | None
    n_reports: int
    first_published: dt.date | None
    last_published: dt.date | None
    num_articles: int = 0
    num_sources: int = 0
    reports: list[Report] = field(default_factory=list)
    is_new: bool = False
    added: list[Report] = field(default_factory=list)  # reports joined in this batch

    @classmethod
    def found(cls, report: Report) -> Story:
        return cls(story_id=report.story_id, type=report.type, mode=report.mode,
                   modality=report.modality, source_name=report.source_name,
                   source_country=report.source_country, target_name=report.target_name,
                   target_country=report.target_country, date=report.start,
                   last_date=report.end, place_name=report.place_name, n_reports=0,
                   first_published=report.published, last_published=report.published,
                   is_new=True)

    def join(self, report: Report) -> None:
        self.reports.append(report)
        self.added.append(report)
        self.n_reports += 1
        self.num_articles = len({r.article_id for r in self.reports})
        self.num_sources = len({r.outlet for r in self.reports if r.outlet})
        starts = [d for d in (self.date, report.start) if d is not None]
        ends = [d for d in (self.last_date, report.end) if d is not None]
        self.date = min(starts) if starts else None
        self.last_date = max(ends) if ends else None
        pubs = [d for d in (self.first_published, self.last_published, report.published)
                if d is not None]
        self.first_published, self.last_published = (min(pubs), max(pubs)) if pubs else (None, None)
        self.mode = self.mode or report.mode
        if self.source_name is None:
            self.source_name, self.source_country = report.source_name, report.source_country
        if self.target_name is None:
            self.target_name, self.target_country = report.target_name, report.target_country
        self.place_name = self.place_name or report.place_name


def fits(report: Report, story: Story, window: int = DEFAULT_WINDOW_DAYS) -> float | None:
    """How well a report fits a story; None when it may not join (module docstring)."""
    if report.type != story.type or report.modality != story.modality or not story.reports:
        return None
    if any(member.article_id == report.article_id for member in story.reports):
        return None
    copied = any(_copied(report, member) for member in story.reports)
    near = any(_near_copy(report, member) and agree(report, member, window) is not None
               for member in story.reports)
    scores = []
    founder_agrees = copied or near  # a reprint goes where its sentence went
    for member in story.reports:
        if not copied and not _in_time(report, member, window):
            return None
        score = agree(report, member, window)
        if score is not None:
            scores.append(score)
            founder_agrees |= member.story_id == story.story_id
    if not founder_agrees and 2 * len(scores) <= len(story.reports):
        return None
    return sum(scores) / len(story.reports) + (7.0 if copied else 0.0)


def assign(reports: Sequence[Report], stories: dict[str, Story],
           window: int = DEFAULT_WINDOW_DAYS) -> dict[tuple[str, str], str]:
    """Put each report, in order, into the best-fitting story of ``stories`` (the candidates
    loaded for this batch, updated in place; new stories are added); ``(article_id,
    event_id) -> story_id``. Ties go to the smaller story id, so the result never depends on
    the order the candidates were loaded in."""
    index: dict[tuple[str, str], set[str]] = {}
    for story in stories.values():
        for member in story.reports:
            for key in member.lookup_keys():
                index.setdefault(key, set()).add(story.story_id)
    out: dict[tuple[str, str], str] = {}
    for report in reports:
        found: set[str] = set()
        for key in report.lookup_keys():
            found |= index.get(key, set())
        best: tuple[float, str] | None = None
        for sid in sorted(found):
            score = fits(report, stories[sid], window)
            if score is not None and (best is None or score > best[0]):
                best = (score, sid)
        if best is None:
            story = stories[report.story_id] = Story.found(report)
        else:
            story = stories[best[1]]
        story.join(report)
        for key in report.lookup_keys():
            index.setdefault(key, set()).add(story.story_id)
        out[(report.article_id, report.event_id)] = story.story_id
    return out
