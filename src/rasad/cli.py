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
from .errors import Errors, RasadError

F = TypeVar("F", bound=Callable[..., Any])


def _errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.obj and ctx.obj.get("debug"))
        try:
            return func(*args, **kwargs)
        except RasadError as e:
            if debug:
                raise
            for item in e.fields.get("candidates") or []:  # an ambiguous id prefix
                click.echo(
                    f"{item['id']}  {item['published'] or '----------'}  {item['title'] or ''}",
                    err=True,
                )
            raise click.ClickException(str(e)) from e
        except KeyboardInterrupt:
            if debug:
                raise
            msg = Errors.E405.format(detail="Ctrl-C")
            click.echo(f"Error: {msg}", err=True)
            sys.exit(130)
        except OSError as e:  # an output file or folder that cannot be written
            if debug:
                raise
            where = e.filename if e.filename is not None else "output"
            raise click.ClickException(
                Errors.E407.format(path=where, detail=e.strerror or str(e))
            ) from e

    return wrapper  # type: ignore[return-value]


def say_empty(what: str) -> None:
    """Tell that a query found nothing (on standard error, so pipes stay clean)."""
    click.echo(f"rasad: {what}", err=True)


def ingest_with_progress(
    paths: tuple[str, ...] | list[str], *, db: str, quiet: bool, **options: Any
) -> api.IngestReport:
    """``api.ingest`` with a progress bar on standard error (only on a terminal, with the
    number of pages as total when it can be counted cheaply)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    show = not quiet and console.is_terminal
    total = api.count_pages(paths) if show else None
    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("pages"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=not show) as bar:
        task = bar.add_task("ingest", total=total)
        return api.ingest(paths, db=db, progress=lambda n: bar.advance(task, n), **options)


def echo_summary(report: api.IngestReport, db: str, *, rejects_only: bool = False) -> None:
    summary = report.to_json()
    if not rejects_only:
        click.echo(
            f"read {summary['read']}  kept {summary['kept']}  duplicates "
            f"{summary['duplicates']}  already stored {summary['already_stored']}  "
            f"rejected {summary['rejected']}  clusters {summary['clusters']}  -> {db}"
        )
    for code, n in sorted(report.rejected_by.items()):
        click.echo(f"  rejected {n}: {code} {api.reason_words(code)}", err=rejects_only)
    if report.rejected:
        click.echo(
            f"  (rasad rejects --db {db} lists each rejected input with its reason)",
            err=rejects_only,
        )


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


DB_HELP = (
    "SQLite database (every command uses the same default; commands that read need it to exist)."
)
_db = click.option("--db", default=api.DEFAULT_DB, show_default=True, help=DB_HELP)


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
    report = ingest_with_progress(
        paths,
        db=db,
        quiet=as_json,
        date=date,
        workers=workers,
        executor=executor,
        batch_size=batch_size,
        max_bytes=max_bytes,
    )
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        echo_summary(report, db)
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
    """Full-text search, insensitive to orthography and clitics (بوتين finds وبوتين) and
    to the spellings the entity linker has seen (بوتين finds بوتن)."""
    if entity and not api.entity_ids(entity, db=db):
        say_empty(f"no entity called '{entity}' is mentioned in {db}.")
        return
    hits = api.search(query, db=db, limit=limit, entity=entity)
    if not hits:
        say_empty(
            f"no article in {db} matches"
            + (f" '{query}'" if query else "")
            + (f" with entity '{entity}'" if entity else "")
            + "."
        )
    for hit in hits:
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
    """Print one stored article (id or unique id prefix) as JSON. A prefix that several
    articles share lists them and exits with 1."""
    click.echo(json.dumps(api.show(article_id, db=db).to_json(), ensure_ascii=False, indent=2))


@main.command()
@_db
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option("--out", help="Output file (standard output for jsonl and csv when omitted).")
@_errors
def export(db: str, fmt: str, out: str | None) -> None:
    """Export every stored article (with entities and events; CSV: their ids and types)."""
    n = api.export(db=db, fmt=fmt, out=out)
    if out:
        click.echo(f"{n} articles -> {out}", err=True)


def _register_more() -> None:
    from .cli_more import register

    register(main)
    from .web.cli import register as register_web

    register_web(main)
    __import__("rasad.batch.cli", fromlist=["register"]).register(main)


_register_more()
