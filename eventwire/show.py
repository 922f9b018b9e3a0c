"""A readable table of a document's events, for terminals (``eventwire show``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import EventwireError

__all__ = ["ShowError", "events_table", "read_documents"]

_DOCUMENT_KEYS = ("article", "events")


class ShowError(EventwireError):
    """A file given to ``show`` is not JSON Lines of extracted documents."""


def read_documents(lines: Iterable[bytes], name: str) -> Iterator[dict[str, Any]]:
    """The documents of JSON Lines written by ``eventwire extract``; the first line that is
    not one raises ``ShowError`` (one message for a binary file, not one per line)."""
    for number, raw in enumerate(lines, start=1):
        if b"\x00" in raw:
            raise ShowError(f"{name}: binary content, not JSON Lines")
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise ShowError(f"{name}:{number}: not UTF-8 text (a binary file?)") from None
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ShowError(f"{name}:{number}: not JSON Lines ({exc.msg})") from None
        if not isinstance(doc, dict) or not all(k in doc for k in _DOCUMENT_KEYS):
            raise ShowError(f"{name}:{number}: not a document written by `eventwire extract`")
        yield doc


def _names(ids: list[str], actors: dict[str, dict[str, Any]]) -> str:
    out = []
    for i in ids:
        a = actors.get(i)
        if a:
            out.append(f"{a['name']} ({a.get('country') or '?'})")
    return ", ".join(out) or "-"


def events_table(doc: dict[str, Any]) -> str:
    """One line per event: type/mode, CAMEO, source -> target, date, place, modality, on whose word."""
    actors = {a["id"]: a for a in doc.get("actors", [])}
    places = {p["id"]: p for p in doc.get("places", [])}
    art = doc["article"]
    lines = [f"# {art['id']}  {art.get('title') or ''}  (published {art.get('published') or '?'})",
             f"{'type':<18}{'cameo':<6}{'source':<34}{'target':<34}{'date':<12}{'place':<14}"
             f"{'modality':<13}attributed to"]
    for e in doc.get("events", []):
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        place = places.get(e.get("place") or "", {}).get("name", "-")
        by = actors.get(e.get("attributed_to") or "", {}).get("name", "-")
        lines.append(f"{kind:<18}{e.get('cameo') or '-':<6}{_names(e['source'], actors)[:33]:<34}"
                     f"{_names(e['target'], actors)[:33]:<34}{e.get('date') or '-':<12}"
                     f"{place[:13]:<14}{e['modality']:<13}{by}")
    lines.append(f"{len(doc.get('events', []))} events, {len(doc.get('actors', []))} actors, "
                 f"{len(doc.get('quotes', []))} quotes, {len(doc.get('times', []))} times, "
                 f"{len(doc.get('places', []))} places")
    return "\n".join(lines)
