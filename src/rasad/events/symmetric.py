"""The parties of a symmetric trigger (a meeting, talks, an agreement, clashes): the
subject's members, the partners "مع X", the object, the reporter, the last pair of the
document; a phone call or a meeting of three or more is read from its first party.

Used by ``frames._events_for``.
"""

from __future__ import annotations

from .domestic import between_state
from .elsewhere import elsewhere
from .protagonist import protagonist
from .reading import FirstSide, Reading, _home
from .same_entity import distinct
from .sides import _object, _other, _Side
from .stance import reached

__all__: list[str] = []  # internal to the events package


def symmetric_sides(r: Reading, fs: FirstSide) -> list[tuple[_Side, _Side]]:
    """The pairs of parties of ``r``'s trigger (may lower ``r.conf``)."""
    hit, sent, tokens, ctx = r.hit, r.sent, r.tokens, r.ctx
    entry, mode, fr, is_verb = r.entry, r.mode, r.fr, r.is_verb
    partners, taken, reporter = r.partners, r.taken, r.reporter
    subj, dyad_anaphor = fs.subj, fs.dyad_anaphor
    if subj:
        subj = distinct(subj)  # "العاهل السعودي، الملك سلمان": one party (same_entity.py)
    sides: list[tuple[_Side, _Side]] = []
    parties: list[_Side] = []
    if dyad_anaphor and ctx.dyad is not None:
        parties = list(ctx.dyad)
    elif subj and len(subj) >= 2:
        parties = [_Side.of([u]) for u in subj]
    elif subj:
        parties = [_Side.of(subj)]
    if len(parties) == 1 or (not parties and partners):
        if partners:
            parties += [_Side.of([u]) for u in partners]
        elif is_verb and hit.form.number != "dual":
            obj = _object(hit, sent, subj, taken, preps=fr.target)
            if obj:
                parties.append(_Side.of(obj))
        elif not is_verb and parties:
            obj = _object(hit, sent, subj, taken, reach=3, preps=fr.target_n)
            if obj:
                parties.append(_Side.of(obj))
    if not parties and partners:
        parties = [_Side.of(partners)]
    if len(parties) == 1 and partners and subj is None:
        rep = reporter or (ctx.reporter if not entry.has("weak") else None)
        if rep is not None:
            parties.insert(0, _Side.of([rep]))
            r.conf -= 0.1
        elif (who := protagonist(ctx, partners)) is not None:
            parties.insert(0, _Side.of([who]))  # "مكالمة أجراها مع X" (protagonist.py)
            r.conf -= 0.15
    if (
        not parties
        and ctx.dyad is not None
        and reached(hit, tokens, sent.ti)
        and not elsewhere(hit, sent, ctx.dyad)  # "... إلى اتفاق في قطاع غزة" (elsewhere.py)
    ):
        # "أفضت المحادثات إلى اتفاق": an outcome of the talks of the last pair (stance.py)
        parties, r.conf = list(ctx.dyad), r.conf - 0.15
    speaker: list[_Side] = []  # a party read from the speaker of an earlier sentence
    if not parties and ((is_verb and hit.form.number == "dual") or not entry.has("weak")):
        rep = reporter or ctx.reporter
        if rep is not None and (is_verb or not entry.has("weak")):
            parties = [_Side.of([rep])]
            speaker = parties[:1] if reporter is None else []
    if (
        len(parties) == 1
        and ctx.dyad is not None
        and not entry.has("weak")
        and not elsewhere(hit, sent, ctx.dyad)
    ):
        other = _other(parties[0], ctx.dyad)
        if other is not None:
            parties.append(other)
            r.conf -= 0.15
    if entry.has("domestic") and not dyad_anaphor:
        home = _home(hit, sent, ctx)
        named = {c for u in sent.units if u.is_actor and not u.place for c in u.countries}
        # the speaker of an earlier sentence (ctx.reporter) is no party of the fighting
        own = [p for p in parties if not any(p is q for q in speaker)]
        if home is not None and {c for p in own for c in p.countries} | named <= {home}:
            side = _Side((home,), None, None)  # "اشتباكات في طرابلس بين قوات موالية ..."
            return [(side, side)]  # made like any pair (frames._events_for)
        inside = between_state(hit, sent, tokens)  # "بين قوات موالية لـ X وأخرى لـ Y" (domestic.py)
        if inside is not None and named <= {inside}:
            side = _Side((inside,), None, None)
            return [(side, side)]
    if len(parties) < 2:
        return []
    if len(parties) == 2 and set(parties[0].countries) == set(parties[1].countries):
        return []  # two sides of one state: not an interaction between states
    if len(parties) > 2 and mode == "phone":
        sides = [(parties[0], p) for p in parties[1:]]
    elif len(parties) > 2:
        sides = [(parties[0], _Side.of([]))]
        merged = [c for p in parties[1:] for c in p.countries]
        sides = [(parties[0], _Side(tuple(dict.fromkeys(merged)), None, None))]
    elif entry.has("mutual"):
        sides = [(parties[0], parties[1]), (parties[1], parties[0])]  # an exchange
    else:
        sides = [(parties[0], parties[1])]
    return sides
