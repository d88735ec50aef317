"""The ``rasad batch`` and ``rasad load`` commands (registered by ``rasad.cli``)."""

from __future__ import annotations

import json
import sys

import click


def register(main: click.Group) -> None:
    from ..cli.common import handle_errors as _errors
    from ..cli.common import steps_progress, stories_option

    @main.command()
    @click.argument("inputs", nargs=-1, required=True)
    @click.option("--out", required=True, help="Run folder (Parquet tables and progress).")
    @click.option(
        "--executor",
        type=click.Choice(["local", "pool", "ray"]),
        default="local",
        show_default=True,
        help="Where shard and bucket tasks run.",
    )
    @click.option(
        "--workers",
        type=click.IntRange(1, 1024),
        default=None,
        help="Tasks at a time: processes of the pool, CPUs of a local Ray (both 2 by default), "
        "at most this many CPUs of a Ray cluster (--address; default: all of them).",
    )
    @click.option(
        "--address",
        help="Connect to this Ray cluster (ray://host:10001, host:6379; default: RAY_ADDRESS, "
        "else a new local Ray).",
    )
    @click.option(
        "--shard-size",
        type=click.IntRange(1),
        default=2000,
        show_default=True,
        help="Single-page files per shard (a WARC or JSONL file is one shard).",
    )
    @click.option("--retries", type=click.IntRange(0, 20), default=2, show_default=True)
    @click.option("--date", help="Publication date (YYYY-MM-DD) for pages that show none.")
    @click.option("--max-bytes", type=click.IntRange(1), default=10_000_000, show_default=True)
    @stories_option
    @click.option("--quiet", is_flag=True, help="No progress bars (they show only on a terminal).")
    @_errors
    def batch(
        inputs: tuple[str, ...],
        out: str,
        executor: str,
        workers: int | None,
        address: str | None,
        shard_size: int,
        retries: int,
        date: str | None,
        max_bytes: int,
        stories: bool,
        quiet: bool,
    ) -> None:
        """Process files, folders, globs, WARC, JSONL or fsspec URLs (s3://, gs://, https://)
        in shards into Parquet tables under --out. Re-running resumes: finished shards are
        skipped. Exit status 3 when some shards failed (they are listed in rejects)."""
        from .. import api
        from . import run_batch

        with steps_progress(quiet=quiet) as progress:
            report = run_batch(
                list(inputs),
                out=out,
                executor=executor,
                workers=workers,
                address=address,
                shard_size=shard_size,
                retries=retries,
                date=api.check_date(date),
                max_bytes=max_bytes,
                stories=stories,
                progress=progress,
            )
        click.echo(json.dumps(report.to_json(), ensure_ascii=False))
        if report.failed:
            sys.exit(3)

    @main.command()
    @click.argument("folder", type=click.Path(exists=True, file_okay=False))
    @click.option("--db", default="rasad.db", show_default=True, help="SQLite database.")
    @_errors
    def load(folder: str, db: str) -> None:
        """Load the Parquet tables of a `rasad batch` run into the SQLite store."""
        from . import load as load_run  # the function (the module is loader.py)

        click.echo(json.dumps(load_run(folder, db=db), ensure_ascii=False))
