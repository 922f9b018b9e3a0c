"""The stories tables and all their SQL: load the candidate stories of a batch of reports,
let ``dedup.assign`` decide, write the stories back.

- ``stories``: one row per story (``STORY_COLUMNS``);
- ``story_reports``: story -> its reports (article, event);
- ``story_keys``: what matching reads of each report (``dedup.Report.keys``: actor
  identities, place, content words, evidence hash, date period, mode, outlet), one row a key,
  so a stored story's reports are compared one by one with a new report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..dedup import DEFAULT_WINDOW_DAYS, Report, Story, assign

if TYPE_CHECKING:
    import duckdb

__all__ = ["STORY_COLUMNS", "STORY_TABLES", "assign_batch"]

_STORY_TYPES = {"date": "DATE", "last_date": "DATE", "first_published": "DATE",
                "last_published": "DATE", "n_reports": "INTEGER", "num_articles": "INTEGER",
                "num_sources": "INTEGER"}
STORY_COLUMNS = ("story_id", "type", "mode", "modality", "source_name", "source_country",
                 "target_name", "target_country", "date", "last_date", "place_name",
                 "n_reports", "first_published", "last_published", "num_articles",
                 "num_sources")
STORY_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "stories": tuple((c, _STORY_TYPES.get(c, "VARCHAR")) for c in STORY_COLUMNS),
    "story_reports": (("story_id", "VARCHAR"), ("article_id", "VARCHAR"),
                      ("event_id", "VARCHAR")),
    "story_keys": (("story_id", "VARCHAR"), ("article_id", "VARCHAR"), ("event_id", "VARCHAR"),
                   ("side", "VARCHAR"), ("key", "VARCHAR")),
}


def _candidates(con: duckdb.DuckDBPyConnection, reports: Sequence[Report],
                window: int) -> dict[str, Story]:
    """Stored stories of the batch's types that share an identity or an evidence sentence
    with one of its reports and whose dates come within ``window`` days, with their reports."""
    from datetime import timedelta

    from .rows import arrow_table, registered

    wanted: dict[str, list[Any]] = {c: [] for c in ("side", "key", "type", "modality",
                                                     "lo", "hi")}
    span = timedelta(days=window)
    for r in reports:
        for side, key in r.lookup_keys():
            copies = side in ("evidence", "near")  # a copy joins at any date
            if r.start is None or r.end is None:
                if not copies:
                    continue  # an undated report only joins a copy of its sentence
                lo = hi = None
            else:
                lo = None if copies or r.start.year == 1 else r.start - span
                hi = None if copies or r.end.year == 9999 else r.end + span
            wanted["side"].append(side)
            wanted["key"].append(key)
            wanted["type"].append(r.type)
            wanted["modality"].append(r.modality)
            wanted["lo"].append(lo)
            wanted["hi"].append(hi)
    if not wanted["key"]:
        return {}
    table = arrow_table([(c, "DATE" if c in ("lo", "hi") else "VARCHAR") for c in wanted],
                        list(wanted.values()))
    stories: dict[str, Story] = {}
    with registered(con, "_story_wanted", table):
        rows = con.execute(
            f"""SELECT {", ".join("s." + c for c in STORY_COLUMNS)} FROM stories s
                WHERE s.story_id IN (
                    SELECT k.story_id FROM story_keys k
                    JOIN _story_wanted w ON w.side = k.side AND w.key = k.key
                    JOIN stories t ON t.story_id = k.story_id
                    WHERE t.type = w.type AND t.modality = w.modality
                      AND (t.last_date IS NULL OR w.lo IS NULL OR t.last_date >= w.lo)
                      AND (t.date IS NULL OR w.hi IS NULL OR t.date <= w.hi))
                ORDER BY s.story_id""").fetchall()
    for row in rows:
        story = Story(**dict(zip(STORY_COLUMNS, row, strict=True)))
        stories[story.story_id] = story
    if not stories:
        return stories
    members: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for sid, aid, eid, side, key in con.execute(
            "SELECT story_id, article_id, event_id, side, key FROM story_keys "
            "WHERE story_id IN (SELECT unnest(?)) ORDER BY ALL", [list(stories)]).fetchall():
        members.setdefault((sid, aid, eid), []).append((side, key))
    for (sid, aid, eid), keys in members.items():
        story = stories[sid]
        story.reports.append(Report.from_keys(aid, eid, story.type, story.modality, keys))
    return stories


def assign_batch(con: duckdb.DuckDBPyConnection, reports: Sequence[Report],
                 window: int = DEFAULT_WINDOW_DAYS) -> dict[tuple[str, str], str]:
    """Put each report, in order, into its story; ``(article_id, event_id) -> story_id``.

    The result is that of assigning the reports one by one (batch boundaries never change
    it). Runs inside the caller's transaction and writes ``stories``, ``story_keys`` and
    ``story_reports``; the caller sets ``events.story_id``.
    """
    from .rows import arrow_table, registered

    stories = _candidates(con, reports, window)
    out = assign(reports, stories, window)
    if not out:
        return out
    changed = sorted((s for s in stories.values() if s.added), key=lambda s: s.story_id)
    cols = STORY_TABLES["stories"]
    rows = [[getattr(s, c) for c, _ in cols] for s in changed]
    table = arrow_table(cols, list(zip(*rows, strict=True)))
    with registered(con, "_story_rows", table):
        con.execute(f"""UPDATE stories SET {", ".join(f"{c} = v.{c}" for c in STORY_COLUMNS[1:])}
                        FROM _story_rows v WHERE stories.story_id = v.story_id""")
        con.execute(f"""INSERT INTO stories ({", ".join(STORY_COLUMNS)})
                        SELECT {", ".join(STORY_COLUMNS)} FROM _story_rows
                        WHERE story_id IN (SELECT unnest(?))""",
                    [[s.story_id for s in changed if s.is_new]])
    keys = [(s.story_id, r.article_id, r.event_id, side, key)
            for s in changed for r in s.added for side, key in r.keys()]
    reps = [(sid, aid, eid) for (aid, eid), sid in out.items()]
    for name, values in (("story_keys", keys), ("story_reports", reps)):
        if values:
            cols = STORY_TABLES[name]
            names = ", ".join(c for c, _ in cols)
            with registered(con, "_story_rows",
                            arrow_table(cols, list(zip(*values, strict=True)))):
                con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM _story_rows")
    return out
