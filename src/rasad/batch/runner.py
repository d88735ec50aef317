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
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, CancelledError, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, MissingDependencyError, PipelineError

logger = logging.getLogger(__name__)

Task = tuple[str, Callable[..., Any], tuple[Any, ...]]
Next = Sequence[tuple[Task, bool]]  # tasks to run, each with whether it goes ahead of the rest
Then = Callable[["Outcome", dict[str, "Outcome"]], Next]

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
    started: float = 0.0  # the driver's clock (perf_counter) at the last submission
    finished: float = 0.0  # and when the driver saw the result


def _none(_: Outcome, __: dict[str, Outcome]) -> Next:
    return ()


class TaskRunner:
    """In process, one task after another (``--executor local``)."""

    def __init__(self, *, workers: int = 1, retries: int = 2) -> None:
        self.workers = workers
        self.retries = retries

    def run(self, tasks: Sequence[Task]) -> dict[str, Outcome]:
        return self.run_flow([(t, False) for t in tasks])

    def run_flow(self, start: Next, then: Then = _none) -> dict[str, Outcome]:
        """Run ``start`` and what follows: each task's outcome (after its retries) goes to
        ``then``, which returns the tasks it makes ready. A task marked ``True`` goes ahead of
        the waiting ones (short steps that others wait for); the rest run in the order given.
        In process: one task at a time."""
        out: dict[str, Outcome] = {}
        hi: deque[Task] = deque(t for t, first in start if first)
        lo: deque[Task] = deque(t for t, first in start if not first)
        while hi or lo:
            key, fn, args = (hi or lo).popleft()
            t0 = time.perf_counter()
            for attempt in range(1, self.retries + 2):
                try:
                    value, cpu = timed(fn, *args)
                    res = Outcome(key, True, value, attempts=attempt, cpu=cpu)
                    break
                except Exception as e:  # a failed task is retried, then reported
                    logger.warning("task %s failed (attempt %d): %r", key, attempt, e)
                    res = Outcome(key, False, error=repr(e), attempts=attempt)
            res.started, res.finished = t0, time.perf_counter()
            out[key] = res
            for task, first in then(res, out):
                (hi if first else lo).append(task)
        return out

    def warm(self, fn: Callable[[], Any]) -> None:
        """Start the workers and run ``fn`` on each (here: in this process)."""
        fn()

    def close(self) -> None:
        """Release workers."""


class _SlotRunner(TaskRunner):
    """At most ``workers`` tasks in flight; those marked to go ahead first. Subclasses submit one
    task and collect the finished ones."""

    retry_failed = True  # re-submit a failed task here (Ray retries its own tasks)

    def _submit(self, task: Task) -> Any:
        raise NotImplementedError

    def _collect(self, handles: list[Any]) -> list[tuple[Any, bool, Any, str | None]]:
        """Wait for at least one task: ``(handle, ok, (value, cpu) or None, error)``."""
        raise NotImplementedError

    def run_flow(self, start: Next, then: Then = _none) -> dict[str, Outcome]:
        out: dict[str, Outcome] = {}
        attempts: dict[str, int] = {}
        hi: deque[Task] = deque(t for t, first in start if first)
        lo: deque[Task] = deque(t for t, first in start if not first)
        flight: dict[Any, tuple[Task, bool, float]] = {}
        while True:
            while len(flight) < self.workers and (hi or lo):
                first = bool(hi)
                task = (hi if first else lo).popleft()
                attempts[task[0]] = attempts.get(task[0], 0) + 1
                flight[self._submit(task)] = (task, first, time.perf_counter())
            if not flight:
                break
            for handle, ok, result, err in self._collect(list(flight)):
                task, first, t0 = flight.pop(handle)
                key, n = task[0], attempts[task[0]]
                if ok:
                    res = Outcome(key, True, result[0], attempts=n, cpu=result[1])
                else:
                    logger.warning("task %s failed (attempt %d): %s", key, n, err)
                    if self.retry_failed and n <= self.retries:
                        (hi if first else lo).appendleft(task)
                        continue
                    n = n if self.retry_failed else self.retries + 1
                    res = Outcome(key, False, error=err, attempts=n)
                res.started, res.finished = t0, time.perf_counter()
                out[key] = res
                for nxt, ahead in then(res, out):
                    (hi if ahead else lo).append(nxt)
        return out


class PoolRunner(_SlotRunner):
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

    def _submit(self, task: Task) -> Any:
        pool = self._pool or self._new_pool()
        return pool.submit(timed, task[1], *task[2])

    def _collect(self, handles: list[Any]) -> list[tuple[Any, bool, Any, str | None]]:
        done, _ = wait(handles, return_when=FIRST_COMPLETED)
        out: list[tuple[Any, bool, Any, str | None]] = []
        broken = False
        for fut in done:
            try:
                out.append((fut, True, fut.result(), None))
            except (BrokenProcessPool, CancelledError) as e:
                broken = True
                out.append((fut, False, None, f"worker died: {e!r}"))
            except Exception as e:
                out.append((fut, False, None, repr(e)))
        if broken:  # the other tasks in flight die with the pool; they are retried too
            self._new_pool()
        return out

    def warm(self, fn: Callable[[], Any]) -> None:
        pool = self._pool or self._new_pool()
        for fut in [pool.submit(fn) for _ in range(self.workers)]:
            fut.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class RayRunner(_SlotRunner):
    """Ray tasks (``--executor ray``): a new local Ray with ``workers`` CPUs (never one another
    job started on this machine), or the cluster at ``address`` (or ``RAY_ADDRESS``), of which
    at most ``workers`` CPUs are used (all of them when ``workers`` is None). Ray itself
    re-runs a task whose worker process died or that raised. One remote function is registered
    for the run (not one per task), and the workers are started and warmed (the pipeline built
    once per worker) before the first step, so ``warm`` measures start-up apart from the
    work."""

    retry_failed = False

    def __init__(
        self, *, workers: int | None = 2, retries: int = 2, address: str | None = None
    ) -> None:
        try:
            import ray
        except ImportError as e:
            raise MissingDependencyError(
                Errors.E403, what="--executor ray", package="ray", extra="rasad[ray]"
            ) from e
        address = address or os.environ.get("RAY_ADDRESS") or None
        self.address = address
        self._ray: Any = ray
        if not ray.is_initialized():
            # a new local Ray inherits this environment: its workers, prestarted while Ray
            # starts, then serve the run (a runtime environment would start others for it)
            if not address:
                os.environ.update(THREAD_ENV)
            ray.init(
                address=address or "local",
                num_cpus=None if address else (workers or 2),
                include_dashboard=False,
                log_to_driver=False,
                ignore_reinit_error=True,
                runtime_env={"env_vars": dict(THREAD_ENV)} if address else None,
            )
        cpus = max(1, int(self._ray.cluster_resources().get("CPU", 1)))
        super().__init__(workers=min(workers or cpus, cpus), retries=retries)
        self._timed = ray.remote(timed).options(
            max_retries=self.retries, retry_exceptions=True, num_cpus=1
        )

    def warm(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` once per CPU used (start-up, model loading)."""
        self._ray.get([self._timed.remote(fn) for _ in range(self.workers)])

    def _submit(self, task: Task) -> Any:
        return self._timed.remote(task[1], *task[2])

    def _collect(self, handles: list[Any]) -> list[tuple[Any, bool, Any, str | None]]:
        ready, _ = self._ray.wait(handles, num_returns=1)
        out: list[tuple[Any, bool, Any, str | None]] = []
        for ref in ready:
            try:
                out.append((ref, True, self._ray.get(ref), None))
            except Exception as e:  # RayTaskError, WorkerCrashedError after the retries
                out.append((ref, False, None, repr(e)))
        return out


def get_runner(
    name: str, *, workers: int | None = None, retries: int = 2, address: str | None = None
) -> TaskRunner:
    """``workers`` None: 2 for the pool and a local Ray, every CPU of a Ray cluster."""
    if name == "local":
        return TaskRunner(workers=1, retries=retries)
    if name == "pool":
        return PoolRunner(workers=max(1, workers or 2), retries=retries)
    if name == "ray":
        return RayRunner(
            workers=max(1, workers) if workers else None, retries=retries, address=address
        )
    raise PipelineError(Errors.E204, name=name)
