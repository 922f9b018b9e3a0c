"""Documents as table rows and back (both read off ``schema.LAYOUT``), rows as Arrow tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from functools import cache
from typing import Any

from ..errors import StoreError
from .schema import ARTICLE_TABLES, LAYOUT, TABLES, Column, DocumentContext, Item
from .schema import fingerprint as fingerprint  # the content hash of an article's text


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


def check_ids(article_id: str, data: Mapping[str, Any]) -> None:
    for key in ("actors", "events"):
        seen: set[str] = set()
        for item in data.get(key) or ():
            if item["id"] in seen:
                raise StoreError(f"{article_id}: cannot store: two {key} share the id "
                                 f"{item['id']!r} (ids must be unique within a document)")
            seen.add(item["id"])


_ARROW_TYPES = {"VARCHAR": "string", "DATE": "date32", "INTEGER": "int32", "BIGINT": "int64",
                "DOUBLE": "float64", "BOOLEAN": "bool_"}


def arrow_table(cols: Sequence[tuple[str, str]], columns: Sequence[Sequence[Any]]) -> Any:
    import pyarrow as pa

    def kind(sql: str) -> Any:
        if sql.endswith("[]"):
            return pa.list_(pa.string())
        return getattr(pa, _ARROW_TYPES[sql])()

    return pa.table({c: pa.array(list(v), kind(t)) for (c, t), v in zip(cols, columns, strict=True)})


def as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if value is None or value == "":
        return None
    return date.fromisoformat(str(value)[:10])


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else value  # type: ignore[return-value]


# -- documents -> rows, from the declaration --------------------------------------------------

def _text(value: object) -> object:
    """A text column's value; a ``datetime.date`` (an event date from an older producer) as
    its ISO text."""
    return value.isoformat() if isinstance(value, date) else value


_MISSING = object()


def _path_getter(column: Column) -> Callable[[Item], Any]:
    """How a field column reads its record: the dotted path, converted to the column's type."""
    path = tuple((column.field or column.name).split("."))
    fallback = column.derive
    convert: Callable[[Any], Any] | None = (
        (lambda v: list(v or [])) if column.type.endswith("[]")
        else as_date if column.type == "DATE"
        else _text if column.type == "VARCHAR" else None)

    def get(item: Item) -> Any:
        value: Any = item.data
        for part in path:
            value = value.get(part, _MISSING) if value else None
            if value is _MISSING:
                break
        if (value is _MISSING or value is None) and fallback is not None:
            return fallback(item)
        if value is _MISSING:
            value = None
        return convert(value) if convert is not None else value

    return get


@cache
def _getters(table: str) -> tuple[Callable[[Item], Any], ...]:
    return tuple(c.derive if c.field is None and c.derive is not None else _path_getter(c)
                 for c in LAYOUT[table].columns)


def document_rows(data: Mapping[str, Any], *, seq: int | None = None,
                  stories: Mapping[tuple[str, str], str] | None = None,
                  tables: Sequence[str] = ("articles", *ARTICLE_TABLES)
                  ) -> dict[str, list[tuple[Any, ...]]]:
    """One document as rows of each of ``tables`` (tuples in ``LAYOUT`` column order)."""
    aid = str(data["article"]["id"])
    doc = DocumentContext(data, aid, seq, stories or {})
    out: dict[str, list[tuple[Any, ...]]] = {}
    for name in tables:
        getters = _getters(name)
        out[name] = [tuple(g(item) for g in getters) for item in LAYOUT[name].items(doc)]
    return out


def rows_table(table: str, rows: Sequence[Sequence[Any]]) -> Any:
    """Rows of ``table`` (tuples in ``LAYOUT`` order) as an Arrow table of its columns."""
    return arrow_table(TABLES[table], list(zip(*rows, strict=True)))


# -- rows -> documents, from the declaration --------------------------------------------------

def _record(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The record dict a row holds: its field columns at their paths; an optional span whose
    parts are all NULL is None."""
    out: dict[str, Any] = {}
    for c in LAYOUT[table].columns:
        if c.field is None:
            continue
        value = row.get(c.name)
        if c.type.endswith("[]"):
            value = list(value or [])
        elif c.type == "DATE":
            value = _iso(value)
        head, _, rest = c.field.partition(".")
        if rest:
            out.setdefault(head, {})[rest] = value
        else:
            out[head] = value
    for key, value in out.items():
        if isinstance(value, dict) and all(v is None for v in value.values()):
            out[key] = None
    return out


def document_from_rows(a: Mapping[str, Any], rows: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """A stored article and its rows back in ``Document.to_dict()`` shape."""
    doc: dict[str, Any] = {"article": _record("articles", a)}
    nested: dict[str, tuple[str, str, dict[str, list[dict[str, Any]]]]] = {}
    for name in ARTICLE_TABLES:
        table = LAYOUT[name]
        if table.nested is not None:
            parent, key = table.nested
            groups: dict[str, list[dict[str, Any]]] = {}
            for r in rows.get(name, ()):
                groups.setdefault(r[key], []).append(_record(name, r))
            nested[parent] = (str(table.records), key, groups)
    for name in ARTICLE_TABLES:
        table = LAYOUT[name]
        if table.nested is not None or table.records is None:
            continue
        records = [_record(name, r) for r in rows.get(name, ())]
        if name in nested:
            child, _, groups = nested[name]
            for rec in records:
                rec[child] = groups.get(rec["id"], [])
        doc[table.records] = records
    return doc
