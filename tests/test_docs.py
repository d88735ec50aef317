"""Everything user-visible is documented: CLI reference current, every stage and command named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rasad.cli import main as cli_main
from rasad.stages.pipeline import default_stages

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    res = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"], check=False
    )
    assert res.returncode == 0, "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_every_command_has_help_and_is_in_readme_or_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = readme + "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "docs").glob("*.md"))
        if p.name != "cli.md"
    )
    for name, cmd in cli_main.commands.items():
        assert cmd.help, name
        assert f"rasad {name}" in docs or name in ("run",), name
    assert "make run" in readme
    assert "make test" in readme


def test_every_stage_documented() -> None:
    stages_doc = (ROOT / "docs" / "stages.md").read_text(encoding="utf-8")
    for stage in default_stages():
        assert f"`{stage.name}`" in stages_doc, stage.name
        assert type(stage).__name__ in stages_doc, type(stage).__name__


def test_changelog_has_unreleased() -> None:
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
