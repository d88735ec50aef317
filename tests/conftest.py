"""Shared fixtures: paths to the bundled samples and to ../shared, a temporary store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rasad.storage.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = SAMPLES / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "gold" / "seeds.jsonl"

needs_shared = pytest.mark.skipif(
    not SEEDS_GOLD.exists(), reason="../shared is not beside the checkout"
)


@pytest.fixture
def page() -> object:
    def _page(name: str) -> Path:
        path = CORPUS / name
        assert path.exists(), path
        return path

    return _page


@pytest.fixture
def tmp_store(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "test.db")
    yield store
    store.close()
