"""Run a pipeline over inputs: the one runner behind ``rasad.extract``, ``rasad.ingest`` and
``rasad eval``.

``run()`` cuts the documents by the pipeline's one batching rule (``BATCH_SIZE``, see
``rasad.stages.pipeline``) and runs each batch on an executor, so every entry point sees the same
batch boundaries: site templates, dedup and event merging decide over the same documents
whether pages are extracted, evaluated or ingested.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from .doc import Doc
from .errors import ConfigError, Errors
from .executors import get_executor
from .extraction.pubdate import parse_date_option
from .stages.base import OnError, Stage
from .stages.pipeline import BATCH_SIZE, Pipeline, default_stages
from .stages.read import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["BATCH_SIZE", "check_date", "pipeline", "process", "run"]


def check_date(value: str | None) -> str | None:
    """A ``--date`` option as YYYY-MM-DD (E401 when it is not a date)."""
    if value is None:
        return None
    try:
        return parse_date_option(value)
    except ValueError as e:
        raise ConfigError(Errors.E401, value=value) from e


def pipeline(
    *,
    on_error: OnError = "raise",
    entities: bool = True,
    events: bool = True,
    prior: Any = None,
    then: Sequence[Stage] = (),
    batch_size: int = BATCH_SIZE,
    stories: bool = True,
) -> Pipeline:
    """The configured standard pipeline (and the stages ``then``, e.g. a ``StoreWriter``).
    ``pipeline()(docs)`` yields processed ``Doc``s. ``stories=False``: near-duplicate clusters
    only, no story joins (``dedup.minhash.v1``)."""
    stages = default_stages(
        on_error=on_error, entities=entities, events=events, prior=prior, stories=stories
    )
    return Pipeline([*stages, *then], batch_size=batch_size)


def run(
    pipe: Pipeline,
    docs: Iterable[Doc],
    *,
    executor: str = "local",
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[list[Doc]]:
    """Each processed batch of ``docs``, in order: ``pipe`` on the named executor, the input
    cut by the pipeline's batching rule."""
    return get_executor(executor, workers=workers).run_batches(pipe, docs, progress=progress)


def process(
    inputs: Iterable[str],
    *,
    date: str | None = None,
    workers: int = 1,
    executor: str = "local",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    entities: bool = True,
    events: bool = True,
    stories: bool = True,
) -> Iterator[Doc]:
    """Every input page, processed (rejected pages carry ``doc.reject``)."""
    date = check_date(date)
    docs = read_inputs(inputs, max_bytes=max_bytes, date=date, stdin=stdin)
    pipe = pipeline(on_error="skip", entities=entities, events=events, stories=stories)
    for batch in run(pipe, docs, executor=executor, workers=workers):
        yield from batch
