"""What the app holds for its lifetime: one store, the operator's token, and values computed
from the whole store (the analytics context, the alias and tie indexes) cached per data version."""

from __future__ import annotations

import gc
import math
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from fastapi import Request

from proxywatch.store.browse import data_version
from proxywatch.store.db import Store

T = TypeVar("T")
MAX_UPLOAD_BYTES = 64 * 1024 * 1024
VERSION_TTL = 1.0  # seconds between reads of the data version


class StoreCache:
    """Values computed from the whole store, kept until its data version changes.

    The version (:func:`proxywatch.store.browse.data_version`) costs a few counts and is read
    again at most every ``ttl`` seconds, or at once after :meth:`invalidate` (which the API's
    own writes call): another process's writes show within ``ttl``. A value is computed at
    most once per version, even when requests ask for it at the same time.
    """

    def __init__(self, store: Store, ttl: float = VERSION_TTL) -> None:
        self.store = store
        self.ttl = ttl
        self._entries: dict[str, tuple[Any, Any]] = {}
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()
        self._version: tuple[Any, ...] | None = None
        self._checked = -math.inf
        self.loads: Counter[str] = Counter()  # how many times each value was computed

    def version(self) -> tuple[Any, ...]:
        now = time.monotonic()
        if self._version is None or now - self._checked >= self.ttl:
            with self.store.connect() as conn:
                self._version = data_version(conn)
            self._checked = now
        return self._version

    def invalidate(self) -> None:
        """Read the version again on the next request: the data has just changed."""
        self._checked = -math.inf

    def get(self, name: str, load: Callable[[Store], T]) -> T:
        version = self.version()
        entry = self._entries.get(name)
        if entry is not None and entry[0] == version:
            return cast(T, entry[1])
        with self._guard:
            lock = self._locks[name]
        with lock:
            entry = self._entries.get(name)
            if entry is not None and entry[0] == version:
                return cast(T, entry[1])
            gc.unfreeze()  # a value being replaced may hold cycles: let the collector see it again
            value = load(self.store)
            self._entries[name] = (version, value)
            # The analytics context holds millions of objects: kept out of the collector's passes,
            # a full collection no longer pauses every request for about a second.
            gc.freeze()
            self.loads[name] += 1
            return value


@dataclass
class ServeState:
    store: Store
    token: str | None = None  # no token: writing is disabled
    model: str | None = None  # spaCy pipeline for ingest
    owns_store: bool = False  # close the store when the app stops
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    cache: StoreCache = field(init=False)

    def __post_init__(self) -> None:
        self.cache = StoreCache(self.store)


def get_state(request: Request) -> ServeState:
    return cast(ServeState, request.app.state.proxywatch)
