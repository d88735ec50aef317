"""Acts named inside a stance: "أعرب X عن إدانته لقصف ..." / "دانت X القصف الذي استهدف ...",
and acts asked for: "دعا X إلى اجتماع طارئ", "طالب بوقف إطلاق النار".

An attack, arrest or sanction that is the object of a condemnation, a welcome, a rejection or
a demand is reported by the one who takes the stance, not carried out by them. When such an
act has no doer of its own in the sentence, the rules would give it the stance's subject
(the nearest actor before it): X → the place struck. An act whose source is an actor that
stands before a stance trigger which itself stands before the act is dropped; its doer, if
named between the stance and the act ("اتهمت X Y بقصف ..."; "دانت X القصف التركي"), keeps it.
The types are in ``data/cues.tsv`` (``stance_types``, ``nested_acts``).

A trigger noun that only dates another statement ("وقبيل الاجتماع، التقى ...", "وعقب
المحادثات، قال ..."): a time preposition (``time_preps``), the definite noun, then a comma or
the end of the sentence, with no side of its own: the event was told before; read from the
document's context it gets the wrong sides.

An act asked for is not an act done: a trigger noun introduced by "إلى" or بـ / لـ after a
request ("دعا البيان كلا من X و Y إلى اجتماع طارئ") with no other trigger in between is
hypothetical, like an offer (kept and flagged, not scored).

A trigger noun in the aim of another act ("زار ... بهدف تثبيت الهدنة") is what is sought, not a
report of it (``in_aim``, cue ``aim``).
"""

from __future__ import annotations

from ..doc import Event
from .cues import cue
from .lexicon import Hit, Token
from .sides import CLAUSE_BREAKS, RELATIVES, _Sentence

__all__: list[str] = []  # internal to the events package

_STANCES = cue("stance_types")
_ACTS = cue("nested_acts")
#: "بهدف", "من أجل", "سعيا إلى": what follows is an aim
_AIM = cue("aim")


def inside_stance(
    event: Event, hit: Hit, hits: list[Hit], sent: _Sentence, made: dict[int, list[Event]]
) -> bool:
    """True when ``event`` (from ``hit``) is an act named in the object of an earlier stance
    trigger of the sentence and its source is the stance's side (an actor before the stance,
    or the source of the stance's own events, ``made`` by trigger start), not a doer of its
    own."""
    if event.type not in _ACTS or not event.source.entity:
        return False
    stance = next(
        (
            g
            for g in reversed(hits)
            # a judgement word (verdict.py) ends its clause: what follows is not its object
            if g.i < hit.i and g.entry.type in _STANCES and not g.entry.has("verdict")
        ),
        None,
    )
    if stance is None:
        return False
    if any(e.source.entity == event.source.entity for e in made.get(stance.start, [])):
        return True  # "دانت روسيا القصف الذي استهدف ...": the one who condemns
    mine = [u for u in sent.units if event.source.entity in u.entities and u.j <= hit.i]
    # before the stance verb, or its subject right after it when the act is a noun in its
    # object or the verb of a relative clause there ("أدانت السعودية الهجوم على ..."، "أدانت
    # مصر الاعتداء الذي استهدف ..."; not "أدانت X ... وقصفت ...": a verb of its own)
    vso = stance.form.tense != "noun" and (hit.form.tense == "noun" or hit.i - 1 in sent.relatives)
    return bool(mine) and all(
        u.j <= stance.i or (vso and u.i == stance.j and not u.prep) for u in mine
    )


_ASKED_PREPS = cue("asked_preps")


def requested(hit: Hit, hits: list[Hit], tokens: list[Token]) -> bool:
    """True when the trigger noun ``hit`` is what a request before it asks for."""
    if hit.form.tense != "noun" or hit.entry.type == "REQUEST" or hit.i == 0:
        return False
    if not (tokens[hit.i - 1].text in _ASKED_PREPS or hit.clitic.lstrip("وف")[:1] in ("ب", "ل")):
        return False
    before = [g for g in hits if g.i < hit.i]
    return bool(before) and before[-1].entry.type == "REQUEST"


_TIME_PREPS = cue("time_preps")


def time_reference(hit: Hit, tokens: list[Token], sent: _Sentence, norm: str) -> bool:
    """True for "قبيل الاجتماع،": a definite trigger noun after a time preposition, closed by
    a comma or the end of its sentence."""
    if hit.form.tense != "noun" or hit.form.suffix or hit.i <= sent.ti or hit.j - hit.i != 1:
        return False
    if not tokens[hit.i].text.lstrip("وفبل").startswith("ال") and not hit.clitic.endswith("لل"):
        return False
    if tokens[hit.i - 1].text.lstrip("و") not in _TIME_PREPS:
        return False
    if hit.j >= sent.tj:
        return True
    gap = norm[tokens[hit.j - 1].end : tokens[hit.j].start]
    return "،" in gap or "," in gap


def in_aim(hit: Hit, tokens: list[Token], lo: int) -> bool:
    """ "زار ... بهدف تثبيت الهدنة ودعم عملية تبادل الأسرى": a noun in the aim of another act
    is what is sought, not a report of it (up to eight words after the aim word)."""
    if hit.form.tense != "noun":
        return False
    for k in range(hit.i - 1, max(lo, hit.i - 9) - 1, -1):
        word = tokens[k].text
        if word in CLAUSE_BREAKS or word in RELATIVES:
            return False
        if word in _AIM or word.lstrip("و") in _AIM:
            return True
    return False
