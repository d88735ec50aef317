"""Demands and charges told without a trigger word (hits made here, read in ``frames.py``).

- An obligation in a reported statement ("يجب على X أن ...", "إن على X أن ...", or "على X أن"
  after a colon or quote) is a demand by the speaker addressed to X (REQUEST, ``obligations``).
- Hostile acts with their doer named after "من (طرف / قبل / جانب)" in a reported statement
  ("لا تزال الاستفزازات من جانب Y مستمرة") are the speaker's allegation against the doer
  (ACCUSE allege, stated: a negator before the noun does not negate it; ``hostile_acts``).

The cue sets are in ``data/cues.tsv`` (``must``, ``obligation_on``, ``hostile_acts``,
``by_heads``).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Entry, Form, Hit, Token
from .sides import _Sentence, _strip
from .stance import THAT, variants

__all__: list[str] = []  # internal to the events package

#: the entry of an obligation: "يجب على X أن ..." (a demand by the speaker, REQUEST)
_OBLIGE = Entry(-1, "على", "X", "REQUEST", None, frozenset({"oblige", "nomodel"}))
_OBLIGE_FORM = Form("noun", "sg", "")
#: words that make "على X أن" an obligation: "يجب"، "ينبغي"، "إن" (or a colon / quote before it)
_MUST = cue("must")
_ON = cue("obligation_on")


def obligations(hits: list[Hit], tokens: list[Token], sent: _Sentence, norm: str) -> list[Hit]:
    """ "يجب على X أن ...", "وعلى X أن ...": in a reported statement (a speaker in the
    sentence), an obligation laid on the actor X; one hit per "على", on that word."""
    if not sent.reporters:
        return []
    out: list[Hit] = []
    taken = {k for h in hits for k in range(h.i, h.j)}
    for u in sent.units:
        k = u.i - 1
        if k <= sent.ti or not u.is_actor or not u.countries or k in taken:
            continue
        if tokens[k].text not in _ON or u.j >= sent.tj or _strip(tokens[u.j].text) not in THAT:
            continue
        gap = norm[tokens[k - 1].end : tokens[k].start]
        if _strip(tokens[k - 1].text) in _MUST or any(c in gap for c in ':"«“'):
            t = tokens[k]
            out.append(Hit(k, k + 1, t.start, t.end, _OBLIGE, _OBLIGE_FORM, ""))
    return out


def obligation_sides(hit: Hit, sent: _Sentence, speaker: Unit | None) -> tuple[Unit, Unit] | None:
    """(the speaker, the actor the obligation is laid on) of an obligation hit."""
    obliged = next((u for u in sent.units if u.i == hit.j and u.is_actor), None)
    if speaker is None or obliged is None or not speaker.countries:
        return None
    if set(speaker.countries) == set(obliged.countries):
        return None
    return speaker, obliged


#: hostile acts told as a charge: "الاستفزازات المتواصلة من قبل Y"
_HOSTILE = cue("hostile_acts")
#: "من طرف / من قبل / من جانب X": the doer
_BY_HEADS = cue("by_heads")
_HOSTILE_ENTRY = Entry(
    -2, "hostile", "X", "ACCUSE", "allege", frozenset({"hostile", "affirm", "nomodel"})
)


def hostile_acts(hits: list[Hit], tokens: list[Token], sent: _Sentence) -> list[Hit]:
    """ "قال X: لا تزال الاستفزازات من جانب Y مستمرة": hostile acts
    whose doer is named after "من" (up to two words after the noun), in a sentence with a
    speaker: the speaker's allegation against the doer (one hit on the noun)."""
    if not sent.reporters:
        return []
    taken = {k for h in hits for k in range(h.i, h.j)}
    starts = {u.i: u for u in sent.units if u.is_actor and u.countries}
    out: list[Hit] = []
    k = sent.ti
    while k < sent.tj:
        words = variants(tokens[k].text)
        size = 1 if words & _HOSTILE else 0
        if not size and k + 1 < sent.tj:
            pairs = {f"{w} {v}" for w in words for v in variants(tokens[k + 1].text)}
            size = 2 if pairs & _HOSTILE else 0
        if not size or k in taken:
            k += 1
            continue
        end = k + size
        for m in range(end, min(sent.tj - 1, end + 3)):
            if tokens[m].text != "من":
                continue
            n = m + 1 + (tokens[m + 1].text in _BY_HEADS)
            if n in starts:
                t = tokens[k]
                out.append(
                    Hit(k, end, t.start, tokens[end - 1].end, _HOSTILE_ENTRY, _OBLIGE_FORM, "")
                )
            break
        k = end
    return out


def hostile_sides(hit: Hit, sent: _Sentence, speaker: Unit | None) -> tuple[Unit, Unit] | None:
    """(the speaker, the doer named after "من") of a hostile-acts hit."""
    doer = next(
        (u for u in sent.units if hit.j < u.i <= hit.j + 5 and u.is_actor and u.countries), None
    )
    if speaker is None or doer is None or not speaker.countries:
        return None
    if set(speaker.countries) == set(doer.countries):
        return None
    return speaker, doer
