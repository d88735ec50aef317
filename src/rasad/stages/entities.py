"""The entity stage: every mention of a person, organisation or place linked to one entity.

``EntityLinker`` reads ``doc.norm`` (and ``doc.published`` for role phrases) and sets
``doc.mentions`` (spans into ``doc.text``) and ``doc.entities``. The knowledge base, automaton
and variant index are built once per process and shared read-only, so the stage pickles
cheaply for process pools and Ray (only its options travel).
"""

from __future__ import annotations

import gc
from functools import partial
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, ClassVar

from ..doc import Doc
from ..entities.linker import Linker, Resources, Tagger
from ..errors import ConfigError, Errors
from .base import MapStage, OnError, need_modules, package_file

__all__ = ["EntityLinker"]


class EntityLinker(MapStage):
    """Gazetteer + spelling variants + role grammar + new-person patterns + NER model (people
    the CRF tagger finds around name cues; ``model=False`` leaves it out)."""

    name: ClassVar[str] = "entities.kb.v1"
    # date_hint: the date that anchors role phrases when the page gives none
    requires: ClassVar[tuple[str, ...]] = ("doc.text", "doc.published", "doc.date_hint")
    assigns: ClassVar[tuple[str, ...]] = ("doc.mentions", "doc.entities")
    #: The knowledge base and the entity word lists.
    data: ClassVar[tuple[str, ...]] = (
        "kb/data/entities.jsonl",
        "kb/data/meta.json",
        "entities/data/bare_bodies.txt",
        "entities/data/common_names.txt",
        "entities/data/extra_entities.jsonl",
        "ner/data/personnames.txt.gz",  # person-name parts, with or without the model
    )
    #: The CRF model (``model=True``) and the tables its features read.
    model_data: ClassVar[tuple[str, ...]] = (
        "ner/data/anercorp.crfsuite",
        "ner/data/anercorp.lexicon.tsv",
        "ner/data/gazetteer.tsv",
        "ner/data/wordstats.tsv.gz",
        "ner/data/namelike.tsv.gz",
    )

    def __init__(
        self,
        *,
        extra: Path | None = None,
        model: bool = True,
        variants: bool = True,
        on_error: OnError = "raise",
    ) -> None:
        self.extra = extra
        self.model = model
        self.variants = variants
        self._linker: Linker | None = None
        super().__init__(on_error=on_error)

    def data_files(self) -> list[Traversable | Path]:
        names = (*self.data, *self.model_data) if self.model else self.data
        return [package_file(rel) for rel in names]

    def check(self) -> None:
        """The knowledge base (and with ``model`` the CRF model and ``python-crfsuite``) must
        be there when the stage is built; an ``extra`` file that does not exist is E402."""
        if self.model:
            need_modules(self.name, [("pycrfsuite", "python-crfsuite")])
        super().check()
        if self.extra is not None and not Path(self.extra).is_file():
            raise ConfigError(Errors.E402, name="extra", value=self.extra, detail="no such file")

    def load(self) -> None:
        self.linker  # noqa: B018 -- builds the linker (knowledge base, automata, model) once

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_linker"] = None  # rebuilt (from the per-process cache) where it runs
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def linker(self) -> Linker:
        if self._linker is None:
            tagger = _load_tagger() if self.model else None
            self._linker = Linker(
                Resources.shared(self.extra), tagger=tagger, variants=self.variants
            )
            # The knowledge base, automata and CRF tables live as long as the process: out of
            # the collector's full passes, which would walk them all (about 40 ms each, several
            # per 100 pages). Outputs do not depend on it.
            gc.freeze()
        return self._linker

    def process(self, doc: Doc) -> None:
        self.linker.link(doc)


def _load_tagger() -> Tagger | None:
    """The CRF tagger's ``scored_entities`` method (first pass only, see
    ``rasad.entities.model_names.TWO_PASS``) for person spans, the only ones the linker uses,
    or None when no trained model ships."""
    from ..entities.model_names import TWO_PASS
    from ..ner import tagger as ner_tagger

    crf_cls: Any = getattr(ner_tagger, "CrfTagger", None)
    if crf_cls is None:
        return None
    crf = crf_cls.load()
    method: Tagger = partial(crf.scored_entities, two_pass=TWO_PASS, types=("PER",))
    return method
