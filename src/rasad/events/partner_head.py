"""A partner named through its head noun: "لقاء مع الوفد العماني", "اجتماعا مع مسؤولين
أمريكيين", "لقاء له مع رئيس الوزراء X".

The linker's mention is the nisba or the name only; the preposition that marks the partner
stands before the head noun (cue ``actor_heads``: الوفد، مسؤولين، الجانب ...) or before a
two-word title (cue ``title_heads`` + ``title_tails``: رئيس الوزراء، وزير الخارجية، ولي
العهد). Used by ``arguments._set_prep`` when no preposition stands right before the unit.
"""

from __future__ import annotations

from .cues import cue
from .lexicon import Token

__all__ = ["head_prep"]

_ACTOR_HEADS = cue("actor_heads")
_TITLE_HEADS = cue("title_heads")
_TITLE_TAILS = cue("title_tails")
#: the prepositions that may stand before the head: a partner "مع"
_HEAD_PREPS = cue("head_preps")


def _bare(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def head_prep(tokens: list[Token], i: int) -> str:
    """The preposition before the head noun (or title) right before word ``i``, if it is
    one of ``head_preps``; else ""."""
    if i < 2:
        return ""
    word = _bare(tokens[i - 1].text)
    k = i - 1  # the first word of the head
    if word in _TITLE_TAILS and i >= 3 and _bare(tokens[i - 2].text) in _TITLE_HEADS:
        k = i - 2
    elif word not in _ACTOR_HEADS:
        return ""  # a glued preposition ("بالأعمال") is left alone: "القائم بالأعمال التركي"
    before = _bare(tokens[k - 1].text) if k >= 1 else ""
    return before if before in _HEAD_PREPS else ""
