"""A truce or agreement placed in a third state is not the last pair's: after a call between
X and Y, "الجهود ... للتوصل إلى اتفاق لوقف إطلاق النار في قطاع غزة" is about Gaza, not an
agreement of X and Y.

Used by ``symmetric.symmetric_sides`` before it lends the last pair of the document to a
trigger with no sides of its own.
"""

from __future__ import annotations

from .lexicon import Hit
from .sides import _Sentence, _Side

__all__: list[str] = []  # internal to the events package

#: how far after the trigger the place may stand
_REACH = 8


def elsewhere(hit: Hit, sent: _Sentence, dyad: tuple[_Side, _Side]) -> bool:
    """A place (في) within a few words after ``hit`` names a state neither side is of."""
    mine = {c for side in dyad for c in side.countries}
    return any(
        u.place and u.prep == "في" and u.countries and not set(u.countries) & mine
        for u in sent.units
        if hit.j <= u.i <= hit.j + _REACH
    )
