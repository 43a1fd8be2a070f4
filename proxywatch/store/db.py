"""Open a database by URL, bring its schema to the latest Alembic revision, hand out transactions.

Any number of processes may write to one database at once:

- SQLite runs in WAL mode, so readers never wait for writers; each write transaction starts
  with ``BEGIN IMMEDIATE`` (it takes the single writer lock up front instead of failing when
  a read turns into a write), waits up to :data:`BUSY_TIMEOUT_MS` for that lock, and
  :meth:`Store.write` retries with backoff when the database is still locked.
- PostgreSQL writes use ``INSERT … ON CONFLICT`` (see ``store.facts``); :meth:`Store.write`
  retries a transaction that lost a deadlock or a serialization check.
- Migrations run under a lock (a PostgreSQL advisory lock; SQLite's writer lock), so
  processes that open a new database together create its schema once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from proxywatch.errors import StoreError
from proxywatch.settings import db_url, sqlite_file

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 60_000
WRITE_ATTEMPTS = 12
# a fixed key for pg_advisory_xact_lock: "proxywatch migrate" folded into a signed 64-bit integer
MIGRATION_LOCK = 0x70776D6967726174
# PostgreSQL error codes after which a transaction may simply be run again
_RETRY_SQLSTATES = {"40P01", "40001", "55P03"}  # deadlock, serialization failure, lock not available
_RETRY_MESSAGES = ("database is locked", "database table is locked", "database is busy")
T = TypeVar("T")


def _alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _sqlite_pragmas(dbapi_conn: Any, _record: object) -> None:
    # the driver must not open transactions by itself: _sqlite_begin says how each one starts
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL below may wait for the lock
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    """Write transactions take the writer lock at once; read transactions never take it."""
    write = conn.get_execution_options().get("proxywatch_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def is_transient(exc: BaseException) -> bool:
    """Whether a database error only means "try again": SQLite locked, PostgreSQL deadlock/serialization.

    >>> is_transient(ValueError("database is locked"))
    False
    """
    if not isinstance(exc, DBAPIError) or exc.connection_invalidated:
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    message = str(orig).lower()
    return any(m in message for m in _RETRY_MESSAGES)


def backoff(attempt: int) -> float:
    """Seconds to wait before try ``attempt`` (1, 2, …): exponential, capped at 2 s, with jitter."""
    return min(2.0, 0.02 * 2**attempt) * random.uniform(0.5, 1.5)


@dataclass
class Store:
    """A migrated database. :meth:`begin` and :meth:`write` give a write transaction: all of it
    lands or none does; :meth:`connect` gives a connection for reading."""

    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(proxywatch_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def write(self, fn: Callable[[Connection], T], attempts: int = WRITE_ATTEMPTS) -> T:
        """Run ``fn`` in a write transaction; run it again, after a pause, when the database was
        locked or the transaction lost a deadlock. ``fn`` must do nothing outside the database."""
        for attempt in range(1, attempts + 1):
            try:
                with self.begin() as conn:
                    return fn(conn)
            except DBAPIError as exc:
                if attempt == attempts or not is_transient(exc):
                    raise
            time.sleep(backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    if url in ("sqlite://", "sqlite:///:memory:"):
        # one shared connection, or each checkout would see a fresh empty database
        from sqlalchemy.pool import StaticPool

        engine = create_engine(url, poolclass=StaticPool)
    else:
        engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _migrate(store: Store) -> None:
    """Upgrade to head under a lock, so that processes opening a new database together do not
    race to create its tables (``alembic_version already exists``)."""

    def upgrade(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg = _alembic_config(store.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")  # reads the revision after the lock: a no-op if another did it

    store.write(upgrade)


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open the store at ``url`` (see :func:`proxywatch.settings.db_url`) and migrate it to head.

    >>> store = open_store("sqlite://")  # an in-memory database
    >>> store.revision() == head_revision()
    True
    """
    url = db_url(url)
    try:
        store = Store(engine=_engine(url), url=url)
        if migrate and store.revision() != head_revision():
            _migrate(store)
        return store
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot open database {engine_safe(url)}: {exc.__class__.__name__}: {exc}. "
            "Check --db / PROXYWATCH_DB and that the server is running."
        ) from exc


def engine_safe(url: str) -> str:
    """The URL with any password masked, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as given
        return url


def existing_db(db: str | None) -> str:
    """The database URL of ``db``, for commands that read: a SQLite file that is not there is
    an error, not a new empty database."""
    url = db_url(db)
    path = sqlite_file(url)
    if path is not None and not Path(path).is_file():
        raise StoreError(
            f"no database at {path}; check --db / PROXYWATCH_DB, or create one with "
            "`proxywatch ingest PATH --db FILE` or `proxywatch demo`"
        )
    return url


@contextmanager
def opened_store(db: str | None, store: Store | None, create: bool = True) -> Iterator[Store]:
    """The store given, or one opened at ``db`` and closed afterwards. Without ``create``, a
    SQLite file that does not exist is an error (see :func:`existing_db`)."""
    if store is not None:
        yield store
        return
    opened = open_store(db if create else existing_db(db))
    try:
        yield opened
    finally:
        opened.close()
