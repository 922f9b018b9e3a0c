"""The API holds no SQL: every query over store tables lives in ``eventwire.store.reads``."""

from __future__ import annotations

import re
from pathlib import Path

import eventwire.api
from eventwire.store import TABLES as STORE_TABLES

API_DIR = Path(eventwire.api.__file__).parent
TABLES = "(?:" + "|".join(sorted({*STORE_TABLES, "meta"}, key=len, reverse=True)) + ")"
SQL = re.compile(rf"\bSELECT\s|\b(?:FROM|JOIN)\s+{TABLES}\b|\bINSERT\s+INTO\b|\bUPDATE\s+{TABLES}\b"
                 r"|\bDELETE\s+FROM\b|\bGROUP\s+BY\b|\bORDER\s+BY\b|\.execute\(|\.sql\(")


def test_api_sql_lives_in_the_store() -> None:
    found = [f"{path.name}:{n}: {line.strip()}"
             for path in sorted(API_DIR.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if SQL.search(line)]
    assert found == [], "SQL in eventwire/api (move it to eventwire/store/reads.py):\n" + "\n".join(found)


def test_api_sql_pattern_catches_a_query() -> None:
    assert SQL.search('rows = cur.execute("SELECT * FROM events WHERE id = ?")')
    assert SQL.search("FROM events e JOIN articles a ON a.id = e.article_id")
    assert not SQL.search("Events: GET /api/events, one event from the store")
