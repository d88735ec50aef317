"""``rasad batch``: sharded runs equal the single-machine pipeline, resume, and record failures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest

from batch_corpus import generate
from conftest import CORPUS
from rasad import api
from rasad.batch import load, run_batch
from rasad.batch.loader import doc_from_row
from rasad.executors import LocalExecutor
from rasad.stages.read import read_inputs
from rasad.storage import tables

Result = tuple[dict[str, Any], set[tuple[str, str, int, int, int]]]


def single_machine(inputs: list[str]) -> Result:
    """The pipeline in one process, the whole input as one batch."""
    pipe = api.pipeline(on_error="skip")
    docs = list(LocalExecutor(batch_size=10**9).run(pipe, read_inputs(inputs)))
    per = {d.source: _article(d.to_json()) for d in docs if d.reject is None}
    merger = pipe.stages[-1]
    story = {
        (key, e.id, e.counts["mentions"], e.counts["articles"], e.counts["outlets"])
        for key, events in merger.cluster_events.items()  # type: ignore[attr-defined]
        for e in events
    }
    return per, story


def _article(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("id", "title", "published", "text", "cluster", "duplicate_of",
                                 "entities", "events")}


def batch_result(out: Path) -> Result:
    rows = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table()
    per = {r["source"]: _article(doc_from_row(r).to_json()) for r in rows.to_pylist()}
    story_rows = ds.dataset(out / "story_events", format="parquet", partitioning="hive")
    story = {
        (r["cluster"], r["event_id"], r["num_mentions"], r["num_articles"], r["num_sources"])
        for r in story_rows.to_table().to_pylist()
    }
    return per, story


def test_sample_corpus_equals_single_machine(tmp_path: Path) -> None:
    out = tmp_path / "run"
    report = run_batch([str(CORPUS)], out=out, shard_size=3)
    assert report.shards > 3
    assert not report.failed
    per, story = batch_result(out)
    ref_per, ref_story = single_machine([str(CORPUS)])
    assert per == ref_per
    assert story == ref_story
    assert any(a["events"] for a in per.values())


def test_generated_corpus_pool_equals_single_machine(tmp_path: Path) -> None:
    inputs = generate(tmp_path / "pages", 240)
    out = tmp_path / "run"
    report = run_batch(inputs, out=out, executor="pool", workers=2, shard_size=25)
    assert report.seconds["startup"] > 0  # workers warmed before the first step
    assert report.cpu["code"] > 0
    assert report.cpu["clusters"] > 0
    assert report.driver_peak_mb > 0
    per, story = batch_result(out)
    ref_per, ref_story = single_machine(inputs)
    assert per == ref_per
    assert story == ref_story
    clusters = [a["cluster"] for a in per.values()]
    assert len(set(clusters)) < len(clusters)  # stories of several articles exist
    assert any(a["duplicate_of"] for a in per.values())


def _code_fails_on_shard_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """The code step of shard 1 raises, every time."""
    from rasad.batch import work

    real = work.code_step

    def flaky(root: str, shard: Any, *args: Any) -> dict[str, Any]:
        if shard.index == 1:
            raise RuntimeError("disk on fire")
        return real(root, shard, *args)

    monkeypatch.setattr(work, "code_step", flaky)


def test_rerun_skips_finished_shards_and_failed_shard_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasad.batch import work

    out = tmp_path / "run"
    real = work.code_step
    _code_fails_on_shard_1(monkeypatch)
    first = run_batch([str(CORPUS)], out=out, shard_size=4, retries=1)
    assert first.failed == ["s000001"]
    rejects = ds.dataset(out / "rejects", format="parquet", partitioning="hive").to_table()
    failed = [r for r in rejects.to_pylist() if r["code"] == "E205"]
    assert len(failed) == 4
    assert "2 attempt(s)" in failed[0]["reason"]
    monkeypatch.setattr(work, "code_step", real)
    second = run_batch([str(CORPUS)], out=out, shard_size=4)
    assert not second.failed
    assert second.skipped >= second.shards  # every read, and all but one code step, skipped
    per, _ = batch_result(out)
    assert per == single_machine([str(CORPUS)])[0]
    import pyarrow.parquet as pq

    codes = [c for f in (out / "rejects").glob("**/*.parquet")
             for c in pq.read_table(f).column("code").to_pylist()]
    assert "E205" not in codes


def test_progress_counts_every_step_to_its_total(tmp_path: Path) -> None:
    seen: dict[str, tuple[int, int]] = {}
    order: list[str] = []

    def progress(step: str, done: int, total: int) -> None:
        assert 0 <= done <= total  # totals are known before the tasks end
        if step not in seen:
            order.append(step)
        seen[step] = (done, total)

    report = run_batch([str(CORPUS)], out=tmp_path, shard_size=3, progress=progress)
    assert order == ["read", "templates", "clean", "code", "dedup", "clusters", "stories",
                     "merge", "write"]
    assert all(done == total for done, total in seen.values())
    assert seen["read"][1] == seen["code"][1] == seen["stories"][1] == report.shards
    assert seen["clusters"] == (1, 1)


def test_shard_failed_in_code_is_nobodys_copy_or_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies and stories of the other shards are found again without the failed shard (its
    pages were cleaned and fingerprinted before its coding failed)."""
    inputs = generate(tmp_path / "pages", 90)
    _code_fails_on_shard_1(monkeypatch)
    out = tmp_path / "run"
    seen: dict[str, tuple[int, int]] = {}
    report = run_batch(inputs, out=out, shard_size=10, retries=0,
                       progress=lambda step, done, total: seen.update({step: (done, total)}))
    assert report.failed == ["s000001"]
    assert all(done == total for done, total in seen.values())  # the failed shard's stories too
    manifest = json.loads((out / "manifest.json").read_text())
    others = [u for s in manifest["shards"] if s["id"] != "s000001" for u in s["units"]]
    assert batch_result(out) == single_machine(others)


def test_failed_dedup_bucket_stops_the_run_before_the_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cluster pass needs every bucket's links: with one bucket failed it never runs and
    the run stops with the bucket's error (the shards' own steps stay marked for a re-run)."""
    from rasad.batch import links

    real = links.dedup_step
    passes: list[int] = []

    def flaky(root: str, p: int, shards: list[str]) -> int:
        if p == 0:
            raise RuntimeError("bucket lost")
        return real(root, p, shards)

    def cluster(*args: Any) -> dict[str, Any]:
        passes.append(1)
        raise AssertionError("the pass ran without every bucket")

    monkeypatch.setattr(links, "dedup_step", flaky)
    monkeypatch.setattr(links, "cluster_step", cluster)
    with pytest.raises(RuntimeError, match="bucket lost"):
        run_batch([str(CORPUS)], out=tmp_path, shard_size=3, retries=0)
    assert not passes


def test_other_inputs_in_same_folder_are_refused(tmp_path: Path) -> None:
    from rasad.errors import ConfigError

    run_batch([str(CORPUS / "anatolia_01_putin-erdogan-call.txt")], out=tmp_path)
    with pytest.raises(ConfigError, match="E408"):
        run_batch([str(CORPUS)], out=tmp_path)


def test_parquet_schema_is_declared(tmp_path: Path) -> None:
    run_batch([str(CORPUS)], out=tmp_path, shard_size=5)
    for name, schema in tables.SCHEMAS.items():
        if not (tmp_path / name).exists():
            continue
        for path in (tmp_path / name).glob("**/*.parquet"):
            import pyarrow.parquet as pq

            got = pq.read_schema(path)
            assert got.remove_metadata() == schema, (name, path)
            assert "null" not in str(got)
    months = {p.name for p in (tmp_path / "articles").iterdir()}
    assert all(m.startswith("month=") for m in months)
    assert len(months) > 1


def test_load_into_sqlite(tmp_path: Path) -> None:
    run_batch([str(CORPUS)], out=tmp_path / "run", shard_size=6)
    db = tmp_path / "b.db"
    counts = load(tmp_path / "run", db=db)
    assert counts["db_sources"] == 18
    again = load(tmp_path / "run", db=db)
    assert again["db_articles"] == counts["db_articles"]
    assert again.get("already") == 18
    ref = tmp_path / "ref.db"
    api.ingest([str(CORPUS)], db=ref)
    from rasad.storage.sqlite import SqliteStore

    with SqliteStore(db) as a, SqliteStore(ref) as b:
        assert a.stats() == b.stats()
    assert api.search("بوتين", db=db)
    assert len(api.search("بوتين", db=db)) == len(
        api.search("بوتين", db=ref))


def test_url_inputs_through_fsspec(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for path in sorted(CORPUS.glob("anatolia_*.txt")):
        fs.pipe(f"/corpus/{path.name}", path.read_bytes())
    run_batch(["memory://corpus/*.txt"], out=tmp_path / "run")
    per, _ = batch_result(tmp_path / "run")
    assert sorted(per) == [f"memory:///corpus/{p.name}" for p in sorted(CORPUS.glob(
        "anatolia_*.txt"))]
    assert all(a["text"] for a in per.values())


def test_urls_without_fsspec_raise_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from rasad.batch.plan import expand
    from rasad.errors import MissingDependencyError

    real = builtins.__import__

    def no_fsspec(name: str, *a: Any, **k: Any) -> Any:
        if name == "fsspec":
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_fsspec)
    with pytest.raises(MissingDependencyError, match=r"E403.*fsspec"):
        expand(["s3://bucket/crawl/*.warc.gz"])


def test_cli_batch_and_load(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rasad.cli import main

    runner = CliRunner()
    res = runner.invoke(main, ["batch", str(CORPUS), "--out", str(tmp_path / "o"),
                               "--shard-size", "9"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["articles"] == 18
    res = runner.invoke(main, ["load", str(tmp_path / "o"), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["db_articles"] > 0


def test_pool_worker_killed_mid_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASAD_BATCH_FAULT", "read:s000001")
    report = run_batch([str(CORPUS)], out=tmp_path, executor="pool", workers=2, shard_size=4)
    assert not report.failed
    assert (tmp_path / "_work" / "fault-read-s000001").exists()
    assert batch_result(tmp_path)[0] == single_machine([str(CORPUS)])[0]
