"""Stage base classes.

A stage takes an iterable of ``Doc`` and yields ``Doc``. It declares what it needs
(``requires``) and what it sets (``assigns``) and knows nothing about where it runs.

- ``MapStage``: works on one document at a time (``process(doc)``). The executors run these in
  process, in a process pool or on Ray. A document that cannot be handled gets a ``Reject``
  (``doc.reject``) and flows on untouched; later stages pass rejected documents through.
- ``BatchStage``: needs the whole batch at once (template learning, dedup). Executors run it in
  the driver, so its result is the same whatever the executor.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import ClassVar, Literal

from ..doc import Doc
from ..errors import Errors, InputError, RasadError, Reject

logger = logging.getLogger(__name__)

OnError = Literal["raise", "skip"]


class Stage(ABC):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, on_error: OnError = "raise") -> None:
        self.on_error: OnError = on_error

    def check(self) -> None:
        """Fail now, when the pipeline is built, if the stage cannot run at all (a missing
        file or package: ``ConfigError``, ``MissingDependencyError``), instead of rejecting
        every page later. Cheap: models are still loaded on first use."""
        return None

    @abstractmethod
    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]: ...

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class MapStage(Stage):
    """A stage that handles each document on its own."""

    @abstractmethod
    def process(self, doc: Doc) -> None:
        """Update ``doc`` in place. Raise ``InputError`` for a page this stage cannot use."""

    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            if doc.reject is None:
                self._guarded(doc)
            yield doc

    def _guarded(self, doc: Doc) -> None:
        try:
            self.process(doc)
        except InputError as e:
            doc.reject = Reject(doc.source, self.name, e.code, str(e))
        except RasadError:
            raise
        except Exception as e:
            if self.on_error == "raise":
                raise
            logger.debug("stage %s failed on %s", self.name, doc.source, exc_info=True)
            msg = Errors.E203.format(stage=self.name, source=doc.source, detail=repr(e))
            doc.reject = Reject(doc.source, self.name, "E203", msg)


class BatchStage(Stage):
    """A stage that needs every document of the batch before it can decide.

    Errors follow the map stages' rule: an ``InputError`` is about one page, so the batch is
    run again page by page and the page that raises it gets a ``Reject`` with its code; any
    other exception re-raises with ``on_error="raise"`` and, with ``"skip"``, the batch is run
    again page by page and the failing pages get an E203 reject."""

    @abstractmethod
    def process_batch(self, docs: list[Doc]) -> None:
        """Update the (non-rejected) documents in place."""

    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        batch = list(docs)
        live = [d for d in batch if d.reject is None]
        try:
            self.process_batch(live)
        except InputError:
            logger.debug("stage %s refused a page of a batch; retrying page by page", self.name)
            for doc in live:
                self._alone(doc)
        except RasadError:
            raise
        except Exception:
            if self.on_error == "raise":
                raise
            # one hostile page must not lose the batch: find it by running each page alone
            logger.debug("stage %s failed on a batch; retrying page by page", self.name)
            for doc in live:
                self._alone(doc)
        yield from batch

    def _alone(self, doc: Doc) -> None:
        try:
            self.process_batch([doc])
        except InputError as e:
            doc.reject = Reject(doc.source, self.name, e.code, str(e))
        except RasadError:
            raise
        except Exception as e:
            if self.on_error == "raise":
                raise
            msg = Errors.E203.format(stage=self.name, source=doc.source, detail=repr(e))
            doc.reject = Reject(doc.source, self.name, "E203", " ".join(msg.split()))
