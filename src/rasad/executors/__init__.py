"""Executors run one pipeline in process, in a process pool or on Ray, with identical results.

The input stream is cut into batches by the pipeline's one rule (``Pipeline.batches()``; an
executor built with ``batch_size`` overrides it, as tests that want the whole input as one batch
do). Within a batch, runs of map stages are spread over workers in chunks, and batch stages run in
the driver on the whole batch, in order. Document order is preserved everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from ..doc import Doc
from ..errors import Errors, PipelineError
from ..stages.base import BatchStage, MapStage
from ..stages.pipeline import Pipeline, batches, run_map

Progress = Callable[[int], None]


class Executor(Protocol):
    def run(
        self, pipeline: Pipeline, docs: Iterable[Doc], *, progress: Progress | None = None
    ) -> Iterator[Doc]: ...


class LocalExecutor:
    """Everything in this process."""

    def __init__(self, *, batch_size: int | None = None) -> None:
        self.batch_size = batch_size  # None: the pipeline's

    def map_segment(self, index: int, stages: list[MapStage], docs: list[Doc]) -> list[Doc]:
        return run_map(stages, docs)

    def run(
        self, pipeline: Pipeline, docs: Iterable[Doc], *, progress: Progress | None = None
    ) -> Iterator[Doc]:
        for batch in self.run_batches(pipeline, docs, progress=progress):
            yield from batch

    def run_batches(
        self, pipeline: Pipeline, docs: Iterable[Doc], *, progress: Progress | None = None
    ) -> Iterator[list[Doc]]:
        """Each processed batch, in order (cut by the pipeline's rule)."""
        segments = pipeline.segments()
        cut = pipeline.batches(docs) if self.batch_size is None else batches(docs, self.batch_size)
        self.start(segments)
        try:
            for batch in cut:
                for i, seg in enumerate(segments):
                    if isinstance(seg, BatchStage):
                        batch = list(seg(batch))
                    else:
                        batch = self.map_segment(i, seg, batch)
                if progress:
                    progress(len(batch))
                yield batch
        finally:
            self.stop()

    def start(self, segments: list[list[MapStage] | BatchStage]) -> None:
        """Set up workers (nothing to do in process)."""

    def stop(self) -> None:
        """Tear workers down."""


def get_executor(name: str, *, workers: int = 1, batch_size: int | None = None) -> LocalExecutor:
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
