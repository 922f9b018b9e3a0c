"""news-dev: real news passages coded by hand, scored by ``data/news_dev/README.md``'s rules.

Each passage is extracted as an article of its own (its ``published`` date when the gold gives
one), all in one batch, and its document is scored against the passage's gold:

- actors: a produced actor matches a gold actor when its name equals the gold name (or the
  gold surname, for a produced person), or one of its mentions equals a gold mention (case,
  accents and a leading "the" ignored); a produced country matches a gold actor that names that
  country (the gold name is a name of its code in ``data/countries.tsv``).
- ``events_strict``: a type or type alternative; the source and the target each meet the gold
  side or one of its alternatives through the actor matches (an empty alternative means an
  empty side is right); CONSULT either way round. ``events_country``: the same type (or an
  alternative); the produced sources' countries meet the gold sources' countries (or both are
  empty), likewise the targets. Gold events are matched one-to-one, required ones first (a
  maximum matching that first pairs each report with the gold event its own words state, so
  the dates and places compared are those of the same act); optional events are neither
  missed nor false when produced; a second produced event for one gold event is a false
  positive. ``strict.TYPE`` and ``country.TYPE``
  rows split the counts by type (a match and a miss go to the gold type, a false positive to
  the produced type).
- ``actor_country_accuracy``: of the gold actors with a country, the share matched by a
  produced actor with that country.
- ``dates_*`` and ``places_*``: on the country-level matches (optional ones included) whose gold
  has a date or place, the share right (recall) and, of those eventwire gave, the share right
  (precision). A place agrees when the produced place's text or name equals the gold place or
  one contains the other.
- ``times_overlap`` / ``times``: gold times located in the text by their wording, matched one
  to one with produced times by overlapping span, ``times`` also by value; gold times without a
  value are not scored (nor the produced times on them); for passages without a publication
  date only absolute expressions (with a four-digit year) are scored.
- ``no_event_articles_clean``: of the passages with no gold event, the share given no event.

``misses`` writes, per passage, the required events missed and the false positives, with
what eventwire made of each sentence (``scripts/news_dev_misses.py`` prints it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..lexicon import lexicon
from ..ontology import EventType
from ..records import Actor, Document, Event, Time
from .gold import extract_documents, read_jsonl
from .scores import Report, Score
from .seed import fold_text, side_matches
from .timex import GoldTimex, score_timexes

__all__ = [
    "ArticleOutcome",
    "Matching",
    "actor_matches",
    "event_matches",
    "extract_records",
    "match_events",
    "match_table",
    "misses",
    "read_gold",
    "report_outcomes",
    "run",
    "score_article",
]

DATA = Path("data", "news_dev", "news_dev.jsonl")
YEAR = re.compile(r"\b\d{4}\b")  # an expression naming its year does not need the publication date
EVIDENCE_WIDTH = 240  # characters of evidence the misses dump shows

Gold = dict[str, Any]


def _key(text: str | None) -> str:
    key = fold_text(text)
    return key[4:] if key.startswith("the ") else key


def _gold_is_country(gold: Gold) -> bool:
    code = lexicon().country_names.get(_key(gold.get("name")))
    return code is not None and code == gold.get("country")


def actor_matches(actor: Actor, gold: Gold) -> bool:
    """The produced actor is the gold actor by name, surname, mention or country code."""
    gname, pname = _key(gold.get("name")), _key(actor.name)
    if pname and (pname == gname or (actor.kind == "person" and pname == gname.split(" ")[-1])):
        return True
    if actor.kind == "country" and actor.country and actor.country == gold.get("country") \
            and _gold_is_country(gold):
        return True
    gold_mentions = {_key(m) for m in gold.get("mentions", [])}
    return any(_key(m.text) in gold_mentions for m in actor.mentions)


def match_table(doc: Document, gold: Gold) -> dict[str, set[str]]:
    """gold actor id -> the ids of the produced actors that match it."""
    return {g["id"]: {a.id for a in doc.actors if actor_matches(a, g)} for g in gold.get("actors", [])}


def _types(g: Gold) -> set[str]:
    return {g["type"], *g.get("type_alternatives", [])}


def _sides(g: Gold) -> tuple[list[list[str]], list[list[str]]]:
    return ([g.get("source", []), *g.get("source_alternatives", [])],
            [g.get("target", []), *g.get("target_alternatives", [])])


def _meet(produced: set[str], gold: set[str], empty_ok: bool) -> bool:
    return bool(produced & gold) or (not produced and (not gold or empty_ok))


def event_matches(e: Event, g: Gold, table: dict[str, set[str]], countries: dict[str, str],
                  gold_countries: dict[str, str], strict: bool) -> bool:
    """Whether produced event ``e`` is gold event ``g``, strictly (actors) or by countries."""
    if e.type not in _types(g):
        return False
    src_sets, tgt_sets = _sides(g)
    if strict:
        def fits(ps: Sequence[str], pt: Sequence[str]) -> bool:
            return side_matches(list(ps), src_sets, table) and side_matches(list(pt), tgt_sets, table)
    else:
        gsrc = {c for s in src_sets for a in s if (c := gold_countries.get(a))}
        gtgt = {c for s in tgt_sets for a in s if (c := gold_countries.get(a))}
        empty_src, empty_tgt = any(not s for s in src_sets), any(not s for s in tgt_sets)

        def fits(ps: Sequence[str], pt: Sequence[str]) -> bool:
            psrc = {c for a in ps if (c := countries.get(a))}
            ptgt = {c for a in pt if (c := countries.get(a))}
            return _meet(psrc, gsrc, empty_src) and _meet(ptgt, gtgt, empty_tgt)
    return fits(e.source, e.target) or (g["type"] == "CONSULT" and fits(e.target, e.source))


@dataclass(slots=True, kw_only=True)
class Matching:
    """One passage's events matched one-to-one: produced index -> gold event id."""

    pairs: dict[int, str] = field(default_factory=dict)
    false: list[int] = field(default_factory=list)  # produced indexes matching no free gold event
    missed: list[str] = field(default_factory=list)  # required gold ids left unmatched
    duplicates: dict[int, list[str]] = field(default_factory=dict)  # false ones that fit taken gold


def _max_matching(edges: dict[int, list[str]], taken: dict[str, int]) -> None:
    """Kuhn's augmenting paths: extend ``taken`` (gold id -> produced index) as far as it goes."""
    def augment(pi: int, seen: set[str]) -> bool:
        for gid in edges.get(pi, []):
            if gid in seen:
                continue
            seen.add(gid)
            if gid not in taken or augment(taken[gid], seen):
                taken[gid] = pi
                return True
        return False

    for pi in sorted(edges):
        if pi not in taken.values():
            augment(pi, set())


def match_events(doc: Document, gold: Gold, table: dict[str, set[str]], strict: bool) -> Matching:
    """Required gold events first (as many as possible), then optional ones with what is left."""
    countries = {a.id: a.country for a in doc.actors if a.country}
    gold_countries = {a["id"]: a["country"] for a in gold.get("actors", []) if a.get("country")}
    golds = gold.get("events", [])
    spans = {g["id"]: _evidence_spans(doc.article.text, g) for g in golds}

    def distance(e: Event, gid: str) -> int:
        """0: the gold evidence holds the trigger; 1: it overlaps the event's sentence; 2: not."""
        if e.trigger and any(s <= e.trigger.start < t for s, t in spans[gid]):
            return 0
        return 1 if any(s < e.evidence.end and e.evidence.start < t for s, t in spans[gid]) else 2

    # a produced event tries first the gold events stated by its own words, then by its own
    # sentence, so that of two fitting pairings the one that pairs each report with its own
    # words is kept (the counts are the same either way; the dates and places compared are not)
    fits = {pi: sorted((g["id"] for g in golds
                        if event_matches(e, g, table, countries, gold_countries, strict)),
                       key=lambda gid, e=e: distance(e, gid))  # type: ignore[misc]
            for pi, e in enumerate(doc.events)}
    required = {g["id"] for g in golds if not g.get("optional")}
    taken: dict[str, int] = {}
    # pairs of an event with the gold its own words state first, then the rest as far as the
    # matching grows (an augmenting path moves a pair only when that matches one more)
    own = {pi: [g for g in gs if g in required and distance(doc.events[pi], g) == 0]
           for pi, gs in fits.items()}
    _max_matching(own, taken)
    _max_matching({pi: [g for g in gs if g in required] for pi, gs in fits.items()}, taken)
    used = set(taken.values())
    optional: dict[str, int] = {}
    _max_matching({pi: [g for g in gs if g not in required] for pi, gs in fits.items()
                   if pi not in used}, optional)
    taken.update(optional)
    out = Matching(pairs={pi: gid for gid, pi in taken.items()})
    out.false = [pi for pi in range(len(doc.events)) if pi not in out.pairs]
    out.duplicates = {pi: fits[pi] for pi in out.false if fits[pi]}
    out.missed = [g["id"] for g in golds if g["id"] in required and g["id"] not in taken]
    return out


@dataclass(slots=True, kw_only=True)
class ArticleOutcome:
    """What one passage got: both matchings, the actor table and the scored times."""

    gold: Gold
    doc: Document
    table: dict[str, set[str]]
    strict: Matching
    country: Matching
    times: dict[str, Score]


def _located(text: str, wording: str, nth: int) -> tuple[int, int] | None:
    """The span of the ``nth`` occurrence of ``wording`` (any case when the exact one is absent)."""
    for haystack, needle in ((text, wording), (text.lower(), wording.lower())):
        starts = [m.start() for m in re.finditer(re.escape(needle), haystack)]
        if starts:
            start = starts[min(nth, len(starts) - 1)]
            return start, start + len(needle)
    return None


def _evidence_spans(text: str, g: Gold) -> list[tuple[int, int]]:
    """Where the gold event's evidence strings stand in the text."""
    return [s for ev in [g.get("evidence", ""), *g.get("evidence_also", [])]
            if ev and (s := _located(text, ev, 0))]


def _time_scores(doc: Document, gold: Gold) -> dict[str, Score]:
    scores = {"timex_strict": Score(name="times_exact"), "timex_relaxed": Score(name="times_overlap"),
              "timex_value": Score(name="times")}
    text = doc.article.text
    absolute_only = doc.article.published is None
    seen: dict[str, int] = {}
    scored: list[GoldTimex] = []
    unscored: list[tuple[int, int]] = []
    for t in gold.get("times", []):
        nth = seen.get(t["text"], 0)
        seen[t["text"]] = nth + 1
        span = _located(text, t["text"], nth)
        if span is None:
            continue
        if t.get("value") is None or (absolute_only and not YEAR.search(t["text"])):
            unscored.append(span)
        else:
            scored.append(GoldTimex(start=span[0], end=span[1], value=t["value"]))

    def counted(p: Time) -> bool:
        if p.value is None or (absolute_only and not YEAR.search(p.text)):
            return False
        return not any(s < p.end and p.start < e for s, e in unscored)
    score_timexes(scored, [p for p in doc.times if counted(p)], scores, [0, 0])
    return scores


def score_article(gold: Gold, doc: Document) -> ArticleOutcome:
    """Match one passage's document against its gold."""
    table = match_table(doc, gold)
    return ArticleOutcome(gold=gold, doc=doc, table=table,
                          strict=match_events(doc, gold, table, strict=True),
                          country=match_events(doc, gold, table, strict=False),
                          times=_time_scores(doc, gold))


def _place_agrees(doc: Document, place_id: str | None, gold_place: str) -> bool:
    place = next((p for p in doc.places if p.id == place_id), None)
    if place is None:
        return False
    g = _key(gold_place)
    return any(k and (k == g or k in g or g in k) for k in (_key(place.text), _key(place.name)))


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _count_rows(outcomes: Sequence[ArticleOutcome], level: str,
                matching: Callable[[ArticleOutcome], Matching]) -> list[Score]:
    total = Score(name=f"events_{level}")
    rows = {t.value: Score(name=f"{level}.{t.value}") for t in EventType}
    for o in outcomes:
        m = matching(o)
        by_id = {g["id"]: g for g in o.gold.get("events", [])}
        for gid in m.pairs.values():
            if not by_id[gid].get("optional"):
                total.tp += 1
                rows[by_id[gid]["type"]].tp += 1
        for pi in m.false:
            total.fp += 1
            rows[o.doc.events[pi].type].fp += 1
        for gid in m.missed:
            total.fn += 1
            rows[by_id[gid]["type"]].fn += 1
    return [total, *rows.values()]


def report_outcomes(outcomes: Sequence[ArticleOutcome], gold_set: str = "news-dev") -> Report:
    """Event, actor, date, place and time scores over many passages."""
    strict = _count_rows(outcomes, "strict", lambda o: o.strict)
    country = _count_rows(outcomes, "country", lambda o: o.country)
    times = {name: Score(name=s.name) for name, s in outcomes[0].times.items()} if outcomes else {}
    actors_with_country = actors_right = 0
    dated = dated_right = dated_given = placed = placed_right = placed_given = 0
    for o in outcomes:
        for name, s in o.times.items():
            times[name].tp += s.tp
            times[name].fp += s.fp
            times[name].fn += s.fn
        countries = {a.id: a.country for a in o.doc.actors}
        for g in o.gold.get("actors", []):
            if g.get("country"):
                actors_with_country += 1
                actors_right += any(countries[i] == g["country"] for i in o.table[g["id"]])
        golds = {g["id"]: g for g in o.gold.get("events", [])}
        for pi, gid in o.country.pairs.items():
            e, g = o.doc.events[pi], golds[gid]
            if g.get("date"):
                dated += 1
                dated_given += e.date is not None
                dated_right += e.date == g["date"]
            if g.get("place"):
                placed += 1
                placed_given += e.place is not None
                placed_right += _place_agrees(o.doc, e.place, g["place"])
    quiet = [o for o in outcomes if not o.gold.get("events")]
    measures = {
        "articles": float(len(outcomes)),
        "actor_country_accuracy": _share(actors_right, actors_with_country),
        "dates_recall": _share(dated_right, dated),
        "dates_precision": _share(dated_right, dated_given),
        "dates_scored": float(dated),
        "places_recall": _share(placed_right, placed),
        "places_precision": _share(placed_right, placed_given),
        "places_scored": float(placed),
        "no_event_articles_clean": _share(sum(not o.doc.events for o in quiet), len(quiet)),
    }
    ordered = [strict[0], country[0], *times.values(), *strict[1:], *country[1:]]
    return Report(gold_set=gold_set, scores=ordered, measures=measures,
                  notes=["events: optional gold events are neither misses nor false positives; "
                         "a second event for one gold event is a false positive",
                         "strict.TYPE / country.TYPE: matches and misses by gold type, "
                         "false positives by produced type"])


def read_gold(shared: Path, limit: int | None = None) -> list[Gold]:
    """The gold passages, in file order (the first ``limit`` when given)."""
    return read_jsonl(shared / DATA, limit)


def _published(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def extract_records(records: Iterable[Gold]) -> list[Document]:
    """One document per passage, extracted in one batch."""
    from ..records import Article

    articles = [Article(id=str(r["article"]["id"]), text=str(r["article"]["text"]),
                        published=_published(r["article"].get("published")),
                        source=r["article"].get("source"), url=r["article"].get("url"))
                for r in records]
    return extract_documents(articles, "news-dev")


def run(shared: Path, limit: int | None = None) -> Report:
    """Extract every passage and score its events, actors, dates, places and times."""
    records = read_gold(shared, limit)
    docs = extract_records(records)
    return report_outcomes([score_article(r, d) for r, d in zip(records, docs, strict=True)])


# the misses dump ----------------------------------------------------------------------------

def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EVIDENCE_WIDTH else text[:EVIDENCE_WIDTH - 3] + "..."


def _gold_side(ids: Sequence[str], actors: dict[str, Gold]) -> str:
    if not ids:
        return "-"
    return ", ".join(f"{actors[i]['name']} ({actors[i].get('country') or '?'})" if i in actors
                     else i for i in ids)


def _produced_side(ids: Sequence[str], actors: dict[str, Actor]) -> str:
    if not ids:
        return "-"
    return ", ".join(f"{actors[i].name} ({actors[i].country or '?'})" if i in actors else i
                     for i in ids)


def _gold_line(g: Gold, actors: dict[str, Gold]) -> str:
    types = "/".join([g["type"], *g.get("type_alternatives", [])])
    line = f"{types} {_gold_side(g.get('source', []), actors)} -> {_gold_side(g.get('target', []), actors)}"
    alts = [f"source {_gold_side(s, actors)}" for s in g.get("source_alternatives", [])]
    alts += [f"target {_gold_side(t, actors)}" for t in g.get("target_alternatives", [])]
    if alts:
        line += "  [also: " + "; ".join(alts) + "]"
    return f"{line}  ({g.get('modality')})"


def _produced_line(e: Event, actors: dict[str, Actor]) -> str:
    return (f"{e.type} {_produced_side(e.source, actors)} -> {_produced_side(e.target, actors)}"
            f"  ({e.modality}, cameo {e.cameo or '-'})")


def _overlapping(doc: Document, g: Gold) -> list[Event]:
    """The produced events whose evidence overlaps one of the gold event's evidence strings."""
    spans = _evidence_spans(doc.article.text, g)
    return [e for e in doc.events
            if any(s < e.evidence.end and e.evidence.start < t for s, t in spans)]


def misses(outcomes: Sequence[ArticleOutcome], level: str = "strict",
           event_type: str | None = None) -> list[str]:
    """Readable lines, per passage, naming each required gold event missed and each false
    positive at ``level`` (strict or country), with what eventwire made of the sentence;
    ``event_type`` keeps the misses of that gold type and the false events of that type."""
    lines: list[str] = []
    for o in outcomes:
        m = o.strict if level == "strict" else o.country
        other = o.country if level == "strict" else o.strict
        golds = {g["id"]: g for g in o.gold.get("events", [])}
        missed = [gid for gid in m.missed if event_type in (None, golds[gid]["type"])]
        false = [pi for pi in m.false if event_type in (None, o.doc.events[pi].type)]
        if not missed and not false:
            continue
        gold_actors = {a["id"]: a for a in o.gold.get("actors", [])}
        actors = {a.id: a for a in o.doc.actors}
        n_req = sum(not g.get("optional") for g in golds.values())
        lines.append(f"== {o.doc.article.id} (published {o.doc.article.published or 'unknown'}): "
                     f"{n_req} required, {len(golds) - n_req} optional gold; "
                     f"{len(o.doc.events)} produced; {len(m.missed)} missed, {len(m.false)} false ==")
        other_hit = set(other.pairs.values())
        for gid in missed:
            g = golds[gid]
            flag = f"  <{'country' if level == 'strict' else 'strict'} level: matched>" \
                if gid in other_hit else ""
            lines.append(f"  MISS  {gid} {_gold_line(g, gold_actors)}{flag}")
            lines.append(f"        evidence: {_clip(g.get('evidence', ''))}")
            here = _overlapping(o.doc, g)
            lines.extend(f"        eventwire here: {_produced_line(e, actors)}" for e in here)
            if not here:
                lines.append("        eventwire here: nothing")
        for pi in false:
            e = o.doc.events[pi]
            why = (f"  <second event for {', '.join(m.duplicates[pi])}>" if pi in m.duplicates else "")
            if pi in other.pairs:
                why += f"  <{'country' if level == 'strict' else 'strict'} level: {other.pairs[pi]}>"
            lines.append(f"  FALSE {_produced_line(e, actors)}{why}")
            lines.append(f"        evidence: {_clip(e.evidence.text)}")
        lines.append("")
    return lines
