"""Stage base classes.

A stage takes an iterable of ``Doc`` and yields ``Doc``. It declares what it needs
(``requires``) and what it sets (``assigns``) and knows nothing about where it runs.

- ``MapStage``: works on one document at a time (``process(doc)``). The executors run these in
  process, in a process pool or on Ray. A document that cannot be handled gets a ``Reject``
  (``doc.reject``) and flows on untouched; later stages pass rejected documents through.
- ``BatchStage``: needs the whole batch at once (template learning, dedup). Executors run it in
  the driver, so its result is the same whatever the executor.

A stage that cannot run at all fails when it is built, not page by page: its constructor checks
the modules it imports (``imports``; ``MissingDependencyError``, E403) and the data files it
reads (``data_files()``; ``StageError``, E206). Its models and tables load once a process, on
first use (``load()``); a file that cannot be parsed then stops the run (E206) instead of
rejecting every page.
"""

from __future__ import annotations

import importlib.util
import logging
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import ClassVar, Literal

from ..doc import Doc
from ..errors import Errors, InputError, MissingDependencyError, RasadError, Reject, StageError

logger = logging.getLogger(__name__)

OnError = Literal["raise", "skip"]


#: What a model or table loader raises on a damaged file.
_LOAD_ERRORS = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile)


def package_file(rel: str) -> Traversable:
    """A data file shipped in the ``rasad`` package (``rel``: e.g. ``"data/lines.json"``)."""
    return resources.files("rasad").joinpath(rel)


def need_modules(stage: str, imports: Iterable[tuple[str, str]]) -> None:
    """Each module must be installed (found, not imported: cheap); ``MissingDependencyError``
    (E403) names the package of the first one that is not."""
    for module, package in imports:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise MissingDependencyError(
                Errors.E403, what=f"stage {stage}", package=package, extra="rasad"
            )


class Stage(ABC):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    #: Data files the stage reads, relative to the ``rasad`` package.
    data: ClassVar[tuple[str, ...]] = ()
    #: Modules the stage imports when it runs: (module, the package that provides it).
    imports: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init__(self, *, on_error: OnError = "raise") -> None:
        """Subclasses set their own options first: the checks may depend on them."""
        self.on_error: OnError = on_error
        self.check()

    def data_files(self) -> list[Traversable | Path]:
        """The data files this stage (with its options) reads."""
        return [package_file(rel) for rel in self.data]

    def check(self) -> None:
        """Fail now, when the stage is built, if it cannot run at all: a module it imports is
        missing (``MissingDependencyError``, E403) or a data file is (``StageError``, E206).
        Cheap: models are loaded on first use (``load()``). ``Pipeline`` checks again."""
        need_modules(self.name, self.imports)
        for path in self.data_files():
            if not path.is_file():
                what = f"data file {path} is missing"
                raise StageError(Errors.E206, stage=self.name, what=what)

    def load(self) -> None:
        """Load the models and tables the stage uses (once a process; later calls are cheap).
        Run before each batch or chunk, so a damaged file is one error, not a reject a page."""
        return None

    def _load_guarded(self) -> None:
        try:
            self.load()
        except RasadError:
            raise
        except _LOAD_ERRORS as e:
            what = f"its data cannot be loaded ({type(e).__name__}: {e})"
            raise StageError(Errors.E206, stage=self.name, what=what) from e

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
        loaded = False
        for doc in docs:
            if doc.reject is None:
                if not loaded:
                    self._load_guarded()
                    loaded = True
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
        if live:
            self._load_guarded()
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
