"""The SQL of the data frames: one row per event (``events_query``, run by ``events_table``)
or per story (``stories_query``, run by ``stories_table``) over the store's tables, wherever
they are: a database, the views ``attach_parquet`` puts over a Parquet export (a connection of
them: ``parquet_connection``), or documents loaded into an in-memory store. ``eventwire.frames``
checks the filters and types the Arrow tables these return; it holds no SQL.

The queries read the columns a table has (``table_columns``), so a database made before a
column was added and one made after both read; a column a table lacks is left out of the
frame, never invented. Every value the caller gives is a parameter; the only SQL text built at
run time comes from the fixed tables here and from the tables' own column names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .reads import KEY_X, like_pattern
from .schema import TABLES

__all__ = ["EVENT_TABLES", "FrameFilters", "attach_parquet", "event_columns", "events_query",
           "events_table", "parquet_connection", "stories_query", "stories_table",
           "table_columns"]

# The tables the frames read, and how a Parquet export holds each: a folder partitioned by
# month, or one file.
EVENT_TABLES = {"articles": "folder", "actors": "folder", "events": "folder",
                "places": "folder", "stories": "file", "story_reports": "file"}

# Columns of ``events`` that the event frame shows under other names or not at all.
_EVENT_HANDLED = frozenset({
    "article_id", "event_id", "story_id", "date", "date_start", "date_text", "type", "mode",
    "modality", "context", "cameo", "event_root_code", "quad_class", "confidence", "source",
    "target", "attributed_to", "place_id", "evidence_start", "evidence_end", "evidence_text",
    "trigger_start", "trigger_end", "ord"})
# Columns other work adds to ``events``, shown right after the column they follow.
_EVENT_AFTER = {"date_text": ("date_precision", "date_source"),
                "event_root_code": ("event_base_code", "cameo_label"),
                "quad_class": ("goldstein", "intensity"),
                "confidence": ("is_root_event", "dyadic", "coder_version"),
                "place_feature": ("place_precision", "place_source")}
# Per actor of a side: the frame's column suffix for the first actor and for the list of all,
# and the actors column it comes from.
_ACTOR_FIELDS = (("name", "names", "name"), ("country", "countries", "country"),
                 ("sector", "sectors", "sector"), ("kind", "kinds", "kind"),
                 ("key", "keys", "actor_key"))


def table_columns(con: Any, table: str) -> dict[str, str]:
    """The columns of ``table`` (a table or a view) and their DuckDB types, in order."""
    rows = con.execute(f'DESCRIBE SELECT * FROM "{table}"').fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def attach_parquet(con: Any, directory: Path, empty: Mapping[str, Sequence[tuple[str, str]]]
                   ) -> None:
    """Views named as the store's tables over the Parquet export in ``directory``; a table
    the export holds no file of is an empty view of the columns ``empty`` gives it."""
    for table, kind in EVENT_TABLES.items():
        if kind == "folder":
            found = any((directory / table).glob("**/*.parquet"))
            source = (f"SELECT * EXCLUDE (month) FROM read_parquet("
                      f"'{_quote(directory / table)}/**/*.parquet', hive_partitioning = true, "
                      "union_by_name = true)")
        else:
            found = (directory / f"{table}.parquet").is_file()
            source = f"SELECT * FROM read_parquet('{_quote(directory / f'{table}.parquet')}')"
        if not found:
            cols = ", ".join(f'NULL::{kind} AS "{c}"' for c, kind in empty[table])
            source = f"SELECT {cols} WHERE false"
        con.execute(f'CREATE OR REPLACE VIEW "{table}" AS {source}')


@contextmanager
def parquet_connection(directory: Path) -> Iterator[Any]:
    """An in-memory DuckDB connection with the views of ``attach_parquet`` over the Parquet
    export in ``directory`` (tables it lacks are empty, with the store's columns)."""
    import duckdb

    con = duckdb.connect()
    try:
        attach_parquet(con, directory, TABLES)
        yield con
    finally:
        con.close()


@dataclass(slots=True)
class FrameFilters:
    """The filters of the frames, already checked: lists mean any of."""

    countries: list[str] = field(default_factory=list)
    actor: str | None = None
    types: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    stories: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    min_reports: int | None = None


def _day(events: dict[str, str]) -> str:
    """SQL for an event row ``e``'s date as a DATE (the first day of its period)."""
    if "date_start" in events:
        return "e.date_start"
    return "e.date" if events.get("date") == "DATE" else "TRY_CAST(e.date AS DATE)"


def _event_where(f: FrameFilters, events: dict[str, str], actors: dict[str, str]
                 ) -> tuple[str, list[Any]]:
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    day = f"coalesce({_day(events)}, a.published)"
    sides = "list_concat(coalesce(e.source, []::VARCHAR[]), coalesce(e.target, []::VARCHAR[]))"
    in_event = (f"SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
                f"AND list_contains({sides}, x.actor_id)")
    if f.countries:
        clauses.append(f"EXISTS ({in_event} AND list_contains(?::VARCHAR[], x.country))")
        params.append(f.countries)
    if f.actor:
        country = f.actor.partition("@")[2] or None
        key = " OR x.actor_key = ?" if "actor_key" in actors else ""
        clauses.append(f"EXISTS ({in_event} AND (x.name ILIKE ? ESCAPE '\\' OR "
                       f"(x.country IS NOT DISTINCT FROM ? AND {KEY_X} = ?){key}))")
        params += [like_pattern(f.actor), country, f.actor] + ([f.actor] if key else [])
    for column, values in (("e.type", f.types), ("e.story_id", f.stories),
                           ("e.modality", f.modalities), ("e.article_id", f.articles)):
        if values:
            clauses.append(f"list_contains(?::VARCHAR[], {column})")
            params.append(values)
    if f.since:
        clauses.append(f"{day} >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"{day} <= ?")
        params.append(f.until)
    return " AND ".join(clauses), params


def event_columns(events: dict[str, str], actors: dict[str, str]) -> list[tuple[str, str]]:
    """The event frame's columns as (name, SQL) over ``e`` (events), ``a`` (articles),
    ``s``/``t`` (source/target sides), ``w`` (the attributed actor), ``pl`` (the place)."""
    day = _day(events)
    value = "e.date" if events.get("date") == "VARCHAR" else "strftime(e.date, '%Y-%m-%d')"
    root = "e.event_root_code" if "event_root_code" in events else "left(e.cameo, 2)"
    cols = [("article_id", "e.article_id"), ("event_id", "e.event_id"),
            ("story_id", "e.story_id"), ("day", f"coalesce({day}, a.published)"),
            ("date", day), ("date_value", value), ("date_text", "e.date_text"),
            ("published", "a.published"), ("type", "e.type"), ("mode", "e.mode"),
            ("modality", "e.modality"), ("context", "coalesce(e.context, []::VARCHAR[])"),
            ("cameo", "e.cameo"), ("event_root_code", root), ("quad_class", "e.quad_class"),
            ("confidence", "e.confidence")]
    fields = [(one, every) for one, every, column in _ACTOR_FIELDS if column in actors]
    for side, alias in (("source", "s"), ("target", "t")):
        cols += [(f"{side}_{one}", f"{alias}.{every}[1]") for one, every in fields]
    for side, alias in (("source", "s"), ("target", "t")):
        cols += [(f"{side}_{every}", f"coalesce({alias}.{every}, []::VARCHAR[])")
                 for _, every in fields]
        cols.append((f"{side}_ids", f"coalesce(e.{side}, []::VARCHAR[])"))
    cols += [("attributed_to", "w.name"), ("place", "pl.name"), ("place_country", "pl.country"),
             ("lat", "pl.lat"), ("lon", "pl.lon"), ("geonames_id", "pl.geonames_id"),
             ("place_feature", "pl.feature"), ("title", "a.title"), ("outlet", "a.source"),
             ("url", "a.url"), ("evidence", "e.evidence_text"),
             ("evidence_start", "e.evidence_start"), ("evidence_end", "e.evidence_end")]
    placed = {c for after in _EVENT_AFTER.values() for c in after}
    out: list[tuple[str, str]] = []
    for name, sql in cols:
        out.append((name, sql))
        out += [(c, f"e.{c}") for c in _EVENT_AFTER.get(name, ()) if c in events]
    out += [(c, f'e."{c}"') for c in events if c not in _EVENT_HANDLED and c not in placed]
    return out


def events_query(con: Any, f: FrameFilters, columns: Sequence[str] | None
                 ) -> tuple[str, list[Any], list[str]]:
    """The SQL of the event frame, its parameters, and the names of every column it can
    give (``columns`` picks and orders them; a name it cannot give is the caller's to check
    against the third value before)."""
    events, actors = table_columns(con, "events"), table_columns(con, "actors")
    every = event_columns(events, actors)
    names = [n for n, _ in every]
    chosen = [c for c in every if columns is None or c[0] in columns]
    if columns is not None:
        chosen.sort(key=lambda c: list(columns).index(c[0]))
    where, params = _event_where(f, events, actors)
    lists = ", ".join(f"list(x.{column} ORDER BY p.pos) AS {every}"
                      for _, every, column in _ACTOR_FIELDS if column in actors)
    select = ", ".join(f'{sql} AS "{name}"' for name, sql in chosen)
    sql = f"""
WITH ev AS (
  SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}
),
sides AS (
  SELECT p.article_id, p.event_id, p.side, {lists}
  FROM (SELECT article_id, event_id, 'source' AS side, unnest(source) AS actor_id,
               unnest(range(1, len(source) + 1)) AS pos FROM ev
        UNION ALL
        SELECT article_id, event_id, 'target' AS side, unnest(target) AS actor_id,
               unnest(range(1, len(target) + 1)) AS pos FROM ev) p
  LEFT JOIN actors x ON x.article_id = p.article_id AND x.actor_id = p.actor_id
  GROUP BY p.article_id, p.event_id, p.side
)
SELECT {select}
FROM ev e
JOIN articles a ON a.id = e.article_id
LEFT JOIN sides s ON s.article_id = e.article_id AND s.event_id = e.event_id AND s.side = 'source'
LEFT JOIN sides t ON t.article_id = e.article_id AND t.event_id = e.event_id AND t.side = 'target'
LEFT JOIN actors w ON w.article_id = e.article_id AND w.actor_id = e.attributed_to
LEFT JOIN places pl ON pl.article_id = e.article_id AND pl.place_id = e.place_id
ORDER BY a.seq, e.ord, e.event_id"""
    return sql, params, names


_STORY_FIRST = ("story_id", "type", "mode", "modality", "source_name", "source_country",
                "target_name", "target_country", "date", "last_date", "days", "place_name",
                "n_reports", "num_articles", "num_sources", "first_published",
                "last_published", "actors", "countries", "article_ids")


def stories_query(con: Any, f: FrameFilters, columns: Sequence[str] | None
                  ) -> tuple[str, list[Any], list[str]]:
    """The SQL of the story frame, its parameters and every column it can give: each story
    with its size (reports, articles, outlets), date span and the actors of its reports."""
    stories = table_columns(con, "stories")
    counted = {c: f"s.{c}" if c in stories else f"c.{c}" for c in ("num_articles", "num_sources")}
    derived = {"days": "date_diff('day', s.date, coalesce(s.last_date, s.date))",
               "actors": "coalesce(m.actors, []::VARCHAR[])",
               "countries": "coalesce(m.countries, []::VARCHAR[])",
               "article_ids": "coalesce(c.article_ids, []::VARCHAR[])", **counted}
    names = [c for c in _STORY_FIRST if c in stories or c in derived]
    names += [c for c in stories if c not in names]
    chosen = names if columns is None else [c for c in columns if c in names]
    select = ", ".join(f'{derived.get(c, f"s.{c}")} AS "{c}"' for c in chosen)
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if f.types:
        clauses.append("list_contains(?::VARCHAR[], s.type)")
        params.append(f.types)
    if f.countries:
        clauses.append("list_has_any(?::VARCHAR[], coalesce(m.countries, []::VARCHAR[]))")
        params.append(f.countries)
    if f.actor:
        clauses.append("EXISTS (SELECT 1 FROM unnest(m.actors) AS u(n) "
                       "WHERE u.n ILIKE ? ESCAPE '\\')")
        params.append(like_pattern(f.actor))
    if f.stories:
        clauses.append("list_contains(?::VARCHAR[], s.story_id)")
        params.append(f.stories)
    if f.modalities:
        clauses.append("list_contains(?::VARCHAR[], s.modality)")
        params.append(f.modalities)
    if f.since:  # the story's span reaches the window
        clauses.append("coalesce(s.last_date, s.date, s.last_published) >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("coalesce(s.date, s.first_published) <= ?")
        params.append(f.until)
    if f.min_reports is not None:
        clauses.append("s.n_reports >= ?")
        params.append(f.min_reports)
    sql = f"""
WITH counts AS (
  SELECT r.story_id, count(DISTINCT r.article_id)::INTEGER AS num_articles,
         count(DISTINCT a.source)::INTEGER AS num_sources,
         list(DISTINCT r.article_id ORDER BY r.article_id) AS article_ids
  FROM story_reports r JOIN articles a ON a.id = r.article_id GROUP BY r.story_id
),
members AS (
  SELECT r.story_id,
         list(DISTINCT x.name ORDER BY x.name) FILTER (WHERE x.name IS NOT NULL) AS actors,
         list(DISTINCT x.country ORDER BY x.country) FILTER (WHERE x.country IS NOT NULL)
           AS countries
  FROM story_reports r
  JOIN events e ON e.article_id = r.article_id AND e.event_id = r.event_id
  JOIN actors x ON x.article_id = e.article_id
   AND list_contains(list_concat(coalesce(e.source, []::VARCHAR[]),
                                 coalesce(e.target, []::VARCHAR[])), x.actor_id)
  GROUP BY r.story_id
)
SELECT {select}
FROM stories s LEFT JOIN counts c ON c.story_id = s.story_id
LEFT JOIN members m ON m.story_id = s.story_id
WHERE {" AND ".join(clauses)}
ORDER BY s.date NULLS LAST, s.first_published NULLS LAST, s.story_id"""
    return sql, params, names


Query = Callable[[Any, FrameFilters, Sequence[str] | None], tuple[str, list[Any], list[str]]]


def _table(con: Any, query: Query, f: FrameFilters, columns: Sequence[str] | None) -> Any:
    """The Arrow table of ``query`` on ``con``; a column asked for that the query cannot give
    is a ``ValueError`` naming the valid ones, raised before anything is read."""
    sql, params, names = query(con, f, columns)
    unknown = [c for c in columns or () if c not in names]
    if unknown:
        raise ValueError(f"unknown column(s) {', '.join(unknown)}; valid: {', '.join(names)}")
    return con.sql(sql, params=params).to_arrow_table()


def events_table(con: Any, f: FrameFilters, columns: Sequence[str] | None = None) -> Any:
    """The event frame's rows (``events_query``) as a ``pyarrow.Table``."""
    return _table(con, events_query, f, columns)


def stories_table(con: Any, f: FrameFilters, columns: Sequence[str] | None = None) -> Any:
    """The story frame's rows (``stories_query``) as a ``pyarrow.Table``."""
    return _table(con, stories_query, f, columns)
