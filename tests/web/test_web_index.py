"""The web read indexes (rasad.web.indexes, rasad.web.textindex): search through ``web_fts``
gives what plain SQL over the store gives, totals are capped, and the summary tables follow an
ingest."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rasad.web import search as web_search
from rasad.web.app import create_app
from rasad.web.search import Filters, parse_query
from rasad.web.textindex import key_range, period_end
from web_corpus import LATER, copy_db, sample_db

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    TestClient(create_app(sample_db()))  # builds the web indexes
    c = sqlite3.connect(sample_db())
    c.row_factory = sqlite3.Row
    return c


def _truth(c: sqlite3.Connection, text: str, f: Filters) -> list[str]:
    """The articles a search should list, newest day first, by plain SQL over the store."""
    where = ["a.duplicate_of IS NULL"]
    args: list[Any] = []
    q = parse_query(text)
    if not q.empty:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(q.match())
    if f.actor:
        where.append(
            "a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " WHERE e.id = ? OR e.name = ? OR e.name_ar = ?)"
        )
        args += [f.actor] * 3
    if f.country:
        where.append(
            "a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " WHERE e.country = ?)"
        )
        args.append(f.country)
    if f.type:
        where.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        args.append(f.type)
    if f.since:
        where.append("substr(a.published, 1, 10) >= ?")
        args.append(f.since)
    if f.until:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(f.until)
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    sql = (
        "SELECT a.id FROM articles a WHERE " + " AND ".join(where) + " ORDER BY"
        " substr(a.published, 1, 10) DESC, a.rowid DESC"
    )
    return [r[0] for r in c.execute(sql, args)]


def test_search_agrees_with_sql(conn: sqlite3.Connection) -> None:
    outlet = conn.execute(
        "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
        " ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    cases = [
        ("", Filters()),
        ("بوتين", Filters()),
        ("وبوتين", Filters()),
        ("روسي*", Filters()),
        ("بوتين -أردوغان", Filters()),
        ("", Filters(actor="per:vladimir-putin")),
        ("", Filters(actor="Vladimir Putin")),
        ("", Filters(country="TUR")),
        ("", Filters(type="CONSULT")),
        ("", Filters(outlet=outlet)),
        ("", Filters(since="2025-10-01")),
        ("", Filters(until="2025-10-31")),
        ("الرئيس", Filters(country="RUS", since="2025-01-01", until="2025-12-31")),
        ("", Filters(type="CONSULT", actor="per:hakan-fidan")),
    ]
    seen = 0
    for text, f in cases:
        got = web_search.search(conn, text, f, per_page=1000)
        ids = [h["id"] for h in got["hits"]]
        assert ids == _truth(conn, text, f), (text, f)
        assert got["total"] == len(ids)
        seen += bool(ids)
    assert seen >= len(cases) - 2  # the cases are not vacuous


def test_unknown_actor_finds_nothing(conn: sqlite3.Connection) -> None:
    assert web_search.search(conn, "", Filters(actor="per:nobody-at-all"))["hits"] == []


def test_total_is_capped(conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    every = web_search.search(conn, "", Filters())
    assert every["total"] > 3
    assert not every["total_capped"]
    monkeypatch.setattr(web_search, "TOTAL_CAP", 3)
    capped = web_search.search(conn, "", Filters(), per_page=2, page=3)
    assert capped["total"] == 3
    assert capped["total_capped"]
    assert len(capped["hits"]) == 2  # pages go on past the count


def test_date_keys() -> None:
    assert period_end("2024-02") == period_end("2024-02-29")
    assert period_end("2023") == period_end("2023-12-31")
    low, high = key_range("2024-01-01", "2024-01-01")
    assert low < high < key_range("2024-01-02", None)[0]
    assert key_range(None, None)[0] == 0  # undated articles only without a range


def test_impossible_dates_are_refused() -> None:
    client = TestClient(create_app(sample_db()))
    r = client.get("/api/search", params={"until": "2024-02-31"})
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "bad_request"


def _summaries_match_events(c: sqlite3.Connection) -> None:
    days = c.execute(
        "SELECT a, b, SUM(events) FROM web_dyad_days GROUP BY a, b ORDER BY a, b"
    ).fetchall()
    rows = c.execute("SELECT a, b, COUNT(*) FROM web_dyads GROUP BY a, b ORDER BY a, b").fetchall()
    assert [tuple(r) for r in days] == [tuple(r) for r in rows]
    pairs = c.execute(
        "SELECT entity, other, events FROM web_pairs ORDER BY entity, other"
    ).fetchall()
    truth = c.execute(
        "SELECT entity, other, COUNT(*) FROM (SELECT source_entity AS entity,"
        " target_entity AS other FROM events UNION ALL SELECT target_entity, source_entity"
        " FROM events) WHERE entity IS NOT NULL AND other IS NOT NULL AND other != entity"
        " GROUP BY entity, other ORDER BY entity, other"
    ).fetchall()
    assert [tuple(r) for r in pairs] == [tuple(r) for r in truth]
    counts = dict(c.execute("SELECT entity, articles FROM web_entity_articles").fetchall())
    truth_counts = dict(
        c.execute("SELECT entity_id, COUNT(DISTINCT article_id) FROM mentions GROUP BY 1")
    )
    assert counts == truth_counts


def test_indexes_follow_an_ingest(tmp_path: Path) -> None:
    db = copy_db(tmp_path / "web.db")
    app = TestClient(create_app(db, token="s3cret"))
    c = sqlite3.connect(db)
    _summaries_match_events(c)
    before = app.get("/api/dyad/RUS/TUR").json()["total"]
    word = "الكرملين"
    found = app.get("/api/search", params={"q": word}).json()["total"]
    r = app.post("/api/ingest?name=later.txt&date=2025-12-04", content=LATER.encode(), headers=AUTH)
    assert r.json()["kept"] == 1
    assert app.get("/api/dyad/RUS/TUR").json()["total"] > before
    hits = app.get("/api/search", params={"q": word}).json()
    assert hits["total"] == found + 1
    assert hits["hits"][0]["published"].startswith("2025-12-04")  # newest first
    _summaries_match_events(c)
