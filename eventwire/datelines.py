"""Datelines: the place and agency a wire story opens with ("BAGHDAD (Reuters) -",
"NAIROBI, Kenya (AP) --", "Kabul, Afghanistan -", "Lusaka: "), dated or not ("KISUMU, May 5
(Reuters) -", "MBALE, Uganda, 5 May 2021 (AFP) -", "MINSK, June 21. /TASS/.").

A dateline is no part of the story's first sentence and names no actor; its place is where
the report was filed, which the places stage finds as a toponym (wire datelines are in capitals,
which the small NER does not read as a place) and the actors and events stages read as the
story's seat.
"""

from __future__ import annotations

import re

from .lexicon import lexicon

__all__ = ["dateline_end", "dateline_name", "dateline_names_end"]

# A dateline sits in the first characters of the text, before a dash or the agency's name.
DATELINE_CHARS = 80
_DATELINE_END = re.compile(r"\s(?:[-\u2013\u2014]|\()|:\s|\.?\s/[A-Z]")
_DASH = re.compile(r"[-\u2013\u2014:]\s")
_SLASHED_AGENCY = re.compile(r"\.?\s/[A-Z][A-Za-z-]*/\.?\s")  # "MINSK, June 21. /TASS/. "
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# The filing date after the names: ", May 5", ", Sept. 13", ", 5 May 2021", ", June 21."
_FILED = re.compile(rf",\s*(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s+\d{{4}})?\.?\s*$")
DATELINE_AGENCY_CHARS = 40  # "(Reuters) -", "(AP) --", "(Agence France-Presse) -"


def dateline_end(text: str) -> int | None:
    """Where a dateline ("BAGHDAD (Reuters) -", "Kabul, Afghanistan -") ends, agency and
    dash included, if the text opens with one."""
    head = text[:DATELINE_CHARS]
    match = _DATELINE_END.search(head)
    if match is None or "\n" in head[:match.start()].strip():
        return None
    names = _names(head[:match.start()])
    words = names.replace(",", " ").split()
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return None  # a sentence, not a dateline
    if not (words[0].isupper() or "," in names or head[match.start() + 1] == "("
            or _agency(names)):
        return None  # "Mr Smith - who ..." opens a sentence; a dateline is "CITY", "City,
        # Country", has an agency, or is one ("Reuters - ", "Canadian Press - ")
    slashed = _SLASHED_AGENCY.match(head, match.start())
    if slashed is not None:
        return slashed.end()
    dash = _DASH.search(head, match.start())
    if dash is None or dash.start() - match.start() > DATELINE_AGENCY_CHARS:
        return None
    return dash.end()


def dateline_names_end(text: str) -> int | None:
    """Where a dateline's names end, before its agency and dash ("NAIROBI, Kenya" in
    "NAIROBI, Kenya (AP) --"), if the text opens with one."""
    end = dateline_end(text)
    if end is None:
        return None
    name_end = _DATELINE_END.search(text[:end])
    return len(_names(text[:name_end.start()])) if name_end else end


def dateline_name(text: str) -> tuple[int, int] | None:
    """The span of a dateline's first name, the place it was filed from ("PHNOM PENH" in
    "PHNOM PENH, Oct 2 (AFP) -"); None without a dateline or when the dateline is an agency
    alone ("Reuters - ")."""
    end = dateline_names_end(text)
    if end is None:
        return None
    first = text[:end].split(",")[0].rstrip(" .")
    start = len(first) - len(first.lstrip())
    if not first.strip() or _agency(first):
        return None
    return start, len(first)


def _names(head: str) -> str:
    """A dateline's names without the filing date after them ("KISUMU" of "KISUMU, May 5")."""
    filed = _FILED.search(head)
    return head[:filed.start()] if filed else head


def _agency(text: str) -> bool:
    """Whether ``text`` names a news agency or outlet ("Reuters", "AFP")."""
    found = lexicon().organisation(text.strip())
    return found is not None and found.sector == "JRN"
