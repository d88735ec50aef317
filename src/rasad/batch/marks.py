"""Completion markers and rejected shards: what makes a batch run resumable and lossless.

A finished step of a shard leaves ``_work/done/<step>-<shard>.json`` with the shard's digest
(and a tag naming what else the result depends on); a re-run skips it. A shard whose task kept
failing is written to ``rejects`` with code E205, one row per input, and the run goes on.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Errors
from ..storage import tables
from . import work
from .plan import Shard
from .runner import Outcome

if TYPE_CHECKING:
    from . import BatchReport


def marked(base: Path, step: str, shard: Shard, tag: str) -> bool:
    """Whether ``step`` of ``shard`` finished with the same inputs (digest and tag)."""
    mark = work.read_marker(work.marker(base, step, shard.id))
    return mark is not None and mark.get("digest") == shard.digest + tag


def record(
    base: Path, step: str, shard: Shard, res: Outcome, report: BatchReport, tag: str
) -> bool:
    """The marker of a shard's finished step, or its rejects; whether it finished."""
    if res.ok:
        peak = (res.value or {}).get("peak_mb", 0.0)
        report.worker_peak_mb = max(report.worker_peak_mb, peak)
        work.marker(base, step, shard.id).write_text(
            json.dumps({"digest": shard.digest + tag, "result": res.value})
        )
        return True
    report.failed.append(shard.id)
    detail = (res.error or "unknown error")[:500]
    reason = Errors.E205.format(shard=shard.id, attempts=res.attempts, detail=detail)
    rows = [
        {"source": u, "stage": f"batch.{step}", "code": "E205", "reason": reason, "shard": shard.id}
        for u in shard.units
    ]
    tables.write_partitioned(tables.to_table("rejects", rows), base / "rejects", shard.id)
    return False
