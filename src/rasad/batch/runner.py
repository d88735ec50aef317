"""Run independent tasks in process, in a process pool or on Ray, with retries.

A task is a module-level function and its arguments; it writes its own outputs and returns a
small summary. A task that raises, or whose worker dies, is tried again up to ``retries`` times;
after that it is reported as failed (the caller records it), never silently dropped.

Every task reports the CPU seconds its worker spent on it (``Outcome.cpu``), so a run's report
gives the work of each step apart from its wall-clock time (on a shared machine the two differ).
Workers run with one BLAS/OpenMP thread each (``THREAD_ENV``): a worker is one core's worth of
work, and numeric libraries spawning a thread per core would oversubscribe the machine.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, MissingDependencyError, PipelineError

logger = logging.getLogger(__name__)

Task = tuple[str, Callable[..., Any], tuple[Any, ...]]

THREAD_ENV = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    """Run ``fn(*args)`` in the worker; its value and the CPU seconds it took there."""
    c0 = time.process_time()
    value = fn(*args)
    return value, time.process_time() - c0


@dataclass(slots=True)
class Outcome:
    key: str
    ok: bool
    value: Any = None
    error: str | None = None
    attempts: int = 1
    cpu: float = 0.0


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
                    value, cpu = timed(fn, *args)
                    out[key] = Outcome(key, True, value, attempts=attempt, cpu=cpu)
                    break
                except Exception as e:  # a failed task is retried, then reported
                    logger.warning("task %s failed (attempt %d): %r", key, attempt, e)
                    out[key] = Outcome(key, False, error=repr(e), attempts=attempt)
        return out

    def warm(self, fn: Callable[[], Any]) -> None:
        """Start the workers and run ``fn`` on each (here: in this process)."""
        fn()

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
        for k, v in THREAD_ENV.items():  # spawned workers inherit the environment
            os.environ.setdefault(k, v)
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
                futures[task[0]] = (pool.submit(timed, task[1], *task[2]), task)
            pending = []
            broken = False
            for key, (fut, task) in futures.items():
                try:
                    value, cpu = fut.result()
                    out[key] = Outcome(key, True, value, attempts=attempts[key], cpu=cpu)
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

    def warm(self, fn: Callable[[], Any]) -> None:
        pool = self._pool or self._new_pool()
        for fut in [pool.submit(fn) for _ in range(self.workers)]:
            fut.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class RayRunner(TaskRunner):
    """Ray tasks (``--executor ray``): a local Ray with ``workers`` CPUs, or the cluster at
    ``address``. Ray itself re-runs a task whose worker process died. One remote function is
    registered per step function (not per task), and the workers are started and warmed (the
    pipeline built once per worker) before the first step, so ``warm`` measures start-up
    apart from the work."""

    def __init__(self, *, workers: int = 2, retries: int = 2, address: str | None = None) -> None:
        super().__init__(workers=workers, retries=retries)
        self.address = address
        try:
            import ray
        except ImportError as e:
            raise MissingDependencyError(
                Errors.E403, what="--executor ray", package="ray", extra="rasad[ray]"
            ) from e
        self._ray: Any = ray
        if not ray.is_initialized():
            ray.init(
                address=address,
                num_cpus=None if address else workers,
                include_dashboard=False,
                log_to_driver=False,
                ignore_reinit_error=True,
                runtime_env={"env_vars": dict(THREAD_ENV)},
            )
        self._timed = ray.remote(timed).options(
            max_retries=self.retries, retry_exceptions=True, num_cpus=1
        )

    def warm(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` once on as many workers as there are CPUs (start-up, model loading)."""
        n = max(1, int(self._ray.cluster_resources().get("CPU", self.workers)))
        self._ray.get([self._timed.remote(fn) for _ in range(n)])

    def run(self, tasks: Sequence[Task]) -> dict[str, Outcome]:
        ray = self._ray
        refs = {key: self._timed.remote(fn, *args) for key, fn, args in tasks}
        out: dict[str, Outcome] = {}
        for key, ref in refs.items():
            try:
                value, cpu = ray.get(ref)
                out[key] = Outcome(key, True, value, cpu=cpu)
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
