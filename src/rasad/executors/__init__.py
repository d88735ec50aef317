"""Executors run one pipeline in process, in a process pool or on Ray, with identical results.

The input stream is cut into batches (``batch_size`` documents). Within a batch, runs of map
stages are spread over workers in chunks, and batch stages run in the driver on the whole batch,
in order. Document order is preserved everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol

from ..doc import Doc
from ..errors import Errors, PipelineError
from ..stages.base import BatchStage, MapStage
from ..stages.pipeline import Pipeline, run_map

Progress = Callable[[int], None]


class Executor(Protocol):
    def run(
        self, pipeline: Pipeline, docs: Iterable[Doc], *, progress: Progress | None = None
    ) -> Iterator[Doc]: ...


def batches(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


class LocalExecutor:
    """Everything in this process."""

    def __init__(self, *, batch_size: int = 2000) -> None:
        self.batch_size = batch_size

    def map_segment(self, index: int, stages: list[MapStage], docs: list[Doc]) -> list[Doc]:
        return run_map(stages, docs)

    def run(
        self, pipeline: Pipeline, docs: Iterable[Doc], *, progress: Progress | None = None
    ) -> Iterator[Doc]:
        segments = pipeline.segments()
        self.start(segments)
        try:
            for batch in batches(docs, self.batch_size):
                for i, seg in enumerate(segments):
                    if isinstance(seg, BatchStage):
                        batch = list(seg(batch))
                    else:
                        batch = self.map_segment(i, seg, batch)
                if progress:
                    progress(len(batch))
                yield from batch
        finally:
            self.stop()

    def start(self, segments: list[list[MapStage] | BatchStage]) -> None:
        """Set up workers (nothing to do in process)."""

    def stop(self) -> None:
        """Tear workers down."""


def get_executor(name: str, *, workers: int = 1, batch_size: int = 2000) -> LocalExecutor:
    """``local`` with ``workers > 1`` means a process pool (``--workers N`` alone)."""
    if name in ("local", "pool") and workers <= 1:
        return LocalExecutor(batch_size=batch_size)
    if name in ("local", "pool"):
        from .pool import PoolExecutor

        return PoolExecutor(workers=workers, batch_size=batch_size)
    if name == "ray":
        from .ray import RayExecutor

        return RayExecutor(workers=workers, batch_size=batch_size)
    raise PipelineError(Errors.E204, name=name)


__all__ = ["Executor", "LocalExecutor", "batches", "get_executor"]
