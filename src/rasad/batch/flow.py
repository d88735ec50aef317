"""The middle of a batch run as one flow of tasks: clean, code and stories shard by shard, with
the dedup buckets and the cluster + story pass among them.

A step of a shard waits only for what it reads, not for every shard's step before it:

- ``code`` of a shard starts when its ``clean`` is done;
- the ``dedup`` buckets start when every ``clean`` is done (each bucket reads the band rows of
  all shards) and go ahead of the shards still waiting; then the one ``clusters`` task (the
  ordered cluster and story pass, serial), also ahead;
- ``stories`` of a shard starts when its ``code`` and the pass are both done.

So one worker runs the pass while the others code, and no worker idles at the end of a step
waiting for the slowest shard: the tail of one step overlaps the next. A finished ``clean`` or
``code`` leaves its marker at once (a re-run skips it), a shard that keeps failing is written to
``rejects``. If a shard's ``code`` failed, its articles must be nobody's copy or story: the
driver runs the flow again over the coded shards (all marked: only the dedup buckets, the pass
and the stories run).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from . import links, marks, work
from .plan import Shard
from .progress import Tally
from .runner import Next, Outcome, Task

if TYPE_CHECKING:
    from . import BatchReport

CLEAN, CODE, STORIES, DEDUP, CLUSTERS = "clean", "code", "stories", "dedup", "clusters"


class Flow:
    """The tasks of the flow over ``shards`` (in input order) and what each one's end makes
    ready (``start`` and ``then`` for ``TaskRunner.run_flow``)."""

    def __init__(
        self,
        base: Path,
        shards: list[Shard],
        *,
        buckets: int,
        stories: bool,
        tag: str,
        report: BatchReport,
        tally: Tally | None = None,
        rerun: bool = False,
    ) -> None:
        self.base, self.shards, self.buckets = base, shards, buckets
        self.stories, self.tag, self.report, self.rerun = stories, tag, report, rerun
        self.tally = tally or Tally()
        self.by_id = {s.id: s for s in shards}
        self.cleaned: set[str] = set()
        self.coded: set[str] = set()
        self.clean_left = 0
        self.dedup_left = 0
        self.pass_done = False

    def start(self) -> Next:
        shutil.rmtree(self.base / "_work" / "m", ignore_errors=True)  # the stories' buckets
        cleans: list[Task] = []
        codes: list[Task] = []
        for s in self.shards:
            if not marks.marked(self.base, CLEAN, s, self.tag):
                cleans.append(self._clean(s))
                continue
            self.cleaned.add(s.id)
            if marks.marked(self.base, CODE, s, self.tag):
                self.coded.add(s.id)
            else:
                codes.append(self._code(s))
        if not self.rerun:  # clean steps skipped, code steps skipped
            self.report.skipped += len(self.shards) - len(cleans) + len(self.coded)
        self.clean_left = len(cleans)
        # expected: a clean and a code of each shard still to clean, the codes still to run,
        # the dedup buckets, one pass, every shard's stories
        self.tally.expect(CLEAN, len(cleans))
        self.tally.expect(CODE, len(cleans) + len(codes))
        self.tally.expect(DEDUP, self.buckets)
        self.tally.expect(CLUSTERS, 1)
        self.tally.expect(STORIES, len(self.shards))
        ready = [(t, False) for t in cleans + codes]
        return self._dedup() + ready if not cleans else ready

    def then(self, res: Outcome, done: dict[str, Outcome]) -> Next:
        step, _sep, sid = res.key.partition("/")
        self.tally.tick(step)
        if step in (CLEAN, CODE) and not res.ok:  # no code and no stories of this shard
            self.tally.expect(STORIES, -1)
            self.tally.expect(CODE, -1 if step == CLEAN else 0)
        if step == CLEAN:
            self.clean_left -= 1
            shard = self.by_id[sid]
            ready: list[tuple[Task, bool]] = []
            if marks.record(self.base, CLEAN, shard, res, self.report, self.tag):
                self.cleaned.add(sid)
                ready += self._after_clean(shard)
            return self._dedup() + ready if self.clean_left == 0 else ready
        if step == CODE:
            shard = self.by_id[sid]
            if marks.record(self.base, CODE, shard, res, self.report, self.tag):
                self.coded.add(sid)
                if self.pass_done:
                    return [(self._story(shard), False)]
            return []
        if step == DEDUP:
            self.dedup_left -= 1
            buckets = [r for k, r in done.items() if k.startswith(f"{DEDUP}/")]
            if self.dedup_left == 0 and all(r.ok for r in buckets):
                return [(self._clusters(), True)]  # (a failed bucket: the driver reports it)
            return []
        if step == CLUSTERS and res.ok:
            self.pass_done = True
            return [(self._story(s), False) for s in self.shards if s.id in self.coded]
        return []

    def _after_clean(self, shard: Shard) -> list[tuple[Task, bool]]:
        if not marks.marked(self.base, CODE, shard, self.tag):
            return [(self._code(shard), False)]
        self.tally.expect(CODE, -1)
        self.coded.add(shard.id)  # (the pass waits for every clean: no story is due yet)
        return []

    def _in_order(self, done: set[str]) -> list[Shard]:
        return [s for s in self.shards if s.id in done]

    def _clean(self, s: Shard) -> Task:
        args = (self.buckets,) if self.stories else (self.buckets, False)
        return (f"{CLEAN}/{s.id}", work.clean_step, (str(self.base), s, *args))

    def _code(self, s: Shard) -> Task:
        args = () if self.stories else (False,)
        return (f"{CODE}/{s.id}", work.code_step, (str(self.base), s, *args))

    def _story(self, s: Shard) -> Task:
        return (f"{STORIES}/{s.id}", work.story_step, (str(self.base), s, self.buckets))

    def _dedup(self) -> list[tuple[Task, bool]]:
        shutil.rmtree(self.base / "_work" / "d", ignore_errors=True)
        ids = [s.id for s in self._in_order(self.cleaned)]
        self.dedup_left = self.buckets
        return [
            ((f"{DEDUP}/{p}", links.dedup_step, (str(self.base), p, ids)), True)
            for p in range(self.buckets)
        ]

    def _clusters(self) -> Task:
        shards = self._in_order(self.cleaned)
        return (CLUSTERS, links.cluster_step, (str(self.base), self.buckets, shards, self.stories))

    def coded_shards(self) -> list[Shard]:
        return self._in_order(self.coded)
