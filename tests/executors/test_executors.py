"""The same pipeline on Ray gives the same documents as in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS
from rasad import api
from rasad.errors import PipelineError
from rasad.executors import LocalExecutor, get_executor


def _run(executor: str, workers: int = 1) -> dict[str, dict[str, object]]:
    docs = api.extract([str(CORPUS)], executor=executor, workers=workers)
    return {Path(d.source).name: d.to_json() for d in docs}


def test_unknown_executor() -> None:
    with pytest.raises(PipelineError, match="E204"):
        get_executor("spark")
    assert isinstance(get_executor("pool", workers=1), LocalExecutor)


@pytest.mark.ray
@pytest.mark.slow
def test_ray_executor_matches_local() -> None:
    pytest.importorskip("ray")
    import ray

    try:
        assert _run("ray", workers=2) == _run("local")
    finally:
        ray.shutdown()
