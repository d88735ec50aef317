"""An agentless act noun that opens a reported clause is no act of the speaker.

"قالت وزارة الخارجية المصرية في بيان إن الانفجار ألحق أضرارا بمبنى السفارة": the speaker
before "إن" reports the blast (often as its victim); it did not set it off. An act noun that is
agentless by nature (cue ``reported_agentless``: انفجار، تفجير، حادث، هجوم ...) standing right
after "إن / أن / بأن" (cue ``reported_that``), with no agent of its own (no possessive suffix,
no nisba: "إن غاراته"، "إن قصفا أميركيا" keep theirs, found before this is asked), and the
verb right after it whose subject it is ("أن الهجوم استهدف ..."), take no source from the
speaker before "إن". Used by ``directed.directed_sides`` where an authority announcing its
own material act is taken as the source.
"""

from __future__ import annotations

from .cues import cue
from .lexicon import Hit, Token
from .sides import _strip

__all__: list[str] = []  # internal to the events package

_AGENTLESS = cue("reported_agentless")
_THAT = cue("reported_that")


def _opens(tokens: list[Token], k: int, ti: int) -> bool:
    """Word ``k`` is an agentless act noun right after "إن / أن"."""
    if k - 1 < ti:
        return False
    word = _strip(tokens[k].text)
    if word not in _AGENTLESS and word.removeprefix("ال") not in _AGENTLESS:
        return False
    return _strip(tokens[k - 1].text) in _THAT


def reported_topic(hit: Hit, tokens: list[Token], ti: int) -> bool:
    """True when the noun ``hit`` is an agentless act opening the clause after "إن", or the
    verb ``hit`` has such a noun right before it as its subject ("أن الهجوم استهدف ...")."""
    if hit.form.suffix:
        return False
    if hit.form.tense == "noun":
        return _opens(tokens, hit.i, ti)
    return _opens(tokens, hit.i - 1, ti)
