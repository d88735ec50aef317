"""Exact duplicates and story clusters across shards, equal to ``dedup.minhash.v1`` and ``v2``.

The single-machine ``Deduplicator`` reads the articles in order: an article whose normalised
body was seen before links to that first copy (``duplicate_of``) and takes its cluster; an
article seen before under the same id takes that cluster; otherwise it joins the cluster of its
most similar earlier article among the LSH candidates (estimated Jaccard >= the threshold; ties
go to the smallest id), or starts a cluster named after itself.

Spread over shards:

1. map (per shard): each article emits one row per LSH band (the band's hash values, exactly
   the bands datasketch's ``MinHashLSH`` uses for the same threshold and permutations), one
   row for its body key and one for its id, each sent to a bucket by hash.
2. reduce (per bucket): articles sharing a band are candidates; each article keeps its best
   earlier candidate (most equal hash values, then smallest id); the first article of each body
   key and of each id is found.
3. one task (``links.cluster_step``): the links of all buckets (only articles that have one)
   form a forest whose parent is always an earlier article; walking it in order (union-find
   with the root as the name) gives every cluster. It holds only the links, never the signatures.
4. with story joins (``dedup.minhash.v2``), the same task walks every article in order instead:
   an article without a link asks the ``rasad.stories.StoryIndex`` for the story of an earlier
   article, exactly as the single-machine stage does. The story terms are streamed shard by
   shard; the index keeps the vectors of the first members of each story only, and once no
   undated article is left to come it drops the stories the remaining articles' dates put
   out of reach, so on input in date order it holds a window of days.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from ..doc import Doc
from ..fingerprint import NUM_PERM, THRESHOLD, band_ranges
from ..stories import StoryIndex, _day

Link = tuple[int, str]  # (order, article id) of an earlier article
_NO_DAY = np.iinfo(np.int32).max  # no constraint: a linked article, or the end


def _bands() -> list[tuple[int, int]]:
    # datasketch's own bands, without importing it and scipy (0.8 CPU-s of a worker's start-up)
    return band_ranges(THRESHOLD, NUM_PERM)


_BANDS: list[tuple[int, int]] | None = None
_NEED = int(np.ceil(THRESHOLD * NUM_PERM - 1e-9))  # equal hash values for similarity >= threshold


def bands() -> list[tuple[int, int]]:
    """The LSH band ranges (those of datasketch's ``MinHashLSH``), once per process."""
    global _BANDS
    if _BANDS is None:
        _BANDS = _bands()
    return _BANDS


def rows(order: int, doc: Doc) -> Iterator[tuple[str, str, Any]]:
    """``(kind, bucket key, row)`` for one fingerprinted article."""
    sig = doc.minhash
    if sig is None:
        raise ValueError(f"{doc.source} has no MinHash signature (dedup.fingerprint sets it)")
    values = np.frombuffer(sig, dtype=np.uint32)
    for i, (start, end) in enumerate(bands()):
        key = f"{i}:{values[start:end].tobytes().hex()}"
        yield "bands", key, (key, order, doc.id, sig)
    yield "bodies", "b:" + doc.meta["body_key"], (doc.meta["body_key"], order, doc.id)
    yield "ids", "i:" + doc.id, (doc.id, order)


def reduce_bucket(parts: list[dict[str, list[Any]]]) -> dict[str, dict[int, Any]]:
    """Links found in one bucket: ``best`` (count, id, order), ``body`` and ``same`` (order,
    id) of the first copy."""
    bands: dict[str, list[tuple[int, str, bytes]]] = {}
    bodies: dict[str, list[tuple[int, str]]] = {}
    ids: dict[str, list[int]] = {}
    for part in parts:
        for key, order, doc_id, sig in part["bands"]:
            bands.setdefault(key, []).append((order, doc_id, sig))
        for body_key, order, doc_id in part["bodies"]:
            bodies.setdefault(body_key, []).append((order, doc_id))
        for doc_id, order in part["ids"]:
            ids.setdefault(doc_id, []).append(order)
    best: dict[int, tuple[int, str, int]] = {}
    for members in bands.values():
        if len(members) < 2:
            continue
        members.sort()
        firsts: list[tuple[int, str, np.ndarray[Any, Any]]] = []
        seen: set[str] = set()
        for order, doc_id, sig in members:
            values = np.frombuffer(sig, dtype=np.uint32)
            for o2, id2, v2 in firsts:
                n = int(np.count_nonzero(values == v2))
                if n >= _NEED:
                    cur = best.get(order)
                    if cur is None or (n, _neg(id2)) > (cur[0], _neg(cur[1])):
                        best[order] = (n, id2, o2)
            if doc_id not in seen:  # the LSH holds the first copy of each id only
                seen.add(doc_id)
                firsts.append((order, doc_id, values))
    body: dict[int, Link] = {}
    for copies in bodies.values():
        copies.sort()
        first_order, first_id = copies[0]
        for order, doc_id in copies[1:]:
            if doc_id != first_id:
                body[order] = (first_order, first_id)
    same: dict[int, Link] = {}
    for doc_id, orders in ids.items():
        orders.sort()
        for order in orders[1:]:
            same[order] = (orders[0], doc_id)
    return {"best": best, "body": body, "same": same}


class _Neg:
    """Reverses string order inside a tuple comparison (smaller id wins a tie)."""

    __slots__ = ("s",)

    def __init__(self, s: str) -> None:
        self.s = s

    def __lt__(self, other: _Neg) -> bool:
        return self.s > other.s

    def __gt__(self, other: _Neg) -> bool:
        return self.s < other.s

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Neg) and self.s == other.s

    def __hash__(self) -> int:
        return hash(self.s)


def _neg(s: str) -> _Neg:
    return _Neg(s)


Article = tuple[int, str, dict[str, int], str | None]  # order, id, story terms, published
Articles = Callable[[], Iterable[Article]]  # every article, in order, on each call


def assign(
    reduced: list[dict[str, dict[int, Any]]], articles: Articles | None = None
) -> dict[int, tuple[str, str | None]]:
    """``order -> (cluster, duplicate_of)`` for every article that does not start its own
    cluster or is a copy; an article absent from the result is its own cluster. With
    ``articles`` (all of them, in order, read twice) unlinked articles may join an earlier
    story."""
    best: dict[int, tuple[int, str, int]] = {}
    body: dict[int, Link] = {}
    same: dict[int, Link] = {}
    for part in reduced:
        body.update(part["body"])
        same.update(part["same"])
        for order, (n, doc_id, o2) in part["best"].items():
            cur = best.get(order)
            if cur is None or (n, _neg(doc_id)) > (cur[0], _neg(cur[1])):
                best[order] = (n, doc_id, o2)
    if articles is not None:
        return _with_stories(best, body, same, articles)
    root: dict[int, str] = {}  # cluster of each linked article (path-compressed parents)
    out: dict[int, tuple[str, str | None]] = {}
    for order in sorted(set(best) | set(body) | set(same)):
        dup = body.get(order)
        parent: Link | None = dup or same.get(order)
        if parent is None:
            _, pid, porder = best[order]
            parent = (porder, pid)
        cluster = root.get(parent[0], parent[1])
        root[order] = cluster
        out[order] = (cluster, dup[1] if dup else None)
    return out


def _horizons(
    best: dict[int, Any], body: dict[int, Link], same: dict[int, Link], articles: Articles
) -> tuple[npt.NDArray[np.int32], int]:
    """For each position of the stream, the earliest publication day (ordinal) of the
    articles from there on that will ask the story index (those without a link), and the
    last position of such an article without a date (-1 if none)."""
    days = array("i")
    last_undated = -1
    for pos, (order, _, _, published) in enumerate(articles()):
        if order in body or order in same or order in best:
            days.append(_NO_DAY)
            continue
        day = _day(published)
        if day is None:
            last_undated = pos
        days.append(day.toordinal() if day else _NO_DAY)
    arr = np.frombuffer(days, dtype=np.int32) if days else np.zeros(0, np.int32)
    return np.minimum.accumulate(arr[::-1])[::-1], last_undated


def _with_stories(
    best: dict[int, tuple[int, str, int]],
    body: dict[int, Link],
    same: dict[int, Link],
    articles: Articles,
) -> dict[int, tuple[str, str | None]]:
    """The single-machine stage's decisions, in one ordered pass over the articles. A first
    pass reads their dates: once no article without a date is left to come, the stories that
    none of the remaining articles can join (by the date window) are dropped from the index
    (``StoryIndex.forget``), so on a crawl read in date order the index holds a window of
    days, not the corpus. Only the clusters of articles that others link to are kept."""
    earliest, last_undated = _horizons(best, body, same, articles)
    parents = {o for _, _, o in best.values()}
    parents.update(o for o, _ in body.values())
    parents.update(o for o, _ in same.values())
    index = StoryIndex()  # the single-machine stage's own index: equal decisions by construction
    cluster_of: dict[int, str] = {}
    out: dict[int, tuple[str, str | None]] = {}
    for pos, (order, doc_id, terms, published) in enumerate(articles()):
        dup = body.get(order)
        parent: Link | None = dup or same.get(order)
        if parent is None and order in best:
            _, pid, porder = best[order]
            parent = (porder, pid)
        if parent is not None:
            cluster = cluster_of.get(parent[0], parent[1])
        else:
            if pos > last_undated and earliest[pos] != _NO_DAY:
                index.forget(date.fromordinal(int(earliest[pos])))
            cluster = index.assign(doc_id, terms, published) or doc_id
        if order in parents:
            cluster_of[order] = cluster
        if dup or cluster != doc_id:
            out[order] = (cluster, dup[1] if dup else None)
        if not dup:
            index.add(doc_id, terms, published, cluster)
    return out
