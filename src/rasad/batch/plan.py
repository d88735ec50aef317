"""Inputs and shards: expand local paths, folders, globs and fsspec URLs into input units, and
cut them into shards in reading order.

A unit is one input file. A container (WARC, JSON Lines) is a shard of its own (a crawl's WARC
files are the natural unit of work); single-page files are grouped ``shard_size`` to a shard.
The global order of pages (shard by shard, then as read) is the order ``read_inputs`` gives
on the same inputs, so global decisions equal the single-machine run.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..doc import Doc
from ..errors import Errors, InputError, MissingDependencyError
from ..stages.read import JSONL_EXT, KNOWN_EXT, WARC_EXT, expand_inputs, read_inputs

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(item: str) -> bool:
    return bool(_URL.match(item)) and not item.startswith("file://")


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError as e:
        raise MissingDependencyError(
            Errors.E403,
            what="reading URLs (s3://, gs://, https://)",
            package="fsspec",
            extra="rasad[ray]",
        ) from e
    return fsspec


def _ext(path: str) -> str:
    low = path.lower().split("?", 1)[0]
    for ext in (".warc.gz", ".jsonl.gz"):
        if low.endswith(ext):
            return ext
    return os.path.splitext(low)[1]


def _expand_url(item: str) -> list[str]:
    fsspec = _fsspec()
    fs, _, paths = fsspec.core.get_fs_token_paths(item)
    protocol = fs.protocol[0] if isinstance(fs.protocol, tuple | list) else fs.protocol
    out: list[str] = []
    for p in sorted(paths):
        if fs.isdir(p):
            out.extend(f for f in sorted(fs.find(p)) if _ext(f) in KNOWN_EXT)
        elif fs.exists(p):
            out.append(p)
    if not out:
        raise InputError(Errors.E110, pattern=item)
    return [
        p if is_url(p) else f"{protocol}://{p.lstrip('/') if protocol != 'memory' else p}"
        for p in out
    ]


def expand(inputs: Iterable[str]) -> list[str]:
    """Input units (files and URLs) in reading order."""
    out: list[str] = []
    for item in inputs:
        if is_url(item):
            out.extend(_expand_url(item))
        else:
            out.extend(expand_inputs([item.removeprefix("file://")]))
    return out


def is_container(unit: str) -> bool:
    return _ext(unit) in WARC_EXT + JSONL_EXT


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    units: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"s{self.index:06d}"

    @property
    def digest(self) -> str:
        return hashlib.blake2b("\n".join(self.units).encode(), digest_size=8).hexdigest()


def plan(units: list[str], shard_size: int) -> list[Shard]:
    shards: list[Shard] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            shards.append(Shard(len(shards), tuple(current)))
            current.clear()

    for unit in units:
        if is_container(unit):
            flush()
            current.append(unit)
            flush()
        else:
            current.append(unit)
            if len(current) >= shard_size:
                flush()
    flush()
    return shards


def read_unit(unit: str, *, max_bytes: int, date: str | None) -> Iterator[Doc]:
    """The pages of one unit. A URL is copied to a local temporary file first (streamed), read
    like a local file, and its pages named after the URL."""
    if not is_url(unit):
        yield from read_inputs([unit], max_bytes=max_bytes, date=date)
        return
    fsspec = _fsspec()
    tmpdir = tempfile.mkdtemp(prefix="rasad-url-")
    local = os.path.join(tmpdir, "unit" + _ext(unit))
    try:
        with fsspec.open(unit, "rb") as src, open(local, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        for doc in read_inputs([local], max_bytes=max_bytes, date=date):
            doc.source = unit + doc.source[len(local) :]
            if doc.reject:
                doc.reject = doc.reject.moved(local, unit)
            yield doc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
