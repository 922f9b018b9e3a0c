"""Documents as table rows and back, and rows as Arrow tables that SQL can read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from typing import Any

from ..errors import StoreError


def fingerprint(text: str) -> str:
    """The content hash of an article: the same words give the same fingerprint."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def span_field(value: Mapping[str, Any] | None, key: str) -> Any:
    """A field of an optional span/evidence object."""
    return value.get(key) if value else None


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
                "DOUBLE": "float64"}


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
    return value.isoformat() if isinstance(value, date) else None


def document_from_rows(a: Mapping[str, Any], rows: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
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

