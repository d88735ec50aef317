"""What runs on the workers: the per-shard map steps and the per-bucket reduce steps.

Every function reads its inputs from the run folder and writes its outputs there (pickled
intermediates under ``_work/``, Parquet tables at the top), so a worker needs only the folder
path: on a cluster the folder is shared storage. The batch stages of the standard pipeline run
here unchanged, on the documents of one bucket: ``extract.templates.v1`` on all pages of the
sites hashed to the bucket, ``events.merge.v1`` on all articles of the stories hashed to it.
Near-duplicate clustering is spread as MinHash LSH bands and story joins (``dedup.minhash.v2``)
are one ordered pass, one task, over the articles' story terms (``links.py``, ``cluster.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..doc import Doc
from ..extraction.templates import site_of
from ..stages.base import BatchStage, MapStage
from ..stages.pipeline import Pipeline, run_map
from ..storage import tables
from ..storage.sqlite import raw_hash
from . import cluster
from .plan import Shard, read_unit

TEMPLATES = "extract.templates.v1"
DEDUP = ("dedup.minhash.v1", "dedup.minhash.v2")
MERGE = "events.merge.v1"

_PIPES: dict[bool, Pipeline] = {}


def pipeline(stories: bool = True) -> Pipeline:
    """The standard pipeline (``stories=False``: with ``dedup.minhash.v1``), built once per
    worker process."""
    if stories not in _PIPES:
        from ..runner import pipeline as build

        _PIPES[stories] = build(on_error="skip", stories=stories)
    return _PIPES[stories]


_WARM_TEXT = (
    "اجتماع في العاصمة\n"
    "قال وزير الخارجية إن الحكومة ستعقد اجتماعا مع الوفد الزائر يوم الاثنين لبحث "
    "التعاون في مجال الطاقة والنقل بين البلدين.\n"
)


def warm() -> float:
    """Build what every task needs once per worker: the pipeline, the LSH bands, and the models
    and lexicons the map stages load on their first page (one invented page goes through)."""
    import tempfile

    maps0, _, maps1, _, maps2, _ = split()
    cluster.bands()
    with tempfile.TemporaryDirectory(prefix="rasad-warm-") as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_text(_WARM_TEXT, encoding="utf-8")
        docs = list(read_unit(str(path), max_bytes=1 << 20, date=None))
        run_map(maps0 + maps1 + maps2, docs)
    return peak_mb()


def split(
    stories: bool = True,
) -> tuple[
    list[MapStage], BatchStage, list[MapStage], BatchStage, list[MapStage], BatchStage | None
]:
    """The standard pipeline as: read maps, templates, clean maps, dedup, code maps, merge."""
    segs = pipeline(stories).segments()
    names = [s.name if isinstance(s, BatchStage) else "map" for s in segs]
    expected = ["map", TEMPLATES, "map", "dedup", "map", MERGE]
    seen = ["dedup" if n in DEDUP else n for n in names]
    if seen != expected[: len(names)] or len(names) < 4:
        raise RuntimeError(f"rasad batch does not know how to spread {names}")
    maps2: list[MapStage] = segs[4] if len(segs) > 4 else []  # type: ignore[assignment]
    merge = segs[5] if len(segs) > 5 else None
    return (segs[0], segs[1], segs[2], segs[3], maps2, merge)  # type: ignore[return-value]


def peak_mb() -> float:
    """Peak resident memory of this worker process so far (MB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def rss_mb() -> float:
    """Resident memory of this process now (MB; 0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def bucket(key: str, n: int) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little") % n


def order(shard: int, pos: int) -> int:
    return (shard << 32) | pos


def _dump(obj: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _load(path: Path) -> Any:
    with open(path, "rb") as fh:
        return pickle.load(fh)


def _maybe(path: Path, default: Any) -> Any:
    return _load(path) if path.exists() else default


def _fault(step: str, shard: str, root: Path) -> None:
    """Test hook: ``RASAD_BATCH_FAULT=step:shard`` kills this worker process the first time it
    runs that step of that shard (the resilience tests kill a worker mid-run this way)."""
    want = os.environ.get("RASAD_BATCH_FAULT")
    flag = root / "_work" / f"fault-{step}-{shard}"
    if want == f"{step}:{shard}" and not flag.exists():
        flag.parent.mkdir(parents=True, exist_ok=True)
        flag.write_text("killed once\n")
        os._exit(137)


# -- map steps (one shard) ----------------------------------------------------------------------
def read_step(
    root: str, shard: Shard, buckets: int, max_bytes: int, date: str | None
) -> dict[str, Any]:
    """Read the shard's inputs, decode and segment; send each page's lines to its site bucket."""
    base = Path(root)
    _fault("read", shard.id, base)
    maps0 = split()[0]
    docs: list[Doc] = []
    for unit in shard.units:
        docs.extend(read_unit(unit, max_bytes=max_bytes, date=date))
    for doc in docs:
        doc.raw_hash = raw_hash(doc)
    docs = run_map(maps0, docs)
    parts: dict[int, list[tuple[int, Doc]]] = {}
    for pos, doc in enumerate(docs):
        doc.raw = None
        if doc.reject is None:
            proj = Doc(source=doc.source, url=doc.url, page_lines=doc.page_lines)
            parts.setdefault(bucket(site_of(doc), buckets), []).append(
                (order(shard.index, pos), proj)
            )
    _dump(docs, base / "_work" / "a" / f"{shard.id}.pkl")
    for p, rows in parts.items():
        _dump(rows, base / "_work" / "a" / f"{shard.id}.t{p}.pkl")
    return {"pages": len(docs), "peak_mb": peak_mb()}


def clean_step(root: str, shard: Shard, buckets: int, stories: bool = True) -> dict[str, Any]:
    """Apply the site templates, clean and fingerprint; send the fingerprints to the LSH band
    buckets (and, with story joins, save the story terms). What the cluster pass needs is
    ready after this step; entities and events (``code_step``) run beside that pass."""
    base = Path(root)
    _fault("clean", shard.id, base)
    _, _, maps1, _, _, _ = split(stories)
    docs: list[Doc] = _load(base / "_work" / "a" / f"{shard.id}.pkl")
    for path in sorted((base / "_work" / "t").glob(f"*.{shard.id}.pkl")):
        for pos, templates in _load(path).items():
            docs[pos].templates = templates
    docs = run_map(maps1, docs)
    rows: dict[int, dict[str, list[Any]]] = {}
    terms: list[tuple[int, str, dict[str, int], str | None]] = []
    for pos, doc in enumerate(docs):
        if doc.reject is None:
            if stories:
                terms.append((order(shard.index, pos), doc.id, doc.story_terms, doc.published))
            for kind, key, row in cluster.rows(order(shard.index, pos), doc):
                part = rows.setdefault(bucket(key, buckets), {"bands": [], "bodies": [], "ids": []})
                part[kind].append(row)
    _dump(docs, base / "_work" / "k" / f"{shard.id}.pkl")
    for p, part in rows.items():
        _dump(part, base / "_work" / "k" / f"{shard.id}.d{p}.pkl")
    if stories:
        _dump(terms, base / "_work" / "k" / f"{shard.id}.terms.pkl")
    return {"pages": len(docs), "peak_mb": peak_mb()}


def code_step(root: str, shard: Shard, stories: bool = True) -> dict[str, Any]:
    """Link entities and code events on the shard's cleaned documents."""
    base = Path(root)
    _fault("code", shard.id, base)
    maps2 = split(stories)[4]
    docs: list[Doc] = _load(base / "_work" / "k" / f"{shard.id}.pkl")
    docs = run_map(maps2, docs)
    for doc in docs:
        doc.release_input()
    _dump(docs, base / "_work" / "b" / f"{shard.id}.pkl")
    return {"pages": len(docs), "rejected": sum(1 for d in docs if d.reject), "peak_mb": peak_mb()}


def _stories(base: Path, shard: Shard) -> Iterator[tuple[int, Doc]]:
    """The shard's coded documents with their clusters and duplicate links set."""
    docs: list[Doc] = _load(base / "_work" / "b" / f"{shard.id}.pkl")
    links: dict[int, tuple[str, str | None]] = _maybe(base / "_work" / "c" / f"{shard.id}.pkl", {})
    for pos, doc in enumerate(docs):
        if doc.reject is None:
            doc.cluster, doc.duplicate_of = links.get(pos, (doc.id, None))
        yield pos, doc


def story_terms(
    root: str, shards: list[Shard]
) -> Iterator[tuple[int, str, dict[str, int], str | None]]:
    """Every coded article's ``(order, id, story terms, published)``, in the global order."""
    for shard in sorted(shards, key=lambda s: s.index):
        yield from _maybe(Path(root) / "_work" / "k" / f"{shard.id}.terms.pkl", [])


def story_step(root: str, shard: Shard, buckets: int) -> int:
    """Send the events of each article to its story's bucket."""
    base = Path(root)
    parts: dict[int, list[tuple[int, Doc]]] = {}
    for pos, doc in _stories(base, shard):
        if doc.reject is None and doc.events:
            proj = Doc(
                source=doc.source,
                outlet=doc.outlet,
                title=doc.title,
                cluster=doc.cluster,
                events=doc.events,
            )
            proj.set_text(doc.text)
            parts.setdefault(bucket(doc.cluster or doc.id, buckets), []).append(
                (order(shard.index, pos), proj)
            )
    for p, rows in parts.items():
        _dump(rows, base / "_work" / "m" / f"{shard.id}.e{p}.pkl")
    return sum(len(r) for r in parts.values())


def write_step(root: str, shard: Shard) -> dict[str, int]:
    """Write the shard's tables: articles, mentions, events (by month), entities, rejects."""
    base = Path(root)
    counts: dict[int, list[dict[str, int]]] = {}
    for path in sorted((base / "_work" / "e").glob(f"*.{shard.id}.pkl")):
        counts.update(_load(path))
    articles, mentions, events, rejects, kept = [], [], [], [], []
    for pos, doc in _stories(base, shard):
        rh = doc.raw_hash
        if doc.reject is not None:
            row: dict[str, Any] = {
                "source": doc.source,
                "url": doc.url,
                "raw_hash": rh,
                "shard": shard.id,
            }
            rejects.append(row | doc.reject.to_dict())
            continue
        for event, c in zip(doc.events, counts.get(pos, []), strict=False):
            if c:
                event.counts = dict(c)
        kept.append(doc)
        articles.append(tables.article_row(doc, raw_hash=rh))
        mentions.extend(tables.mention_rows(doc))
        events.extend(tables.event_rows(doc))
    _clear(base, shard.id)
    for name, rows in (
        ("articles", articles),
        ("mentions", mentions),
        ("events", events),
        ("rejects", rejects),
        ("entities", tables.entity_rows(kept)),
    ):
        if rows:
            tables.write_partitioned(tables.to_table(name, rows), base / name, shard.id)
    return {"articles": len(articles), "rejects": len(rejects), "events": len(events)}


def _clear(base: Path, name: str) -> None:
    for table in tables.SCHEMAS:
        for old in (base / table).glob(f"**/{name}.parquet"):
            old.unlink()


# -- reduce steps (one bucket) -----------------------------------------------------------------
def gather(base: Path, sub: str, suffix: str, shards: list[str]) -> list[Any]:
    out = []
    for sid in shards:
        path = base / "_work" / sub / f"{sid}.{suffix}.pkl"
        if path.exists():
            out.append(_load(path))
    return out


def _by_shard(results: dict[int, Any], base: Path, sub: str, p: int) -> None:
    per: dict[int, dict[int, Any]] = {}
    for o, value in results.items():
        per.setdefault(o >> 32, {})[o & 0xFFFFFFFF] = value
    for shard_index, values in per.items():
        _dump(values, base / "_work" / sub / f"{p}.s{shard_index:06d}.pkl")


def templates_step(root: str, p: int, shards: list[str]) -> int:
    """Learn the templates of the sites hashed to bucket ``p`` from all their pages."""
    base = Path(root)
    rows: list[tuple[int, Doc]] = sorted(
        (r for part in gather(base, "a", f"t{p}", shards) for r in part), key=lambda r: r[0]
    )
    learner = split()[1]
    learner.process_batch([d for _, d in rows])
    results = {o: d.templates for o, d in rows}
    _by_shard(results, base, "t", p)
    return len(rows)


def merge_step(root: str, p: int, shards: list[str]) -> int:
    """Merge the events of the stories hashed to bucket ``p`` (all their articles together)."""
    base = Path(root)
    rows: list[tuple[int, Doc]] = sorted(
        (r for part in gather(base, "m", f"e{p}", shards) for r in part), key=lambda r: r[0]
    )
    proto = split()[5]
    if proto is None or not rows:
        return 0
    merger = type(proto)(on_error=proto.on_error)  # a fresh one: it keeps cluster_events
    merger.process_batch([d for _, d in rows])
    _by_shard({o: [dict(e.counts) for e in d.events] for o, d in rows}, base, "e", p)
    story: list[dict[str, Any]] = []
    for key, events in getattr(merger, "cluster_events", {}).items():
        story.extend(tables.story_event_rows(key, events))
    if story:
        tables.write_partitioned(
            tables.to_table("story_events", story), base / "story_events", f"b{p:05d}"
        )
    return len(rows)


def marker(base: Path, step: str, key: str) -> Path:
    return base / "_work" / "done" / f"{step}-{key}.json"


def read_marker(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text())
        return data
    except (OSError, ValueError):
        return None
