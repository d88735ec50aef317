"""The first party of a meeting or call told with its partner only: "وجاءت هذه الدعوات خلال
مكالمة هاتفية أجراها مع وزير الخارجية الإيراني" — the one who held it is the person the
text was last about (a person or a role, named before, of another state than the partner).

Used by ``symmetric.symmetric_sides`` when neither a subject nor a speaker names it.
"""

from __future__ import annotations

from .arguments import Unit
from .sides import _Ctx

__all__: list[str] = []  # internal to the events package

_PEOPLE = frozenset({"PER", "ROLE"})


def protagonist(ctx: _Ctx, partners: list[Unit]) -> Unit | None:
    """The last person named before, if a person of a state none of ``partners`` is of."""
    who = ctx.person
    if who is None or who.kind not in _PEOPLE or not who.countries:
        return None
    theirs = {c for u in partners for c in u.countries}
    return None if set(who.countries) & theirs else who
