"""The declared Parquet schema of every table Rasad writes, and the row builders.

One schema per table, used by ``rasad batch`` (every shard), ``rasad export`` and ``rasad events``,
so DuckDB, pandas or Spark read the same types everywhere: dates are ``date32``, flags are
booleans, entities, events and evidence spans are lists of structs, and no column is of the null
type (an always-empty column still has its declared type). Tables with a publication date carry
a ``month`` column (``YYYY-MM``, ``unknown`` without a date); datasets are partitioned by it.

A date that is only known to the month (``2025-03``), week (``2025-W10``) or year (``2025``) is
stored as its first day with ``*_precision`` set to ``month``, ``week`` or ``year``; the text as
written stays beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..doc import Doc, Event

__all__ = [
    "ARTICLES",
    "ENTITIES",
    "EVENTS",
    "MENTIONS",
    "REJECTS",
    "SCHEMAS",
    "STORY_EVENTS",
    "article_row",
    "entity_rows",
    "event_rows",
    "mention_rows",
    "month_of",
    "parse_date",
    "story_event_rows",
    "to_table",
    "write_partitioned",
]

_S = pa.string()
_I = pa.int32()

ACTOR = pa.struct([("entity", _S), ("countries", pa.list_(_S)), ("sector", _S)])
SPAN = pa.struct([("start", _I), ("end", _I)])
COUNTS = pa.struct([("mentions", _I), ("articles", _I), ("outlets", _I)])
EVENT = pa.struct(
    [
        ("id", _S),
        ("type", _S),
        ("mode", _S),
        ("source", ACTOR),
        ("target", ACTOR),
        ("date", pa.date32()),
        ("date_precision", _S),
        ("date_text", _S),
        ("place", _S),
        ("evidence", pa.list_(SPAN)),
        ("negated", pa.bool_()),
        ("intent", _S),
        ("confidence", pa.float64()),
        ("quad", _S),
        ("intensity", pa.float64()),
        ("reported_by", _S),
        ("counts", COUNTS),
    ]
)
MENTION = pa.struct([("start", _I), ("end", _I), ("text", _S), ("how", _S)])
ENTITY_FIELDS = [
    ("id", _S),
    ("name", _S),
    ("name_ar", _S),
    ("type", _S),
    ("country", _S),
    ("sector", _S),
    ("wikidata", _S),
]
ENTITY = pa.struct([*ENTITY_FIELDS, ("mentions", pa.list_(MENTION))])
FURNITURE = pa.struct([("line", _I), ("text", _S), ("reason", _S)])

ARTICLES = pa.schema(
    [
        ("id", _S),
        ("source", _S),
        ("url", _S),
        ("outlet", _S),
        ("title", _S),
        ("published", pa.date32()),
        ("published_from", _S),
        ("dateline", _S),
        ("byline", _S),
        ("text", _S),
        ("cluster", _S),
        ("duplicate_of", _S),
        ("body_key", _S),
        ("raw_hash", _S),
        ("fetched", pa.date32()),
        ("entities", pa.list_(ENTITY)),
        ("events", pa.list_(EVENT)),
        ("furniture", pa.list_(FURNITURE)),
        ("month", _S),
    ]
)
MENTIONS = pa.schema(
    [
        ("article_id", _S),
        ("entity_id", _S),
        ("start", _I),
        ("end", _I),
        ("text", _S),
        ("how", _S),
        ("published", pa.date32()),
        ("month", _S),
    ]
)
ENTITIES = pa.schema(ENTITY_FIELDS)
_EVENT_FLAT = [
    ("event_type", _S),
    ("mode", _S),
    ("source", ACTOR),
    ("target", ACTOR),
    ("date", pa.date32()),
    ("date_precision", _S),
    ("date_text", _S),
    ("place", _S),
    ("negated", pa.bool_()),
    ("intent", _S),
    ("confidence", pa.float64()),
    ("quad", _S),
    ("intensity", pa.float64()),
    ("reported_by", _S),
    ("num_mentions", _I),
    ("num_articles", _I),
    ("num_sources", _I),
]
EVENTS = pa.schema(
    [
        ("event_id", _S),
        ("article_id", _S),
        ("cluster", _S),
        *_EVENT_FLAT,
        ("evidence", pa.list_(pa.struct([("start", _I), ("end", _I), ("text", _S)]))),
        ("published", pa.date32()),
        ("outlet", _S),
        ("url", _S),
        ("month", _S),
    ]
)
#: One row per story-level event (merged across the articles of a cluster).
STORY_EVENTS = pa.schema([("event_id", _S), ("cluster", _S), *_EVENT_FLAT, ("month", _S)])
REJECTS = pa.schema(
    [
        ("source", _S),
        ("url", _S),
        ("stage", _S),
        ("code", _S),
        ("reason", _S),
        ("raw_hash", _S),
        ("shard", _S),
    ]
)
SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "events": EVENTS,
    "story_events": STORY_EVENTS,
    "rejects": REJECTS,
}

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_date(value: str | None) -> tuple[date | None, str | None]:
    """``(first day, precision)`` of ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY-Www`` or ``YYYY``; else
    ``(None, None)``."""
    if not value:
        return None, None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value[:10]), "day"
        if len(value) == 7 and value[4] == "-":
            return date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), "year"
        m = _WEEK.match(value)
        if m:
            return date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
    except ValueError:
        return None, None
    return None, None


def _day(value: str | None) -> date | None:
    return parse_date(value)[0]


def month_of(published: str | None) -> str:
    day = _day(published)
    return day.strftime("%Y-%m") if day else "unknown"


def _actor(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": data.get("entity"),
        "countries": list(data.get("countries") or []),
        "sector": data.get("sector"),
    }


def event_struct(event: Event) -> dict[str, Any]:
    data = event.to_json()
    day, precision = parse_date(event.date)
    counts = event.counts or {}
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "source": _actor(data["source"]),
        "target": _actor(data["target"]),
        "date": day,
        "date_precision": precision,
        "date_text": event.date_text if event.date_text else event.date if not day else None,
        "place": event.place,
        "evidence": [{"start": s, "end": e} for s, e in event.evidence],
        "negated": bool(event.negated),
        "intent": event.intent,
        "confidence": float(event.confidence),
        "quad": event.quad,
        "intensity": None if event.intensity is None else float(event.intensity),
        "reported_by": event.reported_by,
        "counts": {k: int(counts.get(k, 0)) for k in ("mentions", "articles", "outlets")}
        if counts
        else None,
    }


def article_row(doc: Doc, *, raw_hash: str | None = None, text: bool = True) -> dict[str, Any]:
    """One ``articles`` row (``text=False`` leaves the body out, as for a stored duplicate)."""
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": _day(doc.published),
        "published_from": doc.published_from,
        "dateline": doc.dateline,
        "byline": doc.byline,
        "text": doc.text if text else None,
        "cluster": doc.cluster or doc.id,
        "duplicate_of": doc.duplicate_of,
        "body_key": doc.meta.get("body_key"),
        "raw_hash": raw_hash,
        "fetched": _day(doc.fetched),
        "entities": [
            {k: item.get(k) for k, _ in ENTITY_FIELDS} | {"mentions": item.get("mentions") or []}
            for item in doc.entities_json()
        ],
        "events": [event_struct(e) for e in doc.events],
        "furniture": [
            {"line": f.get("line"), "text": f.get("text"), "reason": f.get("reason")}
            for f in doc.furniture
        ],
        "month": month_of(doc.published),
    }


def mention_rows(doc: Doc) -> list[dict[str, Any]]:
    published, month = _day(doc.published), month_of(doc.published)
    return [
        {
            "article_id": doc.id,
            "entity_id": m.entity_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "how": m.how,
            "published": published,
            "month": month,
        }
        for m in doc.mentions
    ]


def entity_rows(docs: Iterable[Doc]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for doc in docs:
        for ent in doc.entities.values():
            seen.setdefault(ent.id, ent.to_json())
    return [seen[k] for k in sorted(seen)]


def _flat(event: Event, struct: dict[str, Any]) -> dict[str, Any]:
    counts = event.counts or {}
    out = {k: struct[k] for k, _ in _EVENT_FLAT if k in struct}
    out["event_type"] = event.type
    out["num_mentions"] = int(counts.get("mentions", max(1, len(event.evidence))))
    out["num_articles"] = int(counts.get("articles", 1))
    out["num_sources"] = int(counts.get("outlets", 1))
    return out


def event_rows(doc: Doc) -> list[dict[str, Any]]:
    """One ``events`` row per event of an article, with the evidence text."""
    published, month = _day(doc.published), month_of(doc.published)
    rows = []
    for event in doc.events:
        row: dict[str, Any] = {
            "event_id": event.id,
            "article_id": doc.id,
            "cluster": doc.cluster or doc.id,
        }
        row |= _flat(event, event_struct(event))
        row["evidence"] = [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in event.evidence]
        row |= {"published": published, "outlet": doc.outlet, "url": doc.url, "month": month}
        rows.append(row)
    return rows


def story_event_rows(cluster: str, events: Iterable[Event]) -> list[dict[str, Any]]:
    rows = []
    for event in events:
        struct = event_struct(event)
        row = {"event_id": event.id, "cluster": cluster} | _flat(event, struct)
        day = struct["date"]
        row["month"] = day.strftime("%Y-%m") if day else "unknown"
        rows.append(row)
    return rows


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as a table of the declared schema (missing keys are nulls of the declared type)."""
    schema = SCHEMAS[name]
    return pa.Table.from_pylist([{f: r.get(f) for f in schema.names} for r in rows], schema=schema)


def write_partitioned(table: pa.Table, root: str | Path, basename: str) -> list[str]:
    """Write ``table`` under ``root/month=YYYY-MM/basename.parquet`` (one file per month; a table
    without ``month`` goes to ``root/basename.parquet``). Returns the files written; each file
    is written under a temporary name and renamed, so a reader never sees half a file."""
    import os

    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    root = Path(root)
    written: list[str] = []
    if "month" not in table.schema.names:
        parts = [(root, table)]
    else:
        months = sorted(set(table.column("month").to_pylist()))
        parts = [
            (root / f"month={m}", table.filter(pc.equal(table.column("month"), m))) for m in months
        ]
    for folder, part in parts:
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{basename}.parquet"
        tmp = folder / f".{basename}.parquet.tmp"
        pq.write_table(part, tmp)
        os.replace(tmp, final)
        written.append(str(final))
    return written


def empty(name: str) -> pa.Table:
    return SCHEMAS[name].empty_table()
