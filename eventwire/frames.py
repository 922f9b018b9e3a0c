"""Data frames of stored events: ``read_events`` (one row per event) and ``read_stories``
(one row per story), as pandas or polars frames.

The source is any of what eventwire writes: a DuckDB database (``eventwire extract --db``), a
Parquet export (the folder ``eventwire export --parquet`` writes), a JSON Lines file of
documents (``eventwire extract --out``; loaded into an in-memory store and grouped into
stories there), or an open ``Store``. The SQL is the store's (``store/frames.py``); this
module checks the filters, opens the source and types the frame:

- dates are dates (``datetime64`` in pandas, ``Date`` in polars), never text;
- codes are text: the CAMEO code "030" stays "030";
- closed vocabularies (event type, mode, modality, countries, sectors, kinds, precisions) are
  categorical, the event types and modalities with every value of the vocabulary as a
  category, so counts show the types a corpus lacks;
- integers with gaps stay integers (pandas' nullable ``Int32``), flags are booleans;
- actors of a side are lists (``source_names``, ``source_countries``, ...) beside the first
  actor's own columns (``source_name``, ``source_country``, ...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .ontology import EventType, Modality

if TYPE_CHECKING:
    from .store import Store
    from .store.frames import FrameFilters

__all__ = ["ENGINES", "read_events", "read_stories"]

Engine = Literal["pandas", "polars"]
ENGINES = ("pandas", "polars")
DOCUMENT_SUFFIXES = (".jsonl", ".ndjson", ".json")

# Columns whose values come from a closed vocabulary: categorical in both engines; those with
# a vocabulary here keep all of its values as categories.
VOCABULARIES: dict[str, tuple[str, ...]] = {"type": tuple(t.value for t in EventType),
                                            "modality": tuple(m.value for m in Modality)}
CATEGORICAL = frozenset({
    "type", "mode", "modality", "source_country", "target_country", "source_sector",
    "target_sector", "source_kind", "target_kind", "place_country", "place_feature",
    "date_precision", "date_source", "place_precision", "place_source"})
_COUNTRY = re.compile(r"[A-Z]{3}")
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2}))?")


# -- the filters --------------------------------------------------------------------------

def _values(value: str | Iterable[str] | None, what: str) -> list[str]:
    """One value or several as a list of non-empty strings."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ValueError(f"{what}: expected a non-empty string or a list of them, "
                             f"not {item!r}")
    return [item.strip() for item in items]


def _vocabulary(value: str | Iterable[str] | None, what: str, valid: Sequence[str],
                fold: str) -> list[str]:
    out = []
    for item in _values(value, what):
        code = item.upper() if fold == "upper" else item.lower()
        if code not in valid:
            raise ValueError(f"unknown {what} {item!r}; valid: {', '.join(valid)}")
        out.append(code)
    return out


def _countries(value: str | Iterable[str] | None) -> list[str]:
    out = []
    for item in _values(value, "country"):
        if not _COUNTRY.fullmatch(item.upper()):
            raise ValueError(f"country {item!r} is not a code: give an ISO 3166 alpha-3 code "
                             "or a PLOVER non-state code (FRA, GBR, IGO, UNO, ...)")
        out.append(item.upper())
    return out


def _day(value: date | str | None, what: str, *, end: bool = False) -> date | None:
    """A date from a ``date``, a ``datetime`` or ISO text; "2024-03" and "2024" are the first
    day of that month or year (the last with ``end``, for ``until``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        period = _PERIOD.fullmatch(text)
        if period:
            year, month = int(period[1]), int(period[2] or 0)
            if month == 0:
                return date(year, 12, 31) if end else date(year, 1, 1)
            if 1 <= month <= 12:
                first = date(year, month, 1)
                if not end:
                    return first
                return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(
                    days=1)
    raise ValueError(f"{what}: not a date: {value!r} (give a date, or YYYY-MM-DD, YYYY-MM, "
                     "YYYY)")


def _filters(*, country: str | Iterable[str] | None = None, actor: str | None = None,
             type: str | Iterable[str] | None = None, since: date | str | None = None,
             until: date | str | None = None, story: str | Iterable[str] | None = None,
             modality: str | Iterable[str] | None = None,
             article: str | Iterable[str] | None = None,
             min_reports: int | None = None) -> FrameFilters:
    from .store.frames import FrameFilters

    if actor is not None and (not isinstance(actor, str) or not actor.strip()):
        raise ValueError(f"actor: expected a name or an actor key, not {actor!r}")
    if min_reports is not None and (isinstance(min_reports, bool)
                                    or not isinstance(min_reports, int)):
        raise ValueError(f"min_reports: expected a whole number, not {min_reports!r}")
    f = FrameFilters(countries=_countries(country), actor=actor.strip() if actor else None,
                     types=_vocabulary(type, "event type", VOCABULARIES["type"], "upper"),
                     since=_day(since, "since"), until=_day(until, "until", end=True),
                     stories=_values(story, "story"),
                     modalities=_vocabulary(modality, "modality", VOCABULARIES["modality"],
                                            "lower"),
                     articles=_values(article, "article"), min_reports=min_reports)
    if f.since and f.until and f.since > f.until:
        raise ValueError(f"since ({f.since}) is after until ({f.until})")
    return f


def _columns(columns: str | Sequence[str] | None) -> list[str] | None:
    if columns is None:
        return None
    names = _values(columns, "columns")
    if not names:
        raise ValueError("columns: give at least one column name")
    return names


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; valid: {', '.join(ENGINES)}")


# -- the source ---------------------------------------------------------------------------

def _is_documents(path: Path) -> bool:
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return True
    with path.open("rb") as handle:
        head = handle.read(64)
    # a DuckDB file starts with an 8-byte checksum, which may begin with "{", then "DUCK"
    return head[8:12] != b"DUCK" and head.lstrip()[:1] == b"{"


def _documents_store(path: Path, batch: int = 256) -> Store:
    """An in-memory store of the documents of a JSON Lines file, grouped into stories."""
    from .store import Store

    store = Store(dedup=False)
    docs: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
                if not isinstance(doc, dict) or not isinstance(doc.get("article"), dict):
                    raise ValueError(
                        f"{path}:{number}: not an eventwire document (no 'article' object); "
                        "a file of articles is extracted first: eventwire extract FILE "
                        "--out documents.jsonl")
                docs.append(doc)
                if len(docs) >= batch:
                    store.write_batch(docs)
                    docs.clear()
        store.write_batch(docs)
        store.dedup = True
        store.dedup_pending()
    except BaseException:
        store.close()
        raise
    return store


@contextmanager
def _connection(source: str | Path | Store) -> Iterator[Any]:
    """A DuckDB connection on which the store's tables (or views of them) can be read."""
    from .store import Store
    from .store.frames import parquet_connection

    if isinstance(source, Store):
        yield source.con
        return
    if not isinstance(source, (str, Path)):
        raise TypeError(f"expected a path or a Store, not {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"no database, Parquet export or JSON Lines file at {path}")
    if path.is_dir():
        if not (path / "events").is_dir():
            raise ValueError(f"{path} is no Parquet export of eventwire (no events/ folder; "
                             "write one with eventwire export --db FILE --parquet DIR)")
        with parquet_connection(path) as con:
            yield con
    elif path.suffix.lower() == ".parquet":
        raise ValueError(f"{path}: give the folder of the Parquet export, not one file")
    elif _is_documents(path):
        store = _documents_store(path)
        with store:
            yield store.con
    else:
        with Store(path, read_only=True) as store:
            yield store.con


# -- the frames ---------------------------------------------------------------------------

def _categories(name: str, values: Sequence[str | None]) -> list[str]:
    seen = sorted({v for v in values if v is not None})
    fixed = VOCABULARIES.get(name, ())
    return [*fixed, *(v for v in seen if v not in fixed)]


def _to_pandas(table: Any) -> Any:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    nullable = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(),
                pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(),
                pa.bool_(): pd.BooleanDtype()}
    categorical = [n for n in table.column_names
                   if n in CATEGORICAL and pa.types.is_string(table.schema.field(n).type)]
    for name in categorical:  # Arrow dictionaries become pandas categories
        index = table.column_names.index(name)
        table = table.set_column(index, name, pc.dictionary_encode(table.column(name)))
    lists = [n for n in table.column_names if pa.types.is_list(table.schema.field(n).type)]
    frame = table.drop_columns(lists).to_pandas(date_as_object=False,
                                                 types_mapper=nullable.get)
    for name in categorical:
        column = frame[name].cat
        frame[name] = column.set_categories(_categories(name, list(column.categories)))
    if not lists:
        return frame
    plain = {name: pd.Series([v if v is not None else [] for v in table.column(name).to_pylist()],
                             index=frame.index, dtype=object)
             for name in lists}  # Python lists: df.explode("source_countries") just works
    return pd.concat([frame, pd.DataFrame(plain, index=frame.index)], axis=1)[table.column_names]


def _to_polars(table: Any) -> Any:
    import polars as pl
    import pyarrow as pa

    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    casts = []
    for name in table.column_names:
        if name in CATEGORICAL and pa.types.is_string(table.schema.field(name).type):
            kind = (pl.Enum(_categories(name, table.column(name).to_pylist()))
                    if name in VOCABULARIES else pl.Categorical())
            casts.append(pl.col(name).cast(kind))
    return frame.with_columns(casts) if casts else frame


def _frame(table: Any, engine: str) -> Any:
    return _to_polars(table) if engine == "polars" else _to_pandas(table)


def _read(source: str | Path | Store, rows: Any, filters: FrameFilters,
          columns: list[str] | None, engine: str) -> Any:
    """The frame of ``rows`` (``events_table`` or ``stories_table``) over ``source``."""
    with _connection(source) as con:
        table = rows(con, filters, columns)
    return _frame(table, engine)


def read_events(source: str | Path | Store, *, engine: Engine = "pandas",
                country: str | Iterable[str] | None = None, actor: str | None = None,
                type: str | Iterable[str] | None = None, since: date | str | None = None,
                until: date | str | None = None, story: str | Iterable[str] | None = None,
                modality: str | Iterable[str] | None = None,
                article: str | Iterable[str] | None = None,
                columns: str | Sequence[str] | None = None) -> Any:
    """One row per stored event, with its actors, article, place and story, as a pandas
    (or, with ``engine="polars"``, polars) data frame, in storage order.

    ``source``: a DuckDB database, a Parquet export folder, a JSON Lines file of documents or
    a ``Store``. Filters (a list means any of them): ``country`` an actor of either side has
    (ISO alpha-3 or a PLOVER non-state code); ``actor`` a name (part of it, any case) or an
    actor key (``name@GBR``) on either side; ``type`` PLOVER event types; ``since`` /
    ``until`` bound the event's date, else its article's publication date (dates, or
    ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``; both ends included); ``story`` story ids;
    ``modality``; ``article`` article ids. ``columns`` picks and orders the columns. A filter
    or column that cannot be is a ``ValueError`` naming the valid ones.
    """
    from .store.frames import events_table

    _check_engine(engine)
    f = _filters(country=country, actor=actor, type=type, since=since, until=until,
                 story=story, modality=modality, article=article)
    return _read(source, events_table, f, _columns(columns), engine)


def read_stories(source: str | Path | Store, *, engine: Engine = "pandas",
                 country: str | Iterable[str] | None = None, actor: str | None = None,
                 type: str | Iterable[str] | None = None, since: date | str | None = None,
                 until: date | str | None = None, story: str | Iterable[str] | None = None,
                 modality: str | Iterable[str] | None = None, min_reports: int | None = None,
                 columns: str | Sequence[str] | None = None) -> Any:
    """One row per story (one real-world event across reports): its type, mode, modality,
    first source and target, date span (``date``, ``last_date``, ``days``), place, size
    (``n_reports``, ``num_articles``, ``num_sources`` outlets), publication span and the
    actors, countries and articles of its reports, as a pandas or polars frame.

    Sources as for ``read_events``. Filters: ``country`` / ``actor`` (name) of any actor of
    its reports, ``type``, ``modality``, ``story``; ``since`` / ``until`` keep the stories
    whose span reaches into the window; ``min_reports``. ``columns`` picks the columns.
    """
    from .store.frames import stories_table

    _check_engine(engine)
    f = _filters(country=country, actor=actor, type=type, since=since, until=until,
                 story=story, modality=modality, min_reports=min_reports)
    return _read(source, stories_table, f, _columns(columns), engine)
