"""One real-world event across many articles: event reports -> stories.

Every stored event is a *report*. Reports of the same real-world event (the same PLOVER type
and modality, matching source/target actors, dates within a window, compatible places) share
one *story*. Assignment is incremental and greedy, in the order articles are stored: a new
report joins the best-matching existing story or founds a new one, whose id is the
deterministic hash of its first report (``stable_id("story", article_id, event_id)``). The same
input in the same order therefore always gives the same stories, and a resumed run gives the
stories of an uninterrupted one.

Matching rules (``match``):

- same ``type`` and same ``modality`` (an announced visit is not the visit);
- actors: each side (source, target) is compared through *keys*: the normalised name, a
  person's surname, ``country/sector`` and, for a state or its government, the bare country.
  A side where both reports name actors must share a key; at least one side must match;
- dates: the event date (else the publication date) must lie within ``window`` days of every
  dated report of the story; undated reports only join a story that holds the same
  evidence sentence word for word (a copied article or a reprinted wire story);
- places: when both name places they must share a name, GeoNames id or country.

Tables (see ``store/schema.py``): ``stories`` (one row per story), ``story_reports`` (story ->
reports) and ``events.story_id`` (event -> story), plus ``story_keys``, the matching keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .records import stable_id

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "Candidate",
    "Report",
    "actor_keys",
    "assign_batch",
    "match",
    "normalise_name",
    "reports_of",
]

DEFAULT_WINDOW_DAYS = 3

_NON_WORD = re.compile(r"[^\w\s]+")
_GOVERNING_SECTORS = frozenset({"GOV"})


def normalise_name(name: str | None) -> str:
    """Lower case, accents and punctuation removed, a leading 'the' dropped."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", text.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def actor_keys(actor: Mapping[str, Any]) -> frozenset[str]:
    """The keys under which an actor matches another article's actor."""
    keys: set[str] = set()
    name = normalise_name(actor.get("name"))
    if name:
        keys.add("n:" + name)
        words = name.split()
        if actor.get("kind") == "person" and len(words) > 1:
            keys.add("n:" + words[-1])
    country, sector = actor.get("country"), actor.get("sector")
    if country and sector:
        keys.add(f"cs:{country}/{sector}")
    if country and (actor.get("kind") == "country" or sector in _GOVERNING_SECTORS):
        keys.add(f"c:{country}")
    return frozenset(keys)


def _place_keys(place: Mapping[str, Any]) -> frozenset[str]:
    keys = set()
    if place.get("geonames_id") is not None:
        keys.add(f"g:{place['geonames_id']}")
    name = normalise_name(place.get("name"))
    if name:
        keys.add("n:" + name)
    if place.get("country"):
        keys.add("c:" + str(place["country"]))
    return frozenset(keys)


def evidence_key(text: str | None) -> str:
    """A hash of the evidence sentence, insensitive to case, spacing and punctuation."""
    norm = normalise_name(text)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16] if norm else ""


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One event of one article, as deduplication sees it."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    modality: str
    date: dt.date | None  # the event date, else the publication date
    published: dt.date | None
    source: frozenset[str]
    target: frozenset[str]
    places: frozenset[str]
    evidence: str
    source_name: str | None = None
    source_country: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    place_name: str | None = None

    def keys(self) -> set[tuple[str, str]]:
        out = {("source", k) for k in self.source} | {("target", k) for k in self.target}
        out |= {("place", k) for k in self.places}
        if self.evidence:
            out.add(("evidence", self.evidence))
        return out


def reports_of(doc: Mapping[str, Any]) -> list[Report]:
    """The reports of one document in ``Document.to_dict()`` shape, in event order."""
    article = doc["article"]
    published = _as_date(article.get("published"))
    actors = {a["id"]: a for a in doc.get("actors", ())}
    places = {p["id"]: p for p in doc.get("places", ())}
    out = []
    for event in doc.get("events", ()):
        sources = [actors[i] for i in event.get("source", ()) if i in actors]
        targets = [actors[i] for i in event.get("target", ()) if i in actors]
        place = places.get(event.get("place") or "")
        out.append(Report(
            article_id=str(article["id"]),
            event_id=str(event["id"]),
            type=str(event["type"]),
            mode=event.get("mode"),
            modality=str(event.get("modality") or "asserted"),
            date=_as_date(event.get("date")) or published,
            published=published,
            source=frozenset().union(*(actor_keys(a) for a in sources)),
            target=frozenset().union(*(actor_keys(a) for a in targets)),
            places=_place_keys(place) if place else frozenset(),
            evidence=evidence_key((event.get("evidence") or {}).get("text")),
            source_name=sources[0]["name"] if sources else None,
            source_country=sources[0].get("country") if sources else None,
            target_name=targets[0]["name"] if targets else None,
            target_country=targets[0].get("country") if targets else None,
            place_name=place.get("name") if place else None,
        ))
    return out


@dataclass(slots=True, kw_only=True)
class Candidate:
    """An existing story, with the union of its reports' keys."""

    story_id: str
    first_date: date | None
    last_date: date | None
    keys: dict[str, set[str]] = field(default_factory=dict)

    def side(self, name: str) -> set[str]:
        return self.keys.get(name, set())


def match(report: Report, story: Candidate, window: int = DEFAULT_WINDOW_DAYS) -> float | None:
    """How well a report fits a story of the same type and modality; None when it cannot."""
    same_text = bool(report.evidence) and report.evidence in story.side("evidence")
    score = 3.0 if same_text else 0.0
    if report.date is not None and story.first_date is not None and story.last_date is not None:
        span = timedelta(days=window)  # differences, not sums: no overflow at 0001 or 9999
        if not (story.last_date - report.date <= span and report.date - story.first_date <= span):
            return None
        score += 1.0 - abs((report.date - story.first_date).days) / (window + 1)
    elif not same_text:
        return None
    matched = 0
    for side in ("source", "target"):
        mine, theirs = getattr(report, side), story.side(side)
        if mine and theirs:
            if mine.isdisjoint(theirs):
                return None
            matched += 1
    if matched == 0 and not same_text:
        return None
    score += 2.0 * matched
    theirs = story.side("place")
    if report.places and theirs:
        if report.places.isdisjoint(theirs):
            return None
        score += 1.0
    return score


@dataclass(slots=True, kw_only=True)
class _Story:
    """A story's row while a batch is being assigned."""

    story_id: str
    type: str
    mode: str | None
    modality: str
    source_name: str | None
    source_country: str | None
    target_name: str | None
    target_country: str | None
    date: dt.date | None
    last_date: dt.date | None
    place_name: str | None
    n_reports: int
    first_published: dt.date | None
    last_published: dt.date | None
    is_new: bool = False
    articles: set[str] = field(default_factory=set)  # reports added in this batch
    added: set[tuple[str, str]] = field(default_factory=set)  # keys added in this batch

    @classmethod
    def found(cls, report: Report) -> _Story:
        return cls(story_id=stable_id("story", report.article_id, report.event_id),
                   type=report.type, mode=report.mode, modality=report.modality,
                   source_name=report.source_name, source_country=report.source_country,
                   target_name=report.target_name, target_country=report.target_country,
                   date=report.date, last_date=report.date, place_name=report.place_name,
                   n_reports=0, first_published=report.published,
                   last_published=report.published, is_new=True)

    def join(self, report: Report) -> None:
        self.n_reports += 1
        dates: list[dt.date] = [d for d in (self.date, self.last_date, report.date)
                                if d is not None]
        self.date, self.last_date = (min(dates), max(dates)) if dates else (None, None)
        pubs: list[dt.date] = [d for d in (self.first_published, self.last_published,
                                           report.published) if d is not None]
        self.first_published, self.last_published = (min(pubs), max(pubs)) if pubs else (None, None)
        self.mode = self.mode or report.mode
        if self.source_name is None:
            self.source_name, self.source_country = report.source_name, report.source_country
        if self.target_name is None:
            self.target_name, self.target_country = report.target_name, report.target_country
        self.place_name = self.place_name or report.place_name
        self.articles.add(report.article_id)

    def row(self) -> list[Any]:
        return [self.story_id, self.type, self.mode, self.modality, self.source_name,
                self.source_country, self.target_name, self.target_country, self.date,
                self.last_date, self.place_name, self.n_reports, self.first_published,
                self.last_published]


STORY_COLUMNS = ("story_id", "type", "mode", "modality", "source_name", "source_country",
                 "target_name", "target_country", "date", "last_date", "place_name",
                 "n_reports", "first_published", "last_published")
_DATES = frozenset({"date", "last_date", "first_published", "last_published"})


def _story_table(stories: Sequence[_Story]) -> Any:
    import pyarrow as pa

    columns = zip(*(s.row() for s in stories), strict=True)
    return pa.table({
        c: pa.array(list(v), pa.date32() if c in _DATES else
                    pa.int32() if c == "n_reports" else pa.string())
        for c, v in zip(STORY_COLUMNS, columns, strict=True)})


def _load(con: duckdb.DuckDBPyConnection, reports: Sequence[Report]
          ) -> tuple[dict[str, _Story], dict[tuple[str, str], set[str]], dict[str, Candidate]]:
    """Stored stories sharing a matching key with any report of the batch, and their keys."""
    import pyarrow as pa

    sides, keys, types, modalities = [], [], [], []
    for r in reports:
        for side, key in r.keys():
            if side != "place":
                sides.append(side)
                keys.append(key)
                types.append(r.type)
                modalities.append(r.modality)
    stories: dict[str, _Story] = {}
    index: dict[tuple[str, str], set[str]] = {}
    cands: dict[str, Candidate] = {}
    if not keys:
        return stories, index, cands
    wanted = pa.table({"side": sides, "key": keys, "type": types, "modality": modalities})
    from .store import registered

    with registered(con, "_dedup_wanted", wanted):
        rows = con.execute(
            f"""SELECT {", ".join("s." + c for c in STORY_COLUMNS)} FROM stories s
                WHERE s.story_id IN (
                    SELECT k.story_id FROM story_keys k
                    JOIN _dedup_wanted w ON w.side = k.side AND w.key = k.key
                    JOIN stories t ON t.story_id = k.story_id
                    WHERE t.type = w.type AND t.modality = w.modality)""").fetchall()
        for row in rows:
            story = _Story(**dict(zip(STORY_COLUMNS, row, strict=True)))
            stories[story.story_id] = story
            cands[story.story_id] = Candidate(story_id=story.story_id, first_date=story.date,
                                              last_date=story.last_date)
        if stories:
            for sid, side, key in con.execute(
                    "SELECT story_id, side, key FROM story_keys "
                    "WHERE story_id IN (SELECT unnest(?))", [list(stories)]).fetchall():
                cands[sid].keys.setdefault(side, set()).add(key)
                index.setdefault((side, key), set()).add(sid)
    return stories, index, cands


def assign_batch(con: duckdb.DuckDBPyConnection, reports: Sequence[Report],
                 window: int = DEFAULT_WINDOW_DAYS) -> dict[tuple[str, str], str]:
    """Put each report, in order, into its story; ``(article_id, event_id) -> story_id``.

    The result is that of assigning the reports one by one (batch boundaries never change
    it). Runs inside the caller's transaction and writes ``stories``, ``story_keys`` and
    ``story_reports``; the caller sets ``events.story_id``.
    """
    import pyarrow as pa

    stories, index, cands = _load(con, reports)
    out: dict[tuple[str, str], str] = {}
    for report in reports:
        found: set[str] = set()
        for side, key in report.keys():
            if side != "place":
                found |= index.get((side, key), set())
        best: tuple[float, str] | None = None
        for sid in sorted(found):
            story = stories[sid]
            if (story.type != report.type or story.modality != report.modality
                    or report.article_id in story.articles):
                continue
            score = match(report, cands[sid], window)
            if score is not None and (best is None or score > best[0]):
                best = (score, sid)
        if best is None:
            story = _Story.found(report)
            stories[story.story_id] = story
            cands[story.story_id] = Candidate(story_id=story.story_id, first_date=report.date,
                                              last_date=report.date)
        else:
            story = stories[best[1]]
        cand = cands[story.story_id]
        story.join(report)
        cand.first_date, cand.last_date = story.date, story.last_date
        for side, key in report.keys():
            if key not in cand.side(side):
                cand.keys.setdefault(side, set()).add(key)
                index.setdefault((side, key), set()).add(story.story_id)
                story.added.add((side, key))
        out[(report.article_id, report.event_id)] = story.story_id
    if not out:
        return out
    changed = [s for s in stories.values() if s.articles]
    from .store import registered

    with registered(con, "_dedup_stories", _story_table(changed)):
        con.execute(f"""UPDATE stories SET {", ".join(f"{c} = v.{c}" for c in STORY_COLUMNS[1:])}
                        FROM _dedup_stories v WHERE stories.story_id = v.story_id""")
        con.execute("""INSERT INTO stories SELECT * FROM _dedup_stories
                        WHERE story_id IN (SELECT unnest(?))""",
                    [[s.story_id for s in changed if s.is_new]])
    keys = sorted((s.story_id, side, key) for s in changed for side, key in s.added)
    reps = [(sid, aid, eid) for (aid, eid), sid in out.items()]
    for name, rows, cols in (("story_keys", keys, ("story_id", "side", "key")),
                             ("story_reports", reps, ("story_id", "article_id", "event_id"))):
        if rows:
            table = pa.table({c: pa.array(list(v), pa.string())
                              for c, v in zip(cols, zip(*rows, strict=True), strict=True)})
            with registered(con, "_dedup_rows", table):
                con.execute(f"INSERT INTO {name} SELECT {', '.join(cols)} FROM _dedup_rows")
    return out
