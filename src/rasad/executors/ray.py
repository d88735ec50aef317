"""Ray tasks over chunks of each batch (``pip install 'rasad[ray]'``; ``--executor ray``).

The same stage objects are shipped once to the object store; batch stages (templates, dedup,
event merge) run in the driver, exactly as in the local and pool executors.
"""

from __future__ import annotations

import os
from typing import Any

from ..doc import Doc
from ..errors import Errors, MissingDependencyError
from ..stages.base import BatchStage, MapStage
from ..stages.pipeline import run_map
from . import LocalExecutor


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as e:
        raise MissingDependencyError(
            Errors.E403, what="RayExecutor", package="ray", extra="rasad[ray]"
        ) from e
    return ray


class RayExecutor(LocalExecutor):
    def __init__(
        self,
        *,
        workers: int = 2,
        batch_size: int | None = None,
        chunk: int = 64,
        address: str | None = None,
    ) -> None:
        super().__init__(batch_size=batch_size)
        self.workers = workers
        self.chunk = chunk
        self.address = address
        self._ray: Any = None
        self._task: Any = None
        self._refs: dict[int, Any] = {}

    def start(self, segments: list[list[MapStage] | BatchStage]) -> None:
        ray = _import_ray()
        if not ray.is_initialized():
            address = self.address or os.environ.get("RAY_ADDRESS") or None
            ray.init(  # "local": a new Ray, never one another job left running on this machine
                address=address or "local",
                num_cpus=None if address else self.workers,
                include_dashboard=False,
                log_to_driver=False,
                ignore_reinit_error=True,
            )
        self._ray = ray
        self._task = ray.remote(_run_chunk)
        self._refs = {i: ray.put(seg) for i, seg in enumerate(segments) if isinstance(seg, list)}

    def map_segment(self, index: int, stages: list[MapStage], docs: list[Doc]) -> list[Doc]:
        chunks = [docs[i : i + self.chunk] for i in range(0, len(docs), self.chunk)]
        futures = [self._task.remote(self._refs[index], c) for c in chunks]
        out: list[Doc] = []
        for part in self._ray.get(futures):
            out.extend(part)
        return out


def _run_chunk(stages: list[MapStage], docs: list[Doc]) -> list[Doc]:
    return run_map(stages, docs)
