"""``--no-stories``: the standard pipeline with ``dedup.minhash.v1`` (exact and near duplicates,
no story joins), in process, on the command line and in ``rasad batch``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from batch_corpus import generate
from rasad import api
from rasad.batch import run_batch
from rasad.batch.loader import doc_from_row
from rasad.cli import main
from rasad.errors import ConfigError
from rasad.executors import LocalExecutor
from rasad.stages.read import read_inputs


def _run(inputs: list[str], stories: bool) -> dict[str, Any]:
    pipe = api.pipeline(on_error="skip", stories=stories)
    docs = list(LocalExecutor(batch_size=10**9).run(pipe, read_inputs(inputs)))
    return {
        d.source: (d.cluster, d.duplicate_of, "_story_terms" in d.meta)
        for d in docs
        if d.reject is None
    }


def test_pipeline_without_stories_clusters_duplicates_only(tmp_path: Path) -> None:
    names = api.pipeline(stories=False).names
    assert "dedup.minhash.v1" in names
    assert "dedup.minhash.v2" not in names
    assert "dedup.minhash.v2" in api.pipeline().names
    inputs = generate(tmp_path / "pages", 120)
    on, off = _run(inputs, True), _run(inputs, False)
    assert on.keys() == off.keys()
    assert not any(terms for _, _, terms in off.values())  # no story terms computed
    # the same duplicate links; each near-duplicate cluster lies inside one story
    assert {k: v[1] for k, v in on.items()} == {k: v[1] for k, v in off.items()}
    assert any(dup for _, dup, _ in off.values())
    story_of: dict[str, set[str]] = {}
    for src, (cluster, _, _) in off.items():
        story_of.setdefault(cluster, set()).add(on[src][0])
    assert all(len(stories) == 1 for stories in story_of.values())
    # and the story joins are what it leaves out: fewer, larger clusters with them
    assert len({c for c, _, _ in on.values()}) < len({c for c, _, _ in off.values()})


def test_cli_extract_and_batch_without_stories(tmp_path: Path) -> None:
    inputs = generate(tmp_path / "pages", 60)
    runner = CliRunner()
    res = runner.invoke(main, ["extract", "--no-stories", "--full", *inputs])
    assert res.exit_code == 0, res.output
    got = {
        json.loads(line)["source"]: json.loads(line)["cluster"]
        for line in res.stdout.split("\n")
        if line
    }
    ref = {src: v[0] for src, v in _run(inputs, False).items()}
    assert got == ref
    out = tmp_path / "run"
    res = runner.invoke(
        main, ["batch", *inputs, "--out", str(out), "--shard-size", "12", "--no-stories"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads((out / "manifest.json").read_text())["settings"]["stories"] is False
    assert not list((out / "_work" / "k").glob("*.terms.pkl"))  # the driver reads no terms
    import pyarrow.dataset as ds

    rows = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table()
    batch = {r["source"]: doc_from_row(r).cluster for r in rows.to_pylist()}
    assert batch == ref
    # the same folder with story joins on is another run: refused (E408)
    with pytest.raises(ConfigError):
        run_batch(inputs, out=out, shard_size=12)
