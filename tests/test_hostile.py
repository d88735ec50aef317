"""Hostile input (issue 14): each bad input becomes a typed, one-line reject; the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from rasad import api
from rasad.doc import Doc
from rasad.errors import RasadError, Reject
from rasad.stages.decode import decode_page
from rasad.stages.read import read_inputs

sys.path.insert(0, str(ROOT / "bench"))
from warc_cut_sweep import check_cut, pages

SENTENCE = (
    "أعلنت وزارة الزراعة في بيان اليوم أن موسم الحصاد سيبدأ مبكرا هذا العام بسبب الأمطار "
    "الغزيرة التي شهدتها المناطق الشمالية خلال الشتاء الماضي."
)
BODY = "\n".join(SENTENCE.replace("الزراعة", w) for w in ("الزراعة", "الصحة", "النقل", "المالية"))


def _good(url: str = "https://good.example/a") -> str:
    return json.dumps({"url": url, "text": BODY}, ensure_ascii=False)


def _ingest(tmp_path: Path, *paths: Path) -> api.IngestReport:
    return api.ingest([str(p) for p in paths], db=tmp_path / "h.db")


def _reasons(tmp_path: Path) -> list[Reject]:
    from rasad.storage.sqlite import SqliteStore

    with SqliteStore(tmp_path / "h.db") as store:
        return store.rejects()


def test_lone_surrogate_in_json_line_is_a_reject(tmp_path: Path) -> None:
    bad = '{"url": "https://good.example/b", "text": "\\ud800 ' + json.dumps(BODY)[1:-1] + '"}'
    (tmp_path / "a.jsonl").write_text(_good() + "\n" + bad + "\n", encoding="utf-8")
    report = _ingest(tmp_path, tmp_path / "a.jsonl")
    assert report.counts["kept"] == 1
    assert report.rejected_by == {"E112": 1}


def test_file_name_not_utf8_is_a_reject(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), "wb") as fh:
        fh.write(("x " + BODY).encode())
    report = _ingest(tmp_path, tmp_path)
    assert report.counts["kept"] == 1
    assert report.rejected_by == {"E112": 1}
    assert "bad\\xff.txt" in _reasons(tmp_path)[0].reason


@pytest.mark.parametrize("url", ["http://[::1", "http://[zz]/x"])
def test_unparsable_url_is_a_reject(tmp_path: Path, url: str) -> None:
    lines = [_good(), json.dumps({"url": url, "text": "ب " + BODY}, ensure_ascii=False)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    report = _ingest(tmp_path, tmp_path / "a.jsonl")
    assert report.counts["kept"] == 1
    assert report.rejected_by == {"E113": 1}


def test_empty_containers_are_rejects(tmp_path: Path) -> None:
    for name in ("a.warc", "b.warc.gz", "c.jsonl"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "d.jsonl").write_text("\n\n", encoding="utf-8")
    docs = list(read_inputs([str(tmp_path)]))
    assert [d.reject.code for d in docs if d.reject] == ["E114"] * 4


def test_jsonl_gz_not_gzip_is_a_reject(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl.gz").write_text(_good(), encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((_good() + "\n").encode()))
    docs = list(read_inputs([str(tmp_path)]))
    assert [d.reject.code if d.reject else "ok" for d in docs] == ["E115", "ok"]


def test_one_bad_byte_in_utf8_page_is_repaired_not_mojibake(tmp_path: Path) -> None:
    for declared in ('<meta charset="utf-8">', ""):
        html = f"<html><head>{declared}</head><body><p>{SENTENCE}</p></body></html>".encode()
        cut = html.index(b"<p>") + 21
        text, enc, bad = decode_page(html[:cut] + b"\xff" + html[cut:], source="x")
        assert enc == "utf-8"
        assert 1 <= bad <= 3  # the byte, and the character it split
        assert "الزراعة" in text
    (tmp_path / "a.html").write_bytes(html[:cut] + b"\xff" + html[cut:])
    doc = next(iter(api.extract([str(tmp_path / "a.html")])))
    assert doc.reject is None
    assert "repaired" in doc.meta


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(BODY.encode("utf-16-le"))
    doc = next(iter(api.extract([str(tmp_path / "a.txt")])))
    assert doc.reject is None, doc.reject
    assert "الحصاد" in doc.text


def test_glob_with_broken_symlink_and_unreadable_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "missing.txt")
    docs = list(read_inputs([str(tmp_path / "*.txt")]))
    assert [d.reject.code if d.reject else "ok" for d in docs] == ["ok", "E109"]
    if os.geteuid() == 0:
        return  # root reads every folder
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text(BODY, encoding="utf-8")
    sub.chmod(0)
    try:
        docs = list(read_inputs([str(tmp_path)]))
    finally:
        sub.chmod(0o755)
    assert any(d.reject and d.reject.code == "E109" for d in docs)


def test_reasons_are_one_line(tmp_path: Path) -> None:
    data = (CORPUS / "eurasianow_crawl.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[:600])  # inside a record header
    (tmp_path / "bad.jsonl").write_text('{"text": "a\n', encoding="utf-8")
    for doc in read_inputs([str(tmp_path)]):
        if doc.reject:
            assert "\n" not in doc.reject.reason


def test_closed_stdin_is_one_coded_error() -> None:
    stream = io.BytesIO(b"")
    stream.close()
    with pytest.raises(RasadError, match="E406"):
        list(read_inputs(["-"], stdin=stream))


def test_doc_id_is_computed_once() -> None:
    doc = Doc(source="x")
    doc.set_text("ب" * 100_000)
    first = doc.id
    assert doc._id is not None
    assert doc.id == first
    doc.title = "عنوان"
    assert doc.id != first


def test_warc_cut_at_sampled_offsets_never_loses_silently(tmp_path: Path) -> None:
    path = CORPUS / "eurasianow_crawl.warc.gz"
    data = path.read_bytes()
    full = [(u, p) for u, p, rej in pages(path) if not rej]
    assert len(full) == 3
    offsets = sorted(
        {0, 1, 10, 336, 400, 600, 2745, 2746, 2750, len(data) - 1} | set(range(0, len(data), 97))
    )
    for cut in offsets:
        _, failure = check_cut(data, cut, full, tmp_path, ".warc.gz")
        assert failure is None, failure
    plain = gzip.decompress(data)
    for cut in range(0, len(plain), 151):
        _, failure = check_cut(plain, cut, full, tmp_path, ".warc")
        assert failure is None, failure
