"""Shared fixtures: paths to the bundled samples and to ../shared, a temporary store."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from rasad.entities.linker import Linker, Resources
from rasad.storage.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = SAMPLES / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "gold" / "seeds.jsonl"
NEWS = SHARED / "corpus" / "news"
NEWS_GOLD = SHARED / "gold" / "news.jsonl"

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


@pytest.fixture(scope="module")
def shipped() -> Linker:
    """The shipped linker (knowledge base and models), loaded once per module."""
    return Linker(Resources.shared())


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` as a module (once per test session)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/*.json from the current pipeline (review the diff).",
    )
