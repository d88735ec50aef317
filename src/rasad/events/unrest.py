"""A state's charge against the organisers of unrest at home (ACCUSE ``allege``, X → X).

Authorities that report arrests often say what the arrested are charged with: "قالت السلطات إن
منظمي الاحتجاجات، الذين حاولوا الاستيلاء على السلطة، قد اعتقلوا". A trigger flagged
``charge`` in ``triggers.tsv`` (seizing power) is such a charge only when a domestic group
(``domestic.domestic_group``: the organisers of protests or riots, the protesters, the
opposition) stands before it in its sentence, and a speaker of one state is named in that
sentence (a reporting verb's subject): the charge is that state's against its own people.
Anywhere else the trigger says nothing ("استولى الجيش على السلطة" told as history).

Used by ``special.special_events``.
"""

from __future__ import annotations

from .domestic import domestic_group
from .reading import Reading
from .sides import _Side

__all__: list[str] = []  # internal to the events package

#: how far before the charge the domestic group may stand ("منظمي الاحتجاجات الجماهيرية،
#: الذين يزعم أنهم حاولوا الاستيلاء على السلطة")
_REACH = 12


def charge_sides(r: Reading) -> list[tuple[_Side, _Side]]:
    """The speaker's state on both sides, or nothing."""
    hit, sent, tokens = r.hit, r.sent, r.tokens
    lo = max(sent.ti, hit.i - _REACH)
    if not any(domestic_group(tokens, k) for k in range(lo, hit.i)):
        return []
    speakers = [u for k, u in sent.reporters if k <= hit.i and len(u.countries) == 1]
    if not speakers or speakers[0].sector == "IGO":
        return []
    state = _Side(speakers[0].countries, None, None)
    return [(state, state)]
