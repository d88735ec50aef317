"""Run the standard pipeline over input paths: read, process, yield ``Doc``s (no database).

``rasad.api.extract`` and ``rasad.evaluate`` both run pages through here, so they batch and
process them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .doc import Doc
from .errors import ConfigError, Errors
from .executors import get_executor
from .extraction.pubdate import parse_date_option
from .stages.base import OnError
from .stages.pipeline import Pipeline, default_stages
from .stages.read import DEFAULT_MAX_BYTES, read_inputs


def check_date(value: str | None) -> str | None:
    """A ``--date`` option as YYYY-MM-DD (E401 when it is not a date)."""
    if value is None:
        return None
    try:
        return parse_date_option(value)
    except ValueError as e:
        raise ConfigError(Errors.E401, value=value) from e


def pipeline(
    *, on_error: OnError = "raise", entities: bool = True, events: bool = True, prior: Any = None
) -> Pipeline:
    """The configured standard pipeline. ``pipeline()(docs)`` yields processed ``Doc``s."""
    return Pipeline(
        default_stages(on_error=on_error, entities=entities, events=events, prior=prior)
    )


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
) -> Iterator[Doc]:
    """Every input page, processed (rejected pages carry ``doc.reject``)."""
    date = check_date(date)
    docs = read_inputs(inputs, max_bytes=max_bytes, date=date, stdin=stdin)
    pipe = pipeline(on_error="skip", entities=entities, events=events)
    runner = get_executor(executor, workers=workers)
    yield from runner.run(pipe, docs)
