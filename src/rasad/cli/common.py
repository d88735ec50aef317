"""What every ``rasad`` command shares: error translation, the ``--db`` option, messages and
the ingest progress bar.

Library errors (``RasadError``) become one-line messages (exit 1; usage errors exit 2);
``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import click

from .. import api
from ..errors import Errors, RasadError

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    "SQLite database (every command uses the same default; commands that read need it to exist)."
)
db_option = click.option("--db", default=api.DEFAULT_DB, show_default=True, help=DB_HELP)
stories_option = click.option(
    "--stories/--no-stories",
    default=True,
    show_default=True,
    help="Join other outlets' reports of one occasion into stories (dedup.minhash.v2); "
    "--no-stories clusters exact and near duplicates only (dedup.minhash.v1): faster, and "
    "a `rasad batch` driver then holds only the duplicate links.",
)


def handle_errors(func: F) -> F:
    """Translate library errors into one-line messages (``--debug``: the traceback)."""

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


@contextmanager
def ingest_progress(paths: Iterable[str], *, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress callback for ``api.ingest``: a bar on standard error (only on a terminal,
    with the number of pages as total when it can be counted cheaply)."""
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
        yield lambda n: bar.advance(task, n)


@contextmanager
def steps_progress(*, quiet: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A progress callback for ``rasad batch``: one bar per step (tasks done of those
    planned), on standard error and only on a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    show = not quiet and console.is_terminal
    columns = (
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("tasks"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, disable=not show) as bar:
        rows: dict[str, Any] = {}

        def tell(step: str, done: int, total: int) -> None:
            if step not in rows:
                rows[step] = bar.add_task(step, total=total)
            bar.update(rows[step], completed=done, total=total)

        yield tell


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
