"""Turn file bytes into text, refusing binary files and undecodable bytes with a clear reason."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import PurePath

from proxywatch.errors import IngestError

# Leading bytes of common binary formats people drop into a news folder by mistake.
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/DOCX/XLSX",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format ``data`` looks like, or None when it looks like text."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def decode_bytes(data: bytes, encoding: str = "utf-8") -> str:
    """Decode ``data`` as text (BOMs honoured) or raise :class:`IngestError` saying why not."""
    kind = sniff_binary(data)
    if kind is not None:
        raise IngestError(f"binary file ({kind}); convert it to text or HTML first", kind="binary")
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"not valid {encoding} at byte {exc.start} ({data[exc.start : exc.start + 1]!r}); "
            "re-save the file as UTF-8 or pass --encoding",
            kind="encoding",
        ) from exc
    except LookupError as exc:
        raise IngestError(f"unknown encoding {encoding!r}", kind="encoding") from exc


# Code points no database column takes: NUL (PostgreSQL refuses it) and lone UTF-16
# surrogates (not encodable as UTF-8; JSON's "\\ud800" escapes make them).
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` as every backend stores it: NULs removed, lone surrogates replaced by U+FFFD.

    >>> clean_text("rock\\x00ets \\ud800!") == "rockets \\ufffd!"
    True
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    return text


def display_path(path: str | PurePath) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 and control
    characters are shown as ``\\xNN``.

    >>> display_path(os.fsdecode(b"in/bad\\xff\\n.txt"))
    'in/bad\\\\xff\\\\x0a.txt'
    """
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
