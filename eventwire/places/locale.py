"""The article's locale: wording only local news of one country uses, and the words around
a name that show what kind of place it is.

A US local paper names its town bare ("Paris", "Dublin", "Athens") and leaves the state
unsaid; what gives the country away is the institutions it reports on: sheriffs, county
commissioners, school districts, state legislators, interstates. One such cue makes the
article American, and its country votes for its names (``resolve(context=...)``), so that a
bare town is read at home rather than abroad.

A name's own surroundings say more (``name_cues``): "the Lebanon City Council", "Jordan
Elementary School" or "12 Main St., Palestine" name a municipality, which no country is;
"a Lebanon man" a place whose people a country's demonym would otherwise name; "New York
state" and "the governor of Washington" a state.
"""

from __future__ import annotations

import re
from enum import StrEnum

__all__ = ["LOCAL_CUES", "STRENGTH", "NameCue", "local_countries", "name_cues"]

MIN_CUES = 1

# General US civic vocabulary: institutions that other English-speaking countries lack or name
# otherwise (not "city council", "county council", "high school", "elementary school", "township",
# "state legislature", "circuit court", "state highway": Canada, Britain, Ireland, India or New
# Zealand has them too).
LOCAL_CUES: dict[str, tuple[re.Pattern[str], ...]] = {"USA": tuple(re.compile(p, re.I) for p in (
    r"\bsheriff(?:'s|’s)? (?:office|department|deputy|deputies)\b",
    r"\bcounty (?:commission(?:ers?)?|supervisors?|attorney|prosecutor|clerk|jail|courthouse"
    r"|sheriff|auditor|treasurer|recorder|assessor|coroner)\b",
    r"\bpolice department\b",
    r"\bzoning (?:board|commission|appeals|ordinance|variance)\b|\bplanning and zoning\b",
    r"\b\d{3}-\d{3}-\d{4}\b|\(\d{3}\) ?\d{3}-\d{4}\b",  # a telephone number of the US plan
    r"\bboard of supervisors\b",
    r"\bschool district\b",
    r"\bstate (?:rep|sen)\.",
    r"\bstate (?:representative|senator|trooper|highway patrol)\b",
    r"\bstatehouse\b",
    r"\bzip code\b",
    r"\binterstate \d+\b",
    r"\bU\.?S\.? (?:highway|route) \d+\b",
    r"\bdistrict attorney\b",
))}


def local_countries(text: str) -> tuple[str, ...]:
    """ISO alpha-3 countries whose local-news wording the text carries (MIN_CUES distinct
    cues or more)."""
    return tuple(country for country, cues in LOCAL_CUES.items()
                 if sum(1 for cue in cues if cue.search(text)) >= MIN_CUES)


class NameCue(StrEnum):
    """What the text around a name shows it to denote (strongest first)."""

    SEAT = "seat"  # its council, mayor, schools, street address: a municipality
    STATE = "state"  # "New York state", "the state of Washington", its governor: a division
    RESIDENT = "resident"  # "a Lebanon man", "Jane Doe, 45, Lebanon": a town or a state


STRENGTH = {NameCue.SEAT: 3, NameCue.STATE: 2, NameCue.RESIDENT: 1}

# A municipality's institutions named after it ("Athens City Council", "Jordan middle school",
# "the City of Paris", "12 Main St., Lebanon"): neither a country nor a state has these.
_SEAT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:"
    r"(?:city|town|village|borough|township)\s+(?:council|hall|manager|commission|administrator"
    r"|clerk|attorney|limits|schools|government)"
    r"|(?:police|fire)\s+(?:department|dept\.|chief|station|officers?)"
    r"|firefighters|firemen|policemen"
    r"|(?:mayor|aldermen|selectmen|council\s?(?:man|men|woman|women|member))"
    r"|(?:(?:senior|junior)\s+)?(?:high|middle|elementary|primary|grade)\s+schools?"
    r"|(?:independent\s+)?school\s+(?:district|board)|(?:public|city|municipal)\s+library"
    r"|parks\s+(?:and|&)\s+recreation|civic\s+center|recreation\s+center"
    r"|chamber\s+of\s+commerce|street\s+(?:department|superintendent))\b", re.I)
_SEAT_BEFORE = re.compile(
    r"(?:\b(?:city|town|village|borough|township)\s+of"
    r"|\b\d+\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.]*\s+){1,3}(?:St|Street|Ave|Avenue|Road|Rd|Blvd"
    r"|Boulevard|Drive|Dr|Lane|Ln|Way|Pike|Highway|Hwy)\.?(?:\s+(?:North|South|East|West))?,)"
    r"\s+$", re.I)
# A state's own words: "New York state" (not "Ohio State", a university), its governor.
_STATE_AFTER = re.compile(r"(?:['’]s)?\s+(?:state\b(?![-\w])|(?:[Gg]overnor|Gov\.)\s)")
_STATE_BEFORE = re.compile(r"\b(?:[Ss]tate|[Gg]overnor)\s+of\s+$")
# Its people named after it: a country's would take its demonym ("a Lebanese man").
_RESIDENT_AFTER = re.compile(
    r"\s+(?:man|woman|men|women|residents?|couple|teen(?:ager)?s?|boy|girl|native|homeowners?)\b")
_RESIDENT_BEFORE = re.compile(r"[A-Z][a-z]+,\s+\d{1,3},\s+$")


def name_cues(text: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], NameCue]:
    """Spans whose surroundings show what they denote: a seat of local government, a state,
    or a place people live in that a country's demonym would otherwise name."""
    cues: dict[tuple[int, int], NameCue] = {}
    for s, e in spans:
        after, before = text[e:e + 40], text[max(0, s - 60):s]
        if _SEAT_AFTER.match(after) or _SEAT_BEFORE.search(before):
            cues[(s, e)] = NameCue.SEAT
        elif _STATE_AFTER.match(after) or _STATE_BEFORE.search(before):
            cues[(s, e)] = NameCue.STATE
        elif (_RESIDENT_AFTER.match(after) or _RESIDENT_BEFORE.search(before)) \
                and not text[s:e].isupper() and "." not in text[s:e]:  # "US men": a country
            cues[(s, e)] = NameCue.RESIDENT
    return cues
