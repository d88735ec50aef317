"""The web application through FastAPI's TestClient: pages, JSON twins, downloads, security,
write endpoints and alerts (webhooks go to a local HTTP server on 127.0.0.1 only)."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from rasad.cli import main
from rasad.web import alerts
from rasad.web.app import create_app
from rasad.web.search import parse_query, snippet
from web_corpus import LATER, copy_db, sample_db

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(sample_db(), token="s3cret"))


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[TestClient, Path]:
    db = copy_db(tmp_path / "web.db")
    return TestClient(create_app(db, token="s3cret")), db


def _ids(client: TestClient) -> tuple[str, str]:
    latest = client.get("/api/overview").json()["latest_events"][0]
    return latest["article_id"], latest["cluster"]


PAGES = ["/", "/search?q=x", "/dyad/RUS/TUR", "/actor/per:vladimir-putin", "/alerts"]


def test_pages_are_arabic_rtl_with_strict_csp(client: TestClient) -> None:
    article, story = _ids(client)
    for url in [*PAGES, f"/article/{article}", f"/story/{story}"]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert '<html lang="ar" dir="rtl">' in r.text
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert "<script" not in r.text
        assert " style=" not in r.text
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"(src|href)=\"https?://", r.text), url  # no CDN


def test_every_page_has_a_json_twin(client: TestClient) -> None:
    article, story = _ids(client)
    twins = {
        "/api/overview": "dyads",
        "/api/search?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86": "hits",
        "/api/dyad/RUS/TUR": "events",
        "/api/actor/per:vladimir-putin": "events_as_source",
        f"/api/article/{article}": "mentions",
        f"/api/story/{story}": "articles",
        "/api/alerts": "alerts",
    }
    for url, table in twins.items():
        r = client.get(url)
        assert r.status_code == 200, url
        assert isinstance(r.json()[table], list)
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/dyad/{a}/{b}", "/alerts/{name}.atom", "/api/alerts"} <= set(paths)


def test_downloads_csv_and_json(client: TestClient) -> None:
    r = client.get("/api/dyad/RUS/TUR?table=events&format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id,type,")
    n = client.get("/api/dyad/RUS/TUR").json()["total"]
    assert len(lines) - 1 == min(n, 50)
    r = client.get("/api/overview?table=dyads&format=json")
    assert r.json()[0]["a"]
    assert r.json()[0]["events"] >= 1
    err = client.get("/api/overview?table=nope").json()
    assert err["error"]["code"] == "not_found"
    assert "dyads" in err["error"]["message"]


def test_dyad_weeks_and_range(client: TestClient) -> None:
    data = client.get("/api/dyad/TUR/RUS").json()
    assert data["total"] == sum(w["events"] for w in data["weeks"])
    weeks = [w["week"] for w in data["weeks"]]
    assert weeks == sorted(weeks)
    later = client.get("/api/dyad/TUR/RUS?since=2025-07-01&until=2025-12-31").json()
    assert 0 < later["total"] < data["total"]
    assert all("2025-07-01" <= e["day"] <= "2025-12-31" for e in later["events"])
    assert all(e["evidence"] for e in later["events"])


def test_search_is_clitic_insensitive_and_highlights(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "بوتين"}).json()
    marked = {s["text"] for h in data["hits"] for s in h["snippet"] if s["hit"]}
    assert "لبوتين" in marked
    assert "بوتين" in marked
    html = client.get("/search", params={"q": "بوتين"}).text
    assert "<mark>لبوتين</mark>" in html


def test_search_filters(client: TestClient) -> None:
    every = client.get("/api/search").json()["total"]
    by_actor = client.get("/api/search", params={"actor": "per:hakan-fidan"}).json()
    assert 0 < by_actor["total"] < every
    by_type = client.get("/api/search", params={"type": "ASSAULT"}).json()
    assert 0 < by_type["total"] < every
    dated = client.get("/api/search", params={"since": "2025-10-01"}).json()
    assert all(h["published"] >= "2025-10-01" for h in dated["hits"])
    page2 = client.get("/api/search", params={"page": 2}).json()
    assert page2["page"] == 2
    assert {h["id"] for h in page2["hits"]}.isdisjoint(
        h["id"] for h in client.get("/api/search").json()["hits"]
    )


@pytest.mark.parametrize(
    "q",
    [
        '"',
        'بوتين" OR *',
        "NEAR(a b)",
        "terms:x",
        "(((",
        "a AND",
        "-",
        "*",
        "^بوتين",
        "'; DROP TABLE articles; --",
        "\x00",
        "بو* -أردوغان",
        "ك" * 600,
    ],
)
def test_any_user_syntax_is_safe(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q, "actor": q[:50], "outlet": q[:50]})
    assert r.status_code == 200
    assert client.get("/api/overview").json()["counts"]["articles"] > 0


def test_query_parser() -> None:
    q = parse_query('بوتين "أردوغان" -سوريا روس*')
    assert q.must == ("بوتين", "اردوغان")
    assert q.prefixes == ("روس",)
    assert q.exclude == ("سوريا",)
    assert q.match() == '"بوتين" AND "اردوغان" AND "روس"* NOT "سوريا"'
    parts = snippet("قال الوزير إن وبوتين وافق.", parse_query("بوتين"))
    assert [p["text"] for p in parts if p["hit"]] == ["وبوتين"]


def test_errors_have_one_shape(client: TestClient) -> None:
    for url, status in [
        ("/article/nope", 404),
        ("/api/dyad/RU/TUR", 400),
        ("/api/search?page=0", 422),
        ("/api/search?since=yesterday", 400),
        ("/nowhere", 404),
        ("/alerts/none.atom", 404),
    ]:
        r = client.get(url)
        assert r.status_code == status, url
        body = r.json()
        assert set(body) == {"error"}
        assert set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == status


def test_write_endpoints_need_the_token(tmp_path: Path) -> None:
    db = copy_db(tmp_path / "w.db")
    open_app = TestClient(create_app(db))
    r = open_app.post("/api/alerts", json={"name": "x", "type": "AGREE"})
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"
    app = TestClient(create_app(db, token="s3cret"))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
        r = app.post("/api/alerts", json={"name": "x", "type": "AGREE"}, headers=headers)
        assert r.status_code == 401
        assert app.post("/api/ingest", content=b"x", headers=headers).status_code == 401
    assert app.get("/api/alerts").json()["alerts"] == []


def test_alert_lifecycle_and_feed(fresh: tuple[TestClient, Path]) -> None:
    app, _ = fresh
    r = app.post(
        "/api/alerts", json={"name": "ru-tr", "dyad": "RUS-TUR", "type": "CONSULT"}, headers=AUTH
    )
    assert r.status_code == 201
    assert (
        app.post("/api/alerts", json={"name": "ru-tr", "type": "X"}, headers=AUTH).status_code
        == 409
    )
    assert app.post("/api/alerts", json={"name": "bad name!"}, headers=AUTH).status_code == 422
    assert app.post("/api/alerts", json={"name": "empty"}, headers=AUTH).status_code == 400
    feed = app.get("/alerts/ru-tr.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    before = feed.text.count("<entry>")
    assert before > 0
    assert "CONSULT" in feed.text
    r = app.post("/api/ingest?name=later.txt&date=2025-12-04", content=LATER.encode(), headers=AUTH)
    assert r.status_code == 200
    assert r.json()["kept"] == 1
    feed = app.get("/alerts/ru-tr.atom").text
    assert feed.count("<entry>") > before
    assert "استقبل الرئيس الروسي" in feed
    assert app.delete("/api/alerts/ru-tr", headers=AUTH).json() == {"removed": "ru-tr"}
    assert app.get("/alerts/ru-tr.atom").status_code == 404


class _Hook(BaseHTTPRequestHandler):
    status = 200
    received: list[dict[str, Any]] = []  # noqa: RUF012

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append(json.loads(body))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[tuple[str, type[_Hook]]]:
    handler = type("Hook", (_Hook,), {"received": [], "status": 200})
    srv = HTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}/hook", handler
    srv.shutdown()
    srv.server_close()


def test_webhook_receives_new_events_after_ingest(
    tmp_path: Path, hook: tuple[str, type[_Hook]]
) -> None:
    import rasad.api as api

    url, handler = hook
    db = copy_db(tmp_path / "h.db")
    with alerts.connect(db) as conn:
        alerts.add(conn, "putin", actor="Vladimir Putin", webhook=url)
    page = tmp_path / "later.txt"
    page.write_text(LATER, encoding="utf-8")
    api.ingest([str(page)], db=db, date="2025-12-04")
    assert len(handler.received) == 1
    sent = handler.received[0]
    assert sent["alert"] == "putin"
    assert sent["events"]
    assert all(e["published"] == "2025-12-04" for e in sent["events"])  # only the new ones
    api.ingest([str(page)], db=db)  # nothing new: no second delivery
    assert len(handler.received) == 1
    with alerts.connect(db) as conn:
        (delivery,) = [a["last_delivery"] for a in alerts.list_alerts(conn)]
    assert delivery["ok"] == 1
    assert delivery["attempts"] == 1


def test_webhook_failures_are_bounded_and_recorded(
    tmp_path: Path, hook: tuple[str, type[_Hook]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = hook
    handler.status = 500
    monkeypatch.setattr(alerts, "BACKOFF_S", 0.01)
    db = copy_db(tmp_path / "f.db")
    conn = alerts.connect(db)
    alerts.add(conn, "all-consult", type_="CONSULT", webhook=url)
    conn.execute("UPDATE alerts SET last_event = 0")
    (record,) = alerts.run_alerts(db)
    assert record["ok"] == 0
    assert record["attempts"] == alerts.ATTEMPTS
    assert record["http_status"] == 500
    assert len(handler.received) == alerts.ATTEMPTS
    rows = conn.execute("SELECT ok, error FROM alert_deliveries").fetchall()
    assert [tuple(r) for r in rows] == [(0, "HTTP 500")]
    alerts.add(conn, "dead", type_="AGREE", webhook="http://127.0.0.1:9/none")
    conn.execute("UPDATE alerts SET last_event = 0 WHERE name = 'dead'")
    (record,) = alerts.run_alerts(db)
    assert record["ok"] == 0
    assert "Error" in record["error"]


def test_cli_alerts_and_serve_defaults(tmp_path: Path) -> None:
    db = str(copy_db(tmp_path / "c.db"))
    runner = CliRunner()
    r = runner.invoke(main, ["alerts", "add", "t1", "--dyad", "RUS-TUR", "--db", db])
    assert r.exit_code == 0
    assert json.loads(r.output)["dyad"] == "RUS-TUR"
    r = runner.invoke(main, ["alerts", "add", "t2", "--dyad", "RUSSIA", "--db", db])
    assert r.exit_code == 1
    assert "invalid dyad" in r.output
    r = runner.invoke(main, ["alerts", "list", "--db", db])
    assert [json.loads(x)["name"] for x in r.output.splitlines()] == ["t1"]
    assert runner.invoke(main, ["alerts", "remove", "t1", "--db", db]).exit_code == 0
    assert runner.invoke(main, ["alerts", "remove", "t1", "--db", db]).exit_code == 1
    r = runner.invoke(main, ["serve", "--help"])
    assert "127.0.0.1" in r.output


def test_store_is_only_read_by_pages(client: TestClient) -> None:
    conn = client.app.state.conns.read()  # type: ignore[attr-defined]
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
