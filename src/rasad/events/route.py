"""What is sent "من X إلى Y": "شحنة أسلحة مرسلة من الدولة X إلى جماعة مسلحة في Y" — arms
from X to the group, whoever intercepts the shipment.

A noun trigger of a frame with a destination (``send``: aid, troops) followed within five
words by an actor after "من" and then, within four more words, an actor or place after "إلى"
takes the first as its source and the second as its target, before the clause's subject.
"""

from __future__ import annotations

from ..arabic import fold
from .arguments import Unit
from .frame_table import frame
from .lexicon import Hit
from .sides import _Sentence, _Side

__all__ = ["route_sides"]

_TO = fold("إلى")


def _group(units: list[Unit], u: Unit) -> list[Unit]:
    return [v for v in units if v.group == u.group and v.countries]


def route_sides(hit: Hit, sent: _Sentence) -> tuple[_Side, _Side] | None:
    """(source, target) of a sent thing named "من X إلى Y" after its noun, or None."""
    if hit.form.tense != "noun" or _TO not in frame(hit.entry.frame).place:
        return None
    after = [u for u in sent.units if hit.j <= u.i and u.countries]
    origin = next((u for u in after if u.prep == "من" and u.i - hit.j <= 5), None)
    if origin is None:
        return None
    dest = next(
        (
            u
            for u in after
            if u.i > origin.i
            and u.prep in frame(hit.entry.frame).place
            and u.i - origin.j <= 4
            and u.group != origin.group
        ),
        None,
    )
    if dest is None:
        return None
    src, tgt = _group(sent.units, origin), _group(sent.units, dest)
    if set(_Side.of(src).countries) & set(_Side.of(tgt).countries):
        return None
    return _Side.of(src), _Side.of(tgt)
