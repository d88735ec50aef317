"""Parquet exports use the declared schemas; ``rasad events --columns polecat``."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import CORPUS
from rasad import api
from rasad.cli import main
from rasad.storage import polecat, tables


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exp") / "r.db"
    api.ingest([str(CORPUS)], db=path)
    return path


def test_articles_parquet_has_declared_types(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.parquet"
    assert api.export(db=db, fmt="parquet", out=out) == 17
    table = pq.read_table(out)
    assert table.schema.remove_metadata() == tables.ARTICLES
    assert table.schema.field("published").type == pa.date32()
    assert pa.types.is_list(table.schema.field("events").type)
    assert not any(pa.types.is_null(f.type) for f in table.schema)
    api.export(db=db, fmt="parquet", out=tmp_path / "folder")
    months = [p.name for p in (tmp_path / "folder").iterdir()]
    assert len(months) > 1
    assert all(m.startswith("month=") for m in months)


def test_events_parquet_typed(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    res = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "parquet",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    schema = pq.read_schema(out)
    assert schema.field("story_date").type == pa.date32()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("contexts").type == pa.list_(pa.string())
    assert not any(pa.types.is_null(f.type) for f in schema)


def test_events_polecat_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    res = CliRunner().invoke(main, ["events", "--db", str(db), "--columns", "polecat",
                                    "--out", str(out)])
    assert res.exit_code == 0, res.output
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == polecat.COLUMNS
    assert polecat.COLUMNS[:7] == ["Event ID", "Event Date", "Event Type", "Event Mode",
                                   "Event Intensity", "Quad Code", "Contexts"]
    consult = [r for r in rows if r["Event Type"] == "CONSULT"]
    assert consult
    assert all(r["Actor Country"] and r["Language"] == "ar" for r in consult)
    assert any(r["Story People"] for r in rows)
    pq_out = tmp_path / "p.parquet"
    CliRunner().invoke(main, ["events", "--db", str(db), "--columns", "polecat", "--format",
                              "parquet", "--out", str(pq_out)])
    assert pq.read_schema(pq_out).remove_metadata() == polecat.SCHEMA
