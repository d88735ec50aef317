"""A masculine singular verb does not go on with a state or city named before it as its
subject: "واتهم الرئيس X موسكو بـ...، وطالب الولايات المتحدة بـ..." — the one who asks is
the president (the first actor of the sentence, a person), not Moscow (the object of the
first verb); Moscow asking would be "وطالبت".

Used by ``subject.first_side`` on the subject found before a verb joined by و.
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit
from .sides import _MASCULINE_GPE, _Sentence

__all__: list[str] = []  # internal to the events package

_PEOPLE = frozenset({"PER", "ROLE"})


def masc_subject(hit: Hit, sent: _Sentence, found: list[Unit] | None) -> list[Unit] | None:
    """``found``, or, when a masculine singular verb joined by و has a plain feminine state or
    city name as the actor before it, the sentence's first actor if it is a person."""
    if (
        not found
        or hit.form.tense == "noun"
        or hit.form.fem
        or hit.form.number != "sg"
        or not hit.clitic.startswith("و")
    ):
        return found
    if not all(
        u.kind == "GPE" and not u.nisba and not set(u.countries) & _MASCULINE_GPE for u in found
    ):
        return found
    first = [u for u in sent.units if u.is_actor and not u.prep and u.j <= found[0].i]
    if not first or first[0].kind not in _PEOPLE:
        return found
    return [u for u in sent.units if u.group == first[0].group and u.is_actor and not u.prep]
