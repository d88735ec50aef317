"""Releases told without their releaser as subject (RETREAT, mode ``release``).

News reports many releases in the passive ("تم الإفراج عن ..."، "سيتم إطلاق سراح ...") or with
the released as the verb's object and no subject. The released side is the nationality of
the people freed, named after the trigger ("عشرين محتجزا روسيا"، "أسرى أوكرانيين"); the
releaser is named after "من قبل" ("من قبل حماس"), after a holding verb ("تحتجزهم إسرائيل") or
as the place they come from ("من قطاع غزة"). A side not named is the other side of the last
pair of the document; prisoners freed "من كل جانب" / "من الجانبين" are both sides of that pair
(two events, one each way).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import RELATIVES, _Ctx, _other, _Sentence, _Side, _strip

__all__: list[str] = []  # internal to the events package

#: auxiliaries of the passive: "تم / يتم / سيتم الإفراج عن ..."
_AUX = cue("passive_aux")
#: a verb or noun of holding before the holder: "تحتجزهم إسرائيل"، "المحتجزين لدى"
_HOLDING = cue("holding")
#: "من كل جانب"، "من الجانبين": both sides of the pair
_EACH_SIDE = cue("each_side")
#: a tail carrying the object's pronoun ("عنهم"، "سراحهم"): a relative clause
_TAIL_PRONOUNS = cue("relative_object")
#: "أعلنت X أنها ...": the clause's subject is the speaker
_SELF_CLAUSE = cue("self_clause")
#: how far before a release verb its subject may end ("إن الحركة أطلقت سراح ...")
_BEFORE_REACH = 6
#: how many words after the trigger the released and the releaser are looked for
_REACH = 9
#: how far "من قبل X" may stand after the trigger, past a long description of the released
#: ("... سراح عشرين رهينة من النساء والأطفال، من قبل X")
_BY_REACH = 18


def is_passive(hit: Hit, tokens: list[Token], lo: int) -> bool:
    """The trigger follows a passive auxiliary (one word may stand between: "تم أمس")."""
    return any(
        _strip(tokens[k].text).lstrip("س") in _AUX or _strip(tokens[k].text) in _AUX
        for k in range(max(lo, hit.i - 2), hit.i)
    )


def svo_release(
    hit: Hit,
    sent: _Sentence,
    tokens: list[Token],
    subj: list[Unit] | None,
    cs: int,
    reporter: Unit | None,
) -> tuple[_Side, _Side] | None:
    """(releaser, released) of a release verb with its tail right after it and the subject
    before it ("إن الحركة أطلقت سراح رهينتين أميركيتين"): the actor after the tail, which the
    reading took for a subject after the verb, is the nationality of the released; after "أنها"
    (cue ``self_clause``) the speaker frees them."""
    if hit.form.tense == "noun" or not hit.entry.tailed or hit.j - hit.i != 2:
        return None  # with a gap, the subject stands between the verb and its tail
    if not subj or not all(u.i >= hit.j for u in subj):
        return None
    if _strip(tokens[hit.j - 1].text) in _TAIL_PRONOUNS or (
        hit.i > sent.ti and _strip(tokens[hit.i - 1].text) in RELATIVES
    ):
        return None  # "الذين أفرجت عنهم X": the subject follows (relative.py)
    before = [u for u in sent.units if cs <= u.i and u.j <= hit.i and u.is_actor and u.countries]
    if before and not before[-1].prep and hit.i - before[-1].j <= _BEFORE_REACH:
        g = before[-1].group
        src = _Side.of([u for u in before if u.group == g and not u.prep])
    elif (
        not before
        and reporter is not None
        and reporter.countries
        and cs > sent.ti
        and tokens[cs - 1].text in _SELF_CLAUSE
    ):
        src = _Side.of([reporter])  # "أعلنت X أنها أفرجت عن ...": the speaker's pronoun
    else:
        return None
    tgt = _Side(subj[0].countries[:1], None, None)
    if set(src.countries) & set(tgt.countries):
        return None
    return src, tgt


def held_after(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """A holder is named after the trigger ("الإفراج عن خمسة X محتجزين لدى Y"): the releaser
    is the holder, not the subject of the sentence (which may be a mediator's clause)."""
    hi = min(sent.tj, hit.j + _REACH)
    return any(
        u.countries and u.i - 1 >= hit.j and _strip(tokens[u.i - 1].text) in _HOLDING
        for u in sent.units
        if hit.j < u.i < hi
    )


def _by_agent(u: Unit, tokens: list[Token], lo: int) -> bool:
    """``u`` follows "من قبل": the agent of a passive ("من قبل حماس")."""
    return (
        u.i - 2 >= lo
        and _strip(tokens[u.i - 1].text) == "قبل"
        and _strip(tokens[u.i - 2].text) == "من"
    )


def _releaser(u: Unit, tokens: list[Token], lo: int) -> bool:
    if _by_agent(u, tokens, lo):
        return True  # "من قبل حماس"
    if u.i - 1 >= lo and _strip(tokens[u.i - 1].text) in _HOLDING:
        return True  # "تحتجزهم إسرائيل"
    return u.place and u.prep == "من"  # "من قطاع غزة"


def release_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token], ctx: _Ctx
) -> list[tuple[_Side, _Side]] | None:
    """(releaser, released) pairs of a passive release, or None when its sides are not found."""
    hi = min(sent.tj, hit.j + _REACH)
    stop = next((k for k in sent.breaks + sent.relatives if hit.j <= k < hi), hi)
    words = {_strip(tokens[k].text) for k in range(hit.j, stop)}
    pairs = [
        " ".join((_strip(tokens[k].text), _strip(tokens[k + 1].text)))
        for k in range(hit.j, stop - 1)
    ]
    if ctx.dyad is not None and (words & _EACH_SIDE or any(p in _EACH_SIDE for p in pairs)):
        a, b = ctx.dyad
        return [(a, b), (b, a)]
    near = [u for u in sent.units if hit.j <= u.i < hi and u.countries]
    by = [u for u in near if _releaser(u, tokens, sent.ti)] or [
        u
        for u in sent.units
        if hi <= u.i < min(sent.tj, hit.j + _BY_REACH)
        and u.countries
        and _by_agent(u, tokens, sent.ti)
    ][:1]
    freed = [
        u
        for u in near
        if u not in by and u.i < stop and u.prep in ("", "عن") and (u.nisba or u.kind != "ORG")
    ]
    src = _Side(by[0].countries[:1], by[0].entity, by[0].sector) if by else None
    tgt = _Side(freed[0].countries[:1], None, None) if freed else None
    if ctx.dyad is not None:
        if src is None and tgt is not None:
            src = _other(tgt, ctx.dyad)
        elif tgt is None and src is not None:
            tgt = _other(src, ctx.dyad)
    if src is None or tgt is None or set(src.countries) == set(tgt.countries):
        return None
    return [(src, tgt)]
