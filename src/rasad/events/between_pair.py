"""Talks "between the two" named after the noun: "محادثات مباشرة بين وفدي البلدين",
"اجتماع بين وزيري خارجية البلدين" — a dual noun for the two sides (cue ``anaphors``) after
بين and words for their people (cue ``pair_heads``) stands for the last pair of the
document, as "الجانبين" right after the noun does.

Used by ``subject.first_side`` for a symmetric noun with no sides of its own.
"""

from __future__ import annotations

from .arguments import ANAPHORS
from .cues import cue
from .lexicon import Hit, Token
from .sides import _strip

__all__: list[str] = []  # internal to the events package

_PAIR_HEADS = cue("pair_heads")
#: at most this many words between the noun and بين (an adjective: "مباشرة")
_TO_BETWEEN = 2


def between_pair(hit: Hit, tokens: list[Token], tj: int) -> bool:
    """بين within two words after the symmetric noun ``hit``, then only pair heads, then a
    dual anaphor."""
    if not hit.entry.has("sym") or hit.form.tense != "noun":
        return False
    for k in range(hit.j, min(tj, hit.j + _TO_BETWEEN + 1)):
        if tokens[k].text != "بين":
            continue
        m = k + 1
        while m < tj and tokens[m].text in _PAIR_HEADS:
            m += 1
        return m < tj and m - k <= 3 and _strip(tokens[m].text) in ANAPHORS
    return False
