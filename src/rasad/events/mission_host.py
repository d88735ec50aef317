"""Where one's own mission serves when the text named it before the trigger: "هاجم مسلح
سفارة X في Y ... وبدأت X على أثرها إخلاء بعثتها" — the evacuation (or recall, or closure)
is toward Y, the state of the place named before it in the sentence.

Used by ``directed.directed_sides`` for frames whose places name the target (``envoy``),
when no place follows the trigger. Only for a trigger whose tail carries a possessive
pronoun (one's own envoy or mission: سفيرها، بعثتها، سفارته), never for "طرد السفير".
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit, Token
from .sides import _Sentence, _Side

__all__: list[str] = []  # internal to the events package

#: the preposition before the place a mission serves in: "سفارة X في طهران"
_AT = "في"


def mission_host(
    hit: Hit, sent: _Sentence, tokens: list[Token], src: _Side | None
) -> list[Unit]:
    """The last place of another state named before ``hit`` in its sentence with في."""
    if not hit.entry.tailed or hit.j - hit.i < 2 or tokens[hit.j - 1].text.startswith("ال"):
        return []
    before = [
        u
        for u in sent.units
        if u.j <= hit.i
        and u.place
        and u.prep == _AT
        and u.countries
        and not (src and set(u.countries) & set(src.countries))
    ]
    return before[-1:]
