#!/usr/bin/env python3
"""Build the generated parts of Rasad's bundled sample corpus.

Everything under samples/ that is not hand-written is produced here,
deterministically (fixed dates, record ids derived from content), from the
hand-written sources in samples/src/:

* samples/corpus/sadamashriq_pages.jsonl   (3 pages, one JSON object a line)
* samples/corpus/eurasianow_crawl.warc.gz  (warcinfo + 3 response records)
* samples/encodings/*                      (one article in several encodings)
* samples/bad/*                            (broken inputs for robustness tests)

Optional: ``--big DIR`` writes a ~50 MB HTML page to DIR (never committed).
``--check`` reads every generated file back and fails loudly if one does
not parse.

All article text in samples/ was written by the Rasad authors; the sites are
invented and use .example domains.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import sys
import uuid
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SRC = SAMPLES / "src"
CORPUS = SAMPLES / "corpus"
BAD = SAMPLES / "bad"
ENC = SAMPLES / "encodings"
NS = uuid.UUID("5b0c7a53-7a2e-4b5f-9a4e-52a5ad000001")  # fixed namespace for record ids

# (source file, url, key holding the page, optional "date" value)
JSONL_PAGES: list[tuple[str, str, str, str | None]] = [
    (
        "sadamashriq/2025-03-07_kharkiv-odesa-strikes.html",
        "https://sadamashriq.example/world/2025/03/07/kharkiv-odesa-strikes",
        "html",
        "2025-03-07",
    ),
    (
        "sadamashriq/2024-02-23_armenia-csto.txt",
        "https://sadamashriq.example/caucasus/2024/02/23/armenia-csto-freeze",
        "text",
        "2024-02-23",
    ),
    (
        "sadamashriq/2023-03-11_saudi-iran-beijing.html",
        "https://sadamashriq.example/arab/2023/03/11/saudi-iran-beijing",
        "html",
        None,
    ),
]

# (source file, target uri, WARC-Date = crawl time)
WARC_PAGES: list[tuple[str, str, str]] = [
    (
        "eurasianow/2025-10-07_putin-aliyev-dushanbe.html",
        "https://eurasianow.example/caucasus/2025/10/07/putin-aliyev-dushanbe/",
        "2025-10-07T15:12:08Z",
    ),
    (
        "eurasianow/2025-05-25_prisoner-exchange.html",
        "https://eurasianow.example/world/2025/05/25/prisoner-swap-final-stage/",
        "2025-05-25T10:40:51Z",
    ),
    (
        "eurasianow/2025-07-31_lavrov-shaibani.html",
        "https://eurasianow.example/middleeast/2025/07/31/lavrov-shaibani-moscow/",
        "2025-07-31T12:03:27Z",
    ),
]
WARC_NAME = "eurasianow_crawl.warc.gz"
HTTP_DATES = {  # RFC 7231 form of the WARC dates above
    "2025-10-07T15:12:08Z": "Tue, 07 Oct 2025 15:12:08 GMT",
    "2025-05-25T10:40:51Z": "Sun, 25 May 2025 10:40:51 GMT",
    "2025-07-31T12:03:27Z": "Thu, 31 Jul 2025 12:03:27 GMT",
}


def read(rel: str) -> str:
    return (SRC / rel).read_text(encoding="utf-8")


def record_id(*parts: bytes) -> str:
    digest = hashlib.sha1(b"\x00".join(parts)).hexdigest()
    return f"<urn:uuid:{uuid.uuid5(NS, digest)}>"


def jsonl_lines() -> list[str]:
    lines = []
    for rel, url, key, date in JSONL_PAGES:
        obj: dict[str, str] = {"url": url, key: read(rel)}
        if date:
            obj["date"] = date
        lines.append(json.dumps(obj, ensure_ascii=False))
    return lines


def build_jsonl() -> Path:
    out = CORPUS / "sadamashriq_pages.jsonl"
    out.write_text("\n".join(jsonl_lines()) + "\n", encoding="utf-8")
    return out


def warc_bytes() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    info = (
        b"software: rasad scripts/build_samples.py\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: Rasad sample crawl of an invented site (eurasianow.example)\r\n"
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Record-ID": record_id(info),
                "WARC-Date": "2025-10-07T15:12:00Z",
                "WARC-Filename": WARC_NAME,
            },
        )
    )
    for rel, uri, date in WARC_PAGES:
        body = read(rel).encode("utf-8")
        http = StatusAndHeaders(
            "200 OK",
            [
                ("Date", HTTP_DATES[date]),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "max-age=300"),
            ],
            protocol="HTTP/1.1",
        )
        rec = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Record-ID": record_id(uri.encode(), body), "WARC-Date": date},
        )
        writer.write_record(rec)
    return buf.getvalue()


def build_warc() -> bytes:
    data = warc_bytes()
    (CORPUS / WARC_NAME).write_bytes(data)
    return data


def build_encodings() -> list[Path]:
    ENC.mkdir(parents=True, exist_ok=True)
    lines = read("encodings_article.txt").strip().split("\n")
    title, body = lines[0], lines[1:]

    def page(charset_meta: str) -> str:
        paras = "\n".join(f"<p>{p}</p>" for p in body)
        return (
            f'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n{charset_meta}\n'
            f"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n"
            f"<p>الرئيسية - آسيا الوسطى</p>\n{paras}\n"
            "<p>جميع الحقوق محفوظة - آفاق آسيا الوسطى</p>\n</body>\n</html>\n"
        )

    text = title + "\n" + "\n".join(body) + "\n"
    files = {
        "windows-1256_meta.html": page('<meta charset="windows-1256">').encode("cp1256"),
        "iso-8859-6_meta.html": page(
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">'
        ).encode("iso-8859-6"),
        "utf-16_bom.html": b"\xff\xfe" + page('<meta charset="utf-16">').encode("utf-16-le"),
        "utf-8_bom.txt": text.encode("utf-8-sig"),
        "windows-1256_nodecl.txt": text.encode("cp1256"),
    }
    out = []
    for name, data in files.items():
        (ENC / name).write_bytes(data)
        out.append(ENC / name)
    return out


def build_bad(warc: bytes) -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20251123)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(4096))
    (BAD / "binary_png.txt").write_bytes(png)
    (BAD / "empty.txt").write_bytes(b"")
    (BAD / "whitespace_only.html").write_bytes(b"  \n\t\n   \r\n\n ")
    # cut in the middle of the second response record (third gzip member)
    offs = _member_offsets(warc)
    start, end = offs[2], offs[3]
    (BAD / "truncated.warc.gz").write_bytes(warc[: start + (end - start) // 2])
    good = jsonl_lines()
    bad_line = good[1][: len(good[1]) // 3]  # an unterminated JSON object
    (BAD / "malformed_line.jsonl").write_text(
        "\n".join([good[0], bad_line, good[2]]) + "\n", encoding="utf-8"
    )


def _member_offsets(warc: bytes) -> list[int]:
    """Byte offsets where each WARC record (gzip member) starts, plus the end."""
    it = ArchiveIterator(io.BytesIO(warc))
    offs = []
    for rec in it:
        offs.append(it.get_record_offset())
        rec.content_stream().read()
    return [*offs, len(warc)]


def build_big(directory: Path, target_mb: int = 50) -> Path:
    """A ~50 MB HTML page: a real article buried in a huge navigation block."""
    directory.mkdir(parents=True, exist_ok=True)
    article = read("eurasianow/2025-07-31_lavrov-shaibani.html")
    head, _, tail = article.partition("<body>")
    filler_line = '<li><a href="/tag/{0}">وسم رقم {0} من أرشيف أوراسيا الآن</a></li>\n'
    out = directory / "big_page.html"
    with out.open("w", encoding="utf-8") as f:
        f.write(head + '<body>\n<ul class="tag-cloud">\n')
        i = 0
        while f.tell() < target_mb * 1024 * 1024:
            f.write("".join(filler_line.format(i + k) for k in range(1000)))
            i += 1000
        f.write("</ul>\n" + tail)
    return out


def check() -> None:
    """Read every generated file back; raise on any problem."""
    for line in (CORPUS / "sadamashriq_pages.jsonl").read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        assert obj["url"] and ("html" in obj or "text" in obj), obj.keys()
    n = 0
    with (CORPUS / WARC_NAME).open("rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type == "response":
                html = rec.content_stream().read().decode("utf-8")
                assert "<article" in html
                assert rec.rec_headers.get_header("WARC-Target-URI")
                n += 1
    assert n == len(WARC_PAGES), n
    assert warc_bytes() == (CORPUS / WARC_NAME).read_bytes(), "WARC output is not deterministic"
    ref = read("encodings_article.txt").split("\n")[0]
    for name, enc in [
        ("windows-1256_meta.html", "cp1256"),
        ("iso-8859-6_meta.html", "iso-8859-6"),
        ("utf-16_bom.html", "utf-16"),
        ("utf-8_bom.txt", "utf-8-sig"),
        ("windows-1256_nodecl.txt", "cp1256"),
    ]:
        assert ref in (ENC / name).read_bytes().decode(enc), name
    bad_lines = (BAD / "malformed_line.jsonl").read_text(encoding="utf-8").splitlines()
    ok = 0
    for line in bad_lines:
        try:
            json.loads(line)
            ok += 1
        except json.JSONDecodeError:
            pass
    assert ok == 2
    assert len(bad_lines) == 3
    data = (BAD / "truncated.warc.gz").read_bytes()
    assert 0 < len(data) < (CORPUS / WARC_NAME).stat().st_size
    print("samples check: all generated files read back as expected")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--big", type=Path, metavar="DIR", help="also write a ~50 MB page to DIR")
    ap.add_argument("--big-mb", type=int, default=50, help="size of the --big page in MB")
    ap.add_argument("--check", action="store_true", help="only verify the generated files")
    args = ap.parse_args(argv)
    if args.check:
        check()
        return 0
    build_jsonl()
    warc = build_warc()
    build_encodings()
    build_bad(warc)
    if args.big:
        print(f"wrote {build_big(args.big, args.big_mb)}")
    check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
