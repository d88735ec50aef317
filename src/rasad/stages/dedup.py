"""Exact duplicates and story clusters.

- ``Fingerprinter`` (map): the hash of the normalised body (exact duplicates) and a MinHash
  signature of its word shingles, computed after furniture removal.
- ``Deduplicator`` (batch): links exact duplicates to the first copy (``doc.duplicate_of``) and
  groups near duplicates (wire copies, syndicated stories) into clusters with MinHash LSH.
  Nothing is discarded: every article keeps its row and knows its cluster. Clusters already in
  the store can be given as ``prior`` so that a new copy joins its story's existing cluster.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ..arabic import fold
from ..doc import Doc
from ..fingerprint import (
    NUM_PERM,
    THRESHOLD,
    BandIndex,
    Prior,
    body_key,
    body_words,
    minhash,
    shingles,
    similarity,
)
from ..stories import StoryIndex, background, stopwords, story_terms
from .base import BatchStage, MapStage, package_file

__all__ = [
    "Deduplicator",
    "Fingerprinter",
    "NearDuplicateDeduplicator",
    "NearDuplicateFingerprinter",
]

#: The word counts ``rasad.stories.background`` reads (the NER training corpus's lexicon).
BACKGROUND_FILE = "ner/data/anercorp.lexicon.tsv"


class Fingerprinter(MapStage):
    name = "dedup.fingerprint.v1"
    requires = ("doc.text", "doc.title")
    assigns: ClassVar[tuple[str, ...]] = ("doc.meta.body_key", "doc.minhash", "doc.story_terms")
    data = ("data/story_stopwords.txt",)
    with_story_terms: ClassVar[bool] = True

    def load(self) -> None:
        if self.with_story_terms:
            stopwords()

    def process(self, doc: Doc) -> None:
        words = body_words(doc.norm)
        doc.meta["body_key"] = body_key(doc, words)
        doc.minhash = minhash(shingles(doc.norm, words=words)).tobytes()
        if self.with_story_terms:
            doc.story_terms = story_terms([fold(doc.title or ""), doc.norm])


class NearDuplicateFingerprinter(Fingerprinter):
    """The fingerprints without story terms, for ``dedup.minhash.v1`` (which reads none)."""

    assigns = ("doc.meta.body_key", "doc.minhash")
    with_story_terms = False


class Deduplicator(BatchStage):
    """Exact-duplicate links and story clusters, kept across the batches of one run.

    Each article joins the cluster of its most similar earlier article (estimated Jaccard of
    word shingles >= ``threshold``). Failing that, with ``stories=True`` (``dedup.minhash.v2``),
    it joins the story of the earlier article most similar in content (``rasad.stories``: other
    outlets' edited reports of the same occasion), or starts its own cluster, named after its
    own id. The decision depends only on the order of the articles, so every executor agrees.
    """

    name = "dedup.minhash.v2"
    requires: ClassVar[tuple[str, ...]] = (
        "doc.meta.body_key",
        "doc.minhash",
        "doc.story_terms",
        "doc.published",
        "doc.text",  # the article id is the hash of title and text
        "doc.title",
    )
    assigns = ("doc.duplicate_of", "doc.cluster")

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        prior: list[Prior] | None = None,
        stories: bool = True,
        **kw: Any,
    ) -> None:
        self.threshold = threshold
        self._stories = StoryIndex() if stories else None
        self.prior = prior or []
        self._lsh: BandIndex | None = None
        self._sigs: dict[str, np.ndarray[Any, Any]] = {}
        self._cluster: dict[str, str] = {}
        self._first_by_body: dict[str, str] = {}
        super().__init__(**kw)

    def data_files(self) -> list[Traversable | Path]:
        """The story terms' stop words and background frequencies (with ``stories``)."""
        if self._stories is None:
            return []
        return [package_file("data/story_stopwords.txt"), package_file(BACKGROUND_FILE)]

    def load(self) -> None:
        if self._stories is not None:
            background()

    def _start(self) -> BandIndex:
        self._lsh = lsh = BandIndex(self.threshold, NUM_PERM)
        for p in self.prior:
            self._add(p.id, np.frombuffer(p.minhash, dtype=np.uint32), p.cluster)
            self._first_by_body.setdefault(p.body_key, p.id)
        return lsh

    def _add(self, key: str, sig: np.ndarray[Any, Any], cluster: str) -> None:
        if key in self._sigs:
            return
        self._sigs[key] = sig
        self._cluster[key] = cluster
        if self._lsh is not None:
            self._lsh.insert(key, sig)

    def process_batch(self, docs: list[Doc]) -> None:
        lsh = self._lsh if self._lsh is not None else self._start()
        for doc in docs:
            first = self._first_by_body.setdefault(doc.meta["body_key"], doc.id)
            if first != doc.id:
                doc.duplicate_of = first
            sig = _signature(doc)
            best, best_sim = None, self.threshold
            for other in sorted(lsh.query(sig)):
                sim = similarity(sig, self._sigs[other])
                if sim >= best_sim and (best is None or sim > best_sim):
                    best, best_sim = other, sim
            if doc.duplicate_of and doc.duplicate_of in self._cluster:
                doc.cluster = self._cluster[doc.duplicate_of]
            elif doc.id in self._cluster:
                doc.cluster = self._cluster[doc.id]
            elif best is not None:
                doc.cluster = self._cluster[best]
            else:
                doc.cluster = self._story(doc) or doc.id
            self._add(doc.id, sig, doc.cluster)
            if self._stories is not None and not doc.duplicate_of:
                self._stories.add(doc.id, doc.story_terms, doc.published, doc.cluster)

    def _story(self, doc: Doc) -> str | None:
        if self._stories is None:
            return None
        return self._stories.assign(doc.id, doc.story_terms, doc.published)


def _signature(doc: Doc) -> np.ndarray[Any, Any]:
    if doc.minhash is None:
        raise ValueError(f"{doc.source} has no MinHash signature (dedup.fingerprint sets it)")
    return np.frombuffer(doc.minhash, dtype=np.uint32)


class NearDuplicateDeduplicator(Deduplicator):
    """The former stage: exact duplicates and near-duplicate clusters only, no stories."""

    name = "dedup.minhash.v1"
    requires = ("doc.meta.body_key", "doc.minhash", "doc.published", "doc.text", "doc.title")

    def __init__(self, **kw: Any) -> None:
        kw["stories"] = False
        super().__init__(**kw)
