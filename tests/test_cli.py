from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import CORPUS, SAMPLES
from rasad.cli import main

CONTRACT = {
    "source",
    "url",
    "outlet",
    "title",
    "published",
    "published_from",
    "dateline",
    "byline",
    "text",
    "cluster",
    "entities",
    "events",
}


def test_extract_contract() -> None:
    res = CliRunner().invoke(main, ["extract", str(CORPUS / "anatolia_01_putin-erdogan-call.txt")])
    assert res.exit_code == 0, res.output
    item = json.loads(res.output.splitlines()[0])
    assert set(item) == CONTRACT
    assert item["published_from"] in ("html", "url", "text", "warc", "option", None)
    assert item["text"]
    assert item["title"]


def test_extract_bad_input_exit_status() -> None:
    res = CliRunner().invoke(main, ["extract", str(SAMPLES / "bad" / "empty.txt")])
    assert res.exit_code == 3
    assert "E101" in res.output


def test_bad_date_is_a_clear_error() -> None:
    res = CliRunner().invoke(main, ["extract", "--date", "07/10/2025", str(CORPUS)])
    assert res.exit_code == 1
    assert "E401" in res.output
    assert "Traceback" not in res.output


def test_ingest_search_show_export(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(CORPUS), "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["kept"] >= 12
    assert summary["rejected"] == 0
    res = runner.invoke(main, ["search", "بوتين", "--db", db, "--json"])
    hits = [json.loads(x) for x in res.output.splitlines()]
    assert hits
    res = runner.invoke(main, ["show", hits[0]["id"], "--db", db])
    assert json.loads(res.output)["id"] == hits[0]["id"]
    res = runner.invoke(main, ["show", "nope", "--db", db])
    assert res.exit_code == 1
    assert "E303" in res.output
    out = tmp_path / "x.jsonl"
    res = runner.invoke(main, ["export", "--db", db, "--format", "jsonl", "--out", str(out)])
    assert res.exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == summary["kept"]


def test_ingest_with_rejects_exit_status(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["ingest", str(SAMPLES / "bad"), "--db", str(tmp_path / "b.db")])
    assert res.exit_code == 3
    assert "rejected" in res.output


def test_entities_and_events_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(CORPUS), "--db", db]).exit_code == 0
    res = runner.invoke(
        main, ["entities", "--db", db, "--type", "PER", "--country", "RUS", "--json"]
    )
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert rows
    assert all(r["type"] == "PER" and r["country"] == "RUS" for r in rows)
    putin = next(r for r in rows if r["name"] == "Vladimir Putin")
    assert len(putin["spellings"]) >= 2
    res = runner.invoke(main, ["events", "--db", db, "--dyad", "RUS-TUR", "--format", "jsonl"])
    events = [json.loads(x) for x in res.output.splitlines()]
    assert events
    for ev in events:
        pair = {ev["source_country"], ev["target_country"]}
        assert any("RUS" in p for p in pair)
        assert any("TUR" in p for p in pair)
        assert ev["quad"]
        assert ev["intensity"] is not None
        assert ev["event_text"]
    out = tmp_path / "ev.parquet"
    res = runner.invoke(main, ["events", "--db", db, "--format", "parquet", "--out", str(out)])
    assert res.exit_code == 0
    assert out.exists()


def test_events_merged_story_view(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(CORPUS), "--db", db]).exit_code == 0
    per_article = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).output
    merged = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--merged"]).output
    rows = [json.loads(x) for x in merged.splitlines()]
    assert 0 < len(rows) < len(per_article.splitlines())
    # the syndicated Fidan-Lavrov story is one event reported by two articles of two outlets
    story = [r for r in rows if r["event_type"] == "CONSULT" and r["num_articles"] >= 2]
    assert story
    assert story[0]["num_sources"] >= 2
