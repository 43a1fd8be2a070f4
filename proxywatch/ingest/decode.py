"""Turn file bytes into text, refusing binary files and undecodable bytes with a clear reason."""

from __future__ import annotations

import codecs

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
