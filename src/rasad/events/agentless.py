"""Acts told without their agent: "تعرضت محطة كهرباء أوكرانية لهجوم بطائرات مسيرة", "تم
استهداف مواقع للجيش الإسرائيلي", "الهجوم الذي تعرضت له سفارة X".

An attack noun after a verb of undergoing (cue ``undergo``: تعرض، تعرضت ...; its subject, the
one attacked, may stand between: "تعرضت السفارة التركية لهجوم") or after a passive auxiliary
(cue ``passive_aux``: تم، يتم ...) names the target, not the agent: the actor after the verb of
undergoing (or after "له" in a relative clause), or the actor right after the noun with "تم".
The source is the other side of the last fighting of the document (``_Ctx.fight``); with no
fighting told before, or an agent named ("من قبل X"), the usual rules apply.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Ctx, _Sentence, _Side, _strip

__all__ = ["agentless_sides"]

_UNDERGO = cue("undergo")
_PASSIVE = cue("passive_aux")
_BY = frozenset({"قبل"})  # "من قبل X": the agent is named


def _bare(word: str) -> str:
    """Without a glued و / ف when the rest is a known word ("وتم", "فتعرضت")."""
    if word[:1] in "وف" and (word[1:] in _UNDERGO or word[1:] in _PASSIVE):
        return word[1:]
    return word


def agentless_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token], ctx: _Ctx
) -> tuple[_Side, _Side] | None:
    """(source, target) of an attack told without its agent, or None."""
    if hit.entry.type != "ASSAULT" or hit.form.tense != "noun" or not ctx.fight:
        return None
    lo = max(sent.ti, hit.i - 6)
    verb = next(
        (k for k in range(hit.i - 1, lo - 1, -1) if _bare(tokens[k].text) in _UNDERGO), None
    )
    target: list[Unit] = relative_undergo(hit, sent, tokens) or []
    if target:
        pass
    elif verb is not None:
        # "تعرضت X لهجوم": X between; "الهجوم الذي تعرضت له X": X after "له"
        target = [u for u in sent.units if u.is_actor and verb < u.i and u.j <= hit.i]
        if not target and not hit.clitic.startswith("ل"):
            return None
    elif hit.i > sent.ti and _bare(tokens[hit.i - 1].text) in _PASSIVE:
        target = [u for u in sent.units if u.is_actor and hit.j <= u.i <= hit.j + 3][:1]
    else:
        return None
    if not target:
        return None
    if any(_strip(tokens[k].text) in _BY for k in range(hit.j, min(sent.tj, hit.j + 6))):
        return None  # "من قبل X": the agent is named
    hit_countries = {c for u in target for c in u.countries}
    if not hit_countries:
        return None
    source = tuple(c for c in ctx.fight if c not in hit_countries)
    if not source or len(source) == len(ctx.fight):
        return None  # the last fighting was not against the one attacked now
    return _Side(source, None, None), _Side.of(target)


def relative_undergo(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """ "الهجوم الذي تعرضت له X": X, the one attacked (for a noun before the relative)."""
    k = hit.j
    if k + 2 >= sent.tj or tokens[k].text not in ("الذي", "التي"):
        return None
    if _bare(tokens[k + 1].text) not in _UNDERGO or not tokens[k + 2].text.startswith("ل"):
        return None
    return [u for u in sent.units if u.is_actor and k + 3 <= u.i <= k + 5][:1] or None
