"""Storing is a stage: ``StoreWriter`` writes each batch to a store, one transaction a batch.

It is the last stage of an ingest (``rasad.api.ingest`` builds the standard pipeline and adds
it). It runs in the driver like every batch stage, sees rejected documents too (the store keeps
them in ``rejects``) and counts what happened to each page (kept, duplicate, already stored,
rejected). A page the store cannot write becomes an E308 reject; a database that cannot be
written stops the run (``StorageError``), whatever ``on_error`` says.

The store is passed in (``rasad.storage.SqliteStore`` or anything with ``write_batch``), so this
module imports nothing from ``storage/``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import ClassVar, Protocol

from ..doc import Doc
from .base import BatchStage, OnError

__all__ = ["BatchWriter", "StoreWriter"]


class BatchWriter(Protocol):
    def write_batch(self, docs: list[Doc]) -> Counter[str]:
        """Write ``docs`` (rejects included) in one transaction; counts by outcome."""
        ...


class StoreWriter(BatchStage):
    """Write every document of the batch, rejects included, to ``store``."""

    name: ClassVar[str] = "store.write.v1"
    # the store keys an article by its text's hash and keeps its dedup fingerprints (for the
    # clusters of later runs); the raw input's hash (``doc.raw_hash``) is computed if unset
    requires: ClassVar[tuple[str, ...]] = (
        "doc.text",
        "doc.cluster",
        "doc.meta.body_key",
        "doc.minhash",
    )
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, store: BatchWriter, *, on_error: OnError = "raise") -> None:
        super().__init__(on_error=on_error)
        self.store = store
        self.counts: Counter[str] = Counter()

    def process_batch(self, docs: list[Doc]) -> None:
        self.counts.update(self.store.write_batch(docs))

    def __call__(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        batch = list(docs)
        if batch:
            self.process_batch(batch)  # rejects too; the store turns a bad page into E308
        yield from batch
