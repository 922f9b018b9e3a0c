"""All SQL over store tables lives in ``eventwire.store``: the API's in ``store/reads.py``,
the rest (the ``actors`` command, stories, the registry, data frames) in store modules."""

from __future__ import annotations

import re
from pathlib import Path

import eventwire
from eventwire.store import TABLES as STORE_TABLES

PACKAGE = Path(eventwire.__file__).parent
API_DIR = PACKAGE / "api"
TABLES = "(?:" + "|".join(sorted({*STORE_TABLES, "meta"}, key=len, reverse=True)) + ")"
SQL = re.compile(rf"\bSELECT\s|\b(?:FROM|JOIN)\s+{TABLES}\b|\bINSERT\s+INTO\b|\bUPDATE\s+{TABLES}\b"
                 r"|\bDELETE\s+FROM\b|\bGROUP\s+BY\b|\bORDER\s+BY\b|\.execute\(|\.sql\(")


def _sql_lines(paths: list[Path]) -> list[str]:
    return [f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
            for path in paths
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if SQL.search(line)]


def test_api_sql_lives_in_the_store() -> None:
    found = _sql_lines(sorted(API_DIR.rglob("*.py")))
    assert found == [], "SQL in eventwire/api (move it to eventwire/store/reads.py):\n" + "\n".join(found)


def test_api_sql_no_module_outside_the_store_holds_sql() -> None:
    outside = [p for p in sorted(PACKAGE.rglob("*.py"))
               if "store" not in p.relative_to(PACKAGE).parts]
    found = _sql_lines(outside)
    assert found == [], "SQL outside eventwire/store (move it into a store module):\n" + "\n".join(found)


def test_api_sql_pattern_catches_a_query() -> None:
    assert SQL.search('rows = cur.execute("SELECT * FROM events WHERE id = ?")')
    assert SQL.search("FROM events e JOIN articles a ON a.id = e.article_id")
    assert not SQL.search("Events: GET /api/events, one event from the store")
