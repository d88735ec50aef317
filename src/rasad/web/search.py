"""Full-text search for the web application: a safe FTS5 query from any user syntax, filters,
pagination and highlighted snippets.

The user's query is never passed to FTS5 as written. It is folded and cut into words with the
same functions that built the index (``rasad.arabic``); every word becomes a quoted FTS5 string,
so quotes, parentheses, ``NEAR``, ``*`` or column filters in the input are plain text. Two
operators are understood: ``-word`` excludes a word and ``word*`` matches a prefix.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..arabic import clitic_stems, fold, normalize, words

SNIPPET_CHARS = 220


@dataclass(frozen=True)
class Query:
    """A parsed user query: words every hit has, words it lacks, and prefixes."""

    must: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.must or self.prefixes)

    def match(self) -> str:
        """The FTS5 MATCH expression (only quoted strings and AND/NOT)."""
        parts = [_quote(t) for t in self.must] + [_quote(t) + "*" for t in self.prefixes]
        expr = " AND ".join(parts)
        for t in self.exclude:
            expr += " NOT " + _quote(t)
        return expr

    def hits(self, norm_word: str) -> bool:
        """Whether one folded word of a text is a hit (with or without its clitics)."""
        stems = clitic_stems(norm_word, 3) if len(norm_word) > 3 else (norm_word,)
        if any(s in self.must for s in stems):
            return True
        return any(s.startswith(p) for s in stems for p in self.prefixes)


def _quote(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def parse_query(text: str) -> Query:
    """Parse any user input into a :class:`Query` (never raises)."""
    must: list[str] = []
    prefixes: list[str] = []
    exclude: list[str] = []
    for raw in text.split():
        negative = raw.startswith("-")
        prefix = raw.endswith("*")
        norm = fold(raw)
        for s, e in words(norm):
            term = norm[s:e]
            if negative:
                exclude.append(term)
            elif prefix and e == len(norm.rstrip("*")):
                prefixes.append(term)
            else:
                must.append(term)
    return Query(tuple(dict.fromkeys(must)), tuple(dict.fromkeys(prefixes)), tuple(exclude))


@dataclass(frozen=True)
class Filters:
    """Search filters besides the text (all optional)."""

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None


def article_filters(f: Filters) -> tuple[list[str], list[Any]]:
    """WHERE clauses (over ``articles a``) and their parameters."""
    where: list[str] = ["a.duplicate_of IS NULL"]
    args: list[Any] = []
    if f.actor:
        where.append(
            "a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " WHERE e.id = ? OR e.name = ? OR e.name_ar = ?)"
        )
        args += [f.actor, f.actor, f.actor]
    if f.country:
        where.append(
            "a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " WHERE e.country = ?)"
        )
        args.append(f.country.upper())
    if f.type:
        where.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        args.append(f.type.upper())
    if f.since:
        where.append("a.published >= ?")
        args.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        args.append(f.until + "\uffff")
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    return where, args


def search(
    conn: sqlite3.Connection, text: str, filters: Filters, *, page: int = 1, per_page: int = 20
) -> dict[str, Any]:
    """One page of hits with snippets, the total and the parsed query."""
    query = parse_query(text)
    where, args = article_filters(filters)
    if not query.empty:
        where.remove("a.duplicate_of IS NULL")  # duplicates are not in the full-text index
        where.insert(0, "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.insert(0, query.match())
    elif text.strip() and not any(vars(filters).values()):
        return {"query": text, "total": 0, "page": page, "per_page": per_page, "hits": []}
    sql_where = " WHERE " + " AND ".join(where)
    if not query.empty and not any(vars(filters).values()):
        # duplicates are not indexed: the index alone gives the total
        total = int(
            conn.execute(
                "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (query.match(),)
            ).fetchone()[0]
        )
    else:
        total = int(conn.execute(f"SELECT COUNT(*) FROM articles a{sql_where}", args).fetchone()[0])
    rows = conn.execute(
        f"SELECT a.id, a.title, a.published, a.outlet, a.cluster, a.text FROM articles a{sql_where}"
        " ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [*args, per_page, (page - 1) * per_page],
    ).fetchall()
    hits = []
    for r in rows:
        hit = {k: r[k] for k in ("id", "title", "published", "outlet", "cluster")}
        hit["snippet"] = snippet(r["text"] or "", query)
        hits.append(hit)
    return {"query": text, "total": total, "page": page, "per_page": per_page, "hits": hits}


def snippet(text: str, query: Query, width: int = SNIPPET_CHARS) -> list[dict[str, Any]]:
    """A window of ``text`` around the first hit, as segments ``{"text", "hit"}``: the
    template marks the hits (the text itself is always escaped)."""
    norm, omap = normalize(text)
    spans: list[tuple[int, int]] = []
    if not query.empty:
        for s, e in words(norm):
            if query.hits(norm[s:e]):
                spans.append(omap.span(s, e, text))
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    segments: list[dict[str, Any]] = []
    pos = start
    for s, e in spans:
        if s < pos or e > end:
            continue
        if s > pos:
            segments.append({"text": text[pos:s], "hit": False})
        segments.append({"text": text[s:e], "hit": True})
        pos = e
    if pos < end:
        segments.append({"text": text[pos:end], "hit": False})
    if segments and start > 0:
        segments[0]["text"] = "… " + segments[0]["text"]
    if segments and end < len(text):
        segments[-1]["text"] += " …"
    return segments
