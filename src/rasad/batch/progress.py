"""Progress of a batch run: tasks done and expected per step, told as they change.

``run_batch(progress=...)`` takes a callable ``(step, done, total)``; the CLI draws one bar per
step from it. Totals are known when a step is planned: a flow step's total counts the tasks it
will run once what they wait for is done, and drops when a shard fails before them.
"""

from __future__ import annotations

from collections.abc import Callable

from .runner import Next, Outcome, Task, TaskRunner

Progress = Callable[[str, int, int], None]  # step, tasks done, tasks in all


def _silent(step: str, done: int, total: int) -> None:
    return None


class Tally:
    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress or _silent
        self.done: dict[str, int] = {}
        self.total: dict[str, int] = {}

    def expect(self, step: str, n: int) -> None:
        """``n`` more tasks of ``step`` will run (negative: fewer)."""
        self.total[step] = self.total.get(step, 0) + n
        self._tell(step)

    def tick(self, step: str) -> None:
        """A task of ``step`` has ended (done or failed for good)."""
        self.done[step] = self.done.get(step, 0) + 1
        self._tell(step)

    def run(self, runner: TaskRunner, step: str, tasks: list[Task]) -> dict[str, Outcome]:
        """Run one step's independent tasks on ``runner``, telling each one's end."""

        def tick(_: Outcome, __: dict[str, Outcome]) -> Next:
            self.tick(step)
            return ()

        self.expect(step, len(tasks))
        return runner.run_flow([(t, False) for t in tasks], tick)

    def _tell(self, step: str) -> None:
        self.progress(step, self.done.get(step, 0), self.total.get(step, 0))
