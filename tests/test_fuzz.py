"""Fuzz (issue 14): 300+ seeded random inputs through ingest and extract.

Bytes, Arabic and bidi text, HTML fragments, JSON lines and cut WARC: no traceback, every input
is kept or a reject, and the good pages of the batch are all kept."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

from conftest import CORPUS
from rasad import api

N = 320
WORDS = ["المفاوضات", "الحكومة", "أعلنت", "الوزير", "بوتين", "أنقرة", "اتفاق", "في", "من", "مع"]
BIDI = ["\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u2069", "\u061c", "\ufeff"]
HTML = ["<p>", "</p>", "<div>", "<script>", "<!--", "<meta charset='x'>", "<br>", "&amp;", "<"]
GOOD = (
    "قالت وزارة النقل في بيان صدر اليوم إن أعمال توسعة الطريق الساحلي ستنتهي قبل نهاية العام "
    "الجاري، وإن الحركة ستعود إلى طبيعتها بعد افتتاح الجسر الجديد أمام السيارات."
)


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 60)):
        r = rng.random()
        if r < 0.6:
            parts.append(rng.choice(WORDS))
        elif r < 0.75:
            parts.append(rng.choice(BIDI))
        elif r < 0.9:
            parts.append(rng.choice(HTML))
        else:
            parts.append(chr(rng.randint(1, 0x10FFFF)))
    return rng.choice([" ", "\n", ""]).join(parts)


def _input(rng: random.Random, i: int, warc: bytes) -> tuple[str, bytes]:
    kind = i % 6
    if kind == 0:
        return ".txt", rng.randbytes(rng.randint(0, 400))
    if kind == 1:
        enc = rng.choice(["utf-8", "utf-16", "utf-16-le", "cp1256"])
        return ".txt", _text(rng).encode(enc, "replace")
    if kind == 2:
        return ".html", f"<html><body>{_text(rng)}</body></html>".encode("utf-8", "surrogatepass")
    if kind == 3:
        lines = []
        for _ in range(rng.randint(0, 3)):
            rec = {rng.choice(["url", "text", "html", "date", "x"]): _text(rng) for _ in range(3)}
            line = json.dumps(rec, ensure_ascii=rng.random() < 0.5)
            cut = rng.randint(0, len(line)) if rng.random() < 0.3 else len(line)
            lines.append(line[:cut])
        return ".jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")
    if kind == 4:
        return ".warc.gz", warc[: rng.randint(0, len(warc))]
    data = gzip.compress(_text(rng).encode("utf-8", "surrogatepass"))
    return rng.choice([".jsonl.gz", ".warc", ".html"]), data[: rng.randint(0, len(data))]


def test_fuzz_ingest_and_extract(tmp_path: Path) -> None:
    rng = random.Random(14)
    warc = (CORPUS / "eurasianow_crawl.warc.gz").read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(N):
        ext, data = _input(rng, i, warc)
        (folder / f"f{i:03d}{ext}").write_bytes(data)
    for i in range(3):  # good pages in the same batch
        (folder / f"good{i}.txt").write_text(GOOD.replace("النقل", WORDS[i]), encoding="utf-8")
    report = api.ingest([str(folder)], db=tmp_path / "f.db")  # raises nothing
    summary = report.to_json()
    assert summary["read"] >= N
    stored = sum(summary[k] for k in ("kept", "duplicates", "rejected", "already_stored"))
    assert stored == summary["read"], summary
    from rasad.storage.sqlite import SqliteStore

    with SqliteStore(tmp_path / "f.db") as store:
        kept = {r[0] for r in store.conn.execute("SELECT source FROM articles")}
        reasons = [r.reason for r in store.rejects()]
    assert all(str(folder / f"good{i}.txt") in kept for i in range(3))
    assert all("\n" not in r and r[:1] == "E" for r in reasons)
    docs = list(api.extract([str(folder)], entities=False, events=False))
    assert len(docs) == summary["read"]
    assert all(d.reject is not None or d.has_text for d in docs)
