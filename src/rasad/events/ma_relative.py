""""ما" that is not a negator: after a pronoun or demonstrative ("وهو ما دعا X إلى ...",
"وهذا ما دفع Y ...") or a word of accordance ("وفق ما أعلنت", "بحسب ما أفاد") it means
"what", and the verb after it is stated as fact.

Used by ``arguments.is_negated``; the words are cue ``ma_relative_heads``.
"""

from __future__ import annotations

from .cues import cue
from .lexicon import Token

__all__ = ["relative_ma"]

_HEADS = cue("ma_relative_heads")
_MA = "ما"


def relative_ma(tokens: list[Token], k: int, lo: int) -> bool:
    """Word ``k`` is "ما" and the word before it (not before ``lo``) makes it "what"."""
    if tokens[k].text.lstrip("وف") != _MA and tokens[k].text != _MA:
        return False
    if k - 1 < lo:
        return False
    word = tokens[k - 1].text
    return word in _HEADS or (len(word) > 2 and word[0] in "وف" and word[1:] in _HEADS)
