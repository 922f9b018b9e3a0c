"""The registry's reads over the store: the stored people it learns from again, and the
people of a database with their cross-article keys (``scripts/actor_keys.py``).

The SQL over store tables lives here, behind the store; ``eventwire.registry`` only learns
from the records these functions return.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..records import Actor

__all__ = ["has_tables", "people_keys", "stored_people"]


def has_tables(con: Any, *names: str) -> bool:
    """Whether the database holds all these tables."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    return all(n in tables for n in names)


def _columns(con: Any, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
        [table]).fetchall()}


def stored_people(con: Any, order: str) -> Iterator[tuple[str, date | None, list[Actor]]]:
    """Each stored article's people as the article stated them (the ``extracted`` fields
    where the registry changed a row), as ``Actor`` records with their mentions' texts, one
    article at a time, in ``order`` (``registry.ARTICLE_ORDER``: columns of ``articles``)."""
    import json

    from ..registry import STATED_FIELDS, stub_actor

    if not has_tables(con, "actors", "articles", "mentions"):
        return
    extracted = "x.extracted" if "extracted" in _columns(con, "actors") else "NULL"
    rows = con.execute(
        "SELECT a.id, a.published, x.actor_id, x.name, x.kind, x.country, x.country_source,"
        f" x.role, x.sector, x.other_sectors, x.cameo, {extracted},"
        " (SELECT list(m.text ORDER BY m.ord) FROM mentions m"
        "  WHERE m.article_id = x.article_id AND m.actor_id = x.actor_id)"
        " FROM actors x JOIN articles a ON a.id = x.article_id"
        f" ORDER BY {', '.join('a.' + k for k in order.split(', '))}, x.ord"
    ).fetchall()
    current: str | None = None
    published: date | None = None
    actors: list[Actor] = []
    for aid, pub, actor_id, *values, kept, mentions in rows:
        if aid != current:
            if current is not None:
                yield current, published, actors
            current, published, actors = aid, pub, []
        fields = dict(zip(STATED_FIELDS, values, strict=True))
        if kept:
            fields.update({k: v for k, v in json.loads(kept).items() if k in fields})
        if fields["kind"] != "person":
            continue
        actors.append(stub_actor(actor_id=actor_id, mentions=mentions, **fields))
    if current is not None:
        yield current, published, actors


def people_keys(con: Any) -> list[dict[str, Any]]:
    """Every stored person: article, name, country, where the country came from, and the key
    the API gives it (the stored ``actor_key`` where the database has one, else the key
    computed from the name and country, ``reads.KEY_X_COMPUTED``)."""
    from .reads import KEY_X_COMPUTED

    if not has_tables(con, "actors"):
        return []
    key = (f"coalesce(x.actor_key, {KEY_X_COMPUTED})" if "actor_key" in _columns(con, "actors")
           else KEY_X_COMPUTED)
    result = con.execute(
        f"SELECT x.article_id, x.actor_id, x.name, x.country, x.country_source, {key} AS key"
        " FROM actors x WHERE x.kind = 'person' ORDER BY x.article_id, x.ord")
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

