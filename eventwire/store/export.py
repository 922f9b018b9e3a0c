"""Export: every table as Parquet partitioned by publication month, the flat event layout as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import StoreError
from .schema import ARTICLE_TABLES, flat_columns

# One row per event in a GDELT-like flat layout (first source / first target actor), then the
# research columns of ``events`` under their flat names (``schema.flat_columns``) and the
# story's size.
FLAT_EVENTS_SQL = f"""
SELECT e.article_id || '/' || e.event_id AS GlobalEventID,
       e.story_id AS StoryID,
       strftime(coalesce(e.date_start, a.published), '%Y%m%d') AS SQLDATE,
       e.date AS EventDate, e.date_text AS EventDateText,
       s.name AS Actor1Name, s.country AS Actor1CountryCode, s.sector AS Actor1Sector,
       s.cameo AS Actor1Code, s.kind AS Actor1Kind, s.role AS Actor1Role,
       t.name AS Actor2Name, t.country AS Actor2CountryCode, t.sector AS Actor2Sector,
       t.cameo AS Actor2Code, t.kind AS Actor2Kind, t.role AS Actor2Role,
       e.type AS EventType, e.mode AS EventMode, array_to_string(e.context, ';') AS EventContext,
       e.cameo AS EventCode, e.quad_class AS QuadClass,
       e.modality AS Modality, w.name AS AttributedTo, e.confidence AS Confidence,
       p.name AS ActionGeo_FullName, p.country AS ActionGeo_CountryCode,
       p.lat AS ActionGeo_Lat, p.lon AS ActionGeo_Long, p.geonames_id AS ActionGeo_FeatureID,
       p.feature AS ActionGeo_Type,
       a.published AS DATEADDED, a.source AS SourceName, a.url AS SOURCEURL,
       a.id AS ArticleID, a.title AS ArticleTitle,
       e.evidence_text AS Evidence, e.evidence_start AS EvidenceStart,
       e.evidence_end AS EvidenceEnd,
       {", ".join(flat_columns("e"))},
       st.num_articles AS NumArticles, st.num_sources AS NumSources
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.actor_id = e.source[1]
LEFT JOIN actors t ON t.article_id = e.article_id AND t.actor_id = e.target[1]
LEFT JOIN actors w ON w.article_id = e.article_id AND w.actor_id = e.attributed_to
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
LEFT JOIN stories st ON st.story_id = e.story_id
"""

_MONTH = "coalesce(strftime(a.published, '%Y-%m'), 'unknown')"


def write_parquet(con: Any, directory: str | Path) -> list[Path]:
    """Every table as Parquet under ``directory``, hive-partitioned by publication month.

    ``articles/``, ``actors/``, ..., ``events_flat/`` get ``month=YYYY-MM`` folders
    (``month=unknown`` for undated articles); ``stories`` and ``story_reports`` are single
    files. Existing output under ``directory`` is replaced.
    """
    import duckdb

    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    selects = {"articles": f"SELECT a.*, {_MONTH} AS month FROM articles a"}
    for table in ARTICLE_TABLES:
        selects[table] = (f"SELECT t.*, {_MONTH} AS month FROM {table} t "
                          "JOIN articles a ON a.id = t.article_id")
    selects["events_flat"] = (f"SELECT f.*, coalesce(strftime(f.DATEADDED, '%Y-%m'), "
                              f"'unknown') AS month FROM ({FLAT_EVENTS_SQL}) f")
    written = []
    try:
        for name, sql in selects.items():
            target = root / name
            con.execute(f"COPY ({sql}) TO '{_quote(target)}' "
                        "(FORMAT parquet, PARTITION_BY (month), OVERWRITE 1)")
            written.append(target)
        for name in ("stories", "story_reports"):
            target = root / f"{name}.parquet"
            con.execute(f"COPY {name} TO '{_quote(target)}' (FORMAT parquet)")
            written.append(target)
    except duckdb.Error as exc:
        raise StoreError(f"Parquet export to {root} failed: {exc}") from exc
    return written


def write_csv(con: Any, path: str | Path) -> None:
    """The GDELT-like flat layout (one row per event) as CSV."""
    import duckdb

    try:
        con.execute(
            f"COPY ({FLAT_EVENTS_SQL} ORDER BY a.seq, e.ord) TO '{_quote(Path(path))}' "
            "(FORMAT csv, HEADER)")
    except duckdb.Error as exc:
        raise StoreError(f"CSV export to {path} failed: {exc}") from exc


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
