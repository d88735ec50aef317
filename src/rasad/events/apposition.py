"""Actor phrases: where a comma-joined phrase of actors ends.

"دعا الوزير الأميركي، أنتوني بلينكن، الحكومة الإيرانية إلى ...": a title and the name of one
person (one country) make an apposition; the comma after it closes the subject, and the next
actor is the object. A list goes on to a "و" ("روسيا، تركيا، وإيران") and stays one group.
Used by ``arguments._set_groups``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .arguments import Unit
    from .lexicon import Token

__all__ = ["apposition_closed"]


def _comma_only(prev: Unit, unit: Unit, tokens: list[Token], norm: str) -> bool:
    """Joined to the unit before by a comma alone (no و on it or between)."""
    gap = norm[prev.end : unit.start]
    return (
        ("،" in gap or "," in gap)
        and not unit.clitic_wa
        and not any(t.text == "و" or t.text.startswith("و") for t in tokens[prev.j : unit.i])
    )


def apposition_closed(units: list[Unit], n: int, tokens: list[Token], norm: str) -> bool:
    """ "دعا الوزير الأميركي، أنتوني بلينكن، الحكومة الإيرانية ...": a comma after an
    apposition (a title and the name of one person, one country) closes the phrase; the
    unit after it starts a new one unless a list goes on to a "و" ("X، Y، وZ")."""
    unit, prev = units[n], units[n - 1]
    if not _comma_only(prev, unit, tokens, norm) or set(unit.countries) == set(prev.countries):
        return False
    k = n + 1
    while k < len(units):  # a list "A، B، C و D": the chain reaches a و
        a, b = units[k - 1], units[k]
        if b.i - a.j > 2:
            break
        if b.clitic_wa or any(t.text.startswith("و") for t in tokens[a.j : b.i]):
            return False
        if not _comma_only(a, b, tokens, norm):
            break
        k += 1
    return True
