"""The tables: every column and its DuckDB type, the DDL built from them, the schema version."""

from __future__ import annotations

from ..dedup import STORY_COLUMNS

SCHEMA_VERSION = "1"

# Every table's columns and DuckDB types; the DDL and the Arrow batches are built from this.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("id", "VARCHAR"), ("title", "VARCHAR"), ("published", "DATE"),
                 ("source", "VARCHAR"), ("url", "VARCHAR"), ("text", "VARCHAR"),
                 ("fingerprint", "VARCHAR"), ("n_words", "INTEGER"), ("seq", "BIGINT")),
    "actors": (("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("name", "VARCHAR"),
               ("country", "VARCHAR"), ("sector", "VARCHAR"), ("other_sectors", "VARCHAR[]"),
               ("role", "VARCHAR"), ("kind", "VARCHAR"), ("cameo", "VARCHAR"),
               ("country_source", "VARCHAR"), ("ord", "INTEGER"), ("extracted", "VARCHAR")),
    "mentions": (("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("start", "INTEGER"),
                 ("end", "INTEGER"), ("text", "VARCHAR"), ("ord", "INTEGER")),
    "events": (("article_id", "VARCHAR"), ("event_id", "VARCHAR"), ("type", "VARCHAR"),
               ("mode", "VARCHAR"), ("context", "VARCHAR[]"), ("cameo", "VARCHAR"),
               ("source", "VARCHAR[]"), ("target", "VARCHAR[]"), ("date", "DATE"),
               ("date_text", "VARCHAR"), ("place_id", "VARCHAR"), ("modality", "VARCHAR"),
               ("attributed_to", "VARCHAR"), ("evidence_start", "INTEGER"),
               ("evidence_end", "INTEGER"), ("evidence_text", "VARCHAR"),
               ("confidence", "DOUBLE"), ("quad_class", "INTEGER"), ("story_id", "VARCHAR"),
               ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("ord", "INTEGER")),
    "quotes": (("article_id", "VARCHAR"), ("quote_id", "VARCHAR"), ("kind", "VARCHAR"),
               ("speaker", "VARCHAR"), ("speaker_text", "VARCHAR"), ("cue", "VARCHAR"),
               ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
               ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"),
               ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("ord", "INTEGER")),
    "times": (("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
              ("text", "VARCHAR"), ("value", "VARCHAR"), ("type", "VARCHAR"), ("ord", "INTEGER")),
    "places": (("article_id", "VARCHAR"), ("place_id", "VARCHAR"), ("start", "INTEGER"),
               ("end", "INTEGER"), ("text", "VARCHAR"), ("name", "VARCHAR"),
               ("country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
               ("geonames_id", "BIGINT"), ("feature", "VARCHAR"), ("ord", "INTEGER")),
    "stories": tuple((c, "DATE" if c in ("date", "last_date", "first_published",
                                         "last_published")
                      else "INTEGER" if c == "n_reports" else "VARCHAR") for c in STORY_COLUMNS),
    "story_reports": (("story_id", "VARCHAR"), ("article_id", "VARCHAR"),
                      ("event_id", "VARCHAR")),
    "story_keys": (("story_id", "VARCHAR"), ("side", "VARCHAR"), ("key", "VARCHAR")),
}
_KEYS = {"articles": "id", "actors": "article_id, actor_id", "events": "article_id, event_id",
         "stories": "story_id"}


def _ddl() -> str:
    out = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);"]
    for table, cols in TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols)
        if table in _KEYS:
            body += f", PRIMARY KEY ({_KEYS[table]})"
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({body});")
    return "\n".join(out)


SCHEMA = _ddl()

# Columns added since a table was first released: a database made before gets them on open.
ADDED_COLUMNS = (("actors", "extracted", "VARCHAR"),)
MIGRATIONS = "\n".join(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {c} {kind};"
                        for t, c, kind in ADDED_COLUMNS)

# Tables holding rows of one article (keyed by article_id), in write order.
ARTICLE_TABLES = ("actors", "mentions", "events", "quotes", "times", "places")
