"""Hostile conduct charged "من X ضد Y": "تتواصل الاعتداءات من الدولة X على حدودنا مع Y"
— the speaker accuses X (ACCUSE ``allege``).

A noun of reported conduct (flag ``allege``) takes as the accused the actor after "من" within
three words of it when "ضد" / "على" (cue ``against``) follows that actor, before the actors of
its clause (the speaker is the source, as for every reported conduct).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence

__all__ = ["accused_after"]

_AGAINST = cue("against")


def accused_after(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The actor "من X" right after a conduct noun followed by "ضد ..." / "على ...", or None."""
    if hit.form.tense != "noun":
        return None
    after = [u for u in sent.units if u.i >= hit.j and u.is_actor and u.countries]
    origin = next((u for u in after if u.prep == "من" and u.i - hit.j <= 3), None)
    if origin is None:
        return None
    if not any(
        tokens[k].text in _AGAINST for k in range(origin.j, min(sent.tj, origin.j + 2))
    ):
        return None
    return [v for v in sent.units if v.group == origin.group and v.is_actor]
