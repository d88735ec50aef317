"""``rasad eval`` (score against a gold file) and ``rasad run`` (the main job)."""

from __future__ import annotations

import json
import sys

import click

from .. import api
from .common import db_option, echo_summary, handle_errors, ingest_progress


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("rawdir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--details", is_flag=True, help="List misses per document.")
@handle_errors
def eval_cmd(gold: str, rawdir: str, as_json: bool, details: bool) -> None:
    """Score the pipeline against a gold file (shared/gold/FORMAT.md) and its raw pages."""
    data = api.evaluate(gold, rawdir).to_json()
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
    click.echo(f"entities       P {en['precision']:.3f}  R {en['recall']:.3f}  F1 {en['f1']:.3f}")
    click.echo(
        f"events         P {ev['precision']:.3f}  R(required) "
        f"{ev['required_recall']:.3f}  F1 {ev['f1']:.3f}"
    )
    if details:
        click.echo(api.details_text(data))


@click.command()
@db_option
@click.option("--out", default="out", show_default=True, help="Folder for the exports.")
@click.argument("paths", nargs=-1)
@handle_errors
def run(db: str, out: str, paths: tuple[str, ...]) -> None:
    """The main job: ingest (default: the bundled sample corpus), then write
    OUT/articles.{jsonl,csv,parquet} and OUT/events.{csv,parquet}, and print a summary."""
    inputs = list(paths) or [str(api.sample_corpus())]
    with ingest_progress(inputs, quiet=False) as progress:
        result = api.run(inputs, db=db, out=out, progress=progress)
    click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    if result.ingest.rejected:
        echo_summary(result.ingest, db, rejects_only=True)
        sys.exit(3)


COMMANDS = (eval_cmd, run)
