"""Run independent tasks in process, in a process pool or on Ray, with retries.

A task is a module-level function and its arguments; it writes its own outputs and returns a
small summary. A task that raises, or whose worker dies, is tried again up to ``retries`` times;
after that it is reported as failed (the caller records it), never silently dropped.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, MissingDependencyError, PipelineError

logger = logging.getLogger(__name__)

Task = tuple[str, Callable[..., Any], tuple[Any, ...]]


@dataclass(slots=True)
class Outcome:
    key: str
    ok: bool
    value: Any = None
    error: str | None = None
    attempts: int = 1


class TaskRunner:
    """In process, one task after another (``--executor local``)."""

    def __init__(self, *, workers: int = 1, retries: int = 2) -> None:
        self.workers = workers
        self.retries = retries

    def run(self, tasks: Sequence[Task]) -> dict[str, Outcome]:
        out: dict[str, Outcome] = {}
        for key, fn, args in tasks:
            for attempt in range(1, self.retries + 2):
                try:
                    out[key] = Outcome(key, True, fn(*args), attempts=attempt)
                    break
                except Exception as e:  # a failed task is retried, then reported
                    logger.warning("task %s failed (attempt %d): %r", key, attempt, e)
                    out[key] = Outcome(key, False, error=repr(e), attempts=attempt)
        return out

    def close(self) -> None:
        """Release workers."""


class PoolRunner(TaskRunner):
    """A spawned process pool (``--executor pool``). A dead worker breaks the pool: it is
    replaced and the unfinished tasks are submitted again."""

    def __init__(self, *, workers: int = 2, retries: int = 2) -> None:
        super().__init__(workers=workers, retries=retries)
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=mp.get_context("spawn")
        )
        return self._pool

    def run(self, tasks: Sequence[Task]) -> dict[str, Outcome]:
        out: dict[str, Outcome] = {}
        attempts = {key: 0 for key, _, _ in tasks}
        pending = list(tasks)
        pool = self._pool or self._new_pool()
        while pending:
            futures: dict[str, tuple[Future[Any], Task]] = {}
            for task in pending:
                attempts[task[0]] += 1
                futures[task[0]] = (pool.submit(task[1], *task[2]), task)
            pending = []
            broken = False
            for key, (fut, task) in futures.items():
                try:
                    out[key] = Outcome(key, True, fut.result(), attempts=attempts[key])
                    continue
                except BrokenProcessPool as e:
                    broken = True
                    err = f"worker died: {e!r}"
                except Exception as e:
                    err = repr(e)
                logger.warning("task %s failed (attempt %d): %s", key, attempts[key], err)
                out[key] = Outcome(key, False, error=err, attempts=attempts[key])
                if attempts[key] <= self.retries:
                    pending.append(task)
            if broken:
                pool = self._new_pool()
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class RayRunner(TaskRunner):
    """Ray tasks (``--executor ray``): a local Ray with ``workers`` CPUs, or the cluster at
    ``address``. Ray itself re-runs a task whose worker process died."""

    def __init__(self, *, workers: int = 2, retries: int = 2, address: str | None = None) -> None:
        super().__init__(workers=workers, retries=retries)
        self.address = address
        try:
            import ray
        except ImportError as e:
            raise MissingDependencyError(
                Errors.E403, what="--executor ray", package="ray", extra="rasad[ray]"
            ) from e
        self._ray = ray
        if not ray.is_initialized():
            ray.init(
                address=address,
                num_cpus=None if address else workers,
                include_dashboard=False,
                log_to_driver=False,
                ignore_reinit_error=True,
            )

    def run(self, tasks: Sequence[Task]) -> dict[str, Outcome]:
        ray = self._ray
        refs = {}
        for key, fn, args in tasks:
            remote = ray.remote(fn).options(
                max_retries=self.retries, retry_exceptions=True, num_cpus=1
            )
            refs[key] = remote.remote(*args)
        out: dict[str, Outcome] = {}
        for key, ref in refs.items():
            try:
                out[key] = Outcome(key, True, ray.get(ref))
            except Exception as e:  # RayTaskError, WorkerCrashedError after the retries
                out[key] = Outcome(key, False, error=repr(e), attempts=self.retries + 1)
        return out


def get_runner(
    name: str, *, workers: int = 1, retries: int = 2, address: str | None = None
) -> TaskRunner:
    if name == "local":
        return TaskRunner(workers=1, retries=retries)
    if name == "pool":
        return PoolRunner(workers=max(1, workers), retries=retries)
    if name == "ray":
        return RayRunner(workers=max(1, workers), retries=retries, address=address)
    raise PipelineError(Errors.E204, name=name)
