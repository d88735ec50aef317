"""Each stage of the standard pipeline sets what it declares in ``assigns``, and requires only
what the readers or an earlier stage assign (``Pipeline`` checks the order)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS
from rasad.doc import Doc
from rasad.stages.base import Stage
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


# -- reads ---------------------------------------------------------------------------------------

#: Doc members that read another attribute: a stage that uses them reads these.
_DERIVED = {
    "has_text": ("doc.text",),
    "norm": ("doc.text",),
    "norm_map": ("doc.text",),
    "span_from_norm": ("doc.text",),
    "entities_json": ("doc.mentions", "doc.entities"),
    "id": ("doc.title", "doc.text"),  # the content hash of both
}
#: Read by every stage (the page's name, whether it was rejected, the side-data dict itself).
_ALWAYS = {"doc.source", "doc.reject", "doc.meta"}


class _Reads(dict):  # type: ignore[type-arg]
    """``doc.meta`` that records the keys read."""

    def __init__(self, data: dict[str, Any], seen: set[str]) -> None:
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, key: str) -> Any:
        self.seen.add(f"doc.meta.{key}")
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.add(f"doc.meta.{key}")
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.seen.add(f"doc.meta.{key}")
        return super().__contains__(key)

    def pop(self, key: str, *default: Any) -> Any:
        self.seen.add(f"doc.meta.{key}")
        return super().pop(key, *default)


class _TracedDoc(Doc):
    """A ``Doc`` that records every attribute a stage reads (``doc.x``; ``doc.text`` for the
    text and its normalised view)."""

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if not name.startswith("_"):
            seen: set[str] = object.__getattribute__(self, "__dict__").setdefault("seen", set())
            if name in _DERIVED:
                seen.update(_DERIVED[name])
            elif name in Doc.__slots__ or isinstance(getattr(Doc, name, None), property):
                seen.add(f"doc.{name}")
        return value


def _traced(doc: Doc, seen: set[str]) -> Doc:
    out = _TracedDoc.__new__(_TracedDoc)
    out.__dict__["seen"] = seen
    for name in Doc.__slots__:
        object.__setattr__(out, name, object.__getattribute__(doc, name))
    object.__setattr__(out, "meta", _Reads(doc.meta, seen))
    return out


def _reads(tmp_path: Path) -> list[tuple[Stage, set[str]]]:
    """Each stage of the standard pipeline with what it read, over the sample pages (a WARC,
    JSON Lines, HTML and text) and an orthographic copy that dedup links."""
    page = (CORPUS / "anatolia_01_putin-erdogan-call.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(page.replace("\u0629", "\u0647"), encoding="utf-8")
    docs = list(read_inputs([str(CORPUS), str(copy)]))
    out = []
    for stage in default_stages(on_error="raise"):
        seen: set[str] = set()
        docs = list(stage([_traced(d, seen) for d in docs]))
        out.append((stage, seen))
    return out


def _outside(seen: set[str], allowed: Iterable[str]) -> set[str]:
    alts = {alt for name in allowed for alt in name.split("|")}
    return {n for n in seen if n not in alts}


def test_stage_contract_each_stage_reads_only_what_is_assigned_before_it(
    tmp_path: Path,
) -> None:
    available = set(READER_ASSIGNS)
    early: dict[str, set[str]] = {}
    undeclared: dict[str, set[str]] = {}
    for stage, seen in _reads(tmp_path):
        if extra := _outside(seen, available | set(stage.assigns) | _ALWAYS):
            early[stage.name] = extra
        if extra := _outside(seen, {*stage.requires, *stage.assigns, *_ALWAYS}):
            undeclared[stage.name] = extra
        available.update(stage.assigns)
    assert not early, f"read before any stage assigns it: {early}"
    assert not undeclared, f"declare these reads in requires: {undeclared}"
