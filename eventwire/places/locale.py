"""The article's locale: wording only local news of one country uses.

A US local paper names its town bare ("Paris", "Dublin", "Athens") and leaves the state
unsaid; what gives the country away is the institutions it reports on: sheriffs, county
commissioners, school districts, state legislators, interstates. One such cue makes the
article American, and its country votes for its names (``resolve(context=...)``), so that a
bare town is read at home rather than abroad.
"""

from __future__ import annotations

import re

__all__ = ["LOCAL_CUES", "local_countries"]

MIN_CUES = 1

# General US civic vocabulary: institutions that other English-speaking countries lack or name
# otherwise (not "city council", "county council", "high school", "elementary school", "township",
# "state legislature", "circuit court", "state highway": Canada, Britain, Ireland, India or New
# Zealand has them too).
LOCAL_CUES: dict[str, tuple[re.Pattern[str], ...]] = {"USA": tuple(re.compile(p, re.I) for p in (
    r"\bsheriff(?:'s|’s)? (?:office|department|deputy|deputies)\b",
    r"\bcounty (?:commission(?:ers?)?|supervisors?|attorney|prosecutor|clerk|jail|courthouse"
    r"|sheriff)\b",
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
