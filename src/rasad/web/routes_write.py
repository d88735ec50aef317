"""Write endpoints (each needs the operator's token): upload a page to ingest, create or
remove an alert."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from .. import api
from . import alerts
from .app import ApiError, check_token

router = APIRouter(dependencies=[Depends(check_token)], tags=["write (token)"])
MAX_UPLOAD = 10_000_000
EXTENSIONS = (".html", ".htm", ".txt", ".jsonl", ".warc", ".warc.gz")


class AlertIn(BaseModel):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
    actor: str | None = None
    dyad: str | None = Field(None, pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")
    type: str | None = None
    text: str | None = Field(None, max_length=500)
    webhook: str | None = Field(None, max_length=2000)


@router.post("/api/alerts", status_code=201, summary="Save an alert")
def create_alert(request: Request, body: AlertIn) -> dict[str, Any]:
    w = request.app.state.conns.write()
    try:
        return alerts.add(
            w,
            body.name,
            actor=body.actor,
            dyad=body.dyad,
            type_=body.type,
            text=body.text,
            webhook=body.webhook,
        )
    finally:
        w.close()


@router.delete("/api/alerts/{name}", summary="Remove an alert")
def delete_alert(request: Request, name: str) -> dict[str, Any]:
    w = request.app.state.conns.write()
    try:
        alerts.remove(w, name)
    finally:
        w.close()
    return {"removed": name}


@router.post("/api/ingest", summary="Ingest one uploaded page (the request body)")
async def ingest(
    request: Request, name: str = "upload.html", date: str | None = None
) -> dict[str, Any]:
    """The body is one file (HTML, text, JSON Lines or WARC); ``name`` gives its type by its
    extension. Answers the ingest summary; alerts run afterwards."""
    ext = next((e for e in EXTENSIONS if name.lower().endswith(e)), None)
    if ext is None:
        raise ApiError(
            400,
            "bad_request",
            f"name={name!r}: the extension must be one of {', '.join(EXTENSIONS)}",
        )
    body = await request.body()
    if len(body) > MAX_UPLOAD:
        raise ApiError(
            413, "too_large", f"the page is {len(body)} bytes; the limit is {MAX_UPLOAD}"
        )
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", name[: -len(ext)])[:80] or "upload"
    with tempfile.TemporaryDirectory(prefix="rasad-upload-") as tmp:
        path = Path(tmp) / (stem + ext)
        path.write_bytes(body)
        report = await run_in_threadpool(
            api.ingest, [str(path)], db=request.app.state.db, date=date
        )
    return report.to_json()
