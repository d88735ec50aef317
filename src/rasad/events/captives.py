"""Captives recovered or handed over (RETREAT ``release``, frames ``recover`` and ``handover``).

Exchanges of prisoners are often told from one side: it "recovered" its soldiers from
captivity ("استعادة 75 جنديا من الأسر الأوكراني") and "handed over" the other side's
("سلمت X الجانب الآخر عشرين أسيرا"). Such a trigger tells a release only with a
word of captivity within eight words after it (cue ``captives``: الأسر، أسرى، الرهائن ...);
without one it is idle ("استعادة السيطرة"، "تسليم السلطة") and the extractor drops it.

- recover: the one who recovers is the state of the people recovered named between the
  trigger and the word of captivity ("75 عسكريا روسيا ... الأسر"), else the subject of the
  sentence or its speaker; the captor is the nisba right after the word of captivity ("من
  الأسر الأوكراني"), else the other side of the last pair. The captor releases to the one
  who recovers.
- handover: the receiver is the state named right after the trigger ("تسليم الجانب
  الأوكراني ... أسرى"), else the captives' own state ("تسليم 10 محتجزين إسرائيليين"); the one
  who hands over is named after "من" ("من كتائب القسام"), else the subject or the speaker,
  else the other side of the last pair from the receiver.
- a swap told with the pronoun of those swapped ("مبادلتهم بخمسة X"): they are the people
  of the nationality named last before it ("الأمريكيين الخمسة الذين ..."), exchanged for the
  nationality after "بـ"; each side releases the other's (``swap_sides``).
- outlets reporting it and go-betweens (the Red Cross, the UN: sectors MED, NGO, IGO) are no
  side of the exchange.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Ctx, _other, _Sentence, _Side, _strip

__all__: list[str] = []  # internal to the events package

_CAPTIVES = cue("captives")
#: how far after the trigger the word of captivity may stand
_REACH = 8
#: how far after the trigger the receiver of a handover may stand
_TO_REACH = 3
#: how far after the word of captivity the giver may be named ("من كتائب ...")
_FROM_REACH = 6
#: sectors of outlets and go-betweens: no side of an exchange
_GO_BETWEEN = frozenset(cue("media_sectors") | {"IGO", "NGO"})


def _bare(word: str) -> str:
    w = _strip(word)
    if len(w) > 3 and w[0] in "بل" and w[1:3] == "ال":
        w = w[1:]
    if w.startswith("لل"):
        w = "ال" + w[2:]
    return w


def _captivity(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[int]:
    """The words of captivity after the trigger ("من جنودها من الأسر")."""
    hi = min(sent.tj, hit.j + _REACH)
    return [k for k in range(hit.j, hi) if _bare(tokens[k].text) in _CAPTIVES]


def idle(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """A trigger of these frames with no captives after it ("تسليم السلطة")."""
    return hit.entry.frame in ("recover", "handover") and not _captivity(hit, sent, tokens)


def _state(units: list[Unit]) -> _Side | None:
    return _Side.of(units[:1]) if units and units[0].countries else None


def _party(u: Unit) -> bool:
    """A unit that may be a side of the exchange: not an outlet reporting it, not a
    go-between (the Red Cross, the UN)."""
    return bool(u.countries) and u.sector not in _GO_BETWEEN


def captive_sides(
    hit: Hit,
    sent: _Sentence,
    tokens: list[Token],
    ctx: _Ctx,
    subj: list[Unit] | None,
    reporter: Unit | None,
) -> tuple[_Side, _Side] | None:
    """(releaser, released) of captives recovered or handed over, or None."""
    found = _captivity(hit, sent, tokens)
    if not found:
        return None
    k = found[0]
    own = _state([u for u in subj or [] if _party(u)]) or (
        _Side.of([reporter]) if reporter is not None and _party(reporter) else None
    )
    # the nationality of the captives, right after the word of captivity
    # ("المحتجزين الإسرائيليين") or between the trigger and it ("75 عسكريا روسيا")
    people = _state(
        [u for u in sent.units if any(c < u.i <= c + 2 for c in found) and _party(u) and not u.prep]
    )
    if hit.entry.frame == "recover":
        before = [u for u in sent.units if hit.j <= u.i < k and _party(u)]
        taker = _state(before) or own
        captor = None if people is None or taker is None or people == taker else people
        if taker is None:
            return None
        if captor is None and ctx.dyad is not None:
            captor = _other(taker, ctx.dyad)
        if captor is None or set(captor.countries) & set(taker.countries):
            return None
        return captor, taker
    # handover: the receiver right after the trigger ("تسليم الجانب الأوكراني ... أسرى"),
    # else the captives' own state; the giver after "من" ("من كتائب القسام"), else the
    # subject or the speaker, else the other side of the last pair
    receiver = (
        _state(
            [u for u in sent.units if hit.j <= u.i <= hit.j + _TO_REACH and u.i < k and _party(u)]
        )
        or people
    )
    by = [u for u in sent.units if k < u.i <= k + _FROM_REACH and u.prep == "من" and _party(u)]
    giver = _state(by) or own
    if (
        giver is not None
        and receiver is not None
        and set(giver.countries) & set(receiver.countries)
    ):
        giver = None  # "سلمت X أسراها": its own people come back to it
    if ctx.dyad is not None:
        if giver is None and receiver is not None:
            giver = _other(receiver, ctx.dyad)
        elif receiver is None and giver is not None:
            receiver = _other(giver, ctx.dyad)
    if giver is None or receiver is None or set(receiver.countries) & set(giver.countries):
        return None
    return giver, receiver


#: how far after a swap noun "بـ" + the people swapped for may stand
_SWAP_REACH = 3


def swap_sides(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[tuple[_Side, _Side]]:
    """Both releases of a swap told with a pronoun ("مبادلتهم بخمسة X"), or []."""
    if hit.form.suffix not in ("ه", "ها", "هم", "هما") or hit.form.tense != "noun":
        return []
    at = next(
        (
            k
            for k in range(hit.j, min(sent.tj, hit.j + _SWAP_REACH))
            if _strip(tokens[k].text).startswith("ب")
        ),
        None,
    )
    if at is None:
        return []
    other = [u for u in sent.units if at <= u.i <= at + 2 and _party(u) and not u.prep]
    before = [u for u in sent.units if sent.ti <= u.i and u.j <= hit.i and _party(u)]
    # the people named by their nationality ("الأمريكيين الخمسة الذين أفرجت عنهم X"), not X
    them = [u for u in before if u.nisba or u.modifier] or before
    if not other or not them:
        return []
    a, b = _Side(them[-1].countries[:1], None, None), _Side(other[0].countries[:1], None, None)
    if set(a.countries) & set(b.countries):
        return []
    return [(a, b), (b, a)]
