"""Read-side indexes and summary tables the web pages need on a large store, owned by this
module (all prefixed ``web_`` and derived from the store's tables; a group of them is dropped
and built again when its version in :data:`GROUPS` changes).

- covering indexes for events by article, entity and type, and mentions by entity;
- ``web_dyads``: one row per event and unordered country pair (the event's day, quad class and
  intensity), in the order the relation page lists events;
- ``web_dyad_days``: events, events with an intensity and summed intensity per country
  pair, day and quad class (with the day's week), from which the weekly timeline and the
  totals are read;
- ``web_pairs``: the same sums per ordered pair of entities (an actor's
  counterparts), and ``web_entity_articles``: articles per entity;
- ``web_fts``: the date-ordered search index of :mod:`rasad.web.textindex`.

``refresh`` brings them up to date incrementally (articles, events and mentions stored since
the last refresh, by rowid; the store only appends them). The server calls it at start and
when the store changed, and ``run_alerts`` calls it after each ingest once a store has been
served.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from . import textindex
from .queries import EVENT_DAY

#: Each group of derived tables, its version and its positions in ``web_state``: a group whose
#: version changed is dropped and built again.
GROUPS = {
    "text": (1, ("web_fts",), ("fts_rowid",)),
    "summaries": (
        3,
        ("web_dyads", "web_dyad_days", "web_pairs", "web_entity_articles"),
        ("dyads_rowid", "mentions_rowid"),
    ),
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS web_events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS web_events_source"
    " ON events(source_entity, target_entity, intensity)",
    "CREATE INDEX IF NOT EXISTS web_events_target"
    " ON events(target_entity, source_entity, intensity)",
    "CREATE INDEX IF NOT EXISTS web_events_by_source ON events(source_entity)",
    "CREATE INDEX IF NOT EXISTS web_events_by_target ON events(target_entity)",
    "CREATE INDEX IF NOT EXISTS web_events_type ON events(type, article_id)",
    "CREATE INDEX IF NOT EXISTS web_evidence_article ON event_evidence(article_id)",
    "CREATE INDEX IF NOT EXISTS web_mentions_entity ON mentions(entity_id, article_id)",
    "CREATE INDEX IF NOT EXISTS web_articles_outlet ON articles(outlet)",
    "CREATE INDEX IF NOT EXISTS web_articles_duplicate ON articles(duplicate_of)",
    "CREATE TABLE IF NOT EXISTS web_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS web_dyads (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        day TEXT NOT NULL,
        event_id TEXT NOT NULL,
        quad TEXT,
        intensity REAL,
        PRIMARY KEY (a, b, day, event_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS web_dyads_event ON web_dyads(event_id)",
    """CREATE TABLE IF NOT EXISTS web_dyad_days (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        day TEXT NOT NULL,
        quad TEXT NOT NULL,
        week TEXT,
        events INTEGER NOT NULL,
        rated INTEGER NOT NULL,
        intensity REAL NOT NULL,
        PRIMARY KEY (a, b, day, quad)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS web_dyad_weeks"
    " ON web_dyad_days(a, b, week, quad, day, events, rated, intensity)",
    """CREATE TABLE IF NOT EXISTS web_pairs (
        entity TEXT NOT NULL,
        other TEXT NOT NULL,
        events INTEGER NOT NULL,
        rated INTEGER NOT NULL,
        intensity REAL NOT NULL,
        PRIMARY KEY (entity, other)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS web_pairs_events ON web_pairs(entity, events)",
    """CREATE TABLE IF NOT EXISTS web_entity_articles (
        entity TEXT PRIMARY KEY,
        articles INTEGER NOT NULL
    ) WITHOUT ROWID""",
    textindex.DDL,
)


def ensure(conn: sqlite3.Connection) -> None:
    """Create (or, after a version change, rebuild) the web tables and bring them up to date.
    On a large store the first run indexes every article (about a millisecond each)."""
    conn.execute("CREATE TABLE IF NOT EXISTS web_state (key TEXT PRIMARY KEY, value INTEGER)")
    for group, (version, tables, positions) in GROUPS.items():
        if _state(conn, "version_" + group) == version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in tables:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
            for key in positions:
                conn.execute("DELETE FROM web_state WHERE key = ?", (key,))
            _set(conn, "version_" + group, version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    for statement in INDEXES:
        conn.execute(statement)
    refresh(conn)


def _state(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM web_state WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _set(conn: sqlite3.Connection, key: str, value: int) -> None:
    conn.execute("INSERT OR REPLACE INTO web_state(key, value) VALUES (?, ?)", (key, value))


def _top(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {table}").fetchone()[0])


def indexed_up_to(conn: sqlite3.Connection) -> int:
    return _state(conn, "dyads_rowid")


def refresh(conn: sqlite3.Connection) -> int:
    """Index what was stored since the last refresh; returns the event rows added. Every step
    reads its position inside its own write transaction, so concurrent refreshes are safe."""
    while _step(conn, _index_text):
        pass
    added = 0
    if _top(conn, "events") > _state(conn, "dyads_rowid"):
        added = _step(conn, _index_events)
    if _top(conn, "mentions") > _state(conn, "mentions_rowid"):
        _step(conn, _index_mentions)
    return added


def _step(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], int]) -> int:
    conn.execute("BEGIN IMMEDIATE")
    try:
        done = work(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return done


def _index_text(conn: sqlite3.Connection) -> int:
    """One chunk of articles into ``web_fts``; returns the articles looked at."""
    last = _state(conn, "fts_rowid")
    upto = textindex.index_articles(conn, last)
    _set(conn, "fts_rowid", upto)
    return upto - last if upto > last else 0


def _index_events(conn: sqlite3.Connection) -> int:
    last = _state(conn, "dyads_rowid")
    top = _top(conn, "events")
    if top <= last:
        return 0
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS web_touched"
        " (a TEXT, b TEXT, day TEXT, PRIMARY KEY (a, b, day)) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.web_touched")
    new = "SELECT id FROM events WHERE rowid > ?"
    touched = (
        "INSERT OR IGNORE INTO temp.web_touched SELECT a, b, day FROM web_dyads"
        f" WHERE event_id IN ({new})"
    )
    conn.execute(touched, (last,))  # events stored again: their old rows go
    conn.execute(f"DELETE FROM web_dyads WHERE event_id IN ({new})", (last,))
    cur = conn.execute(
        "INSERT OR IGNORE INTO web_dyads(a, b, day, event_id, quad, intensity)"
        " SELECT min(s.value, t.value), max(s.value, t.value),"
        f" COALESCE({EVENT_DAY}, ''), e.id, e.quad, e.intensity"
        " FROM events e JOIN articles a ON a.id = e.article_id,"
        " json_each('[\"' || replace(e.source_countries, ';', '\",\"') || '\"]') s,"
        " json_each('[\"' || replace(e.target_countries, ';', '\",\"') || '\"]') t"
        " WHERE e.rowid > ? AND e.source_countries != '' AND e.target_countries != ''"
        " AND s.value != t.value",
        (last,),
    )
    conn.execute(touched, (last,))
    conn.execute(
        "DELETE FROM web_dyad_days WHERE (a, b, day) IN (SELECT a, b, day FROM temp.web_touched)"
    )
    conn.execute(
        "INSERT INTO web_dyad_days(a, b, day, quad, week, events, rated, intensity)"
        " SELECT d.a, d.b, d.day, COALESCE(d.quad, ''), date(d.day, '-6 days', 'weekday 1'),"
        " COUNT(*), COUNT(d.intensity),"
        " COALESCE(SUM(d.intensity), 0)"
        " FROM temp.web_touched t JOIN web_dyads d ON d.a = t.a AND d.b = t.b AND d.day = t.day"
        " GROUP BY d.a, d.b, d.day, COALESCE(d.quad, '')"
    )
    _pairs(conn, last)
    _set(conn, "dyads_rowid", top)
    return int(cur.rowcount)


def _pairs(conn: sqlite3.Connection, last: int) -> None:
    """Recount the counterparts of every entity in an event stored after rowid ``last``."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS web_entities (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.web_entities")
    conn.execute(
        "INSERT OR IGNORE INTO temp.web_entities SELECT source_entity FROM events"
        " WHERE rowid > ? AND source_entity IS NOT NULL"
        " UNION SELECT target_entity FROM events WHERE rowid > ? AND target_entity IS NOT NULL",
        (last, last),
    )
    conn.execute("DELETE FROM web_pairs WHERE entity IN (SELECT id FROM temp.web_entities)")
    conn.execute(
        "INSERT INTO web_pairs(entity, other, events, rated, intensity)"
        " SELECT entity, other, COUNT(*), COUNT(intensity), COALESCE(SUM(intensity), 0) FROM ("
        " SELECT e.source_entity AS entity, e.target_entity AS other, e.intensity"
        " FROM temp.web_entities x JOIN events e ON e.source_entity = x.id"
        " UNION ALL SELECT e.target_entity, e.source_entity, e.intensity"
        " FROM temp.web_entities x JOIN events e ON e.target_entity = x.id)"
        " WHERE other IS NOT NULL AND other != entity GROUP BY entity, other"
    )


def _index_mentions(conn: sqlite3.Connection) -> int:
    """Recount the articles of every entity mentioned after the last refresh."""
    last = _state(conn, "mentions_rowid")
    top = _top(conn, "mentions")
    if top <= last:
        return 0
    conn.execute(
        "INSERT OR REPLACE INTO web_entity_articles(entity, articles)"
        " SELECT x.entity_id, (SELECT COUNT(DISTINCT m.article_id) FROM mentions m"
        " WHERE m.entity_id = x.entity_id)"
        " FROM (SELECT DISTINCT entity_id FROM mentions WHERE rowid > ?) x",
        (last,),
    )
    _set(conn, "mentions_rowid", top)
    return top - last


def stale(conn: sqlite3.Connection) -> bool:
    """Whether articles, events or mentions were stored since the last refresh (a few index
    lookups)."""
    return (
        _top(conn, "articles") > _state(conn, "fts_rowid")
        or _top(conn, "events") > _state(conn, "dyads_rowid")
        or _top(conn, "mentions") > _state(conn, "mentions_rowid")
    )
