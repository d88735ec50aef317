"""Read-only queries for the CLI and the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .sqlite import SqliteStore


def entity_table(
    db: str | Path, *, type_: str | None = None, country: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    sql = (
        "SELECT e.id, e.name, e.name_ar, e.type, e.country, e.sector, e.wikidata,"
        " COUNT(m.entity_id) AS mentions, COUNT(DISTINCT m.article_id) AS articles"
        " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id WHERE 1=1"
    )
    args: list[Any] = []
    if type_:
        sql += " AND e.type = ?"
        args.append(type_)
    if country:
        sql += " AND e.country = ?"
        args.append(country.upper())
    sql += " GROUP BY e.id ORDER BY mentions DESC, e.name LIMIT ?"
    args.append(limit)
    with SqliteStore(db, create=False) as store:
        rows = [dict(r) for r in store.conn.execute(sql, args)]
        for row in rows:
            row["spellings"] = [
                (r[0], r[1])
                for r in store.conn.execute(
                    "SELECT surface, count FROM spellings WHERE entity_id = ? ORDER BY count DESC,"
                    " surface",
                    (row["id"],),
                )
            ]
    return rows
