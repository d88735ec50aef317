"""The pipeline: an ordered list of stages, checked at construction, run by an executor.

``Pipeline.segments()`` splits the stages into runs of map stages (parallelisable per document)
and single batch stages (run in the driver on the whole batch). Every executor runs the same
segments in the same order, so results are identical in process, in a pool and on Ray.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..doc import Doc
from ..errors import Errors, MissingDependencyError, PipelineError
from .base import BatchStage, MapStage, OnError, Stage

#: What the readers set before any stage runs.
READER_ASSIGNS = ("doc.raw", "doc.html|doc.page", "doc.source", "doc.url")


class Pipeline:
    """Stages in order. ``Pipeline(stages)(docs)`` runs them in this process."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)
        self._check()

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

    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        stream: Iterable[Doc] = docs
        for stage in self.stages:
            stream = stage(stream)
        yield from stream

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
    *, on_error: OnError = "skip", entities: bool = True, events: bool = True, prior: Any = None
) -> list[Stage]:
    """The standard pipeline: decode, extract, dedup, entities, events."""
    from .decode import Decoder
    from .dedup import Deduplicator, Fingerprinter
    from .extract import Cleaner, Segmenter, TemplateLearner

    stages: list[Stage] = [
        Decoder(on_error=on_error),
        Segmenter(on_error=on_error),
        TemplateLearner(on_error=on_error),
        Cleaner(on_error=on_error),
        Fingerprinter(on_error=on_error),
        Deduplicator(on_error=on_error, prior=prior),
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
