"""DuckDB / Parquet: the schema, writing documents one transaction each, queries, export.

Every article is written in one transaction keyed by its id (all of its rows, its stories
included, or none), so a run killed at any moment and run again ends with the database of an
uninterrupted run, and re-running on the same input adds nothing. See the README.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from .dedup import DEFAULT_WINDOW_DAYS, STORY_COLUMNS, assign_batch, reports_of
from .errors import StoreError
from .ontology import QUAD_CLASS
from .records import Document

__all__ = ["ARTICLE_TABLES", "FLAT_EVENTS_SQL", "SCHEMA", "TABLES", "Store", "Writer",
           "fingerprint", "registered"]

T = TypeVar("T")

SCHEMA_VERSION = "1"

# Every table's columns and DuckDB types; the DDL and the Arrow batches are built from this.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("id", "VARCHAR"), ("title", "VARCHAR"), ("published", "DATE"),
                 ("source", "VARCHAR"), ("url", "VARCHAR"), ("text", "VARCHAR"),
                 ("fingerprint", "VARCHAR"), ("n_words", "INTEGER"), ("seq", "BIGINT")),
    "actors": (("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("name", "VARCHAR"),
               ("country", "VARCHAR"), ("sector", "VARCHAR"), ("other_sectors", "VARCHAR[]"),
               ("role", "VARCHAR"), ("kind", "VARCHAR"), ("cameo", "VARCHAR"),
               ("country_source", "VARCHAR"), ("ord", "INTEGER")),
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

# Tables holding rows of one article (keyed by article_id), in write order.
ARTICLE_TABLES = ("actors", "mentions", "events", "quotes", "times", "places")

# One row per event in a GDELT-like flat layout (first source / first target actor).
FLAT_EVENTS_SQL = """
SELECT e.article_id || '/' || e.event_id AS GlobalEventID,
       e.story_id AS StoryID,
       strftime(coalesce(e.date, a.published), '%Y%m%d') AS SQLDATE,
       e.date AS EventDate, e.date_text AS EventDateText,
       s.name AS Actor1Name, s.country AS Actor1CountryCode, s.sector AS Actor1Sector,
       s.cameo AS Actor1Code, s.kind AS Actor1Kind, s.role AS Actor1Role,
       t.name AS Actor2Name, t.country AS Actor2CountryCode, t.sector AS Actor2Sector,
       t.cameo AS Actor2Code, t.kind AS Actor2Kind, t.role AS Actor2Role,
       e.type AS EventType, e.mode AS EventMode, array_to_string(e.context, ';') AS EventContext,
       e.cameo AS EventCode, left(e.cameo, 2) AS EventRootCode, e.quad_class AS QuadClass,
       e.modality AS Modality, w.name AS AttributedTo, e.confidence AS Confidence,
       p.name AS ActionGeo_FullName, p.country AS ActionGeo_CountryCode,
       p.lat AS ActionGeo_Lat, p.lon AS ActionGeo_Long, p.geonames_id AS ActionGeo_FeatureID,
       p.feature AS ActionGeo_Type,
       a.published AS DATEADDED, a.source AS SourceName, a.url AS SOURCEURL,
       a.id AS ArticleID, a.title AS ArticleTitle,
       e.evidence_text AS Evidence, e.evidence_start AS EvidenceStart,
       e.evidence_end AS EvidenceEnd
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.actor_id = e.source[1]
LEFT JOIN actors t ON t.article_id = e.article_id AND t.actor_id = e.target[1]
LEFT JOIN actors w ON w.article_id = e.article_id AND w.actor_id = e.attributed_to
LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.place_id
"""

_MONTH = "coalesce(strftime(a.published, '%Y-%m'), 'unknown')"


def fingerprint(text: str) -> str:
    """The content hash of an article: the same words give the same fingerprint."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def _span(value: Mapping[str, Any] | None, key: str) -> Any:
    """A field of an optional span/evidence object."""
    return value.get(key) if value else None


class Store:
    """An eventwire database (DuckDB file, or ``:memory:``)."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False,
                 dedup: bool = True, window: int = DEFAULT_WINDOW_DAYS) -> None:
        import duckdb

        self.path = str(path)
        self.dedup = dedup
        self.window = window
        self.skipped = 0  # articles skip_stored() dropped
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        if read_only:
            return
        try:
            self.con.execute(SCHEMA)
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                             [SCHEMA_VERSION])
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"cannot create the schema in {self.path}: {exc}") from exc

    @classmethod
    def open(cls, path: str | Path = ":memory:", **options: Any) -> Store:
        """Open (creating when needed) the database at ``path``."""
        return cls(path, **options)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether the article is stored (a resumed run skips it before parsing)."""
        return bool(self.stored([article_id]))

    def stored(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored (one query)."""
        ids = [str(i) for i in article_ids]
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def skip_stored(self, items: Iterable[T], chunk: int = 32) -> Iterator[T]:
        """The items that are not stored articles; ``on_skip`` hears each one dropped.

        Errors and anything without an ``id`` pass through; order is kept.
        """
        batch: list[T] = []

        def flush() -> Iterator[T]:
            known = self.stored(str(i.id) for i in batch if hasattr(i, "id"))
            for item in batch:
                if hasattr(item, "id") and str(item.id) in known:
                    self.skipped += 1
                    continue
                yield item
            batch.clear()

        for item in items:
            batch.append(item)
            if len(batch) >= chunk:
                yield from flush()
        yield from flush()

    def write(self, doc: Document | Mapping[str, Any]) -> bool:
        """Store one document in one transaction; False when its article was already stored."""
        return self.write_batch([doc]) == 1

    def write_batch(self, docs: Sequence[Document | Mapping[str, Any]]) -> int:
        """Store whole documents in one transaction (all of their rows or none); how many.

        Articles already stored, or repeated within ``docs``, are left out (the first wins).
        Stories are assigned in order, so batching never changes the result.
        """
        import duckdb

        datas = [d.to_dict() if isinstance(d, Document) else d for d in docs]
        if not datas:
            return 0
        try:
            self.con.begin()
            try:
                known = self.stored(str(d["article"]["id"]) for d in datas)
                fresh = []
                for data in datas:
                    aid = str(data["article"]["id"])
                    if aid not in known:
                        known.add(aid)
                        fresh.append(data)
                if fresh:
                    stories: dict[tuple[str, str], str] = {}
                    if self.dedup:
                        reports = [r for d in fresh for r in reports_of(d)]
                        stories = assign_batch(self.con, reports, self.window)
                    self._insert(fresh, stories)
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        except duckdb.Error as exc:
            ids = ", ".join(str(d["article"]["id"]) for d in datas[:3])
            more = ", ..." if len(datas) > 3 else ""
            raise StoreError(f"{ids}{more}: cannot store: {exc}") from exc
        return len(fresh)

    def write_each(self, docs: Sequence[Document | Mapping[str, Any]]) -> tuple[int, list[StoreError]]:
        """Store documents in one transaction, or, when that fails, one transaction each;
        how many were written and the errors of those that could not be."""
        try:
            return self.write_batch(docs), []
        except StoreError:
            if len(docs) == 1:
                raise
        written, errors = 0, []
        for doc in docs:
            try:
                written += self.write_batch([doc])
            except StoreError as err:
                errors.append(err)
        return written, errors

    def writer(self, batch_size: int = 64, max_seconds: float = 2.0) -> Writer:
        """A buffer that commits every ``batch_size`` documents or ``max_seconds``."""
        return Writer(self, batch_size=batch_size, max_seconds=max_seconds)

    def _insert(self, datas: Sequence[Mapping[str, Any]],
                stories: Mapping[tuple[str, str], str]) -> None:
        row = self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()
        seq = int(row[0][0])
        rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ("articles", *ARTICLE_TABLES)}
        for data in datas:
            seq += 1
            art = data["article"]
            aid = str(art["id"])
            _check_ids(aid, data)
            text = art["text"]
            rows["articles"].append((aid, art.get("title"), _date(art.get("published")),
                                     art.get("source"), art.get("url"), text, fingerprint(text),
                                     len(text.split()), seq))
            actors = data.get("actors") or []
            rows["actors"].extend(
                (aid, a["id"], a["name"], a.get("country"), a.get("sector"),
                 list(a.get("other_sectors") or []), a.get("role"), a.get("kind"),
                 a.get("cameo"), a.get("country_source"), i) for i, a in enumerate(actors))
            rows["mentions"].extend(
                (aid, a["id"], m["start"], m["end"], m["text"], i)
                for a in actors for i, m in enumerate(a.get("mentions") or []))
            rows["events"].extend(
                (aid, e["id"], e["type"], e.get("mode"), list(e.get("context") or []),
                 e.get("cameo"), list(e.get("source") or []), list(e.get("target") or []),
                 _date(e.get("date")), e.get("date_text"), e.get("place"), e.get("modality"),
                 e.get("attributed_to"), _span(e.get("evidence"), "start"),
                 _span(e.get("evidence"), "end"), _span(e.get("evidence"), "text"),
                 e.get("confidence"), QUAD_CLASS.get(e["type"]), stories.get((aid, e["id"])),
                 _span(e.get("trigger"), "start"), _span(e.get("trigger"), "end"), i)
                for i, e in enumerate(data.get("events") or []))
            rows["quotes"].extend(
                (aid, q["id"], q.get("kind"), q.get("speaker"), q.get("speaker_text"),
                 q.get("cue"), q["start"], q["end"], q["text"],
                 _span(q.get("speaker_span"), "start"), _span(q.get("speaker_span"), "end"),
                 _span(q.get("cue_span"), "start"), _span(q.get("cue_span"), "end"), i)
                for i, q in enumerate(data.get("quotes") or []))
            rows["times"].extend(
                (aid, t["start"], t["end"], t["text"], t.get("value"), t.get("type"), i)
                for i, t in enumerate(data.get("times") or []))
            rows["places"].extend(
                (aid, p["id"], p["start"], p["end"], p["text"], p.get("name"), p.get("country"),
                 p.get("lat"), p.get("lon"), p.get("geonames_id"), p.get("feature"), i)
                for i, p in enumerate(data.get("places") or []))
        for table, table_rows in rows.items():
            self._append(table, table_rows)

    def _append(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Bulk insert through Arrow (one statement, whatever the number of rows)."""
        if not rows:
            return
        cols = TABLES[table]
        arrow = _arrow_table(cols, list(zip(*rows, strict=True)))
        names = ", ".join(f'"{c}"' for c, _ in cols)
        with registered(self.con, f"_ew_{table}", arrow) as name:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {name}")

    # -- deduplication -------------------------------------------------------------------

    def dedup_pending(self, *, rebuild: bool = False, batch_size: int = 256) -> int:
        """Assign stories to events that have none (to all events with ``rebuild``); how many.

        Articles are taken in the order they were stored, so a rebuild gives the stories that
        writing with deduplication on gives.
        """
        import duckdb

        done = 0
        try:
            if rebuild:
                self.con.begin()
                for table in ("stories", "story_reports", "story_keys"):
                    self.con.execute(f"DELETE FROM {table}")
                self.con.execute("UPDATE events SET story_id = NULL")
                self.con.commit()
            pending = [r[0] for r in self.con.execute(
                """SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM events e
                   WHERE e.article_id = a.id AND e.story_id IS NULL) ORDER BY a.seq""").fetchall()]
            for start in range(0, len(pending), batch_size):
                datas = self.documents(pending[start:start + batch_size])
                self.con.begin()
                try:
                    todo = {(r[0], r[1]) for r in self.con.execute(
                        "SELECT article_id, event_id FROM events WHERE story_id IS NULL AND "
                        "article_id IN (SELECT unnest(?))",
                        [pending[start:start + batch_size]]).fetchall()}
                    reports = [r for d in datas for r in reports_of(d)
                               if (r.article_id, r.event_id) in todo]
                    stories = assign_batch(self.con, reports, self.window)
                    if stories:
                        import pyarrow as pa

                        keys = list(stories)
                        assigned = pa.table({
                            "article_id": [k[0] for k in keys], "event_id": [k[1] for k in keys],
                            "story_id": [stories[k] for k in keys]})
                        with registered(self.con, "_ew_assigned", assigned):
                            self.con.execute(
                                """UPDATE events SET story_id = v.story_id FROM _ew_assigned v
                                   WHERE events.article_id = v.article_id
                                     AND events.event_id = v.event_id""")
                    self.con.commit()
                    done += len(stories)
                except BaseException:
                    self.con.rollback()
                    raise
        except duckdb.Error as exc:
            raise StoreError(f"deduplication failed: {exc}") from exc
        return done

    # -- reading -------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
              ) -> list[dict[str, Any]]:
        """Rows of any SQL query, as dictionaries."""
        import duckdb

        try:
            cur = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def count(self, table: str) -> int:
        """The number of rows of one table."""
        row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchall()
        return int(row[0][0]) if row else 0

    def counts(self) -> dict[str, int]:
        """Row counts of every eventwire table."""
        return {t: self.count(t) for t in ("articles", *ARTICLE_TABLES, "stories",
                                           "story_reports")}

    def article_ids(self) -> Iterator[str]:
        """Stored article ids, in the order they were stored."""
        cur = self.con.cursor()
        cur.execute("SELECT id FROM articles ORDER BY seq")
        while rows := cur.fetchmany(1000):
            yield from (r[0] for r in rows)

    def document(self, article_id: str) -> dict[str, Any] | None:
        """The stored document of one article, in ``Document.to_dict()`` shape."""
        found = self.documents([article_id])
        return found[0] if found else None

    def documents(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Stored documents in ``Document.to_dict()`` shape, in the order of the ids asked."""
        ids = [str(i) for i in article_ids]
        arts = {a["id"]: a for a in self.query(
            "SELECT * FROM articles WHERE id IN (SELECT unnest(?))", [ids])}
        rows: dict[str, dict[str, list[dict[str, Any]]]] = {i: {t: [] for t in ARTICLE_TABLES}
                                                            for i in arts}
        for table in ARTICLE_TABLES:
            for r in self.query(f"SELECT * FROM {table} WHERE article_id IN (SELECT unnest(?)) "
                                "ORDER BY article_id, ord", [ids]):
                rows[r["article_id"]][table].append(r)
        return [_document(arts[i], rows[i]) for i in ids if i in arts]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its reports (article, event, evidence), earliest published first."""
        found = self.query("SELECT * FROM stories WHERE story_id = ?", [story_id])
        if not found:
            return None
        story = found[0]
        story["reports"] = self.query(
            """SELECT r.article_id, r.event_id, a.title, a.published, a.url, e.date,
                      e.evidence_text
               FROM story_reports r JOIN articles a ON a.id = r.article_id
               JOIN events e ON e.article_id = r.article_id AND e.event_id = r.event_id
               WHERE r.story_id = ? ORDER BY a.seq, e.ord""", [story_id])
        return story

    def story_of(self, article_id: str, event_id: str) -> str | None:
        """The story an event belongs to."""
        row = self.con.execute(
            "SELECT story_id FROM events WHERE article_id = ? AND event_id = ?",
            [article_id, event_id]).fetchall()
        return row[0][0] if row else None

    # -- export --------------------------------------------------------------------------

    def export_parquet(self, directory: str | Path) -> list[Path]:
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
                self.con.execute(f"COPY ({sql}) TO '{_quote(target)}' "
                                 "(FORMAT parquet, PARTITION_BY (month), OVERWRITE 1)")
                written.append(target)
            for name in ("stories", "story_reports"):
                target = root / f"{name}.parquet"
                self.con.execute(f"COPY {name} TO '{_quote(target)}' (FORMAT parquet)")
                written.append(target)
        except duckdb.Error as exc:
            raise StoreError(f"Parquet export to {root} failed: {exc}") from exc
        return written

    def export_csv(self, path: str | Path) -> int:
        """The GDELT-like flat layout (one row per event) as CSV; the number of rows."""
        import duckdb

        try:
            self.con.execute(
                f"COPY ({FLAT_EVENTS_SQL} ORDER BY a.seq, e.ord) TO '{_quote(Path(path))}' "
                "(FORMAT csv, HEADER)")
        except duckdb.Error as exc:
            raise StoreError(f"CSV export to {path} failed: {exc}") from exc
        return self.count("events")


class Writer:
    """Buffers documents and writes them in transactions of whole articles.

    A transaction holds at most ``batch_size`` documents and is committed at the latest
    ``max_seconds`` after its first document arrived, so a killed run loses little work.
    """

    def __init__(self, store: Store, *, batch_size: int = 64, max_seconds: float = 2.0) -> None:
        self.store = store
        self.batch_size = batch_size
        self.max_seconds = max_seconds
        self.written = 0
        self.errors: list[StoreError] = []  # documents that could not be stored
        self._buffer: list[Document | Mapping[str, Any]] = []
        self._since = 0.0

    def add(self, doc: Document | Mapping[str, Any]) -> None:
        if not self._buffer:
            self._since = time.monotonic()
        self._buffer.append(doc)
        if (len(self._buffer) >= self.batch_size
                or time.monotonic() - self._since >= self.max_seconds):
            self.flush()

    def flush(self) -> None:
        """Write what is buffered; a document that cannot be stored lands in ``errors``."""
        if self._buffer:
            try:
                written, errors = self.store.write_each(self._buffer)
            except StoreError as err:
                written, errors = 0, [err]
            self.written += written
            self.errors.extend(errors)
            self._buffer.clear()

    def drain(self) -> list[StoreError]:
        """The errors since the last call."""
        errors, self.errors = self.errors, []
        return errors

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.flush()


@contextmanager
def registered(con: Any, name: str, table: Any) -> Iterator[str]:
    """An Arrow table visible to SQL as ``name`` for the duration of the block."""
    import duckdb

    con.register(name, table)
    try:
        yield name
    finally:
        with suppress(duckdb.Error):  # never mask the error that ended the block
            con.unregister(name)


def _check_ids(article_id: str, data: Mapping[str, Any]) -> None:
    for key in ("actors", "events"):
        seen: set[str] = set()
        for item in data.get(key) or ():
            if item["id"] in seen:
                raise StoreError(f"{article_id}: cannot store: two {key} share the id "
                                 f"{item['id']!r} (ids must be unique within a document)")
            seen.add(item["id"])


_ARROW_TYPES = {"VARCHAR": "string", "DATE": "date32", "INTEGER": "int32", "BIGINT": "int64",
                "DOUBLE": "float64"}


def _arrow_table(cols: Sequence[tuple[str, str]], columns: Sequence[Sequence[Any]]) -> Any:
    import pyarrow as pa

    def kind(sql: str) -> Any:
        if sql.endswith("[]"):
            return pa.list_(pa.string())
        return getattr(pa, _ARROW_TYPES[sql])()

    return pa.table({c: pa.array(list(v), kind(t)) for (c, t), v in zip(cols, columns, strict=True)})


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if value is None or value == "":
        return None
    return date.fromisoformat(str(value)[:10])


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _document(a: Mapping[str, Any], rows: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in rows["mentions"]:
        mentions.setdefault(m["actor_id"], []).append(
            {"start": m["start"], "end": m["end"], "text": m["text"]})

    def span(start: int | None, end: int | None) -> dict[str, int] | None:
        return None if start is None or end is None else {"start": start, "end": end}

    return {
        "article": {"id": a["id"], "title": a["title"], "published": _iso(a["published"]),
                    "source": a["source"], "url": a["url"], "text": a["text"]},
        "actors": [{"id": r["actor_id"], "name": r["name"], "country": r["country"],
                    "sector": r["sector"], "other_sectors": list(r["other_sectors"] or []),
                    "role": r["role"], "kind": r["kind"], "cameo": r["cameo"],
                    "mentions": mentions.get(r["actor_id"], []),
                    "country_source": r["country_source"]} for r in rows["actors"]],
        "events": [{"id": r["event_id"], "type": r["type"], "mode": r["mode"],
                    "context": list(r["context"] or []), "cameo": r["cameo"],
                    "source": list(r["source"] or []), "target": list(r["target"] or []),
                    "date": _iso(r["date"]), "date_text": r["date_text"], "place": r["place_id"],
                    "modality": r["modality"], "attributed_to": r["attributed_to"],
                    "evidence": {"start": r["evidence_start"], "end": r["evidence_end"],
                                 "text": r["evidence_text"]},
                    "confidence": r["confidence"],
                    "trigger": span(r["trigger_start"], r["trigger_end"])}
                   for r in rows["events"]],
        "quotes": [{"id": r["quote_id"], "kind": r["kind"], "speaker": r["speaker"],
                    "speaker_text": r["speaker_text"],
                    "speaker_span": span(r["speaker_start"], r["speaker_end"]),
                    "cue": r["cue"], "cue_span": span(r["cue_start"], r["cue_end"]),
                    "start": r["start"], "end": r["end"], "text": r["text"]}
                   for r in rows["quotes"]],
        "times": [{"start": r["start"], "end": r["end"], "text": r["text"],
                   "value": r["value"], "type": r["type"]} for r in rows["times"]],
        "places": [{"id": r["place_id"], "start": r["start"], "end": r["end"],
                    "text": r["text"], "name": r["name"], "country": r["country"],
                    "lat": r["lat"], "lon": r["lon"], "geonames_id": r["geonames_id"],
                    "feature": r["feature"]} for r in rows["places"]],
    }


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
