"""The ``rasad`` command line. Each command only parses options and calls ``rasad.api``.

- ``pages``: ingest, extract;
- ``query``: search, show, export, entities, events, rejects;
- ``jobs``: eval, run;
- ``rasad.web.cli`` (serve, alerts) and ``rasad.batch.cli`` (batch, load) register theirs here.
"""

from __future__ import annotations

import logging

import click

from ..batch.cli import register as _register_batch
from ..web.cli import register as _register_web
from . import jobs, pages, query
from .common import handle_errors

#: The name the web and batch command modules used before the ``cli`` package (kept for them).
_errors = handle_errors


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


for _module in (pages, query, jobs):
    for _command in _module.COMMANDS:
        main.add_command(_command)
_register_web(main)
_register_batch(main)

__all__ = ["main"]
