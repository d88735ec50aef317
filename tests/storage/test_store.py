"""Store: idempotent ingest, links, rejects, search, exports, crash consistency."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import CORPUS, SAMPLES
from rasad import api
from rasad.doc import Doc
from rasad.storage.schema import MIGRATIONS
from rasad.storage.sqlite import SqliteStore, search_terms

BODY = (
    "قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة لمواصلة الحوار مع تركيا حول الملف "
    "السوري، مؤكدا أن الاتصالات بين البلدين مستمرة على كل المستويات."
)
BODY2 = (
    "وأضاف أن وبوتين ولبوتين ليست إلا أشكالا للكلمة نفسها مع حروف ملتصقة بها في أول الكلمة، "
    "وهذا ما يجب أن يجده البحث دائما."
)


def test_reingest_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    first = api.ingest([str(CORPUS)], db=db)
    assert first.counts["kept"] >= 12
    with SqliteStore(db) as store:
        before = store.stats()
    second = api.ingest([str(CORPUS)], db=db)
    assert second.counts["kept"] == 0
    assert second.counts["already"] == second.read
    with SqliteStore(db) as store:
        assert store.stats() == before


def test_rejects_recorded_with_reason(tmp_path: Path) -> None:
    report = api.ingest([str(SAMPLES / "bad")], db=tmp_path / "b.db")
    assert report.rejected >= 5
    with SqliteStore(tmp_path / "b.db") as store:
        rows = store.rejects()
        assert {r.code for r in rows} >= {"E101", "E102", "E104", "E106"}
        raw = store.conn.execute("SELECT COUNT(*) FROM sources WHERE status='rejected'")
        assert raw.fetchone()[0] == len(rows)


def test_exact_duplicates_stored_once(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            f"عنوان مختلف لهذه الصفحة من الموقع {name}\n{BODY}\n{BODY2}\n", encoding="utf-8"
        )
    db = tmp_path / "d.db"
    report = api.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db=db)
    assert report.counts["kept"] == 1
    assert report.counts["duplicate"] == 1
    with SqliteStore(db) as store:
        rows = store.conn.execute(
            "SELECT id, text, duplicate_of, cluster FROM articles ORDER BY rowid"
        ).fetchall()
        assert rows[1]["duplicate_of"] == rows[0]["id"]
        assert rows[1]["text"] is None
        assert rows[1]["cluster"] == rows[0]["cluster"]
        assert store.get(rows[1]["id"]).text == store.get(rows[0]["id"]).text


def test_search_is_clitic_and_orthography_insensitive(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{BODY}\n{BODY2}\n", encoding="utf-8")
    db = tmp_path / "s.db"
    api.ingest([str(tmp_path)], db=db)
    for query in ("بوتين", "بوتين الروسي", "الرئيس", "تركيا", "السوري"):
        assert api.search(query, db=db), query
    assert api.search("روسيا", db=db) == []
    assert "بوتين" in search_terms("ولبوتين").split()


def test_roundtrip_store_and_json(tmp_path: Path) -> None:
    db = tmp_path / "rt.db"
    api.ingest([str(CORPUS)], db=db)
    with SqliteStore(db) as store:
        for doc in store.iter_docs():
            again = Doc.from_json(json.loads(json.dumps(doc.to_json())))
            assert again == doc


def test_exports(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    api.ingest([str(CORPUS)], db=db)
    n = api.export(db=db, fmt="jsonl", out=tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) >= 12
    assert {"source", "title", "text", "cluster", "entities", "events"} <= set(json.loads(lines[0]))
    api.export(db=db, fmt="parquet", out=tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.num_rows == n
    assert "cluster" in table.column_names


def test_killed_batch_leaves_consistent_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "k.db"
    calls = {"n": 0}
    real = SqliteStore._write_doc

    def flaky(self, cur, doc, now):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 8:
            raise KeyboardInterrupt
        return real(self, cur, doc, now)

    monkeypatch.setattr(SqliteStore, "_write_doc", flaky)
    with pytest.raises(KeyboardInterrupt):
        api.ingest([str(CORPUS)], db=db, batch_size=5)
    monkeypatch.setattr(SqliteStore, "_write_doc", real)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 5
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    api.ingest([str(CORPUS)], db=db, batch_size=5)
    fresh = tmp_path / "f.db"
    api.ingest([str(CORPUS)], db=fresh)
    with SqliteStore(db) as a, SqliteStore(fresh) as b:
        assert a.stats() == b.stats()


# -- hostile databases and concurrent ingests (issue 14) ---------------------------------------

import multiprocessing as mp  # noqa: E402

from rasad.errors import StorageError  # noqa: E402


def test_busy_database_is_one_coded_error(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    SqliteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with SqliteStore(db, timeout=0.05) as store, pytest.raises(StorageError, match="E306"):
            store.write_batch([])
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize(("version", "code"), [(-3, "E310"), (99, "E302")])
def test_bad_user_version_is_one_coded_error(tmp_path: Path, version: int, code: str) -> None:
    db = tmp_path / "v.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    with pytest.raises(StorageError, match=code) as info:
        SqliteStore(db)
    assert "\n" not in str(info.value)


def test_not_a_database_and_missing_database(tmp_path: Path) -> None:
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="E301"):
        SqliteStore(tmp_path / "junk.db")
    with pytest.raises(StorageError, match="E305"):
        SqliteStore(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_unstorable_document_becomes_a_reject(tmp_path: Path) -> None:
    good, bad = (Doc(source=f"{n}.txt", raw=f"{n}".encode()) for n in ("good", "bad"))
    for doc, text in ((good, "نص سليم"), (bad, "نص \ud800 معطوب")):
        doc.set_text(text)
        doc.meta["body_key"] = doc.id
    with SqliteStore(tmp_path / "u.db") as store:
        counts = store.write_batch([good, bad])
        assert counts == {"kept": 1, "rejected": 1}
        assert store.rejects()[0].code == "E308"


def _open_many(db: str, n: int) -> None:
    for _ in range(n):
        SqliteStore(db).close()


def test_migrations_do_not_race(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    for i in range(4):
        db = str(tmp_path / f"race{i}.db")
        procs = [ctx.Process(target=_open_many, args=(db, 3)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
        with SqliteStore(db) as store:
            assert store.schema_version == len(MIGRATIONS)


def test_two_ingests_at_once_see_each_others_stories(tmp_path: Path) -> None:
    """Two runs that read the (empty) store before either writes, as two processes started
    together do, end with the clusters and duplicate links of one run."""
    from rasad.stages.read import read_inputs

    files = sorted(str(p) for p in CORPUS.iterdir() if p.suffix != ".md")
    first = [f for f in files if "anatolia" in f or "eurasianow" in f]
    second = [f for f in files if f not in first]
    db = tmp_path / "together.db"
    a, b = SqliteStore(db), SqliteStore(db)
    pipe_a = api.pipeline(on_error="skip", prior=a.priors())
    pipe_b = api.pipeline(on_error="skip", prior=b.priors())
    docs_a = list(pipe_a(read_inputs(first)))
    docs_b = list(pipe_b(read_inputs(second)))
    a.write_batch(docs_a)
    b.write_batch(docs_b)
    a.close()
    b.close()
    alone = tmp_path / "alone.db"
    api.ingest(first + second, db=alone)
    with SqliteStore(db) as together, SqliteStore(alone) as one:
        st, so = together.stats(), one.stats()
    assert st["articles"] == so["articles"]
    assert st["duplicates"] == so["duplicates"]
    assert st["clusters"] == so["clusters"]


def test_storing_is_the_last_stage_one_transaction_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasad import runner
    from rasad.stages.read import read_inputs
    from rasad.stages.store import StoreWriter

    calls: list[int] = []
    real = SqliteStore.write_batch

    def counted(self, docs):  # type: ignore[no-untyped-def]
        calls.append(len(docs))
        return real(self, docs)

    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"p{i}.txt").write_text(
            f"عنوان الصفحة رقم {i} من هذا الموقع\n{BODY}\n{BODY2} {i}\n", encoding="utf-8"
        )
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    with SqliteStore(tmp_path / "s.db") as store:
        writer = StoreWriter(store)
        pipe = runner.pipeline(on_error="skip", then=[writer], batch_size=2)
        assert pipe.names[-1] == "store.write.v1"
        monkeypatch.setattr(SqliteStore, "write_batch", counted)
        docs = [d for b in runner.run(pipe, read_inputs([str(tmp_path / "in")])) for d in b]
        assert calls == [2, 2]  # one write a batch, rejects included
        assert len(docs) == 4
        assert writer.counts["rejected"] == 1
        assert writer.counts["kept"] + writer.counts["duplicate"] == 3
        assert [r.code for r in store.rejects()] == ["E101"]
        assert store.stats()["sources"] == 4
