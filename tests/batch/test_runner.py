"""The task runners' overlap: a chain of short steps (each built from the results before) runs
beside long tasks, ahead of those still waiting, at most ``workers`` tasks at a time."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rasad.batch.runner import Outcome, PoolRunner, Task, TaskRunner


def note(log: str, key: str, value: Any = None) -> Any:
    """A task: appends its key to ``log`` (the order tasks started in), returns ``value``."""
    with open(log, "a") as fh:
        fh.write(key + "\n")
    time.sleep(0.05)
    return value if value is not None else key


def _chain(log: str) -> list[Any]:
    def first(_: dict[str, Outcome]) -> list[Task]:
        return [("a", note, (log, "a", 21))]

    def second(done: dict[str, Outcome]) -> list[Task]:
        return [("b", note, (log, "b", done["a"].value * 2))]

    return [first, second]


def _beside(log: str) -> list[Task]:
    return [(f"x{i}", note, (log, f"x{i}")) for i in range(4)]


def test_local_runner_runs_the_chain_then_the_rest(tmp_path: Path) -> None:
    log = str(tmp_path / "log")
    out = TaskRunner().run_overlap(_chain(log), _beside(log))
    assert out["b"].value == 42  # the second step was built from the first one's result
    assert Path(log).read_text().split() == ["a", "b", "x0", "x1", "x2", "x3"]


def test_pool_runner_puts_the_chain_first(tmp_path: Path) -> None:
    log = str(tmp_path / "log")
    runner = PoolRunner(workers=1, retries=0)
    try:
        out = runner.run_overlap(_chain(log), _beside(log))
    finally:
        runner.close()
    assert all(o.ok for o in out.values())
    assert out["b"].value == 42
    assert Path(log).read_text().split() == ["a", "b", "x0", "x1", "x2", "x3"]
