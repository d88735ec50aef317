"""The SQLite store (WAL, ordered migrations, one writer).

Every input is kept in ``sources`` (raw bytes and a hash), so nothing is lost and a re-run
skips what is already there. One batch is written in one transaction: killing an ingest leaves
the database as it was after the last complete batch, and running it again completes it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..arabic import clitic_stems, fold, words
from ..doc import Doc
from ..errors import Errors, Reject, StorageError
from ..fingerprint import Prior
from .reconcile import reconcile
from .schema import MIGRATIONS
from .search import SearchMixin


def raw_hash(doc: Doc) -> str:
    """Identity of an input: its raw bytes (or, for a page without bytes, its source)."""
    data = doc.raw if doc.raw is not None else ("source:" + doc.source).encode()
    return hashlib.sha256(data).hexdigest()[:32]


def search_terms(text: str) -> str:
    """The indexed terms of a text: every folded word plus the forms without its clitics, so a
    query for بوتين finds وبوتين and لبوتين."""
    norm = fold(text)
    out: list[str] = []
    for s, e in words(norm):
        w = norm[s:e]
        out.extend(clitic_stems(w, 3) if len(w) > 3 else (w,))
    return " ".join(out)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SqliteStore(SearchMixin):
    """Articles, raw sources, rejects, clusters, entities, mentions and events."""

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 30.0) -> None:
        """Open (``create``: or create) the database; migrations run under its write lock, so
        processes opening it together do not race."""
        self.path = str(path)
        if not create and not Path(self.path).is_file():
            raise StorageError(Errors.E305, path=self.path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
            self.conn.row_factory = sqlite3.Row
            _wal(self.conn, timeout)
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=OFF")
            self._migrate()
            row = self.conn.execute("SELECT MAX(rowid) FROM articles").fetchone()
        except sqlite3.Error as e:
            raise storage_error(self.path, e) from e
        self._start_rowid = int(row[0] or 0)
        self._own: set[str] = set()
        self._remap: dict[str, str] = {}

    # -- schema --------------------------------------------------------------------------
    def _migrate(self) -> None:
        if self.schema_version == len(MIGRATIONS):
            return
        self.conn.execute("BEGIN IMMEDIATE")  # one migrating process at a time
        try:
            version = self.schema_version
            if version < 0:
                raise StorageError(Errors.E310, path=self.path, found=version)
            if version > len(MIGRATIONS):
                raise StorageError(
                    Errors.E302, path=self.path, found=version, known=len(MIGRATIONS)
                )
            for i in range(version, len(MIGRATIONS)):
                for statement in _statements(MIGRATIONS[i]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {i + 1}")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading state -------------------------------------------------------------------
    def known_raw(self, hashes: Iterable[str]) -> set[str]:
        hs = list(hashes)
        found: set[str] = set()
        for i in range(0, len(hs), 500):
            part = hs[i : i + 500]
            q = "SELECT raw_hash FROM sources WHERE raw_hash IN ({})".format(
                ",".join("?" * len(part))
            )
            found.update(r[0] for r in self.conn.execute(q, part))
        return found

    def priors(self) -> list[Prior]:
        rows = self.conn.execute(
            "SELECT id, body_key, cluster, minhash FROM articles "
            "WHERE duplicate_of IS NULL AND minhash IS NOT NULL ORDER BY rowid"
        )
        return [Prior(r[0], r[1], r[2], r[3]) for r in rows]

    # -- writing -------------------------------------------------------------------------
    def write_batch(self, docs: list[Doc]) -> Counter[str]:
        """Write one batch in one transaction; returns counts (kept, rejected, duplicates,
        already)."""
        counts: Counter[str] = Counter()
        now = _now()
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise storage_error(self.path, e) from e
        try:
            reconcile(self, cur, docs)
            for doc in docs:
                counts[self._write_guarded(cur, doc, now)] += 1
            self._refresh_clusters(cur, {d.cluster for d in docs if d.cluster})
            cur.execute("COMMIT")
        except BaseException as e:
            cur.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise storage_error(self.path, e) from e
            raise
        self._own.update(d.id for d in docs if d.reject is None)
        return counts

    def _write_guarded(self, cur: sqlite3.Cursor, doc: Doc, now: str) -> str:
        """Write one document; a document that cannot be stored (text that is not encodable,
        a value SQLite refuses) becomes an E308 reject instead of failing the batch."""
        cur.execute("SAVEPOINT doc")
        try:
            status = self._write_doc(cur, doc, now)
        except (UnicodeError, ValueError, TypeError, OverflowError, sqlite3.DataError) as e:
            cur.execute("ROLLBACK TO doc")
            source = doc.source.encode("utf-8", "backslashreplace").decode("utf-8")
            reason = Errors.E308.format(source=source, detail=f"{type(e).__name__}: {e}")
            safe = Doc(source=source, raw=doc.raw)
            safe.reject = Reject(source, "store", "E308", " ".join(reason.split()))
            safe.raw_hash = doc.raw_hash or raw_hash(safe)
            doc.reject = safe.reject
            status = self._write_doc(cur, safe, now)
        cur.execute("RELEASE doc")
        return status

    def _write_doc(self, cur: sqlite3.Cursor, doc: Doc, now: str) -> str:
        rh = doc.raw_hash or raw_hash(doc)
        if cur.execute("SELECT 1 FROM sources WHERE raw_hash=?", (rh,)).fetchone():
            return "rejected" if doc.reject is not None else "already"
        if doc.reject is not None:
            cur.execute(
                "INSERT INTO sources(source, url, raw_hash, raw, charset, fetched, status,"
                " ingested_at) VALUES (?,?,?,?,?,?,?,?)",
                (doc.source, doc.url, rh, doc.raw, doc.charset, doc.fetched, "rejected", now),
            )
            cur.execute(
                "INSERT OR IGNORE INTO rejects(source, stage, code, reason, raw_hash, at)"
                " VALUES (?,?,?,?,?,?)",
                (
                    doc.source,
                    doc.reject.stage,
                    doc.reject.code,
                    doc.reject.reason,
                    rh,
                    now,
                ),
            )
            return "rejected"
        exists = cur.execute("SELECT 1 FROM articles WHERE id=?", (doc.id,)).fetchone()
        status = "duplicate" if (exists or doc.duplicate_of) else "kept"
        cur.execute(
            "INSERT INTO sources(source, url, raw_hash, raw, charset, fetched, status,"
            " article_id, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (doc.source, doc.url, rh, doc.raw, doc.charset, doc.fetched, status, doc.id, now),
        )
        source_id = cur.lastrowid
        if exists:
            return "duplicate"  # the very same article again: its new source is linked
        data = doc.to_json()
        stored_text: str | None = doc.text
        if doc.duplicate_of:  # the body is stored once, with the first copy
            stored_text = None
            data["text"] = None
        cur.execute(
            "INSERT INTO articles(id, source_id, source, url, outlet, title, published,"
            " published_from, dateline, byline, text, body_key, cluster, duplicate_of, minhash,"
            " doc_json, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                source_id,
                doc.source,
                doc.url,
                doc.outlet,
                doc.title,
                doc.published,
                doc.published_from,
                doc.dateline,
                doc.byline,
                stored_text,
                doc.meta["body_key"],
                doc.cluster or doc.id,
                doc.duplicate_of,
                doc.minhash,
                json.dumps(data, ensure_ascii=False),
                now,
            ),
        )
        rowid = cur.lastrowid
        cur.executemany(
            "INSERT INTO furniture(article_id, line, text, reason) VALUES (?,?,?,?)",
            [(doc.id, f.get("line"), f["text"], f["reason"]) for f in doc.furniture],
        )
        if not doc.duplicate_of:
            terms = search_terms((doc.title or "") + "\n" + doc.text)
            cur.execute("INSERT INTO articles_fts(rowid, terms) VALUES (?, ?)", (rowid, terms))
        self._write_entities(cur, doc)
        self._write_events(cur, doc)
        return status

    def _write_entities(self, cur: sqlite3.Cursor, doc: Doc) -> None:
        for ent in doc.entities.values():
            cur.execute(
                "INSERT OR IGNORE INTO entities(id, name, name_ar, type, country, sector,"
                " wikidata) VALUES (?,?,?,?,?,?,?)",
                (ent.id, ent.name, ent.name_ar, ent.type, ent.country, ent.sector, ent.wikidata),
            )
        spell: Counter[tuple[str, str]] = Counter((m.entity_id, m.text) for m in doc.mentions)
        cur.executemany(
            "INSERT INTO spellings(entity_id, surface, count) VALUES (?,?,?) ON CONFLICT"
            "(entity_id, surface) DO UPDATE SET count = count + excluded.count",
            [(e, s, n) for (e, s), n in spell.items()],
        )
        cur.executemany(
            'INSERT INTO mentions(article_id, entity_id, start, "end", text, how)'
            " VALUES (?,?,?,?,?,?)",
            [(doc.id, m.entity_id, m.start, m.end, m.text, m.how) for m in doc.mentions],
        )

    def _write_events(self, cur: sqlite3.Cursor, doc: Doc) -> None:
        for ev in doc.events:
            cur.execute(
                "INSERT OR REPLACE INTO events(id, article_id, cluster, type, mode, source_entity,"
                " source_countries, source_sector, target_entity, target_countries,"
                " target_sector, date, date_text, place, negated, intent, confidence, quad,"
                " intensity, reported_by, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    ev.id,
                    doc.id,
                    doc.cluster,
                    ev.type,
                    ev.mode,
                    ev.source.entity,
                    ";".join(ev.source.countries),
                    ev.source.sector,
                    ev.target.entity,
                    ";".join(ev.target.countries),
                    ev.target.sector,
                    ev.date,
                    ev.date_text,
                    ev.place,
                    int(ev.negated),
                    ev.intent,
                    ev.confidence,
                    ev.quad,
                    ev.intensity,
                    ev.reported_by,
                    json.dumps(ev.to_json(), ensure_ascii=False),
                ),
            )
            cur.executemany(
                'INSERT INTO event_evidence(event_id, article_id, start, "end") VALUES (?,?,?,?)',
                [(ev.id, doc.id, s, e) for s, e in ev.evidence],
            )

    def _refresh_clusters(self, cur: sqlite3.Cursor, clusters: set[str]) -> None:
        for cid in clusters:
            row = cur.execute(
                "SELECT COUNT(*), COUNT(DISTINCT COALESCE(outlet, url, source)), MIN(published),"
                " MAX(published) FROM articles WHERE cluster=?",
                (cid,),
            ).fetchone()
            title = cur.execute(
                "SELECT title FROM articles WHERE cluster=? AND title IS NOT NULL"
                " ORDER BY rowid LIMIT 1",
                (cid,),
            ).fetchone()
            cur.execute(
                "INSERT OR REPLACE INTO clusters(id, size, outlets, first_published,"
                " last_published, title) VALUES (?,?,?,?,?,?)",
                (cid, row[0], row[1], row[2], row[3], title[0] if title else None),
            )

    # -- queries -------------------------------------------------------------------------
    def candidates(self, prefix: str, limit: int = 10) -> list[dict[str, Any]]:
        """Articles whose id starts with ``prefix`` (literally: ``%`` and ``_`` are no
        wildcards), at most ``limit`` + 1 so a caller can tell there are more."""
        rows = self.conn.execute(
            "SELECT id, published, title FROM articles WHERE substr(id, 1, ?) = ?"
            " ORDER BY id LIMIT ?",
            (len(prefix), prefix, limit + 1),
        )
        return [dict(r) for r in rows]

    def get(self, article_id: str) -> Doc:
        """The article with this id, or with this unique id prefix (E303 none, E309 several)."""
        row = self.conn.execute(
            "SELECT doc_json, duplicate_of FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if row is None:
            found = self.candidates(article_id) if article_id else self.candidates("", 10)
            if not found:
                raise StorageError(Errors.E303, id=article_id, path=self.path)
            if len(found) > 1 or not article_id:
                count = self.conn.execute(
                    "SELECT COUNT(*) FROM articles WHERE substr(id, 1, ?) = ?",
                    (len(article_id), article_id),
                ).fetchone()[0]
                raise StorageError(
                    Errors.E309, id=article_id, path=self.path, count=count, candidates=found
                )
            row = self.conn.execute(
                "SELECT doc_json, duplicate_of FROM articles WHERE id=?", (found[0]["id"],)
            ).fetchone()
        data = json.loads(row[0])
        if data.get("text") is None and row[1]:
            orig = self.conn.execute("SELECT text FROM articles WHERE id=?", (row[1],)).fetchone()
            data["text"] = orig[0] if orig else ""
        return Doc.from_json(data)

    def iter_docs(self) -> Iterator[Doc]:
        for (aid,) in self.conn.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
            yield self.get(aid)

    def stats(self) -> dict[str, int]:
        q = {
            "sources": "SELECT COUNT(*) FROM sources",
            "articles": "SELECT COUNT(*) FROM articles",
            "duplicates": "SELECT COUNT(*) FROM sources WHERE status = 'duplicate'",
            "clusters": "SELECT COUNT(*) FROM clusters",
            "rejects": "SELECT COUNT(*) FROM rejects",
            "entities": "SELECT COUNT(*) FROM entities",
            "events": "SELECT COUNT(*) FROM events",
        }
        return {k: int(self.conn.execute(v).fetchone()[0]) for k, v in q.items()}

    def reject_code(self, raw: str) -> str | None:
        """The reject code of a stored input (by raw hash), None when it was not rejected."""
        row = self.conn.execute(
            "SELECT code FROM rejects WHERE raw_hash = ? ORDER BY id LIMIT 1", (raw,)
        ).fetchone()
        return str(row[0]) if row else None

    def rejects(self) -> list[Reject]:
        """Every stored reject, oldest first."""
        return [
            Reject(r["source"], r["stage"], r["code"], r["reason"])
            for r in self.conn.execute(
                "SELECT source, stage, code, reason FROM rejects ORDER BY id"
            )
        ]


def storage_error(path: str, e: sqlite3.Error) -> StorageError:
    """A coded error for what SQLite reported."""
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return StorageError(Errors.E306, path=path, detail=msg)
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return StorageError(Errors.E307, path=path, detail=msg)
    return StorageError(Errors.E301, path=path, detail=msg)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def _wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch the file to WAL. The switch needs the file to itself and SQLite answers "database
    is locked" at once, without its busy handler, while another process opens the same new
    file: retry until ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
