"""Rasad: Arabic news pages to clean articles and political events.

The public API (everything else is reached through its module, e.g. ``rasad.api``)::

    import rasad
    nlp = rasad.pipeline()                     # the configured standard pipeline
    for doc in rasad.extract(["page.html"]):   # read, process, yield Doc (no database)
        print(doc.title, doc.events)
    rasad.ingest(["pages/"], db="rasad.db")    # read, process and store

Names are imported on first use, so ``import rasad`` stays cheap.
"""

from __future__ import annotations

import importlib
import logging
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import extract, ingest, pipeline
    from .doc import Doc
    from .errors import RasadError

logging.getLogger(__name__).addHandler(logging.NullHandler())

try:
    __version__ = version("rasad")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"

_HOMES = {
    "Doc": "rasad.doc",
    "RasadError": "rasad.errors",
    "extract": "rasad.api",
    "ingest": "rasad.api",
    "pipeline": "rasad.api",
}

__all__ = ["Doc", "RasadError", "__version__", "extract", "ingest", "pipeline"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'rasad' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
