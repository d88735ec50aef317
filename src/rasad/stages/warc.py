"""WARC reading (``.warc``, ``.warc.gz``, WARC on stdin) that never loses a record silently.

warcio parses the records. Around it: any parser failure on damaged bytes, a record whose
content ends before its ``Content-Length`` and bytes left over after the last complete record
(a file cut inside a record header or a gzip member) each become an E106 reject, and a file with
no response record at all is an E114 reject. Records read before the damage are kept.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..doc import Doc
from ..errors import Errors, InputError
from .sanitize import rejected, valid_url


def read_warc(path: str, *, max_bytes: int) -> Iterator[Doc]:
    with open(path, "rb") as fh:
        yield from iter_warc(path, fh, max_bytes=max_bytes)


def _size(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        pass
    try:
        here = stream.tell()
        end = stream.seek(0, os.SEEK_END)
        stream.seek(here)
        return end
    except (OSError, AttributeError, ValueError):
        return None


def _tail_is_blank(stream: BinaryIO, offset: int) -> bool:
    """Whether everything after ``offset`` is whitespace (padding after the last record)."""
    try:
        stream.seek(offset)
        rest = stream.read(4096)
    except (OSError, ValueError):
        return False
    return not rest.strip(b"\r\n\t \x00")


_CHUNK = 1 << 20


def gzip_damage(stream: BinaryIO) -> int | None:
    """For gzip data: the offset where the first damaged or unfinished member starts (None when
    every member is complete, or the data is not gzip). Streams: memory stays one chunk."""
    start = stream.tell()
    if stream.read(2) != b"\x1f\x8b":
        stream.seek(start)
        return None
    stream.seek(start)
    good = 0  # offset after the last complete member
    pos = 0  # offset of the next byte fed
    member = zlib.decompressobj(31)
    fed = False
    try:
        while chunk := stream.read(_CHUNK):
            data = chunk
            while data:
                member.decompress(data, 1)  # output is not needed, only the member ends
                while member.unconsumed_tail and not member.eof:
                    member.decompress(member.unconsumed_tail, _CHUNK)
                fed = True
                if member.eof:
                    rest = member.unused_data
                    good = pos + len(data) - len(rest)
                    pos, data = good, rest
                    member, fed = zlib.decompressobj(31), False
                    if data and not data.strip(b"\x00"):
                        data = b""
                    continue
                pos += len(data)
                data = b""
    except zlib.error:
        return good
    finally:
        stream.seek(start)
    return good if fed else None


def iter_warc(source: str, stream: BinaryIO, *, max_bytes: int) -> Iterator[Doc]:
    from warcio.archiveiterator import ArchiveIterator

    size = _size(stream)
    if size == 0:
        yield rejected(source, InputError(Errors.E114, source=source, kind="WARC file"))
        return
    damage = gzip_damage(stream)
    n = 0  # response records seen
    end = 0
    it: Any = None
    try:
        it = ArchiveIterator(stream)
        for record in it:
            if damage is not None and it.offset >= damage:
                break  # this record starts in a cut gzip member: reported below
            if record.rec_type is None or record.rec_headers.get_header("Content-Length") is None:
                detail = f"a record header is cut short after {n} response record(s)"
                err = InputError(Errors.E106, source=source, detail=detail)
                yield rejected(f"{source}#{n + 1}", err)
                return
            if record.rec_type == "response":
                n += 1
                doc = _record_doc(source, n, record, max_bytes=max_bytes)
                yield doc
                if doc.reject is not None and doc.reject.code == "E106":
                    return
            it.read_to_end()
            end = int(it.offset)  # after this complete record
    # warcio raises many kinds of errors on damaged bytes (AttributeError, ValueError, EOFError,
    # zlib.error, ArchiveLoadFailed...): every one of them means "damaged from here on".
    except Exception as e:
        detail = f"damaged after {n} response record(s): {type(e).__name__}: {e}"
        yield rejected(f"{source}#{n + 1}", InputError(Errors.E106, source=source, detail=detail))
        return
    if damage is not None:
        detail = f"gzip data cut or damaged at byte {damage}, {n} response record(s) read"
        yield rejected(f"{source}#{n + 1}", InputError(Errors.E106, source=source, detail=detail))
        return
    if size is not None and end < size and not _tail_is_blank(stream, end):
        detail = (
            f"{size - end} byte(s) after the last complete record at offset {end} "
            f"(cut inside a record), {n} response record(s) read"
        )
        yield rejected(f"{source}#{n + 1}", InputError(Errors.E106, source=source, detail=detail))
    elif n == 0:
        yield rejected(source, InputError(Errors.E114, source=source, kind="WARC file"))


def _record_doc(source: str, n: int, record: Any, *, max_bytes: int) -> Doc:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{source}#{n}"
    payload = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if record.rec_headers.get_header("Content-Length") is None:  # header block cut short
        detail = f"record {n} has no Content-Length (its header is cut short)"
        return rejected(where, InputError(Errors.E106, source=source, detail=detail), raw=payload)
    ctype_warc = record.rec_headers.get_header("Content-Type") or ""
    if missing == 0 and record.http_headers is None and "application/http" in ctype_warc:
        missing = max(int(record.length or 0) - len(payload), 1)  # HTTP header block cut short
    if missing > 0:  # the record ends before its Content-Length: damaged file
        detail = (
            f"record {n} is cut short, {missing} bytes missing; "
            f"{n - 1} complete response record(s) before it"
        )
        return rejected(where, InputError(Errors.E106, source=source, detail=detail), raw=payload)
    if len(payload) > max_bytes:
        err = InputError(Errors.E107, source=where, size=len(payload), limit=max_bytes)
        return rejected(where, err)
    bad_url = valid_url(url)
    if bad_url is not None:
        err = InputError(Errors.E113, source=where, url=bad_url)
        return rejected(where, err, raw=payload)
    doc = Doc(source=where, url=url, raw=payload)
    doc.fetched = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    ctype = ""
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    doc.meta["content_type"] = ctype
    doc.meta["kind"] = "text" if ctype.startswith("text/plain") else "html"
    if "charset=" in ctype.lower():
        doc.charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    return doc
