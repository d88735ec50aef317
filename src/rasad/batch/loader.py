"""``rasad load DIR``: the Parquet tables of a batch run into the SQLite store.

Articles are rebuilt as ``Doc``s from the ``articles`` table (text, entities with their
mentions, events with evidence and counts) and written with the store's own writer, so search,
the dashboard and ``rasad events`` see them as if ingested; rejects go to ``rejects``. Loading
twice adds nothing (the store skips what it already holds).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from ..doc import Actor, Doc, DocEntity, Event, Mention
from ..errors import Reject
from ..storage.sqlite import SqliteStore


def _date_text(day: date | None, precision: str | None) -> str | None:
    if day is None:
        return None
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def _event(data: dict[str, Any]) -> Event:
    counts = data.get("counts") or {}
    day = _date_text(data.get("date"), data.get("date_precision"))
    return Event(
        id=data["id"],
        type=data["type"],
        mode=data.get("mode"),
        source=Actor.from_json(data.get("source")),
        target=Actor.from_json(data.get("target")),
        date=day,
        date_text=data.get("date_text"),
        place=data.get("place"),
        evidence=[(e["start"], e["end"]) for e in data.get("evidence") or []],
        negated=bool(data.get("negated")),
        intent=data.get("intent"),
        confidence=float(data.get("confidence") or 0.0),
        quad=data.get("quad"),
        intensity=data.get("intensity"),
        reported_by=data.get("reported_by"),
        counts={k: int(v) for k, v in counts.items() if v},
    )


def doc_from_row(row: dict[str, Any]) -> Doc:
    """An ``articles`` row back as a ``Doc`` (the inverse of ``tables.article_row``)."""
    published = row.get("published")
    doc = Doc(
        source=row["source"],
        url=row.get("url"),
        outlet=row.get("outlet"),
        title=row.get("title"),
        published=published.isoformat() if published else None,
        published_from=row.get("published_from"),
        dateline=row.get("dateline"),
        byline=row.get("byline"),
        fetched=row["fetched"].isoformat() if row.get("fetched") else None,
        cluster=row.get("cluster"),
        duplicate_of=row.get("duplicate_of"),
        furniture=[dict(f) for f in row.get("furniture") or []],
    )
    doc.set_text(row.get("text") or "")
    for item in row.get("entities") or []:
        ent = DocEntity.from_json(item)
        doc.entities[ent.id] = ent
        for m in item.get("mentions") or []:
            doc.mentions.append(Mention(m["start"], m["end"], m["text"], ent.id, m["how"]))
    doc.events = [_event(e) for e in row.get("events") or []]
    doc.meta["body_key"] = row.get("body_key")
    doc.raw_hash = row.get("raw_hash")
    return doc


def _files(folder: Path, table: str) -> list[Path]:
    root = folder / table
    return (
        sorted(root.glob("**/*.parquet"), key=lambda p: (p.name, str(p))) if root.exists() else []
    )


def load_folder(folder: Path, *, db: str | Path, batch_size: int = 500) -> dict[str, int]:
    import pyarrow.parquet as pq

    counts: Counter[str] = Counter()
    with SqliteStore(db) as store:
        pending: list[Doc] = []
        for path in _files(folder, "articles"):
            for row in pq.read_table(path).to_pylist():
                pending.append(doc_from_row(row))
                if len(pending) >= batch_size:
                    counts.update(store.write_batch(pending))
                    pending = []
        for path in _files(folder, "rejects"):
            for row in pq.read_table(path).to_pylist():
                doc = Doc(source=row["source"], url=row.get("url"))
                doc.reject = Reject.from_dict(row)
                doc.raw_hash = row.get("raw_hash") or f"batch:{row['source']}"
                pending.append(doc)
        if pending:
            counts.update(store.write_batch(pending))
        out = dict(counts)
        out.update({f"db_{k}": v for k, v in store.stats().items()})
    return out
