"""The FastAPI application: connections, security headers, errors as JSON, templates.

Pages are in :mod:`rasad.web.routes`; this module holds what every route shares.
"""

from __future__ import annotations

import hmac
import os
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from ..errors import RasadError
from ..storage.sqlite import SqliteStore
from . import alerts, indexes

CSP = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HERE = Path(str(files("rasad.web")))
BUSY_S = 10.0


class ApiError(Exception):
    """An error answered as ``{"error": {"status", "code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_request",
}


class Connections:
    """One read-only SQLite connection per server thread (``PRAGMA query_only``)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._cache: dict[str, tuple[tuple[Any, ...], Any]] = {}

    def read(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.db, isolation_level=None, check_same_thread=False, timeout=BUSY_S
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA cache_size = -32000")
            conn.execute("PRAGMA mmap_size = 268435456")
            self._local.conn = conn
        return conn

    def write(self) -> sqlite3.Connection:
        return alerts.connect(self.db)

    def fresh(self) -> sqlite3.Connection:
        """The read connection, after bringing the web indexes up to date if events changed."""
        conn = self.read()
        if indexes.stale(conn) and self._refreshing.acquire(blocking=False):
            # one thread brings the indexes up to date; the others read meanwhile (what was
            # stored since shows on their next request)
            try:
                w = self.write()
                try:
                    indexes.refresh(w)
                finally:
                    w.close()
            finally:
                self._refreshing.release()
        return conn

    def cached(self, name: str, compute: Callable[[sqlite3.Connection], Any]) -> Any:
        """``compute(conn)``, recomputed only when the store changed (new sources or events)."""
        conn = self.fresh()
        key = tuple(
            conn.execute(
                "SELECT (SELECT MAX(rowid) FROM sources), (SELECT MAX(rowid) FROM events),"
                " (SELECT MAX(rowid) FROM rejects)"
            ).fetchone()
        )
        with self._lock:
            hit = self._cache.get(name)
            if hit is not None and hit[0] == key:
                return hit[1]
        value = compute(conn)
        with self._lock:
            self._cache[name] = (key, value)
        return value


def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from .render import FILTERS

    env.filters.update(FILTERS)
    return env


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """The application over the store ``db`` (created if missing). Write endpoints need
    ``token``; without one they answer 403."""
    SqliteStore(db).close()  # create or migrate the schema
    conn = alerts.connect(db)
    try:
        indexes.ensure(conn)
    finally:
        conn.close()
    app = FastAPI(
        title="Rasad",
        summary="Arabic news events: search, relations, actors, articles, stories and alerts.",
        version="1",
        docs_url=None,  # Swagger UI loads scripts from a CDN; /openapi.json is served instead
        redoc_url=None,
    )
    app.state.db = str(db)
    app.state.token = token
    app.state.conns = Connections(str(db))
    app.state.env = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.status, exc.code, exc.message), exc.status)

    @app.exception_handler(alerts.AlertError)
    async def alert_error(request: Request, exc: alerts.AlertError) -> JSONResponse:
        code = _CODES.get(exc.status, "bad_request")
        return JSONResponse(error_body(exc.status, code, str(exc)), exc.status)

    @app.exception_handler(RasadError)
    async def rasad_error(request: Request, exc: RasadError) -> JSONResponse:
        return JSONResponse(error_body(400, exc.code, str(exc)), 400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        return JSONResponse(error_body(exc.status_code, code, str(exc.detail)), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        ]
        return JSONResponse(error_body(422, "invalid_request", "; ".join(parts)), 422)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body(500, "internal", type(exc).__name__), 500)

    from .routes import router
    from .routes_write import router as write_router

    app.include_router(router)
    app.include_router(write_router)
    from . import queries

    app.state.conns.cached("overview", queries.overview)  # the first visitor does not wait
    return app


def app_from_env() -> FastAPI:
    """The application of one ``rasad serve --workers N`` process: the store in
    ``RASAD_SERVE_DB``, the token in ``RASAD_TOKEN``."""
    return create_app(os.environ["RASAD_SERVE_DB"], token=os.environ.get("RASAD_TOKEN") or None)


def check_token(request: Request) -> None:
    """Write endpoints: ``Authorization: Bearer TOKEN`` must match the operator's token."""
    expected: str | None = request.app.state.token
    if not expected:
        raise ApiError(
            403,
            "forbidden",
            "write endpoints are disabled: start the server with --token or RASAD_TOKEN",
        )
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "missing or wrong token (Authorization: Bearer ...)")


def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> HTMLResponse:
    env: Environment = request.app.state.env
    html = env.get_template(template).render(data=data, request=request, **extra)
    return HTMLResponse(html)
