from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import SAMPLES
from rasad.errors import InputError
from rasad.stages.decode import Decoder, decode_bytes
from rasad.stages.pipeline import Pipeline
from rasad.stages.read import expand_inputs, read_inputs

ARTICLE = "قال وزير الخارجية التركي إن بلاده ستواصل الحوار مع روسيا بشأن الأزمة في سوريا."


def decoded(paths: list[str]) -> list:
    return list(Pipeline([Decoder(on_error="skip")])(read_inputs(paths)))


def test_read_txt_html_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8"
    )
    lines = [
        json.dumps({"url": "https://x.example/2024/01/02/a", "text": ARTICLE}),
        json.dumps(
            {"url": "https://x.example/b", "html": f"<p>{ARTICLE}</p>", "date": "2024-01-03"}
        ),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = decoded([str(tmp_path)])
    assert [Path(d.source).name for d in docs] == ["a.txt", "b.html", "c.jsonl:1", "c.jsonl:2"]
    assert all(d.reject is None for d in docs)
    assert docs[0].page == ARTICLE
    assert docs[1].html is not None
    assert docs[2].url == "https://x.example/2024/01/02/a"
    assert docs[3].record_date == "2024-01-03"


def test_glob_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert expand_inputs([str(tmp_path / "*.txt")]) == [str(tmp_path / "a.txt")]
    with pytest.raises(InputError, match="E110"):
        expand_inputs([str(tmp_path / "nothing*.txt")])


def test_stdin_text_and_jsonl() -> None:
    docs = list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode())))
    assert docs[0].source == "<stdin>"
    assert docs[0].meta["kind"] == "text"
    data = json.dumps({"url": "u", "text": ARTICLE}).encode()
    docs = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert docs[0].page == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "iso8859_6", "utf-16"])
def test_decode_encodings_without_declaration(encoding: str) -> None:
    text, _ = decode_bytes(ARTICLE.encode(encoding), source="x")
    assert text.lstrip("\ufeff") == ARTICLE


def test_declared_charset_wins() -> None:
    html = f'<html><head><meta charset="windows-1256"></head><body><p>{ARTICLE}</p></body></html>'
    text, enc = decode_bytes(html.encode("cp1256"), source="x")
    assert enc == "cp1256"
    assert ARTICLE in text


def test_sample_encodings_decode_to_same_text() -> None:
    docs = decoded([str(SAMPLES / "encodings")])
    assert docs
    assert all(d.reject is None for d in docs), [d.reject for d in docs]
    bodies = {(d.html or d.page or "") for d in docs}
    assert all("أمو داريا" in b for b in bodies)


def test_bad_inputs_become_rejects_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    docs = decoded([str(SAMPLES / "bad"), str(tmp_path / "ok.txt")])
    codes = {Path(d.source).name: d.reject.code if d.reject else None for d in docs}
    assert codes["binary_png.txt"] == "E102"
    assert codes["empty.txt"] == "E101"
    assert codes["whitespace_only.html"] == "E101"
    assert codes["malformed_line.jsonl:2"] == "E104"
    assert codes["malformed_line.jsonl:1"] is None
    assert codes["malformed_line.jsonl:3"] is None
    assert any(k.startswith("truncated.warc.gz#") and v == "E106" for k, v in codes.items())
    assert any(k.startswith("truncated.warc.gz#") and v is None for k, v in codes.items())
    assert codes["ok.txt"] is None
    for d in docs:
        if d.reject:
            assert "\n" not in d.reject.reason
            assert d.source.split(":")[0].split("#")[0] in d.reject.reason


def test_big_page_rejected(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes((ARTICLE + "\n").encode() * 2000)
    docs = list(read_inputs([str(big)], max_bytes=10_000))
    assert docs[0].reject
    assert docs[0].reject.code == "E107"


def test_warc_records(page) -> None:  # type: ignore[no-untyped-def]
    docs = decoded([str(page("eurasianow_crawl.warc.gz"))])
    assert len(docs) >= 2
    assert all(d.url and d.url.startswith("https://") for d in docs)
    assert all(d.fetched for d in docs)


def test_fifty_megabyte_page_rejected_without_stopping(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.write(b"<html><body>")
        chunk = ("<p>" + ARTICLE + "</p>\n").encode()
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    docs = decoded([str(tmp_path)])
    by_name = {Path(d.source).name: d for d in docs}
    assert by_name["big.html"].reject is not None
    assert by_name["big.html"].reject.code == "E107"
    assert by_name["ok.txt"].reject is None
