"""Read-only, parameterised SQL over the store's schema for the web pages.

Every function takes an open connection (rows as ``sqlite3.Row``) and returns plain dicts and
lists, so one result feeds the HTML page, its JSON twin and the CSV downloads.
"""

from __future__ import annotations

import sqlite3
from typing import Any

#: The date of an event: its own (a month or year is read as its first day), else the date
#: its article was published.
EVENT_DAY = (
    "COALESCE(CASE length(e.date) WHEN 10 THEN e.date WHEN 7 THEN e.date || '-01'"
    " WHEN 4 THEN e.date || '-01-01' END, substr(a.published, 1, 10))"
)
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")

EVENT_COLUMNS = (
    f"e.id, e.type, e.mode, e.quad, e.intensity, e.negated, {EVENT_DAY} AS day,"
    " e.source_entity, e.source_countries, e.target_entity, e.target_countries,"
    " e.article_id, e.cluster, a.title, a.outlet, a.published,"
    " (SELECT COALESCE(x.name_ar, x.name) FROM entities x WHERE x.id = e.source_entity)"
    " AS source_name,"
    " (SELECT COALESCE(x.name_ar, x.name) FROM entities x WHERE x.id = e.target_entity)"
    " AS target_name"
)


def rows(
    conn: sqlite3.Connection, sql: str, args: list[Any] | tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, args)]


def _has(column: str) -> str:
    return f"instr(';' || {column} || ';', ';' || ? || ';') > 0"


def dyad_where(a: str, b: str) -> tuple[str, list[str]]:
    """Events between two countries, in either direction."""
    sql = (
        f"(({_has('e.source_countries')} AND {_has('e.target_countries')}) OR"
        f" ({_has('e.source_countries')} AND {_has('e.target_countries')}))"
    )
    return sql, [a, b, b, a]


def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    counts = {
        name: int(conn.execute(sql).fetchone()[0])
        for name, sql in (
            ("sources", "SELECT COUNT(*) FROM sources"),
            ("articles", "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL"),
            ("duplicates", "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            ("stories", "SELECT COUNT(*) FROM clusters"),
            ("outlets", "SELECT COUNT(DISTINCT outlet) FROM articles"),
            ("entities", "SELECT COUNT(*) FROM entities"),
            ("events", "SELECT COUNT(*) FROM events"),
            ("rejects", "SELECT COUNT(*) FROM rejects"),
        )
    }
    latest = rows(
        conn,
        f"SELECT {EVENT_COLUMNS} FROM (SELECT id FROM articles ORDER BY published DESC"
        " LIMIT 40) x JOIN events e ON e.article_id = x.id JOIN articles a ON a.id = x.id"
        " ORDER BY day DESC, e.rowid DESC LIMIT 15",
    )
    dyads = rows(
        conn,
        "SELECT a, b, SUM(events) AS events,"
        " ROUND(SUM(intensity) / NULLIF(SUM(rated), 0), 2) AS mean_intensity"
        " FROM web_dyad_days GROUP BY a, b ORDER BY events DESC, a, b LIMIT 12",
    )
    rejects = rows(
        conn,
        "SELECT code, stage, COUNT(*) AS pages, MIN(reason) AS example FROM rejects"
        " GROUP BY code, stage ORDER BY pages DESC, code",
    )
    reject_pages = rows(
        conn, "SELECT code, source, reason, at FROM rejects ORDER BY id DESC LIMIT 50"
    )
    return {
        "counts": counts,
        "latest_events": latest,
        "dyads": dyads,
        "rejects_by_reason": rejects,
        "rejected_pages": reject_pages,
    }


def dyad(
    conn: sqlite3.Connection,
    a: str,
    b: str,
    *,
    since: str | None = None,
    until: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> dict[str, Any]:
    """Weekly counts by quad class, weekly mean intensity and one page of events (from the
    ``web_dyad_days`` and ``web_dyads`` tables of :mod:`rasad.web.indexes`)."""
    where = " WHERE d.a = ? AND d.b = ?"
    args: list[Any] = [min(a, b), max(a, b)]
    if since:
        where += " AND d.day >= ?"
        args.append(since)
    if until:
        where += " AND d.day <= ? AND d.day != ''"
        args.append(until + "\uffff")
    weeks = rows(
        conn,
        "SELECT d.week AS week, d.quad AS quad,"
        " SUM(d.events) AS events, SUM(d.intensity) / NULLIF(SUM(d.rated), 0) AS mean_intensity"
        f" FROM web_dyad_days d{where} GROUP BY week, quad HAVING week IS NOT NULL ORDER BY week",
        args,
    )
    total = int(
        conn.execute(
            f"SELECT COALESCE(SUM(d.events), 0) FROM web_dyad_days d{where}", args
        ).fetchone()[0]
    )
    events = rows(
        conn,
        f"SELECT {EVENT_COLUMNS} FROM web_dyads d JOIN events e ON e.id = d.event_id"
        f" JOIN articles a ON a.id = e.article_id{where}"
        " ORDER BY d.day DESC, d.event_id DESC LIMIT ? OFFSET ?",
        [*args, per_page, (page - 1) * per_page],
    )
    add_evidence(conn, events)
    return {
        "dyad": [a, b],
        "since": since,
        "until": until,
        "total": total,
        "page": page,
        "per_page": per_page,
        "weeks": weekly(weeks),
        "events": events,
    }


def weekly(cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per week: a count per quad class and the mean intensity of the week."""
    out: dict[str, dict[str, Any]] = {}
    for c in cells:
        week = out.setdefault(
            c["week"], {"week": c["week"], **dict.fromkeys(QUADS, 0), "events": 0, "_sum": 0.0}
        )
        if c["quad"] in QUADS:
            week[c["quad"]] += c["events"]
        week["events"] += c["events"]
        week["_sum"] += (c["mean_intensity"] or 0.0) * c["events"]
    result = []
    for week in out.values():
        week["mean_intensity"] = round(week.pop("_sum") / week["events"], 2)
        result.append(week)
    return result


def add_evidence(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> None:
    """Give each event its first evidence sentence (text of the stored article body)."""
    for ev in events:
        row = conn.execute(
            'SELECT v.start, v."end", COALESCE(a.text, o.text) FROM event_evidence v'
            " JOIN articles a ON a.id = v.article_id LEFT JOIN articles o ON o.id = a.duplicate_of"
            " WHERE v.event_id = ? ORDER BY v.start LIMIT 1",
            (ev["id"],),
        ).fetchone()
        ev["evidence"] = row[2][row[0] : row[1]] if row and row[2] else None


def entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    found = conn.execute(
        "SELECT id, name, name_ar, type, country, sector, wikidata FROM entities"
        " WHERE id = ? OR name = ? OR name_ar = ? LIMIT 1",
        (entity_id, entity_id, entity_id),
    ).fetchone()
    return dict(found) if found else None


def actor(conn: sqlite3.Connection, ent: dict[str, Any], limit: int = 50) -> dict[str, Any]:
    """Spellings, events as source and as target, and the most frequent counterparts."""
    eid = ent["id"]
    spellings = rows(
        conn,
        "SELECT surface, count FROM spellings WHERE entity_id = ? ORDER BY count DESC, surface",
        (eid,),
    )
    base = f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
    as_source = rows(
        conn, base + " WHERE e.source_entity = ? ORDER BY e.rowid DESC LIMIT ?", (eid, limit)
    )
    as_target = rows(
        conn, base + " WHERE e.target_entity = ? ORDER BY e.rowid DESC LIMIT ?", (eid, limit)
    )
    add_evidence(conn, as_source)
    add_evidence(conn, as_target)
    counterparts = rows(
        conn,
        "SELECT p.other AS id, x.name, x.name_ar, x.type, p.events,"
        " ROUND(p.intensity / NULLIF(p.rated, 0), 2) AS mean_intensity FROM web_pairs p"
        " LEFT JOIN entities x ON x.id = p.other WHERE p.entity = ?"
        " ORDER BY p.events DESC, p.other LIMIT 12",
        (eid,),
    )
    found = conn.execute(
        "SELECT articles FROM web_entity_articles WHERE entity = ?", (eid,)
    ).fetchone()
    articles = int(found[0]) if found else 0
    return {
        "entity": ent,
        "articles": articles,
        "spellings": spellings,
        "events_as_source": as_source,
        "events_as_target": as_target,
        "counterparts": counterparts,
    }


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, a.published_from,"
        " a.dateline, a.byline, COALESCE(a.text, o.text) AS text, a.cluster, a.duplicate_of,"
        " a.ingested_at FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of"
        " WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    art = dict(row)
    aid = art["duplicate_of"] or art["id"]
    mentions = rows(
        conn,
        'SELECT m.start, m."end", m.text, m.how, m.entity_id, e.name, e.name_ar, e.type'
        " FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?"
        " ORDER BY m.start",
        (aid,),
    )
    evidence = rows(
        conn,
        'SELECT v.start, v."end", e.id AS event_id, e.type, e.quad FROM event_evidence v'
        " JOIN events e ON e.id = v.event_id WHERE v.article_id = ? ORDER BY v.start",
        (aid,),
    )
    events = rows(
        conn,
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.article_id = ? ORDER BY e.rowid",
        (aid,),
    )
    furniture = rows(
        conn,
        "SELECT line, text, reason FROM furniture WHERE article_id = ? ORDER BY line",
        (art["id"],),
    )
    others = rows(
        conn,
        "SELECT id, outlet, title, published FROM articles WHERE cluster = ? AND id != ?"
        " ORDER BY published, rowid",
        (art["cluster"], art["id"]),
    )
    return {
        "article": art,
        "mentions": mentions,
        "evidence": evidence,
        "events": events,
        "furniture": furniture,
        "same_story": others,
    }


def story(conn: sqlite3.Connection, cluster: str) -> dict[str, Any] | None:
    head = conn.execute("SELECT * FROM clusters WHERE id = ?", (cluster,)).fetchone()
    if head is None:
        return None
    articles = rows(
        conn,
        "SELECT id, outlet, title, published, url, duplicate_of FROM articles WHERE cluster = ?"
        " ORDER BY published, rowid",
        (cluster,),
    )
    merged = rows(
        conn,
        "SELECT e.type, e.quad, e.source_entity, e.source_countries, e.target_entity,"
        f" e.target_countries, MIN({EVENT_DAY}) AS day, COUNT(DISTINCT v.rowid) AS mentions,"
        " COUNT(DISTINCT e.article_id) AS articles,"
        " COUNT(DISTINCT COALESCE(a.outlet, a.url, a.source)) AS outlets, MIN(e.id) AS id,"
        " (SELECT COALESCE(x.name_ar, x.name) FROM entities x WHERE x.id = e.source_entity)"
        " AS source_name,"
        " (SELECT COALESCE(x.name_ar, x.name) FROM entities x WHERE x.id = e.target_entity)"
        " AS target_name"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN event_evidence v ON v.event_id = e.id WHERE a.cluster = ?"
        " GROUP BY e.type, e.source_entity, e.target_entity, e.source_countries,"
        " e.target_countries ORDER BY mentions DESC, day",
        (cluster,),
    )
    add_evidence(conn, merged)
    return {"story": dict(head), "articles": articles, "events": merged}


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
    ]


def event_types(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT type FROM events ORDER BY type")]
