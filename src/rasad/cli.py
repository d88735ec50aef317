"""The ``rasad`` command line. Each command only parses options and calls ``rasad.api``.

Library errors (``RasadError``) become one-line messages (exit 1; usage errors exit 2);
``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from . import api
from .errors import RasadError

F = TypeVar("F", bound=Callable[..., Any])


def _errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except RasadError as e:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            raise click.ClickException(str(e)) from e

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.version_option(package_name="rasad")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Rasad: Arabic news pages to clean, deduplicated articles and political events."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


_db = click.option("--db", default=api.DEFAULT_DB, show_default=True, help="SQLite database.")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db
@click.option("--date", help="Publication date (YYYY-MM-DD) for pages that show none.")
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Worker processes (a process pool when > 1).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "pool", "ray"]),
    default="local",
    show_default=True,
    help="Where stages run.",
)
@click.option("--batch-size", type=click.IntRange(1), default=500, show_default=True)
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=10_000_000,
    show_default=True,
    help="Pages larger than this are rejected.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@_errors
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: str | None,
    workers: int,
    executor: str,
    batch_size: int,
    max_bytes: int,
    as_json: bool,
) -> None:
    """Read pages (files, folders, globs, .warc.gz, .jsonl, - for stdin) into the database.

    Exit status 0 when every page was kept, 3 when some were rejected (they are listed in the
    database's rejects table with their reason)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("pages"),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=as_json or not console.is_terminal
    ) as bar:
        task = bar.add_task("ingest", total=None)
        report = api.ingest(
            paths,
            db=db,
            date=date,
            workers=workers,
            executor=executor,
            batch_size=batch_size,
            max_bytes=max_bytes,
            progress=lambda n: bar.advance(task, n),
        )
    summary = report.to_json()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        click.echo(
            f"read {summary['read']}  kept {summary['kept']}  duplicates "
            f"{summary['duplicates']}  already stored {summary['already_stored']}  "
            f"rejected {summary['rejected']}  clusters {summary['clusters']}  -> {db}"
        )
        for code, n in sorted(report.rejected_by.items()):
            click.echo(f"  rejected {code}: {n}")
    if report.rejected:
        sys.exit(3)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True
)
@click.option("--date", help="Publication date (YYYY-MM-DD) for pages that show none.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--full", is_flag=True, help="Include furniture, line numbers and metadata.")
@_errors
def extract(paths: tuple[str, ...], fmt: str, date: str | None, workers: int, full: bool) -> None:
    """Print one JSON object per input page (stateless; no database)."""
    from .doc import EXTRACT_KEYS as keys

    out: list[dict[str, Any]] = []
    rejected = 0
    for doc in api.extract(paths, date=date, workers=workers):
        if doc.reject:
            rejected += 1
            click.echo(f"rasad: {doc.reject['reason']}", err=True)
            continue
        data = doc.to_json()
        item = data if full else {k: data[k] for k in keys}
        if fmt == "jsonl":
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            out.append(item)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if rejected:
        sys.exit(3)


@main.command()
@click.argument("query", required=False, default="")
@_db
@click.option("--entity", help="Only articles mentioning this entity (id, English or Arabic name).")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@_errors
def search(query: str, db: str, entity: str | None, limit: int, as_json: bool) -> None:
    """Full-text search, insensitive to orthography and clitics (بوتين finds وبوتين)."""
    for hit in api.search(query, db=db, limit=limit, entity=entity):
        if as_json:
            click.echo(json.dumps(hit, ensure_ascii=False))
        else:
            title = hit["title"] or (hit["text"] or "")[:80]
            click.echo(f"{hit['id']}  {hit['published'] or '----------'}  {title}")


@main.command()
@click.argument("article_id")
@_db
@_errors
def show(article_id: str, db: str) -> None:
    """Print one stored article (id or unique id prefix) as JSON."""
    click.echo(json.dumps(api.show(article_id, db=db).to_json(), ensure_ascii=False, indent=2))


@main.command()
@_db
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True
)
@click.option("--out", help="Output file (standard output for jsonl when omitted).")
@_errors
def export(db: str, fmt: str, out: str | None) -> None:
    """Export every stored article (with entities and events)."""
    n = api.export(db=db, fmt=fmt, out=out)
    if out:
        click.echo(f"{n} articles -> {out}", err=True)


def _register_more() -> None:
    from .cli_more import register

    register(main)
    __import__("rasad.batch.cli", fromlist=["register"]).register(main)


_register_more()
