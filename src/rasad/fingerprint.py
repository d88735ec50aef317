"""Fingerprints of article bodies: the exact-duplicate key and the MinHash signature of word
shingles, shared by the dedup stages, the store (stored clusters as ``Prior``) and the batch
cluster step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .doc import Doc, content_hash

NUM_PERM = 128
SHINGLE = 4
THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_rng = np.random.RandomState(1)
_A = _rng.randint(1, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)


def body_words(norm: str) -> list[str]:
    """The words of a normalised body (what ``body_key`` and ``shingles`` read)."""
    return _WORD.findall(norm)


def body_key(doc: Doc, words: list[str] | None = None) -> str:
    """Hash of the normalised body: equal for pages whose article text only differs in
    orthography, spacing or furniture (``words``: ``body_words(doc.norm)`` when known)."""
    return content_hash(" ".join(body_words(doc.norm) if words is None else words))


def shingles(norm: str, k: int = SHINGLE, *, words: list[str] | None = None) -> set[str]:
    """The word ``k``-grams of ``norm`` (``words``: ``body_words(norm)`` when known)."""
    toks = body_words(norm) if words is None else words
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return set(map(" ".join, zip(*(toks[i:] for i in range(k)), strict=False)))


def minhash(items: Iterable[str]) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """A MinHash signature (datasketch's universal hashing scheme, vectorised)."""
    import hashlib

    blake2b = hashlib.blake2b
    data = b"".join([blake2b(s.encode(), digest_size=4).digest() for s in items])
    hv = np.frombuffer(data, dtype="<u4").astype(np.uint64) if data else np.zeros(1, np.uint64)
    phv = _mod_mersenne(np.outer(hv, _A) + _B) & _MAX_HASH
    return phv.min(axis=0).astype(np.uint32)  # type: ignore[no-any-return]


def _mod_mersenne(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``x % (2**61 - 1)`` for uint64 ``x``, without a division: x = hi * 2**61 + lo, and
    2**61 = 1 modulo the prime, so x = lo + hi (< 2**61 + 8) modulo it."""
    r = (x & _MERSENNE) + (x >> np.uint64(61))
    r[r >= _MERSENNE] -= _MERSENNE
    return r


def similarity(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    return float(np.mean(a == b))


#: (bands, rows) of datasketch's ``MinHashLSH`` for ``THRESHOLD`` and ``NUM_PERM`` (its
#: optimal parameters with equal false-positive and false-negative weights).
BANDS_ROWS = {(THRESHOLD, NUM_PERM): (25, 5)}


def band_ranges(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> list[tuple[int, int]]:
    """The (start, end) slices of the signature that form the LSH bands, as datasketch's
    ``MinHashLSH(threshold, num_perm).hashranges`` (without importing it and scipy)."""
    bands_rows = BANDS_ROWS.get((threshold, num_perm))
    if bands_rows is None:
        from datasketch.lsh import _optimal_param

        bands_rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    b, r = bands_rows
    return [(i * r, (i + 1) * r) for i in range(b)]


class BandIndex:
    """MinHash LSH: keys whose signatures are equal on all rows of at least one band.

    The same candidates as datasketch's ``MinHashLSH`` with the same bands; a dictionary per
    band, built and queried in this process."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.ranges = band_ranges(threshold, num_perm)
        self.tables: list[dict[bytes, list[str]]] = [{} for _ in self.ranges]

    def _bands(self, sig: np.ndarray[Any, Any]) -> list[bytes]:
        values = np.ascontiguousarray(sig, dtype=np.uint32)
        return [values[s:e].tobytes() for s, e in self.ranges]

    def insert(self, key: str, sig: np.ndarray[Any, Any]) -> None:
        for table, band in zip(self.tables, self._bands(sig), strict=True):
            table.setdefault(band, []).append(key)

    def query(self, sig: np.ndarray[Any, Any]) -> set[str]:
        out: set[str] = set()
        for table, band in zip(self.tables, self._bands(sig), strict=True):
            out.update(table.get(band, ()))
        return out


@dataclass(slots=True)
class Prior:
    """An article already stored: for exact-duplicate links and cluster joins."""

    id: str
    body_key: str
    cluster: str
    minhash: bytes
