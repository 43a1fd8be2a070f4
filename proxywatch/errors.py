"""One exception hierarchy for the library; each message says what went wrong and how to fix it."""

from __future__ import annotations


class ProxywatchError(Exception):
    """Base class of every error the library raises on purpose."""


class ConfigError(ProxywatchError):
    """A setting, data file or schema is invalid; the message names the file and key."""


class IngestError(ProxywatchError):
    """One input item could not be read; the batch goes on and records it."""

    def __init__(self, reason: str, kind: str = "unreadable", line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        self.line = line


class StoreError(ProxywatchError):
    """The database could not be reached or is at an unexpected schema version."""


class ModelError(ProxywatchError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class NotFoundError(ProxywatchError):
    """A named actor, document or fact does not exist in the store."""
