"""Golden files: ``Doc.to_json()`` (text, entities with offsets, events) of every sample page.

``pytest --update-golden`` rewrites tests/golden/*.json; reviewers read the diff.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CORPUS
from rasad import api

GOLDEN = Path(__file__).resolve().parent / "golden"


def _name(source: str) -> str:
    """``.../corpus/site_01_story.txt`` → ``site_01_story.txt``; a record of a multi-page file
    keeps its number (``crawl.warc.gz:2`` → ``crawl.warc.gz.2``)."""
    return re.sub(r"[^\w.\-]+", ".", Path(source).name)


@pytest.fixture(scope="module")
def current() -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for doc in api.extract([str(CORPUS)]):
        data = doc.to_json()
        data["source"] = Path(doc.source).name  # no machine-specific path
        out[_name(doc.source)] = data
    return out


def test_golden_files_match(
    current: dict[str, dict[str, object]], request: pytest.FixtureRequest
) -> None:
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*.json"):
            old.unlink()
        for name, data in current.items():
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            (GOLDEN / f"{name}.json").write_text(text, encoding="utf-8")
    stored = {p.name.removesuffix(".json"): p for p in GOLDEN.glob("*.json")}
    assert sorted(stored) == sorted(current), "pages added or gone: run pytest --update-golden"
    changed = [
        name
        for name, path in stored.items()
        if json.loads(path.read_text(encoding="utf-8")) != json.loads(json.dumps(current[name]))
    ]
    assert not changed, f"output changed for {changed}: review, then pytest --update-golden"


def test_golden_files_hold_offsets_and_events() -> None:
    files = sorted(GOLDEN.glob("*.json"))
    assert len(files) >= 12
    with_events = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["text"]
        for ent in data["entities"]:
            for m in ent["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"], (path.name, m)
        with_events += bool(data["events"])
    assert with_events >= 5
