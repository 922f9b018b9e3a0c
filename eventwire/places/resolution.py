"""Resolution: one location per distinct name, chosen by feature and population priors plus
the votes of the article's other places (one sense per discourse)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .gazetteer import Location, gazetteer, norm
from .locale import NameCue

__all__ = ["country_of", "resolve", "resolve_name"]

SHADOW_PENALTY = 4.0  # a town named like a country or region ("Mexico", Missouri)
ALIAS_PENALTY = 2.0
COUNTRY_VOTE, ADMIN_VOTE, NEIGHBOUR_VOTE = 2.0, 2.0, 1.0
# At most this many votes count: an article's country lifts its towns over small namesakes
# abroad, not over a world city ("London", Ohio against London in a US story); a shared state
# or province is stronger evidence and counts up to MAX_ADMIN_VOTES.
MAX_COUNTRY_VOTES, MAX_ADMIN_VOTES = 2.0, 3.0
# Among readings of (nearly) equal prior, the one whose state the article's other names can
# share wins the first round ("Clarke County" in Georgia beside "Athens").
SUPPORT_TIE = 0.01
# A town and a county the article names, the town lying in the county ("Decatur" and "DeKalb
# County"): each is the other's best evidence, worth three orders of magnitude of population.
CONTAIN_VOTE = 3.0
# A state the article names again and again is where it is (Indiana three times against
# Illinois and Ohio once): each further mention adds this much to its vote, up to twice.
REPEAT_VOTE = 0.25


def _score(loc: Location, primary: bool, votes: dict[str, float],
           admins: dict[tuple[str, str], float], shadowed: bool = False) -> float:
    """Prior plus the votes of the article's other places (own vote already removed)."""
    score = loc.prior - (0.0 if primary or loc.feature != "city" else ALIAS_PENALTY)
    if shadowed and loc.feature == "city":
        score -= SHADOW_PENALTY
    country = loc.country or ""
    if country and loc.feature != "country":
        score += COUNTRY_VOTE * min(votes.get(country, 0.0), MAX_COUNTRY_VOTES)
        if loc.admin1:
            score += ADMIN_VOTE * min(admins.get((country, loc.admin1), 0.0), MAX_ADMIN_VOTES)
    elif country:
        score += 0.5 * min(votes.get(country, 0.0), 3.0)
    if votes.get(country, 0.0) > 0 and loc.feature != "country":
        return score  # neighbours speak for a town only when the article names no country of it
    near = sum(min(votes.get(n, 0.0), 1.0) for n in gazetteer().neighbours.get(country, ()))
    return score + NEIGHBOUR_VOTE * min(near, 2.0)


def _support(cands: dict[str, list[tuple[Location, bool]]]) -> dict[tuple[str, Location], float]:
    """How well each candidate fits the article's other names: the best prior among each
    other name's readings in the same state or province, summed over those names (Decatur
    and DeKalb County, both in Georgia, back each other). A name that denotes a country or
    state lends no support through its namesake towns ("Queensland", Alberta)."""
    best: dict[tuple[str, str, str], float] = {}
    for k, found in cands.items():
        shadowed = any(c.feature != "city" and p for c, p in found)
        for loc, _ in found:
            if loc.country and loc.admin1 and loc.feature != "country" \
                    and not (shadowed and loc.feature == "city"):
                area = (k, loc.country, loc.admin1)
                best[area] = max(best.get(area, 0.0), max(loc.prior, 0.0))
    by_area: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
    for (k, country, admin1), prior in best.items():
        by_area[(country, admin1)].append((k, prior))
    return {(k, loc): sum(p for j, p in by_area.get((loc.country or "", loc.admin1), ()) if j != k)
            for k, found in cands.items() for loc, _ in found if loc.admin1}


def _containing(cands: dict[str, list[tuple[Location, bool]]]) -> dict[tuple[str, Location], float]:
    """Readings that another name's reading lies in or holds: a town and its county."""
    counties: dict[tuple[str | None, str, str], list[tuple[str, Location]]] = defaultdict(list)
    for k, found in cands.items():
        for loc, _ in found:
            if loc.feature == "division" and loc.admin1:
                counties[(loc.country, loc.admin1, norm(loc.name))].append((k, loc))
    held: dict[tuple[str, Location], float] = {}
    for k, found in cands.items():
        for loc, _ in found:
            if loc.feature != "city" or not loc.county:
                continue
            for j, county in counties.get((loc.country, loc.admin1, norm(loc.county)), ()):
                if j != k:
                    held[(k, loc)] = held[(j, county)] = 1.0
    return held


def _clear(loc: Location, cands: list[tuple[Location, bool]]) -> bool:
    """Whether a name's reading is beyond doubt: one country, or a far stronger prior."""
    if len({c.country for c, _ in cands}) == 1 or loc.feature in ("country", "admin"):
        return True
    return all(loc.prior - c.prior >= 2.0 for c, _ in cands if c.country != loc.country)


def _cued(key: str, found: list[tuple[Location, bool]],
          cue: NameCue | None) -> list[tuple[Location, bool]]:
    """The readings a cue leaves: a municipality's name its towns; a state's name its
    divisions (the state a city's name also denotes: "New York state"); a name whose
    residents are named after it ("a Lebanon man") all but its country."""
    if cue is NameCue.STATE:
        qualifier = gazetteer().qualifiers.get(key)
        found = found + [(qualifier, True)] if qualifier is not None else found
    keep = [(loc, p) for loc, p in found
            if cue is NameCue.SEAT and loc.feature == "city"
            or cue is NameCue.STATE and loc.feature in ("admin", "division")
            or cue is NameCue.RESIDENT and loc.feature != "country"]
    return keep or found


def resolve(names: list[str], context: Iterable[str] = (),
            within: dict[str, Location] | None = None,
            fixed: dict[str, Location] | None = None,
            cues: dict[str, NameCue] | None = None,
            named: Iterable[Location] = ()) -> dict[str, Location | None]:
    """One location per distinct name, chosen jointly (the article's places vote).

    ``within`` narrows a name to a division ('Paris, Texas'); ``fixed`` settles a name;
    ``cues`` says what the text shows some names to denote (``locale.name_cues``);
    ``named`` are states and countries the article names only inside other names ("the
    Texas Department of Transportation"): they vote as places do.
    """
    gaz = gazetteer()
    within, fixed, cues = within or {}, fixed or {}, cues or {}
    keys = list(dict.fromkeys(norm(n) for n in names))
    said = Counter(norm(n) for n in names)
    cands: dict[str, list[tuple[Location, bool]]] = {}
    for name in names:
        key = norm(name)
        if key in cands:
            continue
        found = [(fixed[key], True)] if key in fixed else gaz.candidates(name)
        q = within.get(key)
        if q is not None:
            narrowed = [(loc, p) for loc, p in found if loc.country == q.country
                        and (q.feature != "admin" or loc.admin1 == q.admin1) and loc != q]
            found = narrowed or found
        found = _cued(key, found, cues.get(key))
        named_in = {loc.country for loc, primary in found if primary}
        cands[key] = [(loc, p) for loc, p in found if p or loc.country not in named_in]
    base: Counter[str] = Counter({c: 2 for c in context})
    base_admins: Counter[tuple[str, str]] = Counter()
    for body in set(named):
        if body.country:
            base[body.country] += 1
            if body.feature == "admin" and body.admin1:
                base_admins[(body.country, body.admin1)] += 1
    support = _support(cands)
    inside = _containing(cands)
    choice: dict[str, Location | None] = {
        k: max(cands[k], key=lambda c: c[0].prior - (0 if c[1] else ALIAS_PENALTY)
               + SUPPORT_TIE * support.get((k, c[0]), 0.0)
               + CONTAIN_VOTE * inside.get((k, c[0]), 0.0))[0]
        if cands[k] else None for k in keys}
    for _ in range(2):
        votes: dict[str, float] = defaultdict(float, base)
        admins: dict[tuple[str, str], float] = defaultdict(float, base_admins)
        counted: set[Location] = set()  # one place, one vote ("US", "U.S.", "United States")
        for k in keys:
            loc = choice[k]
            if loc is None or loc.country is None or loc in counted:
                continue
            counted.add(loc)
            weight = 1.0 if _clear(loc, cands[k]) else 0.6
            if loc.feature == "admin":
                weight *= min(1.0 + REPEAT_VOTE * (said[k] - 1), 2.0)
            votes[loc.country] += weight
            if loc.admin1 and loc.feature != "country":
                admins[(loc.country, loc.admin1)] += weight
        for k in keys:
            loc = choice[k]
            if len(cands[k]) < 2 or loc is None:
                continue
            weight = 1.0 if _clear(loc, cands[k]) else 0.6
            v, a = defaultdict(float, votes), defaultdict(float, admins)
            v[loc.country or ""] -= weight
            a[(loc.country or "", loc.admin1)] -= weight
            shadowed = any(c.feature != "city" and p for c, p in cands[k])
            choice[k] = max(cands[k], key=lambda c: _score(c[0], c[1], v, a, shadowed)
                            + SUPPORT_TIE * support.get((k, c[0]), 0.0)
                            + CONTAIN_VOTE * inside.get((k, c[0]), 0.0))[0]
    return {k: choice[k] for k in keys}


def resolve_name(name: str, context_countries: Iterable[str] = ()) -> Location | None:
    """The most likely location of one name, given ISO alpha-3 countries in sight."""
    return resolve([name], context_countries).get(norm(name))


def country_of(name: str) -> str | None:
    """The ISO alpha-3 country of a place or country name, or None."""
    loc = resolve_name(name)
    if loc is not None and loc.country:
        return loc.country
    import countrynames

    code: str | None = countrynames.to_code_3(name)
    return code
