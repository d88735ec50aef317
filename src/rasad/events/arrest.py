"""Arrests told with a verb that also means "stop": "أوقفت السلطات الإيرانية إيرانيا ..."، "أوقف
منفذ الهجوم" are arrests, "أوقفت الشركة رحلاتها" is not. A trigger flagged ``personobj`` in
``triggers.tsv`` is kept only when a person stands in the words after it (past its subject): a
word of cue ``arrested_people`` (منفذ، شخصا، رجلا، ناشطين ...), or a nationality told as a
person (an indefinite nisba in the accusative or plural: "إيرانيا"، "أتراكا" is not one, but
"سوريين" is).

Used by ``extractor.extract_events`` on the hits of each sentence.
"""

from __future__ import annotations

from .arguments import Unit
from .cues import cue
from .lexicon import Hit, Token
from .sides import _strip

__all__: list[str] = []  # internal to the events package

_PEOPLE = cue("arrested_people")
#: how many words after the verb the person may stand (past a subject of up to four words)
_REACH = 6


def _person(word: str) -> bool:
    w = _strip(word)
    return w in _PEOPLE or (w.startswith("ال") and w[2:] in _PEOPLE)


def _national(u: Unit, tokens: list[Token]) -> bool:
    """A nisba told as people: "إيرانيا"، "سوريين" (not the adjective "الإيرانية")."""
    word = tokens[u.i].text
    return u.nisba and not word.startswith("ال") and word.endswith(("يا", "يين", "يون"))


def person_objects(hits: list[Hit], tokens: list[Token], units: list[Unit], tj: int) -> list[Hit]:
    """``hits`` less those flagged ``personobj`` with no person after them."""
    out = []
    for h in hits:
        if h.entry.has("personobj"):
            end = min(tj, h.j + _REACH)
            near = [u for u in units if h.j <= u.i < end]
            if not any(_person(tokens[k].text) for k in range(h.j, end)) and not any(
                _national(u, tokens) for u in near
            ):
                continue
        out.append(h)
    return out
