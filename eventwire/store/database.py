"""``Store``: one DuckDB database; whole articles written per transaction, read back as documents."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from ..dedup import DEFAULT_WINDOW_DAYS, reports_of
from ..errors import ArticleError, StoreError
from ..records import Actor, Article, Document, Mention
from ..registry import ARTICLE_ORDER, ENRICHED_FIELDS, STATED_FIELDS, Registry
from .export import write_csv, write_parquet
from .rows import (
    arrow_table,
    check_ids,
    document_from_rows,
    document_rows,
    fingerprint,
    registered,
    rows_table,
)
from .schema import ARTICLE_TABLES, LAYOUT, SCHEMA, SCHEMA_VERSION, TABLES
from .stories import assign_batch
from .writer import StoreWriteError, Writer

T = TypeVar("T")


MEMORY_LIMIT = "512MB"


CONFLICT = "id already stored with a different text (give each article its own id)"


def _rollback(con: Any) -> None:
    """Roll back, when a transaction is still open: a failed commit (a full disk) has already
    ended it, and "no transaction is active" must not hide the error that did."""
    import duckdb

    try:
        con.rollback()
    except duckdb.Error:
        pass


# what a full or failing disk says; DuckDB wraps it, e.g. in "TransactionContext Error: Failed
# to commit: Could not write file "x.wal": No space left on device"
_DISK_ERRORS = tuple(os.strerror(code) for code in (errno.ENOSPC, errno.EDQUOT, errno.EROFS,
                                                    errno.EIO, errno.EFBIG))


def _cannot_write(exc: BaseException) -> bool:
    """True when no later write can succeed either: the disk is full, read-only or failing."""
    import duckdb

    if isinstance(exc, (OSError, duckdb.IOException, duckdb.FatalException)):
        return True
    return any(reason in str(exc) for reason in _DISK_ERRORS)


def _write_error(path: str, exc: BaseException) -> StoreWriteError:
    """The database cannot be written at all: its cause, once (e.g. No space left on device)."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return StoreWriteError(f"cannot write database {path}: {reason}")


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
            # a bounded buffer pool: writing a corpus of any size keeps memory flat
            self.con = duckdb.connect(self.path, read_only=read_only,
                                      config={"memory_limit": MEMORY_LIMIT})
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        if self.path != ":memory:" and self._in_memory():
            self.con.close()  # DuckDB opens a .csv, .json(l) or .parquet file as a view in memory
            raise StoreError(f"cannot open database {self.path}: a data file DuckDB reads, not "
                             "a database (give a .duckdb file)")
        try:
            found = self._stored_version()
            if found is not None and int(found) > int(SCHEMA_VERSION):
                raise StoreError(f"cannot open database {self.path}: its schema version is "
                                 f"{found}, newer than this eventwire's ({SCHEMA_VERSION}); "
                                 "upgrade eventwire")
            if read_only:
                if found is not None and found != SCHEMA_VERSION:
                    raise StoreError(
                        f"cannot read database {self.path}: its schema version is {found}, "
                        f"this eventwire reads version {SCHEMA_VERSION}; open it once for "
                        "writing to upgrade it (eventwire.store.Store(path), or e.g. "
                        f"`eventwire dedup --db {self.path}`)")
                return
            self.con.execute(SCHEMA)
            if found is not None and found != SCHEMA_VERSION:
                self._upgrade()
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                             [SCHEMA_VERSION])
            if found is not None and found != SCHEMA_VERSION and dedup:
                self.dedup_pending(rebuild=True)  # the story tables of the new layout
        except (duckdb.Error, StoreError) as exc:
            self.con.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot create the schema in {self.path}: {exc}") from exc

    def _stored_version(self) -> str | None:
        """The schema version written in the database; None for a new one ("1" when a
        database from before versions were written has tables but no version)."""
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()").fetchall()}
        if "meta" not in tables:
            return "1" if "articles" in tables else None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        return str(row[0][0]) if row else "1"

    def _upgrade(self, batch_size: int = 256) -> None:
        """Bring an older database to ``LAYOUT``: ``events.date`` DATE becomes its TIMEX
        value (VARCHAR), columns it lacks are added, and derived ones are filled from the
        stored documents, one transaction."""
        have: dict[str, dict[str, str]] = {}
        for table, column, kind in self.con.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema()").fetchall():
            have.setdefault(table, {})[column] = kind
        self.con.begin()
        try:
            if have.get("events", {}).get("date") == "DATE":
                self.con.execute("ALTER TABLE events ALTER COLUMN date TYPE VARCHAR "
                                 "USING strftime(date, '%Y-%m-%d')")
            added: dict[str, list[str]] = {}
            for name, table in LAYOUT.items():
                for c in table.columns:
                    if c.name not in have.get(name, {}):
                        self.con.execute(f'ALTER TABLE {name} ADD COLUMN "{c.name}" {c.type}')
                        if c.derive is not None and table.records is not None:
                            added.setdefault(name, []).append(c.name)
            if added:
                ids = [r[0] for r in self.con.execute(
                    "SELECT id FROM articles ORDER BY seq").fetchall()]
                for start in range(0, len(ids), batch_size):
                    self._fill(added, self.documents(ids[start:start + batch_size]))
            self.con.commit()
        except BaseException:
            _rollback(self.con)
            raise

    def _fill(self, columns: Mapping[str, Sequence[str]], datas: Sequence[Mapping[str, Any]]
              ) -> None:
        """Set ``columns`` (table -> names) of the stored rows of ``datas`` to their derived
        values; rows are matched on the table's key (else article, actor and ord)."""
        for name, wanted in columns.items():
            names = LAYOUT[name].names()
            match = LAYOUT[name].key or tuple(
                c for c in ("article_id", "actor_id", "ord") if c in names)
            picked = [names.index(c) for c in (*match, *wanted)]
            rows = [tuple(r[i] for i in picked) for d in datas
                    for r in document_rows(d, tables=(name,))[name]]
            if not rows:
                continue
            types = dict(TABLES[name])
            table = arrow_table([(names[i], types[names[i]]) for i in picked],
                                list(zip(*rows, strict=True)))
            sets = ", ".join(f'"{c}" = v."{c}"' for c in wanted)
            on = " AND ".join(f'{name}."{c}" = v."{c}"' for c in match)
            with registered(self.con, "_ew_fill", table):
                self.con.execute(f"UPDATE {name} SET {sets} FROM _ew_fill v WHERE {on}")

    def _in_memory(self) -> bool:
        """True when the connection holds no database file: what was written would vanish."""
        row = self.con.execute("SELECT path FROM duckdb_databases() "
                               "WHERE database_name = current_database()").fetchone()
        return row is None or not row[0]

    @classmethod
    def open(cls, path: str | Path = ":memory:", **options: Any) -> Store:
        """Open (creating when needed) the database at ``path``."""
        return cls(path, **options)

    def close(self) -> None:
        import duckdb

        try:
            self.con.close()
        except duckdb.Error as exc:  # the last checkpoint: a full disk shows here too
            raise _write_error(self.path, exc) from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.close()
        except StoreError:
            if exc_type is None:  # else the error on its way out already says what failed
                raise

    # -- writing -------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether the article is stored (a resumed run skips it before parsing)."""
        return bool(self.stored([article_id]))

    def stored(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored (one query)."""
        return set(self.fingerprints(article_ids))

    def fingerprints(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The text fingerprint of each of these article ids that is stored (one query)."""
        ids = [str(i) for i in article_ids]
        if not ids:
            return {}
        rows = self.con.execute("SELECT id, fingerprint FROM articles "
                                "WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0]: r[1] for r in rows}

    def skip_stored(self, items: Iterable[T], chunk: int = 32) -> Iterator[T | ArticleError]:
        """The items that are not stored articles, in order; ``skipped`` counts those dropped.

        An article whose id is stored with the same text (its fingerprint) is dropped: a
        resumed run. One whose id is stored with a different text comes back as an
        ``ArticleError`` in its place, never silently lost. Errors and anything without an
        ``id`` pass through.
        """
        batch: list[T] = []

        def flush() -> Iterator[T | ArticleError]:
            known = self.fingerprints(str(i.id) for i in batch if hasattr(i, "id"))
            for item in batch:
                aid = str(item.id) if hasattr(item, "id") else None
                if aid is not None and aid in known:
                    if known[aid] != fingerprint(str(getattr(item, "text", ""))):
                        yield ArticleError(aid, CONFLICT)
                        continue
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

        Articles already stored, or repeated within ``docs``, with the same text are left out
        (a resumed run). An id already taken by a different text is a ``StoreError`` and
        nothing of the batch is stored. Stories are assigned in order, so batching never
        changes the result.
        """
        import duckdb

        datas = [d.to_dict() if isinstance(d, Document) else d for d in docs]
        if not datas:
            return 0
        try:
            self.con.begin()
            try:
                known = self.fingerprints(str(d["article"]["id"]) for d in datas)
                fresh = []
                for data in datas:
                    aid = str(data["article"]["id"])
                    text = fingerprint(data["article"]["text"])
                    if aid not in known:
                        known[aid] = text
                        fresh.append(data)
                    elif known[aid] != text:
                        raise StoreError(f"{aid}: {CONFLICT}")
                if fresh:
                    stories: dict[tuple[str, str], str] = {}
                    if self.dedup:
                        reports = [r for d in fresh for r in reports_of(d)]
                        stories = assign_batch(self.con, reports, self.window)
                    self._insert(fresh, stories)
                self.con.commit()
            except BaseException:
                _rollback(self.con)
                raise
        except (duckdb.Error, OSError) as exc:
            if _cannot_write(exc):
                raise _write_error(self.path, exc) from exc
            if not isinstance(exc, duckdb.Error):
                raise
            ids = ", ".join(str(d["article"]["id"]) for d in datas[:3])
            more = ", ..." if len(datas) > 3 else ""
            raise StoreError(f"{ids}{more}: cannot store: {exc}") from exc
        return len(fresh)

    def write_each(self, docs: Sequence[Document | Mapping[str, Any]]) -> tuple[int, list[StoreError]]:
        """Store documents in one transaction, or, when that fails, one transaction each;
        how many were written and the errors of those that could not be."""
        try:
            return self.write_batch(docs), []
        except StoreWriteError:
            raise
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
            check_ids(str(data["article"]["id"]), data)
            for table, table_rows in document_rows(data, seq=seq, stories=stories).items():
                rows[table].extend(table_rows)
        for table, table_rows in rows.items():
            self._append(table, table_rows)

    def _append(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Bulk insert through Arrow (one statement, whatever the number of rows)."""
        if not rows:
            return
        arrow = rows_table(table, rows)
        names = ", ".join(f'"{c}"' for c, _ in TABLES[table])
        with registered(self.con, f"_ew_{table}", arrow) as name:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {name}")

    # -- settling: what depends on the order of articles ---------------------------------

    def settle(self, *, registry: bool = True) -> int:
        """Recompute what depends on the order of articles over everything stored, taking
        the articles in ``ARTICLE_ORDER``: the actors the registry completed (with
        ``registry``) and, when the store deduplicates, the stories; how many actor rows
        changed.

        Writing assigns both as articles arrive; a run whose failed batch is resumed stores
        those articles last. Settled, every way of storing the same articles (one process,
        Dask, interrupted and resumed) holds the same rows.
        """
        import duckdb

        try:
            changed, articles = self._settle_registry(enabled=registry)
            self._refill_settled(articles)
            if self.dedup:
                self.dedup_pending(rebuild=True)
        except duckdb.Error as exc:
            if _cannot_write(exc):
                raise _write_error(self.path, exc) from exc
            raise StoreError(f"cannot settle {self.path}: {exc}") from exc
        return changed

    def _stored_actors(self) -> Iterator[tuple[Document, list[dict[str, Any]]]]:
        """Each article's actors as extracted (before the registry), in ``ARTICLE_ORDER``,
        with the stored rows."""
        order = ", ".join("a." + k for k in ARTICLE_ORDER.split(", "))
        cur = self.con.cursor()
        cur.execute(
            "SELECT x.*, a.published AS _published, (SELECT list(struct_pack(s := m.start, "
            "e := m.\"end\", t := m.text) ORDER BY m.ord) FROM mentions m WHERE "
            "m.article_id = x.article_id AND m.actor_id = x.actor_id) AS _mentions "
            f"FROM actors x JOIN articles a ON a.id = x.article_id ORDER BY {order}, x.ord")
        names = [d[0] for d in cur.description]
        current: str | None = None
        published = None
        actors: list[Actor] = []
        rows: list[dict[str, Any]] = []

        def emit() -> tuple[Document, list[dict[str, Any]]]:
            article = Article(id=str(current), text=" ", published=published)
            return Document(article=article, actors=tuple(actors)), rows

        while batch := cur.fetchmany(2000):
            for values in batch:
                row = dict(zip(names, values, strict=True))
                if row["article_id"] != current:
                    if current is not None:
                        yield emit()
                    current, published, actors, rows = row["article_id"], row["_published"], [], []
                fields = {k: row[k] for k in ENRICHED_FIELDS}
                if row["extracted"]:
                    fields.update(json.loads(row["extracted"]))
                fields["other_sectors"] = tuple(fields["other_sectors"] or ())
                actors.append(Actor(id=row["actor_id"], mentions=tuple(
                    Mention(start=m["s"], end=m["e"], text=m["t"])
                    for m in row["_mentions"] or ()), **fields))
                rows.append(row)
        if current is not None:
            yield emit()

    def _refill_settled(self, article_ids: Sequence[str], batch_size: int = 256) -> None:
        """The columns derived from actors (``Column.settled``: ``events.dyadic``) again for
        articles whose actors settling changed, one transaction."""
        columns = {name: [c.name for c in t.columns if c.settled]
                   for name, t in LAYOUT.items()}
        columns = {name: cols for name, cols in columns.items() if cols}
        if not article_ids or not columns:
            return
        self.con.begin()
        try:
            for start in range(0, len(article_ids), batch_size):
                self._fill(columns, self.documents(article_ids[start:start + batch_size]))
            self.con.commit()
        except BaseException:
            _rollback(self.con)
            raise

    def _settle_registry(self, *, enabled: bool) -> tuple[int, list[str]]:
        """Actor rows set to the registry's completion (to what was extracted, when not
        ``enabled``); how many changed, and the articles they belong to. The registry is learned from every stored article as
        extracted (``Registry.corpus``), so each is completed from the whole corpus."""
        registry = Registry.corpus(doc for doc, _ in self._stored_actors()) if enabled \
            else Registry()
        update: dict[str, list[Any]] = {k: [] for k in ("article_id", "actor_id",
                                                         *ENRICHED_FIELDS, "extracted")}
        for extracted, rows in self._stored_actors():
            doc = registry.enrich(extracted) if enabled else extracted
            for before, after, row in zip(extracted.actors, doc.actors, rows, strict=True):
                now = after.to_dict()
                kept = ({k: before.to_dict()[k] for k in STATED_FIELDS}
                        if before != after else None)
                was = {k: row[k] for k in ENRICHED_FIELDS}
                was["other_sectors"] = list(was["other_sectors"] or [])
                if all(now[k] == was[k] for k in ENRICHED_FIELDS) and \
                        (json.loads(row["extracted"]) if row["extracted"] else None) == kept:
                    continue
                update["article_id"].append(row["article_id"])
                update["actor_id"].append(row["actor_id"])
                for k in ENRICHED_FIELDS:
                    update[k].append(now[k])
                update["extracted"].append(json.dumps(kept) if kept else None)
        if not update["article_id"]:
            return 0, []
        types = dict(TABLES["actors"])
        table = arrow_table([(k, types[k]) for k in update], list(update.values()))
        sets = ", ".join(f'"{k}" = v."{k}"' for k in (*ENRICHED_FIELDS, "extracted"))
        self.con.begin()
        try:
            with registered(self.con, "_ew_settled", table):
                self.con.execute(f"UPDATE actors SET {sets} FROM _ew_settled v WHERE "
                                 "actors.article_id = v.article_id "
                                 "AND actors.actor_id = v.actor_id")
            self.con.commit()
        except BaseException:
            _rollback(self.con)
            raise
        return len(update["article_id"]), sorted(set(update["article_id"]))

    # -- deduplication -------------------------------------------------------------------

    def dedup_pending(self, *, rebuild: bool = False, batch_size: int = 256) -> int:
        """Assign stories to events that have none (to all events with ``rebuild``); how many.

        Articles are taken in ``ARTICLE_ORDER`` (publication date, then id), so a rebuild gives
        the stories of writing them in that order, however they were stored.
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
                   WHERE e.article_id = a.id AND e.story_id IS NULL) ORDER BY """
                + ARTICLE_ORDER).fetchall()]
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
                    _rollback(self.con)
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
        return [document_from_rows(arts[i], rows[i]) for i in ids if i in arts]

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
        return write_parquet(self.con, directory)

    def export_csv(self, path: str | Path) -> int:
        """The GDELT-like flat layout (one row per event) as CSV; the number of rows."""
        write_csv(self.con, path)
        return self.count("events")
