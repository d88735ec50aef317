"""The task runners' flow: tasks made ready by the ends of others (each built from the results
so far), those marked to go ahead before the waiting ones, at most ``workers`` at a time."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rasad.batch.runner import Next, Outcome, PoolRunner, Task, TaskRunner


def note(log: str, key: str, value: Any = None) -> Any:
    """A task: appends its key to ``log`` (the order tasks started in), returns ``value``."""
    with open(log, "a") as fh:
        fh.write(key + "\n")
    time.sleep(0.05)
    return value if value is not None else key


def fail(log: str, key: str) -> Any:
    note(log, key)
    raise ValueError(key)


def _start(log: str) -> Next:
    """``a`` goes ahead of four waiting tasks ``x0``..``x3``."""
    first: Next = [(("a", note, (log, "a", 21)), True)]
    return [*first, *[((f"x{i}", note, (log, f"x{i}")), False) for i in range(4)]]


def _then(log: str) -> Any:
    """``a`` makes ``b`` ready (ahead, built from its value); ``x1`` makes ``y`` (waiting)."""

    def then(res: Outcome, done: dict[str, Outcome]) -> Next:
        if res.key == "a":
            return [(("b", note, (log, "b", done["a"].value * 2)), True)]
        if res.key == "x1":
            return [(("y", note, (log, "y")), False)]
        return []

    return then


ORDER = ["a", "b", "x0", "x1", "x2", "x3", "y"]


def test_local_runner_runs_what_goes_ahead_first(tmp_path: Path) -> None:
    log = str(tmp_path / "log")
    out = TaskRunner().run_flow(_start(log), _then(log))
    assert out["b"].value == 42  # built from the result of the task before it
    assert Path(log).read_text().split() == ORDER
    assert all(o.started <= o.finished for o in out.values())
    assert out["b"].started >= out["a"].finished


def test_pool_runner_runs_what_goes_ahead_first(tmp_path: Path) -> None:
    log = str(tmp_path / "log")
    runner = PoolRunner(workers=1, retries=0)
    try:
        out = runner.run_flow(_start(log), _then(log))
    finally:
        runner.close()
    assert all(o.ok for o in out.values())
    assert out["b"].value == 42
    assert Path(log).read_text().split() == ORDER


def test_a_task_that_keeps_failing_is_reported_once_to_then(tmp_path: Path) -> None:
    log = str(tmp_path / "log")
    seen: list[tuple[str, bool]] = []

    def then(res: Outcome, _: dict[str, Outcome]) -> Next:
        seen.append((res.key, res.ok))
        return []

    start: list[tuple[Task, bool]] = [(("bad", fail, (log, "bad")), False)]
    out = TaskRunner(retries=2).run_flow(start, then)
    assert not out["bad"].ok
    assert out["bad"].attempts == 3
    assert Path(log).read_text().split() == ["bad"] * 3
    assert seen == [("bad", False)]


def env(name: str) -> str | None:
    import os

    return os.environ.get(name)


def test_pool_workers_run_one_numeric_thread() -> None:
    runner = PoolRunner(workers=1, retries=0)
    try:
        out = runner.run([("t", env, ("OMP_NUM_THREADS",))])
    finally:
        runner.close()
    assert out["t"].value == "1"
