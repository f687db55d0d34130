"""The event store: SQLite (WAL) with idempotent ingest, incidents, dyad queries and exports.

    >>> import tacitus
    >>> db = tacitus.open("tacitus.db")          # = tacitus.store.open_store
    >>> db.ingest(article, events)
    >>> db.events(actor="RUS", root="17", since="2022-09-01")
    >>> db.dyad("RUS", "JPN", by="month")
    >>> db.events_frame(kind="polars", target="JPN")
    >>> db.export("gdelt", "events.tsv")

Modules: `schema` (DDL, versions, migrations), `ingest` (article identity, one article's write),
`summary` (the dyad-by-period table), `incidents` (linking rule), `queries`, `exports`,
`db` (the `Store` class, transactions), `commands` (the CLI commands).
"""

from tacitus.store.db import IngestSummary, Store, StoreError, open_store, resolve_path
from tacitus.store.incidents import IncidentRule
from tacitus.store.ingest import IngestResult
from tacitus.store.queries import QueryError
from tacitus.store.schema import SCHEMA_VERSION, SchemaError

__all__ = [
    "open_store", "Store", "StoreError", "IngestResult", "IngestSummary", "IncidentRule", "QueryError",
    "SCHEMA_VERSION", "SchemaError", "resolve_path",
]
