"""More ``rasad`` commands: eval, entities, events, rejects, run."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import api

F = TypeVar("F", bound=Callable[..., Any])


def _db_option() -> Callable[[F], F]:
    from .cli import DB_HELP

    return click.option("--db", default=api.DEFAULT_DB, show_default=True, help=DB_HELP)


def register(main: click.Group) -> None:
    from .cli import _errors, echo_summary, ingest_with_progress, say_empty

    _db = _db_option()

    @main.command("eval")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False))
    @click.argument("rawdir", type=click.Path(exists=True, file_okay=False))
    @click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
    @click.option("--details", is_flag=True, help="List misses per document.")
    @_errors
    def eval_cmd(gold: str, rawdir: str, as_json: bool, details: bool) -> None:
        """Score the pipeline against a gold file (shared/gold/FORMAT.md) and its raw pages."""
        from .evaluate import evaluate

        report = evaluate(gold, rawdir)
        data = report.to_json()
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        cl, en, ev = data["content_lines"], data["entities"], data["events"]
        if cl["tp"] + cl["fp"] + cl["fn"]:
            click.echo(
                f"content lines  P {cl['precision']:.3f}  R {cl['recall']:.3f}  F1 {cl['f1']:.3f}"
            )
        else:
            click.echo("content lines  n/a (the gold gives no content lines)")
        click.echo(f"titles         {data['titles']['exact']}/{data['titles']['total']} exact")
        click.echo(
            f"entities       P {en['precision']:.3f}  R {en['recall']:.3f}  F1 {en['f1']:.3f}"
        )
        click.echo(
            f"events         P {ev['precision']:.3f}  R(required) "
            f"{ev['required_recall']:.3f}  F1 {ev['f1']:.3f}"
        )
        if details:
            from .evaluate import details_text

            click.echo(details_text(data))

    @main.command()
    @_db
    @click.option("--type", "type_", type=click.Choice(["PER", "ORG", "GPE", "LOC", "MISC"]))
    @click.option("--country", help="ISO3 code.")
    @click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
    @click.option("--json", "as_json", is_flag=True)
    @_errors
    def entities(
        db: str, type_: str | None, country: str | None, limit: int, as_json: bool
    ) -> None:
        """Entities in the database with mention counts and the spellings seen."""
        from .storage.queries import entity_table

        rows = entity_table(db, type_=type_, country=country, limit=limit)
        if not rows:
            kind = f"{type_} " if type_ else ""
            where = f" of country {country}" if country else ""
            say_empty(f"no {kind}entities{where} in {db}.")
        for row in rows:
            if as_json:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                spell = "، ".join(f"{s} ({n})" for s, n in row["spellings"][:6])
                click.echo(
                    f"{row['mentions']:>6}  {row['type']:<4} {row['country'] or '-':<4} "
                    f"{row['name']}  [{spell}]"
                )

    @main.command()
    @_db
    @click.option("--dyad", help="Country pair, e.g. RUS-TUR (either direction).")
    @click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
    @click.option("--since", help="Only events on or after this date (YYYY-MM-DD).")
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["csv", "jsonl", "parquet"]),
        default="csv",
        show_default=True,
    )
    @click.option("--out", help="Output file (standard output when omitted; required for parquet).")
    @click.option(
        "--merged",
        is_flag=True,
        help="One row per story event (cluster, type, dyad, date) instead of one per article, "
        "with the story's mention, article and source counts.",
    )
    @click.option("--columns", type=click.Choice(["rasad", "polecat"]), default="rasad",
                  show_default=True, help="Column names and order (polecat: POLECAT's own).")
    @_errors
    def events(
        db: str,
        dyad: str | None,
        type_: str | None,
        since: str | None,
        fmt: str,
        out: str | None,
        merged: bool,
        columns: str,
    ) -> None:
        """Export events with POLECAT-style columns."""
        from .storage.export import export_events
        from .storage.sqlite import SqliteStore

        since = api.check_date(since)
        with SqliteStore(db, create=False) as store:
            n = export_events(
                store, fmt=fmt, out=out, dyad=dyad, type_=type_, since=since, merged=merged,
                columns=columns,
            )
            known = sorted(r[0] for r in store.conn.execute("SELECT DISTINCT type FROM events"))
        if out:
            click.echo(f"{n} events -> {out}", err=True)
        if n == 0:
            hint = ""
            if type_ and type_ not in known:
                hint = f" (no event of type {type_}; stored types: {', '.join(known) or 'none'})"
            say_empty(f"no events match in {db}{hint}.")

    @main.command()
    @_db
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per reject.")
    @_errors
    def rejects(db: str, as_json: bool) -> None:
        """Every rejected input with its stage, code and reason."""
        rows = api.rejects(db=db)
        if not rows:
            say_empty(f"no rejected inputs in {db}.")
        for row in rows:
            if as_json:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(f"{row['source']}\t{row['stage']}\t{row['code']}\t{row['reason']}")

    @main.command()
    @_db
    @click.option("--out", default="out", show_default=True, help="Folder for the exports.")
    @click.argument("paths", nargs=-1)
    @_errors
    def run(db: str, out: str, paths: tuple[str, ...]) -> None:
        """The main job: ingest (default: the bundled sample corpus), then write
        OUT/articles.{jsonl,csv,parquet} and OUT/events.{csv,parquet}, and print a summary."""
        from .storage.export import export_events
        from .storage.sqlite import SqliteStore

        inputs = list(paths) or [str(sample_corpus())]
        report = ingest_with_progress(inputs, db=db, quiet=False)
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        n_art = api.export(db=db, fmt="jsonl", out=folder / "articles.jsonl")
        api.export(db=db, fmt="csv", out=folder / "articles.csv")
        api.export(db=db, fmt="parquet", out=folder / "articles.parquet")
        with SqliteStore(db) as store:
            n_ev = export_events(store, fmt="csv", out=folder / "events.csv")
            export_events(store, fmt="parquet", out=folder / "events.parquet")
            stats = store.stats()
        files = sorted(
            p.name for p in folder.iterdir() if p.name.startswith(("articles.", "events."))
        )
        click.echo(
            json.dumps(
                {
                    "ingest": report.to_json(),
                    "database": stats,
                    "exported": {"articles": n_art, "events": n_ev, "folder": out, "files": files},
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        if report.rejected:
            echo_summary(report, db, rejects_only=True)
            sys.exit(3)


def sample_corpus() -> Path:
    """The bundled sample corpus (``samples/corpus`` of the source checkout)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "samples" / "corpus"
        if cand.is_dir():
            return cand
    return Path("samples/corpus")
