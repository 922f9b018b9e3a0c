"""DuckDB / Parquet: the schema, writing documents one transaction each, queries, export.

Every article is written in one transaction keyed by its id (all of its rows, its stories
included, or none), so a run killed at any moment and run again ends with the database of an
uninterrupted run, and re-running on the same input adds nothing. See the README.

Submodules:

- ``schema``: the one declaration of every table (``LAYOUT``): each column's type and the
  record field it holds or how it is derived; the DDL and the README's table built from it
  (``python -m eventwire.store --markdown``);
- ``research``: the derived research columns of an event (Goldstein, PLOVER intensity, root
  event, place precision, dyadic, ...);
- ``database``: ``Store``, writing whole articles, upgrading older databases, reading
  documents back;
- ``writer``: ``Writer``, buffering documents into transactions;
- ``rows``: documents as rows and back, both read off ``LAYOUT``; rows as Arrow tables;
- ``stories``: the story tables and their SQL (the matching itself is ``dedup``);
- ``export``: Parquet partitioned by publication month, the flat event layout as CSV;
- ``reads``: the HTTP API's queries, one named, parameterised function each.
"""

from __future__ import annotations

from .database import Store
from .export import FLAT_EVENTS_SQL
from .rows import fingerprint, registered
from .schema import ARTICLE_TABLES, LAYOUT, SCHEMA, TABLES
from .schema import SCHEMA_VERSION as SCHEMA_VERSION  # written to the meta table
from .writer import Writer

__all__ = ["ARTICLE_TABLES", "FLAT_EVENTS_SQL", "LAYOUT", "SCHEMA", "TABLES", "Store",
           "Writer", "fingerprint", "registered"]
