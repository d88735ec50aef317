"""The pipeline: an ordered list of stages, checked at construction, run by an executor.

``Pipeline.segments()`` splits the stages into runs of map stages (parallelisable per document)
and single batch stages (run in the driver on the whole batch). Every executor runs the same
segments in the same order, so results are identical in process, in a pool and on Ray.

The input is cut into batches by one rule, ``Pipeline.batches()`` (``BATCH_SIZE`` documents unless
the pipeline is built with another size): ``Pipeline.__call__``, every executor and so
``rasad.extract``, ``rasad.ingest`` and ``rasad eval`` see the same batch boundaries, and batch
stages (site templates, dedup, event merging) decide over the same documents whichever way the
pipeline runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from ..doc import Doc
from ..errors import Errors, MissingDependencyError, PipelineError
from .base import BatchStage, MapStage, OnError, Stage

#: What the readers set before any stage runs (``fetched``: a WARC record's date; ``date_hint``:
#: ``--date`` or a date in the URL; ``meta.kind``: html or text; ``record_date``: the ``date`` of
#: a JSON Lines record; ``meta.content_type``: a WARC record's type).
READER_ASSIGNS = (
    "doc.raw",
    "doc.html|doc.page",
    "doc.source",
    "doc.url",
    "doc.fetched",
    "doc.date_hint",
    "doc.meta.kind",
    "doc.record_date",
    "doc.meta.content_type",
)

#: Documents per batch: a batch stage decides over this many documents at once (and the store
#: writes them in one transaction), however the pipeline runs.
BATCH_SIZE = 500


def batches(docs: Iterable[Doc], size: int = BATCH_SIZE) -> Iterator[list[Doc]]:
    """``docs`` in lists of ``size`` (the last one shorter), in order."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


class Pipeline:
    """Stages in order. ``Pipeline(stages)(docs)`` runs them in this process, batch by batch
    (``batch_size`` documents, ``BATCH_SIZE`` by default)."""

    def __init__(self, stages: Sequence[Stage], *, batch_size: int = BATCH_SIZE) -> None:
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {batch_size}")
        self.stages = list(stages)
        self.batch_size = batch_size
        self._check()
        for stage in self.stages:
            stage.check()

    def _check(self) -> None:
        available = set(READER_ASSIGNS)
        for stage in self.stages:
            for need in stage.requires:
                if need not in available:
                    providers = [type(s).__name__ for s in self.stages if need in s.assigns]
                    raise PipelineError(
                        Errors.E201,
                        stage=stage.name,
                        attr=need,
                        providers=", ".join(providers) or "none",
                    )
            available.update(stage.assigns)

    def segments(self) -> list[list[MapStage] | BatchStage]:
        out: list[list[MapStage] | BatchStage] = []
        for stage in self.stages:
            if isinstance(stage, BatchStage):
                out.append(stage)
            elif out and isinstance(out[-1], list):
                out[-1].append(stage)  # type: ignore[arg-type]
            else:
                out.append([stage])  # type: ignore[list-item]
        return out

    def batches(self, docs: Iterable[Doc]) -> Iterator[list[Doc]]:
        """The one batching rule: every way of running the pipeline cuts ``docs`` here."""
        return batches(docs, self.batch_size)

    def run_batch(self, batch: list[Doc]) -> list[Doc]:
        """Every stage over one batch, in this process."""
        stream: Iterable[Doc] = batch
        for stage in self.stages:
            stream = stage(stream)
        return list(stream)

    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for batch in self.batches(docs):
            yield from self.run_batch(batch)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"


def run_map(stages: Sequence[MapStage], docs: list[Doc]) -> list[Doc]:
    """Run consecutive map stages over a list of documents (what a worker does)."""
    stream: Iterable[Doc] = docs
    for stage in stages:
        stream = stage(stream)
    return list(stream)


def default_stages(
    *,
    on_error: OnError = "skip",
    entities: bool = True,
    events: bool = True,
    prior: Any = None,
    stories: bool = True,
) -> list[Stage]:
    """The standard pipeline: decode, extract, dedup, entities, events. ``stories=False``
    clusters exact and near duplicates only (``dedup.minhash.v1``, no story joins)."""
    from .decode import Decoder
    from .dedup import (
        Deduplicator,
        Fingerprinter,
        NearDuplicateDeduplicator,
        NearDuplicateFingerprinter,
    )
    from .extract import Cleaner, Segmenter, TemplateLearner

    fingerprint = Fingerprinter if stories else NearDuplicateFingerprinter
    dedup = Deduplicator if stories else NearDuplicateDeduplicator

    stages: list[Stage] = [
        Decoder(on_error=on_error),
        Segmenter(on_error=on_error),
        TemplateLearner(on_error=on_error),
        Cleaner(on_error=on_error),
        fingerprint(on_error=on_error),
        dedup(on_error=on_error, prior=prior),
    ]
    if entities:
        stages.extend(_optional_stage("rasad.stages.entities", "EntityLinker", on_error))
    if events:
        stages.extend(_optional_stage("rasad.stages.events", "EventExtractor", on_error))
        stages.extend(_optional_stage("rasad.stages.events", "EventMerger", on_error))
    return stages


def _optional_stage(module: str, cls: str, on_error: OnError) -> list[Stage]:
    """The stage ``cls`` of ``module``; a dependency it needs that is missing is an error
    (``MissingDependencyError``, E403), never a stage silently left out."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        raise MissingDependencyError(
            Errors.E403, what=cls, package=e.name or str(e), extra="rasad"
        ) from e
    factory = getattr(mod, cls)
    return [factory(on_error=on_error)]
