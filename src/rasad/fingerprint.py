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


def body_key(doc: Doc) -> str:
    """Hash of the normalised body: equal for pages whose article text only differs in
    orthography, spacing or furniture."""
    return content_hash(" ".join(_WORD.findall(doc.norm)))


def shingles(norm: str, k: int = SHINGLE) -> set[str]:
    toks = _WORD.findall(norm)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def minhash(items: Iterable[str]) -> np.ndarray[Any, np.dtype[np.uint32]]:
    """A MinHash signature (datasketch's universal hashing scheme, vectorised)."""
    import hashlib

    hv = np.array(
        [
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
            for s in items
        ]
        or [0],
        dtype=np.uint64,
    )
    phv = ((np.outer(hv, _A) + _B) % _MERSENNE) & _MAX_HASH
    return phv.min(axis=0).astype(np.uint32)  # type: ignore[no-any-return]


def similarity(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    return float(np.mean(a == b))


@dataclass(slots=True)
class Prior:
    """An article already stored: for exact-duplicate links and cluster joins."""

    id: str
    body_key: str
    cluster: str
    minhash: bytes
