"""Commands that read the database: search, show, export, entities, events, rejects."""

from __future__ import annotations

import json

import click

from .. import api
from .common import db_option, handle_errors, say_empty


@click.command()
@click.argument("query", required=False, default="")
@db_option
@click.option("--entity", help="Only articles mentioning this entity (id, English or Arabic name).")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@handle_errors
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


@click.command()
@click.argument("article_id")
@db_option
@handle_errors
def show(article_id: str, db: str) -> None:
    """Print one stored article (id or unique id prefix) as JSON. A prefix that several
    articles share lists them and exits with 1."""
    click.echo(json.dumps(api.show(article_id, db=db).to_json(), ensure_ascii=False, indent=2))


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option("--out", help="Output file (standard output for jsonl and csv when omitted).")
@handle_errors
def export(db: str, fmt: str, out: str | None) -> None:
    """Export every stored article (with entities and events; CSV: their ids and types)."""
    n = api.export(db=db, fmt=fmt, out=out)
    if out:
        click.echo(f"{n} articles -> {out}", err=True)


@click.command()
@db_option
@click.option("--type", "type_", type=click.Choice(["PER", "ORG", "GPE", "LOC", "MISC"]))
@click.option("--country", help="ISO3 code.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@handle_errors
def entities(db: str, type_: str | None, country: str | None, limit: int, as_json: bool) -> None:
    """Entities in the database with mention counts and the spellings seen."""
    rows = api.entities(db=db, type_=type_, country=country, limit=limit)
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


@click.command()
@db_option
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
@click.option(
    "--columns",
    type=click.Choice(["rasad", "polecat"]),
    default="rasad",
    show_default=True,
    help="Column names and order (polecat: POLECAT's own).",
)
@handle_errors
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
    n = api.events(
        db=db,
        fmt=fmt,
        out=out,
        dyad=dyad,
        type_=type_,
        since=since,
        merged=merged,
        columns=columns,
    )
    if out:
        click.echo(f"{n} events -> {out}", err=True)
    if n == 0:
        hint = ""
        known = api.event_types(db=db) if type_ else []
        if type_ and type_ not in known:
            hint = f" (no event of type {type_}; stored types: {', '.join(known) or 'none'})"
        say_empty(f"no events match in {db}{hint}.")


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per reject.")
@handle_errors
def rejects(db: str, as_json: bool) -> None:
    """Every rejected input with its stage, code and reason."""
    rows = api.rejects(db=db)
    if not rows:
        say_empty(f"no rejected inputs in {db}.")
    for row in rows:
        if as_json:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{row.source}\t{row.stage}\t{row.code}\t{row.reason}")


COMMANDS = (search, show, export, entities, events, rejects)
