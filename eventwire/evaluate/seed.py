"""Scoring one produced document against a gold file in the seed's format.

The matching rules are those of ``shared/seed/README.md``: actors by name, surname or
mention (countries by code); events by type + source + target (CONSULT either way round,
``*_alternatives`` and ``target_country`` honoured; a meeting written in news_dev's
reciprocal form, every party a source and no target, matches a directed gold meeting whose
source and target are among those parties), each gold event matched at most once,
strictly and at country level; quotes by kind, speaker and overlapping span; times by text
and value; places by country (and, for cities, within 25 km).
"""

from __future__ import annotations

import json
import math
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from ..times import period
from .scores import Report, Score

__all__ = ["fold_text", "run", "score_document", "side_matches"]


def fold_text(text: str | None) -> str:
    """Lower-case, accents stripped, curly apostrophes straightened, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").lower().split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _actor_matches(produced: dict[str, Any], gold: dict[str, Any]) -> bool:
    gname = fold_text(gold.get("name"))
    pname = fold_text(produced.get("name"))
    if pname and (pname == gname or pname == gname.split(" ")[-1]):
        return True
    if produced.get("kind") == "country" and gold.get("mentions") == [gold.get("name")]:
        return bool(produced.get("country")) and produced.get("country") == gold.get("country")
    gold_mentions = {fold_text(m) for m in gold.get("mentions", [])}
    return any(fold_text(m.get("text")) in gold_mentions for m in produced.get("mentions", [])
               if len(fold_text(m.get("text"))) > 3 or fold_text(m.get("text")) == gname)


def _match_table(doc: dict[str, Any], gold: dict[str, Any]) -> dict[str, set[str]]:
    """gold actor id -> produced actor ids that match it."""
    table: dict[str, set[str]] = {}
    for g in gold.get("actors", []):
        table[g["id"]] = {p["id"] for p in doc.get("actors", []) if _actor_matches(p, g)}
    return table


def side_matches(prod_ids: list[str], gold_sets: list[list[str]], table: dict[str, set[str]]) -> bool:
    """Some produced id matches an actor of one gold set (an empty set: the side is empty too)."""
    for gold_ids in gold_sets:
        if not gold_ids and not prod_ids:
            return True
        matched = set().union(*(table.get(g, set()) for g in gold_ids)) if gold_ids else set()
        if set(prod_ids) & matched:
            return True
    return False


def _countries(ids: list[str], by_id: dict[str, dict[str, Any]]) -> set[str]:
    return {c for i in ids if (c := by_id.get(i, {}).get("country"))}


def _event_match(p: dict[str, Any], g: dict[str, Any], table: dict[str, set[str]],
                 by_id: dict[str, dict[str, Any]], gold_by_id: dict[str, dict[str, Any]],
                 strict: bool) -> bool:
    if p.get("type") != g.get("type"):
        return False
    src_sets = [g.get("source", [])] + g.get("source_alternatives", [])
    tgt_sets = [g.get("target", [])] + g.get("target_alternatives", [])
    if strict:
        def direct(ps: list[str], pt: list[str]) -> bool:
            tgt_ok = side_matches(pt, tgt_sets, table)
            if not tgt_ok and g.get("target_country"):
                tgt_ok = g["target_country"] in _countries(pt, by_id)
            return side_matches(ps, src_sets, table) and tgt_ok
        ok = direct(p.get("source", []), p.get("target", []))
        if not ok and g["type"] == "CONSULT":
            ok = direct(p.get("target", []), p.get("source", []))
        if not ok and g["type"] == "CONSULT" and not p.get("target") and len(p.get("source", [])) > 1:
            ok = direct(p["source"], p["source"])  # the reciprocal form
        return ok
    gsrc = {gold_by_id[a]["country"] for s in src_sets for a in s if a in gold_by_id}
    gtgt = {gold_by_id[a]["country"] for s in tgt_sets for a in s if a in gold_by_id}
    if g.get("target_country"):
        gtgt.add(g["target_country"])
    psrc = _countries(p.get("source", []), by_id)
    ptgt = _countries(p.get("target", []), by_id)

    def fits(ps: set[str], pt: set[str]) -> bool:
        return bool(ps & gsrc) and (bool(pt & gtgt) or (not pt and not gtgt)
                                    or (not pt and any(not s for s in tgt_sets)))
    reciprocal = g["type"] == "CONSULT" and not ptgt and len(p.get("source", [])) > 1
    return fits(psrc, ptgt) or (g["type"] == "CONSULT" and fits(ptgt, psrc)) or (
        reciprocal and fits(psrc, psrc))


def _match_events(doc: dict[str, Any], gold: dict[str, Any], table: dict[str, set[str]],
                  strict: bool) -> tuple[Score, list[tuple[dict[str, Any], dict[str, Any]]]]:
    by_id = {a["id"]: a for a in doc.get("actors", [])}
    gold_by_id = {a["id"]: a for a in gold.get("actors", [])}
    score = Score(name="events_strict" if strict else "events_country")
    used: set[str] = set()
    pairs = []
    for p in doc.get("events", []):
        hit = next((g for g in gold.get("events", []) if g["id"] not in used
                    and _event_match(p, g, table, by_id, gold_by_id, strict)), None)
        if hit is None:
            score.fp += 1
        else:
            used.add(hit["id"])
            score.tp += 1
            pairs.append((p, hit))
    score.fn = len(gold.get("events", [])) - len(used)
    return score, pairs


def _date_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    if g.get("date"):
        return p.get("date") == g["date"]
    if g.get("date_range") and p.get("date"):
        # a date at the text's precision ("this week") is right when its period meets the range
        lo, hi = (date.fromisoformat(d) for d in g["date_range"])
        span = period(p["date"])
        return span is not None and span[0] <= hi and lo <= span[1]
    return p.get("date") is None or bool(g.get("date_range"))


def _quote_scores(doc: dict[str, Any], gold: dict[str, Any], table: dict[str, set[str]]) -> Score:
    text = doc["article"]["text"]
    norm_text = text.replace("’", "'")
    score = Score(name="quotes")
    used: set[str] = set()
    for q in doc.get("quotes", []):
        hit = None
        for g in gold.get("quotes", []):
            if g["id"] in used or g["kind"] != q.get("kind"):
                continue
            if q.get("speaker") not in table.get(g["speaker"], set()):
                continue
            gs = norm_text.find(g["starts_with"].replace("’", "'"))
            ge = norm_text.find(g["ends_with"].replace("’", "'"), max(gs, 0))
            if gs < 0 or ge < 0:
                continue
            ge += len(g["ends_with"])
            if q["start"] < ge and gs < q["end"]:
                hit = g
                break
        if hit is None:
            score.fp += 1
        else:
            used.add(hit["id"])
            score.tp += 1
    score.fn = len(gold.get("quotes", [])) - len(used)
    return score


def _time_scores(doc: dict[str, Any], gold: dict[str, Any]) -> Score:
    score = Score(name="times")
    golds = [(fold_text(g["text"]), g["value"]) for g in gold.get("times", [])]
    used: set[int] = set()
    for t in doc.get("times", []):
        i = next((k for k, (gt, gv) in enumerate(golds) if k not in used and gt == fold_text(t["text"])
                  and (gv == t.get("value") or _week_bound(gv, t.get("value")))), None)
        if i is None:
            score.fp += 1
        else:
            used.add(i)
            score.tp += 1
    score.fn = len(golds) - len(used)
    return score


def _week_bound(gold_value: str, value: str | None) -> bool:
    """An ISO-week gold value also accepts its Friday or Sunday as the bound (seed README)."""
    if not value or "-W" not in gold_value or len(value) != 10:
        return False
    from datetime import date

    year, week = gold_value.split("-W")
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return False
    iso = d.isocalendar()
    return iso.year == int(year) and iso.week == int(week) and iso.weekday in (5, 7)


def _place_scores(doc: dict[str, Any], gold: dict[str, Any]) -> Score:
    score = Score(name="places")
    golds = gold.get("places", [])
    used: set[int] = set()
    seen: set[str] = set()
    for p in doc.get("places", []):
        key = fold_text(p["text"])
        if key in seen:
            continue  # one judgement per toponym, as the gold lists each once
        seen.add(key)
        i = next((k for k, g in enumerate(golds) if k not in used and fold_text(g["text"]) == key), None)
        ok = False
        if i is not None:
            g = golds[i]
            ok = p.get("country") == g["country"]
            if ok and "lat" in g and g.get("lat") is not None and p.get("lat") is not None \
                    and p.get("feature") == "city":
                ok = _km(p["lat"], p["lon"], g["lat"], g["lon"]) <= 25.0
        if ok and i is not None:
            used.add(i)
            score.tp += 1
        else:
            score.fp += 1
    score.fn = len(golds) - len(used)
    return score


def score_document(doc: dict[str, Any], gold: dict[str, Any]) -> Report:
    """The seed-style report for one produced document."""
    table = _match_table(doc, gold)
    report = Report(gold_set=f"gold:{gold.get('article', {}).get('id', 'document')}")
    actors = Score(name="actors")
    matched_prod: set[str] = set()
    actor_ok = 0
    by_id = {a["id"]: a for a in doc.get("actors", [])}
    for g in gold.get("actors", []):
        ids = table[g["id"]]
        if ids:
            actors.tp += 1
            matched_prod |= ids
            if any(by_id[i].get("country") == g.get("country") and by_id[i].get("sector") == g.get("sector")
                   for i in ids):
                actor_ok += 1
        else:
            actors.fn += 1
    actors.fp = len([a for a in doc.get("actors", []) if a["id"] not in matched_prod])
    strict, pairs = _match_events(doc, gold, table, strict=True)
    country, _ = _match_events(doc, gold, table, strict=False)
    report.scores = [actors, strict, country, _quote_scores(doc, gold, table),
                     _time_scores(doc, gold), _place_scores(doc, gold)]
    n_gold_actors = max(len(gold.get("actors", [])), 1)
    report.measures["actors_country_sector_ok"] = actor_ok / n_gold_actors
    if pairs:
        report.measures["events_date_ok"] = sum(_date_ok(p, g) for p, g in pairs) / len(pairs)
        report.measures["events_modality_ok"] = sum(
            p.get("modality") == g.get("modality") for p, g in pairs) / len(pairs)
        report.measures["events_cameo_ok"] = sum(
            p.get("cameo") == g.get("cameo") for p, g in pairs) / len(pairs)
        report.measures["events_cameo_root_ok"] = sum(
            (p.get("cameo") or "")[:2] == (g.get("cameo") or "")[:2] for p, g in pairs) / len(pairs)
        report.measures["events_mode_ok"] = sum(
            p.get("mode") == g.get("mode") for p, g in pairs) / len(pairs)
        report.measures["events_attribution_ok"] = sum(
            (p.get("attributed_to") in table.get(g["attributed_to"], set())) if g.get("attributed_to")
            else p.get("attributed_to") is None for p, g in pairs) / len(pairs)
    report.measures["events_strict_matched"] = float(strict.tp)
    for p, g in pairs:
        report.notes.append(f"{g['id']} <- {p['id']} {p['type']} date={p.get('date')} "
                            f"modality={p.get('modality')} cameo={p.get('cameo')}/{g.get('cameo')}")
    return report


def run(shared: Path, limit: int | None = None) -> Report:
    """Extract the seed article and score it against its gold."""
    from datetime import date

    from ..pipeline import extract
    from ..records import Article

    seed = shared / "seed"
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    published = date.fromisoformat(gold["article"]["published"])
    text = (seed / "article.txt").read_text(encoding="utf-8")
    doc = extract(Article(id="article", text=text, published=published)).to_dict()
    report = score_document(doc, gold)
    report.gold_set = "seed"
    return report
