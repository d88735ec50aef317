"""Event stages: rule-based extraction per document, merging across a story cluster."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ClassVar

from ..doc import Doc, Event
from ..events.extractor import extract_events
from ..events.lexicon import Lexicon, load_lexicon
from ..events.merge import merge_events
from .base import BatchStage, MapStage, OnError

__all__ = ["EventExtractor", "EventMerger"]

logger = logging.getLogger(__name__)


def _kb_code_lookup() -> Callable[[str], str | None] | None:
    """The knowledge base's code for international bodies, if the KB is installed."""
    try:
        from ..kb import load_kb  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    kb = load_kb()

    def code(entity_id: str) -> str | None:
        ent = kb.get(entity_id)
        value = getattr(ent, "code", None) if ent is not None else None
        return str(value) if value else None

    return code


class EventExtractor(MapStage):
    """PLOVER events from trigger words and the linked entities of each document."""

    name: ClassVar[str] = "events.rules.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.text", "doc.mentions")
    assigns: ClassVar[tuple[str, ...]] = ("doc.events",)

    def __init__(self, *, lexicon_path: str | None = None, on_error: OnError = "raise") -> None:
        super().__init__(on_error=on_error)
        self.lexicon_path = lexicon_path
        self._lexicon: Lexicon | None = None
        self._kb_code: Callable[[str], str | None] | None = None
        self._kb_loaded = False

    def _setup(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.lexicon_path)
        if not self._kb_loaded:
            self._kb_code = _kb_code_lookup()
            self._kb_loaded = True
        return self._lexicon

    def process(self, doc: Doc) -> None:
        lexicon = self._setup()
        doc.events = extract_events(doc, lexicon=lexicon, kb_code=self._kb_code)

    def __getstate__(self) -> dict[str, object]:
        # picklable for process pools and Ray: caches are rebuilt in the worker
        return {"on_error": self.on_error, "lexicon_path": self.lexicon_path}

    def __setstate__(self, state: dict[str, object]) -> None:
        path = state["lexicon_path"]
        on_error = state["on_error"]
        self.__init__(  # type: ignore[misc]
            lexicon_path=path if isinstance(path, str) else None,
            on_error="skip" if on_error == "skip" else "raise")


class EventMerger(BatchStage):
    """One event per occasion across a story cluster (``doc.cluster``; a document without a
    cluster is its own story). Each document event gets the counts of its cluster-level event;
    the cluster-level events are kept in ``cluster_events``."""

    name: ClassVar[str] = "events.merge.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.events",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.events.counts",)

    def __init__(self, *, on_error: OnError = "raise") -> None:
        super().__init__(on_error=on_error)
        self.cluster_events: dict[str, list[Event]] = {}

    def process_batch(self, docs: list[Doc]) -> None:
        clusters: dict[str, list[Doc]] = {}
        for doc in docs:
            clusters.setdefault(doc.cluster or f"doc:{doc.id}", []).append(doc)
        for key, members in clusters.items():
            merged = merge_events(members)
            self.cluster_events[key] = merged
            for doc in members:
                for event in doc.events:
                    match = _find(merged, event)
                    if match is not None:
                        event.counts = dict(match.counts)
        logger.debug("merged events of %d clusters", len(clusters))


def _find(merged: list[Event], event: Event) -> Event | None:
    from ..events.merge import dyad_key

    key = (event.type, dyad_key(event), event.negated)
    dated = [m for m in merged if (m.type, dyad_key(m), m.negated) == key]
    exact = [m for m in dated if m.date == event.date]
    found = exact or dated
    return found[0] if found else None
