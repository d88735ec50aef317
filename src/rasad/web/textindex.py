"""The web search index ``web_fts``: article words and filter facets, in date order.

``articles_fts`` (the store's own index) is keyed by article rowid, so a search that lists the
newest articles first had to read and sort every match, and the filters were joins over
mentions and events. ``web_fts`` is a second contentless FTS5 table built for the pages:

- its rowid is a *date key*, ``day << 32 | article rowid`` (``day`` is the proleptic ordinal of
  the publication date, 0 when unknown), so ``ORDER BY rowid DESC LIMIT n`` streams the newest
  matches and stops, and a date range is a rowid range FTS5 seeks to;
- column ``terms`` holds the same words as ``articles_fts`` (:func:`search_terms`);
- column ``facets`` holds one token per filter value of the article: ``all``, its outlet, the
  types of its events, the entities it mentions and their countries. A token is a letter for
  the kind and a hash of the value, so a filter is one more FTS5 term and no value (an outlet
  name, an entity id) is ever parsed as FTS5 syntax.

User words are only ever matched in column ``terms`` and facet tokens only in ``facets``.
Duplicates (``duplicate_of`` set) are not indexed, as in ``articles_fts``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from calendar import monthrange
from datetime import date

from ..storage.sqlite import search_terms

DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS web_fts USING"
    " fts5(terms, facets, content='', columnsize=0, tokenize='unicode61')"
)
SHIFT = 32
ROWID_MASK = (1 << SHIFT) - 1
CHUNK = 2000
ALL = "all"


def facet(kind: str, value: str) -> str:
    """The token of one filter value: ``o`` outlet, ``t`` event type, ``a`` actor (entity id),
    ``c`` country (ISO3)."""
    return kind + hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


def day_number(value: str | None) -> int:
    """The ordinal of a ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``) prefix; 0 when unreadable."""
    text = (value or "")[:10]
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    try:
        return date.fromisoformat(text).toordinal()
    except ValueError:
        return 0


def period_end(value: str) -> int:
    """The ordinal of the last day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` period (the
    value is checked by the caller)."""
    if len(value) == 4:
        return date(int(value), 12, 31).toordinal()
    if len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        return date(y, m, monthrange(y, m)[1]).toordinal()
    return date.fromisoformat(value).toordinal()


def key_range(since: str | None, until: str | None) -> tuple[int, int]:
    """The rowid bounds (inclusive) of a publication date range. Articles without a readable
    date are only listed when no bound is given."""
    low, high = 0, (1 << 62)
    if since or until:
        low = max(day_number(since), 1) << SHIFT
    if until:
        high = ((period_end(until) + 1) << SHIFT) - 1
    return low, high


def article_key(published: str | None, rowid: int) -> int:
    return (day_number(published) << SHIFT) | rowid


def index_articles(conn: sqlite3.Connection, after: int, limit: int = CHUNK) -> int:
    """Index up to ``limit`` articles with rowid > ``after`` (inside the caller's transaction);
    returns the highest article rowid looked at (``after`` when there were none)."""
    arts = conn.execute(
        "SELECT rowid, id, title, text, published, outlet, duplicate_of FROM articles"
        " WHERE rowid > ? ORDER BY rowid LIMIT ?",
        (after, limit),
    ).fetchall()
    if not arts:
        return after
    live = [r for r in arts if r[6] is None and r[3] is not None]
    facets: dict[str, set[str]] = {r[1]: {ALL} for r in live}
    for r in live:
        if r[5]:
            facets[r[1]].add(facet("o", r[5]))
    ids = list(facets)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ",".join("?" * len(part))
        for aid, typ in conn.execute(
            f"SELECT DISTINCT article_id, type FROM events WHERE article_id IN ({marks})", part
        ):
            facets[aid].add(facet("t", typ))
        for aid, eid, country in conn.execute(
            "SELECT DISTINCT m.article_id, m.entity_id, e.country FROM mentions m"
            f" LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({marks})",
            part,
        ):
            facets[aid].add(facet("a", eid))
            if country:
                facets[aid].add(facet("c", country))
    conn.executemany(
        "INSERT INTO web_fts(rowid, terms, facets) VALUES (?, ?, ?)",
        [
            (
                article_key(r[4], r[0]),
                search_terms((r[2] or "") + "\n" + r[3]),
                " ".join(sorted(facets[r[1]])),
            )
            for r in live
        ],
    )
    return int(arts[-1][0])
