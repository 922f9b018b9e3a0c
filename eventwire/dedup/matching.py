"""Whether two reports report one event (``agree``); the rules are in the package docstring."""

from __future__ import annotations

from .keys import NEAR_COPY_WORDS
from .reports import Report

__all__ = ["DEFAULT_WINDOW_DAYS", "MIN_SHARED_WORDS", "MIN_SHARED_WORDS_UNNAMED",
           "MIN_WORD_OVERLAP", "MIN_WORD_OVERLAP_UNNAMED", "NEAR_COPY_SHARE", "agree",
           "copied", "in_time", "near_copy"]

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
# A near copy (an updated or edited version of the same sentence) shares at least
# ``NEAR_COPY_WORDS`` content words and this share of all the content words of the two.
NEAR_COPY_SHARE = 0.7


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


def copied(a: Report, b: Report) -> bool:
    """The same evidence sentence, word for word, long enough not to be a stock phrase."""
    return bool(a.evidence) and a.evidence == b.evidence


def near_copy(a: Report, b: Report) -> bool:
    """The sentence of an updated or lightly edited version of the same report: nearly all
    content words the same ("Up to 2.3m nurses could join a walkout" and "Up to 2.3
    million nurses could join walkouts")."""
    shared = len(a.words & b.words)
    union = len(a.words | b.words)
    return shared >= NEAR_COPY_WORDS and shared >= NEAR_COPY_SHARE * union


def in_time(a: Report, b: Report, window: int) -> bool:
    """Whether the two reports' dates allow one event (see ``agree``): within ``window`` days,
    the same day when both sentences name their day."""
    if copied(a, b):
        # a reprint, however much later (its own "on Monday" was read against another
        # publication date)
        return True
    gap = _gap(a, b)
    if near_copy(a, b):  # an edited reprint: the same unless both date it far apart
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
    """How surely two reports report one event; None when they do not (package docstring)."""
    if a.type != b.type or a.modality != b.modality:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    same_text = copied(a, b)
    gap = _gap(a, b)
    if not in_time(a, b, window):
        return None
    score = 1.0 - min(gap, window + 1) / (window + 1) if gap is not None else 0.0
    if same_text:
        return score + 7.0
    near = near_copy(a, b)
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
