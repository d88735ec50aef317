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
from .sanitize import printable_path, rejected, surrogate_at, valid_url
from .warc import iter_warc, read_warc

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
    """Expand directories (recursively, known extensions only, sorted) and globs.

    A glob that matches nothing or a path that does not exist raises E110 (a usage error). What
    is found but cannot be read (a broken symbolic link, a folder that cannot be listed) stays
    in the list, and the reader turns it into an E109 reject."""
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append("-")
            continue
        matches = sorted(glob.glob(item, recursive=True)) if glob.has_magic(item) else [item]
        if not matches or not all(os.path.lexists(m) for m in matches):
            raise InputError(Errors.E110, pattern=printable_path(item))
        for m in matches:
            if os.path.isdir(m):
                out.extend(_walk(m))
            else:
                out.append(m)
    return out


def _walk(folder: str) -> list[str]:
    found: list[str] = []

    def unreadable(err: OSError) -> None:
        found.append(str(err.filename or folder))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        found.extend(os.path.join(root, f) for f in sorted(files) if _ext(f) in KNOWN_EXT)
    return found


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


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    try:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read()
    except (AttributeError, OSError, ValueError) as e:  # closed or missing stdin
        raise InputError(Errors.E406, detail=f"{type(e).__name__}: {e}") from e


def _read_one(path: str, *, max_bytes: int, stdin: BinaryIO | None) -> Iterator[Doc]:
    if path == "-":
        yield from read_bytes("<stdin>", _read_stdin(stdin), max_bytes=max_bytes)
        return
    if surrogate_at(path) is not None:
        err = InputError(
            Errors.E112, source=printable_path(path), detail="the file name is not valid UTF-8"
        )
        yield rejected(path, err)
        return
    if os.path.isdir(path):  # a folder os.walk could not list
        err = InputError(Errors.E109, source=path, detail="folder cannot be listed")
        yield rejected(path, err)
        return
    ext = _ext(path)
    if ext not in KNOWN_EXT:
        known = ", ".join(KNOWN_EXT)
        yield rejected(path, InputError(Errors.E111, source=path, ext=ext, known=known))
        return
    try:
        size = os.path.getsize(path)
        if ext in TEXT_EXT + HTML_EXT and size > max_bytes:
            err = InputError(Errors.E107, source=path, size=size, limit=max_bytes)
            yield rejected(path, err)
            return
        if ext in WARC_EXT:
            yield from read_warc(path, max_bytes=max_bytes)
            return
        if ext in JSONL_EXT:
            yield from _read_jsonl_file(path, ext, max_bytes=max_bytes)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        yield rejected(path, InputError(Errors.E109, source=path, detail=e.strerror or str(e)))
        return
    doc = Doc(source=path, raw=data)
    doc.meta["kind"] = "html" if ext in HTML_EXT else "text"
    yield doc


def _read_jsonl_file(path: str, ext: str, *, max_bytes: int) -> Iterator[Doc]:
    """Stream the lines of a ``.jsonl`` (or ``.jsonl.gz``): memory stays one line."""
    if not ext.endswith(".gz"):
        with open(path, "rb") as fh:
            yield from _jsonl_records(path, fh, max_bytes=max_bytes)
        return
    with gzip.open(path, "rb") as gz:
        try:
            yield from _jsonl_records(path, gz, max_bytes=max_bytes)
        except (gzip.BadGzipFile, EOFError, zlib.error) as e:
            detail = f"{type(e).__name__}: {e}; the complete lines before the damage are read"
            yield rejected(path, InputError(Errors.E115, source=path, detail=detail))


def read_bytes(source: str, data: bytes, *, max_bytes: int) -> Iterator[Doc]:
    """Pages from a byte stream of unknown kind (stdin): JSON Lines, WARC, HTML or text."""
    head = data[:2048].lstrip()
    if not data.strip():
        yield rejected(source, InputError(Errors.E114, source=source, kind="stream"))
    elif data[:2] == b"\x1f\x8b" or head.startswith(b"WARC/"):
        yield from iter_warc(source, io.BytesIO(data), max_bytes=max_bytes)
    elif head.startswith(b"{"):
        yield from read_jsonl(source, data, max_bytes=max_bytes)
    else:
        if len(data) > max_bytes:
            yield rejected(
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
    yield from _jsonl_records(source, io.BytesIO(data), max_bytes=max_bytes)


def _jsonl_records(source: str, lines: Iterable[bytes], *, max_bytes: int) -> Iterator[Doc]:
    seen = 0
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen += 1
        yield _jsonl_record(source, n, line.rstrip(b"\r\n"), max_bytes=max_bytes)
    if not seen:
        yield rejected(source, InputError(Errors.E114, source=source, kind="JSON Lines file"))


def _jsonl_record(source: str, n: int, line: bytes, *, max_bytes: int) -> Doc:
    where = f"{source}:{n}"
    if len(line) > max_bytes:
        return rejected(
            where, InputError(Errors.E107, source=where, size=len(line), limit=max_bytes)
        )
    try:
        record: Any = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as e:
        detail = str(e) if not isinstance(e, RecursionError) else "nested too deeply"
        return rejected(where, InputError(Errors.E104, source=source, line=n, detail=detail), line)
    if not isinstance(record, dict):
        err = InputError(Errors.E104, source=source, line=n, detail="not a JSON object")
        return rejected(where, err, line)
    html, text = record.get("html"), record.get("text")
    if not isinstance(html, str) and not isinstance(text, str):
        return rejected(where, InputError(Errors.E105, source=source, line=n), line)
    body = html if isinstance(html, str) else str(text)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    date = record.get("date") or record.get("published")
    at = surrogate_at(body)
    if at is None and isinstance(date, str) and surrogate_at(date) is not None:
        date = None
    if at is not None:
        detail = f"a lone surrogate (\\u{ord(body[at]):04x}) at character {at}"
        return rejected(where, InputError(Errors.E112, source=where, detail=detail), line)
    bad_url = valid_url(url)
    if bad_url is not None:
        return rejected(where, InputError(Errors.E113, source=where, url=bad_url), line)
    doc = Doc(source=where, url=url)
    doc.raw = line
    if isinstance(html, str):
        doc.html = html
        doc.meta["kind"] = "html"
    else:
        doc.page = body
        doc.meta["kind"] = "text"
    if isinstance(date, str):
        doc.record_date = date
    return doc


__all__ = ["expand_inputs", "read_bytes", "read_inputs", "read_jsonl", "read_warc"]
