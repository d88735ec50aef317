"""A state's charge against the organisers of unrest at home (ACCUSE ``allege``, X → X).

Authorities that report arrests often say what the arrested are charged with: "قالت السلطات إن
منظمي الاحتجاجات، الذين حاولوا الاستيلاء على السلطة، قد اعتقلوا". A trigger flagged
``charge`` in ``triggers.tsv`` (seizing power) is such a charge only when a domestic group
(``domestic.domestic_group``: the organisers of protests or riots, the protesters, the
opposition) stands before it in its sentence, and a speaker of one state is named in that
sentence (a reporting verb's subject): the charge is that state's against its own people.
Anywhere else the trigger says nothing ("استولى الجيش على السلطة" told as history).

Used by ``special.special_events``; ``charged_only`` by ``extractor.extract_events``.
"""

from __future__ import annotations

from .domestic import domestic_group
from .lexicon import Hit, Token
from .reading import Reading
from .sides import _Sentence, _Side

__all__: list[str] = []  # internal to the events package

#: how far before the charge the domestic group may stand ("منظمي الاحتجاجات الجماهيرية،
#: الذين يزعم أنهم حاولوا الاستيلاء على السلطة")
_REACH = 12


def _group_before(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    lo = max(sent.ti, hit.i - _REACH)
    return any(domestic_group(tokens, k) for k in range(lo, hit.i))


def charged_only(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> list[Hit]:
    """``hits`` less the charges (flag ``charge``) with no domestic group before them: they
    are no trigger at all (nor the nearest trigger a date attaches to)."""
    return [h for h in hits if not h.entry.has("charge") or _group_before(h, sent, tokens)]


def charge_sides(r: Reading) -> list[tuple[_Side, _Side]]:
    """The speaker's state on both sides, or nothing."""
    hit, sent, tokens = r.hit, r.sent, r.tokens
    if not _group_before(hit, sent, tokens):
        return []
    speakers = [u for k, u in sent.reporters if k <= hit.i and len(u.countries) == 1]
    if not speakers or speakers[0].sector == "IGO":
        return []
    state = _Side(speakers[0].countries, None, None)
    return [(state, state)]
