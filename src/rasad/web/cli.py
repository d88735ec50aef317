"""The ``rasad serve`` and ``rasad alerts add|list|remove`` commands."""

from __future__ import annotations

import json
from typing import Any

import click

from .. import api

_db = click.option("--db", default=api.DEFAULT_DB, show_default=True, help="SQLite database.")


def register(main: click.Group) -> None:
    from ..cli.common import handle_errors as _errors

    @main.command()
    @_db
    @click.option(
        "--host",
        default="127.0.0.1",
        show_default=True,
        help="Interface to listen on (127.0.0.1: this machine only).",
    )
    @click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
    @click.option(
        "--token",
        envvar="RASAD_TOKEN",
        help="Operator token for the write "
        "endpoints (ingest, alerts); also RASAD_TOKEN. Without it they are disabled.",
    )
    @click.option(
        "--workers",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Server processes (each reads the store; about one per free CPU core).",
    )
    @_errors
    def serve(db: str, host: str, port: int, token: str | None, workers: int) -> None:
        """Serve the web pages and the JSON API (OpenAPI at /openapi.json)."""
        import os

        import uvicorn

        from .app import create_app

        app = create_app(db, token=token or None)  # builds or updates the web indexes once
        click.echo(f"rasad: serving {db} on http://{host}:{port}/", err=True)
        options: dict[str, Any] = {"log_level": "warning", "access_log": False}
        if workers == 1:
            uvicorn.run(app, host=host, port=port, **options)
            return
        os.environ["RASAD_SERVE_DB"] = db
        if token:
            os.environ["RASAD_TOKEN"] = token
        uvicorn.run(
            "rasad.web.app:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            **options,
        )

    @main.group()
    def alerts() -> None:
        """Saved queries with an Atom feed (/alerts/NAME.atom) and an optional webhook."""

    @alerts.command("add")
    @click.argument("name")
    @click.option("--actor", help="Entity id, English or Arabic name, or ISO3 country.")
    @click.option("--dyad", help="Two ISO3 codes, e.g. RUS-TUR (either direction).")
    @click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
    @click.option("--text", help="Words the article must contain.")
    @click.option("--webhook", help="URL that receives newly matching events (JSON POST).")
    @_db
    @_errors
    def alerts_add(
        name: str,
        actor: str | None,
        dyad: str | None,
        type_: str | None,
        text: str | None,
        webhook: str | None,
        db: str,
    ) -> None:
        """Save an alert; its feed is served at /alerts/NAME.atom."""
        from . import alerts as al

        with al.connect(db) as conn:
            try:
                item = al.add(
                    conn, name, actor=actor, dyad=dyad, type_=type_, text=text, webhook=webhook
                )
            except al.AlertError as e:
                raise click.ClickException(str(e)) from e
        click.echo(json.dumps(item, ensure_ascii=False))

    @alerts.command("list")
    @_db
    @_errors
    def alerts_list(db: str) -> None:
        """List alerts (one JSON object each, with the last webhook delivery)."""
        from . import alerts as al

        with al.connect(db) as conn:
            for item in al.list_alerts(conn):
                click.echo(json.dumps(item, ensure_ascii=False))

    @alerts.command("remove")
    @click.argument("name")
    @_db
    @_errors
    def alerts_remove(name: str, db: str) -> None:
        """Remove an alert and its delivery records."""
        from . import alerts as al

        with al.connect(db) as conn:
            try:
                al.remove(conn, name)
            except al.AlertError as e:
                raise click.ClickException(str(e)) from e
        click.echo(f"removed {name}", err=True)
