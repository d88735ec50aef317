"""The cross-shard steps of duplicates and stories, run as tasks on the workers.

``dedup_step`` (one task per bucket of LSH bands, body keys and ids) finds each article's
candidate links; ``cluster_step`` (one task) reads the links of every bucket and, with story
joins, streams the story terms of every article in input order through the ordered pass of
``cluster.assign``, then writes each shard's ``(cluster, duplicate_of)`` links. Both need only
what ``clean_step`` left (fingerprints, story terms), so they run while the shards are being
coded (``code_step``), and the driver holds no shard data: it is handed a few counts.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

from . import cluster
from .plan import Shard
from .work import _dump, _load, gather, peak_mb, rss_mb, story_terms


def dedup_step(root: str, p: int, shards: list[str]) -> int:
    """The links found in bucket ``p`` (``cluster.reduce_bucket``)."""
    base = Path(root)
    links = cluster.reduce_bucket(gather(base, "k", f"d{p}", shards))
    _dump(links, base / "_work" / "d" / f"{p}.pkl")
    return sum(len(v) for v in links.values())


def cluster_step(
    root: str, buckets: int, shards: list[Shard], stories: bool = True
) -> dict[str, Any]:
    """Clusters and duplicate links of every article, saved per shard under ``_work/c``;
    returns the number of linked articles, the seconds and memory the pass took."""
    base = Path(root)
    t, before = time.perf_counter(), rss_mb()
    reduced = [_load(base / "_work" / "d" / f"{p}.pkl") for p in range(buckets)]
    articles = (lambda: story_terms(root, shards)) if stories else None
    links = cluster.assign(reduced, articles)
    del reduced
    peak = peak_mb()
    shutil.rmtree(base / "_work" / "c", ignore_errors=True)
    per: dict[int, dict[int, tuple[str, str | None]]] = {}
    for order, link in links.items():
        per.setdefault(order >> 32, {})[order & 0xFFFFFFFF] = link
    for index, values in per.items():
        _dump(values, base / "_work" / "c" / f"s{index:06d}.pkl")
    return {
        "linked": len(links),
        "seconds": time.perf_counter() - t,
        "peak_mb": peak,
        "pass_mb": round(max(0.0, peak - before), 1),
    }
