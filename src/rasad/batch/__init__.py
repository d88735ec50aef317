"""Sharded, resumable runs: ``rasad batch INPUTS... --out DIR`` and ``rasad load DIR``.

The driver only plans and coordinates. Steps, each a set of independent tasks:

1. ``read`` (per shard): the worker reads its own inputs (files or fsspec URLs), decodes and
   segments the pages.
2. ``templates`` (per bucket of sites): site templates learned from every page of each outlet
   in the corpus.
3. ``clean`` (per shard): site templates applied, cleaning, fingerprints, story terms; LSH band
   rows out.
4. ``code`` (per shard): entities and events. Among them, ahead of the shards still waiting:
   ``dedup`` (per bucket of bands), then one task for the ordered cluster and story pass
   (``links.py``): duplicates, clusters and story joins.
5. ``stories`` (per shard) and ``merge`` (per bucket of stories): events merged per story.
6. ``write`` (per shard): Parquet tables, partitioned by publication month.

Steps 3-5 up to ``merge`` run as one flow (``flow.py``): a shard's step starts as soon as what
it reads is done, not when every shard finished the step before. Steps 1, 3 and 4 hold almost
all the work; a finished shard leaves a marker and a re-run skips it. A shard that keeps failing
is recorded in ``rejects`` with code E205 and the run goes on. The global steps are rerun
whenever the set of finished shards changes.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, Errors
from ..stages.read import DEFAULT_MAX_BYTES
from . import marks, work
from .flow import CLEAN, CLUSTERS, CODE, DEDUP, STORIES, Flow
from .plan import Shard, expand, plan
from .progress import Progress, Tally
from .runner import Outcome, TaskRunner, get_runner

__all__ = ["BatchReport", "load", "run_batch"]


@dataclass
class BatchReport:
    shards: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    pages: int = 0
    articles: int = 0
    rejects: int = 0
    events: int = 0
    clusters_linked: int = 0
    worker_peak_mb: float = 0.0
    driver_peak_mb: float = 0.0
    cluster_pass_mb: float = 0.0
    cluster_peak_mb: float = 0.0
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def add_cpu(self, step: str, results: dict[str, Outcome]) -> None:
        """Add the workers' CPU seconds of a step's tasks."""
        self.cpu[step] = self.cpu.get(step, 0.0) + sum(r.cpu for r in results.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "shards": self.shards,
            "skipped": self.skipped,
            "failed": self.failed,
            "pages": self.pages,
            "articles": self.articles,
            "rejects": self.rejects,
            "events": self.events,
            "linked": self.clusters_linked,
            "worker_peak_mb": self.worker_peak_mb,
            "driver_peak_mb": self.driver_peak_mb,
            "cluster_pass_mb": self.cluster_pass_mb,
            "cluster_peak_mb": self.cluster_peak_mb,
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "task_cpu": {k: round(v, 2) for k, v in self.cpu.items()},
        }


def _manifest(out: Path, shards: list[Shard], settings: dict[str, Any]) -> None:
    path = out / "manifest.json"
    data = {"settings": settings, "shards": [{"id": s.id, "units": list(s.units)} for s in shards]}
    if path.exists():
        old = json.loads(path.read_text())
        if old.get("settings") != settings or old.get("shards") != data["shards"]:
            raise ConfigError(Errors.E408, path=str(out), detail="manifest.json differs")
        return
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1))


def _shard_step(
    runner: TaskRunner,
    out: Path,
    step: str,
    shards: list[Shard],
    fn: Any,
    args: tuple[Any, ...],
    report: BatchReport,
    tally: Tally,
) -> list[Shard]:
    """Run one map step over the shards not finished yet; returns the shards that are done."""
    todo = [s for s in shards if not marks.marked(out, step, s, "")]
    report.skipped += len(shards) - len(todo)
    results = tally.run(runner, step, [(s.id, fn, (str(out), s, *args)) for s in todo])
    report.add_cpu(step, results)
    return [
        s
        for s in shards
        if s.id not in results or marks.record(out, step, s, results[s.id], report, "")
    ]


def run_batch(
    inputs: list[str],
    *,
    out: str | Path,
    executor: str = "local",
    workers: int | None = None,
    address: str | None = None,
    shard_size: int = 2000,
    buckets: int | None = None,
    retries: int = 2,
    max_bytes: int = DEFAULT_MAX_BYTES,
    date: str | None = None,
    stories: bool = True,
    progress: Progress | None = None,
) -> BatchReport:
    """Process ``inputs`` into Parquet tables under ``out`` (see the module docstring).
    ``stories=False``: near-duplicate clusters only (``dedup.minhash.v1``, no story joins).
    ``progress(step, done, total)`` is told the tasks of each step as they end."""
    base = Path(out)
    report = BatchReport()
    tally = Tally(progress)
    t0 = time.perf_counter()
    shards = plan(expand(inputs), shard_size)
    n_buckets = buckets or max(1, min(64, len(shards)))
    settings = {
        "shard_size": shard_size,
        "buckets": n_buckets,
        "date": date,
        "max_bytes": max_bytes,
    }
    if not stories:  # (absent when on: folders of earlier runs keep their manifest)
        settings["stories"] = False
    _manifest(base, shards, settings)
    (base / "_work" / "done").mkdir(parents=True, exist_ok=True)
    report.shards = len(shards)
    report.seconds["plan"] = time.perf_counter() - t0
    t = time.perf_counter()
    runner = get_runner(executor, workers=workers, retries=retries, address=address)
    try:
        runner.warm(work.warm)
        report.seconds["startup"] = time.perf_counter() - t
        t = time.perf_counter()
        read_args = (n_buckets, max_bytes, date)
        read = _shard_step(runner, base, "read", shards, work.read_step, read_args, report, tally)
        report.seconds["read"] = time.perf_counter() - t
        _global(runner, base, "templates", "t", work.templates_step, read, n_buckets, report, tally)
        tag = work.bucket(",".join(s.id for s in read), 1 << 62).__format__("x")
        coded = _flow(runner, base, read, n_buckets, report, tally, stories, tag)
        _finish(runner, base, coded, n_buckets, report, tally)
    finally:
        runner.close()
    report.seconds["total"] = time.perf_counter() - t0
    report.driver_peak_mb = max(report.driver_peak_mb, work.peak_mb())
    (base / "_SUCCESS.json").write_text(json.dumps(report.to_json(), indent=1))
    return report


def _global(
    runner: TaskRunner,
    base: Path,
    name: str,
    sub: str,
    fn: Any,
    shards: list[Shard],
    n_buckets: int,
    report: BatchReport,
    tally: Tally,
) -> list[Any]:
    t = time.perf_counter()
    shutil.rmtree(base / "_work" / sub, ignore_errors=True)
    ids = [s.id for s in shards]
    res = tally.run(
        runner, name, [(f"{name}{p}", fn, (str(base), p, ids)) for p in range(n_buckets)]
    )
    report.add_cpu(name, res)
    bad = [r for r in res.values() if not r.ok]
    if bad:
        raise RuntimeError(f"step {name} failed: {bad[0].error}")
    report.seconds[name] = time.perf_counter() - t
    return [res[f"{name}{p}"].value for p in range(n_buckets)]


def _flow(
    runner: TaskRunner,
    base: Path,
    shards: list[Shard],
    n_buckets: int,
    report: BatchReport,
    tally: Tally,
    stories: bool,
    tag: str,
) -> list[Shard]:
    """Clean, code and stories shard by shard, the dedup buckets and the cluster + story pass
    among them (``flow.py``); returns the coded shards. Each step's seconds are its span (first
    task submitted to last one done): the spans overlap, ``flow`` is the whole."""
    t = time.perf_counter()

    def flow(over: list[Shard], rerun: bool = False) -> Flow:
        return Flow(
            base,
            over,
            buckets=n_buckets,
            stories=stories,
            tag=tag,
            report=report,
            tally=tally,
            rerun=rerun,
        )

    first = flow(shards)
    res = runner.run_flow(first.start(), first.then)
    done = first.coded_shards()
    if len(first.coded) < len(first.cleaned):  # a shard failed in code
        again = flow(done, rerun=True)
        res.update(runner.run_flow(again.start(), again.then))
    _check({k: v for k, v in res.items() if not k.startswith(("clean/", "code/"))})
    for step in (CLEAN, CODE, DEDUP, CLUSTERS, STORIES):
        mine = [r for k, r in res.items() if k.partition("/")[0] == step]
        report.cpu[step] = sum(r.cpu for r in mine)
        if mine:
            report.seconds[step] = max(r.finished for r in mine) - min(r.started for r in mine)
    found = res[CLUSTERS]
    report.seconds[CLUSTERS] = found.value["seconds"]  # the pass's own seconds
    report.seconds["flow"] = time.perf_counter() - t
    report.cluster_pass_mb = found.value["pass_mb"]
    report.cluster_peak_mb = found.value["peak_mb"]
    report.clusters_linked = found.value["linked"]
    return done


def _finish(
    runner: TaskRunner,
    base: Path,
    shards: list[Shard],
    n_buckets: int,
    report: BatchReport,
    tally: Tally,
) -> None:
    shutil.rmtree(base / "story_events", ignore_errors=True)
    _global(runner, base, "merge", "e", work.merge_step, shards, n_buckets, report, tally)
    t = time.perf_counter()
    res = tally.run(runner, "write", [(s.id, work.write_step, (str(base), s)) for s in shards])
    report.add_cpu("write", res)
    _check(res)
    for r in res.values():
        report.articles += r.value["articles"]
        report.rejects += r.value["rejects"]
        report.events += r.value["events"]
    report.pages = report.articles + report.rejects
    report.seconds["write"] = time.perf_counter() - t


def _check(res: dict[str, Outcome]) -> None:
    bad = [r for r in res.values() if not r.ok]
    if bad:
        raise RuntimeError(f"task {bad[0].key} failed: {bad[0].error}")


def load(
    folder: str | Path, *, db: str | Path = "rasad.db", batch_size: int = 500
) -> dict[str, int]:
    """Load the Parquet tables of a batch run into the SQLite store (idempotent)."""
    from .loader import load_folder

    return load_folder(Path(folder), db=db, batch_size=batch_size)
