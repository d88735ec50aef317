"""The words of a document's normalised text, read once and shared by the linking steps.

A word is a run of letters (``WORD``: no digits, no underscore). The spelling variants of
multi-word names and the CRF's cue windows both look at the words near a position; instead of
a regular-expression scan of the text around every such position, they bisect this table.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

__all__ = ["WORD", "Words"]

WORD = re.compile(r"[^\W\d_]+")


class Words:
    """``spans``: the (start, end) of every word of ``norm``, in order."""

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, norm: str) -> None:
        self.spans = [m.span() for m in WORD.finditer(norm)]
        self.starts = [s for s, _ in self.spans]
        self.ends = [e for _, e in self.spans]

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans ``WORD.finditer(norm, lo, hi)`` gives: the words inside ``[lo, hi)``, a
        word across a limit cut there."""
        i, j = bisect_right(self.ends, lo), bisect_left(self.starts, hi)
        if i >= j or lo >= hi:
            return []
        out = self.spans[i:j]
        s, e = out[0]
        if s < lo:
            out[0] = (lo, e)
        s, e = out[-1]
        if e > hi:
            out[-1] = (s, hi)
        return out

    def between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The words that start in ``[lo, hi)``: ``within(lo, hi)`` when no word crosses
        either limit (a sentence of ``norm``, cut at punctuation or a line end)."""
        return self.spans[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
