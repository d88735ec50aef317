"""The partner of a call told by a verb of telling (issue 12, class B).

- "أبلغ X وزيرَ خارجية Y خلال اتصال هاتفي بـ ..."، "هنأ X الرئيس Y خلال اتصال": a meeting or
  call noun with no side of its own, in a clause opened by a verb of telling or greeting (cue
  ``told_verbs``: أبلغ، أطلع، هنأ، عزى، طمأن ...), the noun after a word of cue ``told_during``
  (خلال، في), whose subject and bare (accusative) object
  are actors before the noun: the subject calls, the object is the partner (``told_sides``).
- A "بين X و Y" after a topic word (a verbal noun with بـ, حول، بشأن: cue ``topic_preps``) is
  what the call is about, not its sides (``topic_between``).
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _Sentence, _strip

__all__: list[str] = []  # internal to the events package

#: verbs of telling whose object is the one told: أبلغ، أطلع، هنأ ...
_TOLD = cue("told_verbs")
#: words that open the topic of a talk: حول، بشأن
_TOPIC = cue("between_topics")
#: the words before the call noun: خلال، في، أثناء
_DURING = cue("told_during")
_REACH = 3  # the words the subject may stand after the verb


def topic_between(tokens: list[Token], k: int, i: int) -> bool:
    """True when a topic word stands in ``tokens[k:i]`` before a "بين": "اتصال ببدء ترسيم
    الحدود بين X و Y" is about the border between X and Y."""
    for m in range(k, i):
        w = tokens[m].text
        if w in _TOPIC or (w.startswith("ب") and w != "بين" and len(w) > 3):
            return True
    return False


def _group(sent: _Sentence, u: Unit) -> list[Unit]:
    return [v for v in sent.units if v.group == u.group and v.is_actor]


def told_sides(
    hit: Hit, sent: _Sentence, tokens: list[Token]
) -> tuple[list[Unit], list[Unit]] | None:
    """(caller, partner) of the call noun ``hit`` ("خلال اتصال") told by a verb of telling
    before it."""
    if hit.form.tense != "noun" or hit.i <= sent.ti or tokens[hit.i - 1].text not in _DURING:
        return None
    verb = next(
        (
            k
            for k in range(hit.i - 1, sent.ti - 1, -1)
            if tokens[k].text in _TOLD or _strip(tokens[k].text) in _TOLD
        ),
        None,
    )
    if verb is None:
        return None
    actors = [u for u in sent.units if verb < u.i and u.j <= hit.i and u.is_actor]
    if not actors or actors[0].i > verb + _REACH or actors[0].prep:
        return None
    subj = _group(sent, actors[0])
    end = max(u.j for u in subj)
    rest = [u for u in actors if u.i >= end]
    if not rest or rest[0].prep or rest[0].i > end + _REACH:
        return None
    obj = _group(sent, rest[0])
    if any(tokens[m].text in (",", "،") for m in range(end, rest[0].i)):
        return None  # an apposition, not an object
    return subj, obj
