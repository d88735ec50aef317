"""The import graph follows docs/architecture.md: no upward or sideways import, no cycle."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
#: Edges the architecture page names as exceptions (importer component, imported module).
ALLOWED = {("api", "rasad.web.alerts")}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted((SRC / "rasad").rglob("*.py"))}


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every rasad module ``name`` imports, at module level or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join([*base, *([node.module] if node.module else [])])
            else:
                mod = node.module or ""
            subs = [f"{mod}.{a.name}" for a in node.names]
            targets = [sub if sub in MODULES else mod for sub in subs]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target.startswith("rasad") and target != name:
                yield target


def _component(name: str) -> str:
    parts = name.split(".")
    if len(parts) >= 3 and parts[-1] == "cli":  # web/cli.py, batch/cli.py register into cli/
        return "cli"
    return parts[1] if len(parts) > 1 else "__init__"


def _layers() -> dict[str, int]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layers: dict[str, int] = {}
    for row in re.finditer(r"^\| (\d+) \| (.+) \|$", text, re.M):
        for pkg in re.findall(r"`([\w.]+)`", row.group(2)):
            layers[pkg] = int(row.group(1))
    return layers


GRAPH = {name: sorted(set(_imports(name, path))) for name, path in MODULES.items()}


def test_architecture_every_package_has_a_layer() -> None:
    layers = _layers()
    missing = sorted({_component(m) for m in MODULES} - set(layers))
    assert not missing, f"add to the layer table of docs/architecture.md: {missing}"


def test_architecture_no_upward_or_sideways_import() -> None:
    layers = _layers()
    bad = []
    for name, targets in GRAPH.items():
        here = _component(name)
        for target in targets:
            there = _component(target)
            if there == here or (here, target) in ALLOWED:
                continue
            if layers[there] >= layers[here]:
                bad.append(f"{name} -> {target} (layer {layers[here]} -> {layers[there]})")
    assert not bad, "imports against docs/architecture.md:\n" + "\n".join(bad)


def test_architecture_no_import_cycle_between_packages() -> None:
    # Tarjan's strongly connected components over packages (function-level imports included)
    graph: dict[str, set[str]] = {}
    for name, targets in GRAPH.items():
        here = _component(name)
        graph.setdefault(here, set()).update(
            _component(t) for t in targets if (here, t) not in ALLOWED and _component(t) != here
        )
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            comp = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                comp.append(item)
                if item == node:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert not cycles, f"import cycles between packages: {cycles}"


def test_architecture_checker_sees_relative_and_lazy_imports() -> None:
    assert "rasad.extraction.pubdate" in GRAPH["rasad.runner"]
    assert "rasad.cli.common" in GRAPH["rasad.web.cli"]  # imported inside register()
    assert "rasad.api" in GRAPH["rasad.web.routes_write"]  # ``from .. import api``


#: Folders of ``tests/`` that hold data, not tests.
TEST_DATA = {"artifacts", "golden", "__pycache__"}


def test_architecture_test_folders_mirror_the_packages() -> None:
    """``tests/<name>/`` holds the tests of ``src/rasad/<name>/``: every folder of tests names a
    real package (tests of the top-level modules stay at the root of ``tests/``)."""
    packages = {p.name for p in (SRC / "rasad").iterdir() if p.is_dir() and any(p.glob("*.py"))}
    tests = ROOT / "tests"
    folders = {
        p.name for p in tests.iterdir() if p.is_dir() and not p.name.startswith(".")
    } - TEST_DATA
    assert folders <= packages, f"test folders without a package: {sorted(folders - packages)}"
    for name in folders:
        assert any((tests / name).glob("test_*.py")), f"tests/{name}/ holds no test"
    assert {"batch", "cli", "web"} <= packages  # the package list is real
