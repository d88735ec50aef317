"""CI evaluation gate on the seeds gold (../shared/gold/seeds.jsonl): floors only go up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import SEEDS, SEEDS_GOLD, needs_shared
from rasad.evaluate import evaluate

GATES = json.loads((Path(__file__).parent / "gates.json").read_text())["seeds"]


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate(SEEDS_GOLD, SEEDS).to_json()


@needs_shared
def test_gate_content_lines(report: dict[str, Any]) -> None:
    assert report["content_lines"]["f1"] >= GATES["content_lines_f1"], report["documents"]


@needs_shared
def test_gate_titles(report: dict[str, Any]) -> None:
    assert report["titles"]["total"] == 3
    assert report["titles"]["exact"] >= GATES["titles_exact"]


@needs_shared
def test_gate_entities(report: dict[str, Any]) -> None:
    assert report["entities"]["f1"] >= GATES["entity_f1"], report["documents"]


@needs_shared
def test_gate_events(report: dict[str, Any]) -> None:
    assert report["events"]["required_recall"] >= GATES["event_required_recall"]
    assert report["events"]["precision"] >= GATES["event_precision"]


def test_gates_only_go_up() -> None:
    """The floors in gates.json never go below what was once reached (recorded here)."""
    reached = {"content_lines_f1": 1.0, "titles_exact": 3}
    for key, value in reached.items():
        assert GATES[key] >= value
