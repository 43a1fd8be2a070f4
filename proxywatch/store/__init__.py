"""The store: one SQLAlchemy Core schema for SQLite (default) and PostgreSQL, Alembic migrations,
and the functions that write and read documents and facts."""

from proxywatch.store.db import Store, open_store

__all__ = ["Store", "open_store"]
