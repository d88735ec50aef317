"""Another occasion of the same kind: "وفي وقت سابق اليوم، شنت طائرات ... غارات" reports a
strike before the one the article is about, "سابقا" / "في وقت لاحق" likewise.

An event whose trigger has such a mark before it in its sentence (cue ``other_occasion``:
one or two words, "وقت سابق", "سابقا" ...), or right after it ("أعلنت سابقا اليوم"), and a
time right after the mark ("في وقت سابق اليوم / الخميس") is a separate occasion: the merger
(``merge.merge_in_doc``) does not fold it into an event of the same type and pair told
without the mark. A bare "وفي وقت سابق، أعلنت X ..." often recalls the article's own event,
so it does not count. The mark travels in the event's date key, as a prefix (``mark`` /
``unmark``).
"""

from __future__ import annotations

from .cues import cue
from .lexicon import Hit, Token

__all__ = ["MARK", "mark", "other_occasion", "same_occasion", "unmark"]

_MARKS = cue("other_occasion")
#: the prefix of a date key that marks another occasion
MARK = "@other:"


def _word(text: str) -> str:
    return text[1:] if len(text) > 3 and text[0] in "وف" else text


def other_occasion(
    hit: Hit, tokens: list[Token], ti: int, tj: int, date_starts: list[int]
) -> bool:
    """A mark of another occasion before ``hit`` in its sentence, or right after it, with a
    date expression starting right after the mark (``date_starts``: norm offsets)."""

    def timed(k: int) -> bool:  # the mark ends with token k: "سابق اليوم", "سابق من مساء اليوم"
        return any(tokens[m].start in date_starts for m in range(k + 1, min(tj, k + 4)))

    for k in range(ti, hit.i):
        one = _word(tokens[k].text)
        if one in _MARKS and timed(k):
            return True
        if k + 1 < hit.i and f"{one} {tokens[k + 1].text}" in _MARKS and timed(k + 1):
            return True
    return any(
        _word(tokens[k].text) in _MARKS and timed(k) for k in range(hit.j, min(tj, hit.j + 2))
    )


def mark(key: str | None) -> str:
    return MARK + (key or "")


def unmark(key: str | None) -> str | None:
    if key is None or not key.startswith(MARK):
        return key
    return key[len(MARK) :] or None


def same_occasion(a: str | None, b: str | None) -> bool:
    """Both marked or both unmarked."""
    return (a or "").startswith(MARK) == (b or "").startswith(MARK)
