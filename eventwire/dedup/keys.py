"""The keys two reports are compared on: actor identities, places, content words, copies.

Lexicons come from ``data/``: ``story_function_words.txt`` (words that say nothing about which
event a sentence reports), ``titles.tsv`` and ``countries.tsv`` (titles, generic nouns and
demonyms: how an actor is named, not what was done).
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..registry import FEMALE_HONORIFICS, HONORIFICS, MALE_HONORIFICS

__all__ = ["MIN_COPIED_WORDS", "NEAR_BANDS", "NEAR_COPY_WORDS", "NEAR_ROWS", "STEM_LENGTH",
           "actor_keys", "content_words", "evidence_key", "naming_words", "near_keys",
           "normalise_name", "person_name", "place_keys", "title_words"]

# A content word is compared on its first letters: "elections", "election" and "electoral"
# are one word; so are "proposals" and "proposed".
STEM_LENGTH = 6
# A sentence copied word for word is a reprint of the same report, whatever the gap between
# the publication dates, when it has at least this many words ("He said it was wrong." recurs
# by chance; "Two more rail unions say they will join the walkout." hardly).
MIN_COPIED_WORDS = 8
# A near copy (an updated or edited version of the same sentence) shares at least this many
# content words and this share of all the content words of the two.
NEAR_COPY_WORDS = 4
# MinHash bands that find near copies: with 4 bands of 2 rows two sentences sharing 70% of
# their words share a band key with probability 1 - (1 - 0.7**2)**4 = 0.93.
NEAR_BANDS = 4
NEAR_ROWS = 2

_NON_WORD = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"[^\W\d_]{3,}")
# ``registry.actor_key`` of a name with nothing to fold to a slug: "x" and a hash.
_HASHED_KEY = re.compile(r"x[0-9a-f]{8}")
_LATIN = re.compile(r"[a-z0-9]")
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
def title_words() -> frozenset[str]:
    """Every word of a title or generic noun ("leader", "minister", "shadow", "party"): who
    acted, which actor matching compares, not what was done."""
    titles, _ = _generic_names()
    return frozenset(w for t in titles for w in t.split())


def naming_words(text: str, end: int) -> list[str]:
    """The capitalised words and titles right before a mention ("Lib Dem leader" of "Lib Dem
    leader Charles Kennedy"): part of how the actor is named."""
    out = []
    for word in reversed(text[:end].split()[-6:]):
        bare = word.strip(".,;:'\"()").removesuffix("'s")
        if not bare or not (bare[0].isupper() or bare.lower() in title_words()):
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


def person_name(actor: Mapping[str, Any]) -> str:
    """The name of a person's ``actor_key`` as ``normalise_name`` writes names
    ("tony-blair@GBR" -> "tony blair"); empty without a key, and for a key that is a hash of a
    name with no Latin letter or digit (the article's own name says more)."""
    key = actor.get("actor_key")
    if not key:
        return ""
    slug = str(key).split("@", 1)[0]
    if _HASHED_KEY.fullmatch(slug) and not _LATIN.search(normalise_name(actor.get("name"))):
        return ""
    return normalise_name(slug.replace("-", " "))  # "the-lib-dems": "lib dems", as a name


def actor_keys(actor: Mapping[str, Any]) -> frozenset[str]:
    """The keys under which an actor matches another article's actor.

    ``n:`` a proper name (a person's without "Mr"; an organisation's), ``s:`` a person's
    surname, ``g:`` a state's government acting (the state, or a governing body with no proper
    name) -- these are identities; ``c:`` the bare country is no identity, only a check.

    A person's name is the one of their ``actor_key`` when they have one (``person_name``:
    "Mr Blair" the registry knows as ``tony-blair@GBR`` is "tony blair", as is "Tony Blair"
    in another article), else the name the article gives; the honorific the article uses
    still tells "Mr Blair" from "Mrs Blair".
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
        known = person_name(actor)
        if known:
            words = known.split()
            while len(words) > 1 and words[0] in HONORIFICS:
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
    skip = set(_function_words()) | title_words()
    for name in names:
        skip.update(w.lower() for w in _WORD.findall(name))
    return frozenset(w[:STEM_LENGTH] for w in (m.lower() for m in _WORD.findall(text))
                     if w not in skip)


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
