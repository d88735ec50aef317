"""A process pool over chunks of each batch (``rasad ingest --workers N``)."""

from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

from ..doc import Doc
from ..stages.base import BatchStage, MapStage
from ..stages.pipeline import run_map
from . import LocalExecutor

_SEGMENTS: dict[int, list[MapStage]] = {}


def _init(segments: dict[int, list[MapStage]]) -> None:
    _SEGMENTS.clear()
    _SEGMENTS.update(segments)


def _work(index: int, docs: list[Doc]) -> list[Doc]:
    return run_map(_SEGMENTS[index], docs)


class PoolExecutor(LocalExecutor):
    def __init__(self, *, workers: int = 2, batch_size: int | None = None, chunk: int = 64) -> None:
        super().__init__(batch_size=batch_size)
        self.workers = workers
        self.chunk = chunk
        self._pool: ProcessPoolExecutor | None = None

    def start(self, segments: list[list[MapStage] | BatchStage]) -> None:
        maps = {i: seg for i, seg in enumerate(segments) if isinstance(seg, list)}
        ctx = mp.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_init, initargs=(maps,)
        )

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def map_segment(self, index: int, stages: list[MapStage], docs: list[Doc]) -> list[Doc]:
        assert self._pool is not None
        chunks = [docs[i : i + self.chunk] for i in range(0, len(docs), self.chunk)]
        out: list[Doc] = []
        for part in self._pool.map(_work, [index] * len(chunks), chunks):
            out.extend(part)
        return out
