"""Clusters across processes: two ingests writing one database see each other's stories.

Each process dedups against what was stored when it started. Just before a batch is written,
under the database's write lock, its articles are checked against the articles other processes
stored since then: an exact copy links to the stored first copy, and an article that started
its own cluster joins a stored story it is similar to. Later batches of the run follow the same
remapping.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

import numpy as np

from ..doc import Doc
from ..fingerprint import THRESHOLD, similarity

if TYPE_CHECKING:
    from .sqlite import SqliteStore


def reconcile(store: SqliteStore, cur: sqlite3.Cursor, docs: list[Doc]) -> None:
    live = [d for d in docs if d.reject is None and "body_key" in d.meta]
    for doc in live:
        if doc.cluster in store._remap:
            doc.cluster = store._remap[doc.cluster]
    foreign = [
        r
        for r in cur.execute(
            "SELECT id, body_key, cluster, minhash FROM articles"
            " WHERE rowid > ? AND duplicate_of IS NULL ORDER BY rowid",
            (store._start_rowid,),
        )
        if r[0] not in store._own
    ]
    if not foreign:
        return
    by_body: dict[str, tuple[str, str]] = {}
    sigs: list[tuple[str, Any]] = []
    for aid, key, cluster, mh in foreign:
        by_body.setdefault(key, (aid, cluster))
        if mh is not None:
            sigs.append((cluster, np.frombuffer(mh, dtype=np.uint32)))
    for doc in live:
        first = by_body.get(doc.meta["body_key"])
        if first is not None and first[0] != doc.id and doc.duplicate_of is None:
            doc.duplicate_of = first[0]
            _move(store, doc, first[1])
            continue
        if doc.cluster != doc.id or doc.minhash is None:
            continue
        sig = np.frombuffer(doc.minhash, dtype=np.uint32)
        best, best_sim = None, THRESHOLD
        for cluster, other in sigs:
            sim = similarity(sig, other)
            if sim >= best_sim:
                best, best_sim = cluster, sim
        if best is not None:
            _move(store, doc, best)


def _move(store: SqliteStore, doc: Doc, cluster: str) -> None:
    if doc.cluster and doc.cluster != cluster:
        store._remap[doc.cluster] = cluster
    doc.cluster = cluster
