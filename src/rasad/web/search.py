"""Full-text search for the web application: a safe FTS5 query from any user syntax, filters,
pagination and highlighted snippets.

The user's query is never passed to FTS5 as written. It is folded and cut into words with the
same functions that built the index (``rasad.arabic``); every word becomes a quoted FTS5 string,
so quotes, parentheses, ``NEAR``, ``*`` or column filters in the input are plain text. Two
operators are understood: ``-word`` excludes a word and ``word*`` matches a prefix.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..arabic import _WORD, clitic_stems, fold, normalize, words
from .textindex import ALL, ROWID_MASK, facet, key_range

SNIPPET_CHARS = 220
#: One character of a word (the class ``rasad.arabic.words`` repeats).
WORD_CHARS = _WORD.pattern.removesuffix("+")
#: Matches counted exactly; beyond this the page says "1000+".
TOTAL_CAP = 1000


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


def match_expr(conn: sqlite3.Connection, query: Query, f: Filters) -> str | None:
    """The ``web_fts`` MATCH expression of a query and its filters (words only in column
    ``terms``, filter tokens only in ``facets``); ``None`` when nothing can match (an actor
    that is not in the store)."""
    parts: list[str] = []
    if query.must or query.prefixes:
        terms = [_quote(t) for t in query.must] + [_quote(t) + "*" for t in query.prefixes]
        parts.append("terms : (" + " AND ".join(terms) + ")")
    if f.outlet:
        parts.append("facets : " + _quote(facet("o", f.outlet)))
    if f.type:
        parts.append("facets : " + _quote(facet("t", f.type.upper())))
    if f.country:
        parts.append("facets : " + _quote(facet("c", f.country.upper())))
    if f.actor:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM entities WHERE id = ? OR name = ? OR name_ar = ?",
                (f.actor, f.actor, f.actor),
            )
        ]
        if not ids:
            return None
        parts.append("facets : (" + " OR ".join(_quote(facet("a", i)) for i in ids) + ")")
    if not parts:
        parts.append("facets : " + _quote(ALL))
    expr = " AND ".join(parts)
    if query.exclude:
        expr += " NOT terms : (" + " OR ".join(_quote(t) for t in query.exclude) + ")"
    return expr


def search(
    conn: sqlite3.Connection, text: str, filters: Filters, *, page: int = 1, per_page: int = 20
) -> dict[str, Any]:
    """One page of hits (newest first) with snippets. ``total`` is exact up to
    :data:`TOTAL_CAP`; beyond it ``total`` is the cap and ``total_capped`` is true."""
    query = parse_query(text)
    result: dict[str, Any] = {
        "query": text,
        "total": 0,
        "total_capped": False,
        "page": page,
        "per_page": per_page,
        "hits": [],
    }
    if query.empty and text.strip() and not any(vars(filters).values()):
        return result
    expr = match_expr(conn, query, filters)
    if expr is None:
        return result
    low, high = key_range(filters.since, filters.until)
    where = "web_fts MATCH ? AND rowid BETWEEN ? AND ?"
    args: list[Any] = [expr, low, high]
    counted = int(
        conn.execute(
            f"SELECT COUNT(*) FROM (SELECT rowid FROM web_fts WHERE {where} LIMIT ?)",
            [*args, TOTAL_CAP + 1],
        ).fetchone()[0]
    )
    result["total"] = min(counted, TOTAL_CAP)
    result["total_capped"] = counted > TOTAL_CAP
    keys = [
        int(r[0])
        for r in conn.execute(
            f"SELECT rowid FROM web_fts WHERE {where} ORDER BY rowid DESC LIMIT ? OFFSET ?",
            [*args, per_page, (page - 1) * per_page],
        )
    ]
    rowids = [k & ROWID_MASK for k in keys]
    marks = ",".join("?" * len(rowids))
    found = {
        r["rowid"]: r
        for r in conn.execute(
            "SELECT rowid, id, title, published, outlet, cluster, text FROM articles"
            f" WHERE rowid IN ({marks})",
            rowids,
        )
    }
    for rowid in rowids:
        r = found.get(rowid)
        if r is None:
            continue
        hit = {k: r[k] for k in ("id", "title", "published", "outlet", "cluster")}
        hit["snippet"] = snippet(r["text"] or "", query)
        result["hits"].append(hit)
    return result


@lru_cache(maxsize=256)
def _candidates(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words that contain one of ``terms`` (less a leading article, which a clitic
    form such as للرئيس loses): every word :meth:`Query.hits` accepts, and a few more that it
    then checks, found by one regular expression instead of a Python loop over all words."""
    keys = sorted({t[2:] if t.startswith("ال") else t for t in terms}, key=len, reverse=True)
    if not all(keys):
        return re.compile(f"{WORD_CHARS}+")
    alternation = "|".join(re.escape(k) for k in keys)
    return re.compile(f"{WORD_CHARS}*(?:{alternation}){WORD_CHARS}*")


def snippet(text: str, query: Query, width: int = SNIPPET_CHARS) -> list[dict[str, Any]]:
    """A window of ``text`` around the first hit, as segments ``{"text", "hit"}``: the
    template marks the hits (the text itself is always escaped)."""
    norm, omap = normalize(text)
    spans: list[tuple[int, int]] = []
    start, end = 0, min(len(text), width)
    if not query.empty:
        for m in _candidates(query.must + query.prefixes).finditer(norm):
            s, e = m.span()
            if spans and omap[s] >= end:
                break  # only the hits inside the window are marked
            if query.hits(norm[s:e]):
                spans.append(omap.span(s, e, text))
                if len(spans) == 1:
                    start = max(0, spans[0][0] - width // 3)
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
