"""Open a database by URL, bring its schema to the latest Alembic revision, hand out transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from proxywatch.errors import StoreError
from proxywatch.settings import db_url

MIGRATIONS = Path(__file__).with_name("migrations")


def _alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


@dataclass
class Store:
    """A migrated database. Use :meth:`begin` for a transaction: all of it lands or none does."""

    engine: Engine
    url: str

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config("sqlite://")).get_current_head()


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open the store at ``url`` (see :func:`proxywatch.settings.db_url`) and migrate it to head.

    >>> store = open_store("sqlite://")  # an in-memory database
    >>> store.revision() == head_revision()
    True
    """
    url = db_url(url)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
            if url in ("sqlite://", "sqlite:///:memory:"):
                # one shared connection, or each checkout would see a fresh empty database
                from sqlalchemy.pool import StaticPool

                engine = create_engine(url, poolclass=StaticPool)
                event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        store = Store(engine=engine, url=url)
        if migrate:
            with engine.begin() as conn:
                cfg = _alembic_config(url)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
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
