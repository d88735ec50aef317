"""What a CRFsuite model file knows: its attribute (feature) names, read without pycrfsuite.

A ``crf1d`` model stores its attribute dictionary as a CQDB database; its backward array
lists every string by id. ``pycrfsuite`` looks up every feature string of every token in that
dictionary on each call and skips the unknown ones, so leaving them out before the call gives
the same labels and marginals for less work (``Featurizer.sentence(..., pruned=...)``).
"""

from __future__ import annotations

import struct
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB = struct.Struct("<4sIIIII")
_RECORD = struct.Struct("<iI")


def _cqdb_strings(buf: bytes, offset: int) -> list[str]:
    """The strings of the CQDB database at ``offset`` in ``buf``."""
    magic, _size, _flag, _order, count, bwd = _CQDB.unpack_from(buf, offset)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite model (no CQDB chunk)")
    out: list[str] = []
    for ref in struct.unpack_from(f"<{count}I", buf, offset + bwd):
        if ref:
            _sid, ksize = _RECORD.unpack_from(buf, offset + ref)
            start = offset + ref + _RECORD.size
            out.append(buf[start : start + ksize - 1].decode("utf-8"))
    return out


def attributes(path: Path) -> frozenset[str]:
    """The attribute names of a CRFsuite ``crf1d`` model file."""
    buf = path.read_bytes()
    head = _HEADER.unpack_from(buf, 0)
    if head[0] != b"lCRF" or head[2] != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite crf1d model")
    return frozenset(_cqdb_strings(buf, head[9]))
