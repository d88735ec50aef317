"""Generate a large store for the web benchmarks (not a test).

    python bench/web_store.py --articles 100000 --db /tmp/web100k.db

The sample corpus is ingested once; every generated article copies one of its articles (text,
entity mentions, events and evidence, so offsets stay valid), gets a new id, a random date in
2019-2026, a random outlet and one extra line of random words from the corpus vocabulary (so the
full-text index has rare terms too). Event countries are redrawn from a skewed list of countries
so some dyads are large (RUS-TUR has thousands of events).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import rasad.api as api
from rasad.arabic import words
from rasad.storage.sqlite import SqliteStore, search_terms

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ["RUS", "TUR", "UKR", "IRQ", "AZE", "ARM", "KAZ", "UZB", "IRN", "SYR", "USA",
             "CHN", "KGZ", "TJK", "GEO", "TKM", "FRA", "DEU", "EGY", "SAU"]
WEIGHTS = [30, 28, 12, 8, 6, 6, 5, 5, 5, 5, 5, 4, 3, 3, 3, 2, 2, 2, 2, 2]
OUTLETS = [f"منفذ {i}" for i in range(1, 41)]


def generate(n: int, db: Path, seed: int = 7, first: int = 0) -> None:
    """Articles ``first`` .. ``n - 1`` (resuming an interrupted run gives the same store)."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.db"
        api.ingest([str(ROOT / "samples" / "corpus")], db=sample)
        src = sqlite3.connect(sample)
        src.row_factory = sqlite3.Row
        arts = [dict(r) for r in src.execute("SELECT * FROM articles WHERE text IS NOT NULL")]
        mentions = {a["id"]: [dict(r) for r in src.execute(
            "SELECT * FROM mentions WHERE article_id = ?", (a["id"],))] for a in arts}
        events = {a["id"]: [dict(r) for r in src.execute(
            "SELECT * FROM events WHERE article_id = ?", (a["id"],))] for a in arts}
        evidence = {e["id"]: [dict(r) for r in src.execute(
            "SELECT * FROM event_evidence WHERE event_id = ?", (e["id"],))]
            for evs in events.values() for e in evs}
        for table in ("entities", "spellings") if first == 0 else ():
            rows = [tuple(r) for r in src.execute(f"SELECT * FROM {table}")]
            SqliteStore(db).close()
            out = sqlite3.connect(db)
            marks = ",".join("?" * len(rows[0]))
            out.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows)
            out.commit()
            out.close()
        src.close()
    vocab = sorted({a["text"][s:e] for a in arts for s, e in words(a["text"])})
    out = sqlite3.connect(db)
    out.execute("PRAGMA synchronous=OFF")
    start = date(2019, 1, 1)
    t0 = time.time()
    for i in range(first, n):
        rnd.seed(f"{seed}-{i}")
        tpl = rnd.choice(arts)
        aid = hashlib.sha256(f"gen{i}".encode()).hexdigest()[:16]
        day = (start + timedelta(days=rnd.randrange(2900))).isoformat()
        text = tpl["text"] + "\n" + " ".join(rnd.choices(vocab, k=12))
        cur = out.execute(
            "INSERT INTO sources(source, raw_hash, status, article_id, ingested_at)"
            " VALUES (?,?,?,?,?)", (f"gen/{i}", aid * 2, "kept", aid, "2026-01-01T00:00:00Z"))
        out.execute(
            "INSERT INTO articles(id, source_id, source, outlet, title, published,"
            " published_from, text, body_key, cluster, doc_json, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, cur.lastrowid, f"gen/{i}", rnd.choice(OUTLETS), tpl["title"], day, "gen",
             text, aid, aid, "{}", "2026-01-01T00:00:00Z"))
        rowid = out.execute("SELECT rowid FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        out.execute("INSERT INTO articles_fts(rowid, terms) VALUES (?, ?)",
                    (rowid, search_terms((tpl["title"] or "") + "\n" + text)))
        out.execute("INSERT INTO clusters(id, size, outlets, first_published, last_published,"
                    " title) VALUES (?,?,?,?,?,?)", (aid, 1, 1, day, day, tpl["title"]))
        out.executemany(
            'INSERT INTO mentions(article_id, entity_id, start, "end", text, how)'
            " VALUES (?,?,?,?,?,?)",
            [(aid, m["entity_id"], m["start"], m["end"], m["text"], m["how"])
             for m in mentions[tpl["id"]]])
        for k, ev in enumerate(events[tpl["id"]]):
            eid = f"{aid}{k:04d}"
            a, b = rnd.choices(COUNTRIES, WEIGHTS, k=2)
            row = dict(ev, id=eid, article_id=aid, cluster=aid, source_countries=a,
                       target_countries=b, date=day if rnd.random() < 0.5 else None)
            cols = list(row)
            out.execute(f"INSERT INTO events({','.join(cols)}) VALUES"
                        f" ({','.join('?' * len(cols))})", [row[c] for c in cols])
            out.executemany(
                'INSERT INTO event_evidence(event_id, article_id, start, "end") VALUES (?,?,?,?)',
                [(eid, aid, v["start"], v["end"]) for v in evidence[ev["id"]]])
        if i % 5000 == 4999:
            out.commit()
            print(f"{i + 1} articles, {time.time() - t0:.0f} s", file=sys.stderr)
    out.commit()
    out.execute("ANALYZE")
    out.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/rasad-web-bench.db"))
    ap.add_argument("--resume", action="store_true", help="continue an interrupted run")
    args = ap.parse_args()
    first = 0
    if args.db.exists():
        if not args.resume:
            sys.exit(f"{args.db} exists; remove it first (or --resume)")
        with sqlite3.connect(args.db) as conn:
            first = conn.execute("SELECT COUNT(*) FROM sources WHERE source LIKE 'gen/%'")
            first = int(first.fetchone()[0])
    generate(args.articles, args.db, first=first)
    print(args.db)


if __name__ == "__main__":
    main()
