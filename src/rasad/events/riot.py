"""Protesters who attack: "اقتحم المتظاهرون القنصلية الإيرانية وأحرقوها" is a riot (PROTEST
``riot``) in the state where it happens, aimed at the state whose building or people they
attack, not an attack by that state.

An ASSAULT verb with a protesters' word as its subject (cue ``rioters``, right after the verb
or right before it) is read as a riot: the source is the state of the place (``reading._home``),
the target the first actor after the protesters' word (within four words), else the same
state. So is an ASSAULT noun that protesters try to do ("يحاول المتظاهرون ... اقتحام مبنى
البرلمان": a verb of cue ``attempt_verbs`` with the protesters' word right after it, the noun
within ten words on); its target is the first actor after the noun. Protesters who storm a
state's own institution (a parliament, a ministry: a linked body that is no embassy) riot in
that state, wherever else the sentence names (``institution_home``).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__ = ["attempted_only", "riot_object"]

_RIOTERS = cue("rioters")
_ATTEMPT = cue("attempt_verbs")
#: how far after the protesters' word the noun they try to do may stand
_ATTEMPT_REACH = 10
#: sectors of the bodies whose building is in their own state
_INSTITUTIONS = cue("institution_sectors")


def _attempted(hit: Hit, sent: _Sentence, tokens: list[Token]) -> int | None:
    """Where the protesters' word stands when ``hit`` (a noun) is what they try to do."""
    lo = max(sent.ti, hit.i - _ATTEMPT_REACH - 1)
    for k in range(lo, hit.i - 1):
        if _strip(tokens[k].text) in _ATTEMPT and _strip(tokens[k + 1].text) in _RIOTERS:
            return k + 1
    return None


def attempted_only(hits: list[Hit], sent: _Sentence, tokens: list[Token]) -> list[Hit]:
    """``hits`` less the nouns flagged ``riotonly`` that no protesters try to do: they are no
    trigger at all (nor the nearest trigger a date attaches to)."""
    return [
        h for h in hits if not h.entry.has("riotonly") or _attempted(h, sent, tokens) is not None
    ]


def institution_home(attacked: list[Unit]) -> str | None:
    """The state of a state institution stormed (a body of sector ``institution_sectors``)."""
    if not attacked:
        return None
    u = attacked[0]
    ok = u.kind == "ORG" and u.entity is not None and u.sector in _INSTITUTIONS
    return u.countries[0] if ok and len(u.countries) == 1 else None


def riot_object(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """None if ``hit`` is not protesters attacking; else what they attack ([] if unnamed)."""
    if hit.entry.type != "ASSAULT":
        return None
    if hit.form.tense == "noun":
        if _attempted(hit, sent, tokens) is None:
            return None
        k = hit.j  # "يحاول المتظاهرون ... اقتحام مبنى البرلمان": what they try to storm
    elif hit.j < sent.tj and _strip(tokens[hit.j].text) in _RIOTERS:
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
