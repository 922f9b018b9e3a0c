"""DuckDB / Parquet: the schema, writing documents one transaction each, queries, export.

Every article is written in one transaction keyed by its id (all of its rows, its stories
included, or none), so a run killed at any moment and run again ends with the database of an
uninterrupted run, and re-running on the same input adds nothing. See the README.

Submodules:

- ``schema``: every table's columns and types, the DDL built from them;
- ``database``: ``Store``, writing whole articles, deduplication, reading documents back;
- ``writer``: ``Writer``, buffering documents into transactions;
- ``rows``: documents as rows and back, rows as Arrow tables SQL can read;
- ``export``: Parquet partitioned by publication month, the flat event layout as CSV;
- ``reads``: the HTTP API's queries, one named, parameterised function each.
"""

from __future__ import annotations

from .database import Store
from .export import FLAT_EVENTS_SQL
from .rows import fingerprint, registered
from .schema import ARTICLE_TABLES, SCHEMA, TABLES
from .schema import SCHEMA_VERSION as SCHEMA_VERSION  # written to the meta table
from .writer import Writer

__all__ = ["ARTICLE_TABLES", "FLAT_EVENTS_SQL", "SCHEMA", "TABLES", "Store", "Writer",
           "fingerprint", "registered"]
