"""Protesters who attack: "اقتحم المتظاهرون القنصلية الإيرانية وأحرقوها" is a riot (PROTEST
``riot``) in the state where it happens, aimed at the state whose building or people they
attack, not an attack by that state.

An ASSAULT verb with a protesters' word as its subject (cue ``rioters``, right after the verb
or right before it) is read as a riot: the source is the state of the place (``reading._home``),
the target the first actor after the protesters' word (within four words), else the same
state.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__ = ["riot_object"]

_RIOTERS = cue("rioters")


def riot_object(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """None if ``hit`` is not protesters attacking; else what they attack ([] if unnamed)."""
    if hit.entry.type != "ASSAULT" or hit.form.tense == "noun":
        return None
    if hit.j < sent.tj and _strip(tokens[hit.j].text) in _RIOTERS:
        k = hit.j + 1
    elif hit.i > sent.ti and _strip(tokens[hit.i - 1].text) in _RIOTERS:
        k = hit.j
    else:
        return None
    for u in sent.units:
        if u.i < k or not u.is_actor or not u.countries:
            continue
        if u.i - k > 4 or u.prep not in ("", "علي"):
            break
        return [v for v in sent.units if v.group == u.group and v.is_actor and v.i >= u.i]
    return []
