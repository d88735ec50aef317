"""Event stages: rule-based extraction per document, merging across a story cluster."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from ..doc import Doc, Event
from ..errors import ConfigError, Errors
from ..events.arguments import BodyAt
from ..events.cues import cue_names
from ..events.extractor import extract_events
from ..events.frame_table import frame_names
from ..events.indefinite import NisbaAt
from ..events.lexicon import Lexicon, load_lexicon
from ..events.merge import dyad_key, merge_events
from ..events.scorer import load_scorer
from ..events.sentence_model import load_sentence_model
from .base import BatchStage, MapStage, OnError

__all__ = ["EventExtractor", "EventMerger"]

logger = logging.getLogger(__name__)


def _kb_lookups(
    kb_extra: Path | None = None,
) -> tuple[Callable[[str], str | None], BodyAt] | None:
    """From the knowledge base the entity stage links against (shipped data, the entity
    stage's extra entries and the user's file; one cached object per process), if installed:
    the code of an international body, and the body a person acts for on an article's date
    (an office of a body held then)."""
    try:
        from ..entities.knowledge import load_knowledge
    except ImportError:
        return None
    kb = load_knowledge(kb_extra)

    def code(entity_id: str) -> str | None:
        ent = kb.get(entity_id)
        value = getattr(ent, "code", None) if ent is not None else None
        return str(value) if value else None

    def body_at(entity_id: str, published: str | None) -> str | None:
        ent = kb.get(entity_id)
        if ent is None or not ent.offices:
            return None
        try:
            on = date.fromisoformat(published[:10]) if published else None
        except ValueError:
            on = None
        if on is not None:
            held = [o for o in ent.offices if o.held_on(on)]
        else:  # no date: the office still running, if any
            held = [o for o in ent.offices if o.end is None]
        bodies = [o.of for o in held if getattr(kb.get(o.of), "type", None) != "GPE"]
        national = [o for o in held if o.of not in bodies]
        return bodies[-1] if bodies and not national else None

    return code, body_at


def _kb_nisba(kb_extra: Path | None = None) -> NisbaAt | None:
    """From the same knowledge base, if installed: the country of a word that is a nisba
    adjective of one country the linker knows ("أميركيا"), and whether some entity is also
    named so ("تركيا", the country's name too)."""
    try:
        from ..entities.knowledge import load_knowledge
        from ..entities.matcher import alias_key, nisba_table
    except ImportError:
        return None
    table = nisba_table(load_knowledge(kb_extra).entities.values())

    def nisba(word: str) -> tuple[str, bool] | None:
        return table.get(alias_key(word))

    return nisba


class EventExtractor(MapStage):
    """PLOVER events from trigger words and the linked entities of each document."""

    name: ClassVar[str] = "events.rules.v1"
    requires: ClassVar[tuple[str, ...]] = (
        "doc.text",
        "doc.title",
        "doc.mentions",
        "doc.entities",
        "doc.published",
    )
    assigns: ClassVar[tuple[str, ...]] = ("doc.events",)
    #: Cue and frame tables, the sentence model and the knowledge base (the lexicon is loaded
    #: when the stage is built; the scorer's model is optional).
    data: ClassVar[tuple[str, ...]] = (
        "events/data/cues.tsv",
        "events/data/frames.tsv",
        "events/data/sentence_model.npz",
        "kb/data/entities.jsonl",
        "kb/data/meta.json",
    )

    def __init__(
        self,
        *,
        lexicon_path: str | None = None,
        kb_extra: Path | None = None,
        on_error: OnError = "raise",
    ) -> None:
        self.lexicon_path = lexicon_path
        self.kb_extra = kb_extra
        self._lexicon: Lexicon | None = None
        self._kb_code: Callable[[str], str | None] | None = None
        self._kb_body: BodyAt | None = None
        self._kb_nisba: NisbaAt | None = None
        self._kb_loaded = False
        super().__init__(on_error=on_error)

    def _setup(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.lexicon_path)
        if not self._kb_loaded:
            lookups = _kb_lookups(self.kb_extra)
            if lookups is not None:
                self._kb_code, self._kb_body = lookups
            self._kb_nisba = _kb_nisba(self.kb_extra)
            self._kb_loaded = True
        return self._lexicon

    def check(self) -> None:
        """Load the lexicon now: a missing or malformed file is an error (E402) when the
        stage is built, not a reject on every page."""
        super().check()
        if self._lexicon is None:
            try:
                self._lexicon = load_lexicon(self.lexicon_path)
            except (OSError, ValueError) as e:
                raise ConfigError(
                    Errors.E402, name="lexicon_path", value=self.lexicon_path, detail=e
                ) from e

    def load(self) -> None:
        self._setup()
        cue_names()
        frame_names()
        load_sentence_model()
        load_scorer()

    def process(self, doc: Doc) -> None:
        lexicon = self._setup()
        doc.events = extract_events(
            doc,
            lexicon=lexicon,
            kb_code=self._kb_code,
            kb_body=self._kb_body,
            kb_nisba=self._kb_nisba,
        )

    def __getstate__(self) -> dict[str, object]:
        # picklable for process pools and Ray: caches are rebuilt in the worker
        return {"on_error": self.on_error, "lexicon_path": self.lexicon_path}

    def __setstate__(self, state: dict[str, object]) -> None:
        path = state["lexicon_path"]
        on_error = state["on_error"]
        self.__init__(  # type: ignore[misc]
            lexicon_path=path if isinstance(path, str) else None,
            on_error="skip" if on_error == "skip" else "raise",
        )


class EventMerger(BatchStage):
    """One event per occasion across a story cluster (``doc.cluster``; a document without a
    cluster is its own story). Each document event gets the counts of its cluster-level event;
    the cluster-level events are kept in ``cluster_events``."""

    name: ClassVar[str] = "events.merge.v1"
    # outlet: counted per cluster; title and text: the id of an article without a cluster
    requires: ClassVar[tuple[str, ...]] = (
        "doc.events",
        "doc.cluster",
        "doc.outlet",
        "doc.title",
        "doc.text",
    )
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
            index = _index(merged)
            for doc in members:
                for event in doc.events:
                    match = _find(index, event)
                    if match is not None:
                        event.counts = dict(match.counts)
        logger.debug("merged events of %d clusters", len(clusters))


_Index = dict[tuple[str, frozenset[frozenset[str]], bool], list[Event]]


def _index(merged: list[Event]) -> _Index:
    """The cluster-level events of each (type, dyad, negation), in their order."""
    index: _Index = {}
    for m in merged:
        index.setdefault((m.type, dyad_key(m), m.negated), []).append(m)
    return index


def _find(index: _Index, event: Event) -> Event | None:
    """The cluster-level event of a document's event: same type, dyad and negation, the one
    of its date first."""
    same = index.get((event.type, dyad_key(event), event.negated))
    if not same:
        return None
    return next((m for m in same if m.date == event.date), same[0])
