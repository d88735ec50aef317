"""A body named again by its head noun (issue 12, class D).

News names a body in full once ("مجلس السلم والأمن التابع للاتحاد الأفريقي") and then by its
head noun alone ("ودعا المجلس ..."، "وقالت اللجنة ..."). The linker resolves neither the
head noun nor, often, the full name beyond the organisation it belongs to. Here an indefinite
head noun (cue ``backref_heads``: مجلس، مفوضية، لجنة، منظمة، هيئة، وكالة) that is the first word
of a linked body, or is followed within a few words by one ("مجلس ... التابع للاتحاد X"; a
definite one through a word of cue ``backref_links``: "المجلس الوزاري التابع للحلف"), is
remembered for its head; a later definite head noun ("المجلس"، "للجنة") that no unit covers and
that no name follows becomes an actor unit of the last body remembered for that head.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from .arguments import Unit
from .cues import cue
from .lexicon import Token
from .sides import CLAUSE_BREAKS

__all__: list[str] = []  # internal to the events package

#: head nouns of bodies, written without ال
_HEADS = cue("backref_heads")
#: "المجلس الوزاري التابع للحلف": a definite head tied to its body by one of these
_LINKS = cue("backref_links")
_REACH = 6  # the words between a head noun and the body it belongs to
#: group numbers of the added units, apart from the linker's and the state bodies'
_GROUP_BASE = 2_000_000


@lru_cache(maxsize=1 << 16)
def _reading(word: str) -> tuple[str, str, bool] | None:
    """(head, preposition, definite) of a word that is a head noun of a body, with a glued
    و / ف, ب or ل taken off ("وللجنة" → لجنة, ل, definite)."""
    w = word[1:] if len(word) > 3 and word[0] in "وف" else word
    prep = ""
    if w.startswith("لل"):
        w, prep = "ال" + w[2:], "ل"
    elif len(w) > 4 and w[0] in "بل" and w[1:3] == "ال":
        w, prep = w[1:], w[0]
    definite = w.startswith("ال")
    head = w[2:] if definite else w
    return (head, prep, definite) if head in _HEADS else None


def add_back_references(units: list[Unit], tokens: list[Token]) -> list[Unit]:
    """``units`` with a unit for each definite head noun that names a body again."""
    if not _HEADS:
        return units
    starts = [u.i for u in units]
    covering = {k: u for u in units for k in range(u.i, u.j)}
    memory: dict[str, Unit] = {}
    added: list[Unit] = []
    for k, tok in enumerate(tokens):
        read = _reading(tok.text)
        if read is None:
            continue
        head, prep, definite = read
        here = covering.get(k)
        if here is not None:
            if here.is_actor and here.i == k and here.entity is not None:
                memory[head] = here  # "منظمة الصحة العالمية" linked whole
            continue
        nxt_at = bisect_left(starts, k + 1)
        nxt = units[nxt_at] if nxt_at < len(units) else None
        if (
            nxt is not None
            and nxt.kind == "ORG"
            and nxt.is_actor
            and nxt.i - k <= _REACH
            and not any(tokens[m].text in CLAUSE_BREAKS for m in range(k + 1, nxt.i))
            and (not definite or any(tokens[m].text in _LINKS for m in range(k + 1, nxt.i)))
        ):
            memory[head] = nxt  # "مجلس السلم والأمن التابع للاتحاد الأفريقي"
            continue
        if not definite:
            continue
        if nxt is not None and nxt.i == k + 1:
            continue  # "المجلس الأوروبي": a name follows
        body = memory.get(head)
        if body is None:
            continue
        added.append(
            replace(
                body,
                i=k,
                j=k + 1,
                start=tok.start,
                end=tok.end,
                prep=prep,
                group=_GROUP_BASE + len(added),
                clitic_wa=tok.text.startswith("و"),
                entities=list(body.entities),
            )
        )
    if not added:
        return units
    return sorted(units + added, key=lambda u: u.start)
