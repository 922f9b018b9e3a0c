"""The research columns of an event row: what GDELT, ICEWS and POLECAT users reach for.

Each is a pure function of one event's dict and its document (``Document.to_dict()`` shape),
so the store derives them while writing and again when it upgrades an older database:

- ``goldstein``: the Goldstein weight of the CAMEO code (``data/goldstein.tsv``, CAMEO 1.1b3
  via andybega/icews); a four-digit code missing from the table takes its base code's weight;
- ``intensity``: the PLOVER score of the type and mode (``data/plover_intensity.tsv``), the
  type's own score when the mode has none;
- ``event_base_code`` / ``event_root_code``: the first three / two digits of the CAMEO code;
- ``cameo_label``: the CAMEO 1.1b3 name of the code (``data/cameo_event_labels.tsv``);
- ``is_root_event``: the event is in the article's lead, the first sentence (evidence) of the
  article that yields any event; every event of that sentence is a root event;
- ``date_source``: the event's own ``date_source`` when it has one, else ``"text"`` when it
  has a date, else null;
- ``place_source``: the event's own ``place_source`` (``sentence``, ``story``) when it has
  one, else ``"text"`` when it has a place, else null;
- ``place_precision``: ``country``, ``admin1``, ``city`` or ``region`` from the feature of the
  event's place, null without a place (or for a place of feature ``other``);
- ``dyadic``: a source and a target actor both have a country;
- ``coder_version``: the eventwire version that coded the event.

Codes stay text everywhere ("030" never 30).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["PLACE_PRECISION", "cameo_label", "cameo_labels", "coder_version", "date_source", "dyadic",
           "goldstein", "intensity", "lead_start", "place_precision", "place_source"]

# A place's feature -> the precision of the event's location (GDELT's ActionGeo_Type in words).
PLACE_PRECISION = {"country": "country", "admin": "admin1", "city": "city", "region": "region"}


def _table(name: str) -> list[list[str]]:
    """The rows of a TSV data file, header and ``#`` comments dropped."""
    text = (resources.files("eventwire") / "data" / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]


@cache
def _goldstein() -> dict[str, float]:
    return {code: float(value) for code, value in _table("goldstein.tsv")}


@cache
def _intensity() -> dict[tuple[str, str], float]:
    return {(kind, mode): float(value) for kind, mode, value in _table("plover_intensity.tsv")}


@cache
def cameo_labels() -> dict[str, str]:
    """CAMEO code ("042") -> its CAMEO 1.1b3 name ("Make a visit"), from
    ``data/cameo_event_labels.tsv``."""
    return {code: name for code, name in _table("cameo_event_labels.tsv")}


def goldstein(cameo: str | None) -> float | None:
    """The Goldstein weight of a CAMEO event code (its base code's when the code has none)."""
    if not cameo:
        return None
    table = _goldstein()
    found = table.get(cameo)
    return table.get(cameo[:3]) if found is None else found


def intensity(event_type: str | None, mode: str | None) -> float | None:
    """The PLOVER intensity of a type and mode (the type's own score when the mode has none)."""
    if not event_type:
        return None
    table = _intensity()
    found = table.get((event_type, mode or ""))
    return table.get((event_type, "")) if found is None else found


def cameo_label(cameo: str | None) -> str | None:
    """The CAMEO 1.1b3 name of an event code ("042" -> "Make a visit")."""
    return cameo_labels().get(cameo) if cameo else None


@cache
def coder_version() -> str:
    """The version of eventwire that codes the events (``eventwire.__version__``)."""
    from .. import __version__

    return __version__


def lead_start(events: list[Mapping[str, Any]]) -> int | None:
    """Where the article's lead sentence starts: the first evidence sentence of any event."""
    starts = [e["evidence"]["start"] for e in events if e.get("evidence")]
    return min(starts) if starts else None


def date_source(event: Mapping[str, Any]) -> str | None:
    """The event's ``date_source``, else ``"text"`` when it has a date, else None."""
    given = event.get("date_source")
    if given:
        return str(given)
    return "text" if event.get("date") else None


def place_source(event: Mapping[str, Any]) -> str | None:
    """The event's ``place_source``, else ``"text"`` when it has a place, else None."""
    given = event.get("place_source")
    if given:
        return str(given)
    return "text" if event.get("place") else None


def place_precision(place: Mapping[str, Any] | None) -> str | None:
    """``country`` / ``admin1`` / ``city`` / ``region`` from a place's feature, else None."""
    return PLACE_PRECISION.get(str(place.get("feature"))) if place else None


def dyadic(event: Mapping[str, Any], countries: Mapping[str, str | None]) -> bool:
    """Whether a source and a target actor of the event both have a country."""
    return (any(countries.get(a) for a in event.get("source") or ())
            and any(countries.get(a) for a in event.get("target") or ()))
