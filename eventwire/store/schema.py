"""The tables, declared once: every column, its DuckDB type and where its value comes from.

``LAYOUT`` is the one declaration of the store's row layouts. Each article table names the
list of records it holds (``"events"`` of ``Document.to_dict()``) and each of its columns
either a ``field`` of that record's dict (a dotted path for a nested span, ``"evidence.start"``)
or a ``derive`` function of the record in its document (``Item``). From it come the DDL
(``SCHEMA``), the Arrow batches and the insert (``rows.table_rows``), the reading back
(``rows.document_from_rows``: exactly the fields, nothing derived), the upgrade of an older
database (columns it lacks are added and derived ones filled) and the README's table
(``python -m eventwire.store --markdown``, checked by ``tests/test_schema.py``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..ontology import QUAD_CLASS
from ..times.periods import period_start, precision
from . import research
from .stories import STORY_TABLES

__all__ = ["ARTICLE_TABLES", "LAYOUT", "SCHEMA", "SCHEMA_VERSION", "TABLES", "Column",
           "DocumentContext", "Item", "Table", "fingerprint", "flat_columns", "markdown"]

# 2: events.date is the TIMEX3 value (VARCHAR), with date_start, date_precision and the
# research columns; a version-1 database is upgraded when opened for writing.
SCHEMA_VERSION = "2"


@dataclass(slots=True)
class DocumentContext:
    """What the derived columns of one document's rows read besides their own record."""

    data: Mapping[str, Any]
    article_id: str
    seq: int | None = None
    stories: Mapping[tuple[str, str], str] = field(default_factory=dict)
    _places: dict[str, Mapping[str, Any]] | None = None
    _countries: dict[str, str | None] | None = None
    _lead: tuple[int | None] | None = None

    @property
    def places(self) -> dict[str, Mapping[str, Any]]:
        if self._places is None:
            self._places = {p["id"]: p for p in self.data.get("places") or ()}
        return self._places

    @property
    def countries(self) -> dict[str, str | None]:
        if self._countries is None:
            self._countries = {a["id"]: a.get("country") for a in self.data.get("actors") or ()}
        return self._countries

    @property
    def lead(self) -> int | None:
        if self._lead is None:
            self._lead = (research.lead_start(list(self.data.get("events") or ())),)
        return self._lead[0]


@dataclass(slots=True)
class Item:
    """One record on its way into a row: its dict, its place in its list, its document."""

    data: Mapping[str, Any]
    ord: int
    doc: DocumentContext
    parent: Mapping[str, Any] | None = None  # the actor of a mention


@dataclass(frozen=True, slots=True)
class Column:
    """One column: name, DuckDB type, and either the record ``field`` it holds (read back into
    the document) or how it is ``derive``d (not read back). A field missing from a record's
    dict falls back to ``derive`` when given."""

    name: str
    type: str = "VARCHAR"
    field: str | None = None
    derive: Callable[[Item], Any] | None = None
    doc: str = ""
    anchor: str = ""  # the GDELT / ICEWS / POLECAT field it answers to
    csv: str = ""  # its name in the flat layout (events_flat, CSV), when it is copied there
    settled: bool = False  # derived from actors the registry completes: recomputed on settle


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its columns, primary key, and the document list its rows come from."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    records: str | None = None  # "actors": one row per document["actors"] item
    nested: tuple[str, str] | None = None  # (parent list, its key): mentions live in actors
    doc: str = ""

    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def items(self, doc: DocumentContext) -> Iterator[Item]:
        """The records of one document that become rows of this table."""
        if self.records is None:
            return
        if self.nested is None:
            if self.records == "article":
                yield Item(doc.data["article"], 0, doc)
                return
            for i, rec in enumerate(doc.data.get(self.records) or ()):
                yield Item(rec, i, doc)
            return
        parents, _ = self.nested
        for parent in doc.data.get(parents) or ():
            for i, rec in enumerate(parent.get(self.records) or ()):
                yield Item(rec, i, doc, parent)


def _article(item: Item) -> str:
    return item.doc.article_id


def _ord(item: Item) -> int:
    return item.ord


def _timex(item: Item) -> str | None:
    """The event's date as its TIMEX3 value (a ``datetime.date`` from an older producer as
    its day)."""
    value = item.data.get("date")
    return value.isoformat() if isinstance(value, date) else value


def _event_date(item: Item) -> Any:
    return period_start(_timex(item))


def _place(item: Item) -> Mapping[str, Any] | None:
    pid = item.data.get("place")
    return item.doc.places.get(pid) if pid else None


def _is_root(item: Item) -> bool:
    evidence = item.data.get("evidence")
    return evidence is not None and evidence["start"] == item.doc.lead


def _extracted(item: Item) -> str | None:
    value = item.data.get("extracted")
    return json.dumps(value) if value else None


def _f(name: str, kind: str = "VARCHAR", path: str | None = None, doc: str = "") -> Column:
    """A column holding a field of the record (``path``, default its own name)."""
    return Column(name, kind, field=path or name, doc=doc)


def _d(name: str, kind: str, derive: Callable[[Item], Any], doc: str = "", **kw: Any) -> Column:
    """A derived column."""
    return Column(name, kind, derive=derive, doc=doc, **kw)


ARTICLE_ID = _d("article_id", "VARCHAR", _article)
ORD = _d("ord", "INTEGER", _ord)

_ARTICLES = Table("articles", key=("id",), records="article", columns=(
    _f("id"), _f("title"), _f("published", "DATE"), _f("source"), _f("url"), _f("text"),
    _d("fingerprint", "VARCHAR", lambda i: fingerprint(i.data["text"]),
       "SHA-1 of the whitespace-normalised text"),
    _d("n_words", "INTEGER", lambda i: len(i.data["text"].split())),
    _d("seq", "BIGINT", lambda i: i.doc.seq, "storage order"),
))

_ACTORS = Table("actors", key=("article_id", "actor_id"), records="actors", columns=(
    ARTICLE_ID, _f("actor_id", path="id"), _f("name"), _f("country"), _f("sector"),
    _f("other_sectors", "VARCHAR[]"), _f("role"), _f("kind"), _f("cameo"),
    _f("country_source"), ORD,
    _d("extracted", "VARCHAR", _extracted,
       "JSON of the fields the registry changed, as extracted; else NULL"),
    _f("actor_key", doc="cross-article key from the best evidence, e.g. tony-blair@GBR "
                        "(eventwire.registry.actor_key)"),
))

_MENTIONS = Table("mentions", records="mentions", nested=("actors", "actor_id"), columns=(
    ARTICLE_ID, _d("actor_id", "VARCHAR", lambda i: i.parent["id"] if i.parent else None),
    _f("start", "INTEGER"), _f("end", "INTEGER"), _f("text"), ORD,
))

_EVENTS = Table("events", key=("article_id", "event_id"), records="events", columns=(
    ARTICLE_ID, _f("event_id", path="id"), _f("type"), _f("mode"), _f("context", "VARCHAR[]"),
    _f("cameo", doc="CAMEO event code, text: \"030\""),
    _f("source", "VARCHAR[]", doc="actor ids"), _f("target", "VARCHAR[]", doc="actor ids"),
    _f("date", doc="TIMEX3 value: a day, ISO week, month or year"), _f("date_text"),
    _f("place_id", path="place"), _f("modality"), _f("attributed_to"),
    _f("evidence_start", "INTEGER", "evidence.start"), _f("evidence_end", "INTEGER", "evidence.end"),
    _f("evidence_text", path="evidence.text"), _f("confidence", "DOUBLE"),
    _d("quad_class", "INTEGER", lambda i: QUAD_CLASS.get(i.data["type"]),
       "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict"),
    _d("story_id", "VARCHAR", lambda i: i.doc.stories.get((i.doc.article_id, i.data["id"]))),
    _f("trigger_start", "INTEGER", "trigger.start"), _f("trigger_end", "INTEGER", "trigger.end"),
    ORD,
    _d("date_start", "DATE", _event_date, "first day of the date's period", csv="DateStart",
       anchor="GDELT SQLDATE / ICEWS Event Date / POLECAT Event Date"),
    _d("date_precision", "VARCHAR", lambda i: precision(_timex(i)),
       "day, week, month or year", csv="DatePrecision",
       anchor="no counterpart: GDELT, ICEWS and POLECAT give a day"),
    Column("date_source", "VARCHAR", field="date_source",
           derive=lambda i: research.date_source(i.data),
           doc="where the date was read (clause, sentence, story; text when not told); NULL when undated",
           anchor="no counterpart",
           csv="DateSource"),
    Column("place_source", "VARCHAR", field="place_source",
           derive=lambda i: research.place_source(i.data),
           doc="where the place was read (sentence; story: where the story is set; text when not told); NULL when unplaced",
           anchor="no counterpart",
           csv="PlaceSource"),
    _d("goldstein", "DOUBLE", lambda i: research.goldstein(i.data.get("cameo")),
       "Goldstein weight of the CAMEO code, -10..+10", csv="GoldsteinScale",
       anchor="GDELT GoldsteinScale / ICEWS Intensity (CAMEO scale)"),
    _d("intensity", "DOUBLE", lambda i: research.intensity(i.data.get("type"), i.data.get("mode")),
       "PLOVER score of type and mode, -10..+10", csv="Intensity",
       anchor="POLECAT Intensity (PLOVER scale)"),
    _d("event_base_code", "VARCHAR", lambda i: (i.data.get("cameo") or "")[:3] or None,
       "first three digits of the CAMEO code", csv="EventBaseCode",
       anchor="GDELT EventBaseCode"),
    _d("event_root_code", "VARCHAR", lambda i: (i.data.get("cameo") or "")[:2] or None,
       "first two digits of the CAMEO code", csv="EventRootCode",
       anchor="GDELT EventRootCode"),
    _d("cameo_label", "VARCHAR", lambda i: research.cameo_label(i.data.get("cameo")),
       "CAMEO 1.1b3 name of the code", csv="CAMEOLabel",
       anchor="ICEWS Event Text"),
    _d("is_root_event", "BOOLEAN", _is_root,
       "in the article's lead: the first sentence that yields an event", csv="IsRootEvent",
       anchor="GDELT IsRootEvent"),
    _d("place_precision", "VARCHAR", lambda i: research.place_precision(_place(i)),
       "country, admin1, city or region, from the place's feature", csv="ActionGeo_Precision",
       anchor="GDELT ActionGeo_Type / POLECAT Feature Type"),
    _d("dyadic", "BOOLEAN", lambda i: research.dyadic(i.data, i.doc.countries),
       "a source and a target actor both have a country", csv="Dyadic", settled=True,
       anchor="ICEWS / POLECAT: Source and Target Country both set"),
    _d("coder_version", "VARCHAR", lambda i: research.coder_version(),
       "eventwire version that coded it", csv="CoderVersion",
       anchor="POLECAT Version"),
))

_QUOTES = Table("quotes", records="quotes", columns=(
    ARTICLE_ID, _f("quote_id", path="id"), _f("kind"), _f("speaker"), _f("speaker_text"),
    _f("cue"), _f("start", "INTEGER"), _f("end", "INTEGER"), _f("text"),
    _f("speaker_start", "INTEGER", "speaker_span.start"),
    _f("speaker_end", "INTEGER", "speaker_span.end"),
    _f("cue_start", "INTEGER", "cue_span.start"), _f("cue_end", "INTEGER", "cue_span.end"), ORD,
))

_TIMES = Table("times", records="times", columns=(
    ARTICLE_ID, _f("start", "INTEGER"), _f("end", "INTEGER"), _f("text"), _f("value"),
    _f("type"), ORD,
))

_PLACES = Table("places", records="places", columns=(
    ARTICLE_ID, _f("place_id", path="id"), _f("start", "INTEGER"), _f("end", "INTEGER"),
    _f("text"), _f("name"), _f("country"), _f("lat", "DOUBLE"), _f("lon", "DOUBLE"),
    _f("geonames_id", "BIGINT"), _f("feature"), ORD,
))

# The story tables are declared by the story matcher (``stories.STORY_TABLES``); their
# README notes are kept here.
_STORY_DOCS = {"date": "earliest", "n_reports": "events in the story",
               "num_articles": "articles reporting it", "num_sources": "distinct outlets"}
_STORY_KEYS = {"stories": ("story_id",)}
_STORY_NOTES = {"story_keys": "what the matcher compares; internal"}

LAYOUT: dict[str, Table] = {t.name: t for t in (
    _ARTICLES, _ACTORS, _MENTIONS, _EVENTS, _QUOTES, _TIMES, _PLACES,
    *(Table(name, key=_STORY_KEYS.get(name, ()), doc=_STORY_NOTES.get(name, ""),
            columns=tuple(Column(c, kind, doc=_STORY_DOCS.get(c, "") if name == "stories"
                                 else "") for c, kind in columns))
      for name, columns in STORY_TABLES.items()),
)}

# Every table's columns and DuckDB types, as (name, type) pairs.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    name: tuple((c.name, c.type) for c in table.columns) for name, table in LAYOUT.items()}

# Tables holding rows of one article (keyed by article_id), in write order.
ARTICLE_TABLES = ("actors", "mentions", "events", "quotes", "times", "places")


def fingerprint(text: str) -> str:
    """The content hash of an article: the same words give the same fingerprint."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def _ddl() -> str:
    out = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);"]
    for table in LAYOUT.values():
        body = ", ".join(f'"{c.name}" {c.type}' for c in table.columns)
        if table.key:
            body += f", PRIMARY KEY ({', '.join(table.key)})"
        out.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({body});")
    return "\n".join(out)


SCHEMA = _ddl()


# -- the README's tables ---------------------------------------------------------------------

_PLAIN_TYPES = ("VARCHAR", "INTEGER")


def _cell(column: Column) -> str:
    name = '"end"' if column.name == "end" else column.name
    kind = "" if column.type in _PLAIN_TYPES else f" {column.type}"
    note = f" ({column.doc})" if column.doc and not column.anchor else ""
    return f"{name}{kind}{note}"


def _row(table: Table) -> str:
    keys = [c for c in table.columns if c.name in table.key]
    rest = [c for c in table.columns if c.name not in table.key]
    cells = ([f"**{', '.join(c.name for c in keys)}**"] if keys else []) + [_cell(c) for c in rest]
    note = f" ({table.doc})" if table.doc else ""
    return f"| `{table.name}` | {', '.join(cells)}{note} |"


def markdown() -> str:
    """The README's schema tables, generated from ``LAYOUT``: every table, then the research
    columns of ``events`` with their flat (CSV) name and anchor."""
    lines = ["| table | columns (key in bold) |", "|---|---|"]
    lines += [_row(t) for t in LAYOUT.values()]
    lines += ["", "| `events` column | CSV / `events_flat` | type | meaning | anchor |",
              "|---|---|---|---|---|"]
    lines += [f"| `{c.name}` | `{c.csv}` | {c.type} | {c.doc} | {c.anchor} |"
              for c in _EVENTS.columns if c.anchor]
    return "\n".join(lines)


def flat_columns(alias: str = "e") -> Sequence[str]:
    """The research columns of ``events`` in the flat layout: ``e.goldstein AS GoldsteinScale``."""
    return [f'{alias}."{c.name}" AS {c.csv}' for c in _EVENTS.columns if c.csv]
