"""Read-side indexes the web pages need on a large store, created by this module.

The store's migrations index what ingest needs; the pages also look events up by article, by
entity and by type, and relation pages need events by country pair. This module adds
(``IF NOT EXISTS``, so once per store) covering indexes prefixed ``web_`` and a compact table
``web_dyads``: one row per event and unordered country pair, with the event's day, quad class
and intensity. ``refresh`` brings ``web_dyads`` up to date incrementally (events stored since
the last refresh); the server calls it at start and before relation queries when the events
changed, and ``run_alerts`` calls it after each ingest.
"""

from __future__ import annotations

import sqlite3

from .queries import EVENT_DAY

INDEXES = (
    "CREATE INDEX IF NOT EXISTS web_events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS web_events_source"
    " ON events(source_entity, target_entity, intensity)",
    "CREATE INDEX IF NOT EXISTS web_events_target"
    " ON events(target_entity, source_entity, intensity)",
    "CREATE INDEX IF NOT EXISTS web_events_type ON events(type, article_id)",
    "CREATE INDEX IF NOT EXISTS web_evidence_article ON event_evidence(article_id)",
    "CREATE INDEX IF NOT EXISTS web_mentions_entity ON mentions(entity_id, article_id)",
    """CREATE TABLE IF NOT EXISTS web_dyads (
        event_id TEXT NOT NULL,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        day TEXT,
        quad TEXT,
        intensity REAL,
        PRIMARY KEY (a, b, event_id)
    )""",
    "CREATE INDEX IF NOT EXISTS web_dyads_day ON web_dyads(a, b, day)",
    "CREATE INDEX IF NOT EXISTS web_dyads_event ON web_dyads(event_id)",
    "CREATE TABLE IF NOT EXISTS web_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
)


def ensure(conn: sqlite3.Connection) -> None:
    for statement in INDEXES:
        conn.execute(statement)
    refresh(conn)


def indexed_up_to(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM web_state WHERE key = 'dyads_rowid'").fetchone()
    return int(row[0]) if row else 0


def refresh(conn: sqlite3.Connection) -> int:
    """Add the country pairs of events stored since the last refresh; returns the rows added."""
    last = indexed_up_to(conn)
    top = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
    if top <= last:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "DELETE FROM web_dyads WHERE event_id IN (SELECT id FROM events WHERE rowid > ?)",
            (last,),
        )
        cur = conn.execute(
            "INSERT OR IGNORE INTO web_dyads(event_id, a, b, day, quad, intensity)"
            " SELECT e.id, min(s.value, t.value), max(s.value, t.value),"
            f" {EVENT_DAY}, e.quad, e.intensity"
            " FROM events e JOIN articles a ON a.id = e.article_id,"
            " json_each('[\"' || replace(e.source_countries, ';', '\",\"') || '\"]') s,"
            " json_each('[\"' || replace(e.target_countries, ';', '\",\"') || '\"]') t"
            " WHERE e.rowid > ? AND e.source_countries != '' AND e.target_countries != ''"
            " AND s.value != t.value",
            (last,),
        )
        conn.execute(
            "INSERT OR REPLACE INTO web_state(key, value) VALUES ('dyads_rowid', ?)", (top,)
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return int(cur.rowcount)


def stale(conn: sqlite3.Connection) -> bool:
    """Whether events were stored since the last refresh (two index lookups)."""
    top = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
    return bool(top > indexed_up_to(conn))
