"""Each stage of the standard pipeline sets what it declares in ``assigns``, and requires only
what the readers or an earlier stage assign (``Pipeline`` checks the order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS
from rasad.doc import Doc
from rasad.stages.pipeline import READER_ASSIGNS, default_stages
from rasad.stages.read import read_inputs


def _is_set(doc: Doc, name: str) -> bool:
    """Whether ``doc`` carries ``name`` (``doc.x``, ``doc.meta.key``, ``doc.events.counts``,
    ``doc.a|doc.b`` for either)."""
    if "|" in name:
        return any(_is_set(doc, alt) for alt in name.split("|"))
    parts = name.split(".")
    assert parts[0] == "doc", name
    if parts[1] == "meta":
        return parts[2] in doc.meta
    if name == "doc.events.counts":
        return any(event.counts for event in doc.events)
    value: Any = getattr(doc, parts[1])
    return value is not None and value != [] and value != {}


def test_stage_contract_names_are_real_attributes() -> None:
    for stage in default_stages():
        for name in (*stage.requires, *stage.assigns):
            for alt in name.split("|"):
                parts = alt.split(".")
                assert parts[0] == "doc", (stage.name, alt)
                assert hasattr(Doc, parts[1]), (stage.name, alt)


def test_stage_contract_each_stage_sets_what_it_assigns(tmp_path: Path) -> None:
    # a copy differing only in orthography (taa marbuta written as haa): dedup links it
    page = (CORPUS / "anatolia_01_putin-erdogan-call.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(page.replace("\u0629", "\u0647"), encoding="utf-8")
    docs = list(read_inputs([str(CORPUS), str(copy)]))
    assert docs
    for doc in docs:  # readers give the page as bytes (or decoded, from JSON Lines) and its source
        assert _is_set(doc, "doc.raw|doc.html|doc.page"), doc.source
        assert _is_set(doc, "doc.source"), doc.source
    for stage in default_stages(on_error="raise"):
        docs = list(stage(docs))
        live = [d for d in docs if d.reject is None]
        assert live, stage.name
        for name in stage.assigns:
            assert any(_is_set(d, name) for d in live), f"{stage.name} never sets {name}"


@pytest.mark.parametrize("index", range(1, 10))
def test_stage_contract_requires_come_earlier(index: int) -> None:
    stages = default_stages()
    if index >= len(stages):
        pytest.skip("the standard pipeline is shorter")
    available = set(READER_ASSIGNS)
    for stage in stages[:index]:
        available.update(stage.assigns)
    missing = [n for n in stages[index].requires if n not in available]
    assert not missing, (stages[index].name, missing)
