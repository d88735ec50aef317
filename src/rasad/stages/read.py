"""Readers: paths, directories, globs, stdin, .txt, .html, .jsonl and .warc(.gz) into raw ``Doc``s.

Readers never raise for a bad page: a page that cannot be read becomes a ``Doc`` carrying a
reject (``doc.reject``), so the batch goes on and the reason is stored. A missing path or a glob
that matches nothing raises ``InputError`` (E110) before anything is read, since that is a usage
error rather than bad data.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..doc import Doc
from ..errors import Errors, InputError

TEXT_EXT = (".txt", ".text")
HTML_EXT = (".html", ".htm", ".xhtml")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_EXT = (".warc", ".warc.gz")
KNOWN_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + WARC_EXT

DEFAULT_MAX_BYTES = 10_000_000


def _ext(path: str) -> str:
    low = path.lower()
    for ext in (".warc.gz", ".jsonl.gz"):
        if low.endswith(ext):
            return ext
    return os.path.splitext(low)[1]


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand directories (recursively, known extensions only, sorted) and globs."""
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append("-")
            continue
        matches = sorted(glob.glob(item, recursive=True)) if glob.has_magic(item) else [item]
        if not matches or not all(os.path.exists(m) for m in matches):
            raise InputError(Errors.E110, pattern=item)
        for m in matches:
            if os.path.isdir(m):
                for root, dirs, files in os.walk(m):
                    dirs.sort()
                    for f in sorted(files):
                        if _ext(f) in KNOWN_EXT:
                            out.append(os.path.join(root, f))
            else:
                out.append(m)
    return out


def _rejected(source: str, err: InputError, raw: bytes | None = None) -> Doc:
    doc = Doc(source=source, raw=raw)
    doc.reject = {"stage": "read", "code": err.code, "reason": str(err)}
    return doc


def read_inputs(
    inputs: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    date: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Doc]:
    """Yield one raw ``Doc`` per page found in ``inputs`` (paths, directories, globs, ``-``)."""
    for path in expand_inputs(inputs):
        for doc in _read_one(path, max_bytes=max_bytes, stdin=stdin):
            if date and not doc.date_hint:
                doc.date_hint = date
            yield doc


def _read_one(path: str, *, max_bytes: int, stdin: BinaryIO | None) -> Iterator[Doc]:
    if path == "-":
        data = (stdin or sys.stdin.buffer).read()
        yield from read_bytes("<stdin>", data, max_bytes=max_bytes)
        return
    ext = _ext(path)
    if ext not in KNOWN_EXT:
        known = ", ".join(KNOWN_EXT)
        yield _rejected(path, InputError(Errors.E111, source=path, ext=ext, known=known))
        return
    try:
        size = os.path.getsize(path)
        if ext in TEXT_EXT + HTML_EXT and size > max_bytes:
            err = InputError(Errors.E107, source=path, size=size, limit=max_bytes)
            yield _rejected(path, err)
            return
        if ext in WARC_EXT:
            yield from read_warc(path, max_bytes=max_bytes)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        yield _rejected(path, InputError(Errors.E109, source=path, detail=e.strerror or str(e)))
        return
    if ext in JSONL_EXT:
        if ext.endswith(".gz"):
            data = gzip.decompress(data)
        yield from read_jsonl(path, data, max_bytes=max_bytes)
    else:
        doc = Doc(source=path, raw=data)
        doc.meta["kind"] = "html" if ext in HTML_EXT else "text"
        yield doc


def read_bytes(source: str, data: bytes, *, max_bytes: int) -> Iterator[Doc]:
    """Pages from a byte stream of unknown kind (stdin): JSON Lines, WARC, HTML or text."""
    head = data[:2048].lstrip()
    if data[:2] == b"\x1f\x8b" or head.startswith(b"WARC/"):
        yield from _iter_warc(source, io.BytesIO(data), max_bytes=max_bytes)
    elif head.startswith(b"{"):
        yield from read_jsonl(source, data, max_bytes=max_bytes)
    else:
        if len(data) > max_bytes:
            yield _rejected(
                source, InputError(Errors.E107, source=source, size=len(data), limit=max_bytes)
            )
            return
        doc = Doc(source=source, raw=data)
        low = head.lower()
        doc.meta["kind"] = (
            "html" if (b"<html" in low or b"<!doctype" in low or b"<body" in low) else "text"
        )
        yield doc


def read_jsonl(source: str, data: bytes, *, max_bytes: int) -> Iterator[Doc]:
    """One page per line: {"url", "html" or "text", optional "date"}."""
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        if len(line) > max_bytes:
            yield _rejected(
                where, InputError(Errors.E107, source=where, size=len(line), limit=max_bytes)
            )
            continue
        try:
            record: Any = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            yield _rejected(where, InputError(Errors.E104, source=source, line=n, detail=str(e)))
            continue
        if not isinstance(record, dict):
            err = InputError(Errors.E104, source=source, line=n, detail="not a JSON object")
            yield _rejected(where, err)
            continue
        html, text = record.get("html"), record.get("text")
        if not isinstance(html, str) and not isinstance(text, str):
            yield _rejected(where, InputError(Errors.E105, source=source, line=n))
            continue
        doc = Doc(
            source=where, url=record.get("url") if isinstance(record.get("url"), str) else None
        )
        doc.raw = line
        if isinstance(html, str):
            doc.html = html
            doc.meta["kind"] = "html"
        else:
            doc.page = str(text)
            doc.meta["kind"] = "text"
        date = record.get("date") or record.get("published")
        if isinstance(date, str):
            doc.meta["_record_date"] = date
        yield doc


def read_warc(path: str, *, max_bytes: int) -> Iterator[Doc]:
    with open(path, "rb") as fh:
        yield from _iter_warc(path, fh, max_bytes=max_bytes)


def _iter_warc(source: str, stream: BinaryIO, *, max_bytes: int) -> Iterator[Doc]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{n}"
            payload = record.content_stream().read()
            missing = getattr(record.raw_stream, "limit", 0) or 0
            if missing > 0:  # the record ends before its Content-Length: damaged file
                detail = (
                    f"record {n} ({url}) is cut short, {missing} bytes missing; "
                    f"{n - 1} complete response record(s) before it"
                )
                yield _rejected(
                    where, InputError(Errors.E106, source=source, detail=detail), raw=payload
                )
                return
            if len(payload) > max_bytes:
                yield _rejected(
                    where, InputError(Errors.E107, source=where, size=len(payload), limit=max_bytes)
                )
                continue
            doc = Doc(source=where, url=url, raw=payload)
            doc.fetched = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            ctype = ""
            if record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
            doc.meta["content_type"] = ctype
            doc.meta["kind"] = "text" if ctype.startswith("text/plain") else "html"
            if "charset=" in ctype.lower():
                doc.charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
            yield doc
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as e:
        detail = f"damaged after {n} response record(s): {type(e).__name__}: {e}"
        yield _rejected(f"{source}#{n + 1}", InputError(Errors.E106, source=source, detail=detail))


__all__ = ["expand_inputs", "read_bytes", "read_inputs", "read_jsonl", "read_warc"]
