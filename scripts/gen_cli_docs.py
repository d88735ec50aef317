"""Regenerate docs/cli.md from the CLI's own help (tests/test_docs.py checks it is current).

python scripts/gen_cli_docs.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click

from rasad.cli import main as cli_main

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
HEAD = """# Command line reference

Generated from `rasad --help` by `python scripts/gen_cli_docs.py`; do not edit by hand.
Every command exits with 0 on success, 1 on an error (a one-line message with its code,
`--debug` for the traceback), 2 on a usage error and 3 when some input pages were rejected.
"""


def render() -> str:
    ctx = click.Context(cli_main, info_name="rasad", terminal_width=100, max_content_width=100)
    parts = [HEAD, "## rasad\n", "```", cli_main.get_help(ctx), "```\n"]
    for name in sorted(cli_main.list_commands(ctx)):
        cmd = cli_main.get_command(ctx, name)
        assert cmd is not None
        sub = click.Context(
            cmd, info_name=name, parent=ctx, terminal_width=100, max_content_width=100
        )
        parts += [f"## rasad {name}\n", "```", cmd.get_help(sub), "```\n"]
    return "\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="Fail if docs/cli.md is stale.")
    args = ap.parse_args()
    text = render()
    if args.check:
        sys.exit(0 if DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
