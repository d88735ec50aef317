"""``rasad ingest`` and ``rasad extract``: pages in, articles out."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .. import api
from ..doc import EXTRACT_KEYS
from .common import db_option, echo_summary, handle_errors, ingest_progress, stories_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
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
@click.option("--batch-size", type=click.IntRange(1), default=api.BATCH_SIZE, show_default=True)
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=10_000_000,
    show_default=True,
    help="Pages larger than this are rejected.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@stories_option
@handle_errors
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: str | None,
    workers: int,
    executor: str,
    batch_size: int,
    max_bytes: int,
    as_json: bool,
    stories: bool,
) -> None:
    """Read pages (files, folders, globs, .warc.gz, .jsonl, - for stdin) into the database.

    Exit status 0 when every page was kept, 3 when some were rejected (they are listed in the
    database's rejects table with their reason)."""
    with ingest_progress(paths, quiet=as_json) as progress:
        report = api.ingest(
            paths,
            db=db,
            progress=progress,
            date=date,
            workers=workers,
            executor=executor,
            batch_size=batch_size,
            max_bytes=max_bytes,
            stories=stories,
        )
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        echo_summary(report, db)
    if report.rejected:
        sys.exit(3)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True
)
@click.option("--date", help="Publication date (YYYY-MM-DD) for pages that show none.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--full", is_flag=True, help="Include furniture, line numbers and metadata.")
@stories_option
@handle_errors
def extract(
    paths: tuple[str, ...], fmt: str, date: str | None, workers: int, full: bool, stories: bool
) -> None:
    """Print one JSON object per input page (stateless; no database)."""
    out: list[dict[str, Any]] = []
    rejected = 0
    for doc in api.extract(paths, date=date, workers=workers, stories=stories):
        if doc.reject:
            rejected += 1
            click.echo(f"rasad: {doc.reject.reason}", err=True)
            continue
        data = doc.to_json()
        item = data if full else {k: data[k] for k in EXTRACT_KEYS}
        if fmt == "jsonl":
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            out.append(item)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if rejected:
        sys.exit(3)


COMMANDS = (ingest, extract)
