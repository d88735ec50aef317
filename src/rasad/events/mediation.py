"""Mediation: a third party between two sides (CONSULT, mode ``third-party``).

The mediator is the source; the sides it stands between are the target, one merged side:
"بين X و Y" in the sentence, or else the last pair of sides of the document. The mediator
is the verb's subject ("توسطت قطر بين ..."), the agent of the noun ("الوساطة القطرية",
"بوساطة من الإمارات", first for a noun) or, failing those, the speaker of the sentence. The
sides are "بين X و Y", else the last pair of the document, else the states the sentence
names (less the mediator).
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit
from .sides import _Ctx, _Sentence, _Side

__all__: list[str] = []  # internal to the events package


def _parties(sent: _Sentence, mediator: _Side, ctx: _Ctx) -> _Side | None:
    between = [u for u in sent.units if u.prep == "بين" and u.is_actor]
    if between:
        group = [u for u in sent.units if u.group == between[0].group and u.is_actor]
        side = _Side.of(group)
    elif ctx.dyad is not None:
        side = _Side(tuple(dict.fromkeys(c for s in ctx.dyad for c in s.countries)), None, None)
    else:  # "استعادت روسيا جنودا من الأسر الأوكراني بوساطة إماراتية": the states named
        side = _Side(tuple(dict.fromkeys(c for u in sent.units for c in u.countries)), None, None)
    rest = tuple(c for c in side.countries if c not in mediator.countries)
    return _Side(rest, None, None) if len(rest) >= 2 else None


def mediation_sides(
    hit: Hit, sent: _Sentence, subj: list[Unit] | None, ctx: _Ctx, reporter: Unit | None
) -> tuple[_Side, _Side] | None:
    """(mediator, the two sides as one) for a trigger of mediation, or None."""
    after = [
        u
        for u in sent.units
        if hit.j <= u.i <= hit.j + 2 and u.countries and (u.nisba or u.prep == "من")
    ]
    # the noun's own agent first ("مفاوضات روسية بوساطة من الإمارات": not Russia)
    who = (after[:1] if hit.form.tense == "noun" else None) or subj
    if not who:
        who = after[:1] or ([reporter] if reporter is not None else None)
    if not who:
        return None
    mediator = _Side.of(who)
    if not mediator.countries:
        return None
    parties = _parties(sent, mediator, ctx)
    return (mediator, parties) if parties is not None else None
