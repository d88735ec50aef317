"""Whom a statement is addressed to when its clause names no object.

Used by ``directed.directed_sides``: the parties of a "بين X و Y" phrase after a welcome or a
condemnation ("رحبت X ببدء المحادثات بين A و B"), a truce word after a call (the call goes to
the sides of the last fighting: "دعا إلى وقف فوري لإطلاق النار"), the international body
whose resolution a vote goes against ("اعتمد مجلس الحكام قرارا ... وإن X صوتت ضد القرار"),
and where a relative clause starts (its actors are not the trigger's: "على الاتفاق الذي
توسطت فيه X").
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

#: what a call for a truce asks for: "وقف إطلاق النار"، "هدنة"، "التهدئة"
_TRUCE = cue("truce_heads")
#: a resolution: "القرار"، "مشروع القرار"
_RESOLUTIONS = tuple(tuple(p.split()) for p in cue("resolutions"))
#: the preposition of a vote's target after its subject: "ضد"
_VOTE_PREPS = cue("vote_preps")
_VOTE_REACH = 7


def resolution_body(
    hit: Hit, tokens: list[Token], sent: _Sentence, src: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The international body named last before the trigger in its sentence, when a
    resolution comes right after the trigger ("صوتت روسيا والصين ضد القرار"): the vote is
    against that body's resolution."""
    # right after the trigger, or after its preposition past a long subject ("صوتت X و Y
    # و Z ضد القرار"; cue vote_preps)
    starts = [hit.j] + [
        k + 1
        for k in range(hit.j, min(sent.tj, hit.j + _VOTE_REACH))
        if _strip(tokens[k].text) in _VOTE_PREPS
    ]
    if not any(_resolution_at(tokens, k, sent.tj) for k in starts[:2]):
        return None
    for u in reversed(sent.units):
        if (
            u.i < hit.i
            and u.kind == "ORG"
            and u.sector == "IGO"
            and u.countries
            and not set(u.countries) & set(src)
        ):
            return u.countries[:1]
    return None


def _resolution_at(tokens: list[Token], k: int, tj: int) -> bool:
    words = tuple(tokens[m].text for m in range(k, min(tj, k + 2)))
    return any(words[: len(p)] == p for p in _RESOLUTIONS)


def relative_after(sent: _Sentence, k: int) -> int:
    """The first relative pronoun at or after word ``k`` ("على الاتفاق الذي توسطت فيه X"):
    actors past it are the relative clause's."""
    return next((r for r in sent.relatives if r >= k), sent.tj)


def truce_after(hit: Hit, tokens: list[Token], tj: int, start: int | None = None) -> bool:
    """A truce word within four words after the trigger ("دعا إلى وقف فوري لإطلاق النار"),
    or after its subject when one follows it (``start``: "دعا المجلس الرئاسي الليبي إلى وقف
    الاشتباكات")."""
    lo = max(hit.j, start or hit.j)
    for k in range(lo, min(tj, lo + 4)):
        word = tokens[k].text
        if word in _TRUCE or word[1:] in _TRUCE or _strip(word) in _TRUCE:
            return True  # وقف، بوقف / لوقف، ووقف
    return False


def between_group(hit: Hit, sent: _Sentence, subj: list[Unit] | None) -> list[Unit] | None:
    """The actors of a "بين X و Y" phrase within six words after the trigger and its
    subject."""
    start = max([hit.j] + [u.j for u in subj or [] if u.i >= hit.j])
    between = [
        u for u in sent.units if u.prep == "بين" and u.is_actor and start <= u.i <= start + 6
    ]
    if not between:
        return None
    return [u for u in sent.units if u.group == between[0].group and u.is_actor]
