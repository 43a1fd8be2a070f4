"""Upload files to ingest (the operator's token required)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile

from proxywatch import api
from proxywatch.serve.auth import require_token
from proxywatch.serve.errors import ApiError, error_responses
from proxywatch.serve.models import IngestResult
from proxywatch.serve.routes.common import State

router = APIRouter(prefix="/api", tags=["ingest"], responses=error_responses(401, 403, 413, 422))
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
CHUNK = 1024 * 1024


def safe_name(index: int, filename: str | None) -> str:
    """A file name for an upload that cannot leave the folder or hide: its base name, odd
    characters replaced, numbered so that two uploads never clash; the extension is kept,
    so the reader is chosen as for a file on disk.

    >>> safe_name(0, "../../etc/passwd"), safe_name(1, "news feed.rss"), safe_name(2, None)
    ('000-passwd', '001-news_feed.rss', '002-upload')
    """
    base = _UNSAFE.sub("_", Path((filename or "").replace("\\", "/")).name).strip("._")[-120:]
    return f"{index:03d}-{base or 'upload'}"


@router.post(
    "/ingest",
    response_model=IngestResult,
    summary="Ingest uploaded files",
    dependencies=[Depends(require_token)],
)
def ingest(
    state: State,
    files: Annotated[list[UploadFile], File(description="Files in any format ingest reads.")],
    published: Annotated[str | None, Form(description="Date for documents that carry none.")] = None,
    source: Annotated[str | None, Form(description="Source name for documents that carry none.")] = None,
    lang: Annotated[str, Form(description="Languages to keep, comma-separated ISO codes, or 'any'.")] = "en",
    extract: Annotated[bool, Form(description="Extract actors, events and ties.")] = True,
) -> dict[str, Any]:
    """Store each new document of the uploaded files (and, with ``extract``, what is read in
    it), skipping duplicates, as ``proxywatch ingest`` does. Needs ``Authorization: Bearer TOKEN``."""
    options = api.ingest_options(published=published, source=source, lang=lang)
    with tempfile.TemporaryDirectory(prefix="proxywatch-upload-") as folder:
        written = 0
        for i, upload in enumerate(files):
            with (Path(folder) / safe_name(i, upload.filename)).open("wb") as out:
                while chunk := upload.file.read(CHUNK):
                    written += len(chunk)
                    if written > state.max_upload_bytes:
                        raise ApiError(
                            413, f"the upload is over {state.max_upload_bytes} bytes; send less at once"
                        )
                    out.write(chunk)
        try:
            report = api.ingest(
                [folder], store=state.store, options=options, extract=extract, model=state.model
            )
        finally:
            state.cache.invalidate()
        prefix = str(Path(folder)) + "/"
    problems = [
        {
            "origin": re.sub(r"^\d{3}-", "", p.origin.replace(prefix, "")),
            "line": p.line,
            "kind": p.kind,
            "reason": p.reason.replace(prefix, ""),
        }
        for p in report.problems
    ]
    return {
        "files": report.files,
        "added": report.added,
        "duplicates": report.duplicates,
        "failed": report.failed,
        "problems": problems,
        "documents": report.added_ids,
    }
