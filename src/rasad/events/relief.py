"""Relief sent to a stricken state without the word مساعدات (AID, frame ``relief``).

Disaster news tells aid by what is sent: rescue teams, field hospitals, medical supplies, an
air bridge ("فرق إنقاذ"، "مستشفى ميداني"، "جسر جوي"), or by the planes and convoys that carry
them ("أقلعت الطائرة متوجهة إلى ..."، "تحركت قافلة للجيش ... إلى المناطق المنكوبة"). A trigger
of the ``relief`` frame is read here and nowhere else:

- it needs a word of sending or moving near it (cue ``relief_motion``: إرسال، إيفاد،
  أقلعت، متوجهة، لنقل ...) unless it is a sending itself (cue ``relief_self``: جسر جوي);
  a carrier (cue ``relief_carriers``: طائرة، قافلة) also needs a word of relief within eight
  words (cue ``relief_words``: إنقاذ، إغاثة، المنكوبة، طبية ...) or a natural disaster
  named before in the document (cue ``disasters``: الزلزال، الفيضانات، الإعصار ...), and is
  no plane of war (cue ``carrier_not_next``: حربية، مسيرة) nor one carrying a person
  ("الطائرة التي تقله", cue ``carries_person``; "طائرة تقل" + a person, cue
  ``carry_verbs``); such idle hits are dropped by the extractor (``idle``);
- the sender is the agent right after the noun (a nisba or "لـ" + a body: "قافلة للجيش
  المصري"), else the subject the reading found, else the first actor of its clause or the
  first nisba there ("الهلال الأحمر الإيراني"), else the speaker of the sentence ("أعلنت
  الخارجية التركية عن إرسال ...");
- the recipient is a state after the noun, reached by "إلى" / "نحو" (also "إلى المناطق
  المنكوبة في X"), "لـ" or "في"; else the place named nearest before it in its sentence;
  else, after a disaster named in the document and with no other destination written after
  the trigger ("إلى إقليم ..." not known is no fallback), the country of the last place named
  up to three sentences before (the stricken state the page is about);
- a state does not send relief to itself: rescue teams sent inside the country are no event.
"""

from __future__ import annotations

from ..arabic import clitic_stems
from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Ctx, _Sentence, _Side, _strip

__all__: list[str] = []  # internal to the events package

_MOTION = cue("relief_motion")
_WORDS = cue("relief_words")
_CARRIERS = cue("relief_carriers")
_SELF = cue("relief_self")
_PASSENGER = cue("carries_person")
_CARRY = cue("carry_verbs")
_WAR_CARRIER = cue("carrier_not_next")
_NOT_DEST_BEFORE = cue("not_destination_before")
_NOT_DEST_AFTER = cue("not_destination_after")
_DISASTERS = cue("disasters")
_TO = frozenset({"الي", "نحو"})
_TO_PREPS = frozenset({"الي", "نحو", "ل", "لل", "في"})
#: words before and after the trigger where a word of sending is looked for
_MOTION_BEFORE, _MOTION_AFTER = 5, 4
#: how far from a carrier a word of relief may stand
_WORDS_REACH = 8
#: how far after the trigger the recipient may stand
_REACH = 14
#: how many sentences back the place of the disaster may have been named
_PLACE_BACK = 3


def _forms(word: str) -> set[str]:
    """A word without its glued proclitics and ال ("وبإرسال" → إرسال; ``arabic.clitic_stems``)."""
    out = {*clitic_stems(word), _strip(word)}
    return out | {x[2:] for x in out if x.startswith("ال") and len(x) > 4}


def _has(tokens: list[Token], lo: int, hi: int, words: frozenset[str]) -> bool:
    return any(_forms(tokens[k].text) & words for k in range(max(lo, 0), hi))


def _sender(
    hit: Hit,
    sent: _Sentence,
    subj: list[Unit] | None,
    cs: int,
    reporter: Unit | None,
) -> _Side | None:
    after = [
        u
        for u in sent.units
        if hit.j <= u.i <= hit.j + 2
        and u.countries
        and (u.nisba or (u.prep in ("ل", "لل") and u.is_actor))
    ]
    if after:
        return _Side.of(after[:1])
    if subj and any(u.countries for u in subj):
        return _Side.of([u for u in subj if u.countries])
    before = [u for u in sent.units if cs <= u.i and u.j <= hit.i and u.countries and u.prep == ""]
    actors = [u for u in before if u.is_actor]
    if actors:  # the clause's first actor: "وضعت X ...، وأرسلت فريق إنقاذ"
        g = actors[0].group
        return _Side.of([u for u in actors if u.group == g])
    nisbas = [u for u in before if u.nisba]
    if nisbas:  # "وأعلن الهلال الأحمر الإيراني عن إرسال ..."
        return _Side.of(nisbas[:1])
    if reporter is not None and reporter.countries:
        return _Side.of([reporter])
    return None


def _recipient(hit: Hit, sent: _Sentence, tokens: list[Token], sender: _Side) -> str | None:
    """The state relief goes to, named after the trigger; else the place named nearest before
    it in its sentence ("أرسلت X طائرة إلى دمشق ...، كما أرسلت فرق إنقاذ")."""
    hi = min(sent.tj, hit.j + _REACH)
    for u in sent.units:
        if u.i < hit.j or u.i >= hi or not u.countries:
            continue
        if set(u.countries) & set(sender.countries):
            continue
        if u.prep in _TO_PREPS and (u.place or u.kind == "GPE"):
            return u.countries[0]
        if u.place and _has(tokens, hit.j, u.i, _TO):
            return u.countries[0]  # "إلى المناطق المنكوبة في ليبيا"
    before = [
        u
        for u in sent.units
        if u.j <= hit.i
        and u.place
        and u.prep in _TO_PREPS
        and u.countries
        and not set(u.countries) & set(sender.countries)
    ]
    return before[-1].countries[0] if before else None


def _destination(tokens: list[Token], lo: int, hi: int) -> bool:
    """A destination is written in ``[lo, hi)`` ("إلى إقليم ..."; not "إضافة إلى"، "إلى
    جانب"): relief sent inside the stricken state, or to a place not known, is no event."""
    for k in range(lo, hi):
        if not _forms(tokens[k].text) & _TO:
            continue
        if k > 0 and _forms(tokens[k - 1].text) & _NOT_DEST_BEFORE:
            continue
        if k + 1 < len(tokens) and _forms(tokens[k + 1].text) & _NOT_DEST_AFTER:
            continue
        return True
    return False


def _passenger(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """A carrier of a person: "الطائرة التي تقله"، "طائرة تقل وزير الخارجية"."""
    hi = min(sent.tj, hit.j + 3)
    if _has(tokens, hit.j, hi, _PASSENGER):
        return True
    carry = [k for k in range(hit.j, hi) if _forms(tokens[k].text) & _CARRY]
    return bool(carry) and any(
        carry[0] < u.i <= carry[0] + 2 and u.kind in ("PER", "ROLE") for u in sent.units
    )


def idle(hit: Hit, sent: _Sentence, tokens: list[Token]) -> bool:
    """A relief trigger that tells no sending: no word of sending near it, a carrier with no
    relief or disaster in sight, a carrier of a person. The extractor drops such hits before
    dates are given out ("لهجوم بطائرات مسيرة اليوم": the date is the attack's)."""
    if hit.entry.frame != "relief":
        return False
    lo, hi = max(sent.ti, hit.i - _MOTION_BEFORE), min(sent.tj, hit.j + _MOTION_AFTER)
    if not _has(tokens, lo, hi, _MOTION) and not _has(tokens, hit.i, hit.j, _SELF):
        return True
    if not _forms(tokens[hit.i].text) & _CARRIERS:
        return False
    if hit.j < sent.tj and _forms(tokens[hit.j].text) & _WAR_CARRIER:
        return True  # "طائرات حربية"، "طائرة مسيرة"
    near = _has(
        tokens, max(sent.ti, hit.i - _WORDS_REACH), min(sent.tj, hit.j + _WORDS_REACH), _WORDS
    )
    if not near and not _has(tokens, 0, sent.tj, _DISASTERS):
        return True
    return _passenger(hit, sent, tokens)  # "الطائرة التي تقله إلى ...": a trip


def relief_sides(
    hit: Hit,
    sent: _Sentence,
    tokens: list[Token],
    ctx: _Ctx,
    subj: list[Unit] | None,
    cs: int,
    reporter: Unit | None,
) -> tuple[_Side, _Side] | None:
    """(sender, stricken state) of relief told by what is sent, or None."""
    if idle(hit, sent, tokens):
        return None
    disaster = _has(tokens, 0, sent.tj, _DISASTERS)
    sender = _sender(hit, sent, subj, cs, reporter)
    if sender is None:
        return None
    to = _recipient(hit, sent, tokens, sender)
    if (
        to is None
        and disaster
        and ctx.place is not None
        and sent.n - ctx.place[1] <= _PLACE_BACK
        and not _destination(tokens, hit.j, min(sent.tj, hit.j + _REACH))
    ):
        to = ctx.place[0]  # "أعلنت X عن إرسال فريق إنقاذ" on a page about the flood in Y
    if to is None or to in sender.countries:
        return None
    return sender, _Side((to,), None, None)
