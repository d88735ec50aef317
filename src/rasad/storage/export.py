"""Exports: articles as JSON Lines or Parquet; events with POLECAT-style columns (or POLECAT's
own, ``columns="polecat"``) as CSV, JSON Lines or Parquet.

Parquet uses the declared schemas of ``storage.tables`` (the same as ``rasad batch``): an
``--out`` ending in ``.parquet`` is one file, any other path a folder partitioned by month."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from ..doc import EXTRACT_KEYS
from ..errors import Errors, StorageError
from . import polecat, tables
from .sqlite import SqliteStore

ARTICLE_COLUMNS = [
    "id",
    *(k for k in EXTRACT_KEYS if k not in ("entities", "events")),
    "duplicate_of",
]
#: Event columns, named as in POLECAT where it has a counterpart.
EVENT_COLUMNS = [
    "event_id",
    "story_date",
    "event_type",
    "mode",
    "contexts",
    "event_text",
    "source_actor",
    "source_country",
    "source_sector",
    "target_actor",
    "target_country",
    "target_sector",
    "date",
    "date_text",
    "place",
    "negated",
    "intent",
    "confidence",
    "quad",
    "intensity",
    "reported_by",
    "article_id",
    "cluster",
    "outlet",
    "url",
    "num_mentions",
    "num_articles",
    "num_sources",
]


def _out(out: str | Path | None, binary: bool = False) -> Any:
    if out is None or str(out) == "-":
        return sys.stdout.buffer if binary else sys.stdout
    return open(out, "wb" if binary else "w", encoding=None if binary else "utf-8")


def article_rows(store: SqliteStore) -> Iterator[dict[str, Any]]:
    for doc in store.iter_docs():
        data = doc.to_json()
        yield data


def export_articles(store: SqliteStore, *, fmt: str, out: str | Path | None) -> int:
    if fmt == "jsonl":
        fh: TextIO = _out(out)
        n = 0
        try:
            for row in article_rows(store):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        finally:
            if fh is not sys.stdout:
                fh.close()
        return n
    if fmt == "parquet":
        hashes = dict(
            store.conn.execute(
                "SELECT article_id, raw_hash FROM sources WHERE article_id IS NOT NULL"
                " ORDER BY id DESC"
            ).fetchall()
        )
        rows = [tables.article_row(doc, raw_hash=hashes.get(doc.id)) for doc in store.iter_docs()]
        _write_table(tables.to_table("articles", rows), out)
        return len(rows)
    if fmt == "csv":
        return _articles_csv(store, out)
    raise StorageError(Errors.E304, fmt=fmt, known="jsonl, csv, parquet")


def _articles_csv(store: SqliteStore, out: str | Path | None) -> int:
    """One row per article: the article columns, entity ids and event types (``;``-joined)."""
    import csv

    fh: TextIO = _out(out)
    n = 0
    try:
        writer = csv.writer(fh)
        writer.writerow([*ARTICLE_COLUMNS, "entities", "events"])
        for r in article_rows(store):
            ents = ";".join(str(e.get("id")) for e in r["entities"])
            evs = ";".join(str(e.get("type")) for e in r["events"])
            writer.writerow([r.get(k) for k in ARTICLE_COLUMNS] + [ents, evs])
            n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    return n


def event_rows(
    store: SqliteStore,
    *,
    dyad: str | None = None,
    type_: str | None = None,
    since: str | None = None,
    merged: bool = False,
) -> list[dict[str, Any]]:
    """Event rows, one per article event; with ``merged`` one per story event (the first report
    of each type, unordered dyad and date within a cluster, carrying the story's counts)."""
    sql = (
        "SELECT e.*, a.published, a.outlet, a.url, a.text FROM events e JOIN articles a ON"
        " a.id = e.article_id WHERE 1=1"
    )
    args: list[Any] = []
    if type_:
        sql += " AND e.type = ?"
        args.append(type_.upper())
    if since:
        sql += " AND COALESCE(e.date, a.published) >= ?"
        args.append(since)
    rows = []
    for r in store.conn.execute(sql + " ORDER BY COALESCE(e.date, a.published), e.id", args):
        src = [c for c in (r["source_countries"] or "").split(";") if c]
        tgt = [c for c in (r["target_countries"] or "").split(";") if c]
        if dyad and not _dyad_match(dyad, src, tgt):
            continue
        data = json.loads(r["json"])
        evidence = data.get("evidence") or []
        text = r["text"] or ""
        snippet = " … ".join(text[e["start"] : e["end"]] for e in evidence[:3])
        counts = data.get("counts") or {}
        rows.append(
            {
                "event_id": r["id"],
                "story_date": r["published"],
                "event_type": r["type"],
                "mode": r["mode"],
                "contexts": None,
                "event_text": snippet,
                "source_actor": r["source_entity"],
                "source_country": ";".join(src),
                "source_sector": r["source_sector"],
                "target_actor": r["target_entity"],
                "target_country": ";".join(tgt),
                "target_sector": r["target_sector"],
                "date": r["date"],
                "date_text": r["date_text"],
                "place": r["place"],
                "negated": bool(r["negated"]),
                "intent": r["intent"],
                "confidence": r["confidence"],
                "quad": r["quad"],
                "intensity": r["intensity"],
                "reported_by": r["reported_by"],
                "article_id": r["article_id"],
                "cluster": r["cluster"],
                "outlet": r["outlet"],
                "url": r["url"],
                "num_mentions": counts.get("mentions", len(evidence)),
                "num_articles": counts.get("articles", 1),
                "num_sources": counts.get("outlets", 1),
            }
        )
    if merged:
        seen: set[tuple[Any, ...]] = set()
        unique = []
        for row in rows:
            key = (
                row["cluster"],
                row["event_type"],
                row["negated"],
                row["date"],
                frozenset({row["source_country"], row["target_country"]}),
            )
            if key not in seen:
                seen.add(key)
                unique.append(row)
        rows = unique
    return rows


def _dyad_match(dyad: str, src: list[str], tgt: list[str]) -> bool:
    a, _, b = dyad.upper().partition("-")
    return (a in src and (not b or b in tgt)) or (a in tgt and (not b or b in src))


def export_events(
    store: SqliteStore,
    *,
    fmt: str,
    out: str | Path | None,
    dyad: str | None = None,
    type_: str | None = None,
    since: str | None = None,
    merged: bool = False,
    columns: str = "rasad",
) -> int:
    """Write events; ``columns="polecat"`` gives POLECAT's column names and order."""
    rows = event_rows(store, dyad=dyad, type_=type_, since=since, merged=merged)
    names = EVENT_COLUMNS
    if columns == "polecat":
        rows = polecat_rows(store, rows)
        names = polecat.COLUMNS
    elif columns != "rasad":
        raise StorageError(Errors.E304, fmt=f"columns {columns}", known="rasad, polecat")
    if fmt == "jsonl":
        fh = _out(out)
        try:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        finally:
            if fh is not sys.stdout:
                fh.close()
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)
        fh = _out(out)
        try:
            fh.write(buf.getvalue())
        finally:
            if fh is not sys.stdout:
                fh.close()
    elif fmt == "parquet":
        if columns == "polecat":
            table = pa.Table.from_pylist(
                [{c: _typed(c, r[c]) for c in polecat.COLUMNS} for r in rows], schema=polecat.SCHEMA
            )
        else:
            table = pa.Table.from_pylist([_event_export(r) for r in rows], schema=EVENT_EXPORT)
        _write_table(table, out)
    else:
        raise StorageError(Errors.E304, fmt=fmt, known="csv, jsonl, parquet")
    return len(rows)


#: ``rasad events --format parquet``: EVENT_COLUMNS with declared types (dates as date32 with
#: the precision of the event date beside it, contexts a list) and the month of publication.
EVENT_EXPORT = pa.schema(
    [
        (
            c,
            pa.date32()
            if c in ("story_date", "date")
            else pa.list_(pa.string())
            if c == "contexts"
            else pa.bool_()
            if c == "negated"
            else pa.float64()
            if c in ("confidence", "intensity")
            else pa.int32()
            if c.startswith("num_")
            else pa.string(),
        )
        for c in EVENT_COLUMNS
    ]
    + [("date_precision", pa.string()), ("month", pa.string())]
)


def _event_export(row: dict[str, Any]) -> dict[str, Any]:
    day, precision = tables.parse_date(row.get("date"))
    return row | {
        "story_date": tables.parse_date(row.get("story_date"))[0],
        "date": day,
        "date_precision": precision,
        "contexts": [],
        "month": tables.month_of(row.get("story_date")),
    }


def _typed(column: str, value: Any) -> Any:
    if column in polecat.SCHEMA.names and polecat.SCHEMA.field(column).type == pa.date32():
        return tables.parse_date(value)[0]
    return value


def polecat_rows(store: SqliteStore, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows in POLECAT's columns, with each article's people, organisations and places."""
    story: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    for article_id, ent_id, name, type_ in store.conn.execute(
        "SELECT DISTINCT m.article_id, e.id, e.name, e.type FROM mentions m"
        " JOIN entities e ON e.id = m.entity_id ORDER BY m.article_id, m.start"
    ):
        names[ent_id] = name
        bucket = story.setdefault(article_id, {}).setdefault(type_, [])
        if name not in bucket:
            bucket.append(name)
    for ent_id, name in store.conn.execute("SELECT id, name FROM entities"):
        names.setdefault(ent_id, name)
    return [polecat.polecat_row(r, story.get(r["article_id"], {}), names) for r in rows]


def _write_table(table: pa.Table, out: str | Path | None) -> None:
    """One Parquet file (``out`` ending in ``.parquet``) or a folder partitioned by month."""
    import pyarrow.parquet as pq

    if out is None or str(out) == "-":
        raise StorageError(
            Errors.E304, fmt="parquet to standard output", known="parquet with --out FILE"
        )
    if str(out).endswith(".parquet") or "month" not in table.schema.names:
        pq.write_table(table, str(out))
    else:
        tables.write_partitioned(table, out, "part-0")
