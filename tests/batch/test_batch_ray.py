"""``rasad batch --executor ray`` on a local Ray with 2 CPUs: equal to the single-machine run,
also when a worker process is killed in the middle of a shard (the task is re-run).

Skipped as a whole when ray is not installed (the ``rasad[ray]`` extra). The generated corpus
has a few thousand pages (3,000: shards of single-page files and one JSON Lines shard, the
killed shard among them, stories across outlets and exact copies)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_batch import batch_result, single_machine

from batch_corpus import generate
from conftest import CORPUS
from rasad.batch import run_batch

pytest.importorskip("ray")
pytestmark = [pytest.mark.ray, pytest.mark.slow]
PAGES = 3000

FAULT = "code:s000002"  # the worker coding shard 2 dies the first time (once per run folder)


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"RASAD_BATCH_FAULT": FAULT}})
    try:
        yield
    finally:
        ray.shutdown()


def test_ray_sample_corpus_equals_single_machine(ray_session: None, tmp_path: Path) -> None:
    report = run_batch([str(CORPUS)], out=tmp_path, executor="ray", workers=2, shard_size=3)
    assert not report.failed
    assert (tmp_path / "_work" / f"fault-{FAULT.replace(':', '-')}").exists()  # it was killed
    assert batch_result(tmp_path) == single_machine([str(CORPUS)])


def test_ray_generated_corpus_with_killed_worker(ray_session: None, tmp_path: Path) -> None:
    inputs = generate(tmp_path / "pages", PAGES)
    out = tmp_path / "run"
    report = run_batch(inputs, out=out, executor="ray", workers=2, shard_size=250)
    assert not report.failed
    assert report.shards >= 10  # five folders cut in 250s, and the JSON Lines file
    assert report.pages == PAGES
    assert report.cpu["code"] > 0  # the workers' CPU time is reported
    assert (out / "_work" / f"fault-{FAULT.replace(':', '-')}").exists()
    per, story = batch_result(out)
    ref_per, ref_story = single_machine(inputs)
    assert per == ref_per
    assert story == ref_story
    assert len({a["cluster"] for a in per.values()}) < len(per) * 0.5


def test_ray_runner_caps_tasks_and_runs_what_goes_ahead_first(
    ray_session: None, tmp_path: Path
) -> None:
    """``--workers 1`` on a Ray of 2 CPUs (as with ``--address``): one task at a time, the
    tasks marked to go ahead before the waiting ones."""
    import ray.cloudpickle
    import test_runner

    from rasad.batch.runner import RayRunner

    ray.cloudpickle.register_pickle_by_value(test_runner)  # the workers do not import tests/
    log = str(tmp_path / "log")
    runner = RayRunner(workers=1)
    assert runner.workers == 1
    out = runner.run_flow(test_runner._start(log), test_runner._then(log))
    assert out["b"].value == 42
    assert (tmp_path / "log").read_text().split() == test_runner.ORDER
