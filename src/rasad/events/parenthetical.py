"""A subject separated from its noun by a relative clause between commas: "وقعت دول X و Y
و Z، الواقعة في ... والتي تحكمها ...، اتفاقا أمنيا" — the states sign, the clause between
the commas only describes them.

Used by ``subject.first_side`` for a noun trigger that finds no subject within its usual
reach: the words of such a clause do not count.
"""

from __future__ import annotations

from .arguments import Unit
from .lexicon import Hit, Token
from .sides import _COMPLEMENTIZERS, RELATIVES, _Sentence, _strip

__all__: list[str] = []  # internal to the events package

#: at most this many words between the closing comma and the noun (not a complementizer:
#: "قالت X، التي ...، إن المحادثات" is a report, the noun is in its clause)
_AFTER = 1
#: at most this many words inside the clause
_INSIDE = 16


def subject_past_clause(hit: Hit, sent: _Sentence, tokens: list[Token]) -> list[Unit] | None:
    """The actor group right before a comma-bounded clause that opens with a relative
    pronoun or a definite participle and closes a few words before ``hit``."""
    closing = [c for c in sent.commas if c <= hit.i and hit.i - c <= _AFTER]
    if not closing:
        return None
    close = closing[-1]
    if any(_strip(tokens[k].text) in _COMPLEMENTIZERS for k in range(close, hit.i)):
        return None
    opening = [c for c in sent.commas if c < close and close - c <= _INSIDE]
    if not opening:
        return None
    start = opening[-1]  # the first word after the opening comma
    first = tokens[start].text
    if first not in RELATIVES and not (first.startswith("ال") and first.endswith(("ه", "ة"))):
        return None
    before = [u for u in sent.units if u.j == start and u.is_actor and not u.prep]
    if not before:
        return None
    return [u for u in sent.units if u.group == before[0].group and u.is_actor and not u.prep]
