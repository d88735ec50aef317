"""Alerts: saved queries over the events, each with an Atom feed and an optional webhook.

The two tables live in the store's database but belong to this module (created with
``CREATE TABLE IF NOT EXISTS``). After each ingest :func:`run_alerts` posts the events that
newly match an alert to its webhook as JSON: a few attempts with short timeouts, and every
delivery, failed or not, is recorded in ``alert_deliveries``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from .queries import EVENT_COLUMNS, _has, add_evidence, dyad_where
from .search import parse_query

SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    name TEXT PRIMARY KEY,
    actor TEXT,
    dyad TEXT,
    type TEXT,
    text TEXT,
    webhook TEXT,
    created_at TEXT NOT NULL,
    last_event INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alert_deliveries (
    id INTEGER PRIMARY KEY,
    alert TEXT NOT NULL,
    at TEXT NOT NULL,
    events INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    http_status INTEGER,
    error TEXT
);
"""
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
DYAD = re.compile(r"^([A-Za-z]{3})-([A-Za-z]{3})$")
ATTEMPTS = 3
TIMEOUT_S = 3.0
BACKOFF_S = 0.5
FEED_ENTRIES = 50


class AlertError(ValueError):
    """An invalid alert definition or an unknown alert (the message says which)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def connect(db: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db), isolation_level=None, timeout=10)
    conn.row_factory = sqlite3.Row
    ensure_tables(conn)
    return conn


def ensure_tables(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def add(
    conn: sqlite3.Connection,
    name: str,
    *,
    actor: str | None = None,
    dyad: str | None = None,
    type_: str | None = None,
    text: str | None = None,
    webhook: str | None = None,
) -> dict[str, Any]:
    """Save an alert; only events stored from now on are sent to its webhook."""
    if not NAME.match(name):
        raise AlertError(f"invalid alert name {name!r}: use 1-64 letters, digits, '-' or '_'")
    if not (actor or dyad or type_ or text):
        raise AlertError("an alert needs at least one of actor, dyad, type or text")
    if dyad and not DYAD.match(dyad):
        raise AlertError(f"invalid dyad {dyad!r}: use two ISO3 codes, e.g. RUS-TUR")
    if text is not None and parse_query(text).empty:
        raise AlertError(f"the text {text!r} has no word to search for")
    if webhook and not re.match(r"^https?://[^\s]+$", webhook):
        raise AlertError(f"invalid webhook {webhook!r}: use an http:// or https:// URL")
    last = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
    try:
        conn.execute(
            "INSERT INTO alerts(name, actor, dyad, type, text, webhook, created_at, last_event)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (
                name,
                actor,
                dyad.upper() if dyad else None,
                type_.upper() if type_ else None,
                text,
                webhook,
                _now(),
                last,
            ),
        )
    except sqlite3.IntegrityError as e:
        raise AlertError(f"an alert named {name!r} exists already", 409) from e
    return get(conn, name)


def get(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM alerts WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise AlertError(f"no alert named {name!r}", 404)
    return dict(row)


def list_alerts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    out = []
    for row in conn.execute("SELECT * FROM alerts ORDER BY name").fetchall():
        item = dict(row)
        last = conn.execute(
            "SELECT at, ok, events, attempts, http_status, error FROM alert_deliveries"
            " WHERE alert = ? ORDER BY id DESC LIMIT 1",
            (row["name"],),
        ).fetchone()
        item["last_delivery"] = dict(last) if last else None
        out.append(item)
    return out


def remove(conn: sqlite3.Connection, name: str) -> None:
    get(conn, name)
    conn.execute("DELETE FROM alerts WHERE name = ?", (name,))
    conn.execute("DELETE FROM alert_deliveries WHERE alert = ?", (name,))


def matching(
    conn: sqlite3.Connection, alert: dict[str, Any], *, after: int = 0, limit: int = FEED_ENTRIES
) -> list[dict[str, Any]]:
    """Events matching the alert (newest first), only those stored after rowid ``after``."""
    where = ["e.rowid > ?"]
    args: list[Any] = [after]
    if alert["actor"]:
        ent = conn.execute(
            "SELECT id FROM entities WHERE id = ? OR name = ? OR name_ar = ? LIMIT 1",
            (alert["actor"],) * 3,
        ).fetchone()
        eid = ent[0] if ent else alert["actor"]
        where.append(
            f"(e.source_entity = ? OR e.target_entity = ? OR {_has('e.source_countries')}"
            f" OR {_has('e.target_countries')})"
        )
        args += [eid] * 4
    if alert["dyad"]:
        a, b = alert["dyad"].split("-")
        sql, dargs = dyad_where(a, b)
        where.append(sql)
        args += dargs
    if alert["type"]:
        where.append("e.type = ?")
        args.append(alert["type"])
    if alert["text"]:
        where.append(
            "COALESCE(a.duplicate_of, a.id) IN (SELECT x.id FROM articles_fts f JOIN articles x"
            " ON x.rowid = f.rowid WHERE articles_fts MATCH ?)"
        )
        args.append(parse_query(alert["text"]).match())
    found = [
        dict(r)
        for r in conn.execute(
            f"SELECT e.rowid AS seq, {EVENT_COLUMNS}, a.ingested_at FROM events e"
            " JOIN articles a ON a.id = e.article_id WHERE "
            + " AND ".join(where)
            + " ORDER BY e.rowid DESC LIMIT ?",
            [*args, limit],
        )
    ]
    add_evidence(conn, found)
    return found


def atom(alert: dict[str, Any], events: list[dict[str, Any]], base_url: str) -> bytes:
    """The Atom feed of an alert (ElementTree escapes every value)."""
    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)
    feed = ET.Element(f"{{{ns}}}feed")
    base = base_url.rstrip("/")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", f"urn:rasad:alert:{alert['name']}")
    sub(feed, "title", f"Rasad alert {alert['name']}")
    updated = max((e["ingested_at"] for e in events), default=alert["created_at"])
    sub(feed, "updated", updated)
    sub(feed, "link", href=f"{base}/alerts/{alert['name']}.atom", rel="self")
    for ev in events:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:rasad:event:{ev['id']}")
        who = f"{ev['source_countries'] or '?'} → {ev['target_countries'] or '?'}"
        sub(entry, "title", f"{ev['type']} {who}: {ev['title'] or ''}")
        sub(entry, "updated", ev["ingested_at"])
        sub(entry, "link", href=f"{base}/article/{ev['article_id']}")
        sub(entry, "summary", ev["evidence"] or "")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


Poster = Callable[[str, bytes], int]


def _post(url: str, body: bytes) -> int:
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
        return int(resp.status)


def deliver(
    conn: sqlite3.Connection,
    alert: dict[str, Any],
    events: list[dict[str, Any]],
    post: Poster = _post,
) -> dict[str, Any]:
    """POST ``events`` to the alert's webhook (at most ATTEMPTS tries) and record the result."""
    body = json.dumps({"alert": alert["name"], "events": events}, ensure_ascii=False).encode()
    status: int | None = None
    error: str | None = None
    attempts = 0
    for attempts in range(1, ATTEMPTS + 1):
        try:
            status = post(alert["webhook"], body)
            error = None if 200 <= status < 300 else f"HTTP {status}"
        except urllib.error.HTTPError as e:
            status, error = e.code, f"HTTP {e.code}"
        except (OSError, ValueError) as e:
            status, error = None, f"{type(e).__name__}: {e}"
        if error is None:
            break
        if attempts < ATTEMPTS:
            time.sleep(BACKOFF_S * attempts)
    record = {
        "alert": alert["name"],
        "at": _now(),
        "events": len(events),
        "ok": int(error is None),
        "attempts": attempts,
        "http_status": status,
        "error": error,
    }
    conn.execute(
        "INSERT INTO alert_deliveries(alert, at, events, ok, attempts, http_status, error)"
        " VALUES (:alert, :at, :events, :ok, :attempts, :http_status, :error)",
        record,
    )
    return record


def run_alerts(db_path: str | Path, post: Poster = _post) -> list[dict[str, Any]]:
    """After an ingest: send every alert's newly matching events to its webhook.

    First brings the web indexes up to date when the store has them (it has been served).
    Cheap when the database has no alert. Returns the delivery records."""
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=10)
    conn.row_factory = sqlite3.Row
    try:
        from . import indexes

        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'web_state'").fetchone():
            indexes.ensure(conn)  # a store that has been served keeps its web indexes current
        has = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alerts'"
        ).fetchone()
        if not has:
            return []
        ensure_tables(conn)
        records = []
        for alert in [dict(r) for r in conn.execute("SELECT * FROM alerts").fetchall()]:
            new = matching(conn, alert, after=alert["last_event"], limit=1000)
            if not new:
                continue
            conn.execute(
                "UPDATE alerts SET last_event = ? WHERE name = ?",
                (max(e["seq"] for e in new), alert["name"]),
            )
            if alert["webhook"]:
                records.append(deliver(conn, alert, new, post))
        return records
    finally:
        conn.close()
