"""The API's reads: one named, parameterised query per question the HTTP API asks.

Every function takes a DuckDB cursor and plain parameters and returns plain rows (dicts).
Every query is parameterised; the only SQL text built at run time comes from the fixed
tables here (sort orders, filter clauses, timeline intervals), never from a request.

- ``EventFilters``: the event filters shared by the list, the timeline, the network and the
  map, as a WHERE clause and its parameters;
- actor keys as SQL (``KEY_X``): an actor's name, lower-cased, accents stripped,
  non-alphanumerics folded to ``-``, then ``@`` and its country code when it has one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import duckdb

Cursor = duckdb.DuckDBPyConnection
Row = dict[str, Any]


def _key_sql(alias: str, stored: bool = True) -> str:
    """SQL for the cross-article key of the actor row ``alias``: the ``actor_key`` the
    registry stored (``eventwire.registry.actor_key``), else (``stored=False`` too) the key
    computed from the row's name and country in the same shape."""
    name = f"coalesce({alias}.name, '')"
    slug = f"trim(regexp_replace(lower(strip_accents({name})), '[^a-z0-9]+', '-', 'g'), '-')"
    computed = (f"(CASE WHEN {slug} = '' THEN 'x' || left(md5({name}), 8) ELSE {slug} END"
                f" || coalesce('@' || upper({alias}.country), ''))")
    return f"coalesce({alias}.actor_key, {computed})" if stored else computed


KEY_X = _key_sql("x")
KEY_X_COMPUTED = _key_sql("x", stored=False)

DAY = "coalesce(e.date_start, a.published)"
FROM_EVENTS = ("FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.place_id = e.place_id")
# Every actor taking part in an event, one row per (event, side, actor), with its key.
PARTICIPANTS = f"""
  SELECT p.article_id, p.event_id, p.side, p.actor_id, {KEY_X} AS key, x.name, x.country
  FROM (SELECT article_id, event_id, 'source' AS side, unnest(source) AS actor_id FROM events
        UNION ALL
        SELECT article_id, event_id, 'target' AS side, unnest(target) AS actor_id FROM events) p
  JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id"""
SIDES = {"any": "list_concat(coalesce(e.source, []::VARCHAR[]), coalesce(e.target, []::VARCHAR[]))",
         "source": "coalesce(e.source, []::VARCHAR[])",
         "target": "coalesce(e.target, []::VARCHAR[])"}
EVENT_SORTS = {
    "-date": f"{DAY} DESC NULLS LAST", "date": f"{DAY} ASC NULLS LAST",
    "-published": "a.published DESC NULLS LAST", "published": "a.published ASC NULLS LAST",
    "-confidence": "e.confidence DESC NULLS LAST", "confidence": "e.confidence ASC NULLS LAST",
    "type": "e.type ASC", "-type": "e.type DESC",
}
EventSort = Literal["-date", "date", "-published", "published", "-confidence", "confidence",
                    "type", "-type"]
INTERVALS = ("day", "week", "month", "year")


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` anywhere, wildcards in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(slots=True)
class EventFilters:
    """The event filters shared by the list, the timeline and the network."""

    actor: str | None = None
    side: str = "any"
    country: str | None = None
    types: list[str] = field(default_factory=list)
    quad_class: list[int] = field(default_factory=list)
    mode: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    modality: str | None = None
    q: str | None = None
    article: str | None = None
    story: str | None = None
    min_confidence: float | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``FROM_EVENTS`` and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.actor:
            # The stored key first; else the country test spares the computed key's regular
            # expressions on most rows.
            country = self.actor.partition("@")[2] or None
            clauses.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
                           f"AND list_contains({SIDES[self.side]}, x.actor_id) "
                           f"AND (x.name ILIKE ? ESCAPE '\\' OR x.actor_key = ? OR "
                           f"(x.actor_key IS NULL AND x.country IS NOT DISTINCT FROM ? "
                           f"AND {KEY_X_COMPUTED} = ?)))")
            params += [like_pattern(self.actor), self.actor, country, self.actor]
        if self.country:
            clauses.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
                           f"AND list_contains({SIDES[self.side]}, x.actor_id) AND x.country = ?)")
            params.append(self.country)
        for column, values, kind in (("e.type", self.types, "VARCHAR"),
                                     ("e.quad_class", self.quad_class, "INTEGER")):
            if len(values) == 1:
                clauses.append(f"{column} = ?")
                params.append(values[0])
            elif values:
                clauses.append(f"list_contains(?::{kind}[], {column})")
                params.append(values)
        for column, value in (("e.mode", self.mode), ("e.modality", self.modality),
                              ("e.article_id", self.article), ("e.story_id", self.story)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.date_from:
            clauses.append(f"{DAY} >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{DAY} <= ?")
            params.append(self.date_to)
        if self.place:
            clauses.append("(pl.name ILIKE ? ESCAPE '\\' OR pl.country = upper(?))")
            params += [like_pattern(self.place), self.place]
        for word in (self.q or "").split()[:10]:
            clauses.append("e.evidence_text ILIKE ? ESCAPE '\\'")
            params.append(like_pattern(word))
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        return " AND ".join(clauses), params


def _all(cur: Cursor, sql: str, params: list[Any] | None = None) -> list[Row]:
    result = cur.execute(sql, params or [])
    names = [d[0] for d in result.description or ()]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _one(cur: Cursor, sql: str, params: list[Any] | None = None) -> Row | None:
    rows = _all(cur, sql, params)
    return rows[0] if rows else None


def _n(cur: Cursor, sql: str, params: list[Any] | None = None) -> int:
    found = _one(cur, sql, params)
    return found["n"] if found else 0


EVENT_COLUMNS = f"""e.article_id, e.event_id, e.type, e.mode, e.quad_class, e.modality, e.cameo,
  e.date, e.date_text, a.published, {DAY} AS day, e.confidence, e.evidence_text AS evidence,
  a.title, a.source AS outlet, pl.name AS place, pl.country AS place_country, e.story_id,
  e.source AS source_ids, e.target AS target_ids, e.date_source, e.place_source, e.goldstein, e.intensity,
  e.cameo_label, e.is_root_event, e.place_precision, e.dyadic"""


# -- events -----------------------------------------------------------------------------------

def count_events(cur: Cursor, f: EventFilters) -> int:
    """How many events match ``f``."""
    where, params = f.where()
    return _n(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where}", params)


def events_page(cur: Cursor, f: EventFilters, sort: EventSort, limit: int,
                offset: int) -> tuple[list[Row], int]:
    """One page of the events matching ``f`` in ``sort`` order, and how many match in all."""
    where, params = f.where()
    rows = _all(cur, f"SELECT {EVENT_COLUMNS}, count(*) OVER () AS total {FROM_EVENTS} "
                     f"WHERE {where} ORDER BY {EVENT_SORTS[sort]}, e.article_id, e.event_id "
                     "LIMIT ? OFFSET ?", [*params, limit, offset])
    if rows:
        total = rows[0]["total"]
        for row in rows:
            del row["total"]
    else:  # past the last page: count on its own
        total = count_events(cur, f)
    return rows, total


CSV_SQL = f"""e.article_id || '/' || e.event_id AS id, {DAY} AS day, e.date, e.date_text,
  a.published, e.type, e.mode, e.quad_class, e.modality, e.cameo, e.confidence,
  {{source}} AS source, {{source_cc}} AS source_countries, {{target}} AS target,
  {{target_cc}} AS target_countries, pl.name AS place, pl.country AS place_country,
  pl.lat, pl.lon, e.evidence_text AS evidence, a.title, a.source AS outlet, a.url,
  e.article_id, e.event_id, e.story_id"""
ACTOR_LIST = ("(SELECT string_agg(x.{column}, '; ' ORDER BY list_position(e.{side}, x.actor_id)) "
              "FROM actors x WHERE x.article_id = e.article_id "
              "AND list_contains(e.{side}, x.actor_id))")


def flat_events(cur: Cursor, f: EventFilters, sort: EventSort, limit: int,
                chunk: int = 5000) -> Iterator[Row]:
    """The events matching ``f`` in the flat CSV layout (actor names and countries joined by
    ``; ``), at most ``limit``, fetched ``chunk`` rows at a time."""
    where, params = f.where()
    select = CSV_SQL.format(**{
        f"{side}{suffix}": ACTOR_LIST.format(column=column, side=side)
        for side in ("source", "target") for suffix, column in (("", "name"), ("_cc", "country"))})
    result = cur.execute(f"SELECT {select} {FROM_EVENTS} WHERE {where} ORDER BY "
                         f"{EVENT_SORTS[sort]}, e.article_id, e.event_id LIMIT ?",
                         [*params, limit])
    names = [d[0] for d in result.description or ()]
    while rows := result.fetchmany(chunk):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def event(cur: Cursor, article_id: str, event_id: str) -> Row | None:
    """One event with its context, evidence offsets and attribution, or None."""
    return _one(cur, f"SELECT {EVENT_COLUMNS}, e.context, e.evidence_start, e.evidence_end, "
                     f"e.attributed_to {FROM_EVENTS} WHERE e.article_id = ? AND e.event_id = ?",
                [article_id, event_id])


def actor_refs(cur: Cursor, article_ids: set[str]) -> dict[tuple[str, str], Row]:
    """``(article_id, actor_id)`` -> the actor's id, key, name, country, sector and kind."""
    rows = _all(cur, f"SELECT x.article_id, x.actor_id AS id, {KEY_X} AS key, x.name, x.country, "
                     "x.sector, x.kind FROM actors x WHERE list_contains(?::VARCHAR[], "
                     "x.article_id)", [sorted(article_ids)])
    return {(r.pop("article_id"), r["id"]): r for r in rows}


def article_head(cur: Cursor, article_id: str) -> Row | None:
    """An article's id, title, publication date, outlet, url and text, or None."""
    return _one(cur, "SELECT id, title, published, source, url, text FROM articles "
                     "WHERE id = ?", [article_id])


def story(cur: Cursor, story_id: str) -> Row | None:
    """The stories row of ``story_id``, or None."""
    return _one(cur, "SELECT * FROM stories WHERE story_id = ?", [story_id])


def story_reports(cur: Cursor, story_id: str) -> list[Row]:
    """``(article_id, event_id)`` of every report of one story."""
    return _all(cur, "SELECT article_id, event_id FROM story_reports WHERE story_id = ?",
                [story_id])


def reports(cur: Cursor, article_ids: list[str], event_ids: list[str]) -> list[Row]:
    """The given events (paired by position) with their articles, oldest article first."""
    return _all(cur, "SELECT r.article_id, r.event_id, a.title, a.published, "
                     "a.source AS outlet, a.url, e.evidence_text AS evidence "
                     "FROM (SELECT unnest(?::VARCHAR[]) AS article_id, "
                     "unnest(?::VARCHAR[]) AS event_id) r "
                     "JOIN articles a ON a.id = r.article_id LEFT JOIN events e "
                     "ON e.article_id = r.article_id AND e.event_id = r.event_id "
                     "ORDER BY a.published NULLS LAST, r.article_id",
                [article_ids, event_ids])


def network_edges(cur: Cursor, f: EventFilters, limit: int) -> list[Row]:
    """The heaviest source->target actor pairs among the events matching ``f``."""
    where, params = f.where()
    return _all(cur, f"""
        WITH sel AS (SELECT e.article_id, e.event_id, e.quad_class {FROM_EVENTS} WHERE {where}),
             p AS ({PARTICIPANTS})
        SELECT s.key AS source, t.key AS target, min(s.name) AS source_name,
               min(s.country) AS source_country, min(t.name) AS target_name,
               min(t.country) AS target_country, count(*) AS n,
               count(*) FILTER (WHERE sel.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE sel.quad_class IN (3, 4)) AS conflict
        FROM sel JOIN p s ON s.article_id = sel.article_id AND s.event_id = sel.event_id
                          AND s.side = 'source'
                 JOIN p t ON t.article_id = sel.article_id AND t.event_id = sel.event_id
                          AND t.side = 'target'
        WHERE s.key <> t.key GROUP BY s.key, t.key ORDER BY n DESC, s.key, t.key LIMIT ?""",
                [*params, limit])


def event_places(cur: Cursor, f: EventFilters) -> list[Row]:
    """The places with coordinates of the events matching ``f``, busiest first."""
    where, params = f.where()
    return _all(cur, f"""SELECT pl.name, pl.country, pl.lat, pl.lon, count(*) AS n,
        count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation,
        count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict {FROM_EVENTS}
        WHERE {where} AND pl.lat IS NOT NULL AND pl.lon IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, pl.name""", params)


def count_unplaced(cur: Cursor, f: EventFilters) -> int:
    """How many events matching ``f`` have no place with coordinates."""
    where, params = f.where()
    return _n(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where} AND "
                   "(pl.lat IS NULL OR pl.lon IS NULL)", params)


# -- timelines --------------------------------------------------------------------------------

def timeline_span(cur: Cursor, f: EventFilters) -> Row:
    """The publication window and day range of the events matching ``f``, and how many have
    no date of their own (placed at publication) or none at all."""
    where, params = f.where()
    return _one(cur, f"""SELECT min(a.published) AS first_published,
        max(a.published) AS last_published, min({DAY}) AS lo, max({DAY}) AS hi,
        count(*) FILTER (WHERE e.date_start IS NULL AND a.published IS NOT NULL) AS dated_by_publication,
        count(*) FILTER (WHERE {DAY} IS NULL) AS undated {FROM_EVENTS} WHERE {where}""",
                params) or {}


def timeline_buckets(cur: Cursor, f: EventFilters, interval: str) -> list[Row]:
    """Counts of the dated events matching ``f`` per ``interval`` and quad class."""
    if interval not in INTERVALS:
        raise ValueError(f"no such interval: {interval!r}")
    where, params = f.where()
    return _all(cur, f"SELECT CAST(date_trunc('{interval}', {DAY}) AS DATE) AS period, "
                     f"e.quad_class, count(*) AS n {FROM_EVENTS} WHERE {where} AND {DAY} IS NOT NULL "
                     "GROUP BY ALL ORDER BY period, e.quad_class", params)


def count_outside(cur: Cursor, f: EventFilters, first: date, last: date) -> int:
    """How many events matching ``f`` fall before ``first`` or after ``last``."""
    where, params = f.where()
    return _n(cur, f"SELECT count(*) AS n {FROM_EVENTS} WHERE {where} AND "
                   f"({DAY} < ? OR {DAY} > ?)", [*params, first, last])


# -- actors -----------------------------------------------------------------------------------

def actors_page(cur: Cursor, *, q: str | None, country: str | None, kind: str | None,
                sector: str | None, limit: int, offset: int) -> tuple[list[Row], int]:
    """One page of actors across articles, most active first, and how many match in all."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if q:
        clauses.append("(x.name ILIKE ? ESCAPE '\\' OR x.role ILIKE ? ESCAPE '\\')")
        params += [like_pattern(q), like_pattern(q)]
    for column, value in (("x.country", country), ("x.kind", kind), ("x.sector", sector)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    base = f"""
        WITH k AS (SELECT {KEY_X} AS key, x.* FROM actors x WHERE {" AND ".join(clauses)}),
             agg AS (SELECT key, mode(name) AS name, mode(country) AS country,
                            mode(sector) AS sector, mode(kind) AS kind,
                            count(DISTINCT article_id) AS n_articles FROM k GROUP BY key),
             ev AS (SELECT key, count(DISTINCT article_id || chr(31) || event_id) AS n_events
                    FROM ({PARTICIPANTS}) p WHERE key IN (SELECT key FROM agg) GROUP BY key)"""
    total = _n(cur, f"{base} SELECT count(*) AS n FROM agg", params)
    rows = _all(cur, f"{base} SELECT agg.*, coalesce(ev.n_events, 0) AS n_events FROM agg "
                     "LEFT JOIN ev USING (key) ORDER BY n_events DESC, n_articles DESC, key "
                     "LIMIT ? OFFSET ?", [*params, limit, offset])
    return rows, total


def actor(cur: Cursor, key: str) -> Row | None:
    """One actor across articles: its commonest name, country, sector, kind and code, and
    every name and role seen; None when no actor has ``key``."""
    return _one(cur, f"""
        SELECT key, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
               mode(kind) AS kind, mode(cameo) AS cameo, count(DISTINCT article_id) AS n_articles,
               list(DISTINCT name ORDER BY name) AS names,
               list(DISTINCT role ORDER BY role) FILTER (WHERE role IS NOT NULL) AS roles
        FROM (SELECT {KEY_X} AS key, x.* FROM actors x) WHERE key = ? GROUP BY key""", [key])


def counterparts(cur: Cursor, key: str, limit: int = 50) -> list[Row]:
    """The actors on the other side of the events of actor ``key``, most frequent first."""
    return _all(cur, f"""
        WITH p AS ({PARTICIPANTS}),
             me AS (SELECT p.*, e.quad_class FROM p JOIN events e USING (article_id, event_id)
                    WHERE p.key = ?)
        SELECT o.key, min(o.name) AS name, min(o.country) AS country,
               count(DISTINCT me.article_id || chr(31) || me.event_id) AS n,
               count(DISTINCT me.article_id || chr(31) || me.event_id)
                   FILTER (WHERE me.side = 'source') AS as_source,
               count(DISTINCT me.article_id || chr(31) || me.event_id)
                   FILTER (WHERE me.side = 'target') AS as_target,
               count(DISTINCT me.article_id || chr(31) || me.event_id)
                   FILTER (WHERE me.quad_class IN (1, 2)) AS cooperation,
               count(DISTINCT me.article_id || chr(31) || me.event_id)
                   FILTER (WHERE me.quad_class IN (3, 4)) AS conflict
        FROM me JOIN p o ON o.article_id = me.article_id AND o.event_id = me.event_id
                        AND o.side <> me.side AND o.key <> me.key
        GROUP BY o.key ORDER BY n DESC, o.key LIMIT ?""", [key, limit])


# -- one article ------------------------------------------------------------------------------

def article(cur: Cursor, article_id: str) -> Row | None:
    """An article's id, title, publication date, outlet, url, text and word count, or None."""
    return _one(cur, "SELECT id, title, published, source, url, text, n_words FROM articles "
                     "WHERE id = ?", [article_id])


def article_actors(cur: Cursor, article_id: str) -> list[Row]:
    """The actors of one article with their keys, in actor id order."""
    return _all(cur, f"SELECT x.actor_id AS id, {KEY_X} AS key, x.name, x.country, x.sector, "
                     "x.other_sectors, x.role, x.kind, x.cameo FROM actors x "
                     "WHERE x.article_id = ? ORDER BY x.actor_id", [article_id])


def article_mentions(cur: Cursor, article_id: str) -> list[Row]:
    """The actor mentions of one article in text order."""
    return _all(cur, "SELECT actor_id, start, \"end\", text FROM mentions "
                     "WHERE article_id = ? ORDER BY start", [article_id])


def article_events(cur: Cursor, article_id: str) -> list[Row]:
    """The events of one article with their evidence offsets, in text order."""
    return _all(cur, f"SELECT {EVENT_COLUMNS}, e.evidence_start, e.evidence_end "
                     f"{FROM_EVENTS} WHERE e.article_id = ? ORDER BY e.evidence_start, "
                     "e.event_id", [article_id])


def article_quotes(cur: Cursor, article_id: str) -> list[Row]:
    """The quotations of one article in text order."""
    return _all(cur, "SELECT quote_id AS id, kind, speaker, speaker_text, cue, start, "
                     "\"end\", text FROM quotes WHERE article_id = ? ORDER BY start",
                [article_id])


def article_times(cur: Cursor, article_id: str) -> list[Row]:
    """The time expressions of one article in text order."""
    return _all(cur, "SELECT start, \"end\", text, value FROM times WHERE article_id = ? "
                     "ORDER BY start", [article_id])


def article_places(cur: Cursor, article_id: str) -> list[Row]:
    """The place names of one article in text order."""
    return _all(cur, "SELECT place_id AS id, start, \"end\", text, name, country, lat, "
                     "lon, geonames_id, feature FROM places WHERE article_id = ? "
                     "ORDER BY start", [article_id])


# -- quotes -----------------------------------------------------------------------------------

def quotes_page(cur: Cursor, *, speaker: str | None, q: str | None, kind: str | None,
                article: str | None, limit: int, offset: int) -> tuple[list[Row], int]:
    """One page of quotations, newest article first, and how many match in all."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if speaker:
        clauses.append(f"({KEY_X} = ? OR x.name ILIKE ? ESCAPE '\\' "
                       "OR qu.speaker_text ILIKE ? ESCAPE '\\')")
        params += [speaker, like_pattern(speaker), like_pattern(speaker)]
    for word in (q or "").split()[:10]:
        clauses.append("qu.text ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(word))
    for column, value in (("qu.kind", kind), ("qu.article_id", article)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    base = ("FROM quotes qu JOIN articles a ON a.id = qu.article_id LEFT JOIN actors x "
            f"ON x.article_id = qu.article_id AND x.actor_id = qu.speaker WHERE {' AND '.join(clauses)}")
    total = _n(cur, f"SELECT count(*) AS n {base}", params)
    rows = _all(cur, "SELECT qu.article_id, qu.quote_id AS id, qu.kind, qu.text, qu.cue, "
                     "qu.speaker_text, qu.start, qu.\"end\", x.name AS speaker_name, "
                     f"CASE WHEN x.actor_id IS NULL THEN NULL ELSE {KEY_X} END AS speaker_key, "
                     f"a.title, a.published {base} ORDER BY a.published DESC NULLS LAST, "
                     "qu.article_id, qu.start LIMIT ? OFFSET ?", [*params, limit, offset])
    return rows, total


# -- stats ------------------------------------------------------------------------------------

def totals(cur: Cursor) -> Row:
    """Row counts of the main tables and the publication date range."""
    return _one(cur, """SELECT (SELECT count(*) FROM articles) AS articles,
        (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM quotes) AS quotes,
        (SELECT count(*) FROM actors) AS actor_rows, (SELECT count(*) FROM stories) AS stories,
        (SELECT min(published) FROM articles) AS first_published,
        (SELECT max(published) FROM articles) AS last_published""") or {}


def events_by_type(cur: Cursor) -> list[Row]:
    """Event counts per type, commonest first."""
    return _all(cur, "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")


def events_by_quad_class(cur: Cursor) -> list[Row]:
    """Event counts per quad class, in class order."""
    return _all(cur, "SELECT quad_class, count(*) AS n FROM events "
                     "GROUP BY quad_class ORDER BY quad_class")


def events_by_modality(cur: Cursor) -> list[Row]:
    """Event counts per modality, commonest first."""
    return _all(cur, "SELECT modality, count(*) AS n FROM events "
                     "GROUP BY modality ORDER BY n DESC, modality")


def top_countries(cur: Cursor, limit: int = 15) -> list[Row]:
    """The countries taking part in the most events."""
    return _all(cur, f"SELECT country, count(DISTINCT article_id || chr(31) || "
                     f"event_id) AS n FROM ({PARTICIPANTS}) p WHERE country IS "
                     "NOT NULL GROUP BY country ORDER BY n DESC, country LIMIT ?", [limit])


def top_actors(cur: Cursor, limit: int = 15) -> list[Row]:
    """The actors (by key) taking part in the most events."""
    return _all(cur, f"SELECT key, min(name) AS name, min(country) AS country, "
                     "count(DISTINCT article_id || chr(31) || event_id) AS n "
                     f"FROM ({PARTICIPANTS}) p GROUP BY key ORDER BY n DESC, key "
                     "LIMIT ?", [limit])
